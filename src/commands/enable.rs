//! `enable`: the whole chain — role, account setting, log groups, stages — in one idempotent plan.

use crate::app::context::Ctx;
use crate::app::execute::{self, Target};
use crate::cli::EnableArgs;
use crate::planner::role::NewRole;
use crate::planner::targets::on_stages;
use crate::planner::validate::{check_offline, check_region_bound, check_targets};
use crate::planner::{OpenSessions, plan_enable, review};
use std::time::Duration;

/// What can be checked without AWS (also before a run over accounts starts).
pub fn check_input(ctx: &Ctx, args: &EnableArgs) -> anyhow::Result<()> {
    let logging = args.logging.request();
    check_offline(ctx, &logging, args.targets.apis.api_type)?;
    check_region_bound(ctx, &args.targets, &logging)
}

pub async fn run(ctx: &Ctx, args: &EnableArgs) -> anyhow::Result<()> {
    check_input(ctx, args)?;
    let logging = &args.logging.request();
    let check = |targets: &[_]| check_targets(ctx, logging, targets);
    on_stages(ctx, "enable", &args.targets, check, |clients, targets| async move {
        let identity = clients.identity().await?;
        let role = NewRole { name: &args.role_name, hardened: args.hardened_trust };
        // Owners are read alongside the plan: their calls count against other quotas.
        let (planned, owners) = tokio::join!(
            plan_enable(ctx, &clients, &identity, &targets, logging, Some(role)),
            crate::planner::owner::owners(ctx, &clients, &targets)
        );
        let (plan, units, afters) = planned?;
        if !crate::planner::emit_first(ctx, &clients, &args.emit, &targets, &afters, &plan, &owners).await? {
            return Ok(());
        }
        let target = Target {
            wait: Duration::from_secs(args.wait.seconds),
            units,
            ..Target::stages("enable", &clients.region, &targets)
        };
        let deliveries = vec![logging.wanted_deliveries(); targets.len()];
        let target = review(
            ctx,
            &clients,
            target,
            &targets,
            &afters,
            &plan,
            &deliveries,
            &owners,
            OpenSessions::Confirm,
        )
        .await;
        execute::run(ctx, &clients, &plan, target).await
    })
    .await
}
