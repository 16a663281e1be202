//! Behaviour that needs no AWS state: formats, completions, help, credentials handling.

use crate::harness::*;
use apigw_logs::cli::Cli;
use assert_cmd::Command;
use clap::CommandFactory;

fn bin() -> Command {
    Command::from_std(bin_std())
}

/// The binary with a clean environment: no colour, a fixed width, no host AWS settings.
fn bin_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("apigw-logs"));
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
    // Man pages: one per command, and nothing else (a removed command's page goes too).
    let pages = apigw_logs::commands::completions::man_pages();
    let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
    for name in
        ["apigw-logs.1", "apigw-logs-enable.1", "apigw-logs-stage-set.1", "apigw-logs-formats-check.1"]
    {
        assert!(names.contains(&name), "no man page {name}: {names:?}");
    }
    let dir = repo_root().join("man");
    for (name, page) in &pages {
        let committed = std::fs::read(dir.join(name)).unwrap_or_default();
        assert!(
            &committed == page,
            "man/{name} is out of date with the CLI; regenerate with scripts/update-completions.sh"
        );
    }
    let mut committed: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    committed.sort();
    assert_eq!(
        committed, names,
        "man/ holds pages the CLI does not generate; regenerate with scripts/update-completions.sh"
    );
}

/// Every command's `--help` page, found by walking the CLI definition: a new command gets a
/// snapshot (to review and commit) without being added here.
#[test]
fn help_output_is_stable() {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, pages: &mut Vec<Vec<String>>) {
        pages.push(path.clone());
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, pages);
            path.pop();
        }
    }
    let mut pages = Vec::new();
    walk(&Cli::command(), &mut Vec::new(), &mut pages);
    assert!(pages.len() >= 20, "{pages:?}");
    for mut args in pages {
        args.push("--help".into());
        let out = bin().args(&args).output().unwrap();
        assert!(out.status.success() && out.stderr.is_empty(), "{args:?}: {out:?}");
        let name = args.join("_").replace("--", "");
        insta::assert_snapshot!(name, String::from_utf8(out.stdout).unwrap());
    }
}

/// Usage errors: exit 2, the message on stderr, nothing on stdout, and no AWS call made (any call
/// would reach a listener that is never answered). These need no AWS state, so they live here
/// rather than with the emulator tests.
#[test]
fn usage_errors_are_stable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let enable = ["enable", "--api", "orders", "--stage", "prod"];
    let with = |base: &[&'static str], extra: &[&'static str]| -> Vec<&'static str> {
        base.iter().chain(extra).copied().collect()
    };
    // (snapshot name, arguments, a text the message must contain)
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("no_command", vec![], "Usage: apigw-logs"),
        ("unknown_command", vec!["enabel"], "enable"),
        ("unknown_flag", with(&enable, &["--levle", "info"]), "--level"),
        ("missing_required_flag", vec!["enable", "--api", "orders"], "--stage <STAGE>"),
        ("missing_one_of_a_group", vec!["account", "set-role"], "--role-arn"),
        ("missing_positional", vec!["formats", "show"], "<NAME>"),
        ("bad_level", with(&enable, &["--level", "verbose"]), "--level"),
        ("bad_switch", with(&enable, &["--metrics", "yes"]), "--metrics"),
        (
            "conflicting_flags",
            with(
                &["stage", "set", "--api", "a", "--stage", "s"],
                &["--access-log-group", "g", "--no-access-log"],
            ),
            "cannot be used with",
        ),
        (
            "conflicting_destinations",
            with(
                &enable,
                &[
                    "--access-log-group",
                    "g",
                    "--access-log-destination",
                    "arn:aws:logs:us-east-1:123456789012:log-group:x",
                ],
            ),
            "cannot be used with",
        ),
        ("conflicting_stage_selection", with(&enable, &["--all-stages"]), "cannot be used with"),
        ("bad_region", vec!["status", "--region", "not-a-region"], "not an AWS region name"),
        ("bad_quota_scale", vec!["status", "--quota-scale", "0"], "--quota-scale"),
        ("tiny_quota_scale", vec!["status", "--quota-scale", "1e-300"], "from 0.001 to 1000"),
        ("bad_endpoint_url", vec!["--endpoint-url", "garbage", "status"], "--endpoint-url"),
        ("endpoint_url_scheme", vec!["--endpoint-url", "ftp://127.0.0.1:1", "status"], "the scheme ftp:"),
        ("bad_output", vec!["status", "--output", "yaml"], "--output"),
        ("bad_color", vec!["status", "--color", "sometimes"], "--color"),
        ("bad_timeout", vec!["status", "--timeout", "0"], "--timeout"),
        ("bad_concurrency", vec!["status", "--concurrency", "65"], "--concurrency"),
        ("bad_call_timeout", vec!["status", "--call-timeout", "soon"], "--call-timeout"),
        ("bad_api_type", vec!["status", "--api-type", "graphql"], "--api-type"),
        ("bad_retention", with(&enable, &["--retention-days", "13"]), "--retention-days"),
        (
            "bad_execution_retention",
            with(&enable, &["--execution-log-retention-days", "2"]),
            "--execution-log-retention-days",
        ),
        ("bad_kms_key", with(&enable, &["--kms-key-id", "alias/logs"]), "--kms-key-id"),
        ("reserved_tag", with(&enable, &["--tag", "aws:owner=me"]), "reserved"),
        ("bad_tag", with(&enable, &["--tag", "owner"]), "KEY=VALUE"),
        ("bad_method", with(&enable, &["--method", "FETCH /pets", "--level", "info"]), "--method"),
        ("bad_role_name", vec!["role", "create", "--role-name", "a/b"], "--role-name"),
        ("bad_since", vec!["tail", "--api", "a", "--stage", "s", "--since", "yesterday"], "--since"),
        ("bad_where", vec!["tail", "--api", "a", "--stage", "s", "--where", "status"], "--where"),
        ("empty_where", vec!["tail", "--api", "a", "--stage", "s", "--where", "status="], "is empty"),
        (
            "future_since",
            vec!["tail", "--api", "a", "--stage", "s", "--since", "2099-01-01T00:00:00Z"],
            "in the future",
        ),
        ("bad_shell", vec!["completions", "tcsh"], "tcsh"),
        ("apply_without_file", vec!["apply"], "--file <FILE>"),
        ("emit_unknown_tool", with(&enable, &["--emit", "pulumi"]), "--emit"),
        ("apply_without_emit", with(&enable, &["--apply"]), "--emit <TOOL>"),
        ("debug_without_stage", vec!["debug", "--api", "a"], "--stage <STAGE>"),
        ("debug_for_zero", vec!["debug", "--api", "a", "--stage", "s", "--for", "0"], "--for"),
        ("debug_for_days", vec!["debug", "--api", "a", "--stage", "s", "--for", "30d"], "from 1m to 12h"),
        ("debug_end_without_api", vec!["debug", "end", "--stage", "s"], "--api <API>"),
    ];
    for (name, args, expected) in cases {
        let out = bin().env("AWS_ENDPOINT_URL", &endpoint).args(&args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}: stdout {:?}", String::from_utf8_lossy(&out.stdout));
        assert!(stderr.contains(expected), "{args:?}: expected {expected:?} in: {stderr}");
        let shown = format!("$ apigw-logs {}\n{stderr}", args.join(" "));
        insta::assert_snapshot!(format!("usage_error_{name}"), shown);
    }
    // The quota scale from the environment is checked the same way (its value is not echoed).
    let out = bin().env("APIGW_LOGS_QUOTA_SCALE", "lots").args(["status"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let shown = format!("$ APIGW_LOGS_QUOTA_SCALE=lots apigw-logs status\n{stderr}");
    insta::assert_snapshot!("usage_error_bad_quota_scale_env", shown);
    assert!(listener.accept().is_err(), "no connection was made");
}

#[test]
fn invalid_utf8_arguments_are_refused() {
    use std::os::unix::ffi::OsStrExt;
    let out = bin()
        .args(["stage", "show", "--api"])
        .arg(std::ffi::OsStr::from_bytes(b"\xff\xfe"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("UTF-8"), "{stderr}");
}

/// `--version` names the package version and the commit it was built from (redacted in the
/// snapshot: it changes with every commit).
#[test]
fn version_names_the_commit() {
    let out = bin().arg("--version").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let prefix = format!("apigw-logs {} (", env!("CARGO_PKG_VERSION"));
    let built = text.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(")\n"));
    let built = built.unwrap_or_else(|| panic!("unexpected --version: {text:?}"));
    let (hash, date) = built.split_once(' ').unwrap_or_else(|| panic!("no commit and date: {text:?}"));
    assert!(hash.len() >= 7 && hash.chars().all(|c| c.is_ascii_hexdigit()), "{text:?}");
    assert!(date.len() == 10 && date.chars().filter(|c| *c == '-').count() == 2, "{text:?}");
    insta::assert_snapshot!("version", text.replace(built, "[commit] [date]"));
}

/// A closed stdout (`apigw-logs … | head -1`) ends the run quietly with exit 0, as ripgrep does.
#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    for args in [
        &["formats", "list"][..],
        &["formats", "show", "json", "--output", "json"],
        &["completions", "bash"],
        &["--help"],
        &["--version"],
    ] {
        let out = bin_std().args(args).stdout(closed_pipe()).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
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
