//! `status`: the checks of the logging chain, as pure functions of what was read from AWS. Each
//! finding has a severity, one line of explanation and, when there is one, the command that fixes
//! it, printed from its [`Remedy`]: how `status --fix` repairs it through the same requests
//! `stage set` makes.

use crate::api::{Api, ApiKind};
use crate::arn::{self, Destination};
use crate::groups::LogGroup;
use crate::request::Logging;

use crate::controls::{
    ControlCount, EXECUTION_LOGGING_CONTROL, LOG_RETENTION_CONTROL, V2_ACCESS_LOGGING_CONTROL,
};
use crate::delivery::{DestinationSpec, StageDeliveries, StageDelivery};
use crate::finding::{At, Finding, Remedy, Severity};
use crate::format;
use crate::groups::{default_log_group, execution_log_group};
use crate::logging::{Scope, StageLogging};
use crate::settings::{DEFAULT_RETENTION_DAYS, Level, Switch};
use crate::trust::{DEFAULT_ROLE_NAME, RoleHealth};

fn ok(code: &'static str, message: impl Into<String>) -> Finding {
    Finding::new(Severity::Ok, code, message)
}

fn problem(severity: Severity, code: &'static str, message: impl Into<String>) -> Finding {
    Finding::new(severity, code, message)
}

/// Checks of the region's API Gateway account role. `role` is `None` when no role is set.
pub fn account_findings(region: &str, role: Option<&RoleHealth>) -> Vec<Finding> {
    let at = At { region, stage: None };
    let setup = || Remedy::AccountRole(DEFAULT_ROLE_NAME.into());
    let Some(role) = role else {
        return vec![
            problem(
                Severity::Error,
                "account-role-not-set",
                format!("no CloudWatch Logs role is set on the API Gateway account in {region}: AWS refuses to turn on execution logging and CloudWatch access logging"),
            )
            .remedied(setup(), &at),
        ];
    };
    let name = arn::role_name(&role.arn);
    let mut findings = vec![ok("account-role-set", format!("account role {}", role.arn))];
    if !role.exists {
        findings.push(
            problem(
                Severity::Error,
                "account-role-missing",
                format!(
                    "the account role {} does not exist (deleted?): API Gateway cannot write any logs",
                    role.arn
                ),
            )
            .remedied(setup(), &at),
        );
        return findings;
    }
    findings.push(ok("account-role-exists", "the role exists"));
    if role.trusts_api_gateway {
        findings.push(ok("account-role-trust", "its trust policy admits apigateway.amazonaws.com"));
    } else {
        let problem_text = role.problems.first().cloned().unwrap_or_default();
        let replacement =
            if name == DEFAULT_ROLE_NAME { "apigateway-cloudwatch-logs-2" } else { DEFAULT_ROLE_NAME };
        let switch = Remedy::AccountRole(replacement.into());
        let finding = problem(Severity::Error, "account-role-trust", format!("role {name}: {problem_text}"));
        // Trust policies are never rewritten, so --fix can only switch to the default role.
        let finding = if name == DEFAULT_ROLE_NAME {
            finding.advised(&switch, &at)
        } else {
            finding.remedied(switch, &at)
        };
        let said = finding.fix.clone().unwrap_or_default();
        findings.push(finding.advice(format!(
            "let apigateway.amazonaws.com assume role {name}, or switch to a new role: {said}"
        )));
    }
    if role.has_policy {
        findings.push(ok("account-role-policy", "AmazonAPIGatewayPushToCloudWatchLogs is attached"));
    } else {
        let repair = Remedy::AccountRole(name.to_string());
        let finding = problem(
            Severity::Error,
            "account-role-policy",
            format!(
                "role {name} lacks the managed policy AmazonAPIGatewayPushToCloudWatchLogs: log delivery fails"
            ),
        );
        // Attaching the policy repairs a role API Gateway can assume; otherwise the trust fix decides.
        findings.push(if role.trusts_api_gateway {
            finding.remedied(repair, &at)
        } else {
            finding.advised(&repair, &at)
        });
    }
    findings
}

/// The account finding of a region whose checked APIs are all HTTP APIs.
pub fn role_not_needed() -> Finding {
    ok(
        "account-role-not-needed",
        "the checked APIs are HTTP APIs: they deliver access logs without the account role",
    )
}

/// What was read about one stage.
pub struct StageFacts<'a> {
    pub partition: &'a str,
    pub region: &'a str,
    /// The caller's account, where access-log destinations must live.
    pub account: &'a str,
    pub api: &'a Api,
    pub stage: &'a StageLogging,
    /// The access-log group (when the destination is one): `None` when it does not exist.
    pub access_group: Option<LogGroup>,
    /// `API-Gateway-Execution-Logs_{id}/{stage}`, when it exists.
    pub execution_group: Option<LogGroup>,
    /// With access logging off: the default access log group a fix would send logs to, when it
    /// exists already.
    pub default_access_group: Option<LogGroup>,
    /// WebSocket: `API-Gateway-Execution-Logs_{id}/{stage}`, which earlier versions pre-created
    /// but API Gateway does not write to, when it exists.
    pub leftover_execution_group: Option<Leftover>,
    /// v2: route overrides whose route no longer exists.
    pub stale_routes: Vec<String>,
    /// REST: the stage's execution log delivery source and deliveries (`None`: none, or unread).
    pub deliveries: Option<StageDeliveries>,
    /// Log groups that deliveries point at and that do not exist.
    pub missing_delivery_groups: Vec<String>,
    /// `status --controls` / `--min-retention-days`: the least retention CloudWatch.16 accepts.
    pub min_retention_days: Option<i32>,
    /// `status --controls`: `--fix` also repairs what fails a control and is otherwise left.
    pub controls: bool,
    pub session: SessionState,
}

impl StageFacts<'_> {
    /// Where the stage's findings are made, for the commands that fix them.
    pub fn at(&self) -> At<'_> {
        At { region: self.region, stage: Some((&self.api.id, &self.stage.stage_name)) }
    }
}

/// What the stage's debug sessions say about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SessionState {
    #[default]
    None,
    /// A session is open: its logging is intended, not drift.
    Open { ends: chrono::DateTime<chrono::Utc>, reverts: chrono::DateTime<chrono::Utc> },
    /// A session's schedule is gone and the stage still has its settings; `over`: its time is up.
    NotReverted { ends: chrono::DateTime<chrono::Utc>, over: bool },
}

/// The controls a finding of this code, on this type of API, is evidence for.
fn controls_of(code: &str, kind: ApiKind) -> Vec<&'static str> {
    match code {
        "execution-logging" | "execution-logging-off" | "method-logging-off" | "route-logging-off"
            if kind != ApiKind::Http =>
        {
            vec![EXECUTION_LOGGING_CONTROL]
        }
        "access-logging-off" | "access-destination" if kind != ApiKind::Rest => {
            vec![V2_ACCESS_LOGGING_CONTROL]
        }
        "log-retention-below-minimum" => vec![LOG_RETENTION_CONTROL],
        _ => Vec::new(),
    }
}

/// One resource's result for one control, as Security Hub would evaluate it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ControlResult {
    pub control: &'static str,
    /// `restapis/{id}/stages/{stage}`, `apis/{id}/stages/{stage}` or `log-group/{name}`.
    pub resource: String,
    pub passed: bool,
}

/// The control results of one stage: APIGateway.1 for REST and WebSocket stages (every method
/// logs at ERROR or INFO), APIGateway.9 for HTTP and WebSocket stages (access logging set), and
/// CloudWatch.16 for the stage's log groups (retention at least `min` days, or never expiring).
pub fn control_results(facts: &StageFacts, min: i32) -> Vec<ControlResult> {
    let (api, stage) = (facts.api, facts.stage);
    let prefix = if api.kind == ApiKind::Rest { "restapis" } else { "apis" };
    let resource = format!("{prefix}/{}/stages/{}", api.id, stage.stage_name);
    let mut results = Vec::new();
    if api.kind != ApiKind::Http {
        let every_method_logs = stage.stage_wide().level != Level::Off
            && stage.overrides().all(|(_, settings)| settings.level != Level::Off);
        results.push(ControlResult {
            control: EXECUTION_LOGGING_CONTROL,
            resource: resource.clone(),
            passed: every_method_logs,
        });
    }
    if api.kind != ApiKind::Rest {
        results.push(ControlResult {
            control: V2_ACCESS_LOGGING_CONTROL,
            resource,
            passed: stage.access.is_some(),
        });
    }
    for group in [&facts.access_group, &facts.execution_group].into_iter().flatten() {
        results.push(ControlResult {
            control: LOG_RETENTION_CONTROL,
            resource: format!("log-group/{}", group.name),
            passed: group.retention_days.is_none_or(|days| days >= min),
        });
    }
    results
}

/// Pass and fail counts per control, each resource counted once (log groups shared by stages).
pub fn count_controls(results: &[ControlResult]) -> Vec<ControlCount> {
    let mut seen = std::collections::BTreeMap::new();
    for result in results {
        let passed = seen.entry((result.control, result.resource.as_str())).or_insert(true);
        *passed &= result.passed;
    }
    let mut counts: Vec<ControlCount> =
        [EXECUTION_LOGGING_CONTROL, V2_ACCESS_LOGGING_CONTROL, LOG_RETENTION_CONTROL]
            .into_iter()
            .map(|control| ControlCount { control, ..Default::default() })
            .collect();
    for ((control, _), passed) in seen {
        let count = counts.iter_mut().find(|c| c.control == control).expect("a known control");
        if passed {
            count.passed += 1;
        } else {
            count.failed += 1;
        }
    }
    counts
}

/// A log group the tool created where nothing writes.
pub struct Leftover {
    pub group: LogGroup,
    /// Whether it has log streams: then it is reported, never deleted.
    pub holds_events: bool,
}

/// Every check of one stage, each finding with the Security Hub controls it is evidence for.
pub fn stage_findings(facts: &StageFacts) -> Vec<Finding> {
    let mut findings = stage_checks(facts);
    let shown = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let end = crate::session::end_command(facts.region, &facts.api.id, &facts.stage.stage_name);
    match facts.session {
        SessionState::None => {}
        SessionState::Open { ends, reverts } => {
            // The session's data trace is what was asked for, for a while; its revert ends it.
            findings.retain(|f| f.code != "data-trace-on");
            findings.push(ok(
                "debug-session",
                format!(
                    "a debug session is open until {}; its schedule puts the stage back at {} if the session's own process has not (end it now: {end})",
                    shown(ends),
                    shown(reverts)
                ),
            ));
        }
        SessionState::NotReverted { ends, over } => findings.push(problem(
            Severity::Error,
            "debug-session-not-reverted",
            if !over {
                format!("a debug session that ends at {} has lost its schedule: unless its own process puts the stage back, nothing will", shown(ends))
            } else {
                format!("a debug session ended at {} but was not put back, and its schedule is gone: the stage still has the session's logging", shown(ends))
            },
        ).advice(end)),
    }
    for finding in &mut findings {
        finding.controls = controls_of(finding.code, facts.stage.kind);
    }
    findings
}

fn stage_checks(facts: &StageFacts) -> Vec<Finding> {
    let mut findings = Vec::new();
    let (stage, at) = (facts.stage, facts.at());
    let stage_fix = |args: Logging| Remedy::Stage(Box::new(args));
    let wide = stage.stage_wide();
    if stage.kind == ApiKind::Http {
        // HTTP APIs have access logging only.
        findings.extend(access_findings(facts));
        findings.extend(minimum_retention_findings(facts));
        return findings;
    }

    if wide.level == Level::Off {
        // Turned on with its log group pre-created and bounded, as `enable` does.
        let remedy = Logging {
            level: Some(Level::Info),
            execution_log_retention_days: Some(bound_days(facts)),
            ..Default::default()
        };
        findings.push(
            problem(Severity::Error, "execution-logging-off", "execution logging is OFF")
                .remedied(stage_fix(remedy), &at),
        );
    } else {
        findings.push(ok("execution-logging", format!("execution logging {}", wide.level)));
    }
    if wide.data_trace {
        findings.push(
            problem(
                Severity::Warning,
                "data-trace-on",
                "data trace is on: full request and response bodies (possibly secrets and personal data) go to the logs",
            )
            .remedied(stage_fix(Logging { data_trace: Some(Switch::Off), ..Default::default() }), &at),
        );
    }
    for (scope, settings) in stage.overrides() {
        // The override in a request, and the request that clears it.
        let (named, mut scoped, clear) = match &scope {
            Scope::Route(key) => (
                key.clone(),
                Logging { routes: vec![key.clone()], ..Default::default() },
                Logging { clear_routes: vec![key.clone()], ..Default::default() },
            ),
            Scope::Method(spec) => (
                spec.to_string(),
                Logging { methods: vec![spec.clone()], ..Default::default() },
                Logging { clear_methods: vec![spec.clone()], ..Default::default() },
            ),
            Scope::Stage => continue,
        };
        if facts.stale_routes.contains(&named) {
            findings.push(
                problem(
                    Severity::Warning,
                    "route-override-stale",
                    format!("{scope} no longer exists but its settings remain: AWS refuses stage updates that carry them"),
                )
                .remedied(stage_fix(clear), &at),
            );
            continue;
        }
        if settings.data_trace && !wide.data_trace {
            scoped.data_trace = Some(Switch::Off);
            findings.push(
                problem(
                    Severity::Warning,
                    "data-trace-on",
                    format!("data trace is on for {scope}: request and response bodies go to the logs"),
                )
                .remedied(stage_fix(scoped), &at),
            );
        }
        if settings.level == Level::Off && wide.level != Level::Off {
            let finding = problem(
                Severity::Warning,
                if matches!(scope, Scope::Route(_)) { "route-logging-off" } else { "method-logging-off" },
                format!("the {scope} override turns execution logging OFF there"),
            );
            // Such an override may be deliberate (a noisy health check), so `--fix` leaves it,
            // unless asked to repair what fails APIGateway.1, which counts every method.
            findings.push(match facts.controls {
                false => finding.advised(&stage_fix(clear), &at),
                true => finding.remedied(stage_fix(clear), &at),
            });
        }
    }

    findings.extend(access_findings(facts));
    findings.extend(execution_group_findings(facts));
    findings.extend(leftover_finding(facts));
    findings.extend(delivery_findings(facts));
    findings.extend(minimum_retention_findings(facts));
    findings
}

/// The retention a fix gives a group that never expires: the tool's default, or the minimum asked
/// for when that is longer (a shorter one would fail CloudWatch.16).
fn bound_days(facts: &StageFacts) -> i32 {
    facts.min_retention_days.map_or(DEFAULT_RETENTION_DAYS, |min| min.max(DEFAULT_RETENTION_DAYS))
}

/// With a minimum retention asked for (`status --controls`), groups kept for less: CloudWatch.16
/// fails them. A group that never expires passes it.
fn minimum_retention_findings(facts: &StageFacts) -> Vec<Finding> {
    let Some(min) = facts.min_retention_days else { return Vec::new() };
    let groups = [(&facts.access_group, false), (&facts.execution_group, true)];
    groups
        .into_iter()
        .filter_map(|(group, execution)| {
            let group = group.as_ref()?;
            let days = group.retention_days.filter(|days| *days < min)?;
            let remedy = if execution {
                Logging { execution_log_retention_days: Some(min), ..Default::default() }
            } else {
                Logging { retention_days: Some(min), ..Default::default() }
            };
            Some(
                problem(
                    Severity::Warning,
                    "log-retention-below-minimum",
                    format!(
                        "log group {} keeps events {days} days, under the {min} days asked for",
                        group.name
                    ),
                )
                .remedied(Remedy::Stage(Box::new(remedy)), &facts.at()),
            )
        })
        .collect()
}

/// Execution log deliveries: a source on a stage at OFF (AWS delivers nothing, silently), and
/// deliveries whose destination is gone. (S3 buckets and Firehose streams are not looked up.)
fn delivery_findings(facts: &StageFacts) -> Vec<Finding> {
    let Some(deliveries) = &facts.deliveries else { return Vec::new() };
    let mut findings = Vec::new();
    let wide = facts.stage.stage_wide();
    if wide.level == Level::Off {
        // The same remedy as `execution-logging-off`'s, so that the two agree.
        findings.push(
            problem(
                Severity::Error,
                "execution-log-delivery-level-off",
                format!(
                    "delivery source {} sends execution logs to {} destination(s), but the stage's level is OFF: nothing is delivered",
                    deliveries.source,
                    deliveries.deliveries.len()
                ),
            )
            .remedied(Remedy::Stage(Box::new(Logging { level: Some(Level::Info), ..Default::default() })), &facts.at())
            .and_also("   (or stop delivering: --no-execution-log-delivery)"),
        );
    }
    let missing_group = |d: &StageDelivery| {
        d.spec()
            .and_then(|s| s.log_group().map(str::to_string))
            .filter(|g| facts.missing_delivery_groups.contains(g))
    };
    let broken: Vec<&StageDelivery> =
        deliveries.deliveries.iter().filter(|d| d.spec().is_none() || missing_group(d).is_some()).collect();
    if broken.is_empty() {
        if wide.level != Level::Off {
            let listed: Vec<String> = deliveries
                .deliveries
                .iter()
                .filter_map(|d| d.spec())
                .map(|s| format!("{} ({})", s.arn, s.format))
                .collect();
            if !listed.is_empty() {
                findings.push(ok(
                    "execution-log-delivery",
                    format!("execution logs also delivered to {}", listed.join(", ")),
                ));
            }
        }
        return findings;
    }
    // The repair: deliveries to a missing log group are kept (planning creates the group again);
    // one whose destination object is gone is dropped.
    let kept: Vec<DestinationSpec> = deliveries.deliveries.iter().filter_map(StageDelivery::spec).collect();
    let remedy = Logging {
        no_execution_log_delivery: kept.is_empty(),
        execution_log_destinations: kept,
        ..Default::default()
    };
    for delivery in broken {
        let message = match missing_group(delivery) {
            Some(group) => format!(
                "execution logs are delivered to log group {group}, which no longer exists: they are lost"
            ),
            None => format!(
                "delivery {} points at delivery destination {}, which no longer exists",
                delivery.id, delivery.destination_arn
            ),
        };
        findings.push(
            problem(Severity::Error, "execution-log-delivery-destination-missing", message)
                .remedied(Remedy::Stage(Box::new(remedy.clone())), &facts.at()),
        );
    }
    findings
}

fn leftover_finding(facts: &StageFacts) -> Option<Finding> {
    let Leftover { group, holds_events } = facts.leftover_execution_group.as_ref()?;
    let name = &group.name;
    let expected = execution_log_group(facts.api, &facts.stage.stage_name);
    let message = format!(
        "log group {name} was created for this WebSocket stage by an earlier apigw-logs version, but API Gateway writes WebSocket execution logs to {expected}"
    );
    let delete = Remedy::DeleteLogGroup(name.clone());
    Some(if *holds_events {
        problem(
            Severity::Warning,
            "execution-log-group-leftover",
            format!("{message}; it holds log streams, so it is left for you to read and delete"),
        )
        .advised(&delete, &facts.at())
    } else {
        problem(Severity::Warning, "execution-log-group-leftover", format!("{message}; it holds no events"))
            .remedied(delete, &facts.at())
    })
}

fn access_findings(facts: &StageFacts) -> Vec<Finding> {
    let days = bound_days(facts);
    let (api, stage, at) = (facts.api, facts.stage, facts.at());
    let default_group = default_log_group(api, &stage.stage_name);
    // With a minimum retention asked for, a group the fix creates starts at it (not at the
    // tool's default, which CloudWatch.16 would then flag); an existing group is only raised.
    let creation_retention = |existing: Option<&LogGroup>| {
        facts.min_retention_days.and(match existing.map(|g| g.retention_days) {
            None => Some(days),
            Some(Some(kept)) if kept < days => Some(days),
            Some(_) => None,
        })
    };
    let new_destination = || {
        Remedy::Stage(Box::new(Logging {
            access_log_group: Some(default_group.clone()),
            access_log_format: Some("json".into()),
            retention_days: creation_retention(facts.default_access_group.as_ref()),
            ..Default::default()
        }))
    };
    let Some(access) = &stage.access else {
        return vec![
            problem(Severity::Error, "access-logging-off", "access logging is off")
                .remedied(new_destination(), &at),
        ];
    };
    let mut findings = Vec::new();
    let destination = arn::parse_destination(&access.destination_arn).and_then(|(destination, parsed)| {
        parsed.check_home(facts.partition, facts.region, facts.account).map(|()| destination)
    });
    match destination {
        Err(why) => findings.push(
            problem(Severity::Error, "access-destination-invalid", format!("access log destination: {why}"))
                .remedied(new_destination(), &at),
        ),
        Ok(Destination::Firehose { arn }) => {
            findings.push(ok("access-destination", format!("access logs go to Firehose stream {arn}")));
        }
        Ok(Destination::LogGroup { name }) => match &facts.access_group {
            None => findings.push(
                problem(
                    Severity::Error,
                    "access-log-group-missing",
                    format!("access log group {name} does not exist: API Gateway cannot deliver access logs"),
                )
                .remedied(
                    Remedy::Stage(Box::new(Logging {
                        access_log_group: Some(name.clone()),
                        retention_days: creation_retention(None),
                        ..Default::default()
                    })),
                    &at,
                ),
            ),
            Some(group) => {
                findings.push(ok("access-destination", format!("access logs go to log group {name}")));
                findings.push(retention_finding(
                    facts,
                    group,
                    "access-log-retention",
                    Logging { retention_days: Some(days), ..Default::default() },
                ));
            }
        },
    }
    let lint = format::lint(&access.format, stage.kind);
    let to_json =
        Remedy::Stage(Box::new(Logging { access_log_format: Some("json".into()), ..Default::default() }));
    for finding in &lint.findings {
        let f =
            problem(finding.severity, "access-log-format", format!("access log format: {}", finding.message));
        findings.push(if finding.severity == Severity::Error {
            f.remedied(to_json.clone(), &at)
        } else {
            f.advised(&to_json, &at)
        });
    }
    if lint.findings.is_empty() {
        let preset = stage.kind.matching_preset(&access.format).map(|p| format!(" ({} preset)", p.name));
        findings.push(ok(
            "access-log-format",
            format!("access log format is valid{}", preset.unwrap_or_default()),
        ));
    }
    findings
}

fn execution_group_findings(facts: &StageFacts) -> Vec<Finding> {
    let bound = Logging { execution_log_retention_days: Some(bound_days(facts)), ..Default::default() };
    let logging_on = facts.stage.stage_wide().level != Level::Off
        || facts.stage.overrides().any(|(_, s)| s.level != Level::Off);
    match &facts.execution_group {
        Some(group) => vec![retention_finding(facts, group, "execution-log-retention", bound)],
        None if logging_on => vec![
            problem(
                Severity::Warning,
                "execution-log-retention",
                "the execution log group does not exist yet: API Gateway will create it on the first request, with no retention (kept and billed forever)",
            )
            .remedied(Remedy::Stage(Box::new(bound)), &facts.at()),
        ],
        None => Vec::new(),
    }
}

fn retention_finding(facts: &StageFacts, group: &LogGroup, code: &'static str, remedy: Logging) -> Finding {
    match group.retention_days {
        Some(days) => ok(code, format!("log group {} keeps events {days} days", group.name)),
        None => problem(
            Severity::Warning,
            code,
            format!("log group {} never expires: its events are kept (and billed) forever", group.name),
        )
        .remedied(Remedy::Stage(Box::new(remedy)), &facts.at()),
    }
}

/// Folds the stage remedies of a stage's findings into `stage set` requests: the removal of
/// stale route overrides first, then one for the whole stage, then one per method or route
/// (such a request carries its own scope).
pub fn stage_requests(findings: &[Finding]) -> Vec<Logging> {
    let mut clears = Vec::new();
    let mut stage_wide = Logging::default();
    let mut scoped: Vec<Logging> = Vec::new();
    for finding in findings {
        let Some(Remedy::Stage(args)) = &finding.remedy else { continue };
        if !args.clear_routes.is_empty() {
            clears.push(args.as_ref().clone());
        } else if args.methods.is_empty() && args.routes.is_empty() {
            merge_into(&mut stage_wide, args);
        } else {
            scoped.push(args.as_ref().clone());
        }
    }
    clears
        .into_iter()
        .chain(std::iter::once(stage_wide))
        .chain(scoped)
        .filter(|args| !args.is_empty())
        .collect()
}

fn merge_into(into: &mut Logging, from: &Logging) {
    into.level = from.level.or(into.level);
    into.data_trace = from.data_trace.or(into.data_trace);
    into.metrics = from.metrics.or(into.metrics);
    into.access_log_group = from.access_log_group.clone().or(into.access_log_group.take());
    into.access_log_format = from.access_log_format.clone().or(into.access_log_format.take());
    into.retention_days = from.retention_days.or(into.retention_days);
    into.execution_log_retention_days =
        from.execution_log_retention_days.or(into.execution_log_retention_days);
    into.clear_methods.extend(from.clear_methods.iter().cloned());
    if from.wanted_deliveries().is_some() {
        into.execution_log_destinations = from.execution_log_destinations.clone();
        into.no_execution_log_delivery = from.no_execution_log_delivery;
    }
}

/// Counts of errors and warnings.
pub fn tally<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> (usize, usize) {
    findings.into_iter().fold((0, 0), |(errors, warnings), f| match f.severity {
        Severity::Error => (errors + 1, warnings),
        Severity::Warning => (errors, warnings + 1),
        Severity::Ok => (errors, warnings),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logging::{AccessLog, MethodLogging};
    use crate::settings::MethodSpec;

    fn api() -> Api {
        Api { id: "a1".into(), name: "orders".into(), ..Default::default() }
    }

    fn codes(findings: &[Finding], severity: Severity) -> Vec<&'static str> {
        findings.iter().filter(|f| f.severity == severity).map(|f| f.code).collect()
    }

    fn healthy_stage() -> StageLogging {
        StageLogging {
            stage_name: "prod".into(),
            methods: [(
                "*/*".to_string(),
                MethodLogging { level: Level::Error, data_trace: false, metrics: false },
            )]
            .into(),
            access: Some(AccessLog {
                destination_arn: "arn:aws:logs:us-east-1:123456789012:log-group:g".into(),
                format: ApiKind::Rest.preset("clf").unwrap().format.into(),
            }),
            ..Default::default()
        }
    }

    fn facts<'a>(stage: &'a StageLogging, api: &'a Api) -> StageFacts<'a> {
        StageFacts {
            partition: "aws",
            region: "us-east-1",
            account: "123456789012",
            api,
            stage,
            access_group: Some(LogGroup { name: "g".into(), retention_days: Some(30), ..Default::default() }),
            execution_group: Some(LogGroup {
                name: "e".into(),
                retention_days: Some(90),
                ..Default::default()
            }),
            default_access_group: None,
            leftover_execution_group: None,
            stale_routes: vec![],
            deliveries: None,
            missing_delivery_groups: vec![],
            min_retention_days: None,
            controls: false,
            session: SessionState::None,
        }
    }

    #[test]
    fn a_leftover_websocket_execution_group_is_deleted_by_fix_only_when_empty() {
        let mut stage = healthy_stage();
        stage.kind = ApiKind::Websocket;
        let api = Api {
            id: "w1".into(),
            name: "chat".into(),
            kind: ApiKind::Websocket,
            created: None,
            tags: Default::default(),
        };
        let leftover = |holds_events| Leftover {
            group: LogGroup {
                name: "API-Gateway-Execution-Logs_w1/prod".into(),
                retention_days: Some(30),
                ..Default::default()
            },
            holds_events,
        };
        let mut f = facts(&stage, &api);
        f.leftover_execution_group = Some(leftover(false));
        let findings = stage_findings(&f);
        let found = findings.iter().find(|f| f.code == "execution-log-group-leftover").unwrap();
        assert_eq!(found.severity, Severity::Warning);
        assert!(found.message.contains("/aws/apigateway/w1/prod"), "{}", found.message);
        assert_eq!(found.remedy, Some(Remedy::DeleteLogGroup("API-Gateway-Execution-Logs_w1/prod".into())));

        f.leftover_execution_group = Some(leftover(true));
        let findings = stage_findings(&f);
        let found = findings.iter().find(|f| f.code == "execution-log-group-leftover").unwrap();
        assert_eq!(found.remedy, None, "a group with events is never deleted by --fix");
        assert!(found.fix.as_deref().unwrap().contains("aws logs delete-log-group"));
    }

    #[test]
    fn a_healthy_stage_has_only_ok_findings() {
        let (stage, api) = (healthy_stage(), api());
        let findings = stage_findings(&facts(&stage, &api));
        assert_eq!(tally(&findings), (0, 0), "{findings:#?}");
        assert!(stage_requests(&findings).is_empty());
    }

    #[test]
    fn every_stage_problem_is_found_with_its_fix() {
        let api = api();
        let mut stage = healthy_stage();
        stage
            .methods
            .insert("*/*".into(), MethodLogging { level: Level::Off, data_trace: true, metrics: false });
        stage.methods.insert(
            "~1pets/GET".into(),
            MethodLogging { level: Level::Info, data_trace: true, metrics: false },
        );
        stage.access.as_mut().unwrap().format = "$context.status".into();
        let mut f = facts(&stage, &api);
        f.access_group = Some(LogGroup { name: "g".into(), retention_days: None, ..Default::default() });
        f.execution_group = None;
        let findings = stage_findings(&f);
        assert_eq!(codes(&findings, Severity::Error), ["execution-logging-off", "access-log-format"]);
        assert_eq!(
            codes(&findings, Severity::Warning),
            ["data-trace-on", "access-log-retention", "execution-log-retention"]
        );
        let off = findings.iter().find(|f| f.code == "execution-logging-off").unwrap();
        assert_eq!(
            off.fix.as_deref(),
            Some(
                "apigw-logs stage set --region us-east-1 --api a1 --stage prod --level info --execution-log-retention-days 30"
            )
        );
        let requests = stage_requests(&findings);
        assert_eq!(requests.len(), 1);
        let r = &requests[0];
        assert_eq!((r.level, r.data_trace), (Some(Level::Info), Some(Switch::Off)));
        assert_eq!(r.access_log_format.as_deref(), Some("json"));
        assert_eq!((r.retention_days, r.execution_log_retention_days), (Some(30), Some(30)));
    }

    #[test]
    fn method_overrides_that_stop_logging_or_trace_bodies_are_flagged() {
        let api = api();
        let mut stage = healthy_stage();
        stage.methods.insert(
            "~1pets/GET".into(),
            MethodLogging { level: Level::Off, data_trace: true, metrics: false },
        );
        let findings = stage_findings(&facts(&stage, &api));
        assert_eq!(codes(&findings, Severity::Warning), ["data-trace-on", "method-logging-off"]);
        let requests = stage_requests(&findings);
        assert_eq!(requests.len(), 1, "only the data trace is fixed automatically");
        assert_eq!(requests[0].methods, [MethodSpec::parse("GET /pets").unwrap()]);
        let clear = findings.iter().find(|f| f.code == "method-logging-off").unwrap();
        assert!(clear.fix.as_deref().unwrap().ends_with("--clear-method 'GET /pets'"));
    }

    #[test]
    fn access_destinations_are_checked() {
        let api = api();
        let mut stage = healthy_stage();
        stage.access = None;
        let off = stage_findings(&facts(&stage, &api));
        assert_eq!(codes(&off, Severity::Error), ["access-logging-off"]);
        assert_eq!(
            stage_requests(&off)[0].access_log_group.as_deref(),
            Some("API-Gateway-Access-Logs_a1/prod")
        );

        let mut stage = healthy_stage();
        stage.access.as_mut().unwrap().destination_arn =
            "arn:aws:logs:eu-west-1:123456789012:log-group:g".into();
        assert_eq!(
            codes(&stage_findings(&facts(&stage, &api)), Severity::Error),
            ["access-destination-invalid"]
        );

        let stage = healthy_stage();
        let mut f = facts(&stage, &api);
        f.access_group = None;
        let missing = stage_findings(&f);
        assert_eq!(codes(&missing, Severity::Error), ["access-log-group-missing"]);
        assert_eq!(stage_requests(&missing)[0].access_log_group.as_deref(), Some("g"));

        let mut stage = healthy_stage();
        stage.access.as_mut().unwrap().destination_arn =
            "arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-x".into();
        let mut f = facts(&stage, &api);
        f.access_group = None;
        assert_eq!(tally(&stage_findings(&f)), (0, 0));
    }

    #[test]
    fn account_role_problems() {
        let none = account_findings("us-east-1", None);
        assert_eq!(codes(&none, Severity::Error), ["account-role-not-set"]);
        assert_eq!(none[0].remedy, Some(Remedy::AccountRole(DEFAULT_ROLE_NAME.into())));

        let arn = "arn:aws:iam::123456789012:role/team-role";
        let missing = account_findings("us-east-1", Some(&RoleHealth::missing(arn)));
        assert_eq!(codes(&missing, Severity::Error), ["account-role-missing"]);

        let mut broken = RoleHealth::missing(arn);
        broken.exists = true;
        broken.problems = vec!["its trust policy does not allow apigateway.amazonaws.com".into()];
        let findings = account_findings("us-east-1", Some(&broken));
        assert_eq!(codes(&findings, Severity::Error), ["account-role-trust", "account-role-policy"]);
        assert!(findings[2].fix.as_deref().unwrap().contains("--role-name apigateway-cloudwatch-logs "));
        assert_eq!(
            findings[2].remedy,
            Some(Remedy::AccountRole(DEFAULT_ROLE_NAME.into())),
            "another team's broken role is replaced"
        );
        assert_eq!(findings[3].remedy, None, "its policy cannot be repaired while its trust is broken");

        let default_arn = format!("arn:aws:iam::123456789012:role/{DEFAULT_ROLE_NAME}");
        let mut default_broken = broken.clone();
        default_broken.arn = default_arn;
        let findings = account_findings("us-east-1", Some(&default_broken));
        assert_eq!(findings[2].remedy, None, "the tool never rewrites a trust policy");

        let mut no_policy = RoleHealth::missing(arn);
        (no_policy.exists, no_policy.trusts_api_gateway) = (true, true);
        no_policy.problems = vec!["the managed policy is not attached".into()];
        let findings = account_findings("us-east-1", Some(&no_policy));
        assert_eq!(codes(&findings, Severity::Error), ["account-role-policy"]);
        assert_eq!(
            findings.last().unwrap().remedy,
            Some(Remedy::AccountRole("team-role".into())),
            "repaired in place"
        );
    }

    #[test]
    fn findings_carry_the_security_hub_controls_they_are_evidence_for() {
        let mut off = healthy_stage();
        off.methods.insert(
            crate::settings::ALL_METHODS_KEY.into(),
            MethodLogging { level: Level::Off, data_trace: false, metrics: false },
        );
        let api = api();
        let findings = stage_findings(&facts(&off, &api));
        let controls = |code: &str| findings.iter().find(|f| f.code == code).map(|f| f.controls.clone());
        assert_eq!(controls("execution-logging-off"), Some(vec!["APIGateway.1"]));
        assert_eq!(controls("access-destination"), Some(vec![]), "no control for REST access logging");

        let mut v2 = healthy_stage();
        v2.kind = ApiKind::Http;
        v2.access = None;
        let http = Api { kind: ApiKind::Http, ..api.clone() };
        let findings = stage_findings(&facts(&v2, &http));
        let off = findings.iter().find(|f| f.code == "access-logging-off").unwrap();
        assert_eq!(off.controls, ["APIGateway.9"]);
    }

    #[test]
    fn control_results_follow_each_control_s_rule() {
        let api = api();
        let mut stage = healthy_stage();
        stage.methods.insert(
            MethodSpec::parse("GET /pets").unwrap().settings_key(),
            MethodLogging { level: Level::Off, data_trace: false, metrics: false },
        );
        let mut facts = facts(&stage, &api);
        facts.execution_group =
            Some(LogGroup { name: "e".into(), retention_days: None, ..Default::default() });
        let results = control_results(&facts, 365);
        let result = |control: &str, resource: &str| {
            results.iter().find(|r| r.control == control && r.resource == resource).map(|r| r.passed)
        };
        assert_eq!(
            result("APIGateway.1", "restapis/a1/stages/prod"),
            Some(false),
            "a method at OFF fails it"
        );
        assert_eq!(result("APIGateway.9", "restapis/a1/stages/prod"), None, "REST stages are not in it");
        assert_eq!(result("CloudWatch.16", "log-group/g"), Some(false), "30 days < 365");
        assert_eq!(result("CloudWatch.16", "log-group/e"), Some(true), "never expiring passes");
        assert_eq!(control_results(&facts, 30).iter().filter(|r| !r.passed).count(), 1);

        // A log group shared by two stages is one resource; a failure anywhere fails it.
        let twice: Vec<ControlResult> = results.iter().cloned().chain(results.iter().cloned()).collect();
        let counts = count_controls(&twice);
        assert_eq!(
            counts,
            [
                ControlCount { control: "APIGateway.1", passed: 0, failed: 1 },
                ControlCount { control: "APIGateway.9", passed: 0, failed: 0 },
                ControlCount { control: "CloudWatch.16", passed: 1, failed: 1 },
            ]
        );
    }

    #[test]
    fn a_minimum_retention_flags_shorter_groups_and_fixes_bound_to_it() {
        let api = api();
        let stage = healthy_stage();
        let mut facts = facts(&stage, &api);
        assert!(!stage_findings(&facts).iter().any(|f| f.code == "log-retention-below-minimum"));
        facts.min_retention_days = Some(365);
        facts.execution_group =
            Some(LogGroup { name: "e".into(), retention_days: None, ..Default::default() });
        let findings = stage_findings(&facts);
        let below: Vec<&Finding> =
            findings.iter().filter(|f| f.code == "log-retention-below-minimum").collect();
        assert_eq!(below.len(), 1, "{findings:?}");
        assert_eq!(below[0].controls, ["CloudWatch.16"]);
        assert!(below[0].fix.as_deref().unwrap().ends_with("--retention-days 365"));
        let never = findings.iter().find(|f| f.code == "execution-log-retention").unwrap();
        assert!(
            never.fix.as_deref().unwrap().ends_with("--execution-log-retention-days 365"),
            "bounded to the minimum"
        );
        let requests = stage_requests(&findings);
        assert_eq!(
            (requests[0].retention_days, requests[0].execution_log_retention_days),
            (Some(365), Some(365))
        );
    }

    #[test]
    fn with_controls_fix_clears_overrides_that_fail_apigateway_1() {
        let api = api();
        let mut stage = healthy_stage();
        let pets = MethodSpec::parse("GET /pets").unwrap();
        stage.methods.insert(
            pets.settings_key(),
            MethodLogging { level: Level::Off, data_trace: false, metrics: false },
        );
        let mut facts = facts(&stage, &api);
        let override_finding = |facts: &StageFacts| {
            stage_findings(facts).into_iter().find(|f| f.code == "method-logging-off").unwrap()
        };
        assert_eq!(override_finding(&facts).remedy, None, "may be deliberate: left alone");
        facts.controls = true;
        let finding = override_finding(&facts);
        assert_eq!(finding.controls, ["APIGateway.1"]);
        let requests = stage_requests(&[finding]);
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].clear_methods, [pets]);
    }
}
