//! The escaping functions: nothing hostile survives them, and every string literal reads back as
//! the text it was made from (JSON, JavaScript and YAML through a JSON parser; HCL through its
//! template escapes, then JSON's).
#![no_main]

use apigw_logs_core::escape::{hcl_string, is_hostile, js_string, terminal, terminal_stream, yaml_string};
use libfuzzer_sys::fuzz_target;

/// HCL's reading of a quoted string with no interpolation in it.
fn hcl_unquote(literal: &str) -> String {
    let unescaped = literal.replace("$${", "${").replace("%%{", "%{");
    serde_json::from_str(&unescaped).expect("HCL literal is JSON once its template escapes are read")
}

fuzz_target!(|text: &str| {
    assert!(!terminal(text).chars().any(is_hostile));
    let streamed = terminal_stream(text);
    assert!(!streamed.chars().any(|c| is_hostile(c) && !matches!(c, '\n' | '\t' | '\u{1b}')));
    for literal in [js_string(text), yaml_string(text)] {
        assert!(!literal.chars().any(is_hostile));
        assert_eq!(serde_json::from_str::<String>(&literal).unwrap(), text);
    }
    let hcl = hcl_string(text);
    assert!(!hcl.chars().any(is_hostile));
    assert_eq!(hcl_unquote(&hcl), text);
});
