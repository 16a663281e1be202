//! `disable`: execution logging OFF (no data trace), access logging removed. Roles are never
//! touched; log groups are deleted only with `--delete-log-group`.

use super::api_and_stage;
use super::stage::{default_log_group, execution_log_group, stage_target};
use crate::apply;
use crate::arn;
use crate::aws::{Clients, logs};
use crate::cli::DisableArgs;
use crate::context::Ctx;
use crate::logging::{disable_request, stage_patch};
use crate::plan::{Action, Change, Plan, Step};

pub async fn run(ctx: &Ctx, args: &DisableArgs) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let (api, stage) = api_and_stage(&clients, &args.target.api, &args.target.stage).await?;
    let request = disable_request(&stage, !args.access_only, !args.execution_only);
    let (ops, changes) = stage_patch(&stage, &request);
    let mut plan = Plan::default();
    if !ops.is_empty() {
        plan.push(Step::new(
            format!("restapis/{}/stages/{}", api.id, stage.stage_name),
            Action::UpdateStage {
                rest_api_id: api.id.clone(),
                stage_name: stage.stage_name.clone(),
                patch_operations: ops,
            },
            changes,
        ));
    }
    if args.delete_log_group {
        let mut groups = Vec::new();
        if !args.execution_only {
            // After an earlier disable the stage no longer names its group; fall back to the default.
            match stage.access.as_ref().and_then(|a| arn::log_group_name_of(&a.destination_arn)) {
                Some(name) => groups.push(name),
                None => {
                    groups.extend(existing(&clients, default_log_group(&api.id, &stage.stage_name)).await?)
                }
            }
        }
        if !args.access_only {
            groups.extend(existing(&clients, execution_log_group(&api.id, &stage.stage_name)).await?);
        }
        if groups.is_empty() {
            ctx.warn("--delete-log-group: the stage has no log group to delete");
        }
        for name in groups {
            plan.push(
                Step::new(
                    format!("log group {name}"),
                    Action::DeleteLogGroup { log_group_name: name.clone() },
                    vec![Change::new("log group", Some(name.clone()), None)],
                )
                .confirming(format!("deleting log group {name} destroys every log event in it")),
            );
        }
    }
    apply::execute(ctx, &clients, &plan, stage_target("disable", &clients, &api, &stage)).await
}

async fn existing(clients: &Clients, name: String) -> anyhow::Result<Option<String>> {
    Ok(logs::find_log_group(&clients.logs, &name).await?.map(|g| g.name))
}
