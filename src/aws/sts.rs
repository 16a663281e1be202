//! Who the caller is: the account (for ARNs and trust conditions) and the partition.

use super::{Call, call_failed};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub account: String,
    pub partition: String,
}

const ASSUME_ROLE: Call = Call { name: "sts:AssumeRole", permission: "sts:AssumeRole" };

/// What the tool calls its sessions, so that CloudTrail shows who made the changes.
pub const SESSION_NAME: &str = "apigw-logs";

const GET_CALLER_IDENTITY: Call = Call { name: "sts:GetCallerIdentity", permission: "sts:GetCallerIdentity" };

pub async fn caller_identity(client: &aws_sdk_sts::Client) -> anyhow::Result<Identity> {
    let out = client
        .get_caller_identity()
        .send()
        .await
        .map_err(|e| call_failed(GET_CALLER_IDENTITY, "caller identity", e))?;
    let account = out.account().unwrap_or_default().to_string();
    // arn:PARTITION:sts::ACCOUNT:...
    let partition = out.arn().and_then(|arn| arn.split(':').nth(1)).unwrap_or("aws").to_string();
    Ok(Identity { account, partition })
}

/// Credentials of `role_arn`, for `seconds` (900 to 3,600: one hour is the most every role
/// allows). Fetched once per account and run, so a role that cannot be assumed is reported at
/// once, by account, and the others go on.
pub async fn assume_role(
    client: &aws_sdk_sts::Client,
    role_arn: &str,
    external_id: Option<&str>,
    seconds: i32,
) -> anyhow::Result<aws_credential_types::Credentials> {
    let out = client
        .assume_role()
        .role_arn(role_arn)
        .role_session_name(SESSION_NAME)
        .set_external_id(external_id.map(String::from))
        .duration_seconds(seconds.clamp(900, 3600))
        .send()
        .await
        .map_err(|e| call_failed(ASSUME_ROLE, role_arn, e))?;
    let credentials = out
        .credentials()
        .ok_or_else(|| anyhow::anyhow!("AssumeRole on {role_arn} returned no credentials"))?;
    let expires = std::time::SystemTime::try_from(*credentials.expiration()).ok();
    Ok(aws_credential_types::Credentials::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        Some(credentials.session_token().to_string()),
        expires,
        "apigw-logs-assume-role",
    ))
}

#[cfg(test)]
mod sdk_tests {
    use super::*;
    use aws_sdk_sts::Client;
    use aws_sdk_sts::operation::assume_role::{AssumeRoleError, AssumeRoleOutput};
    use aws_smithy_mocks::{RuleMode, mock, mock_client};

    #[tokio::test]
    async fn the_role_is_assumed_with_the_tool_s_session_name_and_the_external_id() {
        let rule = mock!(Client::assume_role)
            .match_requests(|r| {
                r.role_arn() == Some("arn:aws:iam::222222222222:role/Audit")
                    && r.role_session_name() == Some("apigw-logs")
                    && r.external_id() == Some("ext-1")
                    && r.duration_seconds() == Some(3600)
            })
            .then_output(|| {
                let credentials = aws_sdk_sts::types::Credentials::builder()
                    .access_key_id("ASIAX")
                    .secret_access_key("secret")
                    .session_token("token")
                    .expiration(aws_smithy_types::DateTime::from_secs(4_000_000_000))
                    .build()
                    .unwrap();
                AssumeRoleOutput::builder().credentials(credentials).build()
            });
        let client = mock_client!(aws_sdk_sts, RuleMode::MatchAny, [&rule]);
        let credentials =
            assume_role(&client, "arn:aws:iam::222222222222:role/Audit", Some("ext-1"), 7200).await.unwrap();
        assert_eq!((credentials.access_key_id(), credentials.session_token()), ("ASIAX", Some("token")));
        assert!(credentials.expiry().is_some());
        assert_eq!(rule.num_calls(), 1);
    }

    #[tokio::test]
    async fn a_refusal_names_the_role_and_the_permission() {
        let rule = mock!(Client::assume_role).then_error(|| {
            AssumeRoleError::generic(
                aws_smithy_types::error::ErrorMetadata::builder()
                    .code("AccessDenied")
                    .message("User: arn:aws:iam::111111111111:user/me is not authorized to perform: sts:AssumeRole")
                    .build(),
            )
        });
        let client = mock_client!(aws_sdk_sts, RuleMode::MatchAny, [&rule]);
        let err = assume_role(&client, "arn:aws:iam::333333333333:role/Audit", None, 900).await.unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains("sts:AssumeRole on arn:aws:iam::333333333333:role/Audit failed: AccessDenied"),
            "{text}"
        );
    }
}
