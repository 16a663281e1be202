//! `role create`.

use crate::app::context::Ctx;
use crate::app::execute::{self, Target};
use crate::cli::RoleCreateArgs;
use crate::plan::Plan;
use crate::planner::role::{NewRole, plan_role};
use serde_json::json;

pub async fn create(ctx: &Ctx, args: &RoleCreateArgs) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let identity = clients.identity().await?;
    let role = NewRole { name: &args.role_name, hardened: args.hardened_trust };
    let (role_arn, steps) = plan_role(&clients, &identity, role).await?;
    let subject = format!("role {}", args.role_name);
    let target = Target {
        summary: Some(role_arn.clone()),
        ..Target::new("role create", &clients.region, subject, json!({ "role_arn": role_arn }))
    };
    execute::run(ctx, &clients, &Plan { steps }, target).await
}
