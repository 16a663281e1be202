//! `disable`: execution logging OFF (no data trace), access logging removed. Roles are never
//! touched; the access log group is deleted only with `--delete-log-group`.

use super::api_and_stage;
use super::stage::{default_log_group, stage_target};
use crate::apply;
use crate::arn;
use crate::aws::logs;
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
        // After an earlier disable the stage no longer names its group; fall back to the default.
        let group = match stage.access.as_ref().and_then(|a| arn::log_group_name_of(&a.destination_arn)) {
            Some(name) => Some(name),
            None => logs::find_log_group(&clients.logs, &default_log_group(&api.id, &stage.stage_name))
                .await?
                .map(|g| g.name),
        };
        match group {
            Some(name) => plan.push(
                Step::new(
                    format!("log group {name}"),
                    Action::DeleteLogGroup { log_group_name: name.clone() },
                    vec![Change::new("log group", Some(name.clone()), None)],
                )
                .confirming(format!("deleting log group {name} destroys every access log event in it")),
            ),
            None => ctx.warn("--delete-log-group: the stage has no access log group to delete"),
        }
    }
    apply::execute(ctx, &clients, &plan, stage_target("disable", &clients, &api, &stage)).await
}
