//! The account's logging role: the role itself (created or repaired), its health, and the
//! account setting that points at it.

use crate::arn;
use crate::aws::Clients;
use crate::aws::sts::Identity;
use crate::error;
use crate::patch::Change;
use crate::plan::{Action, Step};
use crate::trust::{self, RoleHealth};

/// The role to create (or repair) when the account has no healthy one.
#[derive(Clone, Copy, Debug)]
pub struct NewRole<'a> {
    pub name: &'a str,
    /// Give a new role the opt-in hardened trust policy (`--hardened-trust`).
    pub hardened: bool,
}

/// Steps that make `name` a healthy logging role, and its ARN; a new role gets AWS's plain trust
/// policy, or with `hardened` the `aws:SourceAccount` one. A role that exists but does not trust
/// API Gateway is refused (exit 3): rewriting someone's trust policy is not ours to do.
pub async fn plan_role(
    clients: &Clients,
    identity: &Identity,
    role: NewRole<'_>,
) -> anyhow::Result<(String, Vec<Step>)> {
    let NewRole { name, hardened } = role;
    let resource = format!("role/{name}");
    let Some(role) = clients.role(name).await? else {
        let arn = format!("arn:{}:iam::{}:role/{name}", identity.partition, identity.account);
        let (trust_policy, trusted) = if hardened {
            let condition = format!("{} (aws:SourceAccount {})", trust::SERVICE_PRINCIPAL, identity.account);
            (trust::hardened_trust_policy(&identity.account), condition)
        } else {
            (trust::trust_policy(), trust::SERVICE_PRINCIPAL.to_string())
        };
        let steps = vec![
            Step::new(
                &resource,
                Action::CreateRole {
                    role_name: name.into(),
                    assume_role_policy_document: trust_policy,
                    description: crate::trust::ROLE_DESCRIPTION.into(),
                },
                vec![Change::new("trusted entity", None, Some(trusted))],
            ),
            attach_step(name, &identity.partition),
        ];
        return Ok((arn, steps));
    };
    if let Err(problem) = trust::check_trust(&role.trust_policy, &identity.account) {
        return Err(error::precondition(
            format!("role {name} exists, but {problem}; it was left unchanged"),
            format!(
                "add {} as a trusted entity to its trust policy, or use another role with --role-name",
                trust::SERVICE_PRINCIPAL
            ),
        ));
    }
    let attached = clients.attached_policies(name).await?;
    let policy = trust::managed_policy_arn(&identity.partition);
    let steps =
        if attached.contains(&policy) { vec![] } else { vec![attach_step(name, &identity.partition)] };
    Ok((role.arn, steps))
}

fn attach_step(name: &str, partition: &str) -> Step {
    Step::new(
        format!("role/{name}"),
        Action::AttachRolePolicy { role_name: name.into(), policy_arn: trust::managed_policy_arn(partition) },
        vec![Change::new("attached policy", None, Some("AmazonAPIGatewayPushToCloudWatchLogs".into()))],
    )
}

/// Health of the role at `role_arn`: exists, trusts API Gateway for this account, has the policy.
pub async fn role_health(
    clients: &Clients,
    identity: &Identity,
    role_arn: &str,
) -> anyhow::Result<RoleHealth> {
    let unusable = |problem: String| {
        let mut health = RoleHealth::missing(role_arn);
        health.problems = vec![problem];
        health
    };
    let (parsed, name) = match arn::parse_role_arn(role_arn) {
        Ok(parsed) => parsed,
        Err(problem) => return Ok(unusable(problem)),
    };
    if parsed.account != identity.account {
        return Ok(unusable(format!(
            "the role belongs to account {}, but API Gateway in account {} needs a role of its own",
            parsed.account, identity.account
        )));
    }
    // Same name under another path is a different role.
    let Some(role) = clients.role(&name).await?.filter(|r| r.arn == role_arn) else {
        return Ok(RoleHealth::missing(role_arn));
    };
    let attached = clients.attached_policies(&name).await?;
    Ok(RoleHealth::assess(role_arn, &role.trust_policy, &identity.account, &attached))
}

/// The UpdateAccount step that points the account at `role_arn`, or nothing when it already does.
/// Replacing a different *healthy* role needs confirmation: every API in the region uses it.
pub async fn plan_account_role(
    clients: &Clients,
    identity: &Identity,
    current: Option<&str>,
    role_arn: &str,
) -> anyhow::Result<Option<Step>> {
    if current == Some(role_arn) {
        return Ok(None);
    }
    let mut step = Step::new(
        format!("account ({})", clients.region),
        Action::UpdateAccount { cloudwatch_role_arn: Some(role_arn.to_string()) },
        vec![Change::new("cloudwatchRoleArn", current.map(str::to_string), Some(role_arn.to_string()))],
    );
    if let Some(current) = current
        && role_health(clients, identity, current).await?.is_healthy()
    {
        step = step.confirming(format!(
            "the account's healthy role {current} is shared by every REST and WebSocket API in {}; it will be replaced",
            clients.region
        ));
    }
    Ok(Some(step))
}

/// The steps that give the region's API Gateway account a healthy logging role: none when it has
/// one; otherwise create or repair `role` and point the account at it.
pub async fn plan_healthy_account_role(
    clients: &Clients,
    identity: &Identity,
    role: NewRole<'_>,
) -> anyhow::Result<Vec<Step>> {
    let current = clients.account_role().await?;
    if let Some(arn) = &current
        && role_health(clients, identity, arn).await?.is_healthy()
    {
        return Ok(Vec::new());
    }
    let (role_arn, mut steps) = plan_role(clients, identity, role).await?;
    steps.extend(plan_account_role(clients, identity, current.as_deref(), &role_arn).await?);
    Ok(steps)
}
