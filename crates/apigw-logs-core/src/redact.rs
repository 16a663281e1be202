//! Diagnostics (`-v` to `-vvv`) never show an AWS access key id: the SDK's own trace output
//! prints them (credential providers, the signed request's `Credential=`), and secret keys and
//! session tokens are already redacted by the SDK.

use std::borrow::Cow;

/// The prefixes AWS gives access key ids (IAM user guide, "Unique identifier prefixes"): long-term
/// (AKIA), temporary (ASIA), bearer-token (ABIA) and context-specific (ACCA) credentials.
const KEY_PREFIXES: [&str; 4] = ["AKIA", "ASIA", "ABIA", "ACCA"];
/// An access key id: a prefix and 16 upper-case letters or digits.
const KEY_LEN: usize = 20;

/// `text` with every access key id replaced by its prefix and `****************`.
pub fn access_key_ids(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let is_key_char = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit();
    let key_at = |i: usize| {
        i + KEY_LEN <= bytes.len()
            && KEY_PREFIXES.iter().any(|p| bytes[i..].starts_with(p.as_bytes()))
            && bytes[i + 4..i + KEY_LEN].iter().all(|&b| is_key_char(b))
            && (i == 0 || !is_key_char(bytes[i - 1]))
            && bytes.get(i + KEY_LEN).is_none_or(|&b| !is_key_char(b))
    };
    if !(0..bytes.len()).any(key_at) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if key_at(i) {
            out.push_str(&text[i..i + 4]);
            out.push_str("****************");
            i += KEY_LEN;
        } else {
            // Keys are ASCII, so a match never starts inside a multi-byte character.
            let c = text[i..].chars().next().expect("a character");
            out.push(c);
            i += c.len_utf8();
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_key_ids_are_masked_wherever_they_stand() {
        assert_eq!(
            access_key_ids("Credential=AKIAIOSFODNN7EXAMPLE/20261202/us-east-1/apigateway/aws4_request"),
            "Credential=AKIA****************/20261202/us-east-1/apigateway/aws4_request"
        );
        assert_eq!(
            access_key_ids("access_key_id: \"ASIAY34FZKBOKMUTVV7A\", é ABIA0123456789ABCDEF"),
            "access_key_id: \"ASIA****************\", é ABIA****************"
        );
    }

    #[test]
    fn lookalikes_are_left_alone() {
        for text in [
            "AKIA",
            "AKIAIOSFODNN7EXAMPL",
            "XAKIAIOSFODNN7EXAMPLE",
            "AKIAIOSFODNN7EXAMPLEX",
            "akiaiosfodnn7example",
        ] {
            assert_eq!(access_key_ids(text), text);
            assert!(matches!(access_key_ids(text), Cow::Borrowed(_)));
        }
    }
}
