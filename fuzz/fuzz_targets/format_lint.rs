//! The access-log format linter never panics, and its size rule holds for any input.
#![no_main]

use apigw_logs_core::api::ApiKind;
use apigw_logs_core::format::{MAX_FORMAT_BYTES, lint};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|format: &str| {
    for kind in [ApiKind::Rest, ApiKind::Http, ApiKind::Websocket] {
        let result = lint(format, kind);
        let too_long = result.findings.iter().any(|f| f.code == "too-long");
        assert_eq!(too_long, format.len() > MAX_FORMAT_BYTES, "size rule broken for {} bytes", format.len());
        assert!(result.findings.iter().all(|f| !f.message.is_empty()));
    }
});
