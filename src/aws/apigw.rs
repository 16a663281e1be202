//! API Gateway (REST): the account's role, APIs, stages, resources.

use super::{Call, call_failed};
use crate::logging::{AccessLog, MethodLogging, StageLogging};
use crate::plan::{PatchOp, PatchVerb};
use crate::settings::Level;
use aws_sdk_apigateway::error::ProvideErrorMetadata;
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

/// Whether an UpdateAccount failure is IAM still propagating a new role (or its trust), which
/// resolves by itself within seconds to a couple of minutes.
pub fn is_propagation_error(code: Option<&str>, message: &str) -> bool {
    code == Some("BadRequestException")
        && (message.contains("does not have required permissions")
            || message.contains("could not successfully write to CloudWatch Logs"))
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
/// (UpdateAccount is limited to one call per 20 s) with backoff until `wait` has passed.
pub async fn set_account_role(
    client: &aws_sdk_apigateway::Client,
    role_arn: Option<&str>,
    wait: Duration,
    on_retry: &mut dyn FnMut(&RetryNotice),
) -> anyhow::Result<()> {
    let started = tokio::time::Instant::now();
    let mut delay = Duration::from_secs(2);
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
            .send()
            .await;
        let err = match result {
            Ok(_) => return Ok(()),
            Err(err) => err,
        };
        let retryable = is_propagation_error(err.code(), err.message().unwrap_or_default())
            || err.code() == Some("TooManyRequestsException");
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
        delay = (delay * 2).min(Duration::from_secs(20));
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RestApi {
    pub id: String,
    pub name: String,
}

pub async fn rest_apis(client: &aws_sdk_apigateway::Client) -> anyhow::Result<Vec<RestApi>> {
    let mut apis = Vec::new();
    let mut pages = client.get_rest_apis().limit(500).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(GET_REST_APIS, "restapis", e))?;
        apis.extend(page.items().iter().map(|api| RestApi {
            id: api.id().unwrap_or_default().to_string(),
            name: api.name().unwrap_or_default().to_string(),
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
    let access = stage.access_log_settings().and_then(|a| {
        Some(AccessLog {
            destination_arn: a.destination_arn().filter(|d| !d.is_empty())?.to_string(),
            format: a.format().unwrap_or_default().to_string(),
        })
    });
    StageLogging { stage_name: stage.stage_name().unwrap_or_default().to_string(), methods, access }
}

/// Resource paths and the HTTP methods defined on each.
pub async fn resources(client: &aws_sdk_apigateway::Client, api_id: &str) -> anyhow::Result<Vec<(String, Vec<String>)>> {
    let mut found = Vec::new();
    let mut pages = client.get_resources().rest_api_id(api_id).limit(500).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(GET_RESOURCES, &format!("restapis/{api_id}"), e))?;
        for resource in page.items() {
            let methods = resource.resource_methods().map(|m| m.keys().cloned().collect()).unwrap_or_default();
            found.push((resource.path().unwrap_or_default().to_string(), methods));
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
        let bad = Some("BadRequestException");
        assert!(is_propagation_error(bad, "The role ARN does not have required permissions set to API Gateway"));
        assert!(is_propagation_error(
            bad,
            "The role ARN does not have required permissions configured. Please grant trust permission for API Gateway and add the required role policy."
        ));
        assert!(is_propagation_error(bad, "API Gateway could not successfully write to CloudWatch Logs using the ARN specified"));
        assert!(!is_propagation_error(bad, "Invalid ARN specified in the request"));
        assert!(!is_propagation_error(Some("AccessDeniedException"), "does not have required permissions"));
    }
}
