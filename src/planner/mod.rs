//! Planning: what the mutating commands share. Checks the logging flags, reads what a change
//! depends on, and turns requests into plan steps; [`crate::app::execute`] applies the plans.

pub mod cost;
pub mod owner;
pub mod role;
pub mod session;
pub mod stage;
pub mod targets;
pub mod validate;

use crate::api::{Api, ApiKind};
use crate::aws::Clients;
use crate::aws::sts::Identity;
use crate::request::Logging;

use crate::app::context::Ctx;
use crate::app::execute::{Target, Unit};
use crate::logging::StageLogging;
use crate::plan::{Plan, Step};
use futures::{StreamExt as _, TryStreamExt as _};
use role::{NewRole, plan_healthy_account_role};
use stage::{Mode, plan_requests};

/// The `enable` plan for these stages: the account role chain once (with `role`; `None` leaves
/// the account alone, and HTTP APIs alone need none), then per stage its log groups and one
/// UpdateStage, as independent units. Every stage is planned (and its input validated) before the
/// role is looked at.
pub async fn plan_enable(
    ctx: &Ctx,
    clients: &Clients,
    identity: &Identity,
    targets: &[(Api, StageLogging)],
    logging: &Logging,
    role: Option<NewRole<'_>>,
) -> anyhow::Result<(Plan, Vec<Unit>, Vec<StageLogging>)> {
    let requests = std::slice::from_ref(logging);
    let planned: Vec<(Vec<Step>, StageLogging)> = futures::stream::iter(targets)
        .map(|(api, stage)| async move {
            let planned = plan_requests(ctx, clients, identity, api, stage, requests, Mode::Enable).await?;
            Ok::<_, anyhow::Error>((planned.steps, planned.after))
        })
        .buffered(usize::from(ctx.global.concurrency))
        .try_collect()
        .await?;
    let (planned, afters): (Vec<Vec<Step>>, Vec<StageLogging>) = planned.into_iter().unzip();
    // HTTP APIs deliver access logs without the account role; REST and WebSocket APIs need it.
    let shared = match role {
        Some(role) if targets.iter().any(|(api, _)| api.kind != ApiKind::Http) => {
            plan_healthy_account_role(clients, identity, role).await?
        }
        _ => Vec::new(),
    };
    let (plan, units) = layout(shared, targets, planned);
    Ok((plan, units, afters))
}

/// The `stage set` plan of each stage (read concurrently, `--concurrency`), in target order.
pub async fn plan_set(
    ctx: &Ctx,
    clients: &Clients,
    identity: &Identity,
    targets: &[(Api, StageLogging)],
    logging: &Logging,
) -> anyhow::Result<Vec<stage::StagePlan>> {
    let requests = std::slice::from_ref(logging);
    futures::stream::iter(targets)
        .map(|(api, stage)| plan_requests(ctx, clients, identity, api, stage, requests, Mode::Set))
        .buffered(usize::from(ctx.global.concurrency))
        .try_collect()
        .await
}

/// How a stage plan meets the stages' open debug sessions, whose reverts would put the stages'
/// settings from before them back over the change.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OpenSessions {
    /// The change needs confirmation (a person changing a stage by hand).
    Confirm,
    /// A warning only (a declarative run).
    Warn,
}

/// What a stage plan's report carries besides the plan: what the change costs (read later, see
/// `execute::run`: only a plan that changes something is priced, and never before its first
/// write unless someone reads the plan first), the open debug sessions it crosses, and what the
/// stages' owners do to it.
#[allow(clippy::too_many_arguments)]
pub async fn review<'a>(
    ctx: &'a Ctx,
    clients: &'a Clients,
    mut target: Target<'a>,
    pairs: &'a [(Api, StageLogging)],
    afters: &'a [StageLogging],
    plan: &'a Plan,
    deliveries: &'a [Option<&'a [crate::delivery::DestinationSpec]>],
    owners: &[Option<crate::owner::Owner>],
    sessions: OpenSessions,
) -> Target<'a> {
    target.estimate = Some(Box::pin(cost::estimate(ctx, clients, pairs, afters, plan, deliveries)));
    let open = session::open_on(ctx, clients, pairs).await;
    if sessions == OpenSessions::Confirm {
        target.confirm = open;
    }
    target.result["owners"] = owner::warn_verdicts(ctx, pairs, afters, owners);
    target
}

/// Lays out a fleet plan: the `shared` steps (the account role), then each target's steps as
/// one independent unit. Targets with nothing to change get no unit.
pub fn layout(
    shared: Vec<Step>,
    targets: &[(Api, StageLogging)],
    planned: Vec<Vec<Step>>,
) -> (Plan, Vec<Unit>) {
    let mut plan = Plan { steps: shared };
    let mut units = Vec::new();
    for ((api, stage), steps) in targets.iter().zip(planned) {
        if steps.is_empty() {
            continue;
        }
        let start = plan.steps.len();
        plan.steps.extend(steps);
        units.push(Unit { label: target_label(api, stage), steps: start..plan.steps.len() });
    }
    (plan, units)
}

/// How a plan names one target: `orders (a1b2c3)/prod`.
pub fn target_label(api: &Api, stage: &StageLogging) -> String {
    format!("{} ({})/{}", api.shown_name(), api.id, stage.stage_name)
}

/// Logging that API Gateway delivers with the account's role needs one: AWS refuses it otherwise.
pub async fn require_account_role(clients: &Clients) -> anyhow::Result<()> {
    if clients.account_role().await?.is_some() {
        return Ok(());
    }
    Err(crate::error::precondition(
        format!(
            "the API Gateway account in {} has no CloudWatch Logs role, so AWS refuses to enable logging (\"CloudWatch Logs role ARN must be set in account settings to enable logging\")",
            clients.region
        ),
        "run `apigw-logs enable` with the same --api/--stage (it sets up the role too), or `apigw-logs account set-role --role-name NAME`",
    ))
}

/// `--emit`: the code that gives `afters` (the stages once planned) their settings in `tool`: log
/// groups with the retention the plan sets (or they have), and the account role the plan sets
/// (or the account has).
pub async fn emitted(
    clients: &Clients,
    tool: crate::emit::Tool,
    targets: &[(Api, StageLogging)],
    afters: &[StageLogging],
    plan: &Plan,
    owners: &[Option<crate::owner::Owner>],
) -> anyhow::Result<String> {
    use crate::plan::Action;
    let mut retention = std::collections::BTreeMap::new();
    for after in afters {
        let Some(group) =
            after.access.as_ref().and_then(|a| crate::arn::log_group_name_of(&a.destination_arn))
        else {
            continue;
        };
        let planned = plan.steps.iter().find_map(|s| match &s.action {
            Action::PutRetentionPolicy { log_group_name, retention_in_days } if *log_group_name == group => {
                Some(Some(*retention_in_days))
            }
            Action::CreateLogGroup { log_group_name, .. } if *log_group_name == group => Some(None),
            _ => None,
        });
        let days = match planned {
            Some(days) => days,
            None => clients.find_log_group(&group).await?.and_then(|g| g.retention_days),
        };
        retention.insert(group, days);
    }
    let planned_role = plan.steps.iter().find_map(|s| match &s.action {
        Action::UpdateAccount { cloudwatch_role_arn } => Some(cloudwatch_role_arn.clone()),
        _ => None,
    });
    let role_arn = match planned_role {
        Some(role) => role,
        None if targets.iter().any(|(api, _)| api.kind != ApiKind::Http) => clients.account_role().await?,
        None => None,
    };
    // The names the owner's code already uses for the stage resource.
    let name_of = |owner: &Option<crate::owner::Owner>| match owner {
        Some(crate::owner::Owner::Terraform { address, .. }) => address.rsplit('.').next().map(String::from),
        Some(crate::owner::Owner::Cloudformation { logical_id, .. }) => logical_id.clone(),
        None => None,
    };
    let stages = targets
        .iter()
        .zip(afters)
        .enumerate()
        .map(|(i, ((api, _), stage))| crate::emit::EmitStage {
            api,
            stage,
            resource_name: owners.get(i).and_then(name_of),
        })
        .collect();
    crate::emit::render(tool, &crate::emit::Emit { role_arn, stages, retention }).map_err(crate::error::usage)
}

/// Prints `--emit`'s code (JSON: `{"emit": TOOL, "code": …}`).
pub fn print_emitted(ctx: &Ctx, tool: crate::emit::Tool, code: &str) -> anyhow::Result<()> {
    if ctx.json() {
        let tool = crate::choice::Choice::name(tool);
        ctx.print_json(&serde_json::json!({ "emit": tool, "code": code }))
    } else {
        print!("{code}");
        Ok(())
    }
}

/// With `--emit`, prints the planned stages as code first; whether the command goes on to apply
/// (no `--emit`, or `--emit --apply`).
pub async fn emit_first(
    ctx: &Ctx,
    clients: &Clients,
    emit: &crate::cli::EmitArgs,
    targets: &[(Api, StageLogging)],
    afters: &[StageLogging],
    plan: &Plan,
    owners: &[Option<crate::owner::Owner>],
) -> anyhow::Result<bool> {
    let Some(tool) = emit.emit else { return Ok(true) };
    print_emitted(ctx, tool, &emitted(clients, tool, targets, afters, plan, owners).await?)?;
    Ok(emit.apply)
}
