//! `enable`: the whole chain — role, account setting, log group, stage — in one idempotent plan.

use super::account::plan_account_role;
use super::api_and_stage;
use super::role::{plan_role, role_health};
use super::stage::{Mode, check_offline, plan_stage, stage_target};
use crate::apply;
use crate::aws::sts::Identity;
use crate::aws::{Clients, apigw, sts};
use crate::cli::EnableArgs;
use crate::context::Ctx;
use crate::plan::{Plan, Step};
use std::time::Duration;

pub async fn run(ctx: &Ctx, args: &EnableArgs) -> anyhow::Result<()> {
    let checked = check_offline(ctx, &args.logging)?;
    let clients = ctx.clients().await?;
    let identity = sts::caller_identity(&clients.sts).await?;
    let (api, stage) = api_and_stage(&clients, &args.target.api, &args.target.stage).await?;
    // Validate the stage request first: bad input must fail before the role is even looked at.
    let (stage_steps, _) = plan_stage(ctx, &clients, &identity, &api, &stage, checked, Mode::Enable).await?;

    let mut plan = Plan { steps: plan_healthy_account_role(&clients, &identity, &args.role_name).await? };
    plan.steps.extend(stage_steps);

    let mut target = stage_target("enable", &clients, &api, &stage);
    target.wait = Duration::from_secs(args.wait.seconds);
    apply::execute(ctx, &clients, &plan, target).await
}

/// The steps that give the region's API Gateway account a healthy logging role: none when it has
/// one; otherwise create or repair `role_name` and point the account at it.
pub async fn plan_healthy_account_role(
    clients: &Clients,
    identity: &Identity,
    role_name: &str,
) -> anyhow::Result<Vec<Step>> {
    let current = apigw::account_role(&clients.apigw).await?;
    if let Some(arn) = &current {
        if role_health(clients, identity, arn).await?.is_healthy() {
            return Ok(Vec::new());
        }
    }
    let (role_arn, mut steps) = plan_role(clients, identity, role_name).await?;
    steps.extend(plan_account_role(clients, identity, current.as_deref(), &role_arn).await?);
    Ok(steps)
}
