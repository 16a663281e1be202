//! Firehose (read only): whether an access log destination's delivery stream exists.

use super::{Call, call_failed};
use aws_sdk_firehose::error::ProvideErrorMetadata;

const DESCRIBE: Call =
    Call { name: "firehose:DescribeDeliveryStream", permission: "firehose:DescribeDeliveryStream" };

/// Whether the delivery stream exists, and its status (`ACTIVE`, `CREATING`, …) when it does.
pub async fn stream_status(client: &aws_sdk_firehose::Client, name: &str) -> anyhow::Result<Option<String>> {
    match client.describe_delivery_stream().delivery_stream_name(name).send().await {
        Ok(out) => Ok(Some(
            out.delivery_stream_description()
                .map(|d| d.delivery_stream_status().as_str().to_string())
                .unwrap_or_default(),
        )),
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(None),
        Err(e) => Err(call_failed(DESCRIBE, &format!("delivery stream {name}"), e)),
    }
}
