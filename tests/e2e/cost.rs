//! Cost estimates (issue 20) end to end: traffic and ingested bytes seeded as CloudWatch metrics
//! through the double (which checks GetMetricData's rules the emulator skips), the figures
//! checked against the model's arithmetic done here by hand.

use crate::faults::{Fault, Proxy, When};
use crate::harness::*;
use aws_sdk_cloudwatch::types::{Dimension, MetricDatum};
use serde_json::Value;

const DAY: u64 = 86_400;

/// `value` for each of the 14 whole days before today, at noon UTC.
pub(crate) fn seed(acct: &Account, namespace: &str, metric: &str, dimensions: &[(&str, &str)], value: f64) {
    let config = aws_sdk_cloudwatch::config::Builder::from(&acct.config).endpoint_url(double_url()).build();
    let cw = aws_sdk_cloudwatch::Client::from_conf(config);
    let today =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / DAY * DAY;
    let dimensions: Vec<Dimension> =
        dimensions.iter().map(|(n, v)| Dimension::builder().name(*n).value(*v).build()).collect();
    let data: Vec<MetricDatum> = (1..=14)
        .map(|d| {
            MetricDatum::builder()
                .metric_name(metric)
                .set_dimensions(Some(dimensions.clone()))
                .timestamp(aws_smithy_types::DateTime::from_secs((today - d * DAY + DAY / 2) as i64))
                .value(value)
                .build()
        })
        .collect();
    acct.block_on(cw.put_metric_data().namespace(namespace).set_metric_data(Some(data)).send()).unwrap();
}

fn stage_cost<'a>(doc: &'a Value, stage: &str) -> &'a Value {
    doc["cost"]["stages"]
        .as_array()
        .unwrap_or_else(|| panic!("no cost in {doc}"))
        .iter()
        .find(|s| s["target"].as_str().unwrap().ends_with(&format!("/{stage}")))
        .unwrap_or_else(|| panic!("{stage} in {doc}"))
}

/// The model, by hand: access event = the format's text and variables at their README sizes +
/// 26 bytes; INFO = 850 bytes + 8 events × 26 per request; a month = 365/12 days; storage at
/// 30 days of retention; 0.50 USD/GB ingested, 0.03 USD/GB-month stored, GB = 10^9 bytes.
fn by_hand(requests_per_day: f64, access_bytes: f64, execution_bytes: f64) -> f64 {
    let daily = requests_per_day * (access_bytes + execution_bytes);
    daily * 365.0 / 12.0 / 1e9 * 0.50 + daily * 30.0 / 1e9 * 0.03
}

#[test]
fn enable_prices_the_change_from_the_stages_own_traffic() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.add_stage(&api, "quiet");
    seed(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "orders"), ("Stage", "prod")], 1_000_000.0);
    let format = "$context.requestId $context.status";
    let args = ["enable", "--api", "orders", "--all-stages", "--access-log-format", format, "--dry-run"];
    let doc = acct.json(&args, 0);

    let prod = stage_cost(&doc, "prod");
    assert_eq!(prod["traffic"]["requests_per_day"], 1_000_000.0);
    assert_eq!(prod["traffic"]["days"], 14);
    assert_eq!(prod["before"]["usd"], 0.0, "nothing logged yet");
    let access = 36.0 + 1.0 + 3.0 + 26.0;
    let execution = 850.0 + 8.0 * 26.0;
    let after = prod["after"]["usd"].as_f64().unwrap();
    assert!(
        (after - by_hand(1_000_000.0, access, execution)).abs() < 1e-9,
        "{after} vs {}",
        by_hand(1_000_000.0, access, execution)
    );
    assert_eq!(prod["after"]["access"], serde_json::json!({ "bytes": access, "measured": false }));
    let quiet = stage_cost(&doc, "quiet");
    assert_eq!(quiet["notes"][0], "no recorded traffic in the last 14 days");
    assert_eq!(quiet["after"]["usd"], 0.0);
    assert_eq!(doc["cost"]["after_usd"].as_f64(), Some(after));

    let (code, text, _) = acct.run(&args);
    assert_eq!(code, 0);
    let line = format!(
        "orders ({api})/prod: logging cost: 0.00 → 18.11 USD/month (1,000,000 requests/day over 14 days; access logs 66 B/request, estimated; execution logs 1,058 B/request, estimated)"
    );
    assert!(text.contains(&line), "{text}");
    assert!(text.contains("total logging cost: 0.00 → 18.11 USD/month"), "{text}");
}

#[test]
fn measured_bytes_replace_the_model_where_the_log_is_left_as_it_is() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod", "--level", "error"], 0);
    let group = format!("API-Gateway-Access-Logs_{api}/prod");
    seed(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "orders"), ("Stage", "prod")], 10_000.0);
    seed(&acct, "AWS/Logs", "IncomingBytes", &[("LogGroupName", &group)], 10_000.0 * 400.0);

    // Today's cost: the access log as measured, ERROR with no failures recorded.
    let doc = acct.json(&["cost", "--api", "orders", "--stage", "prod"], 0);
    let now = stage_cost(&doc, "prod");
    assert_eq!(now["before"]["access"], serde_json::json!({ "bytes": 400.0, "measured": true }));
    let expected = by_hand(10_000.0, 400.0, 0.0);
    assert!((now["after"]["usd"].as_f64().unwrap() - expected).abs() < 1e-9, "{now}");
    let (code, text, _) = acct.run(&["cost", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0);
    assert!(text.contains(&format!("      access log group {group}: {expected:.2} USD/month")), "{text}");

    // INFO: the access log stays measured, the execution log comes from the model.
    let doc = acct.json(&["cost", "--api", "orders", "--stage", "prod", "--level", "info"], 0);
    let change = stage_cost(&doc, "prod");
    assert_eq!(change["after"]["access"]["measured"], true);
    assert_eq!(change["after"]["execution_measured"], false);
    let expected = by_hand(10_000.0, 400.0, 850.0 + 8.0 * 26.0);
    assert!((change["after"]["usd"].as_f64().unwrap() - expected).abs() < 1e-9, "{change}");
    assert_eq!(
        acct.stage(&api, "prod").method_settings().unwrap()["*/*"].logging_level(),
        Some("ERROR"),
        "cost changes nothing"
    );
}

#[test]
fn rest_apis_sharing_a_name_share_their_count() {
    let acct = Account::new();
    acct.create_api("twin", "prod", &[]);
    acct.create_api("twin", "prod", &[]);
    seed(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "twin"), ("Stage", "prod")], 500.0);
    let doc = acct.json(&["cost", "--all-apis", "--all-stages"], 0);
    for stage in doc["cost"]["stages"].as_array().unwrap() {
        assert_eq!(stage["traffic"]["shared_by"], 2, "{stage}");
        assert!(stage["notes"][0].as_str().unwrap().contains("which 2 APIs share"), "{stage}");
    }
    // Named by id, one of them still shares its name with the other API of the region; an API
    // with two stages shares with nobody.
    let apis = acct.block_on(acct.apigw().get_rest_apis().send()).unwrap();
    let first = apis.items()[0].id().unwrap().to_string();
    let doc = acct.json(&["cost", "--api", &first, "--stage", "prod"], 0);
    assert_eq!(doc["cost"]["stages"][0]["traffic"]["shared_by"], 2, "{doc}");
    let solo = acct.create_api("solo", "prod", &[]);
    acct.add_stage(&solo, "dev");
    let doc = acct.json(&["cost", "--api", "solo", "--all-stages"], 0);
    assert!(
        doc["cost"]["stages"].as_array().unwrap().iter().all(|s| s["traffic"].get("shared_by").is_none()),
        "{doc}"
    );
}

#[test]
fn a_denied_metrics_read_leaves_the_plan_and_its_exit_code_alone() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = Proxy::start(emulator_url());
    let denied =
        Fault::Refuse(400, "AccessDenied", "User is not authorized to perform: cloudwatch:GetMetricData");
    proxy.fault("monitoring:GetMetricData", denied, When::Always);
    let doc = acct.json_at(&proxy.url, &["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(stage_cost(&doc, "prod")["notes"][0], "cloudwatch:GetMetricData was denied");
    assert!(doc["cost"]["stages"][0]["after"].is_null());
    assert_eq!(
        acct.stage(&api, "prod").method_settings().unwrap()["*/*"].logging_level(),
        Some("INFO"),
        "applied"
    );
    let (code, text, _) = acct.run_at(&proxy.url, &["cost", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0);
    assert!(text.contains("logging cost: unknown (cloudwatch:GetMetricData was denied)"), "{text}");
}

#[test]
fn a_silent_cloudwatch_holds_no_plan_up() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = Proxy::start(emulator_url());
    proxy.fault("monitoring:GetMetricData", Fault::Delay(std::time::Duration::from_secs(120)), When::Always);
    let started = std::time::Instant::now();
    let doc = acct.json_at(&proxy.url, &["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(stage_cost(&doc, "prod")["notes"][0], "the metrics were not read within 30 s");
    assert!(started.elapsed() < std::time::Duration::from_secs(100), "the plan went on without the estimate");
    assert_eq!(acct.stage(&api, "prod").method_settings().unwrap()["*/*"].logging_level(), Some("INFO"));
}

#[test]
fn bad_cost_input_exits_2_before_any_call() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    let proxy = Proxy::start(emulator_url());
    let syntax = temp_file(&acct, "syntax.toml", b"ingestion_per_gb = ");
    let unknown = temp_file(&acct, "unknown.toml", b"ingest_per_gb = 0.4\n");
    let negative = temp_file(&acct, "negative.toml", b"[regions.eu-west-1]\nstorage_per_gb_month = -1\n");
    for (args, expected) in [
        (vec!["--traffic-days", "0"], "--traffic-days"),
        (vec!["--traffic-days", "91"], "--traffic-days"),
        (vec!["--prices", syntax.as_str()], "--prices"),
        (vec!["--prices", unknown.as_str()], "`ingest_per_gb`: unknown field"),
        (
            vec!["--prices", negative.as_str()],
            "`regions.eu-west-1.storage_per_gb_month`: a price is a number of USD from 0 to 1000",
        ),
        (vec!["--prices", "/nonexistent/prices.toml"], "--prices: cannot read"),
    ] {
        let mut all = vec!["cost", "--api", "orders", "--stage", "prod"];
        all.extend(&args);
        let (code, _, stderr) = acct.run_at(&proxy.url, &all);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: expected {expected:?} in {stderr}");
    }
    assert_eq!(proxy.stats()["calls"], 0, "no call made");
}

#[test]
fn status_prices_data_trace_and_disable_prices_turning_logging_off() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod", "--data-trace", "on", "--yes"], 0);
    seed(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "orders"), ("Stage", "prod")], 100_000.0);
    // Both groups received events lately: the traffic (within 24 hours before noon UTC) does not
    // make the chain silent.
    let access =
        acct.stage(&api, "prod").access_log_settings().unwrap().destination_arn().unwrap().to_string();
    let access = access.split_once(":log-group:").unwrap().1.to_string();
    for group in [access, format!("API-Gateway-Execution-Logs_{api}/prod")] {
        acct.put_events(&group, "s", &[(now_millis(), "seen".to_string())]);
    }

    let doc = acct.json(&["status", "--api", "orders"], 0);
    let findings = doc["regions"][0]["apis"][0]["stages"][0]["findings"].as_array().unwrap();
    let trace = findings.iter().find(|f| f["code"] == "data-trace-on").unwrap();
    // Data trace alone: 5,000 B + 13 events × 26 B per request, its groups kept 30 days.
    let expected = format!("{:.2}", by_hand(100_000.0, 0.0, 5_000.0 + 13.0 * 26.0));
    let message = trace["message"].as_str().unwrap();
    assert!(
        message.ends_with(&format!(
            "; at 100,000 requests/day it adds about {expected} USD/month of logs (estimated), and AWS recommends against data trace in production"
        )),
        "{message}"
    );

    let doc = acct.json(&["disable", "--api", "orders", "--stage", "prod", "--dry-run"], 0);
    let prod = stage_cost(&doc, "prod");
    assert_eq!(prod["after"]["usd"], 0.0, "nothing logged once disabled");
    let format = apigw_logs::api::ApiKind::Rest.preset("json").unwrap().format;
    let access = apigw_logs::cost::access_event_bytes(format, apigw_logs::api::ApiKind::Rest);
    let before = by_hand(100_000.0, access, 850.0 + 8.0 * 26.0 + 5_000.0 + 13.0 * 26.0);
    assert!((prod["before"]["usd"].as_f64().unwrap() - before).abs() < 1e-9, "{prod}");
    assert!(acct.stage(&api, "prod").method_settings().unwrap()["*/*"].data_trace_enabled(), "a dry run");
}

#[test]
fn detailed_metrics_are_priced_per_method() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[("/pets", "GET"), ("/pets", "POST")]);
    let doc = acct.json(&["cost", "--api", "orders", "--stage", "prod", "--metrics", "on"], 0);
    let prod = stage_cost(&doc, "prod");
    // 2 methods × 7 metrics × 0.30 USD, as an upper bound (no traffic recorded, no logs).
    assert!((prod["after"]["metrics_usd"].as_f64().unwrap() - 2.0 * 7.0 * 0.30).abs() < 1e-9, "{prod}");
    assert_eq!(prod["after"]["usd"], prod["after"]["metrics_usd"]);
    assert_eq!(prod["before"]["usd"], 0.0);
}

#[test]
fn execution_log_delivery_is_priced_as_vended_logs() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    seed(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "orders"), ("Stage", "prod")], 100_000.0);
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:/exec/orders", acct.id);
    let args =
        ["enable", "--api", "orders", "--stage", "prod", "--execution-log-destination", group.as_str()];
    let doc = acct.json(&[&args[..], &["--dry-run"]].concat(), 0);
    // A copy of the INFO execution log (850 B + 8 × 26 B a request), at 0.50 USD/GB.
    let expected = 100_000.0 * (850.0 + 8.0 * 26.0) * 365.0 / 12.0 / 1e9 * 0.50;
    let prod = stage_cost(&doc, "prod");
    assert!((prod["after"]["delivery_usd"].as_f64().unwrap() - expected).abs() < 1e-9, "{prod}");
    assert_eq!(prod["before"]["delivery_usd"], 0.0);

    // Once delivering, today's cost reads the delivery from CloudWatch Logs.
    acct.json(&args, 0);
    let now = acct.json(&["cost", "--api", "orders", "--stage", "prod"], 0);
    assert!(
        (stage_cost(&now, "prod")["before"]["delivery_usd"].as_f64().unwrap() - expected).abs() < 1e-9,
        "{now}"
    );
    let off = acct.json(&["disable", "--api", "orders", "--stage", "prod", "--dry-run"], 0);
    assert_eq!(stage_cost(&off, "prod")["after"]["delivery_usd"], 0.0, "disable ends the deliveries");
}

#[test]
fn an_apply_file_prices_each_entrys_own_deliveries() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    seed(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "orders"), ("Stage", "prod")], 100_000.0);
    let file = temp_file(
        &acct,
        "apigw-logs.toml",
        format!(
            "[[stage]]\napi = \"orders\"\nlevel = \"info\"\nexecution_log_destinations = [\"arn:aws:logs:{REGION}:{}:log-group:/exec/orders\"]\n",
            acct.id
        )
        .as_bytes(),
    );
    let doc = acct.json(&["apply", "-f", &file, "--dry-run"], 0);
    let expected = 100_000.0 * (850.0 + 8.0 * 26.0) * 365.0 / 12.0 / 1e9 * 0.50;
    let prod = stage_cost(&doc, "prod");
    assert!((prod["after"]["delivery_usd"].as_f64().unwrap() - expected).abs() < 1e-9, "{prod}");
}
