//! `enable`: the whole chain — role, account setting, log groups, stages — in one idempotent plan.

use super::account::plan_account_role;
use super::role::{plan_role, role_health};
use super::stage::{Mode, check_offline, plan_stage};
use super::{pick_stage, resolve_api};
use crate::apply::{self, Target};
use crate::aws::sts::Identity;
use crate::aws::{Clients, apigw, sts};
use crate::cli::{EnableArgs, LoggingArgs};
use crate::context::Ctx;
use crate::logging::StageLogging;
use crate::plan::{Plan, Step};
use serde_json::json;
use std::time::Duration;

pub async fn run(ctx: &Ctx, args: &EnableArgs) -> anyhow::Result<()> {
    check_offline(ctx, &args.logging)?;
    let clients = ctx.clients().await?;
    let identity = sts::caller_identity(&clients.sts).await?;
    let (api, stages) = api_and_stages(&clients, &args.target.api, &args.target.stages).await?;
    let plan =
        plan_enable(ctx, &clients, &identity, &api, &stages, &args.logging, Some(&args.role_name)).await?;
    let target = enable_target("enable", &clients, &api, &stages, Duration::from_secs(args.wait.seconds));
    apply::execute(ctx, &clients, &plan, target).await
}

/// Resolves `--api` and every `--stage`, in the order given.
pub async fn api_and_stages(
    clients: &Clients,
    api: &str,
    names: &[String],
) -> anyhow::Result<(apigw::RestApi, Vec<StageLogging>)> {
    let api = resolve_api(clients, api).await?;
    let all = apigw::stages(&clients.apigw, &api.id).await?;
    let mut stages = Vec::new();
    for name in names {
        let stage = pick_stage(all.clone(), &api, name)?;
        if !stages.contains(&stage) {
            stages.push(stage);
        }
    }
    Ok((api, stages))
}

/// The `enable` plan for these stages: the account role chain (with `role_name`; `None` leaves
/// the account alone), then per stage its log groups and one UpdateStage. Every stage request is
/// validated before the role is even looked at, so bad input fails before anything is planned.
pub async fn plan_enable(
    ctx: &Ctx,
    clients: &Clients,
    identity: &Identity,
    api: &apigw::RestApi,
    stages: &[StageLogging],
    logging: &LoggingArgs,
    role_name: Option<&str>,
) -> anyhow::Result<Plan> {
    let mut stage_steps = Vec::new();
    for stage in stages {
        let checked = check_offline(ctx, logging)?;
        let (steps, _) = plan_stage(ctx, clients, identity, api, stage, checked, Mode::Enable).await?;
        stage_steps.extend(steps);
    }
    let mut plan = Plan::default();
    if let Some(role_name) = role_name {
        plan.steps.extend(plan_healthy_account_role(clients, identity, role_name).await?);
    }
    plan.steps.extend(stage_steps);
    Ok(plan)
}

pub fn enable_target<'a>(
    command: &'a str,
    clients: &'a Clients,
    api: &apigw::RestApi,
    stages: &[StageLogging],
    wait: Duration,
) -> Target<'a> {
    let names: Vec<&str> = stages.iter().map(|s| s.stage_name.as_str()).collect();
    let label = if names.len() == 1 { "stage" } else { "stages" };
    Target {
        command,
        region: &clients.region,
        subject: format!("API {} ({}), {label} {}", api.name, api.id, names.join(", ")),
        result: json!({ "api": api, "stages": names }),
        summary: None,
        wait,
        check_only: false,
        confirm: None,
    }
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
