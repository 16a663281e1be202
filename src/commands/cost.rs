//! `cost`: what the stages' logging costs a month, from their own traffic; with logging flags,
//! what that change would cost. Reads only: the change is planned as `stage set` plans it, never
//! applied.

use crate::app::context::Ctx;
use crate::cli::CostArgs;
use crate::plan::Plan;
use crate::planner::plan_set;
use crate::planner::targets::on_stages;
use crate::planner::validate::{check_offline, check_targets};

pub async fn run(ctx: &Ctx, args: &CostArgs) -> anyhow::Result<()> {
    let logging = &args.logging.request();
    check_offline(ctx, logging, args.targets.apis.api_type)?;
    let check = |targets: &[_]| check_targets(ctx, logging, targets);
    on_stages(ctx, "cost", &args.targets, check, |clients, targets| async move {
        let (plan, afters): (Plan, Vec<_>) = if logging.is_empty() {
            (Plan::default(), targets.iter().map(|(_, stage)| stage.clone()).collect())
        } else {
            let identity = clients.identity().await?;
            let planned = plan_set(ctx, &clients, &identity, &targets, logging).await?;
            let steps = planned.iter().flat_map(|p| p.steps.clone()).collect();
            (Plan { steps }, planned.into_iter().map(|p| p.after).collect())
        };
        let mut report = crate::planner::cost::estimate(
            ctx,
            &clients,
            &targets,
            &afters,
            &plan,
            &vec![logging.wanted_deliveries(); targets.len()],
        )
        .await;
        // Dearest first: where a decision matters most.
        let usd = |s: &crate::cost::StageCost| s.after.as_ref().map_or(-1.0, |m| m.usd);
        report.stages.sort_by(|a, b| usd(b).total_cmp(&usd(a)));
        if ctx.json() {
            return ctx.print_json(
                &serde_json::json!({ "command": "cost", "region": clients.region, "cost": report }),
            );
        }
        let change = if logging.is_empty() { "" } else { " (now → with the change)" };
        println!(
            "Logging cost in {}{change}, CloudWatch Logs, from the last {} of traffic:",
            clients.region,
            crate::cost::days(ctx.global.traffic_days)
        );
        print!("{}", report.render(true));
        Ok(())
    })
    .await
}
