//! `setup`: the wizard driven in a pseudo-terminal against the emulator, its result read back
//! through the SDK, and its printed command proven to be a no-op afterwards.

use crate::harness::*;
use rexpect::session::{PtySession, spawn_command};

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";

fn wizard(acct: &Account, args: &[&str]) -> PtySession {
    let mut cmd = acct.process_at(double_url(), args);
    cmd.env("TERM", "xterm").env("NO_COLOR", "1");
    spawn_command(cmd, Some(30_000)).unwrap()
}

fn answer(session: &mut PtySession, prompt: &str, keys: &str) {
    session.exp_string(prompt).unwrap_or_else(|e| panic!("waiting for '{prompt}': {e}"));
    session.send(keys).unwrap();
    session.flush().unwrap();
}

#[test]
fn a_person_sets_up_logging_with_the_wizard_alone_and_the_printed_command_is_a_no_op() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let mut s = wizard(&acct, &["setup", "--region", REGION, "--api", "orders"]);
    answer(&mut s, "What do you want to do?", ENTER); // set up logging
    answer(&mut s, "Stages", ENTER); // the only stage, pre-checked
    answer(&mut s, "Account logging role", ENTER); // create the default role
    answer(&mut s, "Execution logging", &format!("{UP}{ENTER}")); // INFO → ERROR
    answer(&mut s, "Detailed CloudWatch metrics", "y");
    answer(&mut s, "Data trace", "n");
    answer(&mut s, "Also deliver execution logs", "y");
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:/exec/orders", acct.id);
    answer(&mut s, "Destination ARN", &format!("{group},format=plain{ENTER}"));
    answer(&mut s, "Add another destination?", "n");
    answer(&mut s, "Turn on access logging?", "y");
    answer(&mut s, "Access log destination", ENTER); // the default group
    answer(&mut s, "Keep access logs for", &format!("{DOWN}{DOWN}{ENTER}")); // 30 → 90 days
    answer(&mut s, "Access log format", &format!("{UP}{ENTER}")); // json → clf
    answer(&mut s, "Apply these changes in us-east-1?", "y");
    s.exp_string("Applied").unwrap();
    s.exp_string("Equivalent command:").unwrap();
    let rest = s.exp_eof().unwrap();
    let command = rest
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("apigw-logs enable"))
        .expect("the command")
        .to_string();
    assert_eq!(
        command,
        format!(
            "apigw-logs enable --region us-east-1 --api orders --stage prod --level error --metrics on --data-trace off --access-log-format clf --retention-days 90 --execution-log-destination {group},format=plain"
        )
    );

    // The state, read back through the SDK.
    assert!(acct.account_role().unwrap().ends_with(":role/apigateway-cloudwatch-logs"));
    let stage = acct.stage(&api, "prod");
    let wide = &stage.method_settings().unwrap()["*/*"];
    assert_eq!(wide.logging_level(), Some("ERROR"));
    assert!(wide.metrics_enabled() && !wide.data_trace_enabled());
    assert_eq!(
        stage.access_log_settings().unwrap().format(),
        Some(apigw_logs::api::ApiKind::Rest.preset("clf").unwrap().format)
    );
    let access_group = format!("API-Gateway-Access-Logs_{api}/prod");
    assert!(acct.log_groups().contains(&(access_group, Some(90))));
    let (_, logs) = acct.clients_at(double_url());
    let deliveries = acct.block_on(logs.describe_deliveries().send()).unwrap();
    assert_eq!(deliveries.deliveries().len(), 1, "the execution log delivery");

    // The printed command, run afterwards, changes nothing.
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    let again = acct.json(&args, 0);
    assert_eq!(again["changed"], false, "{again}");
    assert_eq!(again["would_change"], false, "{again}");
}

#[test]
fn esc_at_a_prompt_cancels_with_130_and_no_change() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let before = acct.snapshot(&api, "prod");
    let mut s = wizard(&acct, &["setup", "--region", REGION]);
    answer(&mut s, "What do you want to do?", ENTER);
    answer(&mut s, "API (type to filter)", "\x1b");
    s.exp_eof().unwrap();
    let status = s.process().wait().unwrap();
    assert!(matches!(status, rexpect::process::WaitStatus::Exited(_, 130)), "{status:?}");
    assert_eq!(acct.snapshot(&api, "prod"), before);
}

#[test]
fn the_wizard_starts_the_same_debug_session_and_ctrl_c_puts_the_stage_back() {
    let acct = Account::new();
    let arn = acct.create_role("logging", API_GATEWAY_TRUST, true);
    acct.set_account_role(&arn);
    let api = acct.create_api("orders", "prod", &[]);
    let before = acct.stage(&api, "prod").method_settings().cloned();
    let mut s = wizard(&acct, &["setup", "--region", REGION, "--api", "orders"]);
    answer(&mut s, "What do you want to do?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "For how long?", ENTER); // 15m
    answer(&mut s, "Also log full request and response bodies", "n");
    s.exp_string(&format!("apigw-logs debug --region {REGION} --api orders --stage prod --for 15m")).unwrap();
    answer(&mut s, &format!("Start this debug session in {REGION}?"), "y");
    s.exp_string("left (until").unwrap();
    let wide = acct.stage(&api, "prod").method_settings().unwrap()["*/*"].clone();
    assert_eq!(wide.logging_level(), Some("INFO"));
    s.send_control('c').unwrap();
    s.exp_string("Debug session ended: the stage is back as it was.").unwrap();
    s.exp_eof().unwrap();
    let after = acct.stage(&api, "prod").method_settings().cloned();
    let off = |m: Option<std::collections::HashMap<String, aws_sdk_apigateway::types::MethodSetting>>| {
        m.unwrap_or_default()
            .get("*/*")
            .map(|w| (w.logging_level().map(String::from), w.data_trace_enabled()))
    };
    // The stage had no settings: it is back to logging nothing.
    assert_eq!(off(before), None);
    assert_eq!(off(after), Some((Some("OFF".into()), false)));
}

#[test]
fn without_a_terminal_setup_refuses_at_once_naming_the_command_to_use() {
    let acct = Account::new();
    let (code, stdout, stderr) = acct.run(&["setup"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.contains("needs a terminal") && stderr.contains("apigw-logs enable --api API --stage STAGE"),
        "{stderr}"
    );
    let (code, _, stderr) = acct.run(&["setup", "--no-input"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn declining_to_apply_changes_nothing_and_still_prints_the_equivalent_command() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let before = acct.snapshot(&api, "prod");
    let mut s = wizard(&acct, &["setup", "--region", REGION, "--api", "orders", "--stage", "prod"]);
    answer(&mut s, "Account logging role", ENTER);
    answer(&mut s, "Execution logging", ENTER);
    answer(&mut s, "Detailed CloudWatch metrics", "n");
    answer(&mut s, "Data trace", "n");
    answer(&mut s, "Also deliver execution logs", "n");
    answer(&mut s, "Turn on access logging?", "n");
    answer(&mut s, "Apply these changes in us-east-1?", "n");
    s.exp_string("Equivalent command:").unwrap();
    let rest = s.exp_eof().unwrap();
    assert!(
        rest.lines()
            .any(|l| l.trim().starts_with("apigw-logs enable --region us-east-1 --api orders --stage prod")),
        "{rest}"
    );
    assert!(rest.contains("cancelled; nothing was changed"), "{rest}");
    assert_eq!(acct.snapshot(&api, "prod"), before);
    assert_eq!(acct.account_role(), None, "no role set");
    assert!(acct.log_groups().is_empty());
}
