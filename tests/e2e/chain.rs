//! The logging chain: role, account setting, log group, stage — each verified through the test's
//! own SDK clients, not through the tool's output.

use crate::harness::*;

const ROLE: &str = "apigateway-cloudwatch-logs";

#[test]
fn enable_on_a_fresh_account_sets_all_four_links_and_reruns_as_a_no_op() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    assert_eq!(acct.account_role(), None);

    let first = acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(first["changed"], true);
    let calls = plan_calls(&first);
    assert_eq!(
        calls,
        [
            "iam:CreateRole",
            "iam:AttachRolePolicy",
            "apigateway:UpdateAccount",
            "logs:CreateLogGroup",
            "logs:PutRetentionPolicy",
            "logs:CreateLogGroup",
            "logs:PutRetentionPolicy",
            "apigateway:UpdateStage"
        ]
    );

    // 1. the role: AWS's documented trust policy (API Gateway, no condition), exactly the managed policy
    let trust = acct.role_trust(ROLE).expect("role exists");
    let statement = &trust["Statement"][0];
    assert_eq!(
        statement,
        &serde_json::json!({"Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"})
    );
    assert_eq!(trust["Statement"].as_array().unwrap().len(), 1);
    assert_eq!(acct.attached_policies(ROLE), [MANAGED_POLICY]);
    // 2. the account setting
    let role_arn = format!("arn:aws:iam::{}:role/{ROLE}", acct.id);
    assert_eq!(acct.account_role().as_deref(), Some(role_arn.as_str()));
    // 3. the log groups, access and execution, with bounded retention
    let group = format!("API-Gateway-Access-Logs_{api}/prod");
    let execution_group = format!("API-Gateway-Execution-Logs_{api}/prod");
    assert_eq!(acct.log_groups(), [(group.clone(), Some(30)), (execution_group, Some(30))]);
    // 4. the stage
    let stage = acct.stage(&api, "prod");
    let wide = &stage.method_settings().unwrap()["*/*"];
    assert_eq!(wide.logging_level(), Some("INFO"));
    assert!(!wide.data_trace_enabled() && !wide.metrics_enabled());
    let access = stage.access_log_settings().unwrap();
    assert_eq!(
        access.destination_arn(),
        Some(format!("arn:aws:logs:{REGION}:{}:log-group:{group}", acct.id).as_str())
    );
    assert_eq!(access.format(), Some(apigw_logs::api::ApiKind::Rest.preset("json").unwrap().format));

    let before = acct.snapshot(&api, "prod");
    let second = acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(second["changed"], false);
    assert_eq!(second["would_change"], false);
    assert_eq!(second["plan"], serde_json::json!([]));
    assert_eq!(acct.snapshot(&api, "prod"), before);
    let (code, stdout, _) = acct.run(&["enable", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Nothing to change"), "{stdout}");
}

#[test]
fn enable_dry_run_prints_the_plan_and_writes_nothing() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let before = acct.snapshot(&api, "prod");
    let (code, stdout, _) = acct.run(&["enable", "--api", &api, "--stage", "prod", "--dry-run"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1. iam:CreateRole  role/apigateway-cloudwatch-logs"), "{stdout}");
    assert!(stdout.contains("stage logging level: OFF → INFO"), "{stdout}");
    assert!(stdout.contains("Dry run: no changes made."), "{stdout}");
    assert_eq!(acct.snapshot(&api, "prod"), before);
}

#[test]
fn enable_reuses_a_healthy_account_role_and_honours_flags() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let arn = acct.create_role("team-logging", &api_gateway_trust(&acct.id), true);
    acct.set_account_role(&arn);
    let out = acct.json(
        &[
            "enable",
            "--api",
            "orders",
            "--stage",
            "prod",
            "--level",
            "error",
            "--metrics",
            "on",
            "--access-log-format",
            "clf",
            "--retention-days",
            "90",
        ],
        0,
    );
    let calls = plan_calls(&out);
    assert_eq!(
        calls,
        [
            "logs:CreateLogGroup",
            "logs:PutRetentionPolicy",
            "logs:CreateLogGroup",
            "logs:PutRetentionPolicy",
            "apigateway:UpdateStage"
        ]
    );
    assert_eq!(acct.account_role().as_deref(), Some(arn.as_str()), "shared role left alone");
    assert!(acct.role_trust(ROLE).is_none(), "no second role created");
    assert_eq!(acct.log_groups()[0].1, Some(90));
    let stage = acct.stage(&api, "prod");
    let wide = &stage.method_settings().unwrap()["*/*"];
    assert_eq!((wide.logging_level(), wide.metrics_enabled()), (Some("ERROR"), true));
    assert_eq!(
        stage.access_log_settings().unwrap().format(),
        Some(apigw_logs::api::ApiKind::Rest.preset("clf").unwrap().format)
    );
}

#[test]
fn enable_keeps_existing_access_logging_and_log_levels() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.json(
        &[
            "enable",
            "--api",
            "orders",
            "--stage",
            "prod",
            "--level",
            "error",
            "--access-log-group",
            "team/logs",
            "--access-log-format",
            "clf",
        ],
        0,
    );
    let before = acct.snapshot(&api, "prod");
    let again = acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(again["changed"], false, "a plain enable neither redirects logs nor resets format or level");
    assert_eq!(acct.snapshot(&api, "prod"), before);
    assert!(!acct.log_groups().iter().any(|(name, _)| name.starts_with("API-Gateway-Access-Logs_")));
}

#[test]
fn enable_replaces_a_broken_account_role_without_asking() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    acct.set_account_role(&format!("arn:aws:iam::{}:role/deleted-by-another-stack", acct.id));
    acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(acct.account_role(), Some(format!("arn:aws:iam::{}:role/{ROLE}", acct.id)));
}

#[test]
fn role_create_is_idempotent_and_repairs_a_missing_attachment() {
    let acct = Account::new();
    let (code, stdout, _) = acct.run(&["role", "create"]);
    assert_eq!(code, 0);
    let arn = format!("arn:aws:iam::{}:role/{ROLE}", acct.id);
    assert!(stdout.trim_end().ends_with(&arn), "prints the ARN: {stdout}");
    assert_eq!(acct.attached_policies(ROLE), [MANAGED_POLICY]);

    let again = acct.json(&["role", "create"], 0);
    assert_eq!(
        (again["changed"].as_bool(), again["result"]["role_arn"].as_str()),
        (Some(false), Some(arn.as_str()))
    );

    acct.block_on(acct.iam().detach_role_policy().role_name(ROLE).policy_arn(MANAGED_POLICY).send()).unwrap();
    let repair = acct.json(&["role", "create"], 0);
    assert_eq!(repair["plan"][0]["action"]["call"], "iam:AttachRolePolicy");
    assert_eq!(repair["plan"].as_array().unwrap().len(), 1);
    assert_eq!(acct.attached_policies(ROLE), [MANAGED_POLICY]);
}

#[test]
fn role_create_refuses_a_role_that_does_not_trust_api_gateway() {
    let acct = Account::new();
    acct.create_role("lambda-role", LAMBDA_TRUST, false);
    let (code, _, stderr) = acct.run(&["role", "create", "--role-name", "lambda-role"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("does not allow apigateway.amazonaws.com"), "{stderr}");
    assert!(stderr.contains("left unchanged"), "{stderr}");
    assert_eq!(acct.attached_policies("lambda-role"), Vec::<String>::new());
    assert_eq!(
        acct.role_trust("lambda-role").unwrap()["Statement"][0]["Principal"]["Service"],
        "lambda.amazonaws.com"
    );
}

#[test]
fn account_show_reports_the_role_and_its_health() {
    let acct = Account::new();
    let none = acct.json(&["account", "show"], 0);
    assert_eq!((none["cloudwatch_role_arn"].is_null(), none["region"].as_str()), (true, Some(REGION)));

    let arn = acct.create_role("r", &api_gateway_trust(&acct.id), false);
    acct.set_account_role(&arn);
    let unhealthy = acct.json(&["account", "show"], 0);
    assert_eq!(unhealthy["role_health"]["exists"], true);
    assert_eq!(unhealthy["role_health"]["trusts_api_gateway"], true);
    assert_eq!(unhealthy["role_health"]["has_policy"], false);
    assert_eq!(unhealthy["healthy"], false);

    let (code, stdout, _) = acct.run(&["account", "show"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("has managed policy: no"), "{stdout}");
}

#[test]
fn account_set_role_checks_health_confirms_replacements_and_skips_no_ops() {
    let acct = Account::new();
    let unhealthy = acct.create_role("no-policy", &api_gateway_trust(&acct.id), false);
    let (code, _, stderr) = acct.run(&["account", "set-role", "--role-arn", &unhealthy]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("AmazonAPIGatewayPushToCloudWatchLogs is not attached"), "{stderr}");
    assert_eq!(acct.account_role(), None);

    let first = acct.create_role("first", API_GATEWAY_TRUST, true);
    acct.json(&["account", "set-role", "--role-name", "first"], 0);
    assert_eq!(acct.account_role().as_deref(), Some(first.as_str()));
    let again = acct.json(&["account", "set-role", "--role-arn", &first], 0);
    assert_eq!(again["plan"], serde_json::json!([]), "no call when already set");

    let second = acct.create_role("second", API_GATEWAY_TRUST, true);
    let (code, _, stderr) = acct.run(&["account", "set-role", "--role-arn", &second]);
    assert_eq!(code, 2, "needs --yes without a terminal: {stderr}");
    assert!(stderr.contains("--yes"), "{stderr}");
    assert_eq!(acct.account_role().as_deref(), Some(first.as_str()));
    let replaced = acct.json(&["account", "set-role", "--role-arn", &second, "--yes"], 0);
    assert!(replaced["plan"][0]["confirm"].as_str().unwrap().contains("shared by every"));
    assert_eq!(acct.account_role().as_deref(), Some(second.as_str()));
}

#[test]
fn account_reset_needs_confirmation_and_unsets_the_role() {
    let acct = Account::new();
    let arn = acct.create_role("r", &api_gateway_trust(&acct.id), true);
    acct.set_account_role(&arn);
    let (code, _, stderr) = acct.run(&["account", "reset"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(acct.account_role().as_deref(), Some(arn.as_str()));
    acct.json(&["account", "reset", "-y"], 0);
    assert_eq!(acct.account_role(), None);
    assert_eq!(acct.json(&["account", "reset"], 0)["changed"], false);
}

#[test]
fn disable_turns_logging_off_and_keeps_log_groups_unless_asked() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    let (code, _, stderr) = acct.run(&["enable", "--api", "orders", "--stage", "prod", "--data-trace", "on"]);
    assert_eq!(code, 2, "data trace needs confirmation: {stderr}");
    assert!(stderr.contains("warning: data trace writes full request and response bodies"), "{stderr}");
    assert_eq!(acct.account_role(), None, "nothing applied");
    acct.json(&["enable", "--api", "orders", "--stage", "prod", "--data-trace", "on", "--yes"], 0);
    assert!(acct.stage(&api, "prod").method_settings().unwrap()["*/*"].data_trace_enabled());
    acct.json(
        &["stage", "set", "--api", "orders", "--stage", "prod", "--method", "GET /pets", "--level", "info"],
        0,
    );

    acct.json(&["disable", "--api", "orders", "--stage", "prod"], 0);
    let stage = acct.stage(&api, "prod");
    let settings = stage.method_settings().unwrap();
    assert_eq!(settings["*/*"].logging_level(), Some("OFF"));
    assert!(!settings["*/*"].data_trace_enabled());
    assert_eq!(settings["~1pets/GET"].logging_level(), Some("OFF"), "overrides stop logging too");
    assert!(stage.access_log_settings().is_none_or(|a| a.destination_arn().is_none()));
    assert_eq!(acct.log_groups().len(), 2, "log groups kept");
    assert!(acct.account_role().is_some(), "role kept");
    assert_eq!(acct.json(&["disable", "--api", "orders", "--stage", "prod"], 0)["changed"], false);
}

#[test]
fn disable_delete_log_group_confirms_then_deletes() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    let (code, _, stderr) =
        acct.run(&["disable", "--api", "orders", "--stage", "prod", "--access-only", "--delete-log-group"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(acct.log_groups().len(), 2);
    acct.json(&["disable", "--api", "orders", "--stage", "prod", "--access-only"], 0);
    assert_eq!(acct.log_groups().len(), 2, "kept without --delete-log-group");
    // The stage no longer names its group; the default one is still found and deleted.
    acct.json(
        &["disable", "--api", "orders", "--stage", "prod", "--access-only", "--delete-log-group", "--yes"],
        0,
    );
    let execution_group = format!("API-Gateway-Execution-Logs_{api}/prod");
    assert_eq!(acct.log_groups(), [(execution_group, Some(30))], "--access-only keeps the execution group");
    let stage = acct.stage(&api, "prod");
    assert_eq!(
        stage.method_settings().unwrap()["*/*"].logging_level(),
        Some("INFO"),
        "--access-only keeps execution logging"
    );
    acct.json(&["disable", "--api", "orders", "--stage", "prod", "--delete-log-group", "--yes"], 0);
    assert_eq!(acct.log_groups(), [], "the execution group goes with execution logging");
}
