//! Bad input exits 2, names the flag or field, and changes nothing in the emulator.

use crate::harness::*;

#[test]
fn bad_input_exits_2_with_a_clear_message_and_no_side_effects() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[("/pets", "GET")]);
    acct.create_api("twin", "prod", &[]);
    acct.create_api("twin", "prod", &[]);
    let multi_line = at_file(&acct, "multi.txt", b"$context.requestId\n$context.status\n");
    let not_utf8 = at_file(&acct, "latin1.txt", b"$context.requestId \xe9\n");
    let other_account = "arn:aws:logs:us-east-1:999999999999:log-group:x".to_string();
    let other_region = format!("arn:aws:logs:eu-west-1:{}:log-group:x", acct.id);
    let other_region_key = format!("arn:aws:kms:eu-west-1:{}:key/abc", acct.id);
    let big = format!("$context.requestId {}", "$context.status ".repeat(200));
    let base = ["enable", "--api", "orders", "--stage", "prod"];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--level", "verbose"], "--level"),
        (vec!["--access-log-format", "$context.status"], "requestId"),
        (vec!["--access-log-format", &multi_line], "line"),
        (vec!["--access-log-format", "$context.requestId $input.body"], "$input.body"),
        (vec!["--access-log-format", &big], "3072"),
        (vec!["--access-log-format", "@/nonexistent/format"], "--access-log-format"),
        (vec!["--access-log-format", &not_utf8], "UTF-8"),
        (vec!["--access-log-destination", "arn:aws:s3:::bucket"], "--access-log-destination"),
        (vec!["--access-log-destination", &other_account], "account 999999999999"),
        (vec!["--access-log-destination", &other_region], "region eu-west-1"),
        (
            vec!["--access-log-destination", "arn:aws:logs:us-east-1:123456789012:log-group:x:*junk"],
            "--access-log-destination",
        ),
        (
            vec!["--access-log-destination", "arn:aws:firehose:us-east-1:123456789012:deliverystream/logs"],
            "amazon-apigateway-",
        ),
        (vec!["--retention-days", "13"], "--retention-days"),
        (vec!["--execution-log-retention-days", "2"], "--execution-log-retention-days"),
        (vec!["--kms-key-id", "alias/logs"], "--kms-key-id"),
        (vec!["--kms-key-id", &other_region_key], "the key is in eu-west-1"),
        (vec!["--tag", "aws:owner=me"], "reserved"),
        (vec!["--tag", "team=a", "--tag", "team=b"], "--tag: key 'team' is given twice"),
        (vec!["--method", "FETCH /pets", "--level", "info"], "--method"),
        (vec!["--method", "GET /nope", "--level", "info"], "no resource /nope"),
        (vec!["--method", "POST /pets", "--level", "info"], "no POST method"),
        (
            vec![
                "--access-log-group",
                "g",
                "--access-log-destination",
                "arn:aws:logs:us-east-1:123456789012:log-group:x",
            ],
            "cannot be used with",
        ),
    ];
    for (extra, expected) in cases {
        let before = acct.snapshot(&api, "prod");
        let mut args = base.to_vec();
        args.extend(&extra);
        let (code, _, stderr) = acct.run(&args);
        assert_eq!(code, 2, "{extra:?}: {stderr}");
        assert!(stderr.contains(expected), "{extra:?}: expected {expected:?} in: {stderr}");
        assert_eq!(acct.snapshot(&api, "prod"), before, "{extra:?} changed state");
    }

    let lookups: Vec<(Vec<&str>, &str)> = vec![
        (vec!["enable", "--api", "nope", "--stage", "prod"], "orders ("),
        (vec!["enable", "--api", "orders", "--stage", "nope"], "its stages: prod"),
        (vec!["stage", "show", "--api", "twin"], "2 APIs are named 'twin'"),
        (vec!["stage", "set", "--api", "orders", "--stage", "prod"], "nothing to change"),
    ];
    for (args, expected) in lookups {
        let before = acct.snapshot(&api, "prod");
        let (code, _, stderr) = acct.run(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: expected {expected:?} in: {stderr}");
        assert_eq!(acct.snapshot(&api, "prod"), before);
    }
}

#[test]
fn invalid_utf8_arguments_are_refused() {
    use std::os::unix::ffi::OsStrExt;
    let acct = Account::new();
    let out =
        acct.cmd(&["stage", "show", "--api"]).arg(std::ffi::OsStr::from_bytes(b"\xff\xfe")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("UTF-8"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
