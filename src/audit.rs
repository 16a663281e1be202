//! `status`: the checks of the logging chain, as pure functions of what was read from AWS. Each
//! finding has a severity, one line of explanation and, when there is one, the command that fixes
//! it; a [`Remedy`] says how `status --fix` repairs it through the same requests `stage set` makes.

use crate::api::{Api, ApiKind};
use crate::arn::{self, Destination};
use crate::aws::logs::LogGroup;
use crate::cli::LoggingArgs;
use crate::delivery::{DestinationSpec, StageDeliveries, StageDelivery};
use crate::format;
use crate::logging::{Scope, StageLogging};
use crate::planner::stage::{default_log_group, execution_log_group};
use crate::settings::{DEFAULT_RETENTION_DAYS, Level, Switch};
use crate::trust::{DEFAULT_ROLE_NAME, RoleHealth};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Ok,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable identifier for scripts, e.g. `execution-logging-off`.
    pub code: &'static str,
    pub message: String,
    /// The command that fixes it (or what to do, when no command can).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    #[serde(skip)]
    pub remedy: Option<Remedy>,
}

/// How `status --fix` repairs a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remedy {
    /// Create or repair this role and point the account at it (as `enable` does).
    AccountRole(String),
    /// Stage settings, exactly as the equivalent `stage set` flags.
    Stage(Box<LoggingArgs>),
    /// Delete this log group (only ever one that holds no events).
    DeleteLogGroup(String),
}

fn ok(code: &'static str, message: impl Into<String>) -> Finding {
    Finding { severity: Severity::Ok, code, message: message.into(), fix: None, remedy: None }
}

fn problem(
    severity: Severity,
    code: &'static str,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Finding {
    Finding { severity, code, message: message.into(), fix: Some(fix.into()), remedy: None }
}

impl Finding {
    fn remedied(mut self, remedy: Remedy) -> Finding {
        self.remedy = Some(remedy);
        self
    }
}

/// Checks of the region's API Gateway account role. `role` is `None` when no role is set.
pub fn account_findings(region: &str, role: Option<&RoleHealth>) -> Vec<Finding> {
    let setup = format!(
        "apigw-logs role create --region {region} && apigw-logs account set-role --role-name {DEFAULT_ROLE_NAME} --region {region}"
    );
    let Some(role) = role else {
        return vec![
            problem(
                Severity::Error,
                "account-role-not-set",
                format!("no CloudWatch Logs role is set on the API Gateway account in {region}: AWS refuses to turn on execution logging and CloudWatch access logging"),
                setup,
            )
            .remedied(Remedy::AccountRole(DEFAULT_ROLE_NAME.into())),
        ];
    };
    let name = role.arn.rsplit('/').next().unwrap_or(&role.arn);
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
                setup,
            )
            .remedied(Remedy::AccountRole(DEFAULT_ROLE_NAME.into())),
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
        let fix = format!(
            "let apigateway.amazonaws.com assume role {name}, or switch to a new role: apigw-logs role create --role-name {replacement} --region {region} && apigw-logs account set-role --role-name {replacement} --region {region} --yes"
        );
        let finding =
            problem(Severity::Error, "account-role-trust", format!("role {name}: {problem_text}"), fix);
        // Trust policies are never rewritten, so --fix can only switch to the default role.
        findings.push(if name == DEFAULT_ROLE_NAME {
            finding
        } else {
            finding.remedied(Remedy::AccountRole(DEFAULT_ROLE_NAME.into()))
        });
    }
    if role.has_policy {
        findings.push(ok("account-role-policy", "AmazonAPIGatewayPushToCloudWatchLogs is attached"));
    } else {
        let finding = problem(
            Severity::Error,
            "account-role-policy",
            format!(
                "role {name} lacks the managed policy AmazonAPIGatewayPushToCloudWatchLogs: log delivery fails"
            ),
            format!("apigw-logs role create --role-name {name} --region {region}"),
        );
        // Attaching the policy repairs a role API Gateway can assume; otherwise the trust fix decides.
        findings.push(if role.trusts_api_gateway {
            finding.remedied(Remedy::AccountRole(name.to_string()))
        } else {
            finding
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
    pub region: &'a str,
    /// The caller's account, where access-log destinations must live.
    pub account: &'a str,
    pub api: &'a Api,
    pub stage: &'a StageLogging,
    /// The access-log group (when the destination is one): `None` when it does not exist.
    pub access_group: Option<LogGroup>,
    /// `API-Gateway-Execution-Logs_{id}/{stage}`, when it exists.
    pub execution_group: Option<LogGroup>,
    /// WebSocket: `API-Gateway-Execution-Logs_{id}/{stage}`, which earlier versions pre-created
    /// but API Gateway does not write to, when it exists.
    pub leftover_execution_group: Option<Leftover>,
    /// v2: route overrides whose route no longer exists.
    pub stale_routes: Vec<String>,
    /// REST: the stage's execution log delivery source and deliveries (`None`: none, or unread).
    pub deliveries: Option<StageDeliveries>,
    /// Log groups that deliveries point at and that do not exist.
    pub missing_delivery_groups: Vec<String>,
}

/// A log group the tool created where nothing writes.
pub struct Leftover {
    pub group: LogGroup,
    /// Whether it has log streams: then it is reported, never deleted.
    pub holds_events: bool,
}

pub fn stage_findings(facts: &StageFacts) -> Vec<Finding> {
    let mut findings = Vec::new();
    let (api, stage, region) = (facts.api, facts.stage, facts.region);
    let set = |flags: &str| {
        format!(
            "apigw-logs stage set --region {region} --api {} --stage {} {flags}",
            api.id, stage.stage_name
        )
    };
    let stage_fix = |args: LoggingArgs| Remedy::Stage(Box::new(args));
    let wide = stage.stage_wide();
    if stage.kind == ApiKind::Http {
        // HTTP APIs have access logging only.
        findings.extend(access_findings(facts, &set));
        return findings;
    }

    if wide.level == Level::Off {
        // Turned on with its log group pre-created and bounded, as `enable` does.
        let fix = set(&format!("--level info --execution-log-retention-days {DEFAULT_RETENTION_DAYS}"));
        let remedy = LoggingArgs {
            level: Some(Level::Info),
            execution_log_retention_days: Some(DEFAULT_RETENTION_DAYS),
            ..Default::default()
        };
        findings.push(
            problem(Severity::Error, "execution-logging-off", "execution logging is OFF", fix)
                .remedied(stage_fix(remedy)),
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
                set("--data-trace off"),
            )
            .remedied(stage_fix(LoggingArgs { data_trace: Some(Switch::Off), ..Default::default() })),
        );
    }
    for (scope, settings) in stage.overrides() {
        // The flag that names this override, and the scope in a remedy.
        let (flag, named, mut scoped) = match &scope {
            Scope::Route(key) => {
                ("route", key.clone(), LoggingArgs { routes: vec![key.clone()], ..Default::default() })
            }
            Scope::Method(spec) => (
                "method",
                spec.to_string(),
                LoggingArgs { methods: vec![spec.clone()], ..Default::default() },
            ),
            Scope::Stage => continue,
        };
        if facts.stale_routes.contains(&named) {
            findings.push(
                problem(
                    Severity::Warning,
                    "route-override-stale",
                    format!("{scope} no longer exists but its settings remain: AWS refuses stage updates that carry them"),
                    set(&format!("--clear-route '{named}'")),
                )
                .remedied(stage_fix(LoggingArgs { clear_routes: vec![named], ..Default::default() })),
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
                    set(&format!("--{flag} '{named}' --data-trace off")),
                )
                .remedied(stage_fix(scoped)),
            );
        }
        if settings.level == Level::Off && wide.level != Level::Off {
            findings.push(problem(
                Severity::Warning,
                if flag == "route" { "route-logging-off" } else { "method-logging-off" },
                format!("the {scope} override turns execution logging OFF there"),
                set(&format!("--clear-{flag} '{named}'")),
            ));
        }
    }

    findings.extend(access_findings(facts, &set));
    findings.extend(execution_group_findings(facts, &set));
    findings.extend(leftover_finding(facts));
    findings.extend(delivery_findings(facts, &set));
    findings
}

/// Execution log deliveries: a source on a stage at OFF (AWS delivers nothing, silently), and
/// deliveries whose destination is gone. (S3 buckets and Firehose streams are not looked up.)
fn delivery_findings(facts: &StageFacts, set: &dyn Fn(&str) -> String) -> Vec<Finding> {
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
                format!("{}   (or stop delivering: --no-execution-log-delivery)", set("--level info")),
            )
            .remedied(Remedy::Stage(Box::new(LoggingArgs { level: Some(Level::Info), ..Default::default() }))),
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
    let flags = if kept.is_empty() {
        "--no-execution-log-delivery".to_string()
    } else {
        kept.iter().map(|s| format!("--execution-log-destination '{s}'")).collect::<Vec<_>>().join(" ")
    };
    let remedy = LoggingArgs {
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
            problem(Severity::Error, "execution-log-delivery-destination-missing", message, set(&flags))
                .remedied(Remedy::Stage(Box::new(remedy.clone()))),
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
    let region = facts.region;
    let delete = format!("aws logs delete-log-group --region {region} --log-group-name '{name}'");
    Some(if *holds_events {
        problem(
            Severity::Warning,
            "execution-log-group-leftover",
            format!("{message}; it holds log streams, so it is left for you to read and delete"),
            delete,
        )
    } else {
        problem(
            Severity::Warning,
            "execution-log-group-leftover",
            format!("{message}; it holds no events"),
            delete,
        )
        .remedied(Remedy::DeleteLogGroup(name.clone()))
    })
}

fn access_findings(facts: &StageFacts, set: &dyn Fn(&str) -> String) -> Vec<Finding> {
    let (api, stage) = (facts.api, facts.stage);
    let default_group = default_log_group(api, &stage.stage_name);
    let new_destination = || LoggingArgs {
        access_log_group: Some(default_group.clone()),
        access_log_format: Some("json".into()),
        ..Default::default()
    };
    let new_destination_fix = set(&format!("--access-log-group {default_group} --access-log-format json"));
    let Some(access) = &stage.access else {
        return vec![
            problem(Severity::Error, "access-logging-off", "access logging is off", new_destination_fix)
                .remedied(Remedy::Stage(Box::new(new_destination()))),
        ];
    };
    let mut findings = Vec::new();
    let destination = arn::parse_destination(&access.destination_arn).and_then(|(destination, parsed)| {
        parsed.check_home(facts.region, facts.account).map(|()| destination)
    });
    match destination {
        Err(why) => findings.push(
            problem(
                Severity::Error,
                "access-destination-invalid",
                format!("access log destination: {why}"),
                new_destination_fix,
            )
            .remedied(Remedy::Stage(Box::new(new_destination()))),
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
                    set(&format!("--access-log-group {name}")),
                )
                .remedied(Remedy::Stage(Box::new(LoggingArgs {
                    access_log_group: Some(name.clone()),
                    ..Default::default()
                }))),
            ),
            Some(group) => {
                findings.push(ok("access-destination", format!("access logs go to log group {name}")));
                findings.push(retention_finding(
                    group,
                    "access-log-retention",
                    set(&format!("--retention-days {DEFAULT_RETENTION_DAYS}")),
                    || LoggingArgs { retention_days: Some(DEFAULT_RETENTION_DAYS), ..Default::default() },
                ));
            }
        },
    }
    let lint = format::lint(&access.format, stage.kind);
    let format_fix = set("--access-log-format json");
    for finding in &lint.findings {
        let severity = match finding.severity {
            format::Severity::Error => Severity::Error,
            format::Severity::Warning => Severity::Warning,
        };
        let f = problem(
            severity,
            "access-log-format",
            format!("access log format: {}", finding.message),
            &format_fix,
        );
        findings.push(if severity == Severity::Error {
            f.remedied(Remedy::Stage(Box::new(LoggingArgs {
                access_log_format: Some("json".into()),
                ..Default::default()
            })))
        } else {
            f
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

fn execution_group_findings(facts: &StageFacts, set: &dyn Fn(&str) -> String) -> Vec<Finding> {
    let bound =
        || LoggingArgs { execution_log_retention_days: Some(DEFAULT_RETENTION_DAYS), ..Default::default() };
    let fix = set(&format!("--execution-log-retention-days {DEFAULT_RETENTION_DAYS}"));
    let logging_on = facts.stage.stage_wide().level != Level::Off
        || facts.stage.overrides().any(|(_, s)| s.level != Level::Off);
    match &facts.execution_group {
        Some(group) => vec![retention_finding(group, "execution-log-retention", fix, bound)],
        None if logging_on => vec![
            problem(
                Severity::Warning,
                "execution-log-retention",
                "the execution log group does not exist yet: API Gateway will create it on the first request, with no retention (kept and billed forever)",
                fix,
            )
            .remedied(Remedy::Stage(Box::new(bound()))),
        ],
        None => Vec::new(),
    }
}

fn retention_finding(
    group: &LogGroup,
    code: &'static str,
    fix: String,
    remedy: impl Fn() -> LoggingArgs,
) -> Finding {
    match group.retention_days {
        Some(days) => ok(code, format!("log group {} keeps events {days} days", group.name)),
        None => problem(
            Severity::Warning,
            code,
            format!("log group {} never expires: its events are kept (and billed) forever", group.name),
            fix,
        )
        .remedied(Remedy::Stage(Box::new(remedy()))),
    }
}

/// Folds the stage remedies of a stage's findings into `stage set` requests: the removal of
/// stale route overrides first, then one for the whole stage, then one per method or route
/// (such a request carries its own scope).
pub fn stage_requests(findings: &[Finding]) -> Vec<LoggingArgs> {
    let mut clears = Vec::new();
    let mut stage_wide = LoggingArgs::default();
    let mut scoped: Vec<LoggingArgs> = Vec::new();
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

fn merge_into(into: &mut LoggingArgs, from: &LoggingArgs) {
    into.level = from.level.or(into.level);
    into.data_trace = from.data_trace.or(into.data_trace);
    into.metrics = from.metrics.or(into.metrics);
    into.access_log_group = from.access_log_group.clone().or(into.access_log_group.take());
    into.access_log_format = from.access_log_format.clone().or(into.access_log_format.take());
    into.retention_days = from.retention_days.or(into.retention_days);
    into.execution_log_retention_days =
        from.execution_log_retention_days.or(into.execution_log_retention_days);
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
            region: "us-east-1",
            account: "123456789012",
            api,
            stage,
            access_group: Some(LogGroup { name: "g".into(), retention_days: Some(30) }),
            execution_group: Some(LogGroup { name: "e".into(), retention_days: Some(90) }),
            leftover_execution_group: None,
            stale_routes: vec![],
            deliveries: None,
            missing_delivery_groups: vec![],
        }
    }

    #[test]
    fn a_leftover_websocket_execution_group_is_deleted_by_fix_only_when_empty() {
        let mut stage = healthy_stage();
        stage.kind = ApiKind::Websocket;
        let api = Api { id: "w1".into(), name: "chat".into(), kind: ApiKind::Websocket, created: None };
        let leftover = |holds_events| Leftover {
            group: LogGroup { name: "API-Gateway-Execution-Logs_w1/prod".into(), retention_days: Some(30) },
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
        f.access_group = Some(LogGroup { name: "g".into(), retention_days: None });
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
}
