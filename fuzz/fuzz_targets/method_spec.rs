//! The `--method` parser never panics, and what it accepts survives both round trips: through its
//! display form and through API Gateway's method-settings key (`~1pets~1{id}/GET`).
#![no_main]

use apigw_logs_core::settings::MethodSpec;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(spec) = MethodSpec::parse(text) {
        assert_eq!(MethodSpec::parse(&spec.to_string()).as_ref(), Ok(&spec));
        assert_eq!(MethodSpec::from_settings_key(&spec.settings_key()).as_ref(), Some(&spec));
    }
    let _ = MethodSpec::from_settings_key(text);
});
