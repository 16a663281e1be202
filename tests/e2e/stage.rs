//! `stage show` and `stage set`.

use crate::harness::*;

fn with_role(acct: &Account) {
    let arn = acct.create_role("logging", &api_gateway_trust(&acct.id), true);
    acct.set_account_role(&arn);
}

#[test]
fn stage_set_sends_one_update_with_only_the_changes() {
    let acct = Account::new();
    with_role(&acct);
    let api = acct.create_api("pets", "prod", &[("/pets/{id}", "GET")]);
    let out = acct.json(
        &[
            "stage",
            "set",
            "--api",
            "pets",
            "--stage",
            "prod",
            "--level",
            "error",
            "--metrics",
            "on",
            "--method",
            "GET /pets/{id}",
            "--access-log-group",
            "my/access-logs",
            "--access-log-format",
            "csv",
        ],
        0,
    );
    let plan = out["plan"].as_array().unwrap();
    let updates: Vec<_> = plan.iter().filter(|s| s["action"]["call"] == "apigateway:UpdateStage").collect();
    assert_eq!(updates.len(), 1, "exactly one UpdateStage: {plan:?}");
    let paths: Vec<&str> = updates[0]["action"]["patch_operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "/~1pets~1{id}/GET/logging/loglevel",
            "/~1pets~1{id}/GET/logging/dataTrace",
            "/~1pets~1{id}/GET/metrics/enabled",
            "/accessLogSettings/destinationArn",
            "/accessLogSettings/format"
        ],
        "a new override carries all three fields"
    );

    let stage = acct.stage(&api, "prod");
    let settings = stage.method_settings().unwrap();
    assert_eq!(settings["~1pets~1{id}/GET"].logging_level(), Some("ERROR"));
    assert!(settings["~1pets~1{id}/GET"].metrics_enabled());
    assert!(!settings.contains_key("*/*"), "the stage-wide setting was not touched");
    assert_eq!(acct.log_groups(), [("my/access-logs".to_string(), Some(30))]);
    assert_eq!(
        stage.access_log_settings().unwrap().format(),
        Some(apigw_logs::api::ApiKind::Rest.preset("csv").unwrap().format)
    );

    let again = acct.json(
        &[
            "stage",
            "set",
            "--api",
            "pets",
            "--stage",
            "prod",
            "--level",
            "error",
            "--metrics",
            "on",
            "--method",
            "GET /pets/{id}",
        ],
        0,
    );
    assert_eq!(again["changed"], false);
}

#[test]
fn stage_set_accepts_destination_arns_and_firehose_and_turns_access_logs_off() {
    let acct = Account::new();
    with_role(&acct);
    let api = acct.create_api("pets", "prod", &[]);
    let arn = format!("arn:aws:logs:{REGION}:{}:log-group:existing:*", acct.id);
    acct.json(&["stage", "set", "--api", &api, "--stage", "prod", "--access-log-destination", &arn], 0);
    let stored = acct.stage(&api, "prod").access_log_settings().unwrap().clone();
    assert_eq!(stored.destination_arn(), Some(arn.trim_end_matches(":*")), "trailing :* stripped");
    assert_eq!(
        stored.format(),
        Some(apigw_logs::api::ApiKind::Rest.preset("json").unwrap().format),
        "json by default"
    );

    let firehose = format!("arn:aws:firehose:{REGION}:{}:deliverystream/amazon-apigateway-pets", acct.id);
    acct.json(&["stage", "set", "--api", &api, "--stage", "prod", "--access-log-destination", &firehose], 0);
    assert_eq!(
        acct.stage(&api, "prod").access_log_settings().unwrap().destination_arn(),
        Some(firehose.as_str())
    );

    acct.json(&["stage", "set", "--api", &api, "--stage", "prod", "--no-access-log"], 0);
    assert!(acct.stage(&api, "prod").access_log_settings().is_none_or(|a| a.destination_arn().is_none()));
}

#[test]
fn stage_set_changes_retention_of_an_existing_group_only_when_asked() {
    let acct = Account::new();
    with_role(&acct);
    acct.create_api("pets", "prod", &[]);
    acct.block_on(acct.logs().create_log_group().log_group_name("kept").send()).unwrap();
    acct.json(&["stage", "set", "--api", "pets", "--stage", "prod", "--access-log-group", "kept"], 0);
    assert_eq!(acct.log_groups(), [("kept".to_string(), None)], "existing group's retention untouched");
    acct.json(&["stage", "set", "--api", "pets", "--stage", "prod", "--retention-days", "365"], 0);
    assert_eq!(acct.log_groups(), [("kept".to_string(), Some(365))]);
}

#[test]
fn stage_set_refuses_to_enable_logging_without_an_account_role() {
    let acct = Account::new();
    let api = acct.create_api("pets", "prod", &[]);
    let before = acct.snapshot(&api, "prod");
    let (code, _, stderr) =
        acct.run(&["stage", "set", "--api", "pets", "--stage", "prod", "--level", "info"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("CloudWatch Logs role ARN must be set"), "{stderr}");
    assert!(stderr.contains("apigw-logs enable"), "names the fix: {stderr}");
    assert_eq!(acct.snapshot(&api, "prod"), before);
    // Metrics alone need no role, nor does Firehose delivery (it uses a service-linked role).
    acct.json(&["stage", "set", "--api", "pets", "--stage", "prod", "--metrics", "on"], 0);
    let firehose = format!("arn:aws:firehose:{REGION}:{}:deliverystream/amazon-apigateway-pets", acct.id);
    acct.json(
        &["stage", "set", "--api", "pets", "--stage", "prod", "--access-log-destination", &firehose],
        0,
    );
}

#[test]
fn stage_show_lists_every_stage_with_overrides_and_presets() {
    let acct = Account::new();
    with_role(&acct);
    let api = acct.create_api("pets", "prod", &[("/pets/{id}", "GET")]);
    acct.block_on(acct.apigw().create_deployment().rest_api_id(&api).stage_name("dev").send()).unwrap();
    acct.json(&["enable", "--api", "pets", "--stage", "prod", "--access-log-format", "xml"], 0);
    acct.json(
        &[
            "stage",
            "set",
            "--api",
            "pets",
            "--stage",
            "prod",
            "--method",
            "GET /pets/{id}",
            "--level",
            "error",
        ],
        0,
    );

    let shown = acct.json(&["stage", "show", "--api", "pets"], 0);
    let stages = shown["apis"][0]["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 2);
    let prod = stages.iter().find(|s| s["stage"] == "prod").unwrap();
    assert_eq!(prod["execution"]["level"], "INFO");
    assert_eq!(prod["overrides"][0]["method"], "GET /pets/{id}");
    assert_eq!(prod["overrides"][0]["level"], "ERROR");
    assert_eq!(prod["access_log"]["preset"], "xml");
    let dev = stages.iter().find(|s| s["stage"] == "dev").unwrap();
    assert!(dev["access_log"].is_null());

    let (code, stdout, _) = acct.run(&["stage", "show", "--api", "pets", "--stage", "prod"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("execution logging: INFO"), "{stdout}");
    assert!(stdout.contains("GET /pets/{id}: ERROR"), "{stdout}");
    assert!(stdout.contains("format: xml preset"), "{stdout}");
    assert!(!stdout.contains("stage dev"), "{stdout}");
}

#[test]
fn clear_method_removes_an_override_with_the_escaped_key() {
    let acct = Account::new();
    with_role(&acct);
    acct.create_api("pets", "prod", &[("/pets", "GET")]);
    acct.json(
        &["stage", "set", "--api", "pets", "--stage", "prod", "--method", "GET /pets", "--level", "error"],
        0,
    );
    let out = acct.json(
        &["stage", "set", "--api", "pets", "--stage", "prod", "--clear-method", "GET /pets", "--dry-run"],
        0,
    );
    // The emulator ignores `remove` on method settings, so the request shape is what is checked.
    assert_eq!(
        out["plan"][0]["action"]["patch_operations"],
        serde_json::json!([{"op": "remove", "path": "/~1pets/GET"}])
    );
    // Applied, it passes the strict double, which refuses removing a setting that does not exist.
    acct.json(&["stage", "set", "--api", "pets", "--stage", "prod", "--clear-method", "GET /pets"], 0);
    // A method without an override: nothing to remove, so no call AWS would refuse.
    acct.create_api("cats", "prod", &[("/pets", "GET")]);
    let out =
        acct.json(&["stage", "set", "--api", "cats", "--stage", "prod", "--clear-method", "GET /pets"], 0);
    assert_eq!(out["would_change"], false, "{out}");
}

#[test]
fn execution_log_groups_get_bounded_retention() {
    let acct = Account::new();
    with_role(&acct);
    let a = acct.create_api("a", "prod", &[]);
    let b = acct.create_api("b", "prod", &[]);
    let c = acct.create_api("c", "prod", &[]);
    let exec = |api: &str| format!("API-Gateway-Execution-Logs_{api}/prod");
    let logs = acct.logs();
    let create = |name: String, days: Option<i32>| {
        acct.block_on(logs.create_log_group().log_group_name(&name).send()).unwrap();
        if let Some(days) = days {
            acct.block_on(logs.put_retention_policy().log_group_name(&name).retention_in_days(days).send())
                .unwrap();
        }
    };
    // As API Gateway leaves it (never expires), and one someone already bounded.
    create(exec(&b), None);
    create(exec(&c), Some(90));

    let retention = |api: &str| acct.log_groups().into_iter().find(|(n, _)| *n == exec(api)).map(|(_, d)| d);
    for api in ["a", "b", "c"] {
        acct.json(&["enable", "--api", api, "--stage", "prod"], 0);
    }
    assert_eq!(retention(&a), Some(Some(30)), "pre-created with 30 days");
    assert_eq!(retention(&b), Some(Some(30)), "an unbounded group gets 30 days");
    assert_eq!(retention(&c), Some(Some(90)), "a bounded group keeps its retention");

    let out = acct
        .json(&["stage", "set", "--api", "c", "--stage", "prod", "--execution-log-retention-days", "7"], 0);
    assert_eq!(out["plan"].as_array().unwrap().len(), 1, "only PutRetentionPolicy: {out}");
    assert_eq!(retention(&c), Some(Some(7)));
    let (code, _, stderr) =
        acct.run(&["stage", "set", "--api", "c", "--stage", "prod", "--execution-log-retention-days", "8"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--execution-log-retention-days"), "{stderr}");
}

#[test]
fn created_log_groups_get_the_kms_key_and_tags() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let key = format!("arn:aws:kms:{REGION}:{}:key/1234abcd-12ab-34cd-56ef-1234567890ab", acct.id);
    let out = acct.json(
        &[
            "enable",
            "--api",
            "orders",
            "--stage",
            "prod",
            "--kms-key-id",
            &key,
            "--tag",
            "team=payments",
            "--tag",
            "env=prod",
        ],
        0,
    );
    let creates: Vec<&serde_json::Value> = out["plan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["action"]["call"] == "logs:CreateLogGroup")
        .collect();
    assert_eq!(creates.len(), 2, "access and execution groups");
    let logs = acct.logs();
    for kind in ["Access", "Execution"] {
        let name = format!("API-Gateway-{kind}-Logs_{api}/prod");
        let described =
            acct.block_on(logs.describe_log_groups().log_group_name_prefix(&name).send()).unwrap();
        assert_eq!(described.log_groups()[0].kms_key_id(), Some(key.as_str()), "{name}");
        let arn = format!("arn:aws:logs:{REGION}:{}:log-group:{name}", acct.id);
        let tags = acct.block_on(logs.list_tags_for_resource().resource_arn(arn).send()).unwrap();
        let tags = tags.tags().unwrap();
        assert_eq!((tags["team"].as_str(), tags["env"].as_str()), ("payments", "prod"), "{name}");
    }
    // Existing groups keep their key and tags: only a warning.
    let (code, _, stderr) = acct.run(&[
        "stage",
        "set",
        "--api",
        "orders",
        "--stage",
        "prod",
        "--retention-days",
        "90",
        "--tag",
        "team=other",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("apply to log groups the tool creates"), "{stderr}");
}

#[test]
fn stage_show_reads_http_and_websocket_stages() {
    use apigw_logs::api::ApiKind;
    use aws_sdk_apigatewayv2::types::{AccessLogSettings, LoggingLevel, ProtocolType, RouteSettings};
    let acct = Account::new();
    let v2 = acct.apigw2();
    let http = acct.create_v2_api("web", ProtocolType::Http);
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:/aws/vendedlogs/web", acct.id);
    let http_json = ApiKind::Http.preset("json").unwrap().format;
    acct.block_on(
        v2.create_stage()
            .api_id(&http)
            .stage_name("prod")
            .default_route_settings(RouteSettings::builder().detailed_metrics_enabled(true).build())
            .access_log_settings(
                AccessLogSettings::builder().destination_arn(&group).format(http_json).build(),
            )
            .send(),
    )
    .unwrap();
    let ws = acct.create_v2_api("chat", ProtocolType::Websocket);
    acct.block_on(
        v2.create_stage()
            .api_id(&ws)
            .stage_name("prod")
            .default_route_settings(RouteSettings::builder().logging_level(LoggingLevel::Info).build())
            .route_settings("$connect", RouteSettings::builder().logging_level(LoggingLevel::Error).build())
            .send(),
    )
    .unwrap();

    let doc = acct.json(&["stage", "show", "--api-type", "http", "--api", "web"], 0);
    let stage = &doc["apis"][0]["stages"][0];
    assert_eq!(doc["apis"][0]["api"]["id"], http.as_str());
    assert_eq!(stage["execution"]["metrics"], true);
    assert_eq!(stage["access_log"]["destination_arn"], group.as_str());
    assert_eq!(stage["access_log"]["preset"], "json", "the HTTP json preset");
    assert_eq!(stage["access_log"]["lint"]["findings"], serde_json::json!([]));

    let doc = acct.json(&["stage", "show", "--api-type", "websocket", "--all-apis"], 0);
    let stage = &doc["apis"][0]["stages"][0];
    assert_eq!(doc["apis"].as_array().unwrap().len(), 1, "only WebSocket APIs");
    assert_eq!(stage["execution"]["level"], "INFO");
    assert_eq!(stage["overrides"][0]["route"], "$connect");
    assert_eq!(stage["overrides"][0]["level"], "ERROR");
    assert!(stage["access_log"].is_null());

    let (code, text, _) = acct.run(&["stage", "show", "--api-type", "http", "--api", "web"]);
    assert_eq!(code, 0);
    assert!(text.contains("HTTP API web") && text.contains("detailed metrics: on"), "{text}");
    assert!(text.contains("format: json preset"), "{text}");
    let (code, _, stderr) = acct.run(&["stage", "show", "--api-type", "http", "--api", "chat"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no HTTP API with id or name 'chat'"), "{stderr}");
    let doc = acct.json(&["stage", "show", "--api", "web"], 0);
    assert_eq!(doc["apis"][0]["api"]["api_type"], "http", "--api finds APIs of every type");
}

#[test]
fn stage_show_into_a_closed_pipe_exits_0_quietly() {
    // `apigw-logs stage show --all-apis | head -1`, once head has exited.
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    acct.create_api("pets", "prod", &[]);
    for output in ["text", "json"] {
        let out = acct
            .process_at(double_url(), &["stage", "show", "--all-apis", "--output", output])
            .stdin(std::process::Stdio::null())
            .stdout(closed_pipe())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{output}: {stderr}");
        // No message about the pipe (progress lines and the SDK's config warnings are the usual
        // stderr here).
        assert!(!stderr.contains("pipe") && !stderr.contains("error"), "{output}: {stderr}");
    }
}
