//! HTTP and WebSocket APIs (API Gateway v2) end to end, as far as the emulator goes: it stores v2
//! APIs, stages and routes but has no v2 UpdateStage. So reads, validation, log groups and plans
//! are checked here against it (state read back through the SDK), and the UpdateStage request
//! shapes at the SDK level (src/aws/apigw2.rs).

use crate::harness::*;
use aws_sdk_apigatewayv2::types::{AccessLogSettings, LoggingLevel, ProtocolType, RouteSettings};
use serde_json::{Value, json};

fn add_route(acct: &Account, api: &str, key: &str) {
    acct.block_on(acct.apigw2().create_route().api_id(api).route_key(key).send()).unwrap();
}

fn step<'a>(report: &'a Value, call: &str) -> &'a Value {
    &report["plan"].as_array().unwrap().iter().find(|s| s["action"]["call"] == call).unwrap()["action"]
}

#[test]
fn http_enable_plans_a_vendedlogs_group_and_access_logging_without_the_account_role() {
    let acct = Account::new();
    let api = acct.create_v2_api("web", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&api).stage_name("prod").send()).unwrap();

    let plan = acct.json(&["enable", "--api", "web", "--stage", "prod", "--dry-run"], 0);
    assert_eq!(
        plan_calls(&plan),
        ["logs:CreateLogGroup", "logs:PutRetentionPolicy", "apigatewayv2:UpdateStage"],
        "no role, no account update and no execution log group for an HTTP API"
    );
    let group = format!("/aws/vendedlogs/API-Gateway-Access-Logs_{api}/prod");
    assert_eq!(step(&plan, "logs:CreateLogGroup")["log_group_name"], group.as_str());
    let update = step(&plan, "apigatewayv2:UpdateStage");
    assert_eq!(update["api_id"], api.as_str());
    assert!(update.get("default_route_settings").is_none(), "nothing to change there: {update}");
    assert_eq!(
        update["access_log_settings"],
        json!({
            "destination_arn": format!("arn:aws:logs:{REGION}:{}:log-group:{group}", acct.id),
            "format": apigw_logs::api::ApiKind::Http.preset("json").unwrap().format,
        })
    );
    assert!(acct.log_groups().is_empty(), "a dry run writes nothing");
}

#[test]
fn http_apis_refuse_execution_logging_before_any_write() {
    let acct = Account::new();
    acct.create_v2_api("web", ProtocolType::Http);
    let api = acct.create_v2_api("web2", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&api).stage_name("prod").send()).unwrap();
    for (args, expected) in [
        (
            vec!["enable", "--api", "web2", "--stage", "prod", "--level", "info"],
            "Execution logs are not supported on protocolType HTTP",
        ),
        (vec!["enable", "--api", "web2", "--stage", "prod", "--data-trace", "off"], "--data-trace"),
        (
            vec!["stage", "set", "--api-type", "http", "--all-apis", "--all-stages", "--level", "error"],
            "--level",
        ),
        (
            vec!["stage", "set", "--api", "web2", "--stage", "prod", "--method", "GET /x", "--metrics", "on"],
            "use --route",
        ),
        (
            vec![
                "enable",
                "--api",
                "web2",
                "--stage",
                "prod",
                "--access-log-format",
                "$context.requestId $context.resourcePath",
            ],
            "for HTTP APIs",
        ),
        (
            vec![
                "enable",
                "--api",
                "web2",
                "--stage",
                "prod",
                "--access-log-format",
                "$context.extendedRequestId",
            ],
            "REST APIs only",
        ),
        (
            vec![
                "enable",
                "--api",
                "web2",
                "--stage",
                "prod",
                "--access-log-destination",
                "arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-x",
            ],
            "not to Firehose",
        ),
    ] {
        let (code, _, stderr) = acct.run(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    assert!(acct.log_groups().is_empty(), "nothing was created");
    assert_eq!(acct.account_role(), None);
}

#[test]
fn websocket_enable_plans_the_role_execution_logging_and_route_overrides() {
    let acct = Account::new();
    let api = acct.create_v2_api("chat", ProtocolType::Websocket);
    add_route(&acct, &api, "$connect");
    acct.block_on(
        acct.apigw2()
            .create_stage()
            .api_id(&api)
            .stage_name("prod")
            .default_route_settings(RouteSettings::builder().throttling_burst_limit(50).build())
            .send(),
    )
    .unwrap();

    let plan = acct.json(&["enable", "--api", "chat", "--stage", "prod", "--dry-run"], 0);
    assert_eq!(
        plan_calls(&plan),
        [
            "iam:CreateRole",
            "iam:AttachRolePolicy",
            "apigateway:UpdateAccount",
            "logs:CreateLogGroup",
            "logs:PutRetentionPolicy",
            "logs:CreateLogGroup",
            "logs:PutRetentionPolicy",
            "apigatewayv2:UpdateStage",
        ],
        "WebSocket APIs need the account role, as REST APIs do"
    );
    let update = step(&plan, "apigatewayv2:UpdateStage");
    assert_eq!(
        update["default_route_settings"],
        json!({ "logging_level": "INFO", "data_trace_enabled": false, "detailed_metrics_enabled": false, "throttling_burst_limit": 50 }),
        "the whole object, throttling kept"
    );
    let groups: Vec<&str> = plan["plan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["action"]["call"] == "logs:CreateLogGroup")
        .map(|s| s["action"]["log_group_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        groups,
        [format!("API-Gateway-Access-Logs_{api}/prod"), format!("/aws/apigateway/{api}/prod")],
        "API Gateway writes WebSocket execution logs under /aws/apigateway/, not the REST name"
    );

    let set_route = [
        "stage",
        "set",
        "--api",
        &api,
        "--stage",
        "prod",
        "--route",
        "$connect",
        "--level",
        "error",
        "--dry-run",
    ];
    let (code, _, stderr) = acct.run(&set_route);
    assert_eq!(code, 3, "the account role is a precondition for WebSocket APIs too: {stderr}");
    assert!(stderr.contains("no CloudWatch Logs role"), "{stderr}");
    let role = acct.create_role("logs", &api_gateway_trust(&acct.id), true);
    acct.set_account_role(&role);
    let route = acct.json(&set_route, 0);
    assert_eq!(
        step(&route, "apigatewayv2:UpdateStage")["route_settings"],
        json!({ "$connect": {
            "logging_level": "ERROR", "data_trace_enabled": false, "detailed_metrics_enabled": false,
            "throttling_burst_limit": 50
        } }),
        "a new override keeps the default route's throttling"
    );
    let (code, _, stderr) =
        acct.run(&["stage", "set", "--api", &api, "--stage", "prod", "--route", "$nope", "--level", "error"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no such route") && stderr.contains("$connect"), "{stderr}");
}

#[test]
fn names_shared_across_api_types_need_api_type() {
    let acct = Account::new();
    let rest = acct.create_api("orders", "prod", &[]);
    let http = acct.create_v2_api("orders", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&http).stage_name("prod").send()).unwrap();
    let (code, _, stderr) = acct.run(&["enable", "--api", "orders", "--stage", "prod", "--dry-run"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("2 APIs are named 'orders'") && stderr.contains("--api-type http|rest"),
        "{stderr}"
    );
    let doc = acct.json(&["stage", "show", "--api", "orders", "--api-type", "rest"], 0);
    assert_eq!(doc["apis"][0]["api"]["id"], rest.as_str());
    assert_eq!(doc["apis"][0]["api"]["api_type"], "rest");
    let doc = acct.json(&["stage", "show", "--api", "orders", "--api-type", "http"], 0);
    assert_eq!(doc["apis"][0]["api"]["id"], http.as_str());
}

#[test]
fn status_checks_v2_stages_by_their_type_and_apply_check_reports_drift() {
    let acct = Account::new();
    let http = acct.create_v2_api("web", ProtocolType::Http);
    let ws = acct.create_v2_api("chat", ProtocolType::Websocket);
    let rest_only = format!("arn:aws:logs:{REGION}:{}:log-group:web", acct.id);
    acct.block_on(
        acct.apigw2()
            .create_stage()
            .api_id(&http)
            .stage_name("prod")
            .access_log_settings(
                // A REST-only variable: AWS would refuse it on an HTTP API.
                AccessLogSettings::builder()
                    .destination_arn(&rest_only)
                    .format("$context.requestId $context.resourcePath")
                    .build(),
            )
            .send(),
    )
    .unwrap();
    acct.block_on(
        acct.apigw2()
            .create_stage()
            .api_id(&ws)
            .stage_name("prod")
            .default_route_settings(
                RouteSettings::builder().logging_level(LoggingLevel::Info).data_trace_enabled(true).build(),
            )
            .send(),
    )
    .unwrap();

    let doc = acct.json(&["status", "--api-type", "http"], 5);
    let region = &doc["regions"][0];
    assert_eq!(region["account"]["findings"][0]["code"], "account-role-not-needed");
    let codes: Vec<&str> = region["apis"][0]["stages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "ok")
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"access-log-group-missing") && codes.contains(&"access-log-format"), "{codes:?}");
    assert!(
        !codes.iter().any(|c| c.starts_with("execution") || c.starts_with("data-trace")),
        "HTTP APIs have no execution logging: {codes:?}"
    );

    let doc = acct.json(&["status", "--api", "chat"], 5);
    let findings = &doc["regions"][0]["apis"][0]["stages"][0]["findings"];
    let has =
        |code: &str| findings.as_array().unwrap().iter().any(|f| f["code"] == code && f["severity"] != "ok");
    assert!(
        has("data-trace-on") && has("access-logging-off") && has("execution-log-retention"),
        "{findings}"
    );
    assert!(!has("execution-logging-off"), "INFO is on: {findings}");

    let file = temp_file(
        &acct,
        "fleet.toml",
        b"[defaults]\nlevel = \"ERROR\"\n\n[[stage]]\napi = \"web\"\napi_type = \"http\"\nmetrics = true\n\n[[stage]]\napi = \"chat\"\nroutes = { \"$default\" = { level = \"INFO\" } }\n",
    );
    add_route(&acct, &ws, "$default");
    let drift = acct.json(&["apply", "-f", &file, "--check"], 4);
    let updates: Vec<&Value> = drift["plan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["action"]["call"] == "apigatewayv2:UpdateStage")
        .map(|s| &s["action"])
        .collect();
    assert_eq!(updates.len(), 2, "{drift}");
    let http_update = updates.iter().find(|u| u["api_id"] == http.as_str()).unwrap();
    assert_eq!(
        http_update["default_route_settings"],
        json!({ "detailed_metrics_enabled": true }),
        "the defaults' level is not for HTTP APIs"
    );
    let ws_update = updates.iter().find(|u| u["api_id"] == ws.as_str()).unwrap();
    assert_eq!(ws_update["default_route_settings"]["logging_level"], "ERROR");
    assert_eq!(ws_update["route_settings"]["$default"]["logging_level"], "INFO");

    let off = acct.json(&["disable", "--api", "web", "--stage", "prod", "--dry-run"], 0);
    assert_eq!(plan_calls(&off), ["apigatewayv2:DeleteAccessLogSettings"], "HTTP: access logging only");
    let off = acct.json(&["disable", "--api", "chat", "--stage", "prod", "--dry-run"], 0);
    assert_eq!(
        step(&off, "apigatewayv2:UpdateStage")["default_route_settings"],
        json!({ "logging_level": "OFF", "data_trace_enabled": false, "detailed_metrics_enabled": false })
    );
    let (code, _, stderr) = acct.run(&["tail", "--api", "web", "--stage", "prod", "--execution"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("HTTP APIs have no execution logs"), "{stderr}");
}

#[test]
fn stale_route_overrides_are_reported_and_deleted_rather_than_updated() {
    let acct = Account::new();
    let api = acct.create_v2_api("chat", ProtocolType::Websocket);
    add_route(&acct, &api, "$connect");
    let logging = |level| RouteSettings::builder().logging_level(level).build();
    acct.block_on(
        acct.apigw2()
            .create_stage()
            .api_id(&api)
            .stage_name("prod")
            .default_route_settings(logging(LoggingLevel::Info))
            .route_settings("$connect", logging(LoggingLevel::Error))
            // A route deleted since: AWS keeps its settings.
            .route_settings("$gone", logging(LoggingLevel::Info))
            .send(),
    )
    .unwrap();

    let doc = acct.json(&["status", "--api", "chat"], 5);
    let stale: Vec<&Value> = doc["regions"][0]["apis"][0]["stages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "route-override-stale")
        .collect();
    assert_eq!(stale.len(), 1, "{doc}");
    assert!(stale[0]["fix"].as_str().unwrap().contains("--clear-route '$gone'"), "{}", stale[0]);

    let off = acct.json(&["disable", "--api", "chat", "--stage", "prod", "--execution-only", "--dry-run"], 0);
    assert_eq!(
        plan_calls(&off),
        ["apigatewayv2:DeleteRouteSettings", "apigatewayv2:UpdateStage"],
        "delete first"
    );
    assert_eq!(step(&off, "apigatewayv2:DeleteRouteSettings")["route_key"], "$gone");
    let routes = &step(&off, "apigatewayv2:UpdateStage")["route_settings"];
    assert!(routes.get("$gone").is_none() && routes["$connect"]["logging_level"] == "OFF", "{routes}");
}

#[test]
fn type_rules_are_checked_in_every_region_before_the_first_is_changed() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    let other = "eu-west-1";
    let v2_there = aws_sdk_apigatewayv2::Client::from_conf(
        aws_sdk_apigatewayv2::config::Builder::from(&acct.config)
            .region(aws_config::Region::new(other))
            .build(),
    );
    let http = acct
        .block_on(v2_there.create_api().name("web").protocol_type(ProtocolType::Http).send())
        .unwrap()
        .api_id()
        .unwrap()
        .to_string();
    acct.block_on(v2_there.create_stage().api_id(&http).stage_name("prod").send()).unwrap();

    let (code, _, stderr) = acct.run(&[
        "enable",
        "--all-apis",
        "--all-stages",
        "--region",
        REGION,
        "--region",
        other,
        "--level",
        "info",
        "--yes",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is an HTTP API") && stderr.contains("--api-type"), "{stderr}");
    assert_eq!(acct.account_role(), None, "the first region was not touched");
    assert!(acct.log_groups().is_empty());
}

#[test]
fn websocket_execution_logs_live_in_aws_apigateway_and_the_old_rest_named_group_is_cleaned_up() {
    let acct = Account::new();
    let ws = acct.create_v2_api("chat", ProtocolType::Websocket);
    let role = acct.create_role("apigateway-cloudwatch-logs", API_GATEWAY_TRUST, true);
    acct.set_account_role(&role);
    let access = format!("API-Gateway-Access-Logs_{ws}/prod");
    let execution = format!("/aws/apigateway/{ws}/prod");
    let leftover = format!("API-Gateway-Execution-Logs_{ws}/prod");
    let logs = acct.logs();
    acct.block_on(async {
        for group in [&access, &execution, &leftover] {
            logs.create_log_group().log_group_name(group).send().await.unwrap();
            logs.put_retention_policy().log_group_name(group).retention_in_days(30).send().await.unwrap();
        }
    });
    // A healthy WebSocket stage: its only finding is the empty leftover group.
    let json_preset = acct.json(&["formats", "show", "json", "--api-type", "websocket"], 0);
    let format = json_preset["format"].as_str().unwrap().to_string();
    acct.block_on(
        acct.apigw2()
            .create_stage()
            .api_id(&ws)
            .stage_name("prod")
            .default_route_settings(
                RouteSettings::builder().logging_level(LoggingLevel::Info).data_trace_enabled(false).build(),
            )
            .access_log_settings(
                AccessLogSettings::builder()
                    .destination_arn(format!("arn:aws:logs:{REGION}:{}:log-group:{access}", acct.id))
                    .format(format)
                    .build(),
            )
            .send(),
    )
    .unwrap();

    let doc = acct.json(&["status", "--api", "chat"], 0);
    let findings = doc["regions"][0]["apis"][0]["stages"][0]["findings"].as_array().unwrap().clone();
    let problems: Vec<&Value> = findings.iter().filter(|f| f["severity"] != "ok").collect();
    assert_eq!(problems.len(), 1, "{findings:#?}");
    assert_eq!(problems[0]["code"], "execution-log-group-leftover");
    assert_eq!(problems[0]["severity"], "warning");
    let retention = findings.iter().find(|f| f["code"] == "execution-log-retention").unwrap();
    assert!(retention["message"].as_str().unwrap().contains(&execution), "{retention}");

    // tail --execution reads the /aws/apigateway group.
    acct.block_on(async {
        logs.create_log_stream().log_group_name(&execution).log_stream_name("s").send().await.unwrap();
        let event = aws_sdk_cloudwatchlogs::types::InputLogEvent::builder()
            .timestamp(
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis()
                    as i64,
            )
            .message("websocket execution event")
            .build()
            .unwrap();
        logs.put_log_events().log_group_name(&execution).log_stream_name("s").log_events(event).send().await
    })
    .unwrap();
    let (code, stdout, stderr) = acct.run(&["tail", "--api", "chat", "--stage", "prod", "--execution"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("websocket execution event"), "{stdout}");

    // --fix deletes the empty leftover and nothing else.
    let fixed = acct.json(&["status", "--api", "chat", "--fix", "--yes"], 0);
    let calls: Vec<&str> = fixed["fix"]["plan"]
        .as_array()
        .or_else(|| fixed["plan"].as_array())
        .unwrap_or_else(|| panic!("no plan in {fixed}"))
        .iter()
        .map(|s| s["action"]["call"].as_str().unwrap())
        .collect();
    assert_eq!(calls, ["logs:DeleteLogGroup"], "{fixed}");
    let names: Vec<String> = acct.log_groups().into_iter().map(|(name, _)| name).collect();
    assert!(!names.contains(&leftover) && names.contains(&execution) && names.contains(&access), "{names:?}");

    // A leftover with log streams is reported, never deleted.
    acct.block_on(async {
        logs.create_log_group().log_group_name(&leftover).send().await.unwrap();
        logs.create_log_stream().log_group_name(&leftover).log_stream_name("s").send().await.unwrap();
    });
    let (code, _, stderr) = acct.run(&["status", "--api", "chat", "--fix", "--yes"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(acct.log_groups().iter().any(|(name, _)| *name == leftover), "kept: it holds streams");
}

/// The emulator has no v2 UpdateStage; the strict double applies v2 stage writes as AWS does, so
/// the changes are made and read back here, and reruns write nothing.
#[test]
fn v2_stages_are_changed_read_back_and_left_alone_on_rerun() {
    let acct = Account::new();
    let web = acct.create_v2_api("web", ProtocolType::Http);
    let chat = acct.create_v2_api("chat", ProtocolType::Websocket);
    for api in [&web, &chat] {
        acct.block_on(acct.apigw2().create_stage().api_id(api).stage_name("prod").send()).unwrap();
    }
    add_route(&acct, &chat, "$connect");
    let stage =
        |api: &str| acct.block_on(acct.apigw2().get_stage().api_id(api).stage_name("prod").send()).unwrap();

    // HTTP: access logging to the vendedlogs group, no account role.
    let enable_web = ["enable", "--api", "web", "--stage", "prod"];
    acct.json(&enable_web, 0);
    let destination = stage(&web).access_log_settings().and_then(|a| a.destination_arn()).map(String::from);
    assert_eq!(
        destination,
        Some(format!(
            "arn:aws:logs:{REGION}:{}:log-group:/aws/vendedlogs/API-Gateway-Access-Logs_{web}/prod",
            acct.id
        ))
    );
    assert_eq!(acct.account_role(), None, "HTTP APIs need no account role");
    assert_eq!(acct.json(&enable_web, 0)["changed"], false);

    // WebSocket: execution logging on, one route at ERROR, access logging.
    let enable_chat =
        ["enable", "--api", "chat", "--stage", "prod", "--route", "$connect", "--level", "error"];
    acct.json(&enable_chat, 0);
    let live = stage(&chat);
    assert_eq!(live.route_settings().unwrap()["$connect"].logging_level(), Some(&LoggingLevel::Error));
    assert!(live.access_log_settings().is_some());
    assert!(acct.account_role().is_some(), "WebSocket logging needs the account role");
    assert_eq!(acct.json(&enable_chat, 0)["changed"], false, "a rerun writes nothing");

    // The override is removed with its own call; disable turns logging off.
    acct.json(&["stage", "set", "--api", "chat", "--stage", "prod", "--clear-route", "$connect"], 0);
    assert!(stage(&chat).route_settings().is_none_or(|r| !r.contains_key("$connect")));
    acct.json(&["disable", "--api", "chat", "--stage", "prod"], 0);
    let off = stage(&chat);
    assert!(off.access_log_settings().is_none());
    assert_eq!(off.default_route_settings().and_then(|r| r.logging_level()), Some(&LoggingLevel::Off));
}
