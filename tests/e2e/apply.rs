//! `apply -f FILE`: the declared state reached in one run, verified through the SDK; `--check`
//! detects drift; bad files change nothing.

use crate::harness::*;

const FILE: &str = r#"
[defaults]
level = "error"
metrics = true
access_log_group = "/apigw/{api_id}/{stage}"
access_log_format = "clf"
retention_days = 90

[[stage]]
api = "orders"
stage = "prod*"
level = "info"
methods."GET /pets" = { level = "error", metrics = false }

[[stage]]
api = "bill*"
access_log = false
"#;

#[test]
fn apply_reaches_the_declared_state_and_check_reports_drift() {
    let acct = Account::new();
    let orders = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    acct.add_stage(&orders, "prod-eu");
    acct.add_stage(&orders, "dev");
    let billing = acct.create_api("billing", "prod", &[]);
    let file = temp_file(&acct, "apigw-logs.toml", FILE.as_bytes());
    let dev_before = acct.stage(&orders, "dev");

    let (code, stdout, stderr) = acct.run(&["apply", "-f", &file, "--check"]);
    assert_eq!(code, 4, "drift before the first apply: {stderr}");
    assert!(stdout.contains("Plan for 3 stage(s)"), "{stdout}");
    assert!(stderr.contains("change(s) pending"), "{stderr}");
    assert_eq!(acct.account_role(), None, "--check changes nothing");

    let report = acct.json(&["apply", "-f", &file], 0);
    let calls = plan_calls(&report);
    // Role chain once; a group and its retention per access-logged stage; one UpdateStage per stage.
    assert_eq!(calls.iter().filter(|c| **c == "iam:CreateRole").count(), 1);
    assert_eq!(calls.iter().filter(|c| **c == "apigateway:UpdateAccount").count(), 1);
    assert_eq!(calls.iter().filter(|c| **c == "logs:CreateLogGroup").count(), 2);
    assert_eq!(calls.iter().filter(|c| **c == "apigateway:UpdateStage").count(), 3);

    for stage in ["prod", "prod-eu"] {
        let s = acct.stage(&orders, stage);
        let settings = s.method_settings().unwrap();
        assert_eq!(settings["*/*"].logging_level(), Some("INFO"), "{stage}");
        assert!(settings["*/*"].metrics_enabled());
        assert_eq!(settings["~1pets/GET"].logging_level(), Some("ERROR"));
        assert!(!settings["~1pets/GET"].metrics_enabled() && !settings["~1pets/GET"].data_trace_enabled());
        let access = s.access_log_settings().unwrap();
        assert!(access.destination_arn().unwrap().ends_with(&format!(":log-group:/apigw/{orders}/{stage}")));
        assert_eq!(access.format(), Some(apigw_logs::api::ApiKind::Rest.preset("clf").unwrap().format));
    }
    let billing_prod = acct.stage(&billing, "prod");
    assert_eq!(billing_prod.method_settings().unwrap()["*/*"].logging_level(), Some("ERROR"));
    assert!(billing_prod.access_log_settings().is_none());
    let mut groups = acct.log_groups();
    groups.sort();
    assert_eq!(
        groups,
        [(format!("/apigw/{orders}/prod"), Some(90)), (format!("/apigw/{orders}/prod-eu"), Some(90))]
    );
    let dev = acct.stage(&orders, "dev");
    assert_eq!(dev.method_settings(), dev_before.method_settings(), "a stage no entry matches is left alone");
    assert_eq!(dev.access_log_settings(), dev_before.access_log_settings());

    let (code, stdout, stderr) = acct.run(&["apply", "-f", &file, "--check"]);
    assert_eq!(code, 0, "no drift after apply: {stdout}{stderr}");
    let again = acct.json(&["apply", "-f", &file], 0);
    assert_eq!(again["changed"], false);

    // Someone turns a stage's logging off: --check sees it, apply repairs just that.
    acct.run(&["disable", "--api", "billing", "--stage", "prod", "--execution-only"]);
    let drift = acct.json(&["apply", "-f", &file, "--check"], 4);
    assert_eq!(drift["plan"].as_array().unwrap().len(), 1);
    assert_eq!(drift["plan"][0]["resource"], format!("restapis/{billing}/stages/prod"));
}

#[test]
fn bad_files_exit_2_name_the_key_and_change_nothing() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    let cases: Vec<(&str, &[u8], &str)> = vec![
        ("unknown key", b"[[stage]]\napi = \"orders\"\nlog_level = \"info\"\n", "unknown field `log_level`"),
        ("wrong type", b"[[stage]]\napi = \"orders\"\nmetrics = \"yes\"\n", "metrics = \"yes\""),
        ("bad level", b"[[stage]]\napi = \"orders\"\nlevel = \"debug\"\n", "unknown level 'debug'"),
        ("retention", b"[defaults]\nretention_days = 13\n[[stage]]\napi = \"orders\"\n", "`retention_days`"),
        (
            "bad format",
            b"[[stage]]\napi = \"orders\"\naccess_log_format = \"$context.status\"\n",
            "requestId",
        ),
        ("no match", b"[[stage]]\napi = \"payments\"\n", "no API in us-east-1 matches `api`"),
        ("no stage", b"[[stage]]\napi = \"orders\"\nstage = \"qa\"\n", "no stage matching `stage`"),
        (
            "bad method",
            b"[[stage]]\napi = \"orders\"\nmethods.\"GET /nope\" = { level = \"info\" }\n",
            "no resource /nope",
        ),
        ("not utf-8", b"[[stage]]\napi = \"orders\xe9\"\n", "not UTF-8"),
    ];
    for (what, text, expected) in cases {
        let before = acct.snapshot(&api, "prod");
        let file = temp_file(&acct, "bad.toml", text);
        let (code, _, stderr) = acct.run(&["apply", "-f", &file]);
        assert_eq!(code, 2, "{what}: {stderr}");
        assert!(stderr.contains(expected), "{what}: expected {expected:?} in: {stderr}");
        assert!(stderr.contains("bad.toml"), "{what}: names the file: {stderr}");
        assert_eq!(acct.snapshot(&api, "prod"), before, "{what} changed state");
    }
    let (code, _, stderr) = acct.run(&["apply", "-f", "/nonexistent/apigw-logs.toml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("-f /nonexistent/apigw-logs.toml: cannot read the file"), "{stderr}");
}
