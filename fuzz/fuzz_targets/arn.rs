//! The ARN parsers behind `--access-log-destination` and `--role-arn` never panic.
#![no_main]

use apigw_logs_core::arn::{parse_destination, parse_role_arn};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok((_, arn)) = parse_destination(text) {
        let _ = arn.check_home("aws", "us-east-1", "123456789012");
    }
    let _ = parse_role_arn(text);
});
