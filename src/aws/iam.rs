//! IAM: the logging role.

use super::{Call, call_failed};
use aws_sdk_iam::error::ProvideErrorMetadata;

const GET_ROLE: Call = Call { name: "iam:GetRole", permission: "iam:GetRole" };
const LIST_ATTACHED: Call =
    Call { name: "iam:ListAttachedRolePolicies", permission: "iam:ListAttachedRolePolicies" };
const CREATE_ROLE: Call = Call { name: "iam:CreateRole", permission: "iam:CreateRole" };
const LIST_ROLES: Call = Call { name: "iam:ListRoles", permission: "iam:ListRoles" };
const ATTACH: Call = Call { name: "iam:AttachRolePolicy", permission: "iam:AttachRolePolicy" };
const PUT_POLICY: Call = Call { name: "iam:PutRolePolicy", permission: "iam:PutRolePolicy" };
const GET_POLICY: Call = Call { name: "iam:GetRolePolicy", permission: "iam:GetRolePolicy" };

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub name: String,
    pub arn: String,
    /// Decoded JSON (IAM returns it URL-encoded).
    pub trust_policy: String,
}

/// Every role of the account (for the wizard's role picker).
pub async fn list_roles(client: &aws_sdk_iam::Client) -> anyhow::Result<Vec<Role>> {
    let mut roles = Vec::new();
    let mut pages = client.list_roles().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(LIST_ROLES, "roles", e))?;
        roles.extend(page.roles().iter().map(|role| Role {
            name: role.role_name().to_string(),
            arn: role.arn().to_string(),
            trust_policy: decode(role.assume_role_policy_document().unwrap_or_default()),
        }));
    }
    Ok(roles)
}

fn decode(raw: &str) -> String {
    percent_encoding::percent_decode_str(raw).decode_utf8_lossy().into_owned()
}

/// The role, or `None` when it does not exist.
pub async fn get_role(client: &aws_sdk_iam::Client, name: &str) -> anyhow::Result<Option<Role>> {
    match client.get_role().role_name(name).send().await {
        Ok(out) => {
            let Some(role) = out.role() else { return Ok(None) };
            let trust_policy = decode(role.assume_role_policy_document().unwrap_or_default());
            Ok(Some(Role { name: role.role_name().to_string(), arn: role.arn().to_string(), trust_policy }))
        }
        Err(e) if e.code() == Some("NoSuchEntity") => Ok(None),
        Err(e) => Err(call_failed(GET_ROLE, &format!("role/{name}"), e)),
    }
}

pub async fn attached_policies(client: &aws_sdk_iam::Client, name: &str) -> anyhow::Result<Vec<String>> {
    let mut arns = Vec::new();
    let mut pages = client.list_attached_role_policies().role_name(name).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(LIST_ATTACHED, &format!("role/{name}"), e))?;
        arns.extend(page.attached_policies().iter().filter_map(|p| p.policy_arn().map(str::to_string)));
    }
    Ok(arns)
}

pub async fn create_role(
    client: &aws_sdk_iam::Client,
    name: &str,
    trust_policy: &str,
    description: &str,
) -> anyhow::Result<String> {
    let sent = client
        .create_role()
        .role_name(name)
        .assume_role_policy_document(trust_policy)
        .description(description)
        .send()
        .await;
    match sent {
        Ok(out) => Ok(out.role().map(|r| r.arn().to_string()).unwrap_or_default()),
        // Created meanwhile by another run of the same plan (two debug sessions started at
        // once): the same role is success; a role of that name trusting anyone else is not.
        Err(e) if e.code() == Some("EntityAlreadyExists") => {
            let same_trust = |existing: &str| {
                let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
                parse(existing).is_some() && parse(existing) == parse(trust_policy)
            };
            match get_role(client, name).await? {
                Some(role) if same_trust(&role.trust_policy) => Ok(role.arn),
                _ => Err(call_failed(CREATE_ROLE, &format!("role/{name}"), e)),
            }
        }
        Err(e) => Err(call_failed(CREATE_ROLE, &format!("role/{name}"), e)),
    }
}

pub async fn attach_policy(client: &aws_sdk_iam::Client, name: &str, policy_arn: &str) -> anyhow::Result<()> {
    client
        .attach_role_policy()
        .role_name(name)
        .policy_arn(policy_arn)
        .send()
        .await
        .map_err(|e| call_failed(ATTACH, &format!("role/{name}"), e))?;
    Ok(())
}

pub async fn put_role_policy(
    client: &aws_sdk_iam::Client,
    role: &str,
    policy_name: &str,
    document: &str,
) -> anyhow::Result<()> {
    client
        .put_role_policy()
        .role_name(role)
        .policy_name(policy_name)
        .policy_document(document)
        .send()
        .await
        .map_err(|e| call_failed(PUT_POLICY, &format!("role/{role}"), e))?;
    Ok(())
}

/// The role's inline policy (decoded JSON), or `None` when it has none of that name.
pub async fn role_policy(
    client: &aws_sdk_iam::Client,
    role: &str,
    policy_name: &str,
) -> anyhow::Result<Option<String>> {
    match client.get_role_policy().role_name(role).policy_name(policy_name).send().await {
        Ok(out) => Ok(Some(decode(out.policy_document()))),
        Err(e) if e.code() == Some("NoSuchEntity") => Ok(None),
        Err(e) => Err(call_failed(GET_POLICY, &format!("role/{role}"), e)),
    }
}
