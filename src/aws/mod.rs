//! AWS access: client construction and thin per-service functions that take a client, so tests can
//! pass a mocked one. Every failed call becomes an [`AwsCallError`] naming the operation, the
//! resource and, when known, the fix.

pub mod apigw;
pub mod apigw2;
pub mod cloudformation;
pub mod cloudwatch;
pub mod firehose;
pub mod iam;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod orgs;
pub mod pacing;
pub mod reads;
pub mod scheduler;
pub mod sts;

use crate::api::{Api, ApiKind};
use crate::error::AwsCallError;
use crate::logging::StageLogging;
use aws_config::BehaviorVersion;
use aws_config::meta::region::RegionProviderChain;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::collections::HashMap;
use std::time::Duration;

/// Every stage of the API (one GetStages), with its logging settings.
pub async fn stages(clients: &Clients, api: &Api) -> anyhow::Result<Vec<StageLogging>> {
    match api.kind {
        ApiKind::Rest => apigw::stages(&clients.apigw, &api.id).await,
        _ => apigw2::stages(&clients.apigw2, api).await,
    }
}

/// An AWS timestamp as a UTC time.
pub fn utc(time: &aws_smithy_types::DateTime) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp(time.secs(), time.subsec_nanos())
}

/// Connection settings from the global flags.
#[derive(Clone, Debug, Default)]
pub struct AwsOptions {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// Per-call timeout (each attempt); retries come on top.
    pub call_timeout: Duration,
    pub max_attempts: u32,
    /// Shared by every client of the process, so all regions' work is paced together.
    pub pacer: std::sync::Arc<pacing::Pacer>,
    /// Credentials of another account (an assumed role) instead of the caller's chain.
    pub credentials: Option<aws_credential_types::provider::SharedCredentialsProvider>,
}

/// One client per service, all for the same region and credentials.
#[derive(Clone, Debug)]
pub struct Clients {
    pub region: String,
    pub apigw: aws_sdk_apigateway::Client,
    /// HTTP and WebSocket APIs.
    pub apigw2: aws_sdk_apigatewayv2::Client,
    pub iam: aws_sdk_iam::Client,
    pub logs: aws_sdk_cloudwatchlogs::Client,
    /// CloudWatch metrics: traffic and ingested bytes for cost estimates.
    pub cw: aws_sdk_cloudwatch::Client,
    pub sts: aws_sdk_sts::Client,
    /// Debug sessions' revert schedules.
    pub scheduler: aws_sdk_scheduler::Client,
    /// Who owns a stage (read only).
    pub cfn: aws_sdk_cloudformation::Client,
    /// Lambda integrations' log groups (read only).
    pub lambda: aws_sdk_lambda::Client,
    /// Why a destination is silent: key policies and delivery streams (read only).
    pub kms: aws_sdk_kms::Client,
    pub firehose: aws_sdk_firehose::Client,
    /// Region-wide reads, made once and shared (see [`reads`]).
    reads: std::sync::Arc<reads::RegionReads>,
    /// The names of the region's REST APIs, once a command has listed them (cost estimates tell
    /// APIs whose metrics share a name).
    pub rest_api_names: std::sync::Arc<std::sync::OnceLock<Vec<String>>>,
    /// Owner look-ups (DescribeStackResources by API id) started while the stages were read.
    pub stack_lookups: std::sync::Arc<std::sync::Mutex<HashMap<String, StackLookup>>>,
}

pub type StackLookup = tokio::task::JoinHandle<anyhow::Result<Option<cloudformation::Stack>>>;

impl Clients {
    /// Starts looking up the stack of API `id` in the background, for [`Clients::stack_of`].
    pub fn start_stack_lookup(&self, id: &str) {
        let client = self.cfn.clone();
        let api = id.to_string();
        let lookup = tokio::spawn(async move { cloudformation::stack_of(&client, &api).await });
        self.stack_lookups.lock().expect("stack lookups lock").insert(id.to_string(), lookup);
    }

    /// The stack of API `id`: from a look-up started earlier, else asked now.
    pub async fn stack_of(&self, id: &str) -> anyhow::Result<Option<cloudformation::Stack>> {
        let started = self.stack_lookups.lock().expect("stack lookups lock").remove(id);
        match started {
            Some(lookup) => lookup.await?,
            None => cloudformation::stack_of(&self.cfn, id).await,
        }
    }

    pub async fn connect(options: &AwsOptions) -> anyhow::Result<Clients> {
        Ok(Clients::from_config(&sdk_config(options).await?))
    }

    pub fn from_config(config: &aws_config::SdkConfig) -> Clients {
        // Owner look-ups are best effort (a failure leaves the owner unknown, with a warning):
        // an endpoint that keeps answering 5xx to them (LocalStack's DescribeStackResources by
        // physical id) must not hold every plan for the full retry budget.
        const OWNER_LOOKUP_ATTEMPTS: u32 = 2;
        Clients {
            region: config.region().map(|r| r.to_string()).unwrap_or_default(),
            apigw: aws_sdk_apigateway::Client::new(config),
            apigw2: aws_sdk_apigatewayv2::Client::new(config),
            iam: aws_sdk_iam::Client::new(config),
            logs: aws_sdk_cloudwatchlogs::Client::new(config),
            cw: aws_sdk_cloudwatch::Client::new(config),
            sts: aws_sdk_sts::Client::new(config),
            scheduler: aws_sdk_scheduler::Client::new(config),
            lambda: aws_sdk_lambda::Client::new(config),
            kms: aws_sdk_kms::Client::new(config),
            firehose: aws_sdk_firehose::Client::new(config),
            cfn: aws_sdk_cloudformation::Client::from_conf(
                aws_sdk_cloudformation::config::Builder::from(config)
                    .retry_config(
                        config
                            .retry_config()
                            .cloned()
                            .unwrap_or_else(aws_config::retry::RetryConfig::standard)
                            .with_max_attempts(OWNER_LOOKUP_ATTEMPTS),
                    )
                    .build(),
            ),
            reads: Default::default(),
            rest_api_names: Default::default(),
            stack_lookups: Default::default(),
        }
    }
}

/// The SDK configuration every client of one region (and account) is built from.
pub async fn sdk_config(options: &AwsOptions) -> anyhow::Result<aws_config::SdkConfig> {
    if options.endpoint_url.is_none() {
        check_endpoint_variables(std::env::vars_os())?;
    }
    let region = resolve_region(options).await?;
    // A short, single-attempt metadata-service probe: without credentials the tool must fail
    // in well under two seconds instead of waiting on an address that never answers.
    let imds = aws_config::imds::Client::builder()
        .max_attempts(1)
        .connect_timeout(Duration::from_millis(300))
        .read_timeout(Duration::from_millis(300))
        .build();
    let mut credentials = aws_config::default_provider::credentials::DefaultCredentialsChain::builder()
        .region(region.clone())
        .imds_client(imds);
    if let Some(profile) = &options.profile {
        credentials = credentials.profile_name(profile);
    }
    let credentials: aws_credential_types::provider::SharedCredentialsProvider = match &options.credentials {
        Some(assumed) => aws_credential_types::provider::SharedCredentialsProvider::new(assumed.clone()),
        None => aws_credential_types::provider::SharedCredentialsProvider::new(credentials.build().await),
    };
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .region(region.clone())
        .credentials_provider(credentials)
        // The paced client keeps calls under AWS's quotas and absorbs throttling itself, so
        // the SDK's standard retries (and their retry budget) are left to transient faults.
        .http_client(pacing::PacedHttpClient {
            inner: default_https_client(),
            pacer: options.pacer.clone(),
            call_timeout: options.call_timeout,
        })
        .retry_config(RetryConfig::standard().with_max_attempts(options.max_attempts.max(1)))
        // Its upload check would count a call waiting for its quota slot as a stalled
        // stream; every body here is small, and --call-timeout bounds each exchange.
        .stalled_stream_protection(
            aws_config::stalled_stream_protection::StalledStreamProtectionConfig::disabled(),
        )
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(Duration::from_secs(5).min(options.call_timeout))
                .build(),
        );
    if let Some(profile) = &options.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(url) = &options.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    Ok(loader.load().await)
}

/// `AWS_ENDPOINT_URL` and its per-service forms (`AWS_ENDPOINT_URL_API_GATEWAY`, ...), which the
/// SDK reads itself, get the check `--endpoint-url` gets from clap.
fn check_endpoint_variables(
    variables: impl Iterator<Item = (std::ffi::OsString, std::ffi::OsString)>,
) -> anyhow::Result<()> {
    for (name, value) in variables {
        let Some(name) = name.to_str().filter(|n| n.starts_with("AWS_ENDPOINT_URL")) else {
            continue;
        };
        let value = value.to_string_lossy();
        crate::arn::validate_endpoint_url(&value).map_err(|why| {
            crate::error::usage_hint(format!("{name}: {why}"), format!("correct {name} or unset it"))
        })?;
    }
    Ok(())
}

/// The SDK's default HTTPS client (rustls with aws-lc, proxy settings from the environment),
/// built here so that the paced client can wrap it.
fn default_https_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    use aws_smithy_http_client::{Builder, ConnectorBuilder, proxy::ProxyConfig, tls};
    Builder::new().build_with_connector_fn(|settings, components| {
        let mut connector = ConnectorBuilder::default()
            .tls_provider(tls::Provider::Rustls(tls::rustls_provider::CryptoMode::AwsLc));
        connector.set_connector_settings(settings.cloned());
        if let Some(components) = components {
            connector.set_sleep_impl(components.sleep_impl());
        }
        connector.set_proxy_config(Some(ProxyConfig::from_env()));
        connector.build()
    })
}

/// Region from the flag, the environment or the profile; never from the metadata service, so a
/// missing region is reported at once instead of after a multi-second probe.
pub async fn resolve_region(options: &AwsOptions) -> anyhow::Result<aws_config::Region> {
    if let Some(region) = &options.region {
        return Ok(aws_config::Region::new(region.clone()));
    }
    let mut profile = aws_config::profile::ProfileFileRegionProvider::builder();
    if let Some(name) = &options.profile {
        profile = profile.profile_name(name);
    }
    let chain =
        RegionProviderChain::first_try(aws_config::environment::EnvironmentVariableRegionProvider::new())
            .or_else(profile.build());
    let region = chain.region().await.ok_or_else(|| {
        crate::error::usage_hint(
            "no AWS region is configured",
            "pass --region REGION, set AWS_REGION, or set region in your AWS profile",
        )
    })?;
    // A region from the environment or the profile gets the check `--region` gets from clap.
    crate::arn::validate_region(region.as_ref()).map_err(|why| {
        crate::error::usage(format!("the configured region (AWS_REGION or the profile's region): {why}"))
    })?;
    Ok(region)
}

/// An AWS operation and the IAM permission it needs (named when access is denied).
#[derive(Clone, Copy, Debug)]
pub struct Call {
    pub name: &'static str,
    pub permission: &'static str,
}

/// Whether a failed call says this caller cannot use the service at all here: access denied
/// (an IAM policy that allows only part of API Gateway), or 501 Not Implemented (an emulator
/// without the service, e.g. LocalStack community and API Gateway v2).
pub fn service_unavailable(err: &anyhow::Error) -> bool {
    err.chain().filter_map(|e| e.downcast_ref::<AwsCallError>()).any(|e| {
        e.status == Some(501) || matches!(e.code.as_deref(), Some("AccessDenied" | "AccessDeniedException"))
    })
}

/// The AWS error code behind a failed call, if any.
pub fn error_code(err: &anyhow::Error) -> Option<&str> {
    err.chain().filter_map(|e| e.downcast_ref::<AwsCallError>()).find_map(|e| e.code.as_deref())
}

/// Converts an SDK error into an [`AwsCallError`].
pub fn call_failed<E>(call: Call, resource: &str, err: SdkError<E, HttpResponse>) -> anyhow::Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let code = err.code().map(str::to_string);
    let status = err.raw_response().map(|r| r.status().as_u16());
    // The SDK's own rendering (with the raw response and its body) is for `-vv` only.
    tracing::debug!("{} on {resource}: {}", call.name, DisplayErrorContext(&err));
    let detail = match (&code, err.message(), status) {
        (Some(code), Some(message), _) => format!("{code}: {message}"),
        (Some(code), None, _) => code.clone(),
        (None, Some(message), _) => message.to_string(),
        // An answer without an AWS error in it: an HTML page, a proxy's or a wrong endpoint's.
        (None, None, Some(status)) if matches!(err, SdkError::ServiceError(_)) => {
            format!("HTTP {status}: not an AWS API response: check --endpoint-url")
        }
        // Dispatch failures, timeouts: the useful text is deep in the source chain.
        _ => causes(&err),
    };
    let hint = explain(code.as_deref(), &detail, call, resource);
    AwsCallError { call: call.name, resource: resource.to_string(), code, status, detail, hint }.into()
}

/// Each error of the chain by its `Display`, `: `-separated, repeats dropped (never the `Debug`
/// form `DisplayErrorContext` adds, which dumps the SDK's internals).
pub(crate) fn causes(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(err);
    while let Some(e) = next {
        let text = e.to_string();
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = e.source();
    }
    parts.join(": ")
}

/// The fix for well-known failures.
pub fn explain(code: Option<&str>, detail: &str, call: Call, resource: &str) -> Option<String> {
    match code {
        Some("AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation") => Some(format!(
            "the caller lacks the IAM permission {} on {resource}; grant it (docs/reference/iam-permissions.md lists them)",
            call.permission
        )),
        Some("TooManyRequestsException" | "ThrottlingException" | "Throttling" | "ThrottledException") => {
            Some("AWS kept throttling after retries; wait a minute and run the command again (it resumes where it stopped)".into())
        }
        Some(
            "ExpiredToken" | "ExpiredTokenException" | "UnrecognizedClientException" | "InvalidClientTokenId"
            | "InvalidSignatureException" | "SignatureDoesNotMatch",
        ) => Some("AWS rejected the credentials; refresh them (e.g. aws sso login) or check --profile".into()),
        Some("BadRequestException") if detail.contains("role ARN must be set") => Some(
            "the region's API Gateway account has no CloudWatch Logs role: run `apigw-logs enable` or `apigw-logs account set-role`".into(),
        ),
        Some("NoSuchEntity") if detail.contains("Policy ") => Some(
            "the AWS managed policy is not available to this account (an AWS emulator must load managed policies, e.g. moto with MOTO_IAM_LOAD_MANAGED_POLICIES=true)".into(),
        ),
        Some("NotFoundException" | "ResourceNotFoundException" | "NoSuchEntity") => {
            Some(format!("{resource} no longer exists (deleted meanwhile?); run the command again to re-plan"))
        }
        None if detail.contains("credentials") => Some(
            "no usable AWS credentials: use --profile, set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY".into(),
        ),
        None if detail.contains("timeout") || detail.contains("timed out") => {
            Some("the call timed out; check the network or raise --timeout".into())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CALL: Call = Call { name: "apigateway:UpdateStage", permission: "apigateway:PATCH" };

    #[test]
    fn endpoint_variables_are_checked_by_name() {
        let vars = |pairs: &[(&str, &str)]| {
            pairs.iter().map(|(k, v)| (k.into(), v.into())).collect::<Vec<_>>().into_iter()
        };
        assert!(
            check_endpoint_variables(vars(&[("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), ("PATH", "x")]))
                .is_ok()
        );
        let err = check_endpoint_variables(vars(&[("AWS_ENDPOINT_URL_IAM", "notaurl")])).unwrap_err();
        assert_eq!(crate::error::exit_code(&err), crate::error::Exit::Usage);
        assert!(format!("{err}").starts_with("AWS_ENDPOINT_URL_IAM: 'notaurl' is not a URL"), "{err}");
    }

    #[test]
    fn access_denied_names_the_permission() {
        let hint = explain(Some("AccessDeniedException"), "", CALL, "restapis/a/stages/b").unwrap();
        assert!(hint.contains("apigateway:PATCH on restapis/a/stages/b"), "{hint}");
    }

    #[test]
    fn missing_credentials_and_throttling_are_explained() {
        let hint = explain(None, "dispatch failure: no credentials in chain", CALL, "x").unwrap();
        assert!(hint.contains("--profile"));
        assert!(explain(Some("TooManyRequestsException"), "", CALL, "x").unwrap().contains("throttling"));
        assert!(explain(Some("ExpiredToken"), "", CALL, "x").unwrap().contains("credentials"));
        assert!(explain(Some("NotFoundException"), "", CALL, "x").unwrap().contains("no longer exists"));
        let policy = "Policy arn:aws:iam::aws:policy/x does not exist or is not attachable.";
        assert!(explain(Some("NoSuchEntity"), policy, CALL, "x").unwrap().contains("managed policy"));
        assert_eq!(explain(Some("ConflictException"), "", CALL, "x"), None);
    }
}
