//! Behaviour that needs no AWS state: formats, completions, help, credentials handling.

use crate::harness::*;
use assert_cmd::Command;

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("apigw-logs").unwrap();
    cmd.env_clear().env("NO_COLOR", "1").env("AWS_EC2_METADATA_DISABLED", "true").env("COLUMNS", "100");
    cmd
}

#[test]
fn formats_list_show_and_check() {
    let out = bin().args(["formats", "list"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for name in ["clf", "json", "xml", "csv"] {
        assert!(text.lines().any(|l| l.starts_with(name)), "{text}");
    }
    let out = bin().args(["formats", "show", "clf"]).output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim_end(),
        apigw_logs::api::ApiKind::Rest.preset("clf").unwrap().format
    );

    bin().args(["formats", "check", "json"]).assert().code(0);
    let out = bin()
        .args(["formats", "check", "$context.requestid $context.status", "--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["valid"], false);
    let text = doc["findings"].to_string();
    assert!(text.contains("did you mean $context.requestId"), "{text}");

    let out = bin()
        .args(["formats", "check", r#"{"id":"$context.requestId","status":$context.status}"#])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings alone do not fail");
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning"));
    bin().args(["formats", "show", "yaml"]).assert().code(2);

    // Per API type: v2 presets, and v2 variables checked against that type's list.
    let out = bin().args(["formats", "show", "json", "--api-type", "websocket"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("$context.connectionId"));
    bin().args(["formats", "check", "json", "--api-type", "http"]).assert().code(0);
    let out = bin()
        .args(["formats", "check", "--api-type", "http", "$context.requestId $context.resourcePath"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("$context.resourcePath"));
    bin().args(["formats", "check", "--api-type", "graphql", "json"]).assert().code(2);
}

#[test]
fn committed_completions_match_the_cli() {
    let files = [
        ("bash", "apigw-logs.bash"),
        ("zsh", "_apigw-logs"),
        ("fish", "apigw-logs.fish"),
        ("powershell", "_apigw-logs.ps1"),
        ("elvish", "apigw-logs.elv"),
    ];
    for (shell, file) in files {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let path = repo_root().join("completions").join(file);
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "{} is out of date with the CLI; regenerate with scripts/update-completions.sh",
            path.display()
        );
    }
}

#[test]
fn help_output_is_stable() {
    for args in [
        vec!["--help"],
        vec!["enable", "--help"],
        vec!["stage", "set", "--help"],
        vec!["account", "set-role", "--help"],
        vec!["status", "--help"],
        vec!["tail", "--help"],
        vec!["apply", "--help"],
        vec!["setup", "--help"],
    ] {
        let out = bin().args(&args).output().unwrap();
        assert!(out.status.success());
        let name = args.join("_").replace("--", "");
        insta::assert_snapshot!(name, String::from_utf8(out.stdout).unwrap());
    }
}

#[test]
fn missing_credentials_fail_fast_with_a_fix() {
    // A metadata endpoint on loopback that accepts connections and never answers: the tool must
    // give up on it quickly rather than hang (the time is measured by scripts/bench.sh).
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", silent.local_addr().unwrap());
    let home = tempfile::tempdir().unwrap();
    let out = bin()
        .env_remove("AWS_EC2_METADATA_DISABLED")
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", &endpoint)
        .env("HOME", home.path())
        .env("AWS_CONFIG_FILE", home.path().join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.path().join("none"))
        .env("AWS_REGION", REGION)
        .env("AWS_ENDPOINT_URL", double_url())
        .args(["account", "show"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("sts:GetCallerIdentity"), "names the call: {stderr}");
    assert!(stderr.contains("--profile"), "names the fix: {stderr}");
}

#[test]
fn missing_region_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let out = bin()
        .env("HOME", home.path())
        .env("AWS_CONFIG_FILE", home.path().join("none"))
        .args(["account", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--region"));
}

#[test]
fn credentials_never_appear_in_verbose_output() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    let (_, stdout, stderr) = acct.run(&["enable", "--api", "orders", "--stage", "prod", "-vvv"]);
    assert!(stderr.len() > 1000, "-vvv should produce diagnostics");
    for secret in acct.secrets() {
        assert!(!stdout.contains(secret) && !stderr.contains(secret), "a credential leaked into the output");
    }
    for marker in ["Signature=", "aws_secret_access_key"] {
        assert!(!stderr.contains(marker), "{marker} appears in -vvv output");
    }
    // The SDK's request traces name the token header; its value must be redacted.
    for (at, _) in stderr.match_indices("\"x-amz-security-token\": ") {
        let value = &stderr[at + "\"x-amz-security-token\": ".len()..];
        assert!(value.starts_with("** redacted"), "unredacted session token header in -vvv output");
    }
    // Errors too: a failing call at -vvv must not echo the request's signed headers.
    let (code, _, stderr) = acct.run(&["stage", "show", "--api", "missing", "-vvv"]);
    assert_eq!(code, 2);
    for secret in acct.secrets() {
        assert!(!stderr.contains(secret), "a credential leaked into an error");
    }
}

#[test]
fn a_region_that_cannot_be_an_aws_region_exits_2_before_any_call() {
    // Any call would reach this listener first.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let home = tempfile::tempdir().unwrap();
    let run = |region_flag: Option<&str>, region_env: &str| {
        let mut cmd = bin();
        cmd.env("HOME", home.path())
            .env("AWS_CONFIG_FILE", home.path().join("none"))
            .env("AWS_ACCESS_KEY_ID", "x")
            .env("AWS_SECRET_ACCESS_KEY", "y")
            .env("AWS_REGION", region_env)
            .args(["--endpoint-url", &endpoint, "--timeout", "5", "stage", "show", "--api", "orders"]);
        if let Some(region) = region_flag {
            cmd.args(["--region", region]);
        }
        let out = cmd.output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, stderr) = run(Some("not-a-region"), "us-east-1");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("--region") && stderr.contains("not an AWS region name"), "{stderr}");
    let (code, stderr) = run(None, "not-a-region");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("AWS_REGION") && stderr.contains("us-east-1"), "{stderr}");
    assert!(listener.accept().is_err(), "no connection was made");
    // A region code the tool has never heard of passes the shape check: the call is then made
    // (and fails on this endpoint, which is closed now: exit 1).
    drop(listener);
    let (code, stderr) = run(Some("ap-southeast-7"), "us-east-1");
    assert_eq!(code, Some(1), "{stderr}");
}
