//! `account show | set-role | reset`: the region's shared `cloudwatchRoleArn`.

use crate::app::context::{Ctx, GREEN, RED};
use crate::app::execute::{self, Target};
use crate::arn;
use crate::aws::sts::Identity;
use crate::aws::{Clients, apigw, iam};
use crate::cli::SetRoleArgs;
use crate::error;
use crate::patch::Change;
use crate::plan::{Action, Plan, Step};
use crate::planner::role::{plan_account_role, role_health};
use crate::trust::RoleHealth;
use serde_json::json;
use std::time::Duration;

pub async fn show(ctx: &Ctx) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let identity = clients.identity().await?;
    let role = apigw::account_role(&clients.apigw).await?;
    let health = match &role {
        Some(arn) => Some(role_health(&clients, &identity, arn).await?),
        None => None,
    };
    if ctx.json() {
        let doc = json!({
            "region": clients.region,
            "account": identity.account,
            "cloudwatch_role_arn": role,
            "role_health": health,
            "healthy": health.as_ref().is_some_and(RoleHealth::is_healthy),
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(());
    }
    println!("region:            {}", clients.region);
    println!("account:           {}", identity.account);
    let Some(health) = health else {
        println!("cloudwatchRoleArn: (none)");
        println!(
            "{RED}Logging cannot be enabled in this region{RED:#}: run `apigw-logs enable` or `apigw-logs account set-role`."
        );
        return Ok(());
    };
    println!("cloudwatchRoleArn: {}", health.arn);
    let yes_no = |ok: bool| if ok { "yes" } else { "no" };
    println!("  exists:             {}", yes_no(health.exists));
    println!("  trusts API Gateway: {}", yes_no(health.trusts_api_gateway));
    println!("  has managed policy: {}", yes_no(health.has_policy));
    if health.is_healthy() {
        println!("{GREEN}healthy{GREEN:#}");
    } else {
        for problem in &health.problems {
            println!("{RED}problem:{RED:#} {problem}");
        }
        println!("fix: apigw-logs role create (then account set-role), or apigw-logs enable");
    }
    Ok(())
}

pub async fn set_role(ctx: &Ctx, args: &SetRoleArgs) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let identity = clients.identity().await?;
    let role_arn = role_arn_from_flags(&clients, &identity, args).await?;
    let health = role_health(&clients, &identity, &role_arn).await?;
    if !health.is_healthy() {
        return Err(error::precondition(
            format!("role {role_arn} cannot be used for logging: {}", health.problems.join("; ")),
            "repair it with `apigw-logs role create --role-name NAME`, or choose another role",
        ));
    }
    let current = apigw::account_role(&clients.apigw).await?;
    let mut plan = Plan::default();
    plan.steps.extend(plan_account_role(&clients, &identity, current.as_deref(), &role_arn).await?);
    let subject = format!("the API Gateway account in {}", clients.region);
    let result = json!({ "cloudwatch_role_arn": role_arn });
    let target = Target {
        wait: Duration::from_secs(args.wait.seconds),
        ..Target::new("account set-role", &clients.region, subject, result)
    };
    execute::run(ctx, &clients, &plan, target).await
}

async fn role_arn_from_flags(
    clients: &Clients,
    identity: &Identity,
    args: &SetRoleArgs,
) -> anyhow::Result<String> {
    if let Some(text) = &args.role.role_arn {
        let (parsed, _) = arn::parse_role_arn(text).map_err(|e| error::usage(format!("--role-arn: {e}")))?;
        if parsed.account != identity.account {
            return Err(error::usage(format!(
                "--role-arn: the role belongs to account {}, but the credentials are for account {}; API Gateway needs a role in its own account",
                parsed.account, identity.account
            )));
        }
        return Ok(text.trim().to_string());
    }
    let name = args.role.role_name.as_deref().unwrap_or_default();
    match iam::get_role(&clients.iam, name).await? {
        Some(role) => Ok(role.arn),
        None => Err(error::precondition(
            format!("--role-name: role {name} does not exist in account {}", identity.account),
            format!("create it with `apigw-logs role create --role-name {name}`"),
        )),
    }
}

pub async fn reset(ctx: &Ctx) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let current = apigw::account_role(&clients.apigw).await?;
    let mut plan = Plan::default();
    if let Some(current) = &current {
        plan.push(
            Step::new(
                format!("account ({})", clients.region),
                Action::UpdateAccount { cloudwatch_role_arn: None },
                vec![Change::new("cloudwatchRoleArn", Some(current.clone()), None)],
            )
            .confirming(format!(
                "execution and access logging of every REST and WebSocket API in {} stops working without an account role",
                clients.region
            )),
        );
    }
    let subject = format!("the API Gateway account in {}", clients.region);
    let result = json!({ "cloudwatch_role_arn": null, "previous_role_arn": current });
    execute::run(ctx, &clients, &plan, Target::new("account reset", &clients.region, subject, result)).await
}
