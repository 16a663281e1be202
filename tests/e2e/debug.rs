//! Debug sessions end to end on the strict double: each session is read back from the emulator
//! during and after, and a schedule is fired the way EventBridge Scheduler would (its target's
//! input sent as the API Gateway call it names, then the schedule deleted).

use crate::faults::{Fault, Proxy, When};
use crate::harness::*;
use aws_sdk_apigatewayv2::types::ProtocolType;
use serde_json::Value;
use std::io::{BufRead as _, BufReader};
use std::time::{Duration, Instant};

const GROUP: &str = "apigw-logs-debug";
const RECORDS: &str = "/apigw-logs/debug-sessions";

pub(crate) fn with_role(acct: &Account) {
    let arn = acct.create_role("logging", API_GATEWAY_TRUST, true);
    acct.set_account_role(&arn);
}

/// A REST API `orders` with GET /pets whose stage logs ERROR, with access logs (via `enable`).
pub(crate) fn rest_fixture(acct: &Account) -> String {
    with_role(acct);
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod", "--level", "error", "--yes"], 0);
    api
}

pub(crate) fn scheduler(acct: &Account) -> aws_sdk_scheduler::Client {
    aws_sdk_scheduler::Client::new(&acct.config.to_builder().endpoint_url(double_url()).build())
}

/// The stage's logging settings as the emulator holds them (REST), maps sorted.
pub(crate) fn rest_state(acct: &Account, api: &str) -> String {
    let stage = acct.stage(api, "prod");
    let methods: std::collections::BTreeMap<_, _> =
        stage.method_settings().into_iter().flatten().map(|(k, v)| (k.clone(), format!("{v:?}"))).collect();
    format!("methods={methods:?} access={:?}", stage.access_log_settings())
}

fn v2_state(acct: &Account, api: &str) -> String {
    let stage = acct.block_on(acct.apigw2().get_stage().api_id(api).stage_name("prod").send()).unwrap();
    let routes: std::collections::BTreeMap<_, _> =
        stage.route_settings().into_iter().flatten().map(|(k, v)| (k.clone(), format!("{v:?}"))).collect();
    format!(
        "default={:?} routes={routes:?} access={:?}",
        stage.default_route_settings(),
        stage.access_log_settings()
    )
}

pub(crate) fn schedule(
    acct: &Account,
    name: &str,
) -> Option<aws_sdk_scheduler::operation::get_schedule::GetScheduleOutput> {
    acct.block_on(scheduler(acct).get_schedule().group_name(GROUP).name(name).send()).ok()
}

pub(crate) fn record_streams(acct: &Account) -> Vec<String> {
    let out = acct.block_on(acct.logs().describe_log_streams().log_group_name(RECORDS).send());
    out.map(|o| o.log_streams().iter().filter_map(|s| s.log_stream_name().map(String::from)).collect())
        .unwrap_or_default()
}

/// Does what EventBridge Scheduler does when the schedule's time comes: sends its target's input
/// as the call the universal target names, through the strict double, then deletes the schedule
/// (ActionAfterCompletion DELETE).
pub(crate) fn fire(acct: &Account, name: &str) {
    let found = schedule(acct, name).expect("the schedule exists");
    assert_eq!(
        found.action_after_completion(),
        Some(&aws_sdk_scheduler::types::ActionAfterCompletion::Delete)
    );
    assert_eq!(
        found.flexible_time_window().map(|w| w.mode()),
        Some(&aws_sdk_scheduler::types::FlexibleTimeWindowMode::Off)
    );
    let target = found.target().unwrap();
    let input: Value = serde_json::from_str(target.input().unwrap()).unwrap();
    let text = |v: &Value| v.as_str().unwrap().to_string();
    let config = acct.config.to_builder().endpoint_url(double_url()).build();
    match target.arn() {
        "arn:aws:scheduler:::aws-sdk:apigateway:updateStage" => {
            use aws_sdk_apigateway::types::{Op, PatchOperation};
            let ops = input["PatchOperations"].as_array().unwrap().iter().map(|op| {
                PatchOperation::builder()
                    .op(Op::from(op["Op"].as_str().unwrap()))
                    .path(text(&op["Path"]))
                    .set_value(op["Value"].as_str().map(String::from))
                    .build()
            });
            let client = aws_sdk_apigateway::Client::new(&config);
            let call = client
                .update_stage()
                .rest_api_id(text(&input["RestApiId"]))
                .stage_name(text(&input["StageName"]))
                .set_patch_operations(Some(ops.collect()));
            acct.block_on(call.send()).expect("the scheduled UpdateStage");
        }
        "arn:aws:scheduler:::aws-sdk:apigatewayv2:updateStage" => {
            use aws_sdk_apigatewayv2::types::{AccessLogSettings, LoggingLevel, RouteSettings};
            let route = |v: &Value| {
                RouteSettings::builder()
                    .set_logging_level(v["LoggingLevel"].as_str().map(LoggingLevel::from))
                    .set_data_trace_enabled(v["DataTraceEnabled"].as_bool())
                    .set_detailed_metrics_enabled(v["DetailedMetricsEnabled"].as_bool())
                    .set_throttling_burst_limit(v["ThrottlingBurstLimit"].as_i64().map(|n| n as i32))
                    .set_throttling_rate_limit(v["ThrottlingRateLimit"].as_f64())
                    .build()
            };
            let client = aws_sdk_apigatewayv2::Client::new(&config);
            let mut call =
                client.update_stage().api_id(text(&input["ApiId"])).stage_name(text(&input["StageName"]));
            if let Some(settings) = input.get("DefaultRouteSettings") {
                call = call.default_route_settings(route(settings));
            }
            for (key, settings) in input.get("RouteSettings").and_then(Value::as_object).into_iter().flatten()
            {
                call = call.route_settings(key, route(settings));
            }
            if let Some(access) = input.get("AccessLogSettings") {
                let settings = AccessLogSettings::builder()
                    .destination_arn(text(&access["DestinationArn"]))
                    .format(text(&access["Format"]))
                    .build();
                call = call.access_log_settings(settings);
            }
            acct.block_on(call.send()).expect("the scheduled v2 UpdateStage");
        }
        "arn:aws:scheduler:::aws-sdk:apigatewayv2:deleteAccessLogSettings" => {
            let client = aws_sdk_apigatewayv2::Client::new(&config);
            let call = client
                .delete_access_log_settings()
                .api_id(text(&input["ApiId"]))
                .stage_name(text(&input["StageName"]));
            acct.block_on(call.send()).expect("the scheduled DeleteAccessLogSettings");
        }
        other => panic!("the tool scheduled a target nobody fires: {other}"),
    }
    acct.block_on(scheduler(acct).delete_schedule().group_name(GROUP).name(name).send()).unwrap();
}

pub(crate) fn finding<'a>(status: &'a Value, code: &str) -> Option<&'a Value> {
    status["regions"][0]["apis"][0]["stages"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
}

#[test]
fn a_session_ended_by_its_timer_puts_the_stage_back_exactly() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let before = rest_state(&acct, &api);
    let (code, stdout, stderr) = acct.run(&["debug", "--api", "orders", "--stage", "prod", "--for", "1m"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("Debug session ended: the stage is back as it was."), "{stdout}");
    assert!(stderr.contains("debug session: time is up"), "{stderr}");
    assert_eq!(rest_state(&acct, &api), before);
    assert!(schedule(&acct, &format!("{api}.prod")).is_none(), "the schedule is deleted");
    assert!(record_streams(&acct).is_empty(), "the record is deleted");
}

#[test]
fn a_given_timeout_ends_a_session_early_and_puts_the_stage_back() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let before = rest_state(&acct, &api);
    let (code, stdout, stderr) =
        acct.run(&["debug", "--api", "orders", "--stage", "prod", "--for", "10m", "--timeout", "3"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stderr.contains("--timeout 3s ends it before its --for is up"), "{stderr}");
    assert!(stderr.contains("debug session: --timeout reached"), "{stderr}");
    assert!(stdout.contains("Debug session ended: the stage is back as it was."), "{stdout}");
    assert_eq!(rest_state(&acct, &api), before);
    assert!(schedule(&acct, &format!("{api}.prod")).is_none(), "the schedule is deleted");
}

/// A session running in the background through `endpoint`, its stderr read up to the clock line
/// (the session is open then).
struct Running {
    child: std::process::Child,
    stderr: std::io::Lines<BufReader<std::process::ChildStderr>>,
    seen: Vec<String>,
}

impl Running {
    fn start(acct: &Account, endpoint: &str, args: &[&str]) -> Running {
        let mut child = acct
            .process_at(endpoint, args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = BufReader::new(child.stderr.take().unwrap()).lines();
        let mut running = Running { child, stderr, seen: Vec::new() };
        running.read_until(|line| line.starts_with("debug session: ") && line.contains("left"));
        running
    }

    fn read_until(&mut self, wanted: impl Fn(&str) -> bool) {
        let started = Instant::now();
        loop {
            let line = self.stderr.next().expect("stderr open").unwrap();
            self.seen.push(line.clone());
            if wanted(&line) {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "{:#?}", self.seen);
        }
    }

    fn interrupt(&self) {
        self.signal("-INT");
    }

    fn signal(&self, which: &str) {
        std::process::Command::new("kill").args([which, &self.child.id().to_string()]).status().unwrap();
    }

    /// The exit code and every stderr line.
    fn wait(self) -> (Option<i32>, Vec<String>) {
        let (code, _, stderr) = self.wait_with_stdout();
        (code, stderr)
    }

    fn wait_with_stdout(mut self) -> (Option<i32>, String, Vec<String>) {
        self.seen.extend(self.stderr.map_while(Result::ok));
        let mut stdout = String::new();
        std::io::Read::read_to_string(&mut self.child.stdout.take().unwrap(), &mut stdout).unwrap();
        (self.child.wait().unwrap().code(), stdout, self.seen)
    }
}

#[test]
fn ctrl_c_ends_a_session_and_puts_the_stage_back() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let before = rest_state(&acct, &api);
    let args = ["debug", "--api", "orders", "--stage", "prod", "--for", "10m", "--data-trace", "--yes"];
    let running = Running::start(&acct, double_url(), &args);
    let during = acct.stage(&api, "prod");
    let wide = &during.method_settings().unwrap()["*/*"];
    assert_eq!((wide.logging_level(), wide.data_trace_enabled()), (Some("INFO"), true));
    let scheduled = schedule(&acct, &format!("{api}.prod")).expect("a schedule guards the session");
    assert!(scheduled.schedule_expression().unwrap().starts_with("at("), "{scheduled:?}");
    assert_eq!(
        scheduled.target().unwrap().role_arn(),
        format!("arn:aws:iam::{}:role/apigw-logs-debug-revert-{REGION}", acct.id)
    );
    running.interrupt();
    let (code, lines) = running.wait();
    assert_eq!(code, Some(0), "{lines:#?}");
    assert!(lines.iter().any(|l| l.contains("ended early")), "{lines:#?}");
    assert_eq!(rest_state(&acct, &api), before);
    assert!(schedule(&acct, &format!("{api}.prod")).is_none());
}

#[test]
fn a_second_ctrl_c_or_sigterm_does_not_cut_the_revert_short_and_a_third_leaves_it_to_the_schedule() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let before = rest_state(&acct, &api);
    // Only the revert deletes the schedule: slowed down, it holds the revert open.
    let proxy = Proxy::start(emulator_url());
    proxy.fault("scheduler:DeleteSchedule", Fault::Delay(Duration::from_secs(2)), When::Always);
    let args = ["debug", "--api", "orders", "--stage", "prod", "--for", "10m"];
    let deleting = |line: &str| line.contains("scheduler:DeleteSchedule");

    let mut running = Running::start(&acct, &proxy.url, &args);
    running.interrupt();
    running.read_until(deleting);
    running.interrupt();
    let (code, lines) = running.wait();
    assert_eq!(code, Some(0), "{lines:#?}");
    assert!(lines.iter().any(|l| l.contains("the debug session is ending already")), "{lines:#?}");
    assert_eq!(rest_state(&acct, &api), before);
    assert!(schedule(&acct, &format!("{api}.prod")).is_none());

    // SIGTERM (as `timeout` sends, and again when the first did not end the process soon
    // enough) follows the same policy, every time.
    let mut running = Running::start(&acct, &proxy.url, &args);
    running.signal("-TERM");
    running.read_until(deleting);
    running.signal("-TERM");
    running.read_until(|line| line.contains("ending already"));
    running.signal("-TERM");
    let (code, lines) = running.wait();
    assert_eq!(code, Some(130), "{lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("terminated: ending the debug session")), "{lines:#?}");
    let hint =
        format!("`apigw-logs debug end --region {REGION} --api {api} --stage prod` puts the stage back now");
    assert!(lines.iter().any(|l| l.contains(&hint)), "{lines:#?}");
    // The stage was put back before the schedule was reached; the schedule, if the emulator has
    // not deleted it yet, would do the same again.
    assert_eq!(rest_state(&acct, &api), before);
}

#[test]
fn a_session_ended_elsewhere_is_not_put_back_again_nor_is_the_next_one_touched() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let running =
        Running::start(&acct, double_url(), &["debug", "--api", "orders", "--stage", "prod", "--for", "10m"]);
    let (code, stdout, stderr) = acct.run(&["debug", "end", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    // A new session begins before the first process notices.
    let (code, stdout, stderr) =
        acct.run(&["debug", "--api", "orders", "--stage", "prod", "--for", "5m", "--detach"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let during = rest_state(&acct, &api);
    running.interrupt();
    let (code, stdout, lines) = running.wait_with_stdout();
    assert_eq!(code, Some(0), "{lines:#?}");
    assert!(stdout.contains("The debug session was ended elsewhere"), "{stdout}");
    assert_eq!(rest_state(&acct, &api), during, "the second session is left as it is");
    assert!(schedule(&acct, &format!("{api}.prod")).is_some(), "the second session's schedule stays");
}

#[test]
fn a_detached_session_is_listed_refused_twice_and_reverted_by_its_schedule() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let before = rest_state(&acct, &api);
    let out = acct.json(
        &["debug", "--api", "orders", "--stage", "prod", "--for", "30m", "--detach", "--data-trace", "--yes"],
        0,
    );
    let calls = plan_calls(&out);
    let schedule_at = calls.iter().position(|c| *c == "scheduler:CreateSchedule").unwrap();
    let update_at = calls.iter().position(|c| *c == "apigateway:UpdateStage").unwrap();
    assert!(schedule_at < update_at, "the safety net comes before the change: {calls:?}");
    assert_ne!(rest_state(&acct, &api), before);

    let listed = acct.json(&["debug", "list"], 0);
    let session = &listed["sessions"][0];
    assert_eq!((session["api_id"].as_str(), session["stage"].as_str()), (Some(api.as_str()), Some("prod")));
    assert_eq!(session["reverts_at"], out["result"]["session"]["reverts_at"]);
    assert_eq!(session["restore"]["target"], "arn:aws:scheduler:::aws-sdk:apigateway:updateStage");

    let (code, _, stderr) = acct.run(&["debug", "--api", "orders", "--stage", "prod", "--yes"]);
    assert_eq!(code, 3, "{stderr}");
    let ends = out["result"]["session"]["ends"].as_str().unwrap();
    assert!(stderr.contains(&format!("has a debug session open until {ends}")), "{stderr}");

    // Status: the session's INFO and data trace are intended, not drift.
    let status = acct.json(&["status", "--api", "orders"], 0);
    assert!(finding(&status, "debug-session").is_some(), "{status}");
    assert!(finding(&status, "data-trace-on").is_none(), "{status}");
    // Changing the stage meanwhile asks first, naming the way out.
    let (code, _, stderr) =
        acct.run(&["stage", "set", "--api", "orders", "--stage", "prod", "--metrics", "on"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("apigw-logs debug end --region {REGION} --api {api} --stage prod")),
        "{stderr}"
    );
    let (code, _, stderr) = acct.run(&["enable", "--api", "orders", "--stage", "prod", "--level", "error"]);
    assert_eq!(code, 2, "enable asks first too: {stderr}");
    assert!(stderr.contains("have a debug session open"), "{stderr}");

    fire(&acct, &format!("{api}.prod"));
    assert_eq!(rest_state(&acct, &api), before);
    assert_eq!(acct.json(&["debug", "list"], 0)["sessions"], serde_json::json!([]));
    let status = acct.json(&["status", "--api", "orders"], 0);
    assert!(
        finding(&status, "debug-session").is_none()
            && finding(&status, "debug-session-not-reverted").is_none()
    );
}

#[test]
fn a_session_whose_schedule_is_gone_is_an_error_until_ended_and_end_leaves_others_changes_alone() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--data-trace", "--yes"], 0);
    // Someone turns execution logging off meanwhile, and the schedule is deleted by hand.
    let op = aws_sdk_apigateway::types::PatchOperation::builder()
        .op(aws_sdk_apigateway::types::Op::Replace)
        .path("/*/*/logging/loglevel")
        .value("OFF")
        .build();
    acct.block_on(
        acct.apigw().update_stage().rest_api_id(&api).stage_name("prod").patch_operations(op).send(),
    )
    .unwrap();
    acct.block_on(scheduler(&acct).delete_schedule().group_name(GROUP).name(format!("{api}.prod")).send())
        .unwrap();

    let status = acct.json(&["status", "--api", "orders"], 5);
    let stale = finding(&status, "debug-session-not-reverted").expect("reported");
    assert_eq!(stale["severity"], "error");
    assert_eq!(stale["fix"], format!("apigw-logs debug end --region {REGION} --api {api} --stage prod"));
    let (code, _, stderr) = acct.run(&["debug", "--api", "orders", "--stage", "prod", "--yes"]);
    assert_eq!(code, 3, "a second session waits for the first to be put back: {stderr}");

    let (code, stdout, stderr) = acct.run(&["debug", "end", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stderr.contains("left alone: stage-wide logging level (now OFF)"), "{stderr}");
    let wide = acct.stage(&api, "prod").method_settings().unwrap()["*/*"].clone();
    assert_eq!((wide.logging_level(), wide.data_trace_enabled()), (Some("OFF"), false));
    let (code, _, stderr) = acct.run(&["debug", "end", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("has no debug session"), "{stderr}");
}

#[test]
fn http_sessions_swap_the_access_log_format_and_put_none_back() {
    let acct = Account::new();
    let api = acct.create_v2_api("web", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&api).stage_name("prod").send()).unwrap();
    let before = v2_state(&acct, &api);
    let out = acct.json(&["debug", "--api", "web", "--stage", "prod", "--detach"], 0);
    assert!(
        !plan_calls(&out).contains(&"iam:CreateRole")
            || out["plan"].to_string().contains("scheduler.amazonaws.com")
    );
    let during = acct.block_on(acct.apigw2().get_stage().api_id(&api).stage_name("prod").send()).unwrap();
    let format = during.access_log_settings().and_then(|a| a.format()).unwrap_or_default().to_string();
    assert!(
        format.contains("$context.integrationErrorMessage") && format.contains("$context.error.message"),
        "{format}"
    );
    fire(&acct, &format!("{api}.prod"));
    assert_eq!(v2_state(&acct, &api), before, "access logging is off again");

    // With access logging on, the old destination and format come back.
    acct.json(&["enable", "--api", "web", "--stage", "prod"], 0);
    let before = v2_state(&acct, &api);
    acct.json(&["debug", "--api", "web", "--stage", "prod", "--detach"], 0);
    assert_ne!(v2_state(&acct, &api), before);
    acct.json(&["debug", "end", "--api", "web", "--stage", "prod"], 0);
    assert_eq!(v2_state(&acct, &api), before);
}

#[test]
fn websocket_sessions_on_a_route_are_put_back_exactly() {
    let acct = Account::new();
    with_role(&acct);
    let api = acct.create_v2_api("chat", ProtocolType::Websocket);
    acct.block_on(acct.apigw2().create_route().api_id(&api).route_key("$connect").send()).unwrap();
    acct.block_on(acct.apigw2().create_stage().api_id(&api).stage_name("prod").send()).unwrap();
    acct.json(&["enable", "--api", "chat", "--stage", "prod", "--level", "error", "--yes"], 0);
    let before = v2_state(&acct, &api);
    acct.json(&["debug", "--api", "chat", "--stage", "prod", "--route", "$connect", "--detach"], 0);
    assert!(v2_state(&acct, &api).contains("\"$connect\""), "{}", v2_state(&acct, &api));
    let out = acct.json(&["debug", "end", "--api", "chat", "--stage", "prod"], 0);
    assert!(plan_calls(&out).contains(&"apigatewayv2:DeleteRouteSettings"), "{out}");
    assert_eq!(v2_state(&acct, &api), before);

    // Fired instead, the schedule gives the route the default route's settings from before.
    acct.json(&["debug", "--api", "chat", "--stage", "prod", "--route", "$connect", "--detach"], 0);
    fire(&acct, &format!("{api}.prod"));
    let stage = acct.block_on(acct.apigw2().get_stage().api_id(&api).stage_name("prod").send()).unwrap();
    let connect = &stage.route_settings().unwrap()["$connect"];
    assert_eq!(connect.logging_level(), stage.default_route_settings().unwrap().logging_level());
    assert_eq!(connect.data_trace_enabled(), Some(false));
}

#[test]
fn bad_debug_input_exits_2_before_any_write() {
    let acct = Account::new();
    with_role(&acct);
    acct.create_api("orders", "prod", &[("/pets", "GET")]);
    let api = acct.create_v2_api("web", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&api).stage_name("prod").send()).unwrap();
    let proxy = Proxy::start(emulator_url());
    for (args, expected) in [
        (vec!["--api", "orders", "--stage", "prod", "--for", "0"], "--for"),
        (vec!["--api", "orders", "--stage", "prod", "--for", "30d"], "unknown unit 'd'"),
        (vec!["--api", "orders", "--stage", "prod", "--for", "13h"], "longer than 12h"),
        (vec!["--api", "orders", "--stage", "prod", "--data-trace"], "pass --yes to confirm"),
        (vec!["--api", "web", "--stage", "prod", "--method", "GET /pets"], "--method: web"),
        (vec!["--api", "orders", "--stage", "prod", "--route", "$connect"], "--route: orders"),
        (vec!["--api", "orders", "--stage", "prod", "--method", "GET /nope"], "--method 'GET /nope'"),
    ] {
        let mut all = vec!["debug"];
        all.extend(&args);
        let (code, _, stderr) = acct.run_at(&proxy.url, &all);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    assert_eq!(proxy.writes(), Vec::<String>::new());
}

#[test]
fn the_double_enforces_the_scheduler_rules_sessions_rely_on() {
    let acct = Account::new();
    let client = scheduler(&acct);
    let lambda = acct.create_role("not-scheduler", LAMBDA_TRUST, false);
    let trusted = acct.create_role(
        "scheduler",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"scheduler.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        false,
    );
    let input = r#"{"RestApiId":"a","StageName":"prod","PatchOperations":[{"Op":"replace","Path":"/*/*/logging/loglevel","Value":"OFF"}]}"#;
    let soon = (chrono::Utc::now() + chrono::Duration::hours(1)).format("at(%Y-%m-%dT%H:%M:%S)").to_string();
    let create = |name: &str, expression: &str, role: &str, arn: &str, input: &str| {
        let target =
            aws_sdk_scheduler::types::Target::builder().arn(arn).role_arn(role).input(input).build().unwrap();
        let window = aws_sdk_scheduler::types::FlexibleTimeWindow::builder()
            .mode(aws_sdk_scheduler::types::FlexibleTimeWindowMode::Off)
            .build()
            .unwrap();
        let call = client
            .create_schedule()
            .name(name)
            .schedule_expression(expression)
            .flexible_time_window(window)
            .target(target);
        acct.block_on(call.send())
            .map_err(|e| format!("{}", aws_smithy_types::error::display::DisplayErrorContext(e)))
    };
    let universal = "arn:aws:scheduler:::aws-sdk:apigateway:updateStage";
    for (name, expression, role, arn, input, refusal) in [
        ("ok", soon.as_str(), trusted.as_str(), universal, input, None),
        (
            "n".repeat(65).leak() as &str,
            soon.as_str(),
            trusted.as_str(),
            universal,
            input,
            Some("regular expression"),
        ),
        ("a b", soon.as_str(), trusted.as_str(), universal, input, Some("regular expression")),
        (
            "cron",
            "cron(0 1 * * ? *)",
            trusted.as_str(),
            universal,
            input,
            Some("Invalid Schedule Expression"),
        ),
        (
            "zone",
            "at(2026-12-03T01:00:00Z)",
            trusted.as_str(),
            universal,
            input,
            Some("Invalid Schedule Expression"),
        ),
        ("past", "at(2020-01-01T00:00:00)", trusted.as_str(), universal, input, Some("in the past")),
        (
            "role",
            soon.as_str(),
            lambda.as_str(),
            universal,
            input,
            Some("must allow AWS EventBridge Scheduler"),
        ),
        ("gone", soon.as_str(), "arn:aws:iam::123456789012:role/none", universal, input, Some("must allow")),
        (
            "camel",
            soon.as_str(),
            trusted.as_str(),
            universal,
            r#"{"restApiId":"a","stageName":"p","patchOperations":[]}"#,
            Some("lacks RestApiId"),
        ),
        (
            "svc",
            soon.as_str(),
            trusted.as_str(),
            "arn:aws:scheduler:::aws-sdk:apigateway:deleteStage",
            input,
            Some("does not know"),
        ),
    ] {
        let outcome = create(name, expression, role, arn, input);
        match refusal {
            None => assert!(outcome.is_ok(), "{name}: {outcome:?}"),
            Some(text) => {
                let err = outcome.expect_err(name);
                assert!(err.contains("ValidationException") && err.contains(text), "{name}: {err}");
            }
        }
    }
}

#[test]
fn a_start_that_fails_before_changing_the_stage_leaves_no_schedule_or_record() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let before = rest_state(&acct, &api);
    let proxy = Proxy::start(emulator_url());
    proxy.fault(
        "apigateway:UpdateStage",
        Fault::Refuse(400, "BadRequestException", "Invalid patch path"),
        When::Always,
    );
    let (code, stdout, stderr) =
        acct.run_at(&proxy.url, &["debug", "--api", "orders", "--stage", "prod", "--detach", "--for", "5m"]);
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert!(
        stderr.contains("the debug session did not start: it left the stage unchanged, and its schedule and record were removed"),
        "{stderr}"
    );
    assert_eq!(rest_state(&acct, &api), before);
    assert!(schedule(&acct, &format!("{api}.prod")).is_none(), "no schedule left to fire");
    assert!(record_streams(&acct).is_empty(), "no record left to refuse the next session");
    let (code, _, stderr) =
        acct.run(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--for", "5m"]);
    assert_eq!(code, 0, "the next session starts: {stderr}");
}

#[test]
fn a_session_ends_with_the_summary_of_its_own_window() {
    let acct = Account::new();
    let api = rest_fixture(&acct);
    let group = format!("API-Gateway-Access-Logs_{api}/prod");
    let line = |id: &str, status: &str| {
        format!(
            r#"{{ "requestId":"{id}", "ip": "203.0.113.9", "caller":"-", "user":"-", "requestTime":"06/Dec/2026:10:00:00 +0000", "httpMethod":"GET", "resourcePath":"/pets", "status":"{status}", "protocol":"HTTP/1.1", "responseLength":"2" }}"#
        )
    };
    acct.put_events(&group, "before", &[(now_millis() - 600_000, line("r0", "200"))]);
    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"], 0);
    let during = now_millis() + 200;
    acct.put_events(
        &group,
        "during",
        &[(during, line("r1", "200")), (during + 1, line("r2", "500")), (during + 2, line("r3", "503"))],
    );
    std::thread::sleep(Duration::from_millis(400));
    let out = acct.json(&["debug", "end", "--api", "orders", "--stage", "prod"], 0);
    let summary = &out["result"]["summary"];
    assert_eq!(summary["requests"], 3, "the session's window only: {out}");
    assert_eq!(summary["status"]["5xx"], 2);
    assert_eq!(summary["most_errors"][0]["route"], "GET /pets");

    acct.json(&["debug", "--api", "orders", "--stage", "prod", "--detach", "--yes"], 0);
    let (code, stdout, stderr) = acct.run(&["debug", "end", "--api", "orders", "--stage", "prod"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Access logs during the session ("), "{stdout}");
    assert!(
        stdout.contains("requests: 0 (0 line(s) not in the format)"),
        "a new session, a new window: {stdout}"
    );
}
