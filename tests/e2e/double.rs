//! The strict AWS double itself (`faults.rs`), through SDK clients pointed at it: each of AWS's
//! rules refuses with AWS's status, code and text while the valid variant passes, each quota
//! answers as AWS does, state is kept per account and region, and the stats endpoint counts.

use crate::faults::Proxy;
use crate::harness::*;
use aws_sdk_apigateway::types::{Op, PatchOperation};
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::time::Duration;

/// `(HTTP status, error code, message)` of a refused call; `Ok` when it passed.
type Answer = Result<(), (u16, String, String)>;

fn answer<T, E: ProvideErrorMetadata>(
    result: Result<
        T,
        aws_smithy_runtime_api::client::result::SdkError<E, aws_smithy_runtime_api::http::Response>,
    >,
) -> Answer {
    result.map(|_| ()).map_err(|e| {
        let status = e.raw_response().map(|r| r.status().as_u16()).unwrap_or(0);
        (status, e.code().unwrap_or_default().to_string(), e.message().unwrap_or_default().to_string())
    })
}

fn refused(status: u16, code: &str, message: &str) -> Answer {
    Err((status, code.to_string(), message.to_string()))
}

fn bad_request(message: &str) -> Answer {
    refused(400, "BadRequestException", message)
}

fn config_at(acct: &Account, url: &str, region: &str) -> aws_config::SdkConfig {
    acct.config.to_builder().endpoint_url(url).region(aws_config::Region::new(region.to_string())).build()
}

/// A strict double without quotas, for the rule tests (UpdateAccount's 1 per 20 s would get in
/// the way).
fn rules_only() -> Proxy {
    let proxy = Proxy::start(emulator_url());
    proxy.without_quotas();
    proxy
}

const ROLE_MUST_BE_SET: &str = "CloudWatch Logs role ARN must be set in account settings to enable logging";
const NOT_PERMITTED: &str = "The role ARN does not have required permissions configured. Please grant trust permission for API Gateway and add the required role policy.";
const SINGLE_LINE: &str =
    "Access Log format must be single line, new line character is allowed only at end of the format";

#[test]
fn rest_update_stage_is_refused_as_aws_refuses_it() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    let proxy = rules_only();
    let apigw = aws_sdk_apigateway::Client::new(&config_at(&acct, &proxy.url, REGION));
    let patch = |ops: &[(Op, &str, &str)]| {
        let ops: Vec<PatchOperation> = ops
            .iter()
            .map(|(op, path, value)| {
                let builder = PatchOperation::builder().op(op.clone()).path(*path);
                if *op == Op::Remove { builder.build() } else { builder.value(*value).build() }
            })
            .collect();
        answer(acct.block_on(
            apigw.update_stage().rest_api_id(&api).stage_name("prod").set_patch_operations(Some(ops)).send(),
        ))
    };
    let replace = |path: &str, value: &str| patch(&[(Op::Replace, path, value)]);

    // Values and paths.
    assert_eq!(replace("/*/*/logging/loglevel", "VERBOSE"), bad_request("Invalid logging level: VERBOSE"));
    assert_eq!(replace("/*/*/logging/loglevel", "info").unwrap_err().2, "Invalid logging level: info");
    let (status, code, message) = replace("/*/*/accessLogSettings/format", "$context.requestId").unwrap_err();
    assert_eq!((status, code.as_str()), (400, "BadRequestException"));
    assert!(
        message.starts_with("Invalid method setting path: /*/*/accessLogSettings/format. Must be one of: [")
            && message.contains("/{resourcePath}/{httpMethod}/logging/loglevel")
            && message
                .contains("/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy"),
        "{message}"
    );
    assert!(
        replace("/pets/GET/logging/loglevel", "OFF")
            .unwrap_err()
            .2
            .starts_with("Invalid method setting path")
    );
    assert!(
        replace("/*/GET/logging/loglevel", "OFF").unwrap_err().2.starts_with("Invalid method setting path")
    );
    assert!(
        replace("/~1pets/FETCH/metrics/enabled", "true")
            .unwrap_err()
            .2
            .starts_with("Invalid method setting path")
    );
    assert!(replace("/*/*/logging/level", "OFF").unwrap_err().2.starts_with("Invalid method setting path"));
    for (path, value) in [
        ("/*/*/logging/loglevel", "OFF"),
        ("/~1pets/GET/logging/loglevel", "OFF"),
        ("/*/*/metrics/enabled", "true"),
        ("/*/*/throttling/burstLimit", "100"),
        ("/*/*/throttling/rateLimit", "50"),
        ("/*/*/caching/ttlInSeconds", "300"),
        ("/*/*/caching/unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITH_RESPONSE_HEADER"),
        ("/description", "d"),
    ] {
        assert_eq!(replace(path, value), Ok(()), "{path} {value}");
    }

    // Access log formats: one line, with a request id (REST takes the extended one too).
    let format = "/accessLogSettings/format";
    assert_eq!(replace(format, "$context.requestId\n$context.status"), bad_request(SINGLE_LINE));
    assert_eq!(replace(format, "$context.requestId\r$context.status"), bad_request(SINGLE_LINE));
    assert_eq!(
        replace(format, "$context.status"),
        bad_request("Access Log format must contain $context.requestId or $context.extendedRequestId")
    );
    assert_eq!(replace(format, "$context.requestId $context.status\n"), Ok(()), "a trailing newline is fine");
    assert_eq!(replace(format, "$context.extendedRequestId"), Ok(()));

    // Firehose streams need the prefix; Firehose needs no account role.
    let firehose = |name: &str| format!("arn:aws:firehose:{REGION}:{}:deliverystream/{name}", acct.id);
    let (status, _, message) = replace("/accessLogSettings/destinationArn", &firehose("logs")).unwrap_err();
    assert_eq!(status, 400);
    assert!(message.contains("amazon-apigateway-"), "{message}");
    assert_eq!(replace("/accessLogSettings/destinationArn", &firehose("amazon-apigateway-logs")), Ok(()));

    // Logging needs the account's role; metrics do not.
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:g", acct.id);
    assert_eq!(replace("/*/*/logging/loglevel", "INFO"), bad_request(ROLE_MUST_BE_SET));
    assert_eq!(replace("/~1pets/GET/logging/loglevel", "ERROR"), bad_request(ROLE_MUST_BE_SET));
    assert_eq!(replace("/*/*/logging/dataTrace", "true"), bad_request(ROLE_MUST_BE_SET));
    assert_eq!(replace("/accessLogSettings/destinationArn", &group), bad_request(ROLE_MUST_BE_SET));
    assert_eq!(replace("/*/*/logging/dataTrace", "false"), Ok(()));

    // Removing a method setting the stage does not have.
    assert_eq!(
        patch(&[(Op::Remove, "/~1/GET", "")]),
        bad_request("Cannot remove method setting ~1/GET because there is no method setting for this method")
    );
    assert_eq!(patch(&[(Op::Remove, "/~1pets/GET", "")]), Ok(()), "set above");

    // With the role set (straight in the emulator), logging passes.
    let role = acct.create_role("logging", API_GATEWAY_TRUST, true);
    acct.set_account_role(&role);
    assert_eq!(replace("/*/*/logging/loglevel", "INFO"), Ok(()));
    assert_eq!(replace("/accessLogSettings/destinationArn", &group), Ok(()));
    assert_eq!(acct.stage(&api, "prod").method_settings().unwrap()["*/*"].logging_level(), Some("INFO"));
}

#[test]
fn v2_update_stage_is_refused_as_aws_refuses_it_and_applied_when_valid() {
    use aws_sdk_apigatewayv2::types::{AccessLogSettings, LoggingLevel, ProtocolType, RouteSettings};
    let acct = Account::new();
    let http = acct.create_v2_api("web", ProtocolType::Http);
    let ws = acct.create_v2_api("chat", ProtocolType::Websocket);
    for api in [&http, &ws] {
        acct.block_on(acct.apigw2().create_stage().api_id(api).stage_name("prod").send()).unwrap();
    }
    let proxy = rules_only();
    let client = aws_sdk_apigatewayv2::Client::new(&config_at(&acct, &proxy.url, REGION));
    let update = |api: &str, access: Option<(&str, &str)>, route: Option<RouteSettings>| {
        let access = access
            .map(|(arn, format)| AccessLogSettings::builder().destination_arn(arn).format(format).build());
        answer(
            acct.block_on(
                client
                    .update_stage()
                    .api_id(api)
                    .stage_name("prod")
                    .set_access_log_settings(access)
                    .set_default_route_settings(route)
                    .send(),
            ),
        )
    };
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:/aws/vendedlogs/g", acct.id);
    let access = |format: &'static str| Some((group.as_str(), format));
    let level = |l: LoggingLevel| Some(RouteSettings::builder().logging_level(l).build());
    let trace = Some(RouteSettings::builder().data_trace_enabled(false).build());

    let not_http = bad_request("Execution logs are not supported on protocolType HTTP");
    assert_eq!(update(&http, None, level(LoggingLevel::Off)), not_http);
    assert_eq!(update(&http, None, level(LoggingLevel::Info)), not_http);
    assert_eq!(update(&http, None, trace.clone()), not_http);
    assert_eq!(
        update(&http, None, level(LoggingLevel::from("VERBOSE"))),
        bad_request("Invalid logging level: VERBOSE")
    );
    assert_eq!(update(&http, access("$context.requestId\n$context.status"), None), bad_request(SINGLE_LINE));
    let no_id = bad_request("Access Log format must contain $context.requestId");
    assert_eq!(update(&http, access("$context.status"), None), no_id);
    assert_eq!(update(&http, access("$context.extendedRequestId"), None), no_id, "not enough for v2");
    assert_eq!(
        update(&http, access("$context.requestId $context.resourcePath $context.x"), None),
        bad_request("The following context variables are not supported: [$context.resourcePath, $context.x]")
    );
    assert_eq!(
        update(&ws, access("$context.requestId $context.routeKey $context.httpMethod"), None),
        bad_request("The following context variables are not supported: [$context.httpMethod]")
    );
    let stream = format!("arn:aws:firehose:{REGION}:{}:deliverystream/web", acct.id);
    assert!(
        update(&http, Some((&stream, "$context.requestId")), None)
            .unwrap_err()
            .2
            .contains("amazon-apigateway-")
    );
    // WebSocket logging needs the account role; HTTP access logging does not.
    assert_eq!(update(&ws, None, level(LoggingLevel::Error)), bad_request(ROLE_MUST_BE_SET));
    assert_eq!(update(&ws, access("$context.requestId"), None), bad_request(ROLE_MUST_BE_SET));

    // Valid updates are applied: the emulator has no v2 UpdateStage, so the double makes the
    // change on the stage as AWS would, and it reads back.
    let calls = proxy.calls("apigatewayv2:UpdateStage");
    assert_eq!(update(&http, access("$context.requestId $context.authorizer.claims.sub"), None), Ok(()));
    assert_eq!(update(&ws, None, level(LoggingLevel::Off)), Ok(()));
    let role = acct.create_role("logging", API_GATEWAY_TRUST, true);
    acct.set_account_role(&role);
    assert_eq!(
        update(&ws, access("$context.requestId $context.connectionId"), level(LoggingLevel::Info)),
        Ok(())
    );
    assert_eq!(proxy.calls("apigatewayv2:UpdateStage"), calls + 3);
    let stage = acct.block_on(client.get_stage().api_id(&ws).stage_name("prod").send()).unwrap();
    assert_eq!(stage.default_route_settings().and_then(|r| r.logging_level()), Some(&LoggingLevel::Info));
    assert_eq!(
        stage.access_log_settings().and_then(|a| a.format()),
        Some("$context.requestId $context.connectionId")
    );
    // Route settings merge per route; their removal and access logging's have their own calls.
    let route = |key: &str| {
        answer(
            acct.block_on(
                client
                    .update_stage()
                    .api_id(&ws)
                    .stage_name("prod")
                    .route_settings(key, RouteSettings::builder().logging_level(LoggingLevel::Error).build())
                    .send(),
            ),
        )
    };
    assert_eq!(route("$connect"), Ok(()));
    assert_eq!(route("$disconnect"), Ok(()));
    let stage = acct.block_on(client.get_stage().api_id(&ws).stage_name("prod").send()).unwrap();
    assert_eq!(stage.route_settings().map(|r| r.len()), Some(2));
    acct.block_on(client.delete_route_settings().api_id(&ws).stage_name("prod").route_key("$connect").send())
        .unwrap();
    acct.block_on(client.delete_access_log_settings().api_id(&ws).stage_name("prod").send()).unwrap();
    let stage = acct.block_on(client.get_stage().api_id(&ws).stage_name("prod").send()).unwrap();
    let routes: Vec<&String> = stage.route_settings().map(|r| r.keys().collect()).unwrap_or_default();
    assert_eq!(routes, ["$disconnect"]);
    assert!(stage.access_log_settings().is_none());
    assert_eq!(
        stage.default_route_settings().and_then(|r| r.logging_level()),
        Some(&LoggingLevel::Info),
        "kept"
    );
}

#[test]
fn update_account_checks_the_role_as_api_gateway_assumes_it() {
    let acct = Account::new();
    let proxy = rules_only();
    proxy.role_propagation(Duration::ZERO);
    let apigw = aws_sdk_apigateway::Client::new(&config_at(&acct, &proxy.url, REGION));
    let set = |arn: &str| {
        let op = PatchOperation::builder().op(Op::Replace).path("/cloudwatchRoleArn").value(arn).build();
        answer(acct.block_on(apigw.update_account().patch_operations(op).send()))
    };
    let arn = |name: &str| format!("arn:aws:iam::{}:role/{name}", acct.id);
    assert_eq!(set(&arn("missing")), bad_request(NOT_PERMITTED));
    acct.create_role("lambda", LAMBDA_TRUST, true);
    assert_eq!(set(&arn("lambda")), bad_request(NOT_PERMITTED));
    acct.create_role("no-policy", API_GATEWAY_TRUST, false);
    assert_eq!(set(&arn("no-policy")), bad_request(NOT_PERMITTED));
    acct.create_role("conditioned", &api_gateway_trust(&acct.id), true);
    assert_eq!(set(&arn("conditioned")), bad_request(NOT_PERMITTED), "a Condition is unconfirmed");
    assert_eq!(acct.account_role(), None, "nothing forwarded");
    let both = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","apigateway.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}"#;
    acct.create_role("plain", both, true);
    assert_eq!(set(&arn("plain")), Ok(()));
    assert_eq!(acct.account_role(), Some(arn("plain")));
    assert_eq!(set(""), Ok(()), "an empty value unsets the role");
    assert_eq!(acct.account_role(), None);

    proxy.accept_trust_conditions();
    assert_eq!(set(&arn("conditioned")), Ok(()));
    assert_eq!(set(&arn("no-policy")), bad_request(NOT_PERMITTED), "the policy is still needed");
}

#[test]
fn update_account_refuses_a_role_iam_has_not_propagated_yet() {
    let acct = Account::new();
    let proxy = rules_only();
    let span = Duration::from_millis(1500);
    proxy.role_propagation(span);
    let apigw = aws_sdk_apigateway::Client::new(&config_at(&acct, &proxy.url, REGION));
    let set = |arn: &str| {
        let op = PatchOperation::builder().op(Op::Replace).path("/cloudwatchRoleArn").value(arn).build();
        answer(acct.block_on(apigw.update_account().patch_operations(op).send()))
    };
    let created = std::time::Instant::now();
    let arn = acct.create_role("fresh", API_GATEWAY_TRUST, true);
    assert_eq!(set(&arn), bad_request(NOT_PERMITTED));
    while created.elapsed() < span {
        std::thread::sleep(Duration::from_millis(100));
    }
    let accepted = loop {
        if set(&arn).is_ok() {
            break created.elapsed();
        }
        // Generous: moto answers slowly on a loaded machine, and its CreateDate has whole seconds.
        assert!(created.elapsed() < span + Duration::from_secs(10), "never accepted");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(accepted >= span, "accepted after {accepted:?}");
    assert_eq!(acct.account_role(), Some(arn));
}

#[test]
fn quotas_answer_as_aws_does_per_account_region_and_bucket() {
    let acct = Account::new();
    let other = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    // Rates a thousandth of AWS's (API Gateway's: one call every 100 s): nothing refills during
    // the test, however loaded the machine; bursts are AWS's.
    let proxy = Proxy::start(emulator_url());
    proxy.quota_scale(0.001).without_aws_rules();
    let config = config_at(&acct, &proxy.url, REGION);
    let (apigw, logs) =
        (aws_sdk_apigateway::Client::new(&config), aws_sdk_cloudwatchlogs::Client::new(&config));
    let iam = aws_sdk_iam::Client::new(&config);
    let sts = aws_sdk_sts::Client::new(&config);
    let too_many = refused(429, "TooManyRequestsException", "Too Many Requests");
    let unset = || {
        let op = PatchOperation::builder().op(Op::Replace).path("/cloudwatchRoleArn").value("").build();
        answer(acct.block_on(apigw.update_account().patch_operations(op).send()))
    };
    let get_resources = || answer(acct.block_on(apigw.get_resources().rest_api_id(&api).send()));
    let get_account =
        |client: &aws_sdk_apigateway::Client| answer(acct.block_on(client.get_account().send()));

    // UpdateAccount: burst 1.
    assert_eq!(unset(), Ok(()));
    assert_eq!(unset(), too_many);
    // GetResources: burst 5, its own bucket.
    for i in 0..5 {
        assert_eq!(get_resources(), Ok(()), "GetResources {i}");
    }
    assert_eq!(get_resources(), too_many);
    // Every other call: burst 40, shared by REST and v2.
    for i in 0..39 {
        assert_eq!(get_account(&apigw), Ok(()), "GetAccount {i}");
    }
    let v2 = aws_sdk_apigatewayv2::Client::new(&config);
    assert_eq!(answer(acct.block_on(v2.get_apis().send())), Ok(()), "the 40th");
    assert_eq!(get_account(&apigw), too_many);
    assert_eq!(answer(acct.block_on(v2.get_apis().send())), too_many);
    // Another region and another account have their own buckets.
    let west = aws_sdk_apigateway::Client::new(&config_at(&acct, &proxy.url, "eu-west-1"));
    assert_eq!(get_account(&west), Ok(()));
    let theirs = aws_sdk_apigateway::Client::new(&config_at(&other, &proxy.url, REGION));
    assert_eq!(answer(other.block_on(theirs.get_account().send())), Ok(()));

    // CloudWatch Logs: 5 per action; a throttled call is not forwarded.
    for i in 0..5 {
        assert_eq!(
            answer(acct.block_on(logs.create_log_group().log_group_name(format!("g{i}")).send())),
            Ok(())
        );
    }
    assert_eq!(
        answer(acct.block_on(logs.create_log_group().log_group_name("g5").send())),
        refused(400, "ThrottlingException", "Rate exceeded")
    );
    assert_eq!(acct.log_groups().len(), 5, "g5 never reached the emulator");
    assert_eq!(answer(acct.block_on(logs.describe_log_groups().send())), Ok(()), "another action");

    // IAM: one bucket of 10 for all actions (our assumption); STS: none.
    for i in 0..10 {
        let result = if i % 2 == 0 {
            answer(acct.block_on(iam.list_roles().send()))
        } else {
            answer(acct.block_on(iam.list_policies().max_items(1).send()))
        };
        assert_eq!(result, Ok(()), "IAM call {i}");
    }
    assert_eq!(answer(acct.block_on(iam.list_roles().send())), refused(400, "Throttling", "Rate exceeded"));
    for _ in 0..60 {
        assert_eq!(answer(acct.block_on(sts.get_caller_identity().send())), Ok(()));
    }

    // The counts, summed over accounts and regions, from the double's own endpoint.
    let stats = http_get(&proxy.url, "/__double/stats");
    assert_eq!(stats, proxy.stats());
    let bucket = |name: &str| &stats["buckets"][name];
    assert_eq!(bucket("apigateway:UpdateAccount")["accepted"], 1);
    assert_eq!(bucket("apigateway:UpdateAccount")["throttled"], 1);
    assert_eq!(bucket("apigateway:UpdateAccount")["burst"], 1.0);
    assert!((bucket("apigateway:UpdateAccount")["rate"].as_f64().unwrap() - 0.05 * 0.001).abs() < 1e-12);
    assert!((bucket("apigateway:GetResources")["rate"].as_f64().unwrap() - 2.5 * 0.001).abs() < 1e-12);
    assert_eq!(
        (
            bucket("apigateway:GetResources")["accepted"].as_u64(),
            bucket("apigateway:GetResources")["throttled"].as_u64()
        ),
        (Some(5), Some(1))
    );
    assert_eq!(bucket("apigateway:*")["accepted"], 42, "40 here, 1 in eu-west-1, 1 of the other account");
    assert_eq!(bucket("apigateway:*")["throttled"], 2);
    assert!((bucket("apigateway:*")["rate"].as_f64().unwrap() - 10.0 * 0.001).abs() < 1e-12);
    assert_eq!(bucket("apigateway:*")["burst"].as_f64(), Some(40.0));
    assert_eq!(bucket("logs:CreateLogGroup")["accepted"], 5);
    assert_eq!(bucket("logs:CreateLogGroup")["throttled"], 1);
    assert_eq!(bucket("logs:DescribeLogGroups")["accepted"], 1);
    assert_eq!(bucket("iam:*")["throttled"], 1);
    assert!(stats["buckets"].as_object().unwrap().keys().all(|k| !k.starts_with("sts")));
    assert_eq!(stats["throttled"], 6);
    assert_eq!(stats["calls"], 2 + 6 + 42 + 2 + 7 + 11 + 60);
    assert_eq!(proxy.throttled(), 6);
}

#[test]
fn quota_buckets_refill_at_the_scaled_rate() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    // GetResources at AWS's 2.5/s: a token every 400 ms after the burst of 5.
    let proxy = Proxy::start(emulator_url());
    proxy.quota_scale(1.0);
    let apigw = aws_sdk_apigateway::Client::new(&config_at(&acct, &proxy.url, REGION));
    let get = || answer(acct.block_on(apigw.get_resources().rest_api_id(&api).send()));
    let mut accepted = 0;
    while get().is_ok() {
        accepted += 1;
        assert!(accepted < 20, "never throttled");
    }
    assert!((5..12).contains(&accepted), "the burst and what refilled meanwhile: {accepted}");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(get(), Ok(()), "refilled");
}

/// A plain HTTP GET to the double, parsed as JSON.
fn http_get(url: &str, path: &str) -> serde_json::Value {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(url.trim_start_matches("http://")).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: double\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    serde_json::from_str(response.split_once("\r\n\r\n").unwrap().1).unwrap()
}

#[test]
fn api_gateway_delivery_sources_are_accepted_only_from_stages_that_log() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = rules_only();
    let config = config_at(&acct, &proxy.url, REGION);
    let logs = aws_sdk_cloudwatchlogs::Client::new(&config);
    let stage_arn = format!("arn:aws:apigateway:{REGION}:{}:/restapis/{api}/stages/prod", acct.id);
    let put_source = |log_type: &str| {
        answer(acct.block_on(
            logs.put_delivery_source().name("src").resource_arn(&stage_arn).log_type(log_type).send(),
        ))
    };
    // The stage is at OFF: refused, as AWS refuses it.
    let (status, code, message) = put_source("EXECUTION_LOGS").unwrap_err();
    assert_eq!((status, code.as_str()), (400, "ValidationException"));
    assert!(message.contains("ERROR or INFO"), "{message}");
    assert_eq!(put_source("ACCESS_LOGS").unwrap_err().1, "ValidationException");

    let role = acct.create_role("logging", &api_gateway_trust(&acct.id), true);
    acct.set_account_role(&role);
    let op = PatchOperation::builder().op(Op::Replace).path("/*/*/logging/loglevel").value("ERROR").build();
    acct.block_on(
        acct.apigw().update_stage().rest_api_id(&api).stage_name("prod").patch_operations(op).send(),
    )
    .unwrap();
    assert_eq!(
        put_source("EXECUTION_LOGS"),
        Ok(()),
        "accepted once the stage logs (the emulator alone refuses it)"
    );
    let sources = acct.block_on(logs.describe_delivery_sources().send()).unwrap();
    let source = &sources.delivery_sources()[0];
    assert_eq!(source.resource_arns(), std::slice::from_ref(&stage_arn), "shown as AWS shows it");
    assert_eq!((source.service(), source.log_type()), (Some("apigateway"), Some("EXECUTION_LOGS")));

    // A source or destination that a delivery uses cannot be deleted.
    let configuration = aws_sdk_cloudwatchlogs::types::DeliveryDestinationConfiguration::builder()
        .destination_resource_arn("arn:aws:s3:::exec-logs-bucket")
        .build()
        .unwrap();
    let destination = acct
        .block_on(
            logs.put_delivery_destination()
                .name("dst")
                .output_format(aws_sdk_cloudwatchlogs::types::OutputFormat::Json)
                .delivery_destination_configuration(configuration)
                .send(),
        )
        .unwrap();
    let destination_arn = destination.delivery_destination().unwrap().arn().unwrap().to_string();
    let delivery = acct
        .block_on(
            logs.create_delivery()
                .delivery_source_name("src")
                .delivery_destination_arn(&destination_arn)
                .send(),
        )
        .unwrap();
    let conflict = |result: Answer| assert_eq!(result.unwrap_err().1, "ConflictException");
    conflict(answer(acct.block_on(logs.delete_delivery_source().name("src").send())));
    conflict(answer(acct.block_on(logs.delete_delivery_destination().name("dst").send())));
    let id = delivery.delivery().unwrap().id().unwrap().to_string();
    acct.block_on(logs.delete_delivery().id(id).send()).unwrap();
    assert_eq!(answer(acct.block_on(logs.delete_delivery_destination().name("dst").send())), Ok(()));
    assert_eq!(answer(acct.block_on(logs.delete_delivery_source().name("src").send())), Ok(()));
}

#[test]
fn get_metric_data_reaches_the_emulator_and_its_rules_are_enforced() {
    use aws_sdk_cloudwatch::types::{Metric, MetricDataQuery, MetricStat};
    let acct = Account::new();
    let proxy = rules_only();
    let cw = aws_sdk_cloudwatch::Client::new(&config_at(&acct, &proxy.url, REGION));
    let query = |id: &str, period: i32| {
        let metric = Metric::builder().namespace("AWS/ApiGateway").metric_name("Count").build();
        MetricDataQuery::builder()
            .id(id)
            .metric_stat(MetricStat::builder().metric(metric).period(period).stat("Sum").build())
            .build()
    };
    let call = |queries: Vec<MetricDataQuery>| {
        let now = aws_smithy_types::DateTime::from_secs(1_764_633_600);
        let start = aws_smithy_types::DateTime::from_secs(1_764_633_600 - 86_400);
        answer(
            acct.block_on(
                cw.get_metric_data()
                    .set_metric_data_queries(Some(queries))
                    .start_time(start)
                    .end_time(now)
                    .send(),
            ),
        )
    };
    assert_eq!(
        call(vec![query("m0", 86_400)]),
        Ok(()),
        "the emulator answers the SDK's CBOR protocol itself (moto 5.2.6)"
    );
    let too_many = (0..501).map(|i| query(&format!("m{i}"), 86_400)).collect();
    assert!(
        matches!(call(too_many), Err((400, code, m)) if code == "ValidationError" && m.contains("greater than 500"))
    );
    assert!(matches!(call(vec![query("M0", 86_400)]), Err((400, _, m)) if m.contains("Id is invalid")));
    assert!(matches!(call(vec![query("m0", 90)]), Err((400, _, m)) if m.contains("multiple of 60")));
}
