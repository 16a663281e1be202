//! `trace`: seeded access, execution and Lambda log events of two requests side by side (REST
//! with a Lambda proxy integration, HTTP, WebSocket); the trace of one prints exactly its lines,
//! in time order, and nothing of the other. Hints for missing variables, Firehose destinations,
//! bad input.

use crate::harness::*;
use aws_sdk_apigatewayv2::types::ProtocolType;

/// A JSON format with what every step of a trace reads.
const FULL: &str = r#"{ "requestId":"$context.requestId", "extendedRequestId":"$context.extendedRequestId", "requestTime":"$context.requestTimeEpoch", "httpMethod":"$context.httpMethod", "resourcePath":"$context.resourcePath", "status":"$context.status", "responseLatency":"$context.responseLatency", "integrationLatency":"$context.integrationLatency", "integrationRequestId":"$context.integration.requestId" }"#;
const FULL_V2: &str = r#"{ "requestId":"$context.requestId", "extendedRequestId":"$context.extendedRequestId", "requestTime":"$context.requestTimeEpoch", "routeKey":"$context.routeKey", "status":"$context.status", "responseLatency":"$context.responseLatency", "integrationLatency":"$context.integrationLatency", "integrationRequestId":"$context.integration.requestId" }"#;
const FULL_WS: &str = r#"{ "requestId":"$context.requestId", "requestTime":"$context.requestTimeEpoch", "routeKey":"$context.routeKey", "status":"$context.status", "integrationLatency":"$context.integrationLatency", "integrationRequestId":"$context.integration.requestId" }"#;

fn invocation_uri(function_arn: &str) -> String {
    format!("arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{function_arn}/invocations")
}

/// Puts a Lambda proxy integration on `GET path` of a REST API.
fn lambda_proxy(acct: &Account, api: &str, path: &str, function_arn: &str) {
    acct.block_on(async {
        let client = acct.apigw();
        let resources = client.get_resources().rest_api_id(api).send().await.unwrap();
        let resource =
            resources.items().iter().find(|r| r.path() == Some(path)).unwrap().id().unwrap().to_string();
        client
            .put_integration()
            .rest_api_id(api)
            .resource_id(resource)
            .http_method("GET")
            .r#type(aws_sdk_apigateway::types::IntegrationType::AwsProxy)
            .integration_http_method("POST")
            .uri(invocation_uri(function_arn))
            .send()
            .await
            .unwrap();
    });
}

/// One request's seeded lines: (ms, message) for the access, execution and Lambda groups.
struct Request {
    id: String,
    lambda_id: String,
    access: (i64, String),
    execution: Vec<(i64, String)>,
    lambda: Vec<(i64, String)>,
}

fn request(n: u32, start: i64, route_fields: &str, extended: bool) -> Request {
    let id = format!("{n:08}-1111-4222-8333-444444444444");
    let lambda_id = format!("{n:08}-aaaa-4bbb-8ccc-dddddddddddd");
    let ext = if extended { format!(r#""extendedRequestId":"Ext{n}Id=", "#) } else { String::new() };
    let access = format!(
        r#"{{ "requestId":"{id}", {ext}"requestTime":"{start}", {route_fields}, "status":"{status}", "responseLatency":"{lat}", "integrationLatency":"{ilat}", "integrationRequestId":"{lambda_id}" }}"#,
        status = 200 + n,
        lat = 40 + n,
        ilat = 30 + n
    );
    Request {
        access: (start + 50, access),
        execution: vec![
            (start + 1, format!("({id}) Extended Request Id: Ext{n}Id=")),
            (start + 2, format!("({id}) Starting execution for request: {id}")),
            (start + 40, format!("({id}) Method completed with status: {}", 200 + n)),
        ],
        lambda: vec![
            (start + 10, format!("START RequestId: {lambda_id} Version: $LATEST")),
            (start + 11, format!("2026-12-06T10:00:00.000Z\t{lambda_id}\tINFO\tserving request {n}")),
            (start + 20, format!("END RequestId: {lambda_id}")),
            (start + 21, format!("REPORT RequestId: {lambda_id}\tDuration: 9.1 ms\tBilled Duration: 10 ms")),
        ],
        id,
        lambda_id,
    }
}

/// Seeds two requests 30 ms apart, interleaved in every group.
fn seed(
    acct: &Account,
    access_group: &str,
    execution_group: Option<&str>,
    lambda_group: &str,
    requests: &[&Request],
) {
    let all = |pick: &dyn Fn(&Request) -> Vec<(i64, String)>| {
        let mut events: Vec<(i64, String)> = requests.iter().flat_map(|r| pick(r)).collect();
        events.sort();
        events
    };
    acct.put_events(access_group, "access", &all(&|r| vec![r.access.clone()]));
    if let Some(group) = execution_group {
        acct.put_events(group, "execution", &all(&|r| r.execution.clone()));
    }
    acct.put_events(lambda_group, "2026/12/06/[$LATEST]abc", &all(&|r| r.lambda.clone()));
}

fn messages(report: &serde_json::Value) -> Vec<(String, String)> {
    report["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["source"].as_str().unwrap().to_string(), l["message"].as_str().unwrap().to_string()))
        .collect()
}

/// What the trace of `r` must print: its lines, in time order, labelled.
fn expected(r: &Request, with_execution: bool) -> Vec<(String, String)> {
    let mut lines: Vec<(i64, &str, String)> = vec![(r.access.0, "access", r.access.1.clone())];
    if with_execution {
        lines.extend(r.execution.iter().map(|(t, m)| (*t, "execution", m.clone())));
    }
    lines.extend(r.lambda.iter().map(|(t, m)| (*t, "integration", m.clone())));
    lines.sort();
    lines.into_iter().map(|(_, s, m)| (s.to_string(), m)).collect()
}

#[test]
fn rest_lambda_proxy_trace_is_one_requests_lines_in_order() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    let function = acct.create_function("orders-fn");
    lambda_proxy(&acct, &api, "/pets", &function);
    acct.json(&["enable", "--api", "orders", "--stage", "prod", "--access-log-format", FULL, "--yes"], 0);
    let start = now_millis() - 120_000;
    let route = r#""httpMethod":"GET", "resourcePath":"/pets""#;
    let (one, two) = (request(1, start, route, true), request(2, start + 30, route, true));
    seed(
        &acct,
        &format!("API-Gateway-Access-Logs_{api}/prod"),
        Some(&format!("API-Gateway-Execution-Logs_{api}/prod")),
        "/aws/lambda/orders-fn",
        &[&one, &two],
    );

    let report = acct.json(&["trace", &one.id, "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(messages(&report), expected(&one, true));
    assert_eq!(report["status"], "201");
    assert_eq!(report["latency_ms"], "41");
    assert_eq!(report["integration_latency_ms"], "31");
    assert_eq!(report["integration_request_id"], one.lambda_id.as_str());
    assert_eq!(report["hints"], serde_json::json!([]));

    // By its extended request id: the same lines (the execution lines are found by the other id).
    let by_extended = acct.json(&["trace", "Ext2Id=", "--api", "orders", "--stage", "prod"], 0);
    assert_eq!(messages(&by_extended), expected(&two, true));

    // The human timeline: the figures on top, then each line labelled.
    let (code, stdout, stderr) = acct.run(&["trace", &one.id, "--api", "orders", "--stage", "prod", "--utc"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], format!("request {}: status 201, latency 41 ms, integration latency 31 ms", one.id));
    assert_eq!(lines.len(), 1 + expected(&one, true).len());
    assert!(lines[1].contains(" execution   (") && lines.last().unwrap().contains(" access "), "{stdout}");
    assert!(!stdout.contains(&two.id) && !stdout.contains(&two.lambda_id), "{stdout}");
}

#[test]
fn http_and_websocket_traces_read_their_own_groups() {
    let acct = Account::new();
    let function = acct.create_function("pay-fn");
    // HTTP API: a route whose integration names the plain function ARN; no execution logs.
    let http = acct.create_v2_api("pay", ProtocolType::Http);
    let ws = acct.create_v2_api("chat", ProtocolType::Websocket);
    acct.block_on(async {
        let client = acct.apigw2();
        let made = client
            .create_integration()
            .api_id(&http)
            .integration_type(aws_sdk_apigatewayv2::types::IntegrationType::AwsProxy)
            .integration_uri(&function)
            .payload_format_version("2.0")
            .send()
            .await
            .unwrap();
        let target = format!("integrations/{}", made.integration_id().unwrap());
        client.create_route().api_id(&http).route_key("GET /pay").target(target).send().await.unwrap();
        client.create_stage().api_id(&http).stage_name("prod").send().await.unwrap();
        let made = client
            .create_integration()
            .api_id(&ws)
            .integration_type(aws_sdk_apigatewayv2::types::IntegrationType::AwsProxy)
            .integration_uri(invocation_uri(&function))
            .send()
            .await
            .unwrap();
        let target = format!("integrations/{}", made.integration_id().unwrap());
        client.create_route().api_id(&ws).route_key("$default").target(target).send().await.unwrap();
        client.create_stage().api_id(&ws).stage_name("prod").send().await.unwrap();
    });
    acct.json(&["enable", "--api", "pay", "--stage", "prod", "--access-log-format", FULL_V2, "--yes"], 0);
    acct.json(&["enable", "--api", "chat", "--stage", "prod", "--access-log-format", FULL_WS, "--yes"], 0);
    let start = now_millis() - 300_000;

    let route = r#""routeKey":"GET /pay""#;
    let (one, two) = (request(11, start, route, true), request(12, start + 30, route, true));
    seed(
        &acct,
        &format!("/aws/vendedlogs/API-Gateway-Access-Logs_{http}/prod"),
        None,
        "/aws/lambda/pay-fn",
        &[&one, &two],
    );
    let report = acct.json(&["trace", &two.id, "--api", "pay", "--stage", "prod"], 0);
    assert_eq!(messages(&report), expected(&two, false));
    let searched: Vec<&str> =
        report["searched"].as_array().unwrap().iter().map(|s| s["source"].as_str().unwrap()).collect();
    assert_eq!(searched, ["access", "integration"], "HTTP APIs have no execution logs");

    // WebSocket: no responseLatency (the access line below has none either); execution logs in
    // /aws/apigateway/{id}/{stage}.
    let ws_request = |n: u32, at: i64| {
        let mut r = request(n, at, r#""routeKey":"$default""#, false);
        r.access.1 = format!(
            r#"{{ "requestId":"{}", "requestTime":"{at}", "routeKey":"$default", "status":"200", "integrationLatency":"{}", "integrationRequestId":"{}" }}"#,
            r.id,
            30 + n,
            r.lambda_id
        );
        r
    };
    let (three, four) = (ws_request(21, start + 1_000), ws_request(22, start + 1_020));
    seed(
        &acct,
        &format!("API-Gateway-Access-Logs_{ws}/prod"),
        Some(&format!("/aws/apigateway/{ws}/prod")),
        "/aws/lambda/pay-fn",
        &[&three, &four],
    );
    let report = acct.json(&["trace", &three.id, "--api", "chat", "--stage", "prod"], 0);
    assert_eq!(messages(&report), expected(&three, true));
    assert_eq!(report["status"], "200");
    assert_eq!(report["latency_ms"], "51", "a WebSocket request's latency is its integration's");
}

#[test]
fn a_format_without_the_integration_id_gets_a_hint_that_adds_it() {
    let acct = Account::new();
    let api = acct.create_api("shop", "prod", &[("/cart", "GET")]);
    let function = acct.create_function("shop-fn");
    lambda_proxy(&acct, &api, "/cart", &function);
    // The json preset: no $context.integration.requestId, no latency.
    acct.json(&["enable", "--api", "shop", "--stage", "prod", "--yes"], 0);
    let id = "99999999-1111-4222-8333-444444444444";
    let now = now_millis() - 60_000;
    acct.put_events(
        &format!("API-Gateway-Access-Logs_{api}/prod"),
        "a",
        &[(now, format!(r#"{{ "requestId":"{id}", "ip": "1.2.3.4", "caller":"-", "user":"-", "requestTime":"06/Dec/2026:10:00:00 +0000", "httpMethod":"GET", "resourcePath":"/cart", "status":"502", "protocol":"HTTP/1.1", "responseLength":"36" }}"#))],
    );
    acct.put_events(
        &format!("API-Gateway-Execution-Logs_{api}/prod"),
        "e",
        &[(now - 5, format!("({id}) Method completed with status: 502"))],
    );
    let (code, stdout, stderr) = acct.run(&["trace", id, "--api", "shop", "--stage", "prod"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with(&format!("request {id}: status 502, latency ?, ")), "{stdout}");
    assert!(
        stderr.contains(
            "the access log format lacks $context.integration.requestId (finding the Lambda function's lines)"
        ),
        "{stderr}"
    );
    let command =
        stderr.lines().find_map(|l| l.split("; add it: ").nth(1)).expect("a stage set command").to_string();
    assert!(command.starts_with("apigw-logs stage set --region us-east-1 --api "), "{command}");
    // The printed command works: run it (its words, as a shell would split them).
    let words = shell_words(&command);
    let args: Vec<&str> = words[1..].iter().map(String::as_str).chain(["--yes"]).collect();
    acct.json(&args, 0);
    let format = acct.stage(&api, "prod").access_log_settings().unwrap().format().unwrap().to_string();
    assert!(format.contains(r#""integrationRequestId":"$context.integration.requestId""#), "{format}");
    assert!(format.contains("$context.responseLatency"), "{format}");
}

/// Splits a command line printed with the tool's quoting (single quotes, `'\''` inside).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    let mut started = false;
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                started = true;
            }
            '\\' if !quoted => {
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            ' ' if !quoted => {
                if started || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            c => word.push(c),
        }
    }
    if started || !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn firehose_access_logs_are_named_and_execution_lines_still_found() {
    let acct = Account::new();
    let api = acct.create_api("feed", "prod", &[]);
    acct.json(&["enable", "--api", "feed", "--stage", "prod", "--yes"], 0);
    let stream = format!("arn:aws:firehose:{REGION}:{}:deliverystream/amazon-apigateway-feed", acct.id);
    acct.json(
        &["stage", "set", "--api", "feed", "--stage", "prod", "--access-log-destination", &stream, "--yes"],
        0,
    );
    let id = "12121212-1111-4222-8333-444444444444";
    acct.put_events(
        &format!("API-Gateway-Execution-Logs_{api}/prod"),
        "e",
        &[(now_millis() - 10_000, format!("({id}) Method completed with status: 200"))],
    );
    let (code, stdout, stderr) = acct.run(&["trace", id, "--api", "feed", "--stage", "prod"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(&format!("access logs go to Firehose stream {stream}")), "{stderr}");
    assert!(stderr.contains("cannot be searched from CloudWatch Logs"), "{stderr}");
    assert!(stdout.starts_with(&format!("request {id}: status 200,")), "{stdout}");
}

#[test]
fn a_request_nowhere_is_exit_3_naming_where_it_looked() {
    let acct = Account::new();
    let api = acct.create_api("empty", "prod", &[]);
    acct.json(&["enable", "--api", "empty", "--stage", "prod", "--yes"], 0);
    let (code, _, stderr) =
        acct.run(&["trace", "00000000-0000-4000-8000-000000000000", "--api", "empty", "--stage", "prod"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("was not found in"), "{stderr}");
    assert!(stderr.contains(&format!("API-Gateway-Execution-Logs_{api}/prod")), "{stderr}");
}

#[test]
fn bad_input_is_exit_2_naming_it() {
    let acct = Account::new();
    acct.create_api("bad", "prod", &[]);
    acct.json(&["enable", "--api", "bad", "--stage", "prod", "--yes"], 0);
    let stage = ["--api", "bad", "--stage", "prod"];
    for (args, says) in [
        (vec!["trace", ""], "the request id is empty"),
        (vec!["trace", "abc\"def"], "contains '\"'"),
        (vec!["trace", "x", "--since", "2099-01-01T00:00:00Z"], "in the future"),
        (vec!["trace", "x", "--since", "60d"], "keeps its events"),
        (vec!["trace", "UUID_REPLACED_INVALID_REQUEST_ID"], "extendedRequestId"),
    ] {
        let args: Vec<&str> = args.into_iter().chain(stage).collect();
        let (code, stdout, stderr) = acct.run(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stdout.is_empty());
    }
}
