//! `status` finds chains that are configured but silent: traffic in the last 24 hours (seeded as
//! CloudWatch metrics) with a destination that took in nothing is an error, exit 5, with the
//! causes checked (KMS key policy, a re-created group, a missing Firehose stream, the role);
//! traffic with events (counted by the metric, or a stream written in the window), or no traffic,
//! is none.

use crate::harness::*;
use aws_sdk_cloudwatch::types::{Dimension, MetricDatum};
use serde_json::Value;

/// `value` an hour ago.
fn recent(acct: &Account, namespace: &str, metric: &str, dimensions: &[(&str, &str)], value: f64) {
    let cw = aws_sdk_cloudwatch::Client::new(&acct.config);
    let dimensions: Vec<Dimension> =
        dimensions.iter().map(|(n, v)| Dimension::builder().name(*n).value(*v).build()).collect();
    let at = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() - 3_600;
    let datum = MetricDatum::builder()
        .metric_name(metric)
        .set_dimensions(Some(dimensions))
        .timestamp(aws_smithy_types::DateTime::from_secs(at as i64))
        .value(value)
        .build();
    acct.block_on(cw.put_metric_data().namespace(namespace).metric_data(datum).send()).unwrap();
}

fn findings(status: &Value, code: &str) -> Vec<Value> {
    status["regions"][0]["apis"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(status["apis"].as_array().into_iter().flatten())
        .flat_map(|api| api["stages"].as_array().unwrap().iter())
        .flat_map(|stage| stage["findings"].as_array().unwrap().iter())
        .filter(|f| f["code"] == code)
        .cloned()
        .collect()
}

#[test]
fn traffic_into_a_silent_group_is_an_error_naming_the_key_policy() {
    let acct = Account::new();
    acct.create_api("quiet", "prod", &[]);
    // The access group is encrypted with a key whose policy admits only the account.
    let kms = aws_sdk_kms::Client::new(&acct.config);
    let key = acct.block_on(kms.create_key().send()).unwrap().key_metadata.unwrap().arn.unwrap();
    acct.block_on(acct.logs().create_log_group().log_group_name("quiet-access").kms_key_id(&key).send())
        .unwrap();
    acct.json(
        &["enable", "--api", "quiet", "--stage", "prod", "--access-log-group", "quiet-access", "--yes"],
        0,
    );

    // No traffic: nothing to say.
    let status = acct.json(&["status", "--api", "quiet"], 0);
    assert!(findings(&status, "access-logs-silent").is_empty(), "{status}");

    recent(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "quiet"), ("Stage", "prod")], 250.0);
    let status = acct.json(&["status", "--api", "quiet"], 5);
    let access = findings(&status, "access-logs-silent");
    assert_eq!(access.len(), 1, "{status}");
    let message = access[0]["message"].as_str().unwrap();
    assert!(
        message.contains("served 250 request(s) in the last 24 hours, but quiet-access received nothing"),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "KMS key: {key}'s policy does not admit logs.us-east-1.amazonaws.com (likely the cause)"
        )),
        "{message}"
    );
    assert!(message.contains("account role: arn:aws:iam::"), "{message}");
    assert!(
        access[0]["fix"].as_str().unwrap().starts_with(&format!("add a statement to key {key}'s policy"))
    );
    // Execution logging at INFO: its group is silent too (no KMS key there, the role healthy).
    let execution = findings(&status, "execution-logs-silent");
    assert_eq!(execution.len(), 1, "{status}");
    assert!(execution[0]["fix"].as_str().unwrap().contains("CloudTrail"), "{}", execution[0]);

    // Events arrive: the chain is not silent any more.
    recent(&acct, "AWS/Logs", "IncomingBytes", &[("LogGroupName", "quiet-access")], 5_000.0);
    let status = acct.json(&["status", "--api", "quiet"], 5);
    assert!(findings(&status, "access-logs-silent").is_empty(), "{status}");
    assert_eq!(findings(&status, "execution-logs-silent").len(), 1);
}

#[test]
fn a_missing_firehose_stream_and_a_recreated_group_are_the_likely_causes() {
    let acct = Account::new();
    // REST stage logging to a delivery stream that does not exist.
    acct.create_api("feed", "prod", &[]);
    acct.json(&["enable", "--api", "feed", "--stage", "prod", "--level", "error", "--yes"], 0);
    let stream = format!("arn:aws:firehose:{REGION}:{}:deliverystream/amazon-apigateway-gone", acct.id);
    acct.json(
        &["stage", "set", "--api", "feed", "--stage", "prod", "--access-log-destination", &stream, "--yes"],
        0,
    );
    recent(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "feed"), ("Stage", "prod")], 40.0);
    let status = acct.json(&["status", "--api", "feed"], 5);
    let silent = findings(&status, "access-logs-silent");
    assert_eq!(silent.len(), 1, "{status}");
    assert!(
        silent[0]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("Firehose stream: {stream} does not exist (likely the cause)")),
        "{}",
        silent[0]
    );
    assert!(findings(&status, "execution-logs-silent").is_empty(), "ERROR level: silence can be health");

    // HTTP API whose access group was deleted and made again after the stage was set.
    let http = acct.create_v2_api("web", aws_sdk_apigatewayv2::types::ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&http).stage_name("prod").send()).unwrap();
    acct.json(&["enable", "--api", "web", "--stage", "prod", "--yes"], 0);
    let group = format!("/aws/vendedlogs/API-Gateway-Access-Logs_{http}/prod");
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    acct.block_on(acct.logs().delete_log_group().log_group_name(&group).send()).unwrap();
    acct.block_on(acct.logs().create_log_group().log_group_name(&group).send()).unwrap();
    recent(&acct, "AWS/ApiGateway", "Count", &[("ApiId", &http), ("Stage", "prod")], 7.0);
    let status = acct.json(&["status", "--api", "web"], 5);
    let silent = findings(&status, "access-logs-silent");
    assert_eq!(silent.len(), 1, "{status}");
    let message = silent[0]["message"].as_str().unwrap();
    assert!(
        message.contains("log group re-created: ") && message.contains("(likely the cause)"),
        "{message}"
    );
    assert!(!message.contains("account role"), "HTTP APIs do not use it: {message}");
    assert!(
        silent[0]["fix"]
            .as_str()
            .unwrap()
            .starts_with("set the destination on the stage again: apigw-logs stage set"),
        "{}",
        silent[0]
    );

    // A stream written in the last 24 hours is enough, whatever the metric says.
    acct.put_events(&group, "s", &[(now_millis(), "GET / 200".to_string())]);
    let status = acct.json(&["status", "--api", "web"], 0);
    assert!(findings(&status, "access-logs-silent").is_empty(), "{status}");
}

#[test]
fn websocket_connections_into_silent_groups_are_errors_for_both_logs() {
    let acct = Account::new();
    let ws = acct.create_v2_api("chat", aws_sdk_apigatewayv2::types::ProtocolType::Websocket);
    acct.block_on(acct.apigw2().create_stage().api_id(&ws).stage_name("prod").send()).unwrap();
    acct.json(&["enable", "--api", "chat", "--stage", "prod", "--yes"], 0);
    recent(&acct, "AWS/ApiGateway", "ConnectCount", &[("ApiId", &ws), ("Stage", "prod")], 12.0);
    recent(&acct, "AWS/ApiGateway", "MessageCount", &[("ApiId", &ws), ("Stage", "prod")], 30.0);
    let status = acct.json(&["status", "--api", "chat"], 5);
    for code in ["access-logs-silent", "execution-logs-silent"] {
        let silent = findings(&status, code);
        assert_eq!(silent.len(), 1, "{code}: {status}");
        let message = silent[0]["message"].as_str().unwrap();
        assert!(message.contains("served 42 request(s)"), "connections and messages: {message}");
        assert!(message.contains("account role: arn:aws:iam::"), "WebSocket writes through it: {message}");
    }
    let execution = &findings(&status, "execution-logs-silent")[0];
    assert!(
        execution["message"].as_str().unwrap().contains(&format!("/aws/apigateway/{ws}/prod")),
        "{execution}"
    );
}
