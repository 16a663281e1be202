//! Trust boundaries (issue 27): what somebody else controls (names, formats and tags read from
//! AWS, session records and schedules, files, metric values, answers that are not AWS's) is
//! escaped where it goes, checked before it steers a write, and read with a limit. Each test
//! reads the outcome back through the emulator or the double's call log, not the tool's word.

use crate::debug::{fire, record_streams, rest_fixture, rest_state, schedule, scheduler, with_role};
use crate::emit::{cdk_synth, cfn_lint};
use crate::faults::{Fault, Proxy, When};
use crate::harness::*;
use aws_sdk_apigatewayv2::types::ProtocolType;
use serde_json::Value;
use std::collections::BTreeSet;

const GROUP: &str = "apigw-logs-debug";
const RECORDS: &str = "/apigw-logs/debug-sessions";

/// The corpus the unit tests of the escaping functions use too.
fn hostile() -> Vec<String> {
    serde_json::from_str(include_str!("../fixtures/hostile.json")).unwrap()
}

fn format_of(text: &str) -> String {
    format!("$context.requestId {text}")
}

/// Every stage's access log format in a CloudFormation template (CDK's synthesized one too).
fn template_formats(template: &Value) -> BTreeSet<String> {
    template["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|r| {
            let p = &r["Properties"];
            p["AccessLogSetting"]["Format"].as_str().or(p["AccessLogSettings"]["Format"].as_str())
        })
        .map(String::from)
        .collect()
}

/// Every `format` of the HCL, as Terraform reads it (template sequences evaluated).
fn terraform_formats(code: &str) -> (BTreeSet<String>, Vec<(String, String)>) {
    use hcl::eval::Evaluate as _;
    let body: hcl::Body = hcl::from_str(code).unwrap_or_else(|e| panic!("not HCL ({e}):\n{code}"));
    let mut formats = BTreeSet::new();
    let mut resources = Vec::new();
    for block in body.blocks().filter(|b| b.identifier() == "resource") {
        let labels: Vec<String> = block.labels().iter().map(|l| l.as_str().to_string()).collect();
        resources.push((labels[0].clone(), labels[1].clone()));
        for settings in block.body().blocks().filter(|b| b.identifier() == "access_log_settings") {
            let format = settings.body().attributes().find(|a| a.key() == "format").unwrap();
            let value = format.expr().evaluate(&hcl::eval::Context::new()).unwrap();
            formats.insert(value.as_str().unwrap().to_string());
        }
    }
    (formats, resources)
}

/// A REST, an HTTP and a WebSocket API for each hostile text: named it, with a stage `prod` whose
/// access log format carries it (set straight in the emulator: AWS would refuse some of these
/// formats, but its names take anything, and what it stores is read back as it is).
fn hostile_apis(acct: &Account) -> BTreeSet<String> {
    let log_group = |i: usize| format!("arn:aws:logs:{REGION}:{}:log-group:hostile-{i}", acct.id);
    let mut formats = BTreeSet::new();
    for (i, text) in hostile().iter().enumerate() {
        let format = format_of(text);
        formats.insert(format.clone());
        let rest = acct.create_api(text, "prod", &[("/pets", "GET")]);
        use aws_sdk_apigateway::types::{Op, PatchOperation};
        let ops = [
            ("/accessLogSettings/destinationArn", log_group(i)),
            ("/accessLogSettings/format", format.clone()),
            ("/*/*/logging/loglevel", "ERROR".to_string()),
        ]
        .map(|(path, value)| PatchOperation::builder().op(Op::Replace).path(path).value(value).build());
        let update = acct.apigw().update_stage().rest_api_id(&rest).stage_name("prod");
        acct.block_on(update.set_patch_operations(Some(ops.to_vec())).send()).unwrap();
        for protocol in [ProtocolType::Http, ProtocolType::Websocket] {
            let api = acct.create_v2_api(text, protocol.clone());
            let access = aws_sdk_apigatewayv2::types::AccessLogSettings::builder()
                .destination_arn(log_group(i))
                .format(&format)
                .build();
            let create =
                acct.apigw2().create_stage().api_id(&api).stage_name("prod").access_log_settings(access);
            acct.block_on(create.send()).unwrap();
        }
    }
    formats
}

#[test]
fn hostile_names_and_formats_stay_inside_their_strings_in_every_emitted_language() {
    let acct = Account::new();
    with_role(&acct);
    let formats = hostile_apis(&acct);
    let pwned = std::path::Path::new("/tmp/PWNED");
    let _ = std::fs::remove_file(pwned);
    let show = |tool: &str| {
        let (code, stdout, stderr) =
            acct.run(&["stage", "show", "--all-apis", "--stage", "prod", "--emit", tool]);
        assert_eq!(code, 0, "--emit {tool}: {stderr}");
        stdout
    };

    // Terraform: parsed as HCL, every resource name unique, every format read back exactly.
    let (read_back, resources) = terraform_formats(&show("terraform"));
    assert_eq!(read_back, formats, "Terraform reads the formats back as stored");
    let unique: BTreeSet<&(String, String)> = resources.iter().collect();
    assert_eq!(unique.len(), resources.len(), "duplicate resources: {resources:?}");

    // CloudFormation: linted, one stage resource per stage, formats as stored.
    let template = show("cloudformation");
    cfn_lint(&acct, "hostile.json", &template);
    let template: Value = serde_json::from_str(&template).unwrap();
    let stages = template["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|r| r["Type"] == "AWS::ApiGateway::Stage" || r["Type"] == "AWS::ApiGatewayV2::Stage");
    assert_eq!(stages.count(), 3 * hostile().len(), "no stage dropped");
    assert_eq!(template_formats(&template), formats);

    // CDK: compiled, synthesized (node runs the code: nothing of a name may run with it) and
    // read back; each REST API's props used by a RestApi of the test's own.
    let code = show("cdk");
    let usage: String = code
        .lines()
        .filter_map(|l| l.strip_prefix("const ")?.split_once("Props:").map(|(var, _)| var.to_string()))
        .enumerate()
        .map(|(i, var)| {
            format!("new apigateway.RestApi(this, 'Api{i}', {{ ...{var}Props }}).root.addMethod('GET');\n")
        })
        .collect();
    let synthesized = cdk_synth(&code, &usage);
    assert!(!pwned.exists(), "a name ran as code under node");
    assert_eq!(template_formats(&synthesized), formats);

    // SAM and Serverless hold one section per kind of API: one stage of each at a time.
    let ids = |kind: &str| -> Vec<String> {
        let listed = acct.json(&["stage", "show", "--all-apis", "--api-type", kind, "--stage", "prod"], 0);
        let mut ids: Vec<String> = listed["apis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["api"]["id"].as_str().unwrap().to_string())
            .collect();
        ids.dedup();
        ids
    };
    let mut yaml_files = Vec::new();
    for kind in ["rest", "http", "websocket"] {
        for (i, id) in ids(kind).iter().enumerate() {
            let run = |tool: &str| {
                let (code, stdout, stderr) =
                    acct.run(&["stage", "show", "--api", id, "--stage", "prod", "--emit", tool]);
                assert_eq!(code, 0, "{tool} {id}: {stderr}");
                stdout
            };
            if kind != "websocket" && i < 3 {
                cfn_lint(&acct, &format!("sam-{kind}-{i}.json"), &run("sam"));
            }
            yaml_files.push(temp_file(&acct, &format!("{kind}-{i}.yml"), run("serverless").as_bytes()));
        }
    }
    // YAML read by PyYAML (the emulator's venv has it): each format as stored, or left out with a
    // note when Serverless would read a variable in it.
    let python = repo_root().join(".venv/bin/python");
    let script = "import json, sys, yaml\nprint(json.dumps([yaml.safe_load(open(p)) for p in sys.argv[1:]]))";
    let out = std::process::Command::new(python).arg("-c").arg(script).args(&yaml_files).output().unwrap();
    assert!(out.status.success(), "YAML refused: {}", String::from_utf8_lossy(&out.stderr));
    let docs: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut yaml_formats = BTreeSet::new();
    for doc in &docs {
        for section in doc["provider"]["logs"].as_object().unwrap().values() {
            yaml_formats.extend(section["format"].as_str().map(String::from));
        }
    }
    let plain: BTreeSet<String> = formats.iter().filter(|f| !f.contains("${self:")).cloned().collect();
    assert_eq!(yaml_formats, plain, "Serverless keeps each format as stored, or leaves it out");
    assert!(!pwned.exists());
}

#[test]
fn plans_and_status_show_control_characters_escaped() {
    let acct = Account::new();
    with_role(&acct);
    let name = "orders\rEVIL\u{1b}]0;pwned\u{7}\nApplied 9 change(s) to everything.";
    let api = acct.create_api(name, "prod", &[]);
    for args in [
        &["enable", "--api", api.as_str(), "--stage", "prod", "--dry-run"][..],
        &["status", "--api", api.as_str()],
        &["stage", "show", "--api", api.as_str(), "--stage", "prod"],
    ] {
        let (_, stdout, stderr) = acct.run(args);
        for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            assert!(
                !text.contains('\r') && !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{args:?} {stream}: {text:?}"
            );
            assert!(!text.lines().any(|l| l.starts_with("Applied 9")), "a faked line: {text}");
        }
        assert!(stdout.contains(r"orders\rEVIL\u001b]0;pwned\u0007\nApplied 9"), "{args:?}: {stdout}");
    }
}

/// The record of the session on `api` (its only stream), as JSON.
fn record(acct: &Account) -> (String, Value) {
    let stream = record_streams(acct).pop().expect("a record stream");
    let events =
        acct.block_on(acct.logs().get_log_events().log_group_name(RECORDS).log_stream_name(&stream).send());
    let message = events.unwrap().events().last().unwrap().message().unwrap().to_string();
    (stream, serde_json::from_str(&message).unwrap())
}

/// Appends `message` to the record stream, as someone with write access to the group could.
fn write_record(acct: &Account, stream: &str, message: &str) {
    let event = aws_sdk_cloudwatchlogs::types::InputLogEvent::builder()
        .timestamp(chrono::Utc::now().timestamp_millis())
        .message(message)
        .build()
        .unwrap();
    let put = acct.logs().put_log_events().log_group_name(RECORDS).log_stream_name(stream).log_events(event);
    acct.block_on(put.send()).unwrap();
}

/// Runs `debug end` through a double of its own and returns (exit code, stderr, the writes made).
fn end_through_proxy(acct: &Account, api: &str) -> (i32, String, Vec<String>) {
    let proxy = Proxy::start(emulator_url());
    let (code, _, stderr) = acct.run_at(&proxy.url, &["debug", "end", "--api", api, "--stage", "prod"]);
    (code, stderr, proxy.writes())
}

#[test]
fn a_record_rewritten_to_name_another_api_writes_nothing() {
    let acct = Account::new();
    let orders = rest_fixture(&acct);
    let billing = acct.create_api("billing", "prod", &[]);
    acct.json(&["enable", "--api", "billing", "--stage", "prod", "--level", "error", "--yes"], 0);
    let billing_before = rest_state(&acct, &billing);
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"], 0);
    let during = rest_state(&acct, &orders);
    let (stream, mut forged) = record(&acct);
    forged["api"]["id"] = Value::from(billing.clone());
    forged["api"]["name"] = Value::from("billing");
    write_record(&acct, &stream, &forged.to_string());

    let (code, stderr, writes) = end_through_proxy(&acct, "orders");
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains(&format!("it names API {billing} (asked: {orders})")), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(writes, Vec::<String>::new());
    assert_eq!(rest_state(&acct, &billing), billing_before);
    assert_eq!(rest_state(&acct, &orders), during);
}

#[test]
fn a_record_that_would_turn_data_trace_on_or_move_access_logs_writes_nothing() {
    let acct = Account::new();
    let orders = rest_fixture(&acct);
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"], 0);
    let during = rest_state(&acct, &orders);
    let (stream, mut forged) = record(&acct);
    forged["before"]["methods"]["*/*"]["data_trace"] = Value::from(true);
    let foreign = "arn:aws:firehose:us-east-1:999999999999:deliverystream/amazon-apigateway-theirs";
    forged["before"]["access"]["destination_arn"] = Value::from(foreign);
    write_record(&acct, &stream, &forged.to_string());

    let (code, stderr, writes) = end_through_proxy(&acct, "orders");
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("it would turn data trace on (stage-wide)"), "{stderr}");
    assert!(stderr.contains(&format!("it would send access logs to {foreign}")), "{stderr}");
    assert_eq!(writes, Vec::<String>::new());
    assert_eq!(rest_state(&acct, &orders), during);
}

/// Replaces the record stream's content with `message` alone.
fn replace_record(acct: &Account, stream: &str, message: &str) {
    let logs = acct.logs();
    acct.block_on(logs.delete_log_stream().log_group_name(RECORDS).log_stream_name(stream).send()).unwrap();
    acct.block_on(logs.create_log_stream().log_group_name(RECORDS).log_stream_name(stream).send()).unwrap();
    write_record(acct, stream, message);
}

#[test]
fn an_unreadable_record_falls_back_to_the_schedule_and_refuses_when_both_are_unreadable() {
    let acct = Account::new();
    let orders = rest_fixture(&acct);
    let before = rest_state(&acct, &orders);
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--data-trace", "--yes"], 0);
    let (stream, _) = record(&acct);
    replace_record(&acct, &stream, "this is not a record {");
    let (code, stdout, stderr) = acct.run(&["debug", "end", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stderr.contains("the stage goes back as its schedule"), "{stderr}");
    assert_eq!(rest_state(&acct, &orders), before);
    assert!(schedule(&acct, &format!("{orders}.prod")).is_none());
    assert!(record_streams(&acct).is_empty());

    // Now both: the record is garbage and the schedule's input was rewritten.
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"], 0);
    let during = rest_state(&acct, &orders);
    let (stream, _) = record(&acct);
    replace_record(&acct, &stream, "garbage");
    let name = format!("{orders}.prod");
    let found = schedule(&acct, &name).unwrap();
    let target = found.target().unwrap();
    let rewritten = aws_sdk_scheduler::types::Target::builder()
        .arn(target.arn())
        .role_arn(target.role_arn())
        .input(r#"{"RestApiId":"elsewhere","StageName":"prod","PatchOperations":[]}"#)
        .build()
        .unwrap();
    let update = scheduler(&acct)
        .update_schedule()
        .group_name(GROUP)
        .name(&name)
        .schedule_expression(found.schedule_expression().unwrap())
        .set_flexible_time_window(found.flexible_time_window().cloned())
        .target(rewritten);
    acct.block_on(update.send()).unwrap();
    let (code, stderr, writes) = end_through_proxy(&acct, "orders");
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("it names another API or stage"), "{stderr}");
    assert_eq!(writes, Vec::<String>::new());
    assert_eq!(rest_state(&acct, &orders), during);
}

#[test]
fn a_session_whose_stage_is_gone_ends_without_writing_and_never_touches_a_namesake() {
    let acct = Account::new();
    let orders = rest_fixture(&acct);
    let delete_stage = || {
        acct.block_on(acct.apigw().delete_stage().rest_api_id(&orders).stage_name("prod").send()).unwrap();
    };
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"], 0);
    delete_stage();
    let (code, stderr, writes) = end_through_proxy(&acct, "orders");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(writes, ["logs:DeleteLogStream", "scheduler:DeleteSchedule"], "no stage written");
    assert!(schedule(&acct, &format!("{orders}.prod")).is_none() && record_streams(&acct).is_empty());

    // A later stage of the same name is not the session's: it keeps its own settings. (moto
    // gives REST stages no createdDate; its v2 stages have one, as AWS's stages of both kinds do.)
    let web = acct.create_v2_api("web", ProtocolType::Http);
    let create_stage = || {
        acct.block_on(acct.apigw2().create_stage().api_id(&web).stage_name("prod").send()).unwrap();
    };
    create_stage();
    acct.json(&["debug", "--api", "web", "--stage", "prod", "--detach"], 0);
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    acct.block_on(acct.apigw2().delete_stage().api_id(&web).stage_name("prod").send()).unwrap();
    create_stage();
    let namesake = acct.block_on(acct.apigw2().get_stage().api_id(&web).stage_name("prod").send()).unwrap();
    let (code, stderr, writes) = end_through_proxy(&acct, "web");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(writes, ["logs:DeleteLogStream", "scheduler:DeleteSchedule"], "{stderr}");
    let after = acct.block_on(acct.apigw2().get_stage().api_id(&web).stage_name("prod").send()).unwrap();
    assert_eq!(format!("{:?}", after.access_log_settings()), format!("{:?}", namesake.access_log_settings()));
    assert!(schedule(&acct, &format!("{web}.prod")).is_none());
}

#[test]
fn only_the_tools_own_schedules_are_listed_as_sessions() {
    let acct = Account::new();
    let orders = rest_fixture(&acct);
    let role = format!("arn:aws:iam::{}:role/theirs", acct.id);
    // Made straight in the emulator: others' schedules need not follow the double's rules.
    let sched = aws_sdk_scheduler::Client::new(&acct.config);
    let make = |group: &str, name: &str, arn: &str| {
        let input = format!(r#"{{"RestApiId":"{orders}","StageName":"prod","PatchOperations":[]}}"#);
        let target = aws_sdk_scheduler::types::Target::builder()
            .arn(arn)
            .role_arn(&role)
            .input(input)
            .build()
            .unwrap();
        let window = aws_sdk_scheduler::types::FlexibleTimeWindow::builder()
            .mode(aws_sdk_scheduler::types::FlexibleTimeWindowMode::Off)
            .build()
            .unwrap();
        let description = format!(
            "apigw-logs debug session: api={orders} type=rest stage=prod started=2026-12-06T00:00:00.000Z ends=2099-01-01T00:00:00Z reverts=2099-01-01T00:00:00Z"
        );
        let create = sched
            .create_schedule()
            .group_name(group)
            .name(name)
            .description(description)
            .schedule_expression("at(2099-01-01T00:00:00)")
            .flexible_time_window(window)
            .target(target);
        acct.block_on(create.send()).unwrap();
    };
    acct.block_on(sched.create_schedule_group().name("other").send()).unwrap();
    acct.block_on(sched.create_schedule_group().name(GROUP).send()).unwrap();
    make("other", &format!("{orders}.prod"), "arn:aws:scheduler:::aws-sdk:apigateway:updateStage");
    make(GROUP, "nightly-report", "arn:aws:scheduler:::aws-sdk:apigateway:updateStage");
    make(GROUP, &format!("{orders}.dev"), "arn:aws:lambda:us-east-1:123456789012:function:mine");
    let listed = acct.json(&["debug", "list"], 0);
    assert_eq!(listed["sessions"], serde_json::json!([]), "{listed}");
    let (_, stdout, _) = acct.run(&["debug", "list"]);
    assert!(stdout.contains("No debug sessions open"), "{stdout}");
    let status = acct.json(&["status", "--api", "orders"], 0);
    assert!(crate::debug::finding(&status, "debug-session").is_none(), "{status}");
}

#[test]
fn a_whole_stage_session_raises_quieter_overrides_and_puts_them_back_exactly() {
    let acct = Account::new();
    with_role(&acct);
    let api = acct.create_api("orders", "prod", &[("/pets", "GET"), ("/cats", "GET")]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod", "--level", "info", "--yes"], 0);
    for (method, level) in [("GET /pets", "error"), ("GET /cats", "off")] {
        acct.json(
            &[
                "stage", "set", "--api", "orders", "--stage", "prod", "--method", method, "--level", level,
                "--yes",
            ],
            0,
        );
    }
    let before = rest_state(&acct, &api);
    let out = acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"], 0);
    let plan = out["plan"].to_string();
    assert!(
        plan.contains("~1pets/GET/logging/loglevel") && plan.contains("~1cats/GET/logging/loglevel"),
        "{plan}"
    );
    let methods = acct.stage(&api, "prod").method_settings().unwrap().clone();
    for key in ["*/*", "~1pets/GET", "~1cats/GET"] {
        assert_eq!(methods[key].logging_level(), Some("INFO"), "{key} logs fully during the session");
    }
    let (code, _, stderr) = acct.run(&["debug", "end", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(rest_state(&acct, &api), before);
    // The schedule would have put them back the same way.
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"], 0);
    fire(&acct, &format!("{api}.prod"));
    assert_eq!(rest_state(&acct, &api), before);
}

/// Runs the binary under a virtual memory limit, so that reading without bound fails the test
/// instead of exhausting the machine.
fn run_limited(acct: &Account, args: &[&str]) -> (i32, String) {
    let inner = acct.process_at(double_url(), args);
    let mut cmd = std::process::Command::new("bash");
    cmd.arg("-c")
        .arg(r#"ulimit -v 4000000 && exec "$0" "$@""#)
        .arg(inner.get_program())
        .args(inner.get_args());
    cmd.env_clear();
    for (key, value) in inner.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    let out = cmd.stdin(std::process::Stdio::null()).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn every_file_the_tool_reads_has_a_size_and_time_limit() {
    let acct = Account::new();
    let fifo = acct.home.path().join("state.fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let fifo = fifo.display().to_string();
    for (args, expected) in [
        (vec!["--prices", "/dev/zero", "status"], "--prices: '/dev/zero' is larger than 1 MiB"),
        (vec!["--prices", "/dev/urandom", "status"], "--prices: '/dev/urandom' is larger than 1 MiB"),
        (vec!["apply", "-f", "/dev/zero"], "the file is larger than 16 MiB"),
        (
            vec!["--terraform-state", "/dev/zero", "status"],
            "--terraform-state: '/dev/zero' is larger than 256 MiB",
        ),
        (vec!["--timeout", "2", "--terraform-state", &fifo, "status"], "not a regular file"),
        (vec!["--timeout", "2", "--prices", &fifo, "status"], "not a regular file"),
    ] {
        let (code, stderr) = run_limited(&acct, &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn absurd_prices_are_refused_and_absurd_metrics_left_out() {
    let acct = Account::new();
    with_role(&acct);
    acct.create_api("orders", "prod", &[]);
    let prices = temp_file(&acct, "p.toml", b"ingestion_per_gb = 1e308\n");
    let (code, _, stderr) = acct.run(&["--prices", &prices, "cost", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("`ingestion_per_gb`: a price is a number of USD from 0 to 1000"), "{stderr}");

    // Negative and absurd counts (what a broken or hostile endpoint may answer) are left out.
    let dims = [("ApiName", "orders"), ("Stage", "prod")];
    crate::cost::seed(&acct, "AWS/ApiGateway", "Count", &dims, -5.0);
    crate::cost::seed(&acct, "AWS/ApiGateway", "Count", &dims, 1e18);
    let doc = acct.json(&["cost", "--api", "orders", "--stage", "prod"], 0);
    let after = &doc["cost"]["stages"][0]["after"];
    assert_eq!(after["usd"], 0.0, "{doc}");
    assert!(!doc.to_string().contains("-0.0"), "{doc}");
    let (code, stdout, stderr) = acct.run(&["cost", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("negative, not a number or beyond any real traffic"), "{stderr}");
    assert!(stdout.contains("logging cost: 0.00 USD/month"), "text and JSON agree: {stdout}");
}

#[test]
fn an_answer_that_is_not_aws_s_is_one_line_once() {
    let acct = Account::new();
    with_role(&acct);
    for name in ["a", "b", "c", "d"] {
        acct.create_api(name, "prod", &[]);
    }
    let proxy = Proxy::start(emulator_url());
    proxy.fault("monitoring:GetMetricData", Fault::Html(404), When::Always);
    let (code, stdout, stderr) =
        acct.run_at(&proxy.url, &["enable", "--all-apis", "--stage", "prod", "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    let both = format!("{stdout}{stderr}");
    assert_eq!(both.matches("HTTP 404: not an AWS API response: check --endpoint-url").count(), 1, "{both}");
    for internal in ["ServiceError {", "SdkBody", "DispatchFailure(", "<html", "<!DOCTYPE"] {
        assert!(!both.contains(internal), "{internal}: {both}");
    }
    proxy.fault("apigateway:GetRestApis", Fault::Html(404), When::Always);
    let (code, stdout, stderr) = acct.run_at(&proxy.url, &["status", "--all-apis"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("HTTP 404: not an AWS API response: check --endpoint-url"), "{stderr}");
    assert_eq!(stderr.lines().filter(|l| l.starts_with("error:")).count(), 1, "{stderr}");
    for internal in ["ServiceError {", "SdkBody", "DispatchFailure(", "<html"] {
        assert!(!stderr.contains(internal) && !stdout.contains(internal), "{internal}: {stderr}");
    }
}

#[test]
fn of_two_starts_or_two_ends_at_once_one_wins_and_the_other_says_so() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let start = ["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"];
    let spawn =
        |args: &[&str]| acct.process_at(double_url(), args).stdin(std::process::Stdio::null()).output();
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| spawn(&start).unwrap());
        let b = s.spawn(|| spawn(&start).unwrap());
        (a.join().unwrap(), b.join().unwrap())
    });
    let mut codes = [a.status.code().unwrap(), b.status.code().unwrap()];
    codes.sort();
    let stderrs = format!("{}{}", String::from_utf8_lossy(&a.stderr), String::from_utf8_lossy(&b.stderr));
    assert_eq!(codes, [0, 3], "{stderrs}");
    assert!(stderrs.contains("has a debug session open"), "{stderrs}");
    assert!(!stderrs.contains("ConflictException") && !stderrs.contains("Rerunning"), "{stderrs}");
    assert_eq!(record_streams(&acct).len(), 1, "the loser's record is gone");

    let end = ["debug", "end", "--api", "orders", "--stage", "prod"];
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| spawn(&end).unwrap());
        let b = s.spawn(|| spawn(&end).unwrap());
        (a.join().unwrap(), b.join().unwrap())
    });
    let outs: Vec<String> =
        [&a, &b].iter().map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).collect();
    assert_eq!(outs.iter().filter(|o| o.contains("Applied")).count(), 1, "one end puts it back: {outs:?}");
    for (out, other) in [(&a, &b), (&b, &a)] {
        if !String::from_utf8_lossy(&out.stdout).contains("Applied") {
            let said =
                format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            assert!(said.contains("ended elsewhere") || said.contains("has no debug session"), "{said}");
            assert!(other.status.success());
        }
    }
    assert!(schedule(&acct, &format!("{api}.prod")).is_none());
}

#[test]
fn status_says_ends_for_a_session_still_running_and_days_are_counted_right() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--for", "30m", "--detach", "--yes"], 0);
    acct.block_on(scheduler(&acct).delete_schedule().group_name(GROUP).name(format!("{api}.prod")).send())
        .unwrap();
    let (code, stdout, _) = acct.run(&["status", "--api", "orders"]);
    assert_eq!(code, 5, "{stdout}");
    assert!(stdout.contains("a debug session that ends at") && !stdout.contains("ended at"), "{stdout}");

    crate::cost::seed(&acct, "AWS/ApiGateway", "Count", &[("ApiName", "orders"), ("Stage", "prod")], 1_000.0);
    let (code, stdout, stderr) =
        acct.run(&["cost", "--api", "orders", "--stage", "prod", "--traffic-days", "1"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("over 1 day;") && stdout.contains("the last 1 day of traffic"), "{stdout}");
    assert!(!stdout.contains("1 days"), "{stdout}");
}
