//! Plans: what a mutating command will change (before → after) and the exact AWS call per step.
//! Commands build a [`Plan`], print it, and hand it to `apply`; `--dry-run` stops after printing.

use crate::api::{Api, ApiKind};
use crate::escape::terminal;
use crate::logging::{AccessLog, RouteSettings, StageLogging, StageRequest, stage_patch_to, v2_update_to};
use crate::patch::{Change, PatchOp};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// An HTTP or WebSocket API's UpdateStage request: each object sent replaces the stage's whole
/// object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiStageUpdate {
    pub api_id: String,
    pub stage_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_route_settings: Option<RouteSettings>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub route_settings: BTreeMap<String, RouteSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_log_settings: Option<AccessLog>,
}

impl ApiStageUpdate {
    /// Takes in a later update of the same stage, planned against the state this one leaves: its
    /// objects, where it sends them, already include this one's changes.
    fn absorb(&mut self, later: ApiStageUpdate) {
        if later.default_route_settings.is_some() {
            self.default_route_settings = later.default_route_settings;
        }
        self.route_settings.extend(later.route_settings);
        if later.access_log_settings.is_some() {
            self.access_log_settings = later.access_log_settings;
        }
    }
}

/// The AWS call a step makes, with exactly the request fields it sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "call")]
pub enum Action {
    #[serde(rename = "iam:CreateRole")]
    CreateRole { role_name: String, assume_role_policy_document: String, description: String },
    /// An inline policy (the debug sessions' schedule role).
    #[serde(rename = "iam:PutRolePolicy")]
    PutRolePolicy { role_name: String, policy_name: String, policy_document: String },
    #[serde(rename = "iam:AttachRolePolicy")]
    AttachRolePolicy { role_name: String, policy_arn: String },
    /// `None` unsets the account's role.
    #[serde(rename = "apigateway:UpdateAccount")]
    UpdateAccount { cloudwatch_role_arn: Option<String> },
    #[serde(rename = "logs:CreateLogGroup")]
    CreateLogGroup {
        log_group_name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        kms_key_id: Option<String>,
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        tags: BTreeMap<String, String>,
    },
    #[serde(rename = "logs:PutRetentionPolicy")]
    PutRetentionPolicy { log_group_name: String, retention_in_days: i32 },
    #[serde(rename = "logs:DeleteLogGroup")]
    DeleteLogGroup { log_group_name: String },
    #[serde(rename = "apigateway:UpdateStage")]
    UpdateStage { rest_api_id: String, stage_name: String, patch_operations: Vec<PatchOp> },
    #[serde(rename = "apigatewayv2:UpdateStage")]
    UpdateApiStage(ApiStageUpdate),
    #[serde(rename = "apigatewayv2:DeleteRouteSettings")]
    DeleteRouteSettings { api_id: String, stage_name: String, route_key: String },
    #[serde(rename = "apigatewayv2:DeleteAccessLogSettings")]
    DeleteAccessLogSettings { api_id: String, stage_name: String },
    /// REST execution log delivery: the stage as a source (needs level ERROR or INFO).
    #[serde(rename = "logs:PutDeliverySource")]
    PutDeliverySource { name: String, resource_arn: String, log_type: String },
    #[serde(rename = "logs:PutDeliveryDestination")]
    PutDeliveryDestination { name: String, output_format: String, destination_resource_arn: String },
    #[serde(rename = "logs:CreateDelivery")]
    CreateDelivery { delivery_source_name: String, delivery_destination_arn: String },
    #[serde(rename = "logs:DeleteDelivery")]
    DeleteDelivery { id: String },
    #[serde(rename = "logs:DeleteDeliveryDestination")]
    DeleteDeliveryDestination { name: String },
    #[serde(rename = "logs:DeleteDeliverySource")]
    DeleteDeliverySource { name: String },
    /// A debug session's record: one stream per session, one event holding the record.
    #[serde(rename = "logs:CreateLogStream")]
    CreateLogStream { log_group_name: String, log_stream_name: String },
    #[serde(rename = "logs:PutLogEvents")]
    PutLogEvents { log_group_name: String, log_stream_name: String, message: String },
    #[serde(rename = "logs:DeleteLogStream")]
    DeleteLogStream { log_group_name: String, log_stream_name: String },
    #[serde(rename = "scheduler:CreateScheduleGroup")]
    CreateScheduleGroup { name: String },
    /// A one-time schedule (`at(...)`, UTC, no flexible window, deleted once it has run) whose
    /// universal target makes one API Gateway call.
    #[serde(rename = "scheduler:CreateSchedule")]
    CreateSchedule {
        name: String,
        group_name: String,
        description: String,
        schedule_expression: String,
        schedule_expression_timezone: String,
        flexible_time_window: String,
        action_after_completion: String,
        target_arn: String,
        role_arn: String,
        /// The call's request, JSON.
        input: String,
    },
    #[serde(rename = "scheduler:DeleteSchedule")]
    DeleteSchedule { name: String, group_name: String },
}

impl Action {
    /// UpdateStage of either API: the step that carries a stage's settings.
    /// Log group steps need nothing from the account role, so a target's may run while the
    /// shared role steps (and their propagation retries) are still going.
    pub fn independent_of_account(&self) -> bool {
        matches!(self, Action::CreateLogGroup { .. } | Action::PutRetentionPolicy { .. })
    }

    pub fn updates_stage(&self) -> bool {
        matches!(self, Action::UpdateStage { .. } | Action::UpdateApiStage(_))
    }

    pub fn call(&self) -> &'static str {
        match self {
            Action::CreateRole { .. } => "iam:CreateRole",
            Action::AttachRolePolicy { .. } => "iam:AttachRolePolicy",
            Action::UpdateAccount { .. } => "apigateway:UpdateAccount",
            Action::CreateLogGroup { .. } => "logs:CreateLogGroup",
            Action::PutRetentionPolicy { .. } => "logs:PutRetentionPolicy",
            Action::DeleteLogGroup { .. } => "logs:DeleteLogGroup",
            Action::UpdateStage { .. } => "apigateway:UpdateStage",
            Action::UpdateApiStage(_) => "apigatewayv2:UpdateStage",
            Action::DeleteRouteSettings { .. } => "apigatewayv2:DeleteRouteSettings",
            Action::DeleteAccessLogSettings { .. } => "apigatewayv2:DeleteAccessLogSettings",
            Action::PutDeliverySource { .. } => "logs:PutDeliverySource",
            Action::PutDeliveryDestination { .. } => "logs:PutDeliveryDestination",
            Action::CreateDelivery { .. } => "logs:CreateDelivery",
            Action::DeleteDelivery { .. } => "logs:DeleteDelivery",
            Action::DeleteDeliveryDestination { .. } => "logs:DeleteDeliveryDestination",
            Action::DeleteDeliverySource { .. } => "logs:DeleteDeliverySource",
            Action::PutRolePolicy { .. } => "iam:PutRolePolicy",
            Action::CreateLogStream { .. } => "logs:CreateLogStream",
            Action::PutLogEvents { .. } => "logs:PutLogEvents",
            Action::DeleteLogStream { .. } => "logs:DeleteLogStream",
            Action::CreateScheduleGroup { .. } => "scheduler:CreateScheduleGroup",
            Action::CreateSchedule { .. } => "scheduler:CreateSchedule",
            Action::DeleteSchedule { .. } => "scheduler:DeleteSchedule",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// What the step acts on, e.g. `role/apigateway-cloudwatch-logs` or `restapis/abc/stages/prod`.
    pub resource: String,
    pub changes: Vec<Change>,
    pub action: Action,
    /// Why this step needs the user's confirmation (`--yes` in scripts); `None` when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirm: Option<String>,
}

impl Step {
    pub fn new(resource: impl Into<String>, action: Action, changes: Vec<Change>) -> Step {
        Step { resource: resource.into(), changes, action, confirm: None }
    }

    pub fn confirming(mut self, reason: impl Into<String>) -> Step {
        self.confirm = Some(reason.into());
        self
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Plan {
    pub steps: Vec<Step>,
}

fn same_stage_update(earlier: &Action, later: &Action) -> bool {
    match (earlier, later) {
        (
            Action::UpdateStage { rest_api_id: a, stage_name: s, .. },
            Action::UpdateStage { rest_api_id: b, stage_name: t, .. },
        )
        | (
            Action::UpdateApiStage(ApiStageUpdate { api_id: a, stage_name: s, .. }),
            Action::UpdateApiStage(ApiStageUpdate { api_id: b, stage_name: t, .. }),
        ) => a == b && s == t,
        _ => false,
    }
}

impl Plan {
    /// Folds every UpdateStage step into the first one for the same stage, so each stage gets
    /// one UpdateStage call however many requests (stage-wide, per method or route) produced its
    /// changes. The requests must have been planned in sequence, each against the state the
    /// previous one leaves (`logging::after`): a later v2 object then includes the earlier changes.
    pub fn merge_stage_updates(steps: Vec<Step>) -> Plan {
        let mut merged: Vec<Step> = Vec::with_capacity(steps.len());
        for step in steps {
            match merged.iter_mut().find(|earlier| same_stage_update(&earlier.action, &step.action)) {
                Some(earlier) => {
                    match (&mut earlier.action, step.action) {
                        (
                            Action::UpdateStage { patch_operations: into, .. },
                            Action::UpdateStage { patch_operations, .. },
                        ) => into.extend(patch_operations),
                        (Action::UpdateApiStage(into), Action::UpdateApiStage(later)) => into.absorb(later),
                        _ => unreachable!("same_stage_update matched the kinds"),
                    }
                    earlier.changes.extend(step.changes);
                    earlier.confirm = earlier.confirm.take().or(step.confirm);
                }
                None => merged.push(step),
            }
        }
        Plan { steps: merged }
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Reasons to confirm before applying, one per step that needs it.
    pub fn confirmations(&self) -> Vec<&str> {
        self.steps.iter().filter_map(|s| s.confirm.as_deref()).collect()
    }

    /// Human rendering: numbered steps with their call, resource and before → after per field.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, step) in self.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}  {}", i + 1, step.action.call(), terminal(&step.resource));
            for change in &step.changes {
                let _ = writeln!(
                    out,
                    "       {}: {} → {}",
                    terminal(&change.field),
                    shown(change.before.as_deref()),
                    shown(change.after.as_deref())
                );
            }
            if let Some(reason) = &step.confirm {
                let _ = writeln!(out, "       needs confirmation: {reason}");
            }
        }
        out
    }
}

/// Long values (access-log formats) are shortened in human output; JSON carries them whole.
/// Values from AWS (names, formats) are escaped: a newline in one cannot fake a line of the plan.
fn shown(value: Option<&str>) -> String {
    const MAX: usize = 72;
    let Some(value) = value else { return "(none)".into() };
    let value = terminal(value);
    if value.chars().count() > MAX {
        let head: String = value.chars().take(MAX - 1).collect();
        format!("{head}…")
    } else {
        value.into_owned()
    }
}

/// The calls that take the stage to `request`: one UpdateStage for a REST API; for an HTTP or
/// WebSocket API a DeleteRouteSettings per override removed, a DeleteAccessLogSettings when access
/// logging goes off, then one UpdateStage. Deletes go first, so an update never carries settings
/// of a route that is gone. None when nothing changes.
pub fn stage_update_steps(api: &Api, stage: &StageLogging, request: &StageRequest) -> Vec<Step> {
    stage_update_steps_to(api, stage, &crate::logging::after(stage, request))
}

/// The calls that take the stage to `next` (see [`stage_update_steps`]).
pub fn stage_update_steps_to(api: &Api, stage: &StageLogging, next: &StageLogging) -> Vec<Step> {
    let shorten = |changes: Vec<Change>| -> Vec<Change> {
        changes.into_iter().map(|c| shorten_format_change(c, api.kind)).collect()
    };
    if api.kind == ApiKind::Rest {
        let (ops, changes) = stage_patch_to(stage, next);
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
    let update = v2_update_to(stage, next);
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
        let action = Action::UpdateApiStage(ApiStageUpdate {
            api_id: api.id.clone(),
            stage_name: stage.stage_name.clone(),
            default_route_settings: update.default_route_settings,
            route_settings: update.route_settings,
            access_log_settings: update.access_log_settings,
        });
        steps.push(Step::new(&resource, action, shorten(update.changes)));
    }
    steps
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Plan {
        let mut plan = Plan::default();
        plan.push(
            Step::new(
                "account (us-east-1)",
                Action::UpdateAccount { cloudwatch_role_arn: Some("arn:aws:iam::1:role/r".into()) },
                vec![Change::new("cloudwatchRoleArn", None, Some("arn:aws:iam::1:role/r".into()))],
            )
            .confirming("replaces a healthy role"),
        );
        plan.push(Step::new(
            "restapis/a/stages/prod",
            Action::UpdateStage {
                rest_api_id: "a".into(),
                stage_name: "prod".into(),
                patch_operations: vec![
                    PatchOp::replace("/*/*/logging/loglevel", "INFO"),
                    PatchOp::remove("/accessLogSettings"),
                ],
            },
            vec![Change::new("access log format", Some("x".repeat(100)), None)],
        ));
        plan
    }

    #[test]
    fn stage_updates_merge_into_one_call_per_stage() {
        let update = |api: &str, path: &str| {
            Step::new(
                format!("restapis/{api}/stages/prod"),
                Action::UpdateStage {
                    rest_api_id: api.into(),
                    stage_name: "prod".into(),
                    patch_operations: vec![PatchOp::replace(path, "true")],
                },
                vec![Change::new(path, None, Some("on".into()))],
            )
        };
        let create =
            Action::CreateLogGroup { log_group_name: "g".into(), kms_key_id: None, tags: BTreeMap::new() };
        let group = Step::new("log-group/g", create, vec![]);
        let steps = vec![
            group.clone(),
            update("a", "/*/*/metrics/enabled"),
            update("b", "/*/*/metrics/enabled"),
            update("a", "/~1pets/GET/metrics/enabled").confirming("why"),
        ];
        let plan = Plan::merge_stage_updates(steps);
        assert_eq!(plan.steps.len(), 3);
        assert_eq!(plan.steps[0], group);
        let Action::UpdateStage { rest_api_id, patch_operations, .. } = &plan.steps[1].action else {
            panic!()
        };
        assert_eq!(rest_api_id, "a");
        assert_eq!(patch_operations.len(), 2);
        assert_eq!(plan.steps[1].changes.len(), 2);
        assert_eq!(plan.steps[1].confirm.as_deref(), Some("why"));
        assert_eq!(plan.steps[2].resource, "restapis/b/stages/prod");
    }

    #[test]
    fn renders_steps_changes_and_confirmations() {
        let text = sample().render();
        assert!(text.contains("  1. apigateway:UpdateAccount  account (us-east-1)"), "{text}");
        assert!(text.contains("cloudwatchRoleArn: (none) → arn:aws:iam::1:role/r"), "{text}");
        assert!(text.contains("needs confirmation: replaces a healthy role"), "{text}");
        assert!(text.contains(&format!("{}… → (none)", "x".repeat(71))), "{text}");
    }

    #[test]
    fn json_shape_names_the_call_and_exact_request() {
        let json = serde_json::to_value(sample()).unwrap();
        let stage = &json[1]["action"];
        assert_eq!(stage["call"], "apigateway:UpdateStage");
        assert_eq!(
            stage["patch_operations"][0],
            serde_json::json!({"op":"replace","path":"/*/*/logging/loglevel","value":"INFO"})
        );
        assert_eq!(
            stage["patch_operations"][1],
            serde_json::json!({"op":"remove","path":"/accessLogSettings"})
        );
        assert_eq!(json[0]["confirm"], "replaces a healthy role");
        assert!(json[1].get("confirm").is_none());
        assert_eq!(sample().confirmations(), vec!["replaces a healthy role"]);
    }

    #[test]
    fn v2_updates_of_one_stage_merge_with_later_objects_winning_and_deletes_kept_in_place() {
        use crate::logging::{AccessLog, RouteSettings, Throttle};
        let route = |metrics| RouteSettings {
            logging_level: None,
            data_trace_enabled: None,
            detailed_metrics_enabled: metrics,
            throttling: Throttle::default(),
        };
        let update =
            |default: Option<RouteSettings>, routes: &[(&str, RouteSettings)], access: Option<&str>| {
                Step::new(
                    "apis/h1/stages/prod",
                    Action::UpdateApiStage(ApiStageUpdate {
                        api_id: "h1".into(),
                        stage_name: "prod".into(),
                        default_route_settings: default,
                        route_settings: routes.iter().map(|(k, r)| (k.to_string(), r.clone())).collect(),
                        access_log_settings: access
                            .map(|f| AccessLog { destination_arn: "arn:g".into(), format: f.into() }),
                    }),
                    vec![Change::new("x", None, None)],
                )
            };
        let delete = Step::new(
            "apis/h1/stages/prod",
            Action::DeleteRouteSettings {
                api_id: "h1".into(),
                stage_name: "prod".into(),
                route_key: "GET /old".into(),
            },
            vec![],
        );
        let merged = Plan::merge_stage_updates(vec![
            delete.clone(),
            update(Some(route(false)), &[("GET /a", route(true))], Some("f1")),
            update(Some(route(true)), &[("GET /b", route(true))], None),
        ]);
        assert_eq!(merged.steps.len(), 2);
        assert_eq!(merged.steps[0], delete, "the delete still runs before the update");
        let Action::UpdateApiStage(ApiStageUpdate {
            default_route_settings,
            route_settings,
            access_log_settings,
            ..
        }) = &merged.steps[1].action
        else {
            panic!("an update")
        };
        assert_eq!(
            default_route_settings,
            &Some(route(true)),
            "the later request saw the earlier one's state"
        );
        assert_eq!(route_settings.keys().collect::<Vec<_>>(), ["GET /a", "GET /b"]);
        assert_eq!(
            access_log_settings.as_ref().map(|a| a.format.as_str()),
            Some("f1"),
            "kept when the later sends none"
        );
        assert_eq!(merged.steps[1].changes.len(), 2);
    }
}
