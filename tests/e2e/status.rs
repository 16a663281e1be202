//! `status`: each broken link of the chain is set up directly through the SDK, found with its
//! severity and exit code, then repaired by `status --fix` and verified through the SDK.

use crate::harness::*;
use aws_sdk_apigateway::types::{Op, PatchOperation};
use serde_json::Value;

/// The codes of a stage's findings with this severity, from `status --output json`.
fn stage_codes(doc: &Value, api: &str, stage: &str, severity: &str) -> Vec<String> {
    let apis = doc["regions"][0]["apis"].as_array().unwrap();
    let api = apis.iter().find(|a| a["name"] == api).unwrap_or_else(|| panic!("{api} in {doc}"));
    let stage = api["stages"].as_array().unwrap().iter().find(|s| s["stage"] == stage).unwrap();
    codes(&stage["findings"], severity)
}

fn account_codes(doc: &Value, severity: &str) -> Vec<String> {
    codes(&doc["regions"][0]["account"]["findings"], severity)
}

fn codes(findings: &Value, severity: &str) -> Vec<String> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == severity)
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn patch_stage(acct: &Account, api: &str, path: &str, value: &str) {
    let op = PatchOperation::builder().op(Op::Replace).path(path).value(value).build();
    acct.block_on(
        acct.apigw().update_stage().rest_api_id(api).stage_name("prod").patch_operations(op).send(),
    )
    .unwrap();
}

#[test]
fn stage_findings_are_detected_and_fixed() {
    let acct = Account::new();
    let healthy = acct.create_api("healthy", "prod", &[]);
    let off = acct.create_api("off", "prod", &[]);
    let traced = acct.create_api("traced", "prod", &[]);
    let bad_format = acct.create_api("badformat", "prod", &[]);
    let no_group = acct.create_api("nogroup", "prod", &[]);
    let no_retention = acct.create_api("noretention", "prod", &[]);
    for api in ["healthy", "traced", "badformat", "nogroup", "noretention"] {
        acct.json(&["enable", "--api", api, "--stage", "prod"], 0);
    }
    let clean = acct.json(&["status", "--api", "healthy"], 0);
    assert_eq!((clean["errors"].as_u64(), clean["warnings"].as_u64()), (Some(0), Some(0)), "{clean}");

    // Break each stage another way, behind the tool's back.
    patch_stage(&acct, &traced, "/*/*/logging/dataTrace", "true");
    patch_stage(&acct, &bad_format, "/accessLogSettings/format", "$context.status");
    let logs = acct.logs();
    acct.block_on(
        logs.delete_log_group().log_group_name(format!("API-Gateway-Access-Logs_{no_group}/prod")).send(),
    )
    .unwrap();
    for kind in ["Access", "Execution"] {
        let name = format!("API-Gateway-{kind}-Logs_{no_retention}/prod");
        acct.block_on(logs.delete_retention_policy().log_group_name(name).send()).unwrap();
    }

    let doc = acct.json(&["status"], 5);
    assert_eq!(stage_codes(&doc, "healthy", "prod", "error"), Vec::<String>::new());
    assert_eq!(stage_codes(&doc, "off", "prod", "error"), ["execution-logging-off", "access-logging-off"]);
    assert_eq!(stage_codes(&doc, "traced", "prod", "warning"), ["data-trace-on"]);
    assert_eq!(stage_codes(&doc, "badformat", "prod", "error"), ["access-log-format"]);
    assert_eq!(stage_codes(&doc, "nogroup", "prod", "error"), ["access-log-group-missing"]);
    assert_eq!(
        stage_codes(&doc, "noretention", "prod", "warning"),
        ["access-log-retention", "execution-log-retention"]
    );
    let fixes: Vec<&str> = doc["regions"][0]["apis"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["stages"][0]["findings"].as_array().unwrap())
        .filter(|f| f["severity"] != "ok")
        .map(|f| f["fix"].as_str().expect("every problem names its fix"))
        .collect();
    assert!(fixes.iter().all(|f| f.starts_with("apigw-logs ")), "{fixes:?}");
    assert_eq!(acct.json(&["status", "--api", "traced"], 0)["warnings"], 1, "warnings alone exit 0");
    acct.json(&["status", "--api", "traced", "--strict"], 5);

    // The text tree names the broken link, its fix, and the summary.
    let (code, text, _) = acct.run(&["status", "--api", "badformat", "--color", "never"]);
    assert_eq!(code, 5);
    assert!(text.contains("API badformat") && text.contains("`- stage prod"), "{text}");
    assert!(text.contains("XX access log format:") && text.contains("fix: apigw-logs stage set"), "{text}");
    assert!(text.ends_with("1 error(s), 0 warning(s)\n"), "{text}");

    let (code, _, stderr) = acct.run(&["status", "--fix"]);
    assert_eq!(code, 2, "--fix asks for confirmation, --yes without a terminal: {stderr}");
    acct.json(&["status", "--fix", "--yes"], 0);
    acct.json(&["status", "--strict"], 0);
    // Repaired, as read back through the SDK.
    let off = acct.stage(&off, "prod");
    assert_eq!(off.method_settings().unwrap()["*/*"].logging_level(), Some("INFO"));
    assert!(off.access_log_settings().unwrap().destination_arn().is_some());
    assert!(!acct.stage(&traced, "prod").method_settings().unwrap()["*/*"].data_trace_enabled());
    let json_format = apigw_logs::api::ApiKind::Rest.preset("json").unwrap().format;
    assert_eq!(acct.stage(&bad_format, "prod").access_log_settings().unwrap().format(), Some(json_format));
    let groups = acct.log_groups();
    for name in [
        format!("API-Gateway-Access-Logs_{no_group}/prod"),
        format!("API-Gateway-Access-Logs_{no_retention}/prod"),
        format!("API-Gateway-Execution-Logs_{no_retention}/prod"),
    ] {
        assert_eq!(groups.iter().find(|(n, _)| *n == name).map(|(_, d)| *d), Some(Some(30)), "{name}");
    }
    assert_eq!(acct.json(&["status", "--api", &healthy], 0)["errors"], 0);
}

#[test]
fn account_role_findings_are_detected_and_fixed() {
    let acct = Account::new();
    assert_eq!(account_codes(&acct.json(&["status"], 5), "error"), ["account-role-not-set"]);

    // A role whose managed policy was detached: repaired in place.
    let arn = acct.create_role("team-logging", &api_gateway_trust(&acct.id), true);
    acct.set_account_role(&arn);
    assert_eq!(account_codes(&acct.json(&["status"], 0), "error"), Vec::<String>::new());
    acct.block_on(
        acct.iam().detach_role_policy().role_name("team-logging").policy_arn(MANAGED_POLICY).send(),
    )
    .unwrap();
    assert_eq!(account_codes(&acct.json(&["status"], 5), "error"), ["account-role-policy"]);
    acct.json(&["status", "--fix", "--yes"], 0);
    assert_eq!(acct.attached_policies("team-logging"), [MANAGED_POLICY]);
    assert_eq!(acct.account_role().as_deref(), Some(arn.as_str()), "same role, repaired");

    // Its trust changed to another service: the tool never rewrites it; --fix switches to its own role.
    acct.block_on(
        acct.iam().update_assume_role_policy().role_name("team-logging").policy_document(LAMBDA_TRUST).send(),
    )
    .unwrap();
    assert_eq!(account_codes(&acct.json(&["status"], 5), "error"), ["account-role-trust"]);
    acct.json(&["status", "--fix", "--yes"], 0);
    let default_arn = format!("arn:aws:iam::{}:role/apigateway-cloudwatch-logs", acct.id);
    assert_eq!(acct.account_role(), Some(default_arn));
    assert_eq!(
        acct.role_trust("team-logging").unwrap()["Statement"][0]["Principal"]["Service"],
        "lambda.amazonaws.com"
    );

    // The role deleted by someone else.
    let iam = acct.iam();
    acct.block_on(
        iam.detach_role_policy().role_name("apigateway-cloudwatch-logs").policy_arn(MANAGED_POLICY).send(),
    )
    .unwrap();
    acct.block_on(iam.delete_role().role_name("apigateway-cloudwatch-logs").send()).unwrap();
    assert_eq!(account_codes(&acct.json(&["status"], 5), "error"), ["account-role-missing"]);
    acct.json(&["status", "--fix", "--yes"], 0);
    acct.json(&["status", "--strict"], 0);

    // Several regions in one run: each has its own account setting.
    let doc = acct.json(&["status", "--region", "us-east-1", "--region", "eu-west-1"], 5);
    let regions: Vec<&str> =
        doc["regions"].as_array().unwrap().iter().map(|r| r["region"].as_str().unwrap()).collect();
    assert_eq!(regions, ["us-east-1", "eu-west-1"]);
    assert_eq!(codes(&doc["regions"][1]["account"]["findings"], "error"), ["account-role-not-set"]);
    let (code, _, stderr) = acct.run(&["status", "--fix", "--region", "us-east-1", "--region", "eu-west-1"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--fix works on one region at a time"), "{stderr}");
}

#[test]
fn controls_are_counted_and_fix_repairs_what_fails_them() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    patch_stage(&acct, &api, "/~1pets/GET/logging/loglevel", "OFF");

    let doc = acct.json(&["status", "--api", "orders", "--controls"], 0);
    let controls = &doc["regions"][0]["controls"];
    let count = |control: &str| {
        let c = controls.as_array().unwrap().iter().find(|c| c["control"] == control).unwrap();
        (c["passed"].as_u64().unwrap(), c["failed"].as_u64().unwrap())
    };
    assert_eq!(count("APIGateway.1"), (0, 1), "a method at OFF fails the stage: {controls}");
    assert_eq!(count("APIGateway.9"), (0, 0), "no v2 stage");
    assert_eq!(count("CloudWatch.16"), (0, 2), "both groups keep 30 days, under 365");
    assert_eq!(
        stage_codes(&doc, "orders", "prod", "warning"),
        ["method-logging-off", "log-retention-below-minimum", "log-retention-below-minimum"]
    );
    // Without --controls, neither the counts nor the retention check.
    let plain = acct.json(&["status", "--api", "orders"], 0);
    assert!(plain["regions"][0].get("controls").is_none());
    assert_eq!(stage_codes(&plain, "orders", "prod", "warning"), ["method-logging-off"]);

    let fixed = acct.json(&["status", "--api", "orders", "--controls", "--fix", "--yes"], 0);
    let update =
        fixed["plan"].as_array().unwrap().iter().find(|s| s["action"]["call"] == "apigateway:UpdateStage");
    let ops = &update.unwrap()["action"]["patch_operations"];
    assert!(
        ops.as_array().unwrap().iter().any(|o| o["op"] == "remove" && o["path"] == "/~1pets/GET"),
        "{ops}"
    );
    let groups = acct.log_groups();
    assert!(groups.iter().all(|(_, days)| *days == Some(365)), "raised to the minimum: {groups:?}");
    // The emulator ignores the removal of a method setting (see README), so the override's own
    // repair is checked by its request above; the groups now pass CloudWatch.16.
    let after = acct.json(&["status", "--api", "orders", "--controls"], 0);
    let controls = &after["regions"][0]["controls"];
    let c16 = controls.as_array().unwrap().iter().find(|c| c["control"] == "CloudWatch.16").unwrap();
    assert_eq!((c16["passed"].as_u64(), c16["failed"].as_u64()), (Some(2), Some(0)), "{controls}");
}
