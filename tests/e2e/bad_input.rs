//! Bad input that needs AWS state to judge exits 2, names the flag or field, and changes nothing in
//! the emulator. Input refused while parsing, before any AWS call, is tested in cli.rs
//! (`usage_errors_are_stable`).

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
        (vec!["--kms-key-id", &other_region_key], "the key is in eu-west-1"),
        (vec!["--tag", "team=a", "--tag", "team=b"], "--tag: key 'team' is given twice"),
        (vec!["--method", "GET /nope", "--level", "info"], "no resource /nope"),
        (vec!["--method", "POST /pets", "--level", "info"], "no POST method"),
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
