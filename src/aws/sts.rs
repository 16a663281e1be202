//! Who the caller is: the account (for ARNs and trust conditions) and the partition.

use super::{Call, call_failed};
use aws_config::sts::AssumeRoleProvider;
use aws_credential_types::Credentials;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider, future};
use aws_smithy_types::error::display::DisplayErrorContext;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub account: String,
    pub partition: String,
}

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

/// A credentials provider for `role_arn`, through aws-config's assume-role provider (built on
/// `base`: the caller's credentials, endpoint and paced HTTP client), with sessions of `session`
/// (900 s to 1 h, the most every role allows). The first credentials are fetched now, so a role
/// that cannot be assumed is reported at once, for its account; the provider renews them later.
pub async fn assumed_role(
    base: &aws_config::SdkConfig,
    role_arn: &str,
    external_id: Option<&str>,
    session: std::time::Duration,
) -> anyhow::Result<SharedCredentialsProvider> {
    let session = session.clamp(std::time::Duration::from_secs(900), std::time::Duration::from_secs(3600));
    let mut builder = AssumeRoleProvider::builder(role_arn)
        .session_name(SESSION_NAME)
        .session_length(session)
        .configure(base);
    if let Some(id) = external_id {
        builder = builder.external_id(id);
    }
    let provider = builder.build().await;
    let first = provider.provide_credentials().await.map_err(|e| {
        tracing::debug!("sts:AssumeRole on {role_arn}: {}", DisplayErrorContext(&e));
        anyhow::anyhow!("sts:AssumeRole on {role_arn} failed: {}", super::causes(&e))
    })?;
    Ok(SharedCredentialsProvider::new(Prefetched { first: std::sync::Mutex::new(Some(first)), provider }))
}

/// Hands out the credentials fetched up front once, then asks the provider: one AssumeRole per
/// account and session instead of two.
#[derive(Debug)]
struct Prefetched {
    first: std::sync::Mutex<Option<Credentials>>,
    provider: AssumeRoleProvider,
}

impl ProvideCredentials for Prefetched {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        match self.first.lock().expect("credentials lock").take() {
            Some(first) => future::ProvideCredentials::ready(Ok(first)),
            None => self.provider.provide_credentials(),
        }
    }
}

#[cfg(test)]
mod sdk_tests {
    use super::*;
    use aws_smithy_http_client::test_util::{ReplayEvent, StaticReplayClient};
    use aws_smithy_types::body::SdkBody;

    fn response(status: u16, body: &str) -> http::Response<SdkBody> {
        http::Response::builder().status(status).body(SdkBody::from(body.to_string())).unwrap()
    }

    fn request() -> http::Request<SdkBody> {
        http::Request::builder().uri("https://example.com").body(SdkBody::empty()).unwrap()
    }

    async fn base(http: StaticReplayClient) -> aws_config::SdkConfig {
        aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("eu-west-1"))
            .credentials_provider(Credentials::for_tests())
            .http_client(http)
            .load()
            .await
    }

    const ASSUMED: &str = r#"<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::222222222222:assumed-role/Audit/apigw-logs</Arn><AssumedRoleId>AROA:apigw-logs</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>"#;

    /// The chain: the caller's credentials sign AssumeRole (with the tool's session name and the
    /// external id), and the assumed credentials sign the account's calls; one AssumeRole only.
    #[tokio::test]
    async fn the_assumed_role_signs_the_account_s_calls() {
        let http = StaticReplayClient::new(vec![
            ReplayEvent::new(request(), response(200, ASSUMED)),
            ReplayEvent::new(
                request(),
                response(200, r#"{"cloudwatchRoleArn":"arn:aws:iam::222222222222:role/r"}"#),
            ),
        ]);
        let base = base(http.clone()).await;
        let role = "arn:aws:iam::222222222222:role/Audit";
        let credentials =
            assumed_role(&base, role, Some("team-42"), std::time::Duration::from_secs(7200)).await.unwrap();
        let member = base.to_builder().credentials_provider(credentials).build();
        let account = aws_sdk_apigateway::Client::new(&member).get_account().send().await.unwrap();
        assert_eq!(account.cloudwatch_role_arn(), Some("arn:aws:iam::222222222222:role/r"));

        let requests: Vec<_> = http.actual_requests().collect();
        assert_eq!(requests.len(), 2, "one AssumeRole, then the call");
        let body = std::str::from_utf8(requests[0].body().bytes().unwrap()).unwrap();
        for part in
            ["Action=AssumeRole", "RoleSessionName=apigw-logs", "ExternalId=team-42", "DurationSeconds=3600"]
        {
            assert!(body.contains(part), "{body}");
        }
        assert!(body.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FAudit"), "{body}");
        let signed_by = |i: usize| requests[i].headers().get("authorization").unwrap_or_default().to_string();
        assert!(
            signed_by(0).contains("Credential=ANOTREAL/"),
            "the caller signs AssumeRole: {}",
            signed_by(0)
        );
        assert!(
            signed_by(1).contains("Credential=ASIAASSUMED/"),
            "the role signs the call: {}",
            signed_by(1)
        );
    }

    #[tokio::test]
    async fn a_refused_role_is_reported_with_aws_s_answer() {
        let denied = r#"<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::111111111111:user/me is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/Audit</Message></Error><RequestId>r</RequestId></ErrorResponse>"#;
        let http = StaticReplayClient::new(vec![ReplayEvent::new(request(), response(403, denied))]);
        let err = assumed_role(
            &base(http).await,
            "arn:aws:iam::333333333333:role/Audit",
            None,
            std::time::Duration::ZERO,
        )
        .await
        .unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains("sts:AssumeRole on arn:aws:iam::333333333333:role/Audit failed"), "{text}");
        assert!(text.contains("AccessDenied") && text.contains("not authorized"), "{text}");
    }
}
