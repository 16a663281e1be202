//! CloudWatch Logs: access log groups and their retention.

use super::{Call, call_failed};
use crate::delivery::{Delivery, Destination, Index, Source};
use apigw_logs_core::groups::LogGroup;
use aws_sdk_cloudwatchlogs::error::ProvideErrorMetadata;
use aws_sdk_cloudwatchlogs::types::{DeliveryDestinationConfiguration, OutputFormat};

const DESCRIBE: Call = Call { name: "logs:DescribeLogGroups", permission: "logs:DescribeLogGroups" };
const CREATE: Call = Call { name: "logs:CreateLogGroup", permission: "logs:CreateLogGroup" };
const RETENTION: Call = Call { name: "logs:PutRetentionPolicy", permission: "logs:PutRetentionPolicy" };
const FILTER: Call = Call { name: "logs:FilterLogEvents", permission: "logs:FilterLogEvents" };
const DELETE: Call = Call { name: "logs:DeleteLogGroup", permission: "logs:DeleteLogGroup" };
const DESCRIBE_STREAMS: Call =
    Call { name: "logs:DescribeLogStreams", permission: "logs:DescribeLogStreams" };
const CREATE_STREAM: Call = Call { name: "logs:CreateLogStream", permission: "logs:CreateLogStream" };
const PUT_EVENTS: Call = Call { name: "logs:PutLogEvents", permission: "logs:PutLogEvents" };
const GET_EVENTS: Call = Call { name: "logs:GetLogEvents", permission: "logs:GetLogEvents" };
const DELETE_STREAM: Call = Call { name: "logs:DeleteLogStream", permission: "logs:DeleteLogStream" };
const DESCRIBE_SOURCES: Call =
    Call { name: "logs:DescribeDeliverySources", permission: "logs:DescribeDeliverySources" };
const DESCRIBE_DESTINATIONS: Call =
    Call { name: "logs:DescribeDeliveryDestinations", permission: "logs:DescribeDeliveryDestinations" };
const DESCRIBE_DELIVERIES: Call =
    Call { name: "logs:DescribeDeliveries", permission: "logs:DescribeDeliveries" };
const PUT_SOURCE: Call = Call { name: "logs:PutDeliverySource", permission: "logs:PutDeliverySource" };
const PUT_DESTINATION: Call =
    Call { name: "logs:PutDeliveryDestination", permission: "logs:PutDeliveryDestination" };
const CREATE_DELIVERY: Call = Call { name: "logs:CreateDelivery", permission: "logs:CreateDelivery" };
const DELETE_DELIVERY: Call = Call { name: "logs:DeleteDelivery", permission: "logs:DeleteDelivery" };
const DELETE_DESTINATION: Call =
    Call { name: "logs:DeleteDeliveryDestination", permission: "logs:DeleteDeliveryDestination" };
const DELETE_SOURCE: Call =
    Call { name: "logs:DeleteDeliverySource", permission: "logs:DeleteDeliverySource" };

/// The log group with exactly this name, if it exists.
pub async fn find_log_group(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
) -> anyhow::Result<Option<LogGroup>> {
    let mut pages = client.describe_log_groups().log_group_name_prefix(name).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(DESCRIBE, &format!("log group {name}"), e))?;
        if let Some(group) = page.log_groups().iter().find(|g| g.log_group_name() == Some(name)) {
            return Ok(Some(log_group(group)));
        }
    }
    Ok(None)
}

fn log_group(group: &aws_sdk_cloudwatchlogs::types::LogGroup) -> LogGroup {
    LogGroup {
        name: group.log_group_name().unwrap_or_default().to_string(),
        retention_days: group.retention_in_days(),
        created: group.creation_time().and_then(chrono::DateTime::from_timestamp_millis),
        kms_key_id: group.kms_key_id().map(str::to_string),
    }
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
        groups.extend(page.log_groups().iter().filter_map(|g| g.log_group_name().map(|_| log_group(g))));
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
    let window = Window { start_millis, end_millis: None };
    let found = filter_pages(client, group, window, pattern, |page| {
        events.extend(page);
        true
    })
    .await?;
    Ok(found.then_some(events))
}

/// Milliseconds since the epoch, both ends included (FilterLogEvents' own rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start_millis: i64,
    pub end_millis: Option<i64>,
}

/// The group's events in `window` matching `pattern`, one page at a time (a page holds at most
/// 10,000 events or 1 MB, and may be empty while more follow): `on_page` returns whether to go
/// on. `false` when the group does not exist.
pub async fn filter_pages(
    client: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    window: Window,
    pattern: Option<&str>,
    mut on_page: impl FnMut(Vec<crate::tail::Event>) -> bool,
) -> anyhow::Result<bool> {
    let request = client
        .filter_log_events()
        .log_group_name(group)
        .start_time(window.start_millis)
        .set_end_time(window.end_millis)
        .set_filter_pattern(pattern.map(String::from));
    let mut pages = request.into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = match page {
            Ok(page) => page,
            Err(e) if e.code() == Some("ResourceNotFoundException") => return Ok(false),
            Err(e) => return Err(call_failed(FILTER, &format!("log group {group}"), e)),
        };
        let events = page
            .events()
            .iter()
            .map(|e| crate::tail::Event {
                id: e.event_id().unwrap_or_default().to_string(),
                timestamp_millis: e.timestamp().unwrap_or_default(),
                message: e.message().unwrap_or_default().to_string(),
            })
            .collect();
        if !on_page(events) {
            break;
        }
    }
    Ok(true)
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

/// When the group's most recently written stream last received an event (CloudWatch updates this
/// eventually, within about an hour of ingestion), or `None` for a group with no events.
pub async fn last_event_time(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
) -> anyhow::Result<Option<chrono::DateTime<chrono::Utc>>> {
    let out = client
        .describe_log_streams()
        .log_group_name(name)
        .order_by(aws_sdk_cloudwatchlogs::types::OrderBy::LastEventTime)
        .descending(true)
        .limit(1)
        .send()
        .await
        .map_err(|e| call_failed(DESCRIBE_STREAMS, &format!("log group {name}"), e))?;
    Ok(out
        .log_streams()
        .first()
        .and_then(|s| s.last_event_timestamp())
        .and_then(chrono::DateTime::from_timestamp_millis))
}

pub async fn delete_log_group(client: &aws_sdk_cloudwatchlogs::Client, name: &str) -> anyhow::Result<()> {
    deleted(client.delete_log_group().log_group_name(name).send().await, DELETE, &format!("log group {name}"))
}

/// Every delivery source, destination and delivery of the region (three paginated listings, side
/// by side).
pub async fn delivery_index(client: &aws_sdk_cloudwatchlogs::Client) -> anyhow::Result<Index> {
    let sources = async {
        let mut sources = Vec::new();
        let mut pages = client.describe_delivery_sources().into_paginator().send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| call_failed(DESCRIBE_SOURCES, "delivery sources", e))?;
            sources.extend(page.delivery_sources().iter().map(|s| Source {
                name: s.name().unwrap_or_default().to_string(),
                resource_arns: s.resource_arns().to_vec(),
                log_type: s.log_type().unwrap_or_default().to_string(),
            }));
        }
        anyhow::Ok(sources)
    };
    let destinations = async {
        let mut destinations = Vec::new();
        let mut pages = client.describe_delivery_destinations().into_paginator().send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| call_failed(DESCRIBE_DESTINATIONS, "delivery destinations", e))?;
            destinations.extend(page.delivery_destinations().iter().map(|d| {
                Destination {
                    name: d.name().unwrap_or_default().to_string(),
                    arn: d.arn().unwrap_or_default().to_string(),
                    resource_arn: d
                        .delivery_destination_configuration()
                        .map(|c| c.destination_resource_arn().to_string())
                        .unwrap_or_default(),
                    format: d.output_format().map(|f| f.as_str().to_string()),
                }
            }));
        }
        anyhow::Ok(destinations)
    };
    let deliveries = async {
        let mut deliveries = Vec::new();
        let mut pages = client.describe_deliveries().into_paginator().send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| call_failed(DESCRIBE_DELIVERIES, "deliveries", e))?;
            deliveries.extend(page.deliveries().iter().map(|d| Delivery {
                id: d.id().unwrap_or_default().to_string(),
                source_name: d.delivery_source_name().unwrap_or_default().to_string(),
                destination_arn: d.delivery_destination_arn().unwrap_or_default().to_string(),
            }));
        }
        anyhow::Ok(deliveries)
    };
    let (sources, destinations, deliveries) = tokio::try_join!(sources, destinations, deliveries)?;
    Ok(Index { sources, destinations, deliveries })
}

pub async fn put_delivery_source(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
    resource_arn: &str,
    log_type: &str,
) -> anyhow::Result<()> {
    client
        .put_delivery_source()
        .name(name)
        .resource_arn(resource_arn)
        .log_type(log_type)
        .send()
        .await
        .map_err(|e| call_failed(PUT_SOURCE, resource_arn, e))?;
    Ok(())
}

pub async fn put_delivery_destination(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
    output_format: &str,
    resource_arn: &str,
) -> anyhow::Result<()> {
    let configuration = DeliveryDestinationConfiguration::builder()
        .destination_resource_arn(resource_arn)
        .build()
        .expect("the resource ARN is set");
    client
        .put_delivery_destination()
        .name(name)
        .output_format(OutputFormat::from(output_format))
        .delivery_destination_configuration(configuration)
        .send()
        .await
        .map_err(|e| call_failed(PUT_DESTINATION, resource_arn, e))?;
    Ok(())
}

pub async fn create_delivery(
    client: &aws_sdk_cloudwatchlogs::Client,
    source_name: &str,
    destination_arn: &str,
) -> anyhow::Result<()> {
    client
        .create_delivery()
        .delivery_source_name(source_name)
        .delivery_destination_arn(destination_arn)
        .send()
        .await
        .map_err(|e| call_failed(CREATE_DELIVERY, &format!("{source_name} → {destination_arn}"), e))?;
    Ok(())
}

pub async fn delete_delivery(client: &aws_sdk_cloudwatchlogs::Client, id: &str) -> anyhow::Result<()> {
    deleted(client.delete_delivery().id(id).send().await, DELETE_DELIVERY, &format!("delivery {id}"))
}

pub async fn delete_delivery_destination(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
) -> anyhow::Result<()> {
    let result = client.delete_delivery_destination().name(name).send().await;
    deleted(result, DELETE_DESTINATION, &format!("delivery destination {name}"))
}

pub async fn delete_delivery_source(
    client: &aws_sdk_cloudwatchlogs::Client,
    name: &str,
) -> anyhow::Result<()> {
    deleted(
        client.delete_delivery_source().name(name).send().await,
        DELETE_SOURCE,
        &format!("delivery source {name}"),
    )
}

/// Deletes run again after a partial failure: an object already gone counts as deleted.
fn deleted<T, E>(
    result: Result<
        T,
        aws_smithy_runtime_api::client::result::SdkError<
            E,
            aws_smithy_runtime_api::client::orchestrator::HttpResponse,
        >,
    >,
    call: Call,
    resource: &str,
) -> anyhow::Result<()>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(()),
        Err(e) => Err(call_failed(call, resource, e)),
    }
}

pub async fn create_log_stream(
    client: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    stream: &str,
) -> anyhow::Result<()> {
    match client.create_log_stream().log_group_name(group).log_stream_name(stream).send().await {
        Ok(_) => Ok(()),
        Err(e) if e.code() == Some("ResourceAlreadyExistsException") => Ok(()),
        Err(e) => Err(call_failed(CREATE_STREAM, &format!("log stream {group}/{stream}"), e)),
    }
}

pub async fn put_log_event(
    client: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    stream: &str,
    message: &str,
) -> anyhow::Result<()> {
    let event = aws_sdk_cloudwatchlogs::types::InputLogEvent::builder()
        .timestamp(chrono::Utc::now().timestamp_millis())
        .message(message)
        .build()
        .expect("timestamp and message are set");
    client
        .put_log_events()
        .log_group_name(group)
        .log_stream_name(stream)
        .log_events(event)
        .send()
        .await
        .map_err(|e| call_failed(PUT_EVENTS, &format!("log stream {group}/{stream}"), e))?;
    Ok(())
}

pub async fn delete_log_stream(
    client: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    stream: &str,
) -> anyhow::Result<()> {
    let out = client.delete_log_stream().log_group_name(group).log_stream_name(stream).send().await;
    deleted(out, DELETE_STREAM, &format!("log stream {group}/{stream}"))
}

/// Deletes the stream if it is there: `false` when it was gone already (someone else deleted it
/// first).
pub async fn claim_log_stream(
    client: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    stream: &str,
) -> anyhow::Result<bool> {
    match client.delete_log_stream().log_group_name(group).log_stream_name(stream).send().await {
        Ok(_) => Ok(true),
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(false),
        Err(e) => Err(call_failed(DELETE_STREAM, &format!("log stream {group}/{stream}"), e)),
    }
}

/// The names of the group's streams that start with `prefix` (`None`: every stream); none when
/// the group does not exist.
pub async fn log_stream_names(
    client: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    prefix: Option<&str>,
) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    let request = client
        .describe_log_streams()
        .log_group_name(group)
        .set_log_stream_name_prefix(prefix.map(String::from));
    let mut pages = request.into_paginator().send();
    while let Some(page) = pages.next().await {
        match page {
            Ok(page) => {
                names.extend(page.log_streams().iter().filter_map(|s| s.log_stream_name().map(String::from)))
            }
            Err(e) if e.code() == Some("ResourceNotFoundException") => return Ok(Vec::new()),
            Err(e) => return Err(call_failed(DESCRIBE_STREAMS, &format!("log group {group}"), e)),
        }
    }
    Ok(names)
}

/// The messages of a stream, oldest first (one page: a session record is one event).
pub async fn stream_messages(
    client: &aws_sdk_cloudwatchlogs::Client,
    group: &str,
    stream: &str,
) -> anyhow::Result<Vec<String>> {
    let out = client
        .get_log_events()
        .log_group_name(group)
        .log_stream_name(stream)
        .start_from_head(true)
        .send()
        .await;
    match out {
        Ok(out) => Ok(out.events().iter().filter_map(|e| e.message().map(String::from)).collect()),
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(Vec::new()),
        Err(e) => Err(call_failed(GET_EVENTS, &format!("log stream {group}/{stream}"), e)),
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

    #[tokio::test]
    async fn delivery_calls_send_apigateway_s_values() {
        use aws_sdk_cloudwatchlogs::operation::{
            create_delivery::CreateDeliveryOutput, put_delivery_destination::PutDeliveryDestinationOutput,
            put_delivery_source::PutDeliverySourceOutput,
        };
        let stage = "arn:aws:apigateway:us-east-1:123456789012:/restapis/a1/stages/prod";
        let source = mock!(Client::put_delivery_source)
            .match_requests(move |r| {
                r.name() == Some("apigw-exec-a1-prod")
                    && r.resource_arn() == Some(stage)
                    && r.log_type() == Some("EXECUTION_LOGS")
            })
            .then_output(|| PutDeliverySourceOutput::builder().build());
        let destination = mock!(Client::put_delivery_destination)
            .match_requests(|r| {
                r.name() == Some("d")
                    && r.output_format() == Some(&OutputFormat::Parquet)
                    && r.delivery_destination_configuration().map(|c| c.destination_resource_arn())
                        == Some("arn:aws:s3:::logs-bucket")
            })
            .then_output(|| PutDeliveryDestinationOutput::builder().build());
        let delivery = mock!(Client::create_delivery)
            .match_requests(|r| {
                r.delivery_source_name() == Some("apigw-exec-a1-prod")
                    && r.delivery_destination_arn()
                        == Some("arn:aws:logs:us-east-1:123456789012:delivery-destination:d")
            })
            .then_output(|| CreateDeliveryOutput::builder().build());
        let client =
            mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&source, &destination, &delivery]);
        put_delivery_source(&client, "apigw-exec-a1-prod", stage, "EXECUTION_LOGS").await.unwrap();
        put_delivery_destination(&client, "d", "parquet", "arn:aws:s3:::logs-bucket").await.unwrap();
        create_delivery(
            &client,
            "apigw-exec-a1-prod",
            "arn:aws:logs:us-east-1:123456789012:delivery-destination:d",
        )
        .await
        .unwrap();
        assert_eq!((source.num_calls(), destination.num_calls(), delivery.num_calls()), (1, 1, 1));
    }

    #[tokio::test]
    async fn the_index_reads_every_page_of_the_three_listings() {
        use aws_sdk_cloudwatchlogs::operation::{
            describe_deliveries::DescribeDeliveriesOutput,
            describe_delivery_destinations::DescribeDeliveryDestinationsOutput,
            describe_delivery_sources::DescribeDeliverySourcesOutput,
        };
        use aws_sdk_cloudwatchlogs::types::{
            Delivery as SdkDelivery, DeliveryDestination as SdkDestination, DeliverySource as SdkSource,
        };
        let sources = mock!(Client::describe_delivery_sources)
            .sequence()
            .output(|| {
                DescribeDeliverySourcesOutput::builder()
                    .delivery_sources(
                        SdkSource::builder()
                            .name("s1")
                            .resource_arns("r1")
                            .log_type("EXECUTION_LOGS")
                            .build(),
                    )
                    .next_token("t")
                    .build()
            })
            .output(|| {
                DescribeDeliverySourcesOutput::builder()
                    .delivery_sources(
                        SdkSource::builder()
                            .name("s2")
                            .resource_arns("r2")
                            .log_type("EXECUTION_LOGS")
                            .build(),
                    )
                    .build()
            })
            .build();
        let destinations = mock!(Client::describe_delivery_destinations).then_output(|| {
            DescribeDeliveryDestinationsOutput::builder()
                .delivery_destinations(
                    SdkDestination::builder()
                        .name("d1")
                        .arn("arn:d1")
                        .output_format(OutputFormat::Json)
                        .delivery_destination_configuration(
                            DeliveryDestinationConfiguration::builder()
                                .destination_resource_arn("arn:aws:s3:::b")
                                .build()
                                .unwrap(),
                        )
                        .build(),
                )
                .build()
        });
        let deliveries = mock!(Client::describe_deliveries).then_output(|| {
            DescribeDeliveriesOutput::builder()
                .deliveries(
                    SdkDelivery::builder()
                        .id("x1")
                        .delivery_source_name("s2")
                        .delivery_destination_arn("arn:d1")
                        .build(),
                )
                .build()
        });
        let client =
            mock_client!(aws_sdk_cloudwatchlogs, RuleMode::MatchAny, [&sources, &destinations, &deliveries]);
        let index = delivery_index(&client).await.unwrap();
        assert_eq!(index.sources.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["s1", "s2"]);
        assert_eq!(index.destinations[0].resource_arn, "arn:aws:s3:::b");
        assert_eq!(index.destinations[0].format.as_deref(), Some("json"));
        assert_eq!(index.deliveries[0].source_name, "s2");
        assert_eq!(sources.num_calls(), 2);
    }
}
