//! A stage's logging state as read from API Gateway, and the patch operations that take it to a
//! requested state. Only operations that change something are emitted, which keeps commands
//! idempotent: a second run finds nothing to do.

use crate::plan::{Change, PatchOp};
use crate::settings::{ALL_METHODS_KEY, Level, MethodSpec, on_off};
use serde::Serialize;
use std::collections::BTreeMap;

/// Execution-logging settings of one method-settings key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MethodLogging {
    pub level: Level,
    pub data_trace: bool,
    pub metrics: bool,
}

impl MethodLogging {
    /// What a stage without a `*/*` entry does: nothing.
    pub const OFF: MethodLogging = MethodLogging { level: Level::Off, data_trace: false, metrics: false };
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageLogging {
    pub stage_name: String,
    /// Keyed as API Gateway keys them: `*/*`, `~1pets/GET`.
    pub methods: BTreeMap<String, MethodLogging>,
    pub access: Option<AccessLog>,
}

impl StageLogging {
    pub fn stage_wide(&self) -> MethodLogging {
        self.methods.get(ALL_METHODS_KEY).copied().unwrap_or(MethodLogging::OFF)
    }

    /// Per-method overrides, in key order.
    pub fn overrides(&self) -> impl Iterator<Item = (MethodSpec, MethodLogging)> + '_ {
        self.methods
            .iter()
            .filter_map(|(key, settings)| MethodSpec::from_settings_key(key).map(|spec| (spec, *settings)))
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

/// Where execution-logging settings apply: the whole stage, or one method's override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Stage,
    Method(MethodSpec),
}

impl Scope {
    fn key_and_label(&self) -> (String, String) {
        match self {
            Scope::Stage => (ALL_METHODS_KEY.to_string(), "stage".to_string()),
            Scope::Method(spec) => (spec.settings_key(), spec.to_string()),
        }
    }
}

/// A fully resolved stage change: what `stage set`, `enable`, `disable` and the wizard produce.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageRequest {
    pub execution: ExecutionChange,
    /// Where the execution change applies; empty means the whole stage (`*/*`).
    pub scopes: Vec<Scope>,
    pub clear_methods: Vec<MethodSpec>,
    pub access: AccessChange,
}

impl StageRequest {
    /// Whether the request turns on logging that API Gateway delivers with the account's role:
    /// execution logging, data trace, or access logs to a CloudWatch Logs group. (Firehose
    /// delivery uses a service-linked role; metrics need no role.)
    pub fn needs_account_role(&self) -> bool {
        self.execution.level.is_some_and(|l| l != Level::Off)
            || self.execution.data_trace == Some(true)
            || matches!(&self.access, AccessChange::Set { destination_arn: Some(d), .. } if d.contains(":logs:"))
    }
}

impl StageRequest {
    /// The method-settings keys (and labels) the execution change applies to.
    fn targets(&self) -> Vec<(String, String)> {
        if self.scopes.is_empty() {
            vec![Scope::Stage.key_and_label()]
        } else {
            self.scopes.iter().map(Scope::key_and_label).collect()
        }
    }
}

/// Whether the request turns data trace on where it is effectively off now. A method without an
/// override follows the stage, so copying the stage's data trace into a new override turns nothing on.
pub fn turns_on_data_trace(current: &StageLogging, request: &StageRequest) -> bool {
    request.execution.data_trace == Some(true)
        && request.targets().iter().any(|(key, _)| {
            !current.methods.get(key).map_or(current.stage_wide().data_trace, |m| m.data_trace)
        })
}

/// The patch operations (for ONE UpdateStage call) and the human-readable changes.
pub fn stage_patch(current: &StageLogging, request: &StageRequest) -> (Vec<PatchOp>, Vec<Change>) {
    let mut ops = Vec::new();
    let mut changes = Vec::new();

    for (key, label) in &request.targets() {
        // An absent `*/*` behaves as all-off. A new override gets all three fields: AWS would fill
        // unsent ones with its own defaults (logging OFF), not with the stage's values.
        let mut exec = request.execution;
        let now = match current.methods.get(key) {
            Some(settings) => Some(*settings),
            None if key == ALL_METHODS_KEY => Some(MethodLogging::OFF),
            None => {
                let wide = current.stage_wide();
                exec.level = exec.level.or(Some(wide.level));
                exec.data_trace = exec.data_trace.or(Some(wide.data_trace));
                exec.metrics = exec.metrics.or(Some(wide.metrics));
                None
            }
        };
        if let Some(level) = exec.level.filter(|l| now.map(|n| n.level) != Some(*l)) {
            ops.push(PatchOp::replace(format!("/{key}/logging/loglevel"), level.as_api()));
            changes.push(Change::new(
                format!("{label} logging level"),
                now.map(|n| n.level.to_string()),
                Some(level.to_string()),
            ));
        }
        if let Some(on) = exec.data_trace.filter(|v| now.map(|n| n.data_trace) != Some(*v)) {
            ops.push(PatchOp::replace(format!("/{key}/logging/dataTrace"), on.to_string()));
            changes.push(Change::new(
                format!("{label} data trace"),
                now.map(|n| on_off(n.data_trace).to_string()),
                Some(on_off(on).to_string()),
            ));
        }
        if let Some(on) = exec.metrics.filter(|v| now.map(|n| n.metrics) != Some(*v)) {
            ops.push(PatchOp::replace(format!("/{key}/metrics/enabled"), on.to_string()));
            changes.push(Change::new(
                format!("{label} detailed metrics"),
                now.map(|n| on_off(n.metrics).to_string()),
                Some(on_off(on).to_string()),
            ));
        }
    }

    let mut cleared = std::collections::BTreeSet::new();
    for method in &request.clear_methods {
        let key = method.settings_key();
        // Removing a setting that does not exist (or twice) is an error on AWS; skip it.
        if current.methods.contains_key(&key) && cleared.insert(key.clone()) {
            ops.push(PatchOp::remove(format!("/{key}")));
            changes.push(Change::new(format!("{method} override"), Some("set".into()), None));
        }
    }

    match &request.access {
        AccessChange::Keep => {}
        AccessChange::Off => {
            if let Some(access) = &current.access {
                ops.push(PatchOp::remove("/accessLogSettings"));
                changes.push(Change::new(
                    "access log destination",
                    Some(access.destination_arn.clone()),
                    None,
                ));
            }
        }
        AccessChange::Set { destination_arn, format } => {
            let now_dest = current.access.as_ref().map(|a| strip_star(&a.destination_arn));
            if let Some(dest) = destination_arn.as_deref().filter(|d| now_dest != Some(strip_star(d))) {
                ops.push(PatchOp::replace("/accessLogSettings/destinationArn", dest));
                changes.push(Change::new(
                    "access log destination",
                    now_dest.map(str::to_string),
                    Some(dest.to_string()),
                ));
            }
            let now_format = current.access.as_ref().map(|a| a.format.as_str());
            if let Some(format) = format.as_deref().filter(|f| now_format != Some(*f)) {
                ops.push(PatchOp::replace("/accessLogSettings/format", format));
                changes.push(Change::new(
                    "access log format",
                    now_format.map(str::to_string),
                    Some(format.to_string()),
                ));
            }
        }
    }
    (ops, changes)
}

fn strip_star(arn: &str) -> &str {
    arn.strip_suffix(":*").unwrap_or(arn)
}

/// What `disable` asks for: execution logging OFF with no data trace, on the stage and on every
/// override that still logs, and/or access logging removed.
pub fn disable_request(current: &StageLogging, execution: bool, access: bool) -> StageRequest {
    let mut request = StageRequest::default();
    if execution {
        request.execution =
            ExecutionChange { level: Some(Level::Off), data_trace: Some(false), metrics: None };
        request.scopes = std::iter::once(Scope::Stage)
            .chain(
                current
                    .overrides()
                    .filter(|(_, s)| s.level != Level::Off || s.data_trace)
                    .map(|(spec, _)| Scope::Method(spec)),
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
            clear_methods: vec![
                MethodSpec::parse("POST /pets").unwrap(),
                MethodSpec::parse("GET /absent").unwrap(),
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
            clear_methods: vec![MethodSpec::parse("GET /y").unwrap(), MethodSpec::parse("GET /y").unwrap()],
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
        assert!(!request.needs_account_role());
        request.execution.metrics = Some(true);
        assert!(!request.needs_account_role(), "metrics need no role");
        request.access = AccessChange::Set {
            destination_arn: Some("arn:aws:firehose:r:1:deliverystream/amazon-apigateway-x".into()),
            format: None,
        };
        assert!(!request.needs_account_role(), "Firehose uses a service-linked role");
        request.access = AccessChange::Set { destination_arn: None, format: Some("f".into()) };
        assert!(!request.needs_account_role(), "a format change alone");
        request.access =
            AccessChange::Set { destination_arn: Some("arn:aws:logs:r:1:log-group:g".into()), format: None };
        assert!(request.needs_account_role());
        request.access = AccessChange::Keep;
        request.execution.level = Some(Level::Error);
        assert!(request.needs_account_role());
    }
}
