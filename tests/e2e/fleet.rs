//! Fleet runs: many APIs and stages in one process, concurrently, through throttling; per-target
//! failures; and API economy (a second run reads and writes nothing it does not need).

use crate::faults::{Fault, Proxy, When};
use crate::harness::*;

const WRITES: &[&str] = &[
    "iam:CreateRole",
    "iam:AttachRolePolicy",
    "apigateway:UpdateAccount",
    "apigateway:UpdateStage",
    "logs:CreateLogGroup",
    "logs:PutRetentionPolicy",
];

#[test]
fn thirty_apis_times_two_stages_in_one_run_through_throttling_then_a_rerun_writes_nothing() {
    let acct = Account::new();
    let apis: Vec<String> = (0..30)
        .map(|i| {
            let api = acct.create_api(&format!("svc-{i:02}"), "prod", &[]);
            acct.add_stage(&api, "dev");
            api
        })
        .collect();
    let throttling = Proxy::start(emulator_url());
    throttling.enforce_aws_rules();
    throttling.fault("*", Fault::Throttle, When::Pattern { hits: &[1, 4, 7], period: 10 });

    let out = acct.json_at(&throttling.url, &["enable", "--all-apis", "--all-stages"], 0);
    assert!(throttling.injected() > 50, "throttled {} times", throttling.injected());
    assert_eq!(out["targets"].as_array().unwrap().len(), 60, "one result per stage");
    assert!(out["targets"].as_array().unwrap().iter().all(|t| t["error"].is_null()));

    // Every stage configured, read back directly from the emulator.
    let groups = acct.log_groups();
    for api in &apis {
        for stage in ["prod", "dev"] {
            let s = acct.stage(api, stage);
            assert_eq!(s.method_settings().unwrap()["*/*"].logging_level(), Some("INFO"), "{api}/{stage}");
            assert!(s.access_log_settings().and_then(|a| a.destination_arn()).is_some(), "{api}/{stage}");
            for kind in ["Access", "Execution"] {
                let name = format!("API-Gateway-{kind}-Logs_{api}/{stage}");
                assert!(groups.contains(&(name.clone(), Some(30))), "{name}");
            }
        }
    }

    // The second run: one GetRestApis, one GetStages per API, one GetAccount, and no write.
    let counting = Proxy::start(emulator_url());
    let again = acct.json_at(&counting.url, &["enable", "--all-apis", "--all-stages"], 0);
    assert_eq!(again["changed"], false);
    for write in WRITES {
        assert_eq!(counting.calls(write), 0, "{write} on a configured fleet");
    }
    assert_eq!(counting.calls("apigateway:GetRestApis"), 1);
    assert_eq!(counting.calls("apigateway:GetStages"), 30);
    assert_eq!(counting.calls("apigateway:GetAccount"), 1);
}

#[test]
fn a_failing_target_is_reported_while_the_others_are_configured() {
    let acct = Account::new();
    let role = acct.create_role("logging", &api_gateway_trust(&acct.id), true);
    acct.set_account_role(&role);
    let a = acct.create_api("a", "prod", &[]);
    let b = acct.create_api("b", "prod", &[]);
    let c = acct.create_api("c", "prod", &[]);
    let proxy = Proxy::start(emulator_url());
    proxy.fault_on("apigateway:UpdateStage", &format!("/restapis/{b}/"), Fault::Status(500), When::Always);

    let out =
        acct.json_at(&proxy.url, &["enable", "--api", "a", "--api", "b", "--api", "c", "--stage", "prod"], 1);
    let targets = out["targets"].as_array().unwrap();
    let failed: Vec<&str> =
        targets.iter().filter(|t| !t["error"].is_null()).map(|t| t["target"].as_str().unwrap()).collect();
    assert_eq!(failed, [format!("b ({b})/prod")]);
    let error = out["error"].as_str().unwrap();
    assert!(
        error.contains("1 of 3 targets failed; the others were applied")
            && error.contains("apigateway:UpdateStage"),
        "{error}"
    );
    let level = |api: &str| {
        acct.stage(api, "prod")
            .method_settings()
            .and_then(|m| m.get("*/*").and_then(|s| s.logging_level().map(String::from)))
    };
    assert_eq!(level(&a).as_deref(), Some("INFO"));
    assert_eq!(level(&c).as_deref(), Some("INFO"));
    assert_eq!(level(&b), None, "b's UpdateStage failed");

    // Without the fault, a rerun completes b only.
    let rerun = acct.json(&["enable", "--api", "a", "--api", "b", "--api", "c", "--stage", "prod"], 0);
    assert_eq!(rerun["targets"].as_array().unwrap().len(), 1, "{rerun}");
    assert_eq!(level(&b).as_deref(), Some("INFO"));
}

#[test]
fn targets_by_name_stage_and_region() {
    let acct = Account::new();
    let orders = acct.create_api("orders", "prod", &[]);
    acct.add_stage(&orders, "dev");
    acct.create_api("billing", "dev", &[]);
    // With several APIs, one without the stage is skipped; a stage no API has is an error.
    let plan = acct.json(
        &[
            "stage",
            "set",
            "--api",
            "orders",
            "--api",
            "billing",
            "--stage",
            "prod",
            "--metrics",
            "on",
            "--dry-run",
        ],
        0,
    );
    assert_eq!(plan["plan"].as_array().unwrap().len(), 1, "{plan}");
    assert_eq!(
        plan["targets"][0]["target"],
        format!("orders ({orders})/prod"),
        "dry runs list the targets too"
    );
    assert_eq!(plan["targets"][0]["applied"], serde_json::json!([]));
    let (code, _, stderr) = acct.run(&["stage", "set", "--all-apis", "--stage", "qa", "--metrics", "on"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("none of the 2 APIs has a stage 'qa'"), "{stderr}");
    // --all-regions: every region answers the emulator; only this one has stages. The run prints
    // one document, with one entry per region.
    let out = acct
        .cmd(&["disable", "--all-regions", "--all-apis", "--all-stages", "--dry-run", "--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let docs = doc["regions"].as_array().unwrap();
    assert_eq!(docs.len(), apigw_logs::regions::REGIONS.len(), "an entry per region");
    let with_stages: Vec<&serde_json::Value> =
        docs.iter().filter(|d| !d["result"]["stages"].as_array().unwrap().is_empty()).collect();
    assert_eq!(with_stages.len(), 1, "only this region has stages");
    assert_eq!(with_stages[0]["region"], REGION);
    assert_eq!(with_stages[0]["result"]["stages"].as_array().unwrap().len(), 3);
    let key = format!("arn:aws:kms:{REGION}:{}:key/k", acct.id);
    let (code, _, stderr) = acct.run(&[
        "enable",
        "--all-apis",
        "--all-stages",
        "--region",
        REGION,
        "--region",
        "eu-west-1",
        "--kms-key-id",
        &key,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--kms-key-id names a resource in one region"), "{stderr}");
    // Two --region: one document, the regions in the order given.
    let two = acct.json(
        &[
            "stage",
            "set",
            "--all-apis",
            "--stage",
            "prod",
            "--region",
            REGION,
            "--region",
            "eu-west-1",
            "--metrics",
            "on",
            "--dry-run",
        ],
        0,
    );
    let regions: Vec<&str> =
        two["regions"].as_array().unwrap().iter().map(|r| r["region"].as_str().unwrap()).collect();
    assert_eq!(regions, [REGION, "eu-west-1"], "{two}");
    assert_eq!(two["regions"][0]["command"], "stage set");
    assert_eq!(two["regions"][0]["plan"].as_array().unwrap().len(), 1, "{two}");
    assert_eq!(two["regions"][1]["would_change"], false, "nothing matches there: {two}");
    let shown = acct.json(&["stage", "show", "--all-apis"], 0);
    let names: Vec<&str> =
        shown["apis"].as_array().unwrap().iter().map(|a| a["api"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["billing", "orders"]);
}
