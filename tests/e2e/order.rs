//! The order AWS needs, read from the double's call log: reads start together and writes that do
//! not depend on each other overlap, so only these orders are promised, and these tests hold
//! them: the role's policy is attached before UpdateAccount points the account at it, the
//! account role is set before a stage's execution logging is turned on, and a log group exists
//! before its retention is set (and before a stage sends logs to it).

use crate::faults::Proxy;
use crate::harness::*;
use aws_sdk_apigatewayv2::types::ProtocolType;

/// The position of the first call to `op` in `log` (it must be there).
fn first(log: &[String], op: &str) -> usize {
    log.iter().position(|c| c == op).unwrap_or_else(|| panic!("no {op} in {log:?}"))
}

fn last(log: &[String], op: &str) -> usize {
    log.iter().rposition(|c| c == op).unwrap_or_else(|| panic!("no {op} in {log:?}"))
}

#[test]
fn a_fresh_enable_writes_in_the_order_aws_needs() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[("/pets", "GET")]);
    let proxy = Proxy::start(emulator_url());
    let (code, _, stderr) = acct.run_at(
        &proxy.url,
        &["enable", "--api", "orders", "--stage", "prod", "--execution-log-retention-days", "30", "--yes"],
    );
    assert_eq!(code, 0, "{stderr}");
    let log = proxy.call_log();
    // The role chain: created, its policy attached, then the account pointed at it (the last
    // UpdateAccount: IAM propagation makes the first attempts fail and retry).
    assert!(first(&log, "iam:CreateRole") < first(&log, "iam:AttachRolePolicy"), "{log:?}");
    assert!(last(&log, "iam:AttachRolePolicy") < first(&log, "apigateway:UpdateAccount"), "{log:?}");
    // Execution logging only once the account has its role.
    assert!(last(&log, "apigateway:UpdateAccount") < first(&log, "apigateway:UpdateStage"), "{log:?}");
    // Each group before its retention, and both before the stage logs to them.
    let created: Vec<usize> =
        log.iter().enumerate().filter(|(_, c)| *c == "logs:CreateLogGroup").map(|(i, _)| i).collect();
    let retained: Vec<usize> =
        log.iter().enumerate().filter(|(_, c)| *c == "logs:PutRetentionPolicy").map(|(i, _)| i).collect();
    assert_eq!((created.len(), retained.len()), (2, 2), "access and execution groups: {log:?}");
    assert!(created[0] < retained[0] && created[1] < retained[1], "{log:?}");
    assert!(created.iter().all(|c| *c < first(&log, "apigateway:UpdateStage")), "{log:?}");
    // Nothing was written before the reads the plan needed were made.
    let first_write = first(&log, "iam:CreateRole");
    for read in
        ["apigateway:GetRestApis", "apigateway:GetStages", "apigateway:GetAccount", "sts:GetCallerIdentity"]
    {
        assert!(first(&log, read) < first_write, "{read} before the first write: {log:?}");
    }
}

#[test]
fn a_websocket_stage_gets_its_role_before_its_routes_log() {
    let acct = Account::new();
    let chat = acct.create_v2_api("chat", ProtocolType::Websocket);
    acct.block_on(acct.apigw2().create_stage().api_id(&chat).stage_name("prod").send()).unwrap();
    let proxy = Proxy::start(emulator_url());
    let (code, _, stderr) = acct.run_at(&proxy.url, &["enable", "--api", "chat", "--stage", "prod", "--yes"]);
    assert_eq!(code, 0, "{stderr}");
    let log = proxy.call_log();
    assert!(last(&log, "apigateway:UpdateAccount") < first(&log, "apigatewayv2:UpdateStage"), "{log:?}");
    assert!(first(&log, "logs:CreateLogGroup") < first(&log, "logs:PutRetentionPolicy"), "{log:?}");
}
