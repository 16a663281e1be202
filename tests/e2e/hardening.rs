//! What a red-team pass and a run against LocalStack found (issue 19): hostile input refused with
//! exit 2 before any write (counted by the double), a region given twice planned once, a missing
//! API Gateway v2 (LocalStack community, or an IAM policy limited to REST) warned about instead of
//! stopping a REST run, controls fixes at the minimum retention, Ctrl-C during a fleet run, and
//! access key ids kept out of `-vvv`.

use crate::faults::{Fault, Proxy, When};
use crate::harness::*;
use aws_sdk_apigatewayv2::types::ProtocolType;
use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

fn refuses(acct: &Account, proxy: &Proxy, args: &[&str], expected: &str) {
    let (code, stdout, stderr) = acct.run_at(&proxy.url, args);
    assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
    assert!(stderr.contains(expected), "{args:?}: expected {expected:?} in: {stderr}");
}

#[test]
fn hostile_input_exits_2_before_any_write() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    let proxy = Proxy::start(emulator_url());
    let before = acct.snapshot(&api, "prod");
    let enable = |extra: &[&'static str]| {
        let mut args = vec!["enable", "--api", "orders", "--stage", "prod", "--yes"];
        args.extend(extra);
        args
    };
    let nul = at_file(&acct, "nul.txt", b"$context.requestId \0\n");
    let ansi = temp_file(
        &acct,
        "ansi.toml",
        b"[[stage]]\napi = \"orders\"\naccess_log_group = \"g\"\naccess_log_format = \"$context.requestId \\u001b[31m\"\n",
    );
    let tiny_scale = temp_file(&acct, "scale.toml", b"quota_scale = 1e-300\n[[stage]]\napi = \"orders\"\n");
    let china = format!("arn:aws-cn:logs:us-east-1:{}:log-group:exec", acct.id);
    let own = temp_file(
        &acct,
        "own.toml",
        b"[[stage]]\napi = \"orders\"\naccount = \"111111111111\"\nlevel = \"info\"\n",
    );

    refuses(&acct, &proxy, &enable(&["--quota-scale", "1e-300"]), "from 0.001 to 1000");
    refuses(
        &acct,
        &proxy,
        &["apply", "-f", &tiny_scale],
        "`quota_scale`: expected a number from 0.001 to 1000",
    );
    let (code, _, stderr) = acct
        .cmd_at(&proxy.url, &["account", "show"])
        .env("APIGW_LOGS_QUOTA_SCALE", "1e-300")
        .output()
        .map(|o| (o.status.code(), String::new(), String::from_utf8_lossy(&o.stderr).into_owned()))
        .unwrap();
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("from 0.001 to 1000"), "{stderr}");

    let bel = enable(&[])
        .into_iter()
        .chain(["--access-log-format", "$context.requestId \x07\x1b[31m"])
        .collect::<Vec<_>>();
    refuses(&acct, &proxy, &bel, "U+0007 (BEL), at column 20 (byte 19) and 1 more");
    let nul_args: Vec<&str> = enable(&[]).into_iter().chain(["--access-log-format", nul.as_str()]).collect();
    refuses(&acct, &proxy, &nul_args, "U+0000 (NUL)");
    refuses(&acct, &proxy, &["apply", "-f", &ansi], "U+001B (ESC)");
    refuses(
        &acct,
        &proxy,
        &enable(&["--access-log-format", "@/dev/zero"]),
        "larger than the 3072-byte (3 KB) limit",
    );
    refuses(&acct, &proxy, &["formats", "check", "@/dev/zero"], "larger than the 3072-byte");

    for check in [false, true] {
        let mut args = vec!["apply", "-f", own.as_str()];
        if check {
            args.push("--check");
        }
        refuses(&acct, &proxy, &args, "`account = \"111111111111\"` is not an account of this run");
    }
    let china_args: Vec<&str> =
        enable(&[]).into_iter().chain(["--execution-log-destination", china.as_str()]).collect();
    refuses(&acct, &proxy, &china_args, "it is in partition aws-cn, but the stage is in partition aws");
    for endpoint in ["garbage", "ftp://127.0.0.1:1", "http://[::1"] {
        refuses(&acct, &proxy, &["--endpoint-url", endpoint, "account", "show"], "--endpoint-url");
    }
    refuses(&acct, &proxy, &enable(&["--clear-method", "GET /nope"]), "--clear-method 'GET /nope': API");
    refuses(
        &acct,
        &proxy,
        &enable(&["--clear-method", "POST /pets"]),
        "has no POST method, and the stage has no override for it",
    );
    let tail = ["tail", "--api", "orders", "--stage", "prod"];
    refuses(&acct, &proxy, &[&tail[..], &["--where", "status="]].concat(), "is empty");
    refuses(&acct, &proxy, &[&tail[..], &["--since", "2099-01-01T00:00:00Z"]].concat(), "is in the future");

    assert_eq!(proxy.writes(), Vec::<String>::new(), "no write reached AWS");
    assert_eq!(acct.snapshot(&api, "prod"), before);
    assert!(acct.log_groups().is_empty());
    assert_eq!(acct.account_role(), None);

    // AWS_ENDPOINT_URL is checked too, so the request never leaves: no proxy in between.
    let out = acct.cmd_at("notaurl", &["account", "show"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("AWS_ENDPOINT_URL: 'notaurl' is not a URL with a scheme and a host"), "{stderr}");
}

#[test]
fn a_region_given_twice_is_planned_and_written_once() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = Proxy::start(emulator_url());
    let args =
        ["enable", "--api", "orders", "--stage", "prod", "--region", REGION, "--region", REGION, "--yes"];
    let doc = acct.json_at(&proxy.url, &args, 0);
    assert!(doc.get("regions").is_none(), "one region, one document: {doc}");
    assert_eq!(proxy.calls("apigateway:UpdateStage"), 1);
    assert_eq!(proxy.calls("logs:CreateLogGroup"), 2, "access and execution group, once each");
    assert_eq!(acct.stage(&api, "prod").method_settings().unwrap()["*/*"].logging_level(), Some("INFO"));
}

/// LocalStack community answers API Gateway v2 with 501; a caller whose IAM policy allows only
/// `/restapis/*` gets AccessDenied. Either way a REST run goes on, with one warning per region.
#[test]
fn a_missing_v2_api_family_does_not_stop_a_rest_run() {
    let refusals = [
        Fault::Refuse(
            501,
            "InternalFailure",
            "The API for service apigatewayv2 is either not included in your current license plan or has not yet been emulated by LocalStack.",
        ),
        Fault::Refuse(
            403,
            "AccessDeniedException",
            "User is not authorized to access this resource with an explicit deny",
        ),
    ];
    for refusal in refusals {
        let acct = Account::new();
        let api = acct.create_api("orders", "prod", &[]);
        let proxy = Proxy::start(emulator_url());
        proxy.fault("apigatewayv2:GetApis", refusal.clone(), When::Always);
        let warning = "HTTP and WebSocket APIs not listed in us-east-1";

        let (code, _, stderr) =
            acct.run_at(&proxy.url, &["enable", "--api", "orders", "--stage", "prod", "--yes"]);
        assert_eq!(code, 0, "{refusal:?}: {stderr}");
        assert_eq!(stderr.matches(warning).count(), 1, "once per region: {stderr}");
        assert!(stderr.contains("pass --api-type rest to silence this"), "{stderr}");
        assert_eq!(acct.stage(&api, "prod").method_settings().unwrap()["*/*"].logging_level(), Some("INFO"));

        let (code, _, stderr) = acct.run_at(&proxy.url, &["status", "--api", "orders"]);
        assert_eq!(code, 0, "{refusal:?}: {stderr}");
        assert!(stderr.contains(warning), "{stderr}");
        let (code, _, stderr) = acct.run_at(&proxy.url, &["status", "--api", "orders", "--api-type", "rest"]);
        assert_eq!(code, 0, "{stderr}");
        assert!(!stderr.contains(warning), "--api-type rest lists no v2 APIs: {stderr}");

        // Asked for, the missing family is an error as before.
        let (code, _, stderr) = acct.run_at(&proxy.url, &["status", "--api-type", "http"]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains("apigateway:GetApis on apis failed"), "{stderr}");
    }
}

#[test]
fn a_controls_fix_creates_missing_groups_at_the_minimum_retention() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    let access = format!("API-Gateway-Access-Logs_{api}/prod");
    acct.block_on(acct.logs().delete_log_group().log_group_name(&access).send()).unwrap();

    acct.json(&["status", "--controls", "--fix", "--yes"], 0);
    assert_eq!(
        acct.log_groups(),
        [(access, Some(365)), (format!("API-Gateway-Execution-Logs_{api}/prod"), Some(365))],
        "the recreated access group starts at CloudWatch.16's minimum, as the raised execution group"
    );
    let doc = acct.json(&["status", "--controls", "--all-apis", "--all-stages"], 0);
    let controls = doc["regions"][0]["controls"].as_array().unwrap();
    let retention = controls.iter().find(|c| c["control"] == "CloudWatch.16").unwrap();
    assert_eq!((retention["passed"].as_u64(), retention["failed"].as_u64()), (Some(2), Some(0)), "{doc}");
}

#[test]
fn execution_log_delivery_over_all_apis_suggests_rest_only() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    let web = acct.create_v2_api("web", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&web).stage_name("prod").send()).unwrap();
    let group = format!("arn:aws:logs:{REGION}:{}:log-group:exec", acct.id);
    let (code, _, stderr) =
        acct.run(&["enable", "--all-apis", "--all-stages", "--execution-log-destination", &group, "--yes"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("narrow the targets with --api-type rest, or drop the flag"), "{stderr}");
    assert!(acct.log_groups().is_empty());
}

#[test]
fn ctrl_c_during_a_fleet_run_reports_targets_as_interrupted_or_not_started() {
    let acct = Account::new();
    for name in ["a", "b", "c", "d"] {
        acct.create_api(name, "prod", &[]);
    }
    let proxy = Proxy::start(emulator_url());
    proxy.fault("apigateway:UpdateStage", Fault::Delay(Duration::from_millis(1500)), When::Always);
    let mut child = acct
        .process_at(&proxy.url, &["enable", "--all-apis", "--all-stages", "--yes", "--concurrency", "1"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let lines =
        std::thread::spawn(move || BufReader::new(stderr).lines().map_while(Result::ok).collect::<Vec<_>>());
    let started = Instant::now();
    while proxy.calls("apigateway:UpdateStage") == 0 {
        assert!(started.elapsed() < Duration::from_secs(60), "no UpdateStage within 60 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    let lines = lines.join().unwrap();
    assert_eq!(status.code(), Some(130), "{lines:#?}");
    let ended = |ending: &str| lines.iter().filter(|l| l.starts_with(&format!("{ending}: "))).count();
    assert_eq!(ended("failed"), 0, "an interrupted target did not fail: {lines:#?}");
    assert!(ended("interrupted") + ended("not started") >= 1, "{lines:#?}");
    assert_eq!(ended("done") + ended("interrupted") + ended("not started"), 4, "{lines:#?}");
}

#[test]
fn access_key_ids_never_appear_in_diagnostics() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    let key = acct.access_key();
    assert!(
        key.len() == 20 && (key.starts_with("ASIA") || key.starts_with("AKIA")),
        "an access key id: {key}"
    );
    let (code, _, stderr) = acct.run(&["-vvv", "status", "--api", "orders"]);
    assert_eq!(code, 5, "unconfigured stage: errors found");
    assert!(
        stderr.contains(&format!("{}****************", &key[..4])),
        "the SDK's trace names the key, masked"
    );
    for secret in [key].into_iter().chain(acct.secrets()) {
        assert!(!stderr.contains(secret), "{secret} appears in -vvv output");
    }
}

#[test]
fn status_takes_all_stages_as_enable_does() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    acct.json(&["enable", "--all-apis", "--all-stages"], 0);
    let all = acct.json(&["status", "--all-apis", "--all-stages"], 0);
    assert_eq!(all, acct.json(&["status"], 0), "--all-stages is the default made explicit");
    assert_eq!(all["regions"][0]["apis"][0]["stages"].as_array().map(Vec::len), Some(1), "{all}");
}
