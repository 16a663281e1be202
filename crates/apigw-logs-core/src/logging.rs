//! A stage's logging state as read from API Gateway, and the patch operations that take it to a
//! requested state. Only operations that change something are emitted, which keeps commands
//! idempotent: a second run finds nothing to do.

use crate::api::ApiKind;
use crate::patch::{Change, PatchOp};
use crate::settings::{ALL_METHODS_KEY, Level, MethodSpec, on_off};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Execution-logging settings of one method-settings key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodLogging {
    pub level: Level,
    pub data_trace: bool,
    pub metrics: bool,
}

impl MethodLogging {
    /// What a stage without a `*/*` entry does: nothing.
    pub const OFF: MethodLogging = MethodLogging { level: Level::Off, data_trace: false, metrics: false };
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLog {
    pub destination_arn: String,
    pub format: String,
}

impl AccessLog {
    /// From a stage's access-log settings as either API Gateway API returns them; an empty
    /// destination means access logging is off.
    pub fn from_settings(destination_arn: Option<&str>, format: Option<&str>) -> Option<AccessLog> {
        Some(AccessLog {
            destination_arn: destination_arn.filter(|d| !d.is_empty())?.to_string(),
            format: format.unwrap_or_default().to_string(),
        })
    }
}

/// A v2 route's throttling: not the tool's business, but v2 UpdateStage replaces a route's whole
/// settings object, so the values read are sent back unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Throttle {
    #[serde(rename = "throttling_burst_limit", skip_serializing_if = "Option::is_none")]
    pub burst_limit: Option<i32>,
    #[serde(rename = "throttling_rate_limit", skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<serde_json::Number>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageLogging {
    pub stage_name: String,
    pub kind: ApiKind,
    /// REST: keyed as API Gateway keys method settings (`*/*`, `~1pets/GET`). HTTP and WebSocket:
    /// `*/*` holds the default route settings, other keys are route keys (`$connect`, `GET /pets`).
    pub methods: BTreeMap<String, MethodLogging>,
    pub access: Option<AccessLog>,
    /// HTTP and WebSocket only, keyed like `methods`.
    pub throttling: BTreeMap<String, Throttle>,
    /// The deployment the stage serves (what infrastructure code must name to define it).
    pub deployment_id: Option<String>,
    /// The stage's tags, as read (CloudFormation's `aws:cloudformation:*` among them).
    pub tags: BTreeMap<String, String>,
    /// When the stage was created, as read: tells a stage from one of the same name made later.
    pub created: Option<chrono::DateTime<chrono::Utc>>,
    /// When the stage was last changed, as read (a log group made after it was made for it later).
    pub updated: Option<chrono::DateTime<chrono::Utc>>,
}

impl StageLogging {
    pub fn stage_wide(&self) -> MethodLogging {
        self.methods.get(ALL_METHODS_KEY).copied().unwrap_or(MethodLogging::OFF)
    }

    /// Per-method (REST) or per-route (v2) overrides, in key order.
    pub fn overrides(&self) -> impl Iterator<Item = (Scope, MethodLogging)> + '_ {
        self.methods.iter().filter(|(key, _)| *key != ALL_METHODS_KEY).filter_map(|(key, settings)| {
            let scope = match self.kind {
                ApiKind::Rest => Scope::Method(MethodSpec::from_settings_key(key)?),
                _ => Scope::Route(key.clone()),
            };
            Some((scope, *settings))
        })
    }
}

/// Requested execution-logging values; `None` leaves a value as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExecutionChange {
    pub level: Option<Level>,
    pub data_trace: Option<bool>,
    pub metrics: Option<bool>,
}

impl ExecutionChange {
    pub fn is_empty(&self) -> bool {
        self.level.is_none() && self.data_trace.is_none() && self.metrics.is_none()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum AccessChange {
    #[default]
    Keep,
    Off,
    /// `None` fields keep the stage's current value.
    Set {
        destination_arn: Option<String>,
        format: Option<String>,
    },
}

/// Where execution-logging settings apply: the whole stage, one REST method's override, or one
/// HTTP/WebSocket route's override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Stage,
    Method(MethodSpec),
    Route(String),
}

impl Scope {
    /// The key the stage's settings use for this scope.
    pub fn key(&self) -> String {
        match self {
            Scope::Stage => ALL_METHODS_KEY.to_string(),
            Scope::Method(spec) => spec.settings_key(),
            Scope::Route(key) => key.clone(),
        }
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scope::Stage => f.write_str("stage"),
            Scope::Method(spec) => spec.fmt(f),
            Scope::Route(key) => write!(f, "route {key}"),
        }
    }
}

/// A fully resolved stage change: what `stage set`, `enable`, `disable` and the wizard produce.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageRequest {
    pub execution: ExecutionChange,
    /// Where the execution change applies; empty means the whole stage (`*/*`).
    pub scopes: Vec<Scope>,
    /// Overrides to remove.
    pub clear: Vec<Scope>,
    pub access: AccessChange,
}

impl StageRequest {
    /// Whether the request turns on logging that API Gateway delivers with the account's role:
    /// execution logging, data trace, or access logs to a CloudWatch Logs group. (Firehose
    /// delivery uses a service-linked role; metrics need no role; HTTP APIs deliver access logs
    /// through the log group's resource policy.)
    pub fn needs_account_role(&self, kind: ApiKind) -> bool {
        kind != ApiKind::Http
            && (self.execution.level.is_some_and(|l| l != Level::Off)
                || self.execution.data_trace == Some(true)
                || matches!(&self.access, AccessChange::Set { destination_arn: Some(d), .. } if d.contains(":logs:")))
    }

    /// The scopes the execution change applies to.
    fn targets(&self) -> Vec<Scope> {
        if self.scopes.is_empty() { vec![Scope::Stage] } else { self.scopes.clone() }
    }
}

/// The stage as it is once `request` is applied. A new override starts from the stage-wide
/// values: AWS would fill fields it is not sent with its own defaults (logging OFF), not with the
/// stage's.
pub fn after(current: &StageLogging, request: &StageRequest) -> StageLogging {
    let mut next = current.clone();
    let exec = request.execution;
    if !exec.is_empty() {
        for scope in request.targets() {
            let start = if scope == Scope::Stage { MethodLogging::OFF } else { current.stage_wide() };
            let settings = next.methods.entry(scope.key()).or_insert(start);
            settings.level = exec.level.unwrap_or(settings.level);
            settings.data_trace = exec.data_trace.unwrap_or(settings.data_trace);
            settings.metrics = exec.metrics.unwrap_or(settings.metrics);
        }
    }
    for scope in &request.clear {
        next.methods.remove(&scope.key());
    }
    next.access = match &request.access {
        AccessChange::Keep => current.access.clone(),
        AccessChange::Off => None,
        AccessChange::Set { destination_arn, format } => match &current.access {
            Some(now) => Some(AccessLog {
                destination_arn: destination_arn.clone().unwrap_or_else(|| now.destination_arn.clone()),
                format: format.clone().unwrap_or_else(|| now.format.clone()),
            }),
            None => destination_arn.as_ref().map(|d| AccessLog {
                destination_arn: d.clone(),
                format: format.clone().unwrap_or_default(),
            }),
        },
    };
    next
}

/// One execution-logging field of one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Level,
    DataTrace,
    Metrics,
}

impl Field {
    const ALL: [Field; 3] = [Field::Level, Field::DataTrace, Field::Metrics];

    fn value(self, settings: MethodLogging) -> String {
        match self {
            Field::Level => settings.level.to_string(),
            Field::DataTrace => on_off(settings.data_trace).to_string(),
            Field::Metrics => on_off(settings.metrics).to_string(),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Field::Level => "logging level",
            Field::DataTrace => "data trace",
            Field::Metrics => "detailed metrics",
        }
    }

    fn rest_op(self, key: &str, settings: MethodLogging) -> PatchOp {
        match self {
            Field::Level => PatchOp::replace(format!("/{key}/logging/loglevel"), settings.level.as_api()),
            Field::DataTrace => {
                PatchOp::replace(format!("/{key}/logging/dataTrace"), settings.data_trace.to_string())
            }
            Field::Metrics => {
                PatchOp::replace(format!("/{key}/metrics/enabled"), settings.metrics.to_string())
            }
        }
    }
}

/// How a stage differs from the state `after` computed: per key, the fields that change; the
/// overrides removed; the access-log fields that change. Both API Gateway APIs are rendered from it.
struct StageDiff {
    changed: Vec<KeyDiff>,
    removed: Vec<(String, Change)>,
    access: Vec<AccessEdit>,
}

/// One settings key whose fields change: its settings after, and each changing field with its
/// human-readable change.
struct KeyDiff {
    key: String,
    settings: MethodLogging,
    fields: Vec<(Field, Change)>,
}

enum AccessEdit {
    Off(Change),
    Destination(String, Change),
    Format(String, Change),
}

fn diff(current: &StageLogging, next: &StageLogging) -> StageDiff {
    let scope_of = |key: &str| match (key, current.kind) {
        (ALL_METHODS_KEY, _) => Scope::Stage.to_string(),
        (_, ApiKind::Rest) => MethodSpec::from_settings_key(key).map_or(key.to_string(), |s| s.to_string()),
        _ => Scope::Route(key.to_string()).to_string(),
    };
    let mut changed = Vec::new();
    for (key, settings) in &next.methods {
        // An absent `*/*` behaves as all-off; an absent override has no previous value at all.
        let before =
            current.methods.get(key).copied().or((key == ALL_METHODS_KEY).then_some(MethodLogging::OFF));
        let label = scope_of(key);
        let fields: Vec<(Field, Change)> = Field::ALL
            .into_iter()
            .filter(|f| before.map(|b| f.value(b)) != Some(f.value(*settings)))
            .map(|f| {
                let change = Change::new(
                    format!("{label} {}", f.label()),
                    before.map(|b| f.value(b)),
                    Some(f.value(*settings)),
                );
                (f, change)
            })
            .collect();
        if !fields.is_empty() {
            changed.push(KeyDiff { key: key.clone(), settings: *settings, fields });
        }
    }
    let removed = current
        .methods
        .keys()
        .filter(|key| !next.methods.contains_key(*key))
        .map(|key| {
            (key.clone(), Change::new(format!("{} override", scope_of(key)), Some("set".into()), None))
        })
        .collect();
    let mut access = Vec::new();
    match (&current.access, &next.access) {
        (Some(now), None) => access.push(AccessEdit::Off(Change::new(
            "access log destination",
            Some(now.destination_arn.clone()),
            None,
        ))),
        (now, Some(wanted)) => {
            let now_dest = now.as_ref().map(|a| strip_star(&a.destination_arn));
            if now_dest != Some(strip_star(&wanted.destination_arn)) {
                let change = Change::new(
                    "access log destination",
                    now_dest.map(str::to_string),
                    Some(wanted.destination_arn.clone()),
                );
                access.push(AccessEdit::Destination(wanted.destination_arn.clone(), change));
            }
            let now_format = now.as_ref().map(|a| a.format.as_str());
            // A new destination without a format sends none (the caller supplies one when needed).
            if now_format != Some(wanted.format.as_str()) && !(now.is_none() && wanted.format.is_empty()) {
                let change = Change::new(
                    "access log format",
                    now_format.map(str::to_string),
                    Some(wanted.format.clone()),
                );
                access.push(AccessEdit::Format(wanted.format.clone(), change));
            }
        }
        (None, None) => {}
    }
    StageDiff { changed, removed, access }
}

/// Whether the request turns data trace on where it is effectively off now. A method without an
/// override follows the stage, so copying the stage's data trace into a new override turns nothing on.
pub fn turns_on_data_trace(current: &StageLogging, request: &StageRequest) -> bool {
    request.execution.data_trace == Some(true)
        && request.targets().iter().any(|scope| {
            !current.methods.get(&scope.key()).map_or(current.stage_wide().data_trace, |m| m.data_trace)
        })
}

/// REST: the patch operations (for ONE UpdateStage call) and the human-readable changes.
pub fn stage_patch(current: &StageLogging, request: &StageRequest) -> (Vec<PatchOp>, Vec<Change>) {
    stage_patch_to(current, &after(current, request))
}

/// REST: the patch operations that take the stage to `next`, and their changes.
pub fn stage_patch_to(current: &StageLogging, next: &StageLogging) -> (Vec<PatchOp>, Vec<Change>) {
    let StageDiff { changed, removed, access } = diff(current, next);
    let mut ops = Vec::new();
    let mut changes = Vec::new();
    for KeyDiff { key, settings, fields } in changed {
        for (field, change) in fields {
            ops.push(field.rest_op(&key, settings));
            changes.push(change);
        }
    }
    for (key, change) in removed {
        ops.push(PatchOp::remove(format!("/{key}")));
        changes.push(change);
    }
    for edit in access {
        let (op, change) = match edit {
            AccessEdit::Off(change) => (PatchOp::remove("/accessLogSettings"), change),
            AccessEdit::Destination(arn, change) => {
                (PatchOp::replace("/accessLogSettings/destinationArn", arn), change)
            }
            AccessEdit::Format(format, change) => {
                (PatchOp::replace("/accessLogSettings/format", format), change)
            }
        };
        ops.push(op);
        changes.push(change);
    }
    (ops, changes)
}

/// What one HTTP/WebSocket route's settings become: v2 UpdateStage replaces the whole object, so
/// every field is sent, throttling as it was. HTTP APIs have no execution logging fields at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RouteSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logging_level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_trace_enabled: Option<bool>,
    pub detailed_metrics_enabled: bool,
    #[serde(flatten)]
    pub throttling: Throttle,
}

/// The calls that take an HTTP/WebSocket stage to the requested state, with their changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct V2Update {
    pub default_route_settings: Option<RouteSettings>,
    pub route_settings: BTreeMap<String, RouteSettings>,
    /// Sent whole (destination and format) when either changes.
    pub access_log_settings: Option<AccessLog>,
    /// UpdateStage's changes.
    pub changes: Vec<Change>,
    /// Route overrides to delete (DeleteRouteSettings), with their changes.
    pub removed_routes: Vec<(String, Change)>,
    /// DeleteAccessLogSettings, with its change.
    pub access_off: Option<Change>,
}

/// HTTP/WebSocket: the same request as `stage_patch`, rendered as v2 calls.
pub fn v2_update(current: &StageLogging, request: &StageRequest) -> V2Update {
    v2_update_to(current, &after(current, request))
}

/// HTTP/WebSocket: the calls that take the stage to `next`.
pub fn v2_update_to(current: &StageLogging, next: &StageLogging) -> V2Update {
    let StageDiff { changed, removed, access } = diff(current, next);
    let mut update = V2Update::default();
    for KeyDiff { key, settings, fields } in changed {
        let execution = current.kind != ApiKind::Http;
        let route = RouteSettings {
            logging_level: execution.then_some(settings.level),
            data_trace_enabled: execution.then_some(settings.data_trace),
            detailed_metrics_enabled: settings.metrics,
            // A new route override would get AWS's account-level throttling, not the default
            // route's: it starts from the default route's limits, as it does for logging.
            throttling: match current.methods.contains_key(&key) {
                true => current.throttling.get(&key),
                false => current.throttling.get(ALL_METHODS_KEY),
            }
            .cloned()
            .unwrap_or_default(),
        };
        if key == ALL_METHODS_KEY {
            update.default_route_settings = Some(route);
        } else {
            update.route_settings.insert(key, route);
        }
        update.changes.extend(fields.into_iter().map(|(_, change)| change));
    }
    update.removed_routes = removed;
    for edit in access {
        match edit {
            AccessEdit::Off(change) => update.access_off = Some(change),
            AccessEdit::Destination(_, change) | AccessEdit::Format(_, change) => {
                update.access_log_settings = next.access.clone();
                update.changes.push(change);
            }
        }
    }
    update
}

fn strip_star(arn: &str) -> &str {
    arn.strip_suffix(":*").unwrap_or(arn)
}

/// What `disable` asks for: execution logging OFF with no data trace, on the stage and on every
/// override that still logs, and/or access logging removed. HTTP APIs have no execution logging.
pub fn disable_request(current: &StageLogging, execution: bool, access: bool) -> StageRequest {
    let mut request = StageRequest::default();
    if execution && current.kind != ApiKind::Http {
        request.execution =
            ExecutionChange { level: Some(Level::Off), data_trace: Some(false), metrics: None };
        request.scopes = std::iter::once(Scope::Stage)
            .chain(
                current
                    .overrides()
                    .filter(|(_, s)| s.level != Level::Off || s.data_trace)
                    .map(|(scope, _)| scope),
            )
            .collect();
    }
    if access {
        request.access = AccessChange::Off;
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(methods: &[(&str, MethodLogging)], access: Option<(&str, &str)>) -> StageLogging {
        StageLogging {
            stage_name: "prod".into(),
            methods: methods.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            access: access.map(|(d, f)| AccessLog { destination_arn: d.into(), format: f.into() }),
            ..Default::default()
        }
    }

    fn info() -> MethodLogging {
        MethodLogging { level: Level::Info, data_trace: false, metrics: false }
    }

    #[test]
    fn data_trace_counts_as_turned_on_only_where_it_was_effectively_off() {
        let traced = MethodLogging { data_trace: true, ..info() };
        let on = |scopes: Vec<Scope>| StageRequest {
            execution: ExecutionChange { data_trace: Some(true), ..Default::default() },
            scopes,
            ..Default::default()
        };
        let method = || Scope::Method(MethodSpec::parse("GET /pets").unwrap());
        assert!(turns_on_data_trace(&stage(&[], None), &on(vec![])));
        assert!(turns_on_data_trace(&stage(&[("*/*", info())], None), &on(vec![method()])));
        assert!(!turns_on_data_trace(&stage(&[("*/*", traced)], None), &on(vec![])));
        // A new override inherits the stage's data trace: nothing is turned on.
        assert!(!turns_on_data_trace(&stage(&[("*/*", traced)], None), &on(vec![method()])));
        assert!(turns_on_data_trace(
            &stage(&[("*/*", traced), ("~1pets/GET", info())], None),
            &on(vec![method()])
        ));
        let untouched = StageRequest::default();
        assert!(!turns_on_data_trace(&stage(&[], None), &untouched));
    }

    #[test]
    fn fresh_stage_gets_only_the_changing_operations() {
        let request = StageRequest {
            execution: ExecutionChange {
                level: Some(Level::Info),
                data_trace: Some(false),
                metrics: Some(true),
            },
            access: AccessChange::Set {
                destination_arn: Some("arn:d".into()),
                format: Some("$context.requestId".into()),
            },
            ..Default::default()
        };
        let (ops, changes) = stage_patch(&stage(&[], None), &request);
        assert_eq!(
            ops,
            vec![
                PatchOp::replace("/*/*/logging/loglevel", "INFO"),
                PatchOp::replace("/*/*/metrics/enabled", "true"),
                PatchOp::replace("/accessLogSettings/destinationArn", "arn:d"),
                PatchOp::replace("/accessLogSettings/format", "$context.requestId"),
            ]
        );
        assert_eq!(changes[0], Change::new("stage logging level", Some("OFF".into()), Some("INFO".into())));
    }

    #[test]
    fn no_operations_when_already_as_requested() {
        let current = stage(&[("*/*", info())], Some(("arn:d:*", "f")));
        let request = StageRequest {
            execution: ExecutionChange {
                level: Some(Level::Info),
                data_trace: Some(false),
                metrics: Some(false),
            },
            access: AccessChange::Set { destination_arn: Some("arn:d".into()), format: Some("f".into()) },
            ..Default::default()
        };
        assert_eq!(stage_patch(&current, &request), (vec![], vec![]));
    }

    #[test]
    fn method_overrides_use_escaped_keys() {
        let request = StageRequest {
            execution: ExecutionChange { level: Some(Level::Error), ..Default::default() },
            scopes: vec![Scope::Method(MethodSpec::parse("GET /pets/{id}").unwrap())],
            clear: vec![
                Scope::Method(MethodSpec::parse("POST /pets").unwrap()),
                Scope::Method(MethodSpec::parse("GET /absent").unwrap()),
            ],
            ..Default::default()
        };
        let current = stage(&[("~1pets/POST", info())], None);
        let (ops, changes) = stage_patch(&current, &request);
        assert_eq!(
            ops,
            vec![
                PatchOp::replace("/~1pets~1{id}/GET/logging/loglevel", "ERROR"),
                PatchOp::replace("/~1pets~1{id}/GET/logging/dataTrace", "false"),
                PatchOp::replace("/~1pets~1{id}/GET/metrics/enabled", "false"),
                PatchOp::remove("/~1pets/POST")
            ]
        );
        assert_eq!(changes[0].before, None, "an absent override has no previous value");
        assert_eq!(changes[3].field, "POST /pets override");
    }

    #[test]
    fn a_new_override_inherits_the_stage_values_it_does_not_set() {
        let request = StageRequest {
            execution: ExecutionChange { metrics: Some(true), ..Default::default() },
            scopes: vec![Scope::Method(MethodSpec::parse("GET /x").unwrap())],
            clear: vec![
                Scope::Method(MethodSpec::parse("GET /y").unwrap()),
                Scope::Method(MethodSpec::parse("GET /y").unwrap()),
            ],
            ..Default::default()
        };
        let current = stage(&[("*/*", info()), ("~1y/GET", info())], None);
        let (ops, _) = stage_patch(&current, &request);
        assert_eq!(
            ops,
            vec![
                PatchOp::replace("/~1x/GET/logging/loglevel", "INFO"),
                PatchOp::replace("/~1x/GET/logging/dataTrace", "false"),
                PatchOp::replace("/~1x/GET/metrics/enabled", "true"),
                PatchOp::remove("/~1y/GET"),
            ],
            "inherits INFO instead of silently switching the method off; clears once"
        );
    }

    #[test]
    fn access_off_removes_settings_only_when_present() {
        let request = StageRequest { access: AccessChange::Off, ..Default::default() };
        assert_eq!(stage_patch(&stage(&[], None), &request).0, vec![]);
        let (ops, _) = stage_patch(&stage(&[], Some(("arn:d", "f"))), &request);
        assert_eq!(ops, vec![PatchOp::remove("/accessLogSettings")]);
    }

    #[test]
    fn format_only_change_keeps_destination() {
        let request = StageRequest {
            access: AccessChange::Set { destination_arn: None, format: Some("new".into()) },
            ..Default::default()
        };
        let (ops, _) = stage_patch(&stage(&[], Some(("arn:d", "old"))), &request);
        assert_eq!(ops, vec![PatchOp::replace("/accessLogSettings/format", "new")]);
    }

    #[test]
    fn disable_turns_off_logging_overrides_too() {
        let current = stage(
            &[("*/*", info()), ("~1pets/GET", info()), ("~1quiet/GET", MethodLogging::OFF)],
            Some(("arn:d", "f")),
        );
        let request = disable_request(&current, true, true);
        assert_eq!(
            request.scopes,
            vec![Scope::Stage, Scope::Method(MethodSpec::parse("GET /pets").unwrap())]
        );
        let (ops, _) = stage_patch(&current, &request);
        assert_eq!(
            ops,
            vec![
                PatchOp::replace("/*/*/logging/loglevel", "OFF"),
                PatchOp::replace("/~1pets/GET/logging/loglevel", "OFF"),
                PatchOp::remove("/accessLogSettings"),
            ]
        );
    }

    #[test]
    fn requests_that_need_the_account_role() {
        let mut request = StageRequest::default();
        assert!(!request.needs_account_role(ApiKind::Rest));
        request.execution.metrics = Some(true);
        assert!(!request.needs_account_role(ApiKind::Rest), "metrics need no role");
        request.access = AccessChange::Set {
            destination_arn: Some("arn:aws:firehose:r:1:deliverystream/amazon-apigateway-x".into()),
            format: None,
        };
        assert!(!request.needs_account_role(ApiKind::Rest), "Firehose uses a service-linked role");
        request.access = AccessChange::Set { destination_arn: None, format: Some("f".into()) };
        assert!(!request.needs_account_role(ApiKind::Rest), "a format change alone");
        request.access =
            AccessChange::Set { destination_arn: Some("arn:aws:logs:r:1:log-group:g".into()), format: None };
        assert!(request.needs_account_role(ApiKind::Rest));
        request.access = AccessChange::Keep;
        request.execution.level = Some(Level::Error);
        assert!(request.needs_account_role(ApiKind::Rest));
    }

    fn ws_stage(methods: &[(&str, MethodLogging)], access: Option<(&str, &str)>) -> StageLogging {
        StageLogging { kind: ApiKind::Websocket, ..stage(methods, access) }
    }

    #[test]
    fn v2_sends_whole_route_objects_and_keeps_their_throttling() {
        let mut current = ws_stage(&[("*/*", info()), ("$connect", info())], Some(("arn:d", "old")));
        let throttle = Throttle { burst_limit: Some(50), rate_limit: serde_json::Number::from_f64(12.5) };
        current.throttling.insert("*/*".into(), throttle.clone());
        let request = StageRequest {
            execution: ExecutionChange { metrics: Some(true), ..Default::default() },
            access: AccessChange::Set { destination_arn: None, format: Some("new".into()) },
            ..Default::default()
        };
        let update = v2_update(&current, &request);
        assert_eq!(
            update.default_route_settings,
            Some(RouteSettings {
                logging_level: Some(Level::Info),
                data_trace_enabled: Some(false),
                detailed_metrics_enabled: true,
                throttling: throttle,
            }),
            "every field, the unchanged ones and the throttling as read"
        );
        assert!(update.route_settings.is_empty(), "an untouched route override is not sent");
        assert_eq!(
            update.access_log_settings,
            Some(AccessLog { destination_arn: "arn:d".into(), format: "new".into() }),
            "destination and format travel together"
        );
        let fields: Vec<&str> = update.changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["stage detailed metrics", "access log format"]);
        assert!(update.removed_routes.is_empty() && update.access_off.is_none());
    }

    #[test]
    fn v2_route_overrides_start_from_the_default_route_and_are_deleted_separately() {
        let current = ws_stage(&[("*/*", info()), ("$disconnect", info())], Some(("arn:d", "f")));
        let request = StageRequest {
            execution: ExecutionChange { level: Some(Level::Error), ..Default::default() },
            scopes: vec![Scope::Route("$connect".into())],
            clear: vec![Scope::Route("$disconnect".into()), Scope::Route("$absent".into())],
            access: AccessChange::Off,
        };
        let update = v2_update(&current, &request);
        assert_eq!(update.default_route_settings, None);
        assert_eq!(
            update.route_settings["$connect"],
            RouteSettings {
                logging_level: Some(Level::Error),
                data_trace_enabled: Some(false),
                detailed_metrics_enabled: false,
                throttling: Throttle::default(),
            }
        );
        assert_eq!(update.changes[0].field, "route $connect logging level");
        let removed: Vec<&str> = update.removed_routes.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(removed, ["$disconnect"], "only overrides that exist are deleted");
        assert_eq!(update.access_off.map(|c| c.before), Some(Some("arn:d".to_string())));
        assert_eq!(update.access_log_settings, None);
    }

    #[test]
    fn a_new_route_override_starts_from_the_default_routes_throttling() {
        let mut current = ws_stage(&[("*/*", info()), ("$disconnect", info())], None);
        let wide = Throttle { burst_limit: Some(20), rate_limit: None };
        current.throttling.insert("*/*".into(), wide.clone());
        let request = StageRequest {
            execution: ExecutionChange { metrics: Some(true), ..Default::default() },
            scopes: vec![Scope::Route("$connect".into()), Scope::Route("$disconnect".into())],
            ..Default::default()
        };
        let update = v2_update(&current, &request);
        assert_eq!(update.route_settings["$connect"].throttling, wide, "new: the default route's limits");
        assert_eq!(update.route_settings["$disconnect"].throttling, Throttle::default(), "existing: its own");
    }

    #[test]
    fn http_stages_get_metrics_only_and_nothing_when_unchanged() {
        let current = StageLogging { kind: ApiKind::Http, ..stage(&[], None) };
        let request = StageRequest {
            execution: ExecutionChange { metrics: Some(true), ..Default::default() },
            access: AccessChange::Set { destination_arn: Some("arn:g".into()), format: Some("f".into()) },
            ..Default::default()
        };
        let update = v2_update(&current, &request);
        let default = update.default_route_settings.clone().unwrap();
        assert_eq!((default.logging_level, default.data_trace_enabled), (None, None), "HTTP refuses them");
        assert!(default.detailed_metrics_enabled);
        assert_eq!(
            update.access_log_settings,
            Some(AccessLog { destination_arn: "arn:g".into(), format: "f".into() })
        );
        let done = after(&current, &request);
        assert_eq!(v2_update(&done, &request), V2Update::default(), "a second run sends nothing");
        let to_logs = StageRequest {
            access: AccessChange::Set {
                destination_arn: Some("arn:aws:logs:r:1:log-group:g".into()),
                format: None,
            },
            ..Default::default()
        };
        assert!(!to_logs.needs_account_role(ApiKind::Http), "HTTP APIs deliver through a resource policy");
        assert!(to_logs.needs_account_role(ApiKind::Websocket) && to_logs.needs_account_role(ApiKind::Rest));
    }

    #[test]
    fn disable_of_an_http_stage_touches_access_logging_only() {
        let current = StageLogging {
            kind: ApiKind::Http,
            ..stage(&[("*/*", MethodLogging::OFF)], Some(("arn:g", "f")))
        };
        let request = disable_request(&current, true, true);
        assert_eq!(request.execution, ExecutionChange::default());
        assert!(request.scopes.is_empty());
        assert_eq!(request.access, AccessChange::Off);
    }

    /// Applies REST patch operations the way API Gateway does, with one exception that is the
    /// point: a new method-settings key starts all OFF (AWS defaults), not from the stage.
    fn apply_rest_ops(current: &StageLogging, ops: &[PatchOp]) -> StageLogging {
        let mut next = current.clone();
        for op in ops {
            let path = op.path.trim_start_matches('/');
            if path == "accessLogSettings" {
                next.access = None;
                continue;
            }
            if let Some(field) = path.strip_prefix("accessLogSettings/") {
                let access = next
                    .access
                    .get_or_insert(AccessLog { destination_arn: String::new(), format: String::new() });
                let value = op.value.clone().unwrap();
                match field {
                    "destinationArn" => access.destination_arn = value,
                    _ => access.format = value,
                }
                continue;
            }
            let (key, field) = ["/logging/loglevel", "/logging/dataTrace", "/metrics/enabled"]
                .iter()
                .find_map(|suffix| path.strip_suffix(suffix).map(|key| (key, *suffix)))
                .unwrap_or((path, ""));
            if field.is_empty() {
                next.methods.remove(key);
                continue;
            }
            let settings = next.methods.entry(key.to_string()).or_insert(MethodLogging::OFF);
            let value = op.value.as_deref().unwrap();
            match field {
                "/logging/loglevel" => settings.level = Level::from_api(Some(value)),
                "/logging/dataTrace" => settings.data_trace = value == "true",
                _ => settings.metrics = value == "true",
            }
        }
        next
    }

    #[test]
    fn rest_patch_operations_reach_exactly_the_state_after_computes() {
        let traced = MethodLogging { data_trace: true, metrics: true, ..info() };
        let stages = [
            stage(&[], None),
            stage(&[("*/*", traced), ("~1pets/GET", info())], Some(("arn:d", "f"))),
            stage(&[("~1pets/GET", MethodLogging::OFF)], Some(("arn:d:*", "f"))),
        ];
        let pets = || Scope::Method(MethodSpec::parse("GET /pets").unwrap());
        let other = || Scope::Method(MethodSpec::parse("POST /other").unwrap());
        let executions = [
            ExecutionChange::default(),
            ExecutionChange { level: Some(Level::Error), ..Default::default() },
            ExecutionChange { data_trace: Some(false), metrics: Some(true), ..Default::default() },
            ExecutionChange { level: Some(Level::Off), data_trace: Some(true), metrics: Some(false) },
        ];
        let scopes = [vec![], vec![pets()], vec![other(), Scope::Stage]];
        let clears = [vec![], vec![pets()]];
        let accesses = [
            AccessChange::Keep,
            AccessChange::Off,
            AccessChange::Set { destination_arn: Some("arn:d".into()), format: None },
            AccessChange::Set { destination_arn: None, format: Some("g".into()) },
        ];
        let mut checked = 0;
        for current in &stages {
            for execution in executions {
                for scope in &scopes {
                    for clear in &clears {
                        for access in &accesses {
                            if !execution.is_empty() && clear.iter().any(|c| scope.contains(c)) {
                                continue; // refused up front (--method and --clear-method both)
                            }
                            let request = StageRequest {
                                execution,
                                scopes: scope.clone(),
                                clear: clear.clone(),
                                access: access.clone(),
                            };
                            let (ops, changes) = stage_patch(current, &request);
                            assert_eq!(ops.len(), changes.len());
                            let mut reached = apply_rest_ops(current, &ops);
                            let mut wanted = after(current, &request);
                            // An untouched `*/*` that `after` materialised as all-OFF is the same stage.
                            for state in [&mut reached, &mut wanted] {
                                if state.methods.get(ALL_METHODS_KEY) == Some(&MethodLogging::OFF) {
                                    state.methods.remove(ALL_METHODS_KEY);
                                }
                                if let Some(a) = &mut state.access {
                                    a.destination_arn = strip_star(&a.destination_arn).to_string();
                                }
                            }
                            assert_eq!(reached, wanted, "{request:?} on {current:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 200);
    }
}
