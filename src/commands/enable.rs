//! `enable`: the whole chain — role, account setting, log groups, stages — in one idempotent plan.

use super::account::plan_account_role;
use super::role::{NewRole, plan_role, role_health};
use super::stage::{Mode, check_offline, check_region_bound, check_targets, plan_stage};
use super::{in_each_region, layout};
use crate::apply::{self, Target, Unit};
use crate::aws::sts::Identity;
use crate::aws::{Clients, apigw, sts};
use crate::cli::{EnableArgs, LoggingArgs};
use crate::context::Ctx;
use crate::format::ApiKind;
use crate::logging::StageLogging;
use crate::plan::{Plan, Step};
use futures::{StreamExt as _, TryStreamExt as _};
use serde_json::json;
use std::time::Duration;

pub async fn run(ctx: &Ctx, args: &EnableArgs) -> anyhow::Result<()> {
    check_offline(ctx, &args.logging, args.targets.apis.api_type)?;
    check_region_bound(ctx, &args.targets, &args.logging)?;
    let check = |targets: &[_]| check_targets(ctx, &args.logging, targets);
    in_each_region(ctx, "enable", &args.targets, check, |clients, targets| async move {
        let identity = sts::caller_identity(&clients.sts).await?;
        let (plan, units) =
            plan_enable(ctx, &clients, &identity, &targets, &args.logging, Some(new_role(args))).await?;
        let mut target = fleet_target("enable", &clients, &targets, Duration::from_secs(args.wait.seconds));
        target.units = units;
        apply::execute(ctx, &clients, &plan, target).await
    })
    .await
}

fn new_role(args: &EnableArgs) -> NewRole<'_> {
    NewRole { name: &args.role_name, hardened: args.hardened_trust }
}

/// The `enable` plan for these stages: the account role chain once (with `role_name`; `None`
/// leaves the account alone; not for HTTP APIs only), then per stage its log groups and one UpdateStage, as independent
/// units. Every stage is planned (and its input validated) before the role is looked at.
pub async fn plan_enable(
    ctx: &Ctx,
    clients: &Clients,
    identity: &Identity,
    targets: &[(apigw::Api, StageLogging)],
    logging: &LoggingArgs,
    role: Option<NewRole<'_>>,
) -> anyhow::Result<(Plan, Vec<Unit>)> {
    let planned: Vec<Vec<Step>> = futures::stream::iter(targets)
        .map(|(api, stage)| async move {
            let checked = check_offline(ctx, logging, None)?;
            Ok::<_, anyhow::Error>(
                plan_stage(ctx, clients, identity, api, stage, checked, Mode::Enable).await?.0,
            )
        })
        .buffered(usize::from(ctx.global.concurrency))
        .try_collect()
        .await?;
    // HTTP APIs deliver access logs without the account role; REST and WebSocket APIs need it.
    let shared = match role {
        Some(role) if targets.iter().any(|(api, _)| api.kind != ApiKind::Http) => {
            plan_healthy_account_role(clients, identity, role).await?
        }
        _ => Vec::new(),
    };
    Ok(layout(shared, targets, planned))
}

/// The apply target of a fleet command: names one stage, or counts them.
pub fn fleet_target<'a>(
    command: &'a str,
    clients: &'a Clients,
    targets: &[(apigw::Api, StageLogging)],
    wait: Duration,
) -> Target<'a> {
    let subject = match targets {
        [(api, stage)] => format!("API {} ({}), stage {}", api.name, api.id, stage.stage_name),
        _ => format!("{} stage(s)", targets.len()),
    };
    let listed: Vec<_> =
        targets.iter().map(|(api, stage)| json!({ "api": api, "stage": stage.stage_name })).collect();
    Target {
        command,
        region: &clients.region,
        subject,
        result: json!({ "stages": listed }),
        summary: None,
        wait,
        check_only: false,
        confirm: None,
        units: Vec::new(),
    }
}

/// The steps that give the region's API Gateway account a healthy logging role: none when it has
/// one; otherwise create or repair `role` and point the account at it.
pub async fn plan_healthy_account_role(
    clients: &Clients,
    identity: &Identity,
    role: NewRole<'_>,
) -> anyhow::Result<Vec<Step>> {
    let current = apigw::account_role(&clients.apigw).await?;
    if let Some(arn) = &current
        && role_health(clients, identity, arn).await?.is_healthy()
    {
        return Ok(Vec::new());
    }
    let (role_arn, mut steps) = plan_role(clients, identity, role).await?;
    steps.extend(plan_account_role(clients, identity, current.as_deref(), &role_arn).await?);
    Ok(steps)
}
