//! Stage planning: the log-group steps and the stage update that take a stage to a request, and
//! the names of the log groups API Gateway and the tool use.

use super::validate::{CheckedLogging, check_kind, check_offline, checked_format, type_of};
use crate::api::{Api, ApiKind};
use crate::arn::{self, Destination};
use crate::aws::Clients;
use crate::aws::sts::Identity;
use crate::aws::{apigw, apigw2};
use crate::request::Logging;

use crate::app::context::Ctx;
use crate::delivery;
use crate::error;
use crate::groups::{default_log_group, execution_log_group};
use crate::logging::{AccessChange, ExecutionChange, Scope, StageLogging, StageRequest, turns_on_data_trace};
use crate::patch::Change;
use crate::plan::stage_update_steps;
use crate::plan::{Action, Plan, Step};
use crate::settings::{DEFAULT_RETENTION_DAYS, Level, MethodSpec};

/// The plan's name for the stage-wide level (`logging::stage_patch`).
const LEVEL_FIELD: &str = "stage logging level";
const DELIVERY_NEEDS_LEVEL: &str = "execution log delivery needs ERROR or INFO";

const DATA_TRACE_WARNING: &str = "data trace writes full request and response bodies (possibly secrets and personal data) to CloudWatch Logs; AWS advises against it in production";

/// `enable` fills unset settings with its defaults; `stage set` leaves them as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Set,
    Enable,
}

/// A stage's planned steps, whether applying them needs the account's logging role, and the
/// stage's logging once they are applied.
pub struct StagePlan {
    pub steps: Vec<Step>,
    pub needs_role: bool,
    pub after: StageLogging,
}

/// Plans `requests` for one stage (stage-wide, then one per method or route override), each
/// against the state the previous one leaves (`logging::after`), with their UpdateStage calls
/// merged into one.
pub async fn plan_requests(
    ctx: &Ctx,
    clients: &Clients,
    identity: &Identity,
    api: &Api,
    stage: &StageLogging,
    requests: &[Logging],
    mode: Mode,
) -> anyhow::Result<StagePlan> {
    let mut stage = stage.clone();
    let (mut steps, mut needs_role) = (Vec::new(), false);
    for request in requests {
        let checked = check_offline(ctx, request, None)?;
        let (planned, request) = plan_stage(ctx, clients, identity, api, &stage, checked, mode).await?;
        needs_role |= !planned.is_empty() && request.needs_account_role(api.kind);
        stage = crate::logging::after(&stage, &request);
        steps.extend(planned);
    }
    Ok(StagePlan { steps: Plan::merge_stage_updates(steps).steps, needs_role, after: stage })
}

/// Validates the logging flags against the stage and plans the log-group steps and the single
/// UpdateStage step. Everything is checked here, before any write.
async fn plan_stage(
    ctx: &Ctx,
    clients: &Clients,
    identity: &Identity,
    api: &Api,
    stage: &StageLogging,
    checked: CheckedLogging<'_>,
    mode: Mode,
) -> anyhow::Result<(Vec<Step>, StageRequest)> {
    let logging = checked.args;
    let kind = api.kind;
    check_kind(logging, checked.destination.as_ref().map(|d| &d.0), kind, &type_of(api))?;
    let format = match &logging.access_log_format {
        Some(arg) => Some(checked_format(ctx, "--access-log-format", arg, kind)?),
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
    let mut execution = execution_change(logging, stage, mode);
    let wanted = logging.wanted_deliveries();
    // AWS refuses a delivery source on a stage at OFF: such a stage is set to ERROR, the least
    // that delivers, in the same plan (the UpdateStage step runs before PutDeliverySource).
    let mut level_for_delivery = false;
    if let Some(wanted) = wanted.filter(|w| !w.is_empty()) {
        for spec in wanted {
            spec.check_home(&identity.partition, &clients.region, &identity.account)
                .map_err(|e| error::usage(format!("--execution-log-destination '{}': {e}", spec.arn)))?;
            if let Some(name) = spec.log_group() {
                let group = GroupRequest { name, retention: None, bound_unlimited: false, creation: logging };
                steps.extend(log_group_steps(ctx, clients, group).await?);
            }
        }
        if execution.level.unwrap_or(stage.stage_wide().level) == Level::Off {
            execution.level = Some(Level::Error);
            level_for_delivery = true;
        }
    }
    // A `--clear-*` that names an override the stage has is fine even when its method or route
    // is gone (an override left behind by a deleted method must stay removable); one the stage
    // lacks must name a method or route the API defines, or it is a typo.
    let overridden: Vec<Scope> = stage.overrides().map(|(scope, _)| scope).collect();
    let methods: Vec<(&str, &MethodSpec)> = (logging.methods.iter().map(|m| ("--method", m)))
        .chain(logging.clear_methods.iter().map(|m| ("--clear-method", m)))
        .filter(|(flag, m)| *flag == "--method" || !overridden.contains(&Scope::Method((*m).clone())))
        .collect();
    if !methods.is_empty() {
        check_methods_exist(clients, api, &methods).await?;
    }
    let routes: Vec<(&str, &String)> = (logging.routes.iter().map(|r| ("--route", r)))
        .chain(logging.clear_routes.iter().map(|r| ("--clear-route", r)))
        .filter(|(flag, r)| *flag == "--route" || !overridden.contains(&Scope::Route((*r).clone())))
        .collect();
    if !routes.is_empty() {
        check_routes_exist(clients, api, &routes).await?;
    }

    let access = if logging.no_access_log {
        AccessChange::Off
    } else {
        let destination = match checked.destination {
            Some((destination, parsed)) => {
                let text = logging.access_log_destination.as_deref().unwrap_or_default();
                parsed
                    .check_home(&identity.partition, &clients.region, &identity.account)
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
    if level_for_delivery {
        let level = update.iter_mut().flat_map(|s| s.changes.iter_mut()).find(|c| c.field == LEVEL_FIELD);
        if let Some(change) = level {
            change.after = Some(format!("ERROR ({DELIVERY_NEEDS_LEVEL})"));
        }
    }
    steps.extend(update);
    if let Some(wanted) = wanted {
        let key = delivery::StageKey {
            partition: &identity.partition,
            region: &clients.region,
            account: &identity.account,
            api_id: &api.id,
            stage: &stage.stage_name,
        };
        steps.extend(delivery::plan(&key, clients.delivery_index().await?, wanted));
    }
    Ok((steps, request))
}

/// The region's delivery objects, for commands that read them in passing (`disable`, `stage show`,
/// `status`): a caller without the CloudWatch Logs delivery permissions gets a warning, not a
/// failure, since most stages have no delivery.
pub async fn readable_deliveries<'c>(
    ctx: &Ctx,
    clients: &'c Clients,
) -> anyhow::Result<Option<&'c delivery::Index>> {
    match clients.delivery_index().await {
        Ok(index) => Ok(Some(index)),
        Err(err) if crate::aws::error_code(&err) == Some("AccessDeniedException") => {
            ctx.warn(format_args!(
                "cannot read execution log deliveries in {} ({err:#}); grant logs:DescribeDeliverySources, logs:DescribeDeliveryDestinations and logs:DescribeDeliveries to see and manage them",
                clients.region
            ));
            Ok(None)
        }
        Err(err) => Err(err),
    }
}

/// Route overrides of a v2 stage whose route no longer exists. AWS keeps such settings when a
/// route is deleted, but refuses an UpdateStage that carries them ("Unable to find Route by key").
/// Reads the API's routes (GetRoutes) only when the stage has route overrides.
pub async fn stale_routes(clients: &Clients, api: &Api, stage: &StageLogging) -> anyhow::Result<Vec<String>> {
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
async fn check_routes_exist(clients: &Clients, api: &Api, routes: &[(&str, &String)]) -> anyhow::Result<()> {
    let defined = apigw2::routes(&clients.apigw2, &api.id).await?;
    match routes.iter().find(|(_, r)| !defined.contains(r)) {
        None => Ok(()),
        Some((flag, missing)) => Err(error::usage_hint(
            format!(
                "{flag} '{missing}': {} {} ({}) has no such route{}",
                api.kind.label(),
                api.shown_name(),
                api.id,
                no_override(flag)
            ),
            if defined.is_empty() {
                "the API has no routes yet".to_string()
            } else {
                format!("its routes: {}", defined.join(", "))
            },
        )),
    }
}

/// What a `--clear-*` flag's error adds: there was nothing to clear either.
fn no_override(flag: &str) -> &'static str {
    if flag.starts_with("--clear-") { ", and the stage has no override for it" } else { "" }
}

/// Each `--method` (and each `--clear-method` without an override) must name a method the API
/// defines.
async fn check_methods_exist(
    clients: &Clients,
    api: &Api,
    methods: &[(&str, &MethodSpec)],
) -> anyhow::Result<()> {
    let resources = apigw::resources(&clients.apigw, &api.id).await?;
    for (flag, method) in methods {
        let defined = resources
            .iter()
            .find(|(path, _)| *path == method.path)
            .map(|(_, verbs)| verbs.contains(&method.http_method));
        match defined {
            Some(true) => {}
            Some(false) => {
                return Err(error::usage(format!(
                    "{flag} '{method}': resource {} of API {} has no {} method{}",
                    method.path,
                    api.id,
                    method.http_method,
                    no_override(flag)
                )));
            }
            None => {
                let paths: Vec<&str> = resources.iter().map(|(p, _)| p.as_str()).collect();
                return Err(error::usage_hint(
                    format!(
                        "{flag} '{method}': API {} has no resource {}{}",
                        api.id,
                        method.path,
                        no_override(flag)
                    ),
                    format!("its resources: {}", paths.join(", ")),
                ));
            }
        }
    }
    Ok(())
}

/// `enable` turns execution logging on (INFO) when it is off, and data trace off unless asked;
/// a level the stage already logs at is kept. `stage set` changes only what it is given.
fn execution_change(logging: &Logging, stage: &StageLogging, mode: Mode) -> ExecutionChange {
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

/// A log group a stage logs to, and what the tool wants of it.
struct GroupRequest<'a> {
    name: &'a str,
    /// Retention to set; `None` keeps an existing group's.
    retention: Option<i32>,
    /// Also give an existing group that never expires the default retention.
    bound_unlimited: bool,
    /// `--kms-key-id` and `--tag`, for a group the tool creates.
    creation: &'a Logging,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logging::MethodLogging;
    use crate::settings::{ALL_METHODS_KEY, Switch};

    fn stage(kind: ApiKind, level: Level) -> StageLogging {
        let mut stage = StageLogging { stage_name: "prod".into(), kind, ..Default::default() };
        stage
            .methods
            .insert(ALL_METHODS_KEY.into(), MethodLogging { level, data_trace: false, metrics: false });
        stage
    }

    fn change(level: Option<Level>, data_trace: Option<bool>, metrics: Option<bool>) -> ExecutionChange {
        ExecutionChange { level, data_trace, metrics }
    }

    #[test]
    fn enable_turns_execution_logging_on_and_data_trace_off_unless_told() {
        let none = Logging::default();
        let off = stage(ApiKind::Rest, Level::Off);
        assert_eq!(execution_change(&none, &off, Mode::Enable), change(Some(Level::Info), Some(false), None));
        // A level the stage already logs at is kept.
        let error = stage(ApiKind::Websocket, Level::Error);
        assert_eq!(execution_change(&none, &error, Mode::Enable), change(None, Some(false), None));
        let asked = Logging {
            level: Some(Level::Error),
            data_trace: Some(Switch::On),
            metrics: Some(Switch::On),
            ..Default::default()
        };
        assert_eq!(
            execution_change(&asked, &off, Mode::Enable),
            change(Some(Level::Error), Some(true), Some(true))
        );
    }

    #[test]
    fn stage_set_and_http_apis_change_only_what_is_given() {
        let metrics = Logging { metrics: Some(Switch::Off), ..Default::default() };
        let off = stage(ApiKind::Rest, Level::Off);
        assert_eq!(execution_change(&metrics, &off, Mode::Set), change(None, None, Some(false)));
        // HTTP APIs have no execution logging to turn on.
        let http = stage(ApiKind::Http, Level::Off);
        assert_eq!(execution_change(&metrics, &http, Mode::Enable), change(None, None, Some(false)));
    }

    #[test]
    fn log_group_names_follow_the_api_type() {
        let api = |kind| Api {
            id: "a1".into(),
            name: "orders".into(),
            kind,
            created: None,
            tags: Default::default(),
        };
        assert_eq!(default_log_group(&api(ApiKind::Rest), "prod"), "API-Gateway-Access-Logs_a1/prod");
        assert_eq!(
            default_log_group(&api(ApiKind::Http), "prod"),
            "/aws/vendedlogs/API-Gateway-Access-Logs_a1/prod"
        );
        assert_eq!(execution_log_group(&api(ApiKind::Rest), "prod"), "API-Gateway-Execution-Logs_a1/prod");
        assert_eq!(execution_log_group(&api(ApiKind::Websocket), "prod"), "/aws/apigateway/a1/prod");
    }
}
