//! Planning: what the mutating commands share. Checks the logging flags, reads what a change
//! depends on, and turns requests into plan steps; [`crate::execute`] applies the plans.

pub mod cost;
pub mod role;
pub mod session;
pub mod stage;
pub mod validate;

use crate::api::{Api, ApiKind};
use crate::aws::Clients;
use crate::aws::sts::Identity;
use crate::cli::LoggingArgs;
use crate::context::Ctx;
use crate::execute::Unit;
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
    logging: &LoggingArgs,
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
    logging: &LoggingArgs,
) -> anyhow::Result<Vec<stage::StagePlan>> {
    let requests = std::slice::from_ref(logging);
    futures::stream::iter(targets)
        .map(|(api, stage)| plan_requests(ctx, clients, identity, api, stage, requests, Mode::Set))
        .buffered(usize::from(ctx.global.concurrency))
        .try_collect()
        .await
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
    format!("{} ({})/{}", api.name, api.id, stage.stage_name)
}

/// Logging that API Gateway delivers with the account's role needs one: AWS refuses it otherwise.
pub async fn require_account_role(clients: &Clients) -> anyhow::Result<()> {
    if crate::aws::apigw::account_role(&clients.apigw).await?.is_some() {
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
