//! Execution log delivery (REST): create, rerun with no write, format change, removal, disable,
//! `stage show`, `status` findings and `apply`, against the emulator behind the strict double
//! (which accepts API Gateway sources, refuses them on a stage at OFF, and refuses deleting a
//! source or destination a delivery uses). State is read back through the SDK.

use crate::harness::*;
use aws_sdk_apigateway::types::{Op, PatchOperation};
use serde_json::Value;

/// `(source resource ARN, destination resource ARN, format)` of every delivery in the account,
/// read through the double (which shows API Gateway sources as AWS does).
fn deliveries(acct: &Account) -> Vec<(String, String, String)> {
    let (_, logs) = acct.clients_at(double_url());
    acct.block_on(async {
        let sources = logs.describe_delivery_sources().send().await.unwrap();
        let destinations = logs.describe_delivery_destinations().send().await.unwrap();
        let deliveries = logs.describe_deliveries().send().await.unwrap();
        let mut found: Vec<(String, String, String)> = deliveries
            .deliveries()
            .iter()
            .map(|d| {
                let source = sources
                    .delivery_sources()
                    .iter()
                    .find(|s| s.name() == d.delivery_source_name())
                    .expect("the delivery's source exists");
                assert_eq!(source.log_type(), Some("EXECUTION_LOGS"));
                assert_eq!(source.service(), Some("apigateway"));
                let destination = destinations
                    .delivery_destinations()
                    .iter()
                    .find(|x| x.arn() == d.delivery_destination_arn())
                    .expect("the delivery's destination exists");
                (
                    source.resource_arns()[0].clone(),
                    destination
                        .delivery_destination_configuration()
                        .unwrap()
                        .destination_resource_arn()
                        .to_string(),
                    destination.output_format().unwrap().as_str().to_string(),
                )
            })
            .collect();
        found.sort();
        found
    })
}

/// Counts of delivery sources and destinations in the account.
fn objects(acct: &Account) -> (usize, usize) {
    let (_, logs) = acct.clients_at(double_url());
    acct.block_on(async {
        let sources = logs.describe_delivery_sources().send().await.unwrap();
        let destinations = logs.describe_delivery_destinations().send().await.unwrap();
        (sources.delivery_sources().len(), destinations.delivery_destinations().len())
    })
}

fn set_level(acct: &Account, api: &str, level: &str) {
    let op = PatchOperation::builder().op(Op::Replace).path("/*/*/logging/loglevel").value(level).build();
    acct.block_on(
        acct.apigw().update_stage().rest_api_id(api).stage_name("prod").patch_operations(op).send(),
    )
    .unwrap();
}

fn calls(report: &Value) -> Vec<String> {
    plan_calls(report).into_iter().map(String::from).collect()
}

#[test]
fn enable_delivers_to_several_destinations_and_a_rerun_writes_nothing() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:/exec/orders", acct.id);
    let bucket = "arn:aws:s3:::exec-logs-bucket/orders,format=parquet";
    let args = [
        "enable",
        "--api",
        "orders",
        "--stage",
        "prod",
        "--execution-log-destination",
        &group,
        "--execution-log-destination",
        bucket,
    ];
    let report = acct.json(&args, 0);
    let plan = calls(&report);
    let update = plan.iter().position(|c| c == "apigateway:UpdateStage").unwrap();
    let source = plan.iter().position(|c| c == "logs:PutDeliverySource").unwrap();
    assert!(update < source, "the level is set before the source: {plan:?}");
    let stage_arn = format!("arn:aws:apigateway:{REGION}:{}:/restapis/{api}/stages/prod", acct.id);
    assert_eq!(
        deliveries(&acct),
        [
            (stage_arn.clone(), group.clone(), "json".to_string()),
            (stage_arn.clone(), "arn:aws:s3:::exec-logs-bucket/orders".to_string(), "parquet".to_string()),
        ]
    );
    let groups = acct.log_groups();
    assert!(
        groups.contains(&("/exec/orders".to_string(), Some(30))),
        "destination group created: {groups:?}"
    );

    let rerun = acct.json(&args, 0);
    assert_eq!(rerun["plan"], serde_json::json!([]), "{rerun}");
    assert_eq!(rerun["changed"], false);

    // `stage show` lists the deliveries, in JSON and in text.
    let shown = acct.json(&["stage", "show", "--api", "orders"], 0);
    let listed = &shown["apis"][0]["stages"][0]["execution_log_deliveries"];
    let kinds: Vec<&str> = listed.as_array().unwrap().iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.len(), 2, "{shown}");
    assert!(kinds.contains(&"log_group") && kinds.contains(&"s3"), "{shown}");
    let (code, text, _) = acct.run(&["stage", "show", "--api", "orders"]);
    assert_eq!(code, 0);
    assert!(text.contains(&format!("log group: {group}   format: json")), "{text}");
    assert!(text.contains("S3 bucket: arn:aws:s3:::exec-logs-bucket/orders   format: parquet"), "{text}");
}

#[test]
fn stage_set_on_an_off_stage_sets_error_then_changes_format_drops_and_disable_removes() {
    let acct = Account::new();
    let arn = acct.create_role("logging", &api_gateway_trust(&acct.id), true);
    acct.set_account_role(&arn);
    let api = acct.create_api("orders", "prod", &[]);
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:/exec/orders", acct.id);
    let stream = format!("arn:aws:firehose:{REGION}:{}:deliverystream/exec-logs", acct.id);
    let set = |destinations: &[String]| {
        let mut args = vec!["stage", "set", "--api", "orders", "--stage", "prod"];
        for d in destinations {
            args.extend(["--execution-log-destination", d.as_str()]);
        }
        acct.json(&args, 0)
    };

    let report = set(&[group.clone(), format!("{stream},format=raw")]);
    let plan = report["plan"].as_array().unwrap();
    let update = plan.iter().find(|s| s["action"]["call"] == "apigateway:UpdateStage").unwrap();
    let level =
        update["changes"].as_array().unwrap().iter().find(|c| c["field"] == "stage logging level").unwrap();
    assert_eq!(level["before"], "OFF");
    assert_eq!(level["after"], "ERROR (execution log delivery needs ERROR or INFO)", "the plan says why");
    let stage = acct.stage(&api, "prod");
    assert_eq!(stage.method_settings().unwrap()["*/*"].logging_level(), Some("ERROR"));
    assert_eq!(deliveries(&acct).len(), 2);

    // A format change replaces the delivery and its destination object.
    let report = set(&[format!("{group},format=plain"), format!("{stream},format=raw")]);
    assert_eq!(
        calls(&report),
        [
            "logs:DeleteDelivery",
            "logs:DeleteDeliveryDestination",
            "logs:PutDeliveryDestination",
            "logs:CreateDelivery"
        ]
    );
    let formats: Vec<String> = deliveries(&acct).into_iter().map(|(_, _, f)| f).collect();
    assert_eq!(formats, ["raw", "plain"], "Firehose, then the log group");
    assert_eq!(objects(&acct), (1, 2), "the old destination object is gone");

    // Dropping a destination deletes its delivery and its object.
    let report = set(&[format!("{group},format=plain")]);
    assert_eq!(calls(&report), ["logs:DeleteDelivery", "logs:DeleteDeliveryDestination"]);
    assert_eq!(deliveries(&acct).len(), 1);

    // disable removes the deliveries and the source; the log group stays.
    let report = acct.json(&["disable", "--api", "orders", "--stage", "prod"], 0);
    let plan = calls(&report);
    assert_eq!(
        plan[..3],
        ["logs:DeleteDelivery", "logs:DeleteDeliveryDestination", "logs:DeleteDeliverySource"],
        "{plan:?}"
    );
    assert_eq!(deliveries(&acct), []);
    assert_eq!(objects(&acct), (0, 0));
    assert!(acct.log_groups().iter().any(|(g, _)| g == "/exec/orders"), "destinations are never deleted");
}

#[test]
fn status_flags_a_source_on_an_off_stage_and_a_missing_destination_group_and_fixes_them() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:/exec/orders", acct.id);
    acct.json(&["enable", "--api", "orders", "--stage", "prod", "--execution-log-destination", &group], 0);
    let (code, stdout, _) = acct.run(&["status", "--api", "orders"]);
    assert_eq!(code, 0, "healthy: {stdout}");
    assert!(stdout.contains("execution logs also delivered to"), "{stdout}");

    // Someone turns the stage OFF and deletes the destination group.
    set_level(&acct, &api, "OFF");
    acct.block_on(acct.logs().delete_log_group().log_group_name("/exec/orders").send()).unwrap();
    let report = acct.json(&["status", "--api", "orders"], 5);
    let stage = &report["regions"][0]["apis"][0]["stages"][0];
    let findings = stage["findings"].as_array().unwrap();
    let find =
        |code: &str| findings.iter().find(|f| f["code"] == code).unwrap_or_else(|| panic!("{code}: {stage}"));
    let off = find("execution-log-delivery-level-off");
    assert!(off["fix"].as_str().unwrap().contains("--level info"), "{off}");
    let missing = find("execution-log-delivery-destination-missing");
    assert!(missing["message"].as_str().unwrap().contains("/exec/orders"), "{missing}");
    assert!(
        missing["fix"]
            .as_str()
            .unwrap()
            .contains(&format!("--execution-log-destination {group},format=json"))
    );

    acct.json(&["status", "--api", "orders", "--fix", "--yes"], 0);
    assert!(acct.log_groups().iter().any(|(g, _)| g == "/exec/orders"), "the group is back");
    let stage = acct.stage(&api, "prod");
    assert_ne!(stage.method_settings().unwrap()["*/*"].logging_level(), Some("OFF"));
    assert_eq!(deliveries(&acct).len(), 1, "the delivery was kept");
    let (code, stdout, _) = acct.run(&["status", "--api", "orders"]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn apply_declares_the_destinations_and_an_empty_list_removes_them() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    let file = |destinations: &str| {
        temp_file(
            &acct,
            "apigw-logs.toml",
            format!("[[stage]]\napi = \"orders\"\nlevel = \"error\"\nexecution_log_destinations = [{destinations}]\n")
                .as_bytes(),
        )
    };
    let with = file("\"arn:aws:s3:::exec-logs-bucket,format=w3c\"");
    acct.json(&["apply", "-f", &with], 0);
    let found = deliveries(&acct);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].1.as_str(), found[0].2.as_str()), ("arn:aws:s3:::exec-logs-bucket", "w3c"));
    let (code, _, stderr) = acct.run(&["apply", "-f", &with, "--check"]);
    assert_eq!(code, 0, "no drift after apply: {stderr}");

    let without = file("");
    acct.json(&["apply", "-f", &without], 0);
    assert_eq!(deliveries(&acct), []);
    assert_eq!(objects(&acct), (0, 0));
}

#[test]
fn bad_delivery_requests_exit_2_before_any_write() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    let http = acct.create_v2_api("web", aws_sdk_apigatewayv2::types::ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&http).stage_name("prod").send()).unwrap();
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:/exec/orders", acct.id);
    let other_region = format!("arn:aws:logs:eu-west-1:{}:log-group:/exec/orders", acct.id);
    let set = |destination: &str, more: &[&str]| -> Vec<String> {
        let mut args = ["stage", "set", "--api", "orders", "--stage", "prod", "--execution-log-destination"]
            .map(String::from)
            .to_vec();
        args.push(destination.to_string());
        args.extend(more.iter().map(|s| s.to_string()));
        args
    };
    let mut web = set(&group, &[]);
    web[3] = "web".into();
    let cases = [
        (web, "REST API stages only"),
        (set(&group, &["--level", "off"]), "--level off"),
        (set(&other_region, &[]), "region eu-west-1"),
        (
            set("arn:aws:s3:::a-bucket", &["--execution-log-destination", "arn:aws:s3:::b-bucket"]),
            "two S3 bucket destinations",
        ),
        (set(&format!("{group},format=parquet"), &[]), "use one of json, plain"),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, stderr) = acct.run(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    assert_eq!(objects(&acct), (0, 0));
    assert_eq!(acct.account_role(), None);
    assert!(acct.log_groups().is_empty());
}
