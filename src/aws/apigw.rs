//! API Gateway (REST): the account's role, APIs, stages, resources.

use super::{Call, call_failed};
use crate::api::{Api, ApiKind};
use crate::logging::{AccessLog, MethodLogging, StageLogging};
use crate::patch::{PatchOp, PatchVerb};
use crate::settings::Level;
use aws_sdk_apigateway::error::ProvideErrorMetadata;
use aws_sdk_apigateway::error::SdkError;
use aws_sdk_apigateway::types::{Op, PatchOperation};
use std::time::Duration;

const GET_ACCOUNT: Call = Call { name: "apigateway:GetAccount", permission: "apigateway:GET" };
const UPDATE_ACCOUNT: Call =
    Call { name: "apigateway:UpdateAccount", permission: "apigateway:PATCH (and iam:PassRole on the role)" };
const GET_REST_APIS: Call = Call { name: "apigateway:GetRestApis", permission: "apigateway:GET" };
const GET_STAGES: Call = Call { name: "apigateway:GetStages", permission: "apigateway:GET" };
const GET_RESOURCES: Call = Call { name: "apigateway:GetResources", permission: "apigateway:GET" };
const UPDATE_STAGE: Call = Call { name: "apigateway:UpdateStage", permission: "apigateway:PATCH" };

/// The account's `cloudwatchRoleArn` in this region; `None` when unset.
pub async fn account_role(client: &aws_sdk_apigateway::Client) -> anyhow::Result<Option<String>> {
    let out = client.get_account().send().await.map_err(|e| call_failed(GET_ACCOUNT, "account", e))?;
    Ok(out.cloudwatch_role_arn().filter(|arn| !arn.is_empty()).map(str::to_string))
}

/// Whether an UpdateAccount BadRequestException is IAM still propagating a new role (or its
/// trust), which resolves by itself within seconds to a couple of minutes.
pub fn is_propagation_message(message: &str) -> bool {
    message.contains("does not have required permissions")
        || message.contains("could not successfully write to CloudWatch Logs")
}

/// How the propagation retry is going, for progress on stderr.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryNotice {
    pub attempt: u32,
    pub next_delay: Duration,
    pub elapsed: Duration,
    pub reason: String,
}

/// Sets (or with `None`, unsets) the account's role. Retries propagation errors and throttling
/// every `every` (UpdateAccount's quota is one call per 20 s, so a sooner retry would itself be
/// throttled) until `wait` has passed.
pub async fn set_account_role(
    client: &aws_sdk_apigateway::Client,
    role_arn: Option<&str>,
    wait: Duration,
    every: Duration,
    on_retry: &mut dyn FnMut(&RetryNotice),
) -> anyhow::Result<()> {
    let started = tokio::time::Instant::now();
    // This loop (not the SDK's own retries) spaces the calls, so that `wait` is honoured.
    let delay = every;
    let mut attempt = 1;
    loop {
        let result = client
            .update_account()
            .patch_operations(
                PatchOperation::builder()
                    .op(Op::Replace)
                    .path("/cloudwatchRoleArn")
                    .value(role_arn.unwrap_or_default())
                    .build(),
            )
            .customize()
            .config_override(
                aws_sdk_apigateway::config::Builder::default()
                    .retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(1)),
            )
            .send()
            .await;
        let err = match result {
            Ok(_) => return Ok(()),
            Err(err) => err,
        };
        let service_error = err.as_service_error();
        let throttled = service_error.is_some_and(|e| e.is_too_many_requests_exception());
        let bad_request = service_error.is_some_and(|e| e.is_bad_request_exception());
        let transient = matches!(err, SdkError::TimeoutError(_) | SdkError::DispatchFailure(_))
            || err.raw_response().is_some_and(|r| r.status().is_server_error());
        let retryable = throttled
            || transient
            || (bad_request && is_propagation_message(err.message().unwrap_or_default()));
        let elapsed = started.elapsed();
        if !retryable || elapsed + delay > wait {
            let mut failure = call_failed(UPDATE_ACCOUNT, "account", err);
            if retryable {
                failure = failure.context(format!(
                    "gave up after {} attempts in {}s (--wait {}s); IAM may need longer to propagate a new role: run the command again or raise --wait",
                    attempt,
                    elapsed.as_secs(),
                    wait.as_secs()
                ));
            }
            return Err(failure);
        }
        on_retry(&RetryNotice {
            attempt,
            next_delay: delay,
            elapsed,
            reason: err.message().unwrap_or("throttled").to_string(),
        });
        tokio::time::sleep(delay).await;
        attempt += 1;
    }
}

pub async fn rest_apis(client: &aws_sdk_apigateway::Client) -> anyhow::Result<Vec<Api>> {
    let mut apis = Vec::new();
    let mut pages = client.get_rest_apis().limit(500).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(GET_REST_APIS, "restapis", e))?;
        apis.extend(page.items().iter().map(|api| {
            Api {
                id: api.id().unwrap_or_default().to_string(),
                name: api.name().unwrap_or_default().to_string(),
                kind: ApiKind::Rest,
                created: api.created_date().map(|d| d.to_string().chars().take(10).collect()),
                tags: api
                    .tags()
                    .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                    .unwrap_or_default(),
            }
        }));
    }
    Ok(apis)
}

/// Every stage of the API, with its logging settings.
pub async fn stages(client: &aws_sdk_apigateway::Client, api_id: &str) -> anyhow::Result<Vec<StageLogging>> {
    let out = client
        .get_stages()
        .rest_api_id(api_id)
        .send()
        .await
        .map_err(|e| call_failed(GET_STAGES, &format!("restapis/{api_id}"), e))?;
    Ok(out.item().iter().map(stage_logging).collect())
}

fn stage_logging(stage: &aws_sdk_apigateway::types::Stage) -> StageLogging {
    let methods = stage
        .method_settings()
        .map(|settings| {
            settings
                .iter()
                .map(|(key, s)| {
                    let logging = MethodLogging {
                        level: Level::from_api(s.logging_level()),
                        data_trace: s.data_trace_enabled(),
                        metrics: s.metrics_enabled(),
                    };
                    (key.clone(), logging)
                })
                .collect()
        })
        .unwrap_or_default();
    let access =
        stage.access_log_settings().and_then(|a| AccessLog::from_settings(a.destination_arn(), a.format()));
    StageLogging {
        stage_name: stage.stage_name().unwrap_or_default().to_string(),
        kind: ApiKind::Rest,
        methods,
        access,
        throttling: Default::default(),
        deployment_id: stage.deployment_id().map(String::from),
        tags: stage
            .tags()
            .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default(),
        created: stage.created_date().and_then(super::utc),
        updated: stage.last_updated_date().and_then(super::utc),
    }
}

/// Resource paths and the HTTP methods defined on each.
pub async fn resources(
    client: &aws_sdk_apigateway::Client,
    api_id: &str,
) -> anyhow::Result<Vec<(String, Vec<String>)>> {
    let mut found = Vec::new();
    let mut pages = client.get_resources().rest_api_id(api_id).limit(500).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(GET_RESOURCES, &format!("restapis/{api_id}"), e))?;
        for resource in page.items() {
            let methods =
                resource.resource_methods().map(|m| m.keys().cloned().collect()).unwrap_or_default();
            found.push((resource.path().unwrap_or_default().to_string(), methods));
        }
    }
    Ok(found)
}

/// Every method's integration URI (`GET /pets/{id}` → URI), read with the resources in one
/// listing (`embed=methods`).
pub async fn integrations(
    client: &aws_sdk_apigateway::Client,
    api_id: &str,
) -> anyhow::Result<Vec<crate::trace::Integration>> {
    let mut found = Vec::new();
    let mut pages =
        client.get_resources().rest_api_id(api_id).limit(500).embed("methods").into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(GET_RESOURCES, &format!("restapis/{api_id}"), e))?;
        for resource in page.items() {
            let path = resource.path().unwrap_or_default();
            for (method, details) in resource.resource_methods().into_iter().flatten() {
                if let Some(uri) = details.method_integration().and_then(|i| i.uri()) {
                    found.push(crate::trace::Integration {
                        route: format!("{method} {path}"),
                        uri: uri.to_string(),
                    });
                }
            }
        }
    }
    Ok(found)
}

pub async fn update_stage(
    client: &aws_sdk_apigateway::Client,
    api_id: &str,
    stage: &str,
    ops: &[PatchOp],
) -> anyhow::Result<()> {
    let operations = ops
        .iter()
        .map(|op| {
            PatchOperation::builder()
                .op(match op.op {
                    PatchVerb::Replace => Op::Replace,
                    PatchVerb::Remove => Op::Remove,
                })
                .path(&op.path)
                .set_value(op.value.clone())
                .build()
        })
        .collect();
    client
        .update_stage()
        .rest_api_id(api_id)
        .stage_name(stage)
        .set_patch_operations(Some(operations))
        .send()
        .await
        .map_err(|e| call_failed(UPDATE_STAGE, &format!("restapis/{api_id}/stages/{stage}"), e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn propagation_errors_are_recognised_by_their_texts() {
        assert!(is_propagation_message("The role ARN does not have required permissions set to API Gateway"));
        assert!(is_propagation_message(
            "The role ARN does not have required permissions configured. Please grant trust permission for API Gateway and add the required role policy."
        ));
        assert!(is_propagation_message(
            "API Gateway could not successfully write to CloudWatch Logs using the ARN specified"
        ));
        assert!(!is_propagation_message("Invalid ARN specified in the request"));
    }
}

/// SDK-level tests: behaviour the emulator cannot produce (it never fails, never throttles).
#[cfg(test)]
mod sdk_tests {
    use super::*;
    use aws_sdk_apigateway::Client;
    use aws_sdk_apigateway::operation::get_account::GetAccountOutput;
    use aws_sdk_apigateway::operation::update_account::{UpdateAccountError, UpdateAccountOutput};
    use aws_sdk_apigateway::operation::update_stage::{UpdateStageError, UpdateStageOutput};
    use aws_sdk_apigateway::types::error::{BadRequestException, TooManyRequestsException};
    use aws_smithy_mocks::{RuleMode, mock, mock_client};
    use aws_smithy_types::error::ErrorMetadata;

    const ROLE: &str = "arn:aws:iam::123456789012:role/apigateway-cloudwatch-logs";
    const EVERY: Duration = Duration::from_secs(20);

    /// Errors as the SDK deserializes them: the code and message are in the metadata too.
    fn meta(code: &str, message: &str) -> ErrorMetadata {
        ErrorMetadata::builder().code(code).message(message).build()
    }

    fn propagation_error() -> UpdateAccountError {
        let message = "The role ARN does not have required permissions set to API Gateway";
        UpdateAccountError::BadRequestException(
            BadRequestException::builder()
                .message(message)
                .meta(meta("BadRequestException", message))
                .build(),
        )
    }

    #[tokio::test(start_paused = true)]
    async fn update_account_retries_propagation_errors_until_iam_catches_up() {
        let rule = mock!(Client::update_account)
            .match_requests(|req| {
                let op = &req.patch_operations()[0];
                op.path() == Some("/cloudwatchRoleArn") && op.value() == Some(ROLE)
            })
            .sequence()
            .error(propagation_error)
            .times(3)
            .output(|| UpdateAccountOutput::builder().cloudwatch_role_arn(ROLE).build())
            .build();
        let client = mock_client!(aws_sdk_apigateway, RuleMode::Sequential, [&rule]);
        let mut notices = Vec::new();
        let started = tokio::time::Instant::now();
        set_account_role(&client, Some(ROLE), Duration::from_secs(120), EVERY, &mut |n| {
            notices.push(n.clone())
        })
        .await
        .unwrap();
        assert_eq!(rule.num_calls(), 4);
        let delays: Vec<u64> = notices.iter().map(|n| n.next_delay.as_secs()).collect();
        assert_eq!(delays, [20, 20, 20], "spaced for the 1-per-20-s quota");
        assert_eq!(started.elapsed(), Duration::from_secs(60));
    }

    #[tokio::test(start_paused = true)]
    async fn update_account_gives_up_at_the_wait_bound_with_the_fix() {
        let rule = mock!(Client::update_account).then_error(propagation_error);
        let client = mock_client!(aws_sdk_apigateway, RuleMode::MatchAny, [&rule]);
        let started = tokio::time::Instant::now();
        let err = set_account_role(&client, Some(ROLE), Duration::from_secs(30), EVERY, &mut |_| {})
            .await
            .unwrap_err();
        assert!(started.elapsed() <= Duration::from_secs(30), "stays within --wait");
        let text = format!("{err:#}");
        assert!(text.contains("raise --wait"), "{text}");
        assert!(text.contains("apigateway:UpdateAccount on account failed"), "{text}");
        assert_eq!(crate::error::exit_code(&err), crate::error::Exit::AwsFailure);
        assert_eq!(rule.num_calls(), 2, "attempts at 0 and 20 s; the next would pass 30 s");
    }

    #[tokio::test(start_paused = true)]
    async fn other_bad_requests_are_not_retried() {
        let rule = mock!(Client::update_account).then_error(|| {
            UpdateAccountError::BadRequestException(
                BadRequestException::builder()
                    .message("Invalid ARN")
                    .meta(meta("BadRequestException", "Invalid ARN"))
                    .build(),
            )
        });
        let client = mock_client!(aws_sdk_apigateway, RuleMode::MatchAny, [&rule]);
        assert!(
            set_account_role(&client, Some(ROLE), Duration::from_secs(120), EVERY, &mut |_| {})
                .await
                .is_err()
        );
        assert_eq!(rule.num_calls(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn unset_sends_an_empty_role() {
        let rule = mock!(Client::update_account)
            .match_requests(|req| req.patch_operations()[0].value() == Some(""))
            .then_output(|| UpdateAccountOutput::builder().build());
        let client = mock_client!(aws_sdk_apigateway, RuleMode::Sequential, [&rule]);
        set_account_role(&client, None, Duration::ZERO, EVERY, &mut |_| {}).await.unwrap();
        assert_eq!(rule.num_calls(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn throttled_reads_are_retried_by_the_sdk() {
        let rule = mock!(Client::get_account)
            .sequence()
            .error(|| {
                aws_sdk_apigateway::operation::get_account::GetAccountError::TooManyRequestsException(
                    TooManyRequestsException::builder()
                        .message("Too Many Requests")
                        .meta(meta("TooManyRequestsException", "Too Many Requests"))
                        .build(),
                )
            })
            .times(2)
            .output(|| GetAccountOutput::builder().cloudwatch_role_arn(ROLE).build())
            .build();
        let client = mock_client!(aws_sdk_apigateway, RuleMode::Sequential, [&rule], |config| {
            config.retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(5))
        });
        assert_eq!(account_role(&client).await.unwrap().as_deref(), Some(ROLE));
        assert_eq!(rule.num_calls(), 3);
    }

    #[tokio::test]
    async fn update_stage_sends_exactly_the_planned_operations_and_maps_access_denied() {
        let ops = vec![
            PatchOp::replace("/~1pets/GET/logging/loglevel", "ERROR"),
            PatchOp::remove("/accessLogSettings"),
        ];
        let ok = mock!(Client::update_stage)
            .match_requests(|req| {
                let sent: Vec<(String, Option<String>, Option<String>)> = req
                    .patch_operations()
                    .iter()
                    .map(|o| {
                        (
                            o.op().unwrap().as_str().to_string(),
                            o.path().map(Into::into),
                            o.value().map(Into::into),
                        )
                    })
                    .collect();
                req.rest_api_id() == Some("a1")
                    && req.stage_name() == Some("prod")
                    && sent
                        == [
                            (
                                "replace".into(),
                                Some("/~1pets/GET/logging/loglevel".into()),
                                Some("ERROR".into()),
                            ),
                            ("remove".into(), Some("/accessLogSettings".into()), None),
                        ]
            })
            .then_output(|| UpdateStageOutput::builder().build());
        let denied = mock!(Client::update_stage).then_error(|| {
            UpdateStageError::generic(meta("AccessDeniedException", "User is not authorized"))
        });
        let client = mock_client!(aws_sdk_apigateway, RuleMode::Sequential, [&ok, &denied]);
        update_stage(&client, "a1", "prod", &ops).await.unwrap();
        let err = update_stage(&client, "a1", "prod", &ops).await.unwrap_err();
        assert_eq!(
            format!("{err:#}"),
            "apigateway:UpdateStage on restapis/a1/stages/prod failed: AccessDeniedException: User is not authorized"
        );
        let hint = crate::error::hint(&err).unwrap();
        assert!(hint.contains("apigateway:PATCH on restapis/a1/stages/prod"), "{hint}");
    }
}
