//! CloudWatch Logs: access log groups and their retention.

use super::{Call, call_failed};
use aws_sdk_cloudwatchlogs::error::ProvideErrorMetadata;

const DESCRIBE: Call = Call { name: "logs:DescribeLogGroups", permission: "logs:DescribeLogGroups" };
const CREATE: Call = Call { name: "logs:CreateLogGroup", permission: "logs:CreateLogGroup" };
const RETENTION: Call = Call { name: "logs:PutRetentionPolicy", permission: "logs:PutRetentionPolicy" };
const FILTER: Call = Call { name: "logs:FilterLogEvents", permission: "logs:FilterLogEvents" };
const DELETE: Call = Call { name: "logs:DeleteLogGroup", permission: "logs:DeleteLogGroup" };
const DESCRIBE_STREAMS: Call =
    Call { name: "logs:DescribeLogStreams", permission: "logs:DescribeLogStreams" };

/// The prefix of the group names API Gateway (and this tool, by default) gives log groups.
/// The prefixes of API Gateway's default group names: REST execution and our access groups, and
/// WebSocket execution groups.
pub const DEFAULT_GROUP_PREFIXES: [&str; 2] = ["API-Gateway-", "/aws/apigateway/"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogGroup {
    pub name: String,
    /// `None`: events never expire.
    pub retention_days: Option<i32>,
}

/// The log group with exactly this name, if it exists.
pub async fn find_log_group(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
) -> anyhow::Result<Option<LogGroup>> {
    let mut pages = client.describe_log_groups().log_group_name_prefix(name).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(DESCRIBE, &format!("log group {name}"), e))?;
        if let Some(group) = page.log_groups().iter().find(|g| g.log_group_name() == Some(name)) {
            return Ok(Some(LogGroup { name: name.to_string(), retention_days: group.retention_in_days() }));
        }
    }
    Ok(None)
}

/// Every log group whose name starts with `prefix` (one paginated listing).
pub async fn log_groups_with_prefix(
    client: &aws_sdk_cloudwatchlogs::Client,
    prefix: &str,
) -> anyhow::Result<Vec<LogGroup>> {
    let mut groups = Vec::new();
    let mut pages = client.describe_log_groups().log_group_name_prefix(prefix).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(DESCRIBE, &format!("log groups {prefix}*"), e))?;
        groups.extend(page.log_groups().iter().filter_map(|g| {
            Some(LogGroup { name: g.log_group_name()?.to_string(), retention_days: g.retention_in_days() })
        }));
    }
    Ok(groups)
}

/// Every event of the group from `start_millis` on (all streams, all pages) matching `pattern`;
/// `None` when the group does not exist.
pub async fn filter_events(
    client: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    start_millis: i64,
    pattern: Option<&str>,
) -> anyhow::Result<Option<Vec<crate::tail::Event>>> {
    let mut events = Vec::new();
    let request = client
        .filter_log_events()
        .log_group_name(group)
        .start_time(start_millis)
        .set_filter_pattern(pattern.map(String::from));
    let mut pages = request.into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = match page {
            Ok(page) => page,
            Err(e) if e.code() == Some("ResourceNotFoundException") => return Ok(None),
            Err(e) => return Err(call_failed(FILTER, &format!("log group {group}"), e)),
        };
        events.extend(page.events().iter().map(|e| crate::tail::Event {
            id: e.event_id().unwrap_or_default().to_string(),
            timestamp_millis: e.timestamp().unwrap_or_default(),
            message: e.message().unwrap_or_default().to_string(),
        }));
    }
    Ok(Some(events))
}

/// Creates the group; one created meanwhile by someone else counts as success.
pub async fn create_log_group(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
    kms_key_id: Option<&str>,
    tags: &std::collections::BTreeMap<String, String>,
) -> anyhow::Result<()> {
    let request = client
        .create_log_group()
        .log_group_name(name)
        .set_kms_key_id(kms_key_id.map(String::from))
        .set_tags((!tags.is_empty()).then(|| tags.clone().into_iter().collect()));
    match request.send().await {
        Ok(_) => Ok(()),
        Err(e) if e.code() == Some("ResourceAlreadyExistsException") => Ok(()),
        Err(e) => Err(call_failed(CREATE, &format!("log group {name}"), e)),
    }
}

pub async fn put_retention(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
    days: i32,
) -> anyhow::Result<()> {
    client
        .put_retention_policy()
        .log_group_name(name)
        .retention_in_days(days)
        .send()
        .await
        .map_err(|e| call_failed(RETENTION, &format!("log group {name}"), e))?;
    Ok(())
}

/// Whether the group has any log stream, i.e. may hold events (an empty stream counts too, which
/// errs on the side of keeping the group).
pub async fn has_log_streams(client: &aws_sdk_cloudwatchlogs::Client, name: &str) -> anyhow::Result<bool> {
    let out = client
        .describe_log_streams()
        .log_group_name(name)
        .limit(1)
        .send()
        .await
        .map_err(|e| call_failed(DESCRIBE_STREAMS, &format!("log group {name}"), e))?;
    Ok(!out.log_streams().is_empty())
}

pub async fn delete_log_group(client: &aws_sdk_cloudwatchlogs::Client, name: &str) -> anyhow::Result<()> {
    match client.delete_log_group().log_group_name(name).send().await {
        Ok(_) => Ok(()),
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(()),
        Err(e) => Err(call_failed(DELETE, &format!("log group {name}"), e)),
    }
}

#[cfg(test)]
mod sdk_tests {
    use super::*;
    use aws_sdk_cloudwatchlogs::Client;
    use aws_sdk_cloudwatchlogs::operation::create_log_group::CreateLogGroupError;
    use aws_sdk_cloudwatchlogs::operation::filter_log_events::FilterLogEventsError;
    use aws_sdk_cloudwatchlogs::types::error::{ResourceAlreadyExistsException, ResourceNotFoundException};
    use aws_smithy_mocks::{RuleMode, mock, mock_client};
    use aws_smithy_types::error::ErrorMetadata;
    use std::collections::BTreeMap;

    fn meta(code: &str) -> ErrorMetadata {
        ErrorMetadata::builder().code(code).message("from the mock").build()
    }

    #[tokio::test]
    async fn a_group_created_meanwhile_by_someone_else_counts_as_created() {
        // The race: the plan saw no group, then API Gateway (first request) or another run made it.
        let rule = mock!(Client::create_log_group)
            .match_requests(|r| r.log_group_name() == Some("API-Gateway-Execution-Logs_a1/prod"))
            .then_error(|| {
                CreateLogGroupError::ResourceAlreadyExistsException(
                    ResourceAlreadyExistsException::builder()
                        .meta(meta("ResourceAlreadyExistsException"))
                        .build(),
                )
            });
        let client = mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&rule]);
        create_log_group(&client, "API-Gateway-Execution-Logs_a1/prod", None, &BTreeMap::new())
            .await
            .unwrap();
        assert_eq!(rule.num_calls(), 1);
    }

    #[tokio::test]
    async fn create_sends_the_key_and_tags() {
        let tags: BTreeMap<String, String> = [("team".to_string(), "payments".to_string())].into();
        let rule = mock!(Client::create_log_group)
            .match_requests(|r| {
                r.kms_key_id() == Some("arn:aws:kms:us-east-1:123456789012:key/k")
                    && r.tags().and_then(|t| t.get("team")).map(String::as_str) == Some("payments")
            })
            .then_output(|| {
                aws_sdk_cloudwatchlogs::operation::create_log_group::CreateLogGroupOutput::builder().build()
            });
        let client = mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&rule]);
        create_log_group(&client, "g", Some("arn:aws:kms:us-east-1:123456789012:key/k"), &tags)
            .await
            .unwrap();
        assert_eq!(rule.num_calls(), 1);
    }

    #[tokio::test]
    async fn filtering_a_missing_group_is_not_an_error() {
        let rule = mock!(Client::filter_log_events).then_error(|| {
            FilterLogEventsError::ResourceNotFoundException(
                ResourceNotFoundException::builder().meta(meta("ResourceNotFoundException")).build(),
            )
        });
        let client = mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&rule]);
        assert_eq!(filter_events(&client, "missing", 0, None).await.unwrap(), None);
    }
}
