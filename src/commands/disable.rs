//! `disable`: execution logging OFF (no data trace) and REST execution log deliveries removed,
//! access logging removed. Roles and delivery destinations' resources are never touched; log
//! groups are deleted only with `--delete-log-group`.

use crate::api::{Api, ApiKind};
use crate::app::context::Ctx;
use crate::app::execute::{self, Target};
use crate::arn;
use crate::aws::Clients;
use crate::cli::DisableArgs;
use crate::delivery;
use crate::groups::{default_log_group, execution_log_group};
use crate::logging::{Scope, StageLogging, disable_request};
use crate::plan::{Action, Step, delete_log_group_step, stage_update_steps};
use crate::planner::stage::{readable_deliveries, stale_routes};
use crate::planner::targets::on_stages;
use crate::planner::{OpenSessions, layout, review};
use futures::{StreamExt as _, TryStreamExt as _};

pub async fn run(ctx: &Ctx, args: &DisableArgs) -> anyhow::Result<()> {
    on_stages(
        ctx,
        "disable",
        &args.targets,
        |_: &[_]| Ok(()),
        |clients, targets| async move {
            // Execution logging off also ends REST stages' deliveries to the user's destinations.
            let deliveries =
                match !args.access_only && targets.iter().any(|(api, _)| api.kind == ApiKind::Rest) {
                    true => readable_deliveries(ctx, &clients).await?,
                    false => None,
                };
            let planning = futures::stream::iter(&targets)
                .map(|(api, stage)| plan_disable(ctx, &clients, args, deliveries, api, stage))
                .buffered(usize::from(ctx.global.concurrency))
                .try_collect::<Vec<(Vec<Step>, StageLogging)>>();
            let (planned, owners) =
                tokio::join!(planning, crate::planner::owner::owners(ctx, &clients, &targets));
            let planned = planned?;
            let (planned, afters): (Vec<_>, Vec<_>) = planned.into_iter().unzip();
            let (plan, units) = layout(Vec::new(), &targets, once_per_group(planned));
            let target = Target { units, ..Target::stages("disable", &clients.region, &targets) };
            let deliveries = vec![(!args.access_only).then_some(&[][..]); targets.len()];
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
        },
    )
    .await
}

async fn plan_disable(
    ctx: &Ctx,
    clients: &Clients,
    args: &DisableArgs,
    deliveries: Option<&delivery::Index>,
    api: &Api,
    stage: &StageLogging,
) -> anyhow::Result<(Vec<Step>, StageLogging)> {
    let mut request = disable_request(stage, !args.access_only, !args.execution_only);
    // An override of a route that no longer exists cannot be updated, only deleted.
    let stale = stale_routes(clients, api, stage).await?;
    let (gone, live): (Vec<Scope>, Vec<Scope>) =
        request.scopes.into_iter().partition(|s| matches!(s, Scope::Route(key) if stale.contains(key)));
    request.scopes = live;
    for scope in gone {
        ctx.warn(format_args!(
            "{} of stage {}: the route no longer exists; its settings are deleted",
            scope, stage.stage_name
        ));
        request.clear.push(scope);
    }
    let mut steps = match deliveries {
        Some(index) if api.kind == ApiKind::Rest => delivery::removal(index, &api.id, &stage.stage_name),
        _ => Vec::new(),
    };
    steps.extend(stage_update_steps(api, stage, &request));
    let after = crate::logging::after(stage, &request);
    if args.delete_log_group {
        let mut groups = Vec::new();
        if !args.execution_only {
            // After an earlier disable the stage no longer names its group; fall back to the
            // default one. A Firehose destination has no group of ours to delete.
            match &stage.access {
                Some(access) => groups.extend(arn::log_group_name_of(&access.destination_arn)),
                None => groups.extend(existing(clients, default_log_group(api, &stage.stage_name)).await?),
            }
        }
        if !args.access_only && api.kind != ApiKind::Http {
            groups.extend(existing(clients, execution_log_group(api, &stage.stage_name)).await?);
        }
        if groups.is_empty() {
            ctx.warn(format_args!(
                "--delete-log-group: stage {} has no log group to delete",
                stage.stage_name
            ));
        }
        for name in groups {
            steps.push(delete_log_group_step(&name));
        }
    }
    Ok((steps, after))
}

/// Stages sharing a log group each plan its deletion; only the first one keeps it.
fn once_per_group(planned: Vec<Vec<Step>>) -> Vec<Vec<Step>> {
    let mut seen = std::collections::HashSet::new();
    planned
        .into_iter()
        .map(|steps| {
            steps
                .into_iter()
                .filter(|step| match &step.action {
                    Action::DeleteLogGroup { log_group_name } => seen.insert(log_group_name.clone()),
                    _ => true,
                })
                .collect()
        })
        .collect()
}

async fn existing(clients: &Clients, name: String) -> anyhow::Result<Option<String>> {
    Ok(clients.find_log_group(&name).await?.map(|g| g.name))
}
