//! Faults the emulator never produces, injected by the proxy in `faults.rs`: throttling, IAM
//! propagation delay, 5xx and dropped connections, slow calls, timeouts and Ctrl-C.

use crate::faults::{Fault, Proxy, When};
use crate::harness::*;
use std::io::{BufRead, BufReader};
use std::time::Duration;

fn proxy() -> Proxy {
    let proxy = Proxy::start(emulator_url());
    proxy.enforce_aws_rules();
    proxy
}

/// The chain `enable` leaves behind, read back directly from the emulator.
fn assert_enabled(acct: &Account, api: &str) {
    assert!(acct.account_role().is_some(), "account role set");
    assert_eq!(acct.attached_policies("apigateway-cloudwatch-logs"), [MANAGED_POLICY]);
    assert_eq!(
        acct.log_groups(),
        [
            (format!("API-Gateway-Access-Logs_{api}/prod"), Some(30)),
            (format!("API-Gateway-Execution-Logs_{api}/prod"), Some(30))
        ]
    );
    let stage = acct.stage(api, "prod");
    assert_eq!(stage.method_settings().unwrap()["*/*"].logging_level(), Some("INFO"));
    assert!(stage.access_log_settings().and_then(|a| a.destination_arn()).is_some());
}

#[test]
fn the_proxy_enforces_what_aws_refuses_and_the_emulator_accepts() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = proxy();
    let (apigw, logs) = acct.clients_at(&proxy.url);
    let update = |path: &str, value: &str| {
        use aws_sdk_apigateway::types::{Op, PatchOperation};
        let op = PatchOperation::builder().op(Op::Replace).path(path).value(value).build();
        let result = acct
            .block_on(apigw.update_stage().rest_api_id(&api).stage_name("prod").patch_operations(op).send());
        result.map_err(|e| aws_sdk_apigateway::error::DisplayErrorContext(e).to_string())
    };
    assert!(update("/*/*/logging/loglevel", "VERBOSE").unwrap_err().contains("Invalid logging level"));
    assert!(
        update("/*/*/accessLogSettings/format", "x").unwrap_err().contains("Invalid method setting path")
    );
    assert!(
        update("/accessLogSettings/format", "$context.requestId\n$context.status")
            .unwrap_err()
            .contains("single line")
    );
    assert!(update("/accessLogSettings/format", "$context.status").unwrap_err().contains("requestId"));
    assert!(update("/*/*/logging/loglevel", "INFO").unwrap_err().contains("role ARN must be set"));
    assert!(update("/*/*/metrics/enabled", "true").is_ok(), "metrics need no role");
    acct.block_on(logs.create_log_group().log_group_name("g").send()).unwrap();
    assert!(
        acct.block_on(logs.put_retention_policy().log_group_name("g").retention_in_days(13).send()).is_err()
    );
}

#[test]
fn every_command_completes_under_30_percent_throttling() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    let proxy = proxy();
    // Three calls in ten, spread so a retry is never throttled twice in a row.
    proxy.fault("*", Fault::Throttle, When::Pattern { hits: &[1, 4, 7], period: 10 });
    let url = proxy.url.clone();

    acct.json_at(&url, &["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_enabled(&acct, &api);
    acct.json_at(
        &url,
        &["stage", "set", "--api", "orders", "--stage", "prod", "--method", "GET /pets", "--level", "error"],
        0,
    );
    assert_eq!(
        acct.stage(&api, "prod").method_settings().unwrap()["~1pets/GET"].logging_level(),
        Some("ERROR")
    );
    acct.create_role("other", API_GATEWAY_TRUST, true);
    acct.json_at(&url, &["account", "set-role", "--role-name", "other", "--yes"], 0);
    assert_eq!(acct.account_role(), Some(format!("arn:aws:iam::{}:role/other", acct.id)));
    acct.json_at(&url, &["stage", "show", "--api", "orders"], 0);
    acct.json_at(&url, &["disable", "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(acct.stage(&api, "prod").method_settings().unwrap()["*/*"].logging_level(), Some("OFF"));
    assert!(proxy.injected() >= 5, "only {} throttles injected", proxy.injected());
}

#[test]
fn enable_waits_out_20_seconds_of_iam_propagation() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = proxy();
    proxy.fault("apigateway:UpdateAccount", Fault::Propagation, When::For(Duration::from_secs(20)));
    let (code, _, stderr) = acct.run_at(&proxy.url, &["enable", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("waiting for IAM to propagate the role"), "progress on stderr: {stderr}");
    assert!(proxy.calls("apigateway:UpdateAccount") >= 3);
    assert_enabled(&acct, &api);
}

#[test]
fn a_shorter_wait_fails_cleanly_and_reports_what_was_applied() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let stage_before = acct.stage(&api, "prod");
    let proxy = proxy();
    proxy.fault("apigateway:UpdateAccount", Fault::Propagation, When::For(Duration::from_secs(20)));
    let out = acct.json_at(&proxy.url, &["enable", "--api", "orders", "--stage", "prod", "--wait", "8"], 1);
    // The log groups need no account role, so they were made while UpdateAccount was retried.
    assert_eq!(out["applied"], serde_json::json!([1, 2, 4, 5, 6, 7]), "role, policy, log groups: {out}");
    assert!(out["error"].as_str().unwrap().contains("raise --wait"), "{out}");
    assert_eq!(out["changed"], true);
    // The state matches the report: role and groups there, account untouched, stage unchanged.
    assert_eq!(acct.attached_policies("apigateway-cloudwatch-logs"), [MANAGED_POLICY]);
    assert_eq!(acct.account_role(), None);
    assert_eq!(acct.log_groups().len(), 2);
    assert_eq!(format!("{:?}", acct.stage(&api, "prod")), format!("{stage_before:?}"));

    let role = format!("arn:aws:iam::{}:role/apigateway-cloudwatch-logs", acct.id);
    let (code, _, stderr) =
        acct.run_at(&proxy.url, &["account", "set-role", "--role-arn", &role, "--wait", "3"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(acct.account_role(), None);
}

#[test]
fn server_errors_and_dropped_connections_are_retried() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = proxy();
    for op in ["apigateway:GetRestApis", "apigateway:UpdateStage", "logs:CreateLogGroup", "iam:GetRole"] {
        proxy.fault(op, Fault::Status(503), When::First(2));
    }
    for op in ["apigateway:GetStages", "iam:CreateRole", "logs:PutRetentionPolicy", "sts:GetCallerIdentity"] {
        proxy.fault(op, Fault::Reset, When::First(1));
    }
    proxy.fault("apigateway:UpdateAccount", Fault::Status(500), When::First(1));
    acct.json_at(&proxy.url, &["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_enabled(&acct, &api);
    assert_eq!(proxy.injected(), 13);
}

#[test]
fn a_write_that_keeps_failing_is_reported_with_what_was_applied() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = proxy();
    proxy.fault("apigateway:UpdateStage", Fault::Status(500), When::Always);
    let out = acct.json_at(&proxy.url, &["enable", "--api", "orders", "--stage", "prod"], 1);
    assert_eq!(out["applied"], serde_json::json!([1, 2, 3, 4, 5, 6, 7]));
    let error = out["error"].as_str().unwrap();
    assert!(
        error.contains("stopped at step 8 of 8") && error.contains("8 (apigateway:UpdateStage)"),
        "{error}"
    );
    assert!(proxy.calls("apigateway:UpdateStage") >= 2, "retried before giving up");
    assert!(acct.account_role().is_some());
    assert_eq!(acct.log_groups().len(), 2);
    assert_eq!(acct.stage(&api, "prod").method_settings().map(|m| m.len()).unwrap_or(0), 0);
    // Once the fault is gone, a rerun converges.
    acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_enabled(&acct, &api);
}

#[test]
fn call_and_overall_timeouts_are_enforced() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    let proxy = proxy();
    proxy.fault("apigateway:GetAccount", Fault::Delay(Duration::from_secs(3)), When::Always);
    let (code, _, stderr) = acct.run_at(&proxy.url, &["account", "show", "--call-timeout", "1"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("apigateway:GetAccount") && stderr.contains("timed out"), "{stderr}");

    let slow = Proxy::start(emulator_url());
    slow.fault("apigateway:GetRestApis", Fault::Delay(Duration::from_secs(30)), When::Always);
    let started = std::time::Instant::now();
    let (code, _, stderr) = acct.run_at(&slow.url, &["stage", "show", "--api", "orders", "--timeout", "3"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("gave up after 3s (--timeout)"), "{stderr}");
    // A read-only command stops at the deadline; only plan application gets 2 s more, to report
    // what it applied (it once took those 2 s here too, while saying "3s").
    let took = started.elapsed();
    assert!(took < Duration::from_millis(4_500), "gave up after {took:?}, not 3 s");
}

#[test]
fn ctrl_c_during_apply_stops_after_the_call_in_flight_and_a_rerun_converges() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = proxy();
    proxy.fault("logs:CreateLogGroup", Fault::Delay(Duration::from_secs(2)), When::Always);
    let mut child = acct
        .process_at(&proxy.url, &["enable", "--api", "orders", "--stage", "prod"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    // The access and execution groups are created side by side: both calls are in flight.
    let mut seen = String::new();
    while seen.matches("logs:CreateLogGroup").count() < 2 {
        let mut line = String::new();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "exited before the log groups: {seen}");
        seen.push_str(&line);
    }
    std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    assert_eq!(status.code(), Some(130), "{seen}{rest}");
    assert!(rest.contains("stopping after the call in flight"), "{rest}");
    // The role steps (1-3) run alongside the log groups, so how many of them ran depends on timing;
    // each group in flight and its retention go together, and nothing after them runs.
    let applied: Vec<u32> = rest
        .split("applied steps [")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .map(|list| list.split(", ").map(|n| n.parse().unwrap()).collect())
        .unwrap_or_else(|| panic!("no list of applied steps: {rest}"));
    assert!(applied.ends_with(&[4, 5, 6, 7]) && !applied.contains(&8), "{rest}");
    let mut groups = acct.log_groups();
    groups.sort();
    assert_eq!(
        groups,
        [
            (format!("API-Gateway-Access-Logs_{api}/prod"), Some(30)),
            (format!("API-Gateway-Execution-Logs_{api}/prod"), Some(30))
        ]
    );
    assert_eq!(
        acct.stage(&api, "prod").method_settings().map(|m| m.len()).unwrap_or(0),
        0,
        "step 8 not applied"
    );

    let rerun = acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    let calls = plan_calls(&rerun);
    assert!(
        calls.ends_with(&["apigateway:UpdateStage"]) && !calls.iter().any(|c| c.starts_with("logs:")),
        "only role steps not yet applied and the stage update are left: {rerun}"
    );
    assert_enabled(&acct, &api);
}
