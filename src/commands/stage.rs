//! `stage show` and `stage set`, and the stage planning `enable` reuses.

use super::enable::fleet_target;
use super::{in_each_region, layout, resolve_targets};
use crate::apply;
use crate::arn::{self, Destination};
use crate::aws::apigw2;
use crate::aws::sts::Identity;
use crate::aws::{Clients, apigw, sts};
use crate::cli::{LoggingArgs, StageSetArgs, StageShowArgs, Targets};
use crate::context::{BOLD, Ctx, YELLOW};
use crate::error;
use crate::format::{self, ApiKind};
use crate::logging::{
    AccessChange, AccessLog, ExecutionChange, Scope, StageLogging, StageRequest, stage_patch,
    turns_on_data_trace, v2_update,
};
use crate::plan::{Action, Change, Step};
use crate::settings::{Level, MethodSpec, on_off};
use futures::{StreamExt as _, TryStreamExt as _};
use serde_json::{Value, json};
use std::time::Duration;

const DATA_TRACE_WARNING: &str = "data trace writes full request and response bodies (possibly secrets and personal data) to CloudWatch Logs; AWS advises against it in production";

/// Retention given to a log group the tool creates when `--retention-days` is not set, so access
/// logs do not accumulate (and cost) forever.
pub const DEFAULT_RETENTION_DAYS: i32 = 30;

pub async fn show(ctx: &Ctx, args: &StageShowArgs) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let targets = Targets {
        apis: args.apis.clone(),
        stages: args.stages.clone(),
        all_stages: args.stages.is_empty(),
        all_regions: false,
    };
    let pairs = resolve_targets(ctx, &clients, &targets).await?;
    // Grouped per API, in the resolved order.
    let mut apis: Vec<(&apigw::Api, Vec<&StageLogging>)> = Vec::new();
    for (api, stage) in &pairs {
        match apis.iter_mut().find(|(a, _)| *a == api) {
            Some((_, stages)) => stages.push(stage),
            None => apis.push((api, vec![stage])),
        }
    }
    if ctx.json() {
        let listed: Vec<Value> = apis
            .iter()
            .map(|(api, stages)| json!({ "api": api, "stages": stages.iter().map(|s| stage_json(s)).collect::<Vec<_>>() }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&json!({ "region": clients.region, "apis": listed }))?);
        return Ok(());
    }
    if pairs.is_empty() {
        println!("No stages.");
    }
    for (api, stages) in &apis {
        for stage in stages {
            print_stage(api, stage);
        }
    }
    Ok(())
}

fn access_json(access: Option<&AccessLog>, kind: ApiKind) -> Value {
    access.map_or(Value::Null, |a| {
        json!({
            "destination_arn": a.destination_arn,
            "format": a.format,
            "preset": kind.matching_preset(&a.format).map(|p| p.name),
            "lint": format::lint(&a.format, kind),
        })
    })
}

fn stage_json(stage: &StageLogging) -> Value {
    let overrides: Vec<Value> = stage
        .overrides()
        .map(|(scope, s)| {
            let mut entry = match &scope {
                Scope::Route(key) => json!({ "route": key }),
                other => json!({ "method": other.to_string() }),
            };
            entry["level"] = json!(s.level);
            entry["data_trace"] = json!(s.data_trace);
            entry["metrics"] = json!(s.metrics);
            entry
        })
        .collect();
    let wide = stage.stage_wide();
    json!({
        "stage": stage.stage_name,
        "execution": { "level": wide.level, "data_trace": wide.data_trace, "metrics": wide.metrics },
        "overrides": overrides,
        "access_log": access_json(stage.access.as_ref(), stage.kind),
    })
}

fn print_stage(api: &apigw::Api, stage: &StageLogging) {
    let kind = match api.kind {
        ApiKind::Rest => "API".to_string(),
        other => other.label().to_string(),
    };
    println!("{BOLD}{kind} {} ({}), stage {}{BOLD:#}", api.name, api.id, stage.stage_name);
    let wide = stage.stage_wide();
    match stage.kind {
        // HTTP APIs have no execution logging, only metrics.
        ApiKind::Http => println!("  detailed metrics: {}", on_off(wide.metrics)),
        _ => println!(
            "  execution logging: {}   data trace: {}   detailed metrics: {}",
            wide.level,
            on_off(wide.data_trace),
            on_off(wide.metrics)
        ),
    }
    let overrides: Vec<_> = stage.overrides().collect();
    if !overrides.is_empty() {
        println!("  {}:", if stage.kind == ApiKind::Rest { "method overrides" } else { "route overrides" });
        for (scope, s) in overrides {
            let label = match scope {
                Scope::Route(key) => key,
                other => other.to_string(),
            };
            match stage.kind {
                ApiKind::Http => println!("    {label}: metrics {}", on_off(s.metrics)),
                _ => println!(
                    "    {label}: {}, data trace {}, metrics {}",
                    s.level,
                    on_off(s.data_trace),
                    on_off(s.metrics)
                ),
            }
        }
    }
    print_access(stage.access.as_ref(), stage.kind);
}

fn print_access(access: Option<&AccessLog>, kind: ApiKind) {
    let Some(access) = access else {
        println!("  access logging:    off");
        return;
    };
    println!("  access logging:    {}", access.destination_arn);
    match kind.matching_preset(&access.format) {
        Some(preset) => println!("    format: {} preset", preset.name),
        None => println!("    format: {}", access.format),
    }
    for finding in format::lint(&access.format, kind).findings {
        println!("    {YELLOW}{:?}:{YELLOW:#} {}", finding.severity, finding.message);
    }
}

pub async fn set(ctx: &Ctx, args: &StageSetArgs) -> anyhow::Result<()> {
    let logging = &args.logging;
    if logging.is_empty() {
        return Err(error::usage(
            "stage set: nothing to change; give at least one of --level, --data-trace, --metrics, --clear-method, --clear-route, --access-log-group, --access-log-destination, --access-log-format, --retention-days, --execution-log-retention-days, --no-access-log",
        ));
    }
    check_offline(ctx, logging, args.targets.apis.api_type)?;
    check_region_bound(ctx, &args.targets, logging)?;
    let check = |targets: &[_]| check_targets(ctx, logging, targets);
    in_each_region(ctx, "stage set", &args.targets, check, |clients, targets| async move {
        let identity = sts::caller_identity(&clients.sts).await?;
        let planned: Vec<(Vec<Step>, StageRequest)> = futures::stream::iter(&targets)
            .map(|(api, stage)| async {
                let checked = check_offline(ctx, logging, None)?;
                plan_stage(ctx, &clients, &identity, api, stage, checked, Mode::Set).await
            })
            .buffered(usize::from(ctx.global.concurrency))
            .try_collect()
            .await?;
        let needs_role = planned
            .iter()
            .zip(&targets)
            .any(|((steps, request), (api, _))| !steps.is_empty() && request.needs_account_role(api.kind));
        if needs_role && apigw::account_role(&clients.apigw).await?.is_none() {
            return Err(error::precondition(
                format!(
                    "the API Gateway account in {} has no CloudWatch Logs role, so AWS refuses to enable logging (\"CloudWatch Logs role ARN must be set in account settings to enable logging\")",
                    clients.region
                ),
                "run `apigw-logs enable` with the same --api/--stage (it sets up the role too), or `apigw-logs account set-role --role-name NAME`",
            ));
        }
        let (plan, units) = layout(Vec::new(), &targets, planned.into_iter().map(|(steps, _)| steps).collect());
        let mut target = fleet_target("stage set", &clients, &targets, Duration::ZERO);
        target.units = units;
        apply::execute(ctx, &clients, &plan, target).await
    })
    .await
}

impl LoggingArgs {
    pub fn is_empty(&self) -> bool {
        self.level.is_none()
            && self.data_trace.is_none()
            && self.metrics.is_none()
            && self.clear_methods.is_empty()
            && self.clear_routes.is_empty()
            && self.access_log_group.is_none()
            && self.access_log_destination.is_none()
            && self.access_log_format.is_none()
            && self.retention_days.is_none()
            && self.execution_log_retention_days.is_none()
            && !self.no_access_log
    }
}

/// `enable` fills unset settings with its defaults; `stage set` leaves them as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Set,
    Enable,
}

/// The logging flags after every check that needs no AWS call: the destination ARN parsed, the
/// format checked as far as the API type is known. Done first, so bad input exits 2 even without
/// credentials.
pub struct CheckedLogging<'a> {
    pub args: &'a LoggingArgs,
    pub destination: Option<(Destination, arn::Arn)>,
}

/// `--kms-key-id` and `--access-log-destination` name a resource in one region: they cannot go to
/// several regions at once.
pub fn check_region_bound(ctx: &Ctx, targets: &Targets, logging: &LoggingArgs) -> anyhow::Result<()> {
    if !targets.all_regions && ctx.global.regions.len() <= 1 {
        return Ok(());
    }
    let bound = [
        ("--kms-key-id", logging.kms_key_id.is_some()),
        ("--access-log-destination", logging.access_log_destination.is_some()),
    ];
    match bound.iter().find(|(_, given)| *given) {
        Some((flag, _)) => Err(error::usage(format!(
            "{flag} names a resource in one region; with several regions run the command once per region"
        ))),
        None => Ok(()),
    }
}

/// Checks that need no AWS call. `kind` is the API type when `--api-type` names it; the rules
/// of each target's type are checked again when it is planned.
pub fn check_offline<'a>(
    ctx: &Ctx,
    logging: &'a LoggingArgs,
    kind: Option<ApiKind>,
) -> anyhow::Result<CheckedLogging<'a>> {
    let sets_execution = logging.level.is_some() || logging.data_trace.is_some() || logging.metrics.is_some();
    if !logging.methods.is_empty() && !sets_execution {
        return Err(error::usage(
            "--method: say what to set for the method with --level, --data-trace or --metrics",
        ));
    }
    if !logging.routes.is_empty() && !sets_execution {
        return Err(error::usage(
            "--route: say what to set for the route with --level, --data-trace or --metrics",
        ));
    }
    if !logging.methods.is_empty() && !logging.routes.is_empty() {
        return Err(error::usage(
            "--method is for REST APIs and --route for HTTP and WebSocket APIs; one request cannot use both",
        ));
    }
    let mut tag_keys = std::collections::HashSet::new();
    if let Some((key, _)) = logging.tags.iter().find(|(key, _)| !tag_keys.insert(key)) {
        return Err(error::usage(format!("--tag: key '{key}' is given twice")));
    }
    if logging.tags.len() > crate::settings::MAX_TAGS {
        return Err(error::usage(format!("--tag: at most {} tags per log group", crate::settings::MAX_TAGS)));
    }
    if let Some(both) = logging.methods.iter().find(|m| logging.clear_methods.contains(m)) {
        return Err(error::usage(format!("--method and --clear-method both name '{both}'; use one")));
    }
    if let Some(both) = logging.routes.iter().find(|r| logging.clear_routes.contains(r)) {
        return Err(error::usage(format!("--route and --clear-route both name '{both}'; use one")));
    }
    let destination = match &logging.access_log_destination {
        Some(text) => Some(
            arn::parse_destination(text)
                .map_err(|e| error::usage(format!("--access-log-destination: {e}")))?,
        ),
        None => None,
    };
    match kind {
        Some(kind) => {
            let subject = format!("--api-type {} selects {}s", super::kind_flag(kind), kind.label());
            check_kind(logging, destination.as_ref().map(|d| &d.0), kind, &subject)?
        }
        None => {
            if let Some(arg) = &logging.access_log_format {
                // Whatever the targets' types, a format no type accepts is wrong.
                let valid_somewhere = ApiKind::ALL.iter().any(|kind| {
                    super::formats::resolve_format_arg("--access-log-format", arg, *kind)
                        .is_ok_and(|text| !format::lint(&text, *kind).has_errors())
                });
                if !valid_somewhere {
                    super::formats::checked_format(ctx, "--access-log-format", arg, ApiKind::Rest)?;
                }
            }
        }
    }
    Ok(CheckedLogging { args: logging, destination })
}

/// "API web (a1b2) is an HTTP API", for messages about type rules.
fn type_of(api: &apigw::Api) -> String {
    let article = if api.kind == ApiKind::Http { "an" } else { "a" };
    format!("API {} ({}) is {article} {}", api.name, api.id, api.kind.label())
}

/// The rules of each target's API type (and the format for each type), for every region's
/// targets before the first region is changed.
pub fn check_targets(
    ctx: &Ctx,
    logging: &LoggingArgs,
    targets: &[(apigw::Api, StageLogging)],
) -> anyhow::Result<()> {
    let destination = logging.access_log_destination.as_deref().and_then(|d| arn::parse_destination(d).ok());
    let mut kinds_seen = Vec::new();
    for (api, _) in targets {
        check_kind(logging, destination.as_ref().map(|d| &d.0), api.kind, &type_of(api))?;
        if !kinds_seen.contains(&api.kind) {
            kinds_seen.push(api.kind);
            if let Some(arg) = &logging.access_log_format {
                super::formats::checked_format(ctx, "--access-log-format", arg, api.kind)?;
            }
        }
    }
    Ok(())
}

/// The rules of one API type: HTTP APIs have no execution logging and no Firehose delivery;
/// `--method` is for REST APIs, `--route` for the others. `subject` says which targets are of
/// that type, e.g. "API web (a1b2) is an HTTP API".
fn check_kind(
    logging: &LoggingArgs,
    destination: Option<&Destination>,
    kind: ApiKind,
    subject: &str,
) -> anyhow::Result<()> {
    let narrow = |flag: &str, why: &str| {
        error::usage_hint(
            format!("{flag}: {subject}; {why}"),
            "narrow the targets with --api-type, or drop the flag",
        )
    };
    if kind == ApiKind::Http {
        let execution_flag = [
            ("--level", logging.level.is_some()),
            ("--data-trace", logging.data_trace.is_some()),
            ("--execution-log-retention-days", logging.execution_log_retention_days.is_some()),
        ];
        if let Some((flag, _)) = execution_flag.iter().find(|(_, given)| *given) {
            return Err(narrow(
                flag,
                "AWS refuses execution logging there (\"Execution logs are not supported on protocolType HTTP\"): HTTP APIs have access logging and detailed metrics only",
            ));
        }
        if matches!(destination, Some(Destination::Firehose { .. })) {
            return Err(narrow(
                "--access-log-destination",
                "HTTP APIs deliver access logs to CloudWatch Logs only, not to Firehose",
            ));
        }
    }
    if kind == ApiKind::Rest && !(logging.routes.is_empty() && logging.clear_routes.is_empty()) {
        return Err(narrow(
            "--route/--clear-route",
            "REST APIs have method overrides: use --method/--clear-method",
        ));
    }
    if kind != ApiKind::Rest && !(logging.methods.is_empty() && logging.clear_methods.is_empty()) {
        return Err(narrow("--method/--clear-method", "it has route overrides: use --route/--clear-route"));
    }
    Ok(())
}

/// Validates the logging flags against the stage and plans the log-group steps and the single
/// UpdateStage step. Everything is checked here, before any write.
pub async fn plan_stage(
    ctx: &Ctx,
    clients: &Clients,
    identity: &Identity,
    api: &apigw::Api,
    stage: &StageLogging,
    checked: CheckedLogging<'_>,
    mode: Mode,
) -> anyhow::Result<(Vec<Step>, StageRequest)> {
    let logging = checked.args;
    let kind = api.kind;
    check_kind(logging, checked.destination.as_ref().map(|d| &d.0), kind, &type_of(api))?;
    let format = match &logging.access_log_format {
        Some(arg) => Some(super::formats::checked_format(ctx, "--access-log-format", arg, kind)?),
        None => None,
    };
    if let Some(key) = &logging.kms_key_id {
        let region = key.split(':').nth(3).unwrap_or_default();
        if region != clients.region {
            return Err(error::usage(format!(
                "--kms-key-id: the key is in {region}, but the log groups are in {}; CloudWatch Logs needs a key in the same region",
                clients.region
            )));
        }
    }
    let mut steps = Vec::new();
    let execution = execution_change(logging, stage, mode);
    if !logging.methods.is_empty() {
        check_methods_exist(clients, api, &logging.methods).await?;
    }
    if !logging.routes.is_empty() {
        check_routes_exist(clients, api, &logging.routes).await?;
    }

    let access = if logging.no_access_log {
        AccessChange::Off
    } else {
        let destination = match checked.destination {
            Some((destination, parsed)) => {
                let text = logging.access_log_destination.as_deref().unwrap_or_default();
                parsed
                    .check_home(&clients.region, &identity.account)
                    .map_err(|e| error::usage(format!("--access-log-destination '{text}': {e}")))?;
                Some(destination)
            }
            None => match &logging.access_log_group {
                Some(name) => Some(Destination::LogGroup { name: name.clone() }),
                // `enable` gives a stage without access logging the default group; it never
                // redirects logs that already go somewhere.
                None if mode == Mode::Enable && stage.access.is_none() => {
                    Some(Destination::LogGroup { name: default_log_group(api, &stage.stage_name) })
                }
                None => None,
            },
        };
        // A stage that gets access logging for the first time needs a format.
        let format = format.or_else(|| {
            (destination.is_some() && stage.access.is_none())
                .then(|| kind.preset("json").expect("every type has a json preset").format.to_string())
        });
        if destination.is_none() && format.is_none() && logging.retention_days.is_none() {
            AccessChange::Keep
        } else {
            if destination.is_none() && stage.access.is_none() {
                return Err(error::usage(
                    "--access-log-format/--retention-days: the stage has no access logging yet; add --access-log-group NAME or --access-log-destination ARN",
                ));
            }
            let group = match &destination {
                Some(Destination::LogGroup { name }) => Some(name.clone()),
                Some(Destination::Firehose { .. }) => None,
                None => stage.access.as_ref().and_then(|a| arn::log_group_name_of(&a.destination_arn)),
            };
            match group {
                Some(name) => {
                    // An existing access group's retention changes only when asked (`status`
                    // flags one that never expires, and `status --fix` bounds it).
                    let group = GroupRequest {
                        name: &name,
                        retention: logging.retention_days,
                        bound_unlimited: false,
                        creation: logging,
                    };
                    steps.extend(log_group_steps(ctx, clients, group).await?)
                }
                None if logging.retention_days.is_some() => {
                    return Err(error::usage(
                        "--retention-days applies to CloudWatch Logs groups, but the access logs go to a Firehose stream",
                    ));
                }
                None => {}
            }
            let destination_arn = destination.map(|d| match d {
                Destination::LogGroup { name } => {
                    arn::log_group_arn(&identity.partition, &clients.region, &identity.account, &name)
                }
                Destination::Firehose { arn } => arn,
            });
            AccessChange::Set { destination_arn, format }
        }
    };

    // API Gateway creates the execution log group on first use with no retention: it would keep
    // (and bill) logs forever. Creating it now, with retention, bounds it from the start.
    // (HTTP APIs have no execution logs.)
    if kind != ApiKind::Http && (logging.execution_log_retention_days.is_some() || mode == Mode::Enable) {
        let name = execution_log_group(api, &stage.stage_name);
        let group = GroupRequest {
            name: &name,
            retention: logging.execution_log_retention_days,
            bound_unlimited: mode == Mode::Enable,
            creation: logging,
        };
        steps.extend(log_group_steps(ctx, clients, group).await?);
    }

    let request = StageRequest {
        execution,
        scopes: (logging.methods.iter().cloned().map(Scope::Method))
            .chain(logging.routes.iter().cloned().map(Scope::Route))
            .collect(),
        clear: (logging.clear_methods.iter().cloned().map(Scope::Method))
            .chain(logging.clear_routes.iter().cloned().map(Scope::Route))
            .collect(),
        access,
    };
    let mut update = stage_update_steps(api, stage, &request);
    if turns_on_data_trace(stage, &request)
        && let Some(step) = update.iter_mut().find(|s| s.action.updates_stage())
    {
        ctx.warn(DATA_TRACE_WARNING);
        step.confirm = Some(DATA_TRACE_WARNING.to_string());
    }
    steps.extend(update);
    Ok((steps, request))
}

/// The calls that take the stage to `request`: one UpdateStage for a REST API; for an HTTP or
/// WebSocket API a DeleteRouteSettings per override removed, a DeleteAccessLogSettings when access
/// logging goes off, then one UpdateStage. Deletes go first, so an update never carries settings
/// of a route that is gone. None when nothing changes.
pub fn stage_update_steps(api: &apigw::Api, stage: &StageLogging, request: &StageRequest) -> Vec<Step> {
    let shorten = |changes: Vec<Change>| -> Vec<Change> {
        changes.into_iter().map(|c| shorten_format_change(c, api.kind)).collect()
    };
    if api.kind == ApiKind::Rest {
        let (ops, changes) = stage_patch(stage, request);
        if ops.is_empty() {
            return Vec::new();
        }
        let action = Action::UpdateStage {
            rest_api_id: api.id.clone(),
            stage_name: stage.stage_name.clone(),
            patch_operations: ops,
        };
        return vec![Step::new(
            format!("restapis/{}/stages/{}", api.id, stage.stage_name),
            action,
            shorten(changes),
        )];
    }
    let resource = format!("apis/{}/stages/{}", api.id, stage.stage_name);
    let update = v2_update(stage, request);
    let mut steps = Vec::new();
    for (route_key, change) in update.removed_routes {
        let action = Action::DeleteRouteSettings {
            api_id: api.id.clone(),
            stage_name: stage.stage_name.clone(),
            route_key,
        };
        steps.push(Step::new(&resource, action, vec![change]));
    }
    if let Some(change) = update.access_off {
        let action =
            Action::DeleteAccessLogSettings { api_id: api.id.clone(), stage_name: stage.stage_name.clone() };
        steps.push(Step::new(&resource, action, vec![change]));
    }
    if !update.changes.is_empty() {
        let action = Action::UpdateApiStage {
            api_id: api.id.clone(),
            stage_name: stage.stage_name.clone(),
            default_route_settings: update.default_route_settings,
            route_settings: update.route_settings,
            access_log_settings: update.access_log_settings,
        };
        steps.push(Step::new(&resource, action, shorten(update.changes)));
    }
    steps
}

/// Route overrides of a v2 stage whose route no longer exists. AWS keeps such settings when a
/// route is deleted, but refuses an UpdateStage that carries them ("Unable to find Route by key").
/// Reads the API's routes (GetRoutes) only when the stage has route overrides.
pub async fn stale_routes(
    clients: &Clients,
    api: &apigw::Api,
    stage: &StageLogging,
) -> anyhow::Result<Vec<String>> {
    if !stage.overrides().any(|(scope, _)| matches!(scope, Scope::Route(_))) {
        return Ok(Vec::new());
    }
    let routes = apigw2::routes(&clients.apigw2, &api.id).await?;
    Ok(stage
        .overrides()
        .filter_map(|(scope, _)| match scope {
            Scope::Route(key) if !routes.contains(&key) => Some(key),
            _ => None,
        })
        .collect())
}

/// `--route` must name a route the API defines. (`--clear-route` need not, as for methods.)
async fn check_routes_exist(clients: &Clients, api: &apigw::Api, routes: &[String]) -> anyhow::Result<()> {
    let defined = apigw2::routes(&clients.apigw2, &api.id).await?;
    match routes.iter().find(|r| !defined.contains(r)) {
        None => Ok(()),
        Some(missing) => Err(error::usage_hint(
            format!("--route '{missing}': {} {} ({}) has no such route", api.kind.label(), api.name, api.id),
            if defined.is_empty() {
                "the API has no routes yet".to_string()
            } else {
                format!("its routes: {}", defined.join(", "))
            },
        )),
    }
}

/// `--method` must name a method the API defines. (`--clear-method` need not: an override left
/// behind by a deleted method must still be removable.)
async fn check_methods_exist(
    clients: &Clients,
    api: &apigw::Api,
    methods: &[MethodSpec],
) -> anyhow::Result<()> {
    let resources = apigw::resources(&clients.apigw, &api.id).await?;
    for method in methods {
        let defined = resources
            .iter()
            .find(|(path, _)| *path == method.path)
            .map(|(_, verbs)| verbs.contains(&method.http_method));
        match defined {
            Some(true) => {}
            Some(false) => {
                return Err(error::usage(format!(
                    "--method '{method}': resource {} of API {} has no {} method",
                    method.path, api.id, method.http_method
                )));
            }
            None => {
                let paths: Vec<&str> = resources.iter().map(|(p, _)| p.as_str()).collect();
                return Err(error::usage_hint(
                    format!("--method '{method}': API {} has no resource {}", api.id, method.path),
                    format!("its resources: {}", paths.join(", ")),
                ));
            }
        }
    }
    Ok(())
}

/// `enable` turns execution logging on (INFO) when it is off, and data trace off unless asked;
/// a level the stage already logs at is kept. `stage set` changes only what it is given.
fn execution_change(logging: &LoggingArgs, stage: &StageLogging, mode: Mode) -> ExecutionChange {
    let mut change = ExecutionChange {
        level: logging.level,
        data_trace: logging.data_trace.map(|s| s.is_on()),
        metrics: logging.metrics.map(|s| s.is_on()),
    };
    // (HTTP APIs have no execution logging to turn on.)
    if mode == Mode::Enable && stage.kind != ApiKind::Http {
        if stage.stage_wide().level == Level::Off {
            change.level = change.level.or(Some(Level::Info));
        }
        change.data_trace = change.data_trace.or(Some(false));
    }
    change
}

/// `API-Gateway-Access-Logs_{apiId}/{stageName}`, next to API Gateway's own execution log group.
/// HTTP APIs get it under `/aws/vendedlogs/`: they deliver through the log group's resource
/// policy, whose size limit (5,120 characters) many per-group statements exhaust; CloudWatch Logs
/// covers every group under that prefix with one statement.
pub fn default_log_group(api: &apigw::Api, stage: &str) -> String {
    let name = format!("API-Gateway-Access-Logs_{}/{stage}", api.id);
    match api.kind {
        ApiKind::Http => format!("/aws/vendedlogs/{name}"),
        _ => name,
    }
}

/// The group API Gateway writes a stage's execution logs to: `API-Gateway-Execution-Logs_{id}/{stage}`
/// for REST APIs, `/aws/apigateway/{id}/{stage}` for WebSocket APIs (public runbooks and scripts;
/// not yet confirmed on a real account, see the README).
pub fn execution_log_group(api: &apigw::Api, stage: &str) -> String {
    match api.kind {
        ApiKind::Websocket => format!("/aws/apigateway/{}/{stage}", api.id),
        _ => rest_execution_log_group(&api.id, stage),
    }
}

/// The REST name, which versions before 0.2 also pre-created for WebSocket stages.
pub fn rest_execution_log_group(api_id: &str, stage: &str) -> String {
    format!("API-Gateway-Execution-Logs_{api_id}/{stage}")
}

/// Deleting a log group, confirmed first: its events are gone for good.
pub fn delete_log_group_step(name: &str) -> Step {
    Step::new(
        format!("log group {name}"),
        Action::DeleteLogGroup { log_group_name: name.to_string() },
        vec![Change::new("log group", Some(name.to_string()), None)],
    )
    .confirming(format!(
        "deleting log group {name} destroys every log event in it (and any other stage logging to it loses its logs)"
    ))
}

/// A log group a stage logs to, and what the tool wants of it.
struct GroupRequest<'a> {
    name: &'a str,
    /// Retention to set; `None` keeps an existing group's.
    retention: Option<i32>,
    /// Also give an existing group that never expires the default retention.
    bound_unlimited: bool,
    /// `--kms-key-id` and `--tag`, for a group the tool creates.
    creation: &'a LoggingArgs,
}

/// Creates the group (with retention, key and tags) when missing; changes an existing group's
/// retention when asked, or, with `bound_unlimited`, when it never expires.
async fn log_group_steps(ctx: &Ctx, clients: &Clients, group: GroupRequest<'_>) -> anyhow::Result<Vec<Step>> {
    let GroupRequest { name, retention, bound_unlimited, creation } = group;
    let resource = format!("log group {name}");
    let retention_step = |before: Option<i32>, days: i32| {
        Step::new(
            &resource,
            Action::PutRetentionPolicy { log_group_name: name.into(), retention_in_days: days },
            vec![Change::new(
                "retention",
                Some(before.map_or("never expire".into(), |d| format!("{d} days"))),
                Some(format!("{days} days")),
            )],
        )
    };
    match clients.find_log_group(name).await? {
        None => {
            let mut changes = vec![Change::new("log group", None, Some(name.into()))];
            if let Some(key) = &creation.kms_key_id {
                changes.push(Change::new("KMS key", None, Some(key.clone())));
            }
            let tags: std::collections::BTreeMap<String, String> = creation.tags.iter().cloned().collect();
            if !tags.is_empty() {
                let listed: Vec<String> = tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
                changes.push(Change::new("tags", None, Some(listed.join(", "))));
            }
            let create = Action::CreateLogGroup {
                log_group_name: name.into(),
                kms_key_id: creation.kms_key_id.clone(),
                tags,
            };
            Ok(vec![
                Step::new(&resource, create, changes),
                retention_step(None, retention.unwrap_or(DEFAULT_RETENTION_DAYS)),
            ])
        }
        Some(group) => {
            if creation.kms_key_id.is_some() || !creation.tags.is_empty() {
                ctx.warn(format_args!(
                    "--kms-key-id/--tag apply to log groups the tool creates; {name} exists and keeps its key and tags"
                ));
            }
            Ok(retention
                .or((bound_unlimited && group.retention_days.is_none()).then_some(DEFAULT_RETENTION_DAYS))
                .filter(|days| group.retention_days != Some(*days))
                .map(|days| retention_step(group.retention_days, days))
                .into_iter()
                .collect())
        }
    }
}

/// Formats are long; name the preset when one matches so the plan stays readable.
fn shorten_format_change(mut change: Change, kind: ApiKind) -> Change {
    if change.field == "access log format" {
        let label = |v: Option<String>| {
            v.map(|f| match kind.matching_preset(&f) {
                Some(p) => format!("{} preset", p.name),
                None => f,
            })
        };
        change.before = label(change.before);
        change.after = label(change.after);
    }
    change
}
