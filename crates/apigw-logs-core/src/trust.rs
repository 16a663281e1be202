//! The role API Gateway assumes to write logs: its trust policy, and what makes a role healthy.

use serde::Serialize;
use serde_json::{Value, json};

pub const ROLE_DESCRIPTION: &str =
    "Lets API Gateway write execution and access logs to CloudWatch Logs (created by apigw-logs)";

pub const SERVICE_PRINCIPAL: &str = "apigateway.amazonaws.com";
/// The AWS managed policy with exactly the permissions API Gateway needs, in the caller's
/// partition (`aws`, `aws-cn`, `aws-us-gov`).
pub fn managed_policy_arn(partition: &str) -> String {
    format!("arn:{partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs")
}
pub const DEFAULT_ROLE_NAME: &str = "apigateway-cloudwatch-logs";

/// Trust policy for a new role: AWS's documented one (principal API Gateway, `sts:AssumeRole`, no
/// condition), as the AWS docs, Terraform, CDK and Serverless use.
pub fn trust_policy() -> String {
    trust_document(Value::Null)
}

/// The opt-in hardened trust policy: AWS's plus an `aws:SourceAccount` condition against the
/// confused-deputy problem. Not confirmed by AWS for this role: if API Gateway does not set the
/// key when it assumes the role, UpdateAccount refuses it.
pub fn hardened_trust_policy(account: &str) -> String {
    trust_document(json!({ "StringEquals": { "aws:SourceAccount": account } }))
}

fn trust_document(condition: Value) -> String {
    let mut statement = json!({
        "Effect": "Allow",
        "Principal": { "Service": SERVICE_PRINCIPAL },
        "Action": "sts:AssumeRole",
    });
    if !condition.is_null() {
        statement["Condition"] = condition;
    }
    json!({ "Version": "2012-10-17", "Statement": [statement] }).to_string()
}

/// The conditions (`Operator key`) on the statements that let API Gateway assume the role; empty
/// for a plain trust policy or one that is not JSON.
pub fn trust_conditions(document: &str) -> Vec<String> {
    let Ok(policy) = serde_json::from_str::<Value>(document) else { return Vec::new() };
    let statements = match &policy["Statement"] {
        Value::Array(list) => list.clone(),
        single @ Value::Object(_) => vec![single.clone()],
        _ => return Vec::new(),
    };
    let mut conditions = Vec::new();
    for statement in statements.iter().filter(|s| {
        s["Effect"] == "Allow" && string_or_list_contains(&s["Principal"]["Service"], &[SERVICE_PRINCIPAL])
    }) {
        let Value::Object(operators) = &statement["Condition"] else { continue };
        for (operator, keys) in operators {
            if let Value::Object(keys) = keys {
                conditions.extend(keys.keys().map(|key| format!("{operator} {key}")));
            }
        }
    }
    conditions
}

/// Whether a trust policy lets API Gateway assume the role for `account`.
/// `Err` explains why not. IAM returns policy documents URL-encoded; pass them decoded.
pub fn check_trust(document: &str, account: &str) -> Result<(), String> {
    let policy: Value =
        serde_json::from_str(document).map_err(|e| format!("its trust policy is not valid JSON ({e})"))?;
    let statements = match &policy["Statement"] {
        Value::Array(list) => list.clone(),
        single @ Value::Object(_) => vec![single.clone()],
        _ => return Err("its trust policy has no statements".into()),
    };
    let mut condition_problem = None;
    for statement in &statements {
        if statement["Effect"] != "Allow"
            || !string_or_list_contains(&statement["Action"], &["sts:AssumeRole", "sts:*", "*"])
            || !string_or_list_contains(&statement["Principal"]["Service"], &[SERVICE_PRINCIPAL])
        {
            continue;
        }
        match source_account_mismatch(&statement["Condition"], account) {
            None => return Ok(()),
            Some(problem) => condition_problem = Some(problem),
        }
    }
    Err(condition_problem.unwrap_or_else(|| {
        format!("its trust policy does not allow {SERVICE_PRINCIPAL} to assume it (sts:AssumeRole)")
    }))
}

fn string_or_list_contains(value: &Value, wanted: &[&str]) -> bool {
    match value {
        Value::String(s) => wanted.contains(&s.as_str()),
        Value::Array(items) => items.iter().any(|v| v.as_str().is_some_and(|s| wanted.contains(&s))),
        _ => false,
    }
}

/// An `aws:SourceAccount` condition that names other accounts blocks API Gateway acting for this one.
fn source_account_mismatch(condition: &Value, account: &str) -> Option<String> {
    let Value::Object(operators) = condition else { return None };
    for (operator, keys) in operators {
        let Some(value) = keys.get("aws:SourceAccount").or_else(|| keys.get("aws:sourceaccount")) else {
            continue;
        };
        let allowed: Vec<&str> = match value {
            Value::String(s) => vec![s.as_str()],
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let matches = allowed.iter().any(|a| {
            *a == account
                || (operator.starts_with("StringLike") && (*a == "*" || a.trim_end_matches('*').is_empty()))
        });
        if !matches {
            return Some(format!(
                "its trust policy allows {SERVICE_PRINCIPAL} only for aws:SourceAccount {}, not this account ({account})",
                allowed.join(", ")
            ));
        }
    }
    None
}

/// What the tool knows about a logging role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoleHealth {
    pub arn: String,
    pub exists: bool,
    pub trusts_api_gateway: bool,
    pub has_policy: bool,
    /// Why the role is not usable; empty when it is healthy.
    pub problems: Vec<String>,
}

impl RoleHealth {
    pub fn missing(arn: &str) -> RoleHealth {
        RoleHealth {
            arn: arn.into(),
            exists: false,
            trusts_api_gateway: false,
            has_policy: false,
            problems: vec!["the role does not exist".into()],
        }
    }

    pub fn assess(arn: &str, trust_document: &str, account: &str, attached: &[String]) -> RoleHealth {
        let trust = check_trust(trust_document, account);
        let partition = arn.split(':').nth(1).unwrap_or("aws");
        let has_policy = attached.contains(&managed_policy_arn(partition));
        let mut problems = Vec::new();
        if let Err(problem) = &trust {
            problems.push(problem.clone());
        }
        if !has_policy {
            problems.push("the managed policy AmazonAPIGatewayPushToCloudWatchLogs is not attached".into());
        }
        RoleHealth { arn: arn.into(), exists: true, trusts_api_gateway: trust.is_ok(), has_policy, problems }
    }

    pub fn is_healthy(&self) -> bool {
        self.problems.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: &str = "123456789012";

    #[test]
    fn new_trust_policy_is_aws_documented_one_without_conditions() {
        let doc = trust_policy();
        assert_eq!(check_trust(&doc, ACCOUNT), Ok(()));
        assert_eq!(check_trust(&doc, "999999999999"), Ok(()), "no account condition");
        let parsed: Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(
            parsed["Statement"],
            json!([{"Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"}])
        );
        assert!(trust_conditions(&doc).is_empty());
    }

    #[test]
    fn hardened_trust_policy_admits_api_gateway_for_this_account_only_and_names_its_condition() {
        let doc = hardened_trust_policy(ACCOUNT);
        assert_eq!(check_trust(&doc, ACCOUNT), Ok(()));
        let err = check_trust(&doc, "999999999999").unwrap_err();
        assert!(err.contains("only for aws:SourceAccount 123456789012"), "{err}");
        let parsed: Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(parsed["Statement"].as_array().unwrap().len(), 1, "nothing broader than one statement");
        assert_eq!(trust_conditions(&doc), ["StringEquals aws:SourceAccount"]);
        assert!(trust_conditions("not json").is_empty());
    }

    #[test]
    fn trust_without_api_gateway_is_explained() {
        let lambda = r#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
        assert!(
            check_trust(lambda, ACCOUNT).unwrap_err().contains("does not allow apigateway.amazonaws.com")
        );
        let deny = r#"{"Statement":[{"Effect":"Deny","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
        assert!(check_trust(deny, ACCOUNT).is_err());
        assert!(check_trust("not json", ACCOUNT).unwrap_err().contains("not valid JSON"));
    }

    #[test]
    fn trust_accepts_lists_single_statements_and_no_condition() {
        let doc = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","apigateway.amazonaws.com"]},"Action":["sts:AssumeRole"]}}"#;
        assert_eq!(check_trust(doc, ACCOUNT), Ok(()));
    }

    #[test]
    fn health_lists_every_problem() {
        let health = RoleHealth::assess("arn:r", &trust_policy(), ACCOUNT, &[]);
        assert!(health.trusts_api_gateway && !health.has_policy && !health.is_healthy());
        let healthy = RoleHealth::assess(
            "arn:aws:iam::123456789012:role/r",
            &trust_policy(),
            ACCOUNT,
            &[managed_policy_arn("aws")],
        );
        assert!(healthy.is_healthy());
        let china = RoleHealth::assess(
            "arn:aws-cn:iam::123456789012:role/r",
            &trust_policy(),
            ACCOUNT,
            &[managed_policy_arn("aws-cn")],
        );
        assert!(china.is_healthy(), "the policy ARN follows the partition");
        assert!(!RoleHealth::missing("arn:r").is_healthy());
    }
}
