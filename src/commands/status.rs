//! `status`: reads the chain (account role, stages, log groups) per region, reports every finding
//! as a tree or JSON, exits 5 on errors; `--fix` repairs what can be repaired through one plan.

use crate::api::{Api, ApiKind};
use crate::app::context::{Ctx, GREEN, RED, YELLOW};
use crate::app::execute::{self, Target};
use crate::audit::{self, Leftover, SessionState, StageFacts};
use crate::aws::cloudwatch::Sums;
use crate::aws::sts::Identity;
use crate::aws::{Clients, logs};
use crate::cli::{ApisRef, ColorWhen, StatusArgs};
use crate::error;
use crate::finding::{Finding, Remedy, Severity};
use crate::groups::{default_log_group, execution_log_group, rest_execution_log_group};
use crate::logging::StageLogging;
use crate::plan::Plan;
use crate::plan::delete_log_group_step;
use crate::planner::role::{NewRole, plan_healthy_account_role, role_health};
use crate::planner::session::Sessions;
use crate::planner::stage::{Mode, plan_requests, readable_deliveries, stale_routes};
use crate::planner::targets::{in_each_region, resolve_apis};
use futures::{StreamExt as _, TryStreamExt as _};
use serde::Serialize;
use std::time::Duration;

#[derive(Serialize)]
struct RegionStatus {
    region: String,
    account: AccountStatus,
    apis: Vec<ApiStatus>,
    /// `--controls`: pass and fail counts per Security Hub control.
    #[serde(skip_serializing_if = "Option::is_none")]
    controls: Option<Vec<crate::controls::ControlCount>>,
}

#[derive(Serialize)]
struct AccountStatus {
    role_arn: Option<String>,
    findings: Vec<Finding>,
}

/// An API as read (serialized as its `id` and `name`), for `--fix` to plan from without reading
/// it again.
#[derive(Serialize)]
struct ApiStatus {
    #[serde(flatten)]
    api: Api,
    stages: Vec<StageStatus>,
}

#[derive(Serialize)]
struct StageStatus {
    stage: String,
    /// The CloudFormation stack or Terraform resource that defines the stage, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<crate::owner::Owner>,
    findings: Vec<Finding>,
    #[serde(skip)]
    logging: StageLogging,
    #[serde(skip)]
    controls: Vec<audit::ControlResult>,
}

impl RegionStatus {
    fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.account
            .findings
            .iter()
            .chain(self.apis.iter().flat_map(|a| a.stages.iter().flat_map(|s| s.findings.iter())))
    }
}

pub async fn run(ctx: &Ctx, args: &StatusArgs) -> anyhow::Result<()> {
    let regions = ctx.regions();
    if args.fix && regions.len() > 1 {
        return Err(error::usage("--fix works on one region at a time; run it once per --region"));
    }
    let resolve = |clients: Clients| async move { audit_region(ctx, &clients, args).await };
    let report_or_fix = |clients: Clients, (identity, status): (Identity, RegionStatus)| async move {
        if args.fix {
            return fix(ctx, &clients, &identity, args, status).await.map(|()| None);
        }
        Ok(Some(status))
    };
    let report: Vec<RegionStatus> = in_each_region(ctx, regions, resolve, |_: &_| Ok(()), report_or_fix)
        .await?
        .into_iter()
        .flatten()
        .collect();
    if args.fix {
        return Ok(());
    }
    for region in &report {
        ctx.count_controls(region.controls.as_deref().unwrap_or_default());
    }
    let (errors, warnings) = audit::tally(report.iter().flat_map(RegionStatus::findings));
    let stages: usize = report.iter().flat_map(|r| &r.apis).map(|a| a.stages.len()).sum();
    ctx.count(|tally| {
        tally.stages += stages;
        tally.errors += errors;
        tally.warnings += warnings;
    });
    if ctx.json() {
        let (errors, warnings) = audit::tally(report.iter().flat_map(RegionStatus::findings));
        ctx.print_json(&serde_json::json!({ "regions": report, "errors": errors, "warnings": warnings }))?;
    } else {
        print!("{}", render(&report, Marks::for_terminal(ctx)));
    }
    verdict(report.iter().flat_map(RegionStatus::findings), args.strict)
}

/// Exit 5 when any error remains (or any warning, with `--strict`).
fn verdict<'a>(findings: impl IntoIterator<Item = &'a Finding>, strict: bool) -> anyhow::Result<()> {
    let (errors, warnings) = audit::tally(findings);
    if errors > 0 || (strict && warnings > 0) {
        return Err(error::findings(format!(
            "{errors} error(s), {warnings} warning(s) in the logging chain"
        )));
    }
    Ok(())
}

/// The region's status, and who the caller is (a fix needs it too).
async fn audit_region(
    ctx: &Ctx,
    clients: &Clients,
    args: &StatusArgs,
) -> anyhow::Result<(Identity, RegionStatus)> {
    ctx.progress(format_args!("checking {}", clients.region));
    // The caller and the APIs first (the region's other reads are under way already); then the
    // account's role and the APIs' stages side by side: neither needs the other.
    let wanted = ApisRef { apis: args.apis.clone(), all_apis: args.apis.is_empty(), api_type: args.api_type };
    let (identity, apis) = tokio::try_join!(clients.identity(), resolve_apis(ctx, clients, &wanted))?;
    let identity = &identity;
    let health = async {
        let role_arn = clients.account_role().await?;
        let health = match &role_arn {
            Some(arn) => Some(role_health(clients, identity, arn).await?),
            None => None,
        };
        anyhow::Ok((role_arn, health))
    };
    // APIs are read concurrently (--concurrency), in order; log groups with default names come
    // from one listing for the whole region.
    let guess_from = apis.clone();
    let any_rest = apis.iter().any(|a| a.kind == ApiKind::Rest);
    let all_http = !apis.is_empty() && apis.iter().all(|a| a.kind == ApiKind::Http);
    let audits = async {
        let deliveries = match any_rest {
            true => readable_deliveries(ctx, clients).await?,
            false => None,
        };
        let sessions = &crate::planner::session::sessions(ctx, clients).await;
        futures::stream::iter(apis)
            .map(|api| audit_api(clients, identity, args, deliveries, sessions, api))
            .buffered(usize::from(ctx.global.concurrency))
            .try_collect::<Vec<ApiStatus>>()
            .await
    };
    // The silent-chain metrics, guessed from what is known before the stages are read.
    let guessed = async { anyhow::Ok(guessed_sums(clients, &guess_from, &args.stages).await) };
    let ((role_arn, health), statuses, guessed) = tokio::try_join!(health, audits, guessed)?;
    // HTTP APIs deliver their logs without the account role.
    let findings = match all_http {
        true => vec![audit::role_not_needed()],
        false => audit::account_findings(&clients.region, health.as_ref()),
    };
    let account = AccountStatus { findings, role_arn };
    let mut statuses = statuses;
    let pairs: Vec<(Api, StageLogging)> =
        statuses.iter().flat_map(|a| a.stages.iter().map(|s| (a.api.clone(), s.logging.clone()))).collect();
    // Owners and silent chains side by side: neither needs the other.
    let (owners, silent) = tokio::join!(
        crate::planner::owner::owners(ctx, clients, &pairs),
        silent_chains(ctx, clients, &account, &statuses, guessed)
    );
    let mut owners = owners.into_iter();
    for stage in statuses.iter_mut().flat_map(|a| a.stages.iter_mut()) {
        stage.owner = owners.next().flatten();
    }
    for ((api, stage), finding) in silent {
        statuses[api].stages[stage].findings.push(finding);
    }
    price_data_trace(ctx, clients, &mut statuses).await;
    let stages_seen: usize = statuses.iter().map(|a| a.stages.len()).sum();
    if !args.stages.is_empty() && stages_seen == 0 {
        return Err(error::usage(format!(
            "--stage: no checked API in {} has a stage named {}",
            clients.region,
            args.stages.join(" or ")
        )));
    }
    let controls = args.controls.then(|| {
        let results: Vec<audit::ControlResult> =
            statuses.iter().flat_map(|a| a.stages.iter().flat_map(|s| s.controls.iter().cloned())).collect();
        audit::count_controls(&results)
    });
    Ok((identity.clone(), RegionStatus { region: clients.region.clone(), account, apis: statuses, controls }))
}

/// Where a stage's logs go, by name.
enum Named {
    Group(String),
    /// The delivery stream's ARN and name.
    Stream(String, String),
}

/// Where a stage's logs go, watched for silence.
enum Watched {
    Group(crate::groups::LogGroup),
    /// The delivery stream's ARN and name.
    Stream(String, String),
}

/// The silent-chain metrics guessed before the stages are read, so that reading them does not
/// wait for the stages: each API's stages named by `--stage` or by the default log groups of
/// the region's listing (already under way), their traffic and those groups' intake. A wrong
/// guess costs a few unused queries; a missed one is read after the stages. `None` when nothing
/// could be guessed or the read failed (it is then made, and reported, after the stages).
async fn guessed_sums(clients: &Clients, apis: &[Api], stages: &[String]) -> Option<Sums> {
    let listed = clients.default_log_group_names().await;
    let mut keys = Vec::new();
    for api in apis.iter().filter(|api| !crate::planner::cost::shares_rest_metrics(clients, api)) {
        let mut names: Vec<&str> = stages.iter().map(String::as_str).collect();
        names.extend(listed.iter().filter_map(|group| crate::groups::default_group_stage(api, group)));
        names.sort_unstable();
        names.dedup();
        for stage in names {
            keys.extend(crate::planner::cost::traffic_metrics(api, stage).0);
            keys.push(crate::planner::cost::incoming_bytes(&default_log_group(api, stage)));
            keys.push(crate::planner::cost::incoming_bytes(&execution_log_group(api, stage)));
        }
    }
    if keys.is_empty() {
        return None;
    }
    crate::aws::cloudwatch::last_day_sums(&clients.cw, &keys, std::time::SystemTime::now()).await.ok()
}

/// Stages with logging on and traffic in the last 24 hours whose destination took in nothing in
/// that time. The metrics come from `guessed` (read beside the stages), and those it lacks from
/// one more GetMetricData; then, for each silent destination, its newest stream (an event in the
/// window clears it) and the causes, checked side by side. Returns each finding with the indexes
/// of its API and stage. Advisory: metrics that cannot be read leave a warning, not a finding.
async fn silent_chains(
    ctx: &Ctx,
    clients: &Clients,
    account: &AccountStatus,
    statuses: &[ApiStatus],
    guessed: Option<Sums>,
) -> Vec<((usize, usize), Finding)> {
    use crate::silence::{self, Logs};
    // Each stage's destinations, by name (groups are looked up with the metrics).
    let mut named = Vec::new();
    for (a, api_status) in statuses.iter().enumerate() {
        if crate::planner::cost::shares_rest_metrics(clients, &api_status.api) {
            continue;
        }
        for (s, stage) in api_status.stages.iter().enumerate() {
            let logging = &stage.logging;
            let access =
                logging.access.as_ref().and_then(|a| crate::arn::parse_destination(&a.destination_arn).ok());
            match access {
                Some((crate::arn::Destination::LogGroup { name }, _)) => {
                    named.push(((a, s), Logs::Access, Named::Group(name)));
                }
                Some((crate::arn::Destination::Firehose { arn }, parsed)) => {
                    // The parser checked that the resource is deliverystream/NAME.
                    let name = parsed.resource.trim_start_matches("deliverystream/").to_string();
                    named.push(((a, s), Logs::Access, Named::Stream(arn, name)));
                }
                None => {}
            }
            // At INFO every request writes execution lines; at ERROR silence can be health.
            if api_status.api.kind != ApiKind::Http
                && logging.stage_wide().level == crate::settings::Level::Info
            {
                let name = execution_log_group(&api_status.api, &logging.stage_name);
                named.push(((a, s), Logs::Execution, Named::Group(name)));
            }
        }
    }
    if named.is_empty() {
        return Vec::new();
    }
    let intake = |destination: &Named| match destination {
        Named::Group(name) => crate::planner::cost::incoming_bytes(name),
        Named::Stream(_, name) => crate::aws::cloudwatch::MetricKey {
            namespace: "AWS/Firehose",
            name: "IncomingRecords",
            dimensions: vec![("DeliveryStreamName", name.clone())],
        },
    };
    let mut keys = Vec::new();
    for ((a, s), _, destination) in &named {
        keys.extend(
            crate::planner::cost::traffic_metrics(&statuses[*a].api, &statuses[*a].stages[*s].stage).0,
        );
        keys.push(intake(destination));
    }
    let mut sums = guessed.unwrap_or_default();
    keys.retain(|key| !sums.totals.contains_key(key));
    keys.sort();
    keys.dedup();
    // The missing metrics and the groups (custom names are one call each) side by side.
    let missing = async {
        match keys.is_empty() {
            true => Ok(None),
            false => crate::aws::cloudwatch::last_day_sums(&clients.cw, &keys, std::time::SystemTime::now())
                .await
                .map(Some),
        }
    };
    let groups = futures::future::join_all(named.iter().map(|(_, _, destination)| async move {
        match destination {
            Named::Group(name) => clients.find_log_group(name).await.ok().flatten().map(Watched::Group),
            Named::Stream(arn, name) => Some(Watched::Stream(arn.clone(), name.clone())),
        }
    }));
    let (missing, groups) = tokio::join!(missing, groups);
    match missing {
        Ok(read) => sums.totals.extend(read.into_iter().flat_map(|read| read.totals)),
        Err(err) => {
            ctx.warn(format_args!(
                "silent logging chains not checked: the traffic metrics could not be read ({err:#})"
            ));
            return Vec::new();
        }
    }
    // A group that does not exist is `status`'s own finding already.
    let watched: Vec<_> = named
        .into_iter()
        .zip(groups)
        .filter_map(|((at, logs, named), group)| group.map(|group| (at, logs, named, group)))
        .collect();
    let now = std::time::SystemTime::now();
    let day_ago = chrono::DateTime::<chrono::Utc>::from(now) - chrono::Duration::hours(24);
    let sum = |key: &crate::aws::cloudwatch::MetricKey| sums.totals.get(key).copied().flatten();
    let role_name = account
        .role_arn
        .as_deref()
        .map(crate::arn::role_name)
        .unwrap_or(crate::trust::DEFAULT_ROLE_NAME)
        .to_string();
    let role_healthy = !account.findings.iter().any(|f| f.severity == Severity::Error);
    let silent: Vec<_> = watched
        .into_iter()
        .filter_map(|((a, s), logs, named, destination)| {
            let api = &statuses[a].api;
            let stage = &statuses[a].stages[s].logging;
            let requests: f64 =
                crate::planner::cost::traffic_metrics(api, &stage.stage_name).0.iter().filter_map(sum).sum();
            let received = sum(&intake(&named)).unwrap_or(0.0);
            (requests > 0.0 && received <= 0.0).then_some(((a, s), logs, destination, requests))
        })
        .collect();
    // What the causes need, each read once (groups often share a key) and all side by side: each
    // silent group's newest stream (the metric can lag or be missing; a stream written in the
    // window is evidence enough), the keys' policies, the streams' status.
    let mut keys: Vec<&str> = Vec::new();
    let mut streams: Vec<&str> = Vec::new();
    for (_, _, destination, _) in &silent {
        match destination {
            Watched::Group(group) => keys.extend(group.kms_key_id.as_deref()),
            Watched::Stream(_, name) => streams.push(name),
        }
    }
    keys.sort_unstable();
    keys.dedup();
    streams.sort_unstable();
    streams.dedup();
    let err = |e: anyhow::Error| format!("{e:#}");
    let (last_events, policies, stream_states) = tokio::join!(
        futures::future::join_all(silent.iter().map(|(_, _, destination, _)| async move {
            match destination {
                Watched::Group(group) => {
                    crate::aws::logs::last_event_time(&clients.logs, &group.name).await.ok().flatten()
                }
                Watched::Stream(..) => None,
            }
        })),
        futures::future::join_all(
            keys.iter()
                .map(|key| async move { crate::aws::kms::key_policy(&clients.kms, key).await.map_err(err) })
        ),
        futures::future::join_all(streams.iter().map(|name| async move {
            crate::aws::firehose::stream_status(&clients.firehose, name).await.map_err(err)
        })),
    );
    let policy_of = |key: &str| policies[keys.binary_search(&key).expect("every key was read")].clone();
    let state_of =
        |name: &str| stream_states[streams.binary_search(&name).expect("every stream was read")].clone();
    let region = clients.region.as_str();
    let mut findings = Vec::new();
    for (((a, s), logs, destination, requests), last_event) in silent.iter().zip(last_events) {
        if last_event.is_some_and(|t| t > day_ago) {
            continue;
        }
        let api = &statuses[*a].api;
        let stage = &statuses[*a].stages[*s].logging;
        let at = crate::finding::At { region, stage: Some((&api.id, &stage.stage_name)) };
        let mut causes = Vec::new();
        // HTTP APIs deliver access logs without the account role.
        if api.kind != ApiKind::Http {
            causes.push(silence::role_cause(account.role_arn.as_deref(), role_healthy, &role_name, &at));
        }
        let destination = match destination {
            Watched::Group(group) => {
                if let Some(key) = &group.kms_key_id {
                    causes.push(silence::key_cause(key, policy_of(key), region));
                }
                if let (Logs::Access, Some(access)) = (logs, &stage.access) {
                    let set = || {
                        crate::request::CommandLine::apigw_logs(&["stage", "set"])
                            .arg("--region", region)
                            .arg("--api", &api.id)
                            .arg("--stage", &stage.stage_name)
                    };
                    let off = set().flag("--no-access-log");
                    let on = set()
                        .arg("--access-log-destination", &access.destination_arn)
                        .arg("--access-log-format", &access.format);
                    let reset =
                        crate::request::CommandLine::words(&[&off.to_string(), "&&", &on.to_string()]);
                    causes.extend(silence::recreated_cause(
                        &group.name,
                        group.created,
                        stage.updated,
                        &reset,
                    ));
                }
                group.name.clone()
            }
            Watched::Stream(arn, name) => {
                causes.push(silence::stream_cause(arn, state_of(name)));
                arn.clone()
            }
        };
        let silence = silence::Silence { logs: *logs, destination, requests: *requests, causes };
        findings.push(((*a, *s), silence.finding()));
    }
    findings
}

/// Says what data trace costs a month on the stages that have it on and traffic to log: the
/// stage as it is, priced against the same stage without data trace (one metrics read for all).
async fn price_data_trace(ctx: &Ctx, clients: &Clients, statuses: &mut [ApiStatus]) {
    // The model prices the stage-wide setting (per-method overrides are not priced).
    let traced = |s: &StageStatus| s.logging.stage_wide().data_trace;
    let (mut stages, mut without) = (Vec::new(), Vec::new());
    for api_status in statuses.iter() {
        for stage in api_status.stages.iter().filter(|s| traced(s)) {
            let mut off = stage.logging.clone();
            off.methods.values_mut().for_each(|m| m.data_trace = false);
            stages.push((api_status.api.clone(), stage.logging.clone()));
            without.push(off);
        }
    }
    if stages.is_empty() {
        return;
    }
    let report = crate::planner::cost::estimate(ctx, clients, &stages, &without, &Plan::default(), &[]).await;
    let mut costs = report.stages.into_iter();
    for stage in statuses.iter_mut().flat_map(|a| a.stages.iter_mut()).filter(|s| traced(s)) {
        let Some(cost) = costs.next() else { break };
        let (Some(traffic), Some(with), Some(off)) = (&cost.traffic, &cost.before, &cost.after) else {
            continue;
        };
        if traffic.requests_per_day <= 0.0 {
            continue;
        }
        for finding in stage.findings.iter_mut().filter(|f| f.code == "data-trace-on") {
            finding.message.push_str(&format!(
                "; at {} requests/day it adds about {} USD/month of logs (estimated), and AWS recommends against data trace in production",
                crate::cost::count(traffic.requests_per_day),
                crate::cost::usd(with.usd - off.usd)
            ));
        }
    }
}

/// One GetStages for the API, then each (selected) stage's findings.
async fn audit_api(
    clients: &Clients,
    identity: &Identity,
    args: &StatusArgs,
    deliveries: Option<&crate::delivery::Index>,
    sessions: &Sessions,
    api: Api,
) -> anyhow::Result<ApiStatus> {
    let stages: Vec<StageLogging> = crate::aws::stages(clients, &api)
        .await?
        .into_iter()
        .filter(|s| args.stages.is_empty() || args.stages.contains(&s.stage_name))
        .collect();
    let mut audited = Vec::new();
    for stage in stages {
        let access_group =
            match stage.access.as_ref().and_then(|a| crate::arn::log_group_name_of(&a.destination_arn)) {
                Some(name) => clients.find_log_group(&name).await?,
                None => None,
            };
        let default_access_group = match (&stage.access, args.min_retention()) {
            (None, Some(_)) => clients.find_log_group(&default_log_group(&api, &stage.stage_name)).await?,
            _ => None,
        };
        let execution_group = match api.kind {
            ApiKind::Http => None,
            _ => clients.find_log_group(&execution_log_group(&api, &stage.stage_name)).await?,
        };
        // Earlier versions pre-created the REST name for WebSocket stages; nothing writes there.
        let leftover_execution_group = match api.kind {
            ApiKind::Websocket => {
                match clients.find_log_group(&rest_execution_log_group(&api.id, &stage.stage_name)).await? {
                    Some(group) => {
                        let holds_events = logs::has_log_streams(&clients.logs, &group.name).await?;
                        Some(Leftover { group, holds_events })
                    }
                    None => None,
                }
            }
            _ => None,
        };
        let stale_routes = stale_routes(clients, &api, &stage).await?;
        let deliveries = deliveries
            .filter(|_| api.kind == ApiKind::Rest)
            .and_then(|index| index.for_stage(&api.id, &stage.stage_name));
        let mut missing_delivery_groups = Vec::new();
        for spec in deliveries.iter().flat_map(|d| &d.deliveries).filter_map(|d| d.spec()) {
            if let Some(group) = spec.log_group()
                && clients.find_log_group(group).await?.is_none()
            {
                missing_delivery_groups.push(group.to_string());
            }
        }
        let facts = StageFacts {
            partition: &identity.partition,
            region: &clients.region,
            account: &identity.account,
            api: &api,
            stage: &stage,
            access_group,
            execution_group,
            default_access_group,
            leftover_execution_group,
            stale_routes,
            deliveries,
            missing_delivery_groups,
            min_retention_days: args.min_retention(),
            controls: args.controls,
            session: session_state(sessions, &api, &stage),
        };
        let findings = audit::stage_findings(&facts);
        let controls = audit::control_results(
            &facts,
            args.min_retention().unwrap_or(crate::controls::CONTROL_MIN_RETENTION_DAYS),
        );
        audited.push(StageStatus {
            stage: stage.stage_name.clone(),
            owner: None,
            findings,
            logging: stage,
            controls,
        });
    }
    Ok(ApiStatus { api, stages: audited })
}

fn session_state(sessions: &Sessions, api: &Api, stage: &StageLogging) -> SessionState {
    if let Some(open) = sessions.schedule(&api.id, &stage.stage_name) {
        let listed = crate::session::parse_description(&open.description);
        return listed
            .map_or(SessionState::None, |l| SessionState::Open { ends: l.ends, reverts: l.reverts });
    }
    match sessions.record(&api.id, &stage.stage_name) {
        Some(record) if record.still_applied(stage) => {
            SessionState::NotReverted { ends: record.ends, over: record.ends <= chrono::Utc::now() }
        }
        _ => SessionState::None,
    }
}

/// Prints the findings, then plans and applies every automatic remedy.
async fn fix(
    ctx: &Ctx,
    clients: &Clients,
    identity: &Identity,
    args: &StatusArgs,
    status: RegionStatus,
) -> anyhow::Result<()> {
    if !ctx.json() {
        print!("{}", render(std::slice::from_ref(&status), Marks::for_terminal(ctx)));
    }
    let mut steps = Vec::new();
    let role = status.account.findings.iter().find_map(|f| match &f.remedy {
        Some(Remedy::AccountRole(name)) => Some(name.clone()),
        _ => None,
    });
    if let Some(role_name) = role {
        let role = NewRole { name: &role_name, hardened: false };
        steps.extend(plan_healthy_account_role(clients, identity, role).await?);
    }
    let mut stage_steps = Vec::new();
    let (mut priced, mut afters) = (Vec::new(), Vec::new());
    for api_status in &status.apis {
        for stage_status in &api_status.stages {
            for finding in &stage_status.findings {
                if let Some(Remedy::DeleteLogGroup(name)) = &finding.remedy {
                    steps.push(delete_log_group_step(name));
                }
            }
            let requests = audit::stage_requests(&stage_status.findings);
            let (api, stage) = (&api_status.api, &stage_status.logging);
            let planned = plan_requests(ctx, clients, identity, api, stage, &requests, Mode::Set).await?;
            stage_steps.extend(planned.steps);
            priced.push((api.clone(), stage.clone()));
            afters.push(planned.after);
        }
    }
    steps.extend(stage_steps);
    let plan = Plan { steps };
    let cost = crate::planner::cost::estimate(ctx, clients, &priced, &afters, &plan, &[]).await;
    let unfixable: Vec<&Finding> =
        status.findings().filter(|f| f.severity != Severity::Ok && f.remedy.is_none()).collect();
    let (errors, warnings) = audit::tally(unfixable.iter().copied());
    let stages: usize = status.apis.iter().map(|a| a.stages.len()).sum();
    ctx.count(|tally| {
        tally.stages += stages;
        tally.errors += errors;
        tally.warnings += warnings;
    });
    let subject = format!("the logging chain in {}", clients.region);
    let target = Target {
        wait: Duration::from_secs(args.wait.seconds),
        confirm: Some(format!("status --fix makes {} change(s)", plan.steps.len())),
        cost: Some(cost),
        ..Target::new("status --fix", &clients.region, subject, serde_json::to_value(&status)?)
    };
    execute::run(ctx, clients, &plan, target).await?;
    if ctx.dry_run() {
        // Nothing was repaired: the verdict is on everything found.
        return verdict(status.findings(), args.strict);
    }
    if !unfixable.is_empty() && !ctx.json() {
        println!("Left for you ({}): run `apigw-logs status` for the fixes.", unfixable.len());
    }
    verdict(unfixable, args.strict)
}

/// Status marks and tree branches: Unicode, or ASCII when the terminal may not show it.
#[derive(Clone, Copy)]
struct Marks {
    ok: &'static str,
    warning: &'static str,
    error: &'static str,
    branch: &'static str,
    last: &'static str,
    pipe: &'static str,
}

impl Marks {
    const UNICODE: Marks =
        Marks { ok: "✓", warning: "!", error: "✗", branch: "├─ ", last: "└─ ", pipe: "│  " };
    const ASCII: Marks =
        Marks { ok: "ok", warning: "!!", error: "XX", branch: "+- ", last: "`- ", pipe: "|  " };

    /// ASCII unless the locale is UTF-8 and colour is not switched off (NO_COLOR, --color never).
    fn for_terminal(ctx: &Ctx) -> Marks {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let utf8 = locale.contains("utf-8") || locale.contains("utf8");
        let no_color = ctx.global.color == ColorWhen::Never
            || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if utf8 && !no_color { Marks::UNICODE } else { Marks::ASCII }
    }

    fn of(&self, severity: Severity) -> String {
        let (mark, style) = match severity {
            Severity::Ok => (self.ok, GREEN),
            Severity::Warning => (self.warning, YELLOW),
            Severity::Error => (self.error, RED),
        };
        format!("{style}{mark}{style:#}")
    }
}

/// The findings as a tree: region → account / API → stage, one line per finding, fixes under
/// the problems, and a summary line.
fn render(report: &[RegionStatus], marks: Marks) -> String {
    let mut out = String::new();
    let finding_lines = |out: &mut String, indent: &str, findings: &[Finding]| {
        for finding in findings {
            let controls = match finding.controls.as_slice() {
                [] => String::new(),
                ids => format!("  [{}]", ids.join(", ")),
            };
            out.push_str(&format!("{indent}{} {}{controls}\n", marks.of(finding.severity), finding.message));
            if let (Some(fix), false) = (&finding.fix, finding.severity == Severity::Ok) {
                out.push_str(&format!("{indent}    fix: {fix}\n"));
            }
        }
    };
    for region in report {
        out.push_str(&format!("{}\n", region.region));
        let account_is_last = region.apis.is_empty();
        let (branch, child) = if account_is_last { (marks.last, "   ") } else { (marks.branch, marks.pipe) };
        out.push_str(&format!("{branch}account\n"));
        finding_lines(&mut out, &format!("{child}   "), &region.account.findings);
        for (i, api) in region.apis.iter().enumerate() {
            let last_api = i + 1 == region.apis.len();
            let (branch, child) = if last_api { (marks.last, "   ") } else { (marks.branch, marks.pipe) };
            out.push_str(&format!("{branch}API {} ({})\n", api.api.shown_name(), api.api.id));
            if api.stages.is_empty() {
                out.push_str(&format!("{child}   (no stages)\n"));
            }
            for (j, stage) in api.stages.iter().enumerate() {
                let last_stage = j + 1 == api.stages.len();
                let (branch, grandchild) =
                    if last_stage { (marks.last, "   ") } else { (marks.branch, marks.pipe) };
                let owner =
                    stage.owner.as_ref().map(|o| format!(" (defined by {})", o.label())).unwrap_or_default();
                out.push_str(&format!("{child}{branch}stage {}{owner}\n", stage.stage));
                finding_lines(&mut out, &format!("{child}{grandchild}   "), &stage.findings);
            }
        }
    }
    for region in report {
        if let Some(controls) = &region.controls {
            out.push_str(&format!(
                "Security Hub controls in {} (stages and log groups checked here):\n",
                region.region
            ));
            for count in controls {
                out.push_str(&format!(
                    "  {:<14} passed {:>4}   failed {:>4}\n",
                    count.control, count.passed, count.failed
                ));
            }
        }
    }
    let (errors, warnings) = audit::tally(report.iter().flat_map(RegionStatus::findings));
    out.push_str(&format!("{errors} error(s), {warnings} warning(s)\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(severity: Severity, message: &str) -> Finding {
        Finding {
            severity,
            code: "c",
            message: message.into(),
            fix: Some("apigw-logs x".into()),
            controls: vec![],
            remedy: None,
        }
    }

    fn api(id: &str, name: &str) -> Api {
        Api { id: id.into(), name: name.into(), ..Default::default() }
    }

    fn stage(name: &str, finding: Finding) -> StageStatus {
        StageStatus {
            owner: None,
            stage: name.into(),
            findings: vec![finding],
            logging: StageLogging::default(),
            controls: vec![],
        }
    }

    #[test]
    fn the_tree_nests_region_account_api_and_stage() {
        let report = vec![RegionStatus {
            region: "us-east-1".into(),
            account: AccountStatus { role_arn: None, findings: vec![finding(Severity::Ok, "role set")] },
            apis: vec![
                ApiStatus {
                    api: api("a1", "orders"),
                    stages: vec![
                        stage("dev", finding(Severity::Warning, "never expires")),
                        stage("prod", finding(Severity::Error, "logging OFF")),
                    ],
                },
                ApiStatus { api: api("b2", "empty"), stages: vec![] },
            ],
            controls: Some(vec![crate::controls::ControlCount {
                control: "APIGateway.1",
                passed: 1,
                failed: 1,
            }]),
        }];
        let text = render(&report, Marks::ASCII);
        let expected = "\
us-east-1
+- account
|     ok role set
+- API orders (a1)
|  +- stage dev
|  |     !! never expires
|  |         fix: apigw-logs x
|  `- stage prod
|        XX logging OFF
|            fix: apigw-logs x
`- API empty (b2)
      (no stages)
Security Hub controls in us-east-1 (stages and log groups checked here):
  APIGateway.1   passed    1   failed    1
1 error(s), 1 warning(s)
";
        assert_eq!(anstream::adapter::strip_str(&text).to_string(), expected);
    }
}
