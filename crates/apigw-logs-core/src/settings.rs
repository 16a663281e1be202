//! Pure value types for stage logging settings: levels, method keys, retention days.
//! Parsing here is what the CLI calls, so bad values are rejected before any AWS call.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Execution logging level. API Gateway accepts exactly these upper-case strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Level {
    Off,
    Error,
    Info,
}

impl Level {
    pub fn as_api(self) -> &'static str {
        match self {
            Level::Off => "OFF",
            Level::Error => "ERROR",
            Level::Info => "INFO",
        }
    }

    /// The stored value; anything unknown reads as OFF, which is how API Gateway treats it.
    pub fn from_api(value: Option<&str>) -> Level {
        match value.map(str::to_ascii_uppercase).as_deref() {
            Some("ERROR") => Level::Error,
            Some("INFO") => Level::Info,
            _ => Level::Off,
        }
    }
}

impl crate::choice::Choice for Level {
    const ALL: &'static [Level] = &[Level::Off, Level::Error, Level::Info];

    fn name(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Error => "error",
            Level::Info => "info",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_api())
    }
}

/// `on|off` flag values (clearer in scripts than true/false).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    On,
    Off,
}

impl crate::choice::Choice for Switch {
    const ALL: &'static [Switch] = &[Switch::On, Switch::Off];

    fn name(self) -> &'static str {
        on_off(self.is_on())
    }
}

impl Switch {
    pub fn is_on(self) -> bool {
        self == Switch::On
    }
}

impl From<bool> for Switch {
    fn from(on: bool) -> Switch {
        if on { Switch::On } else { Switch::Off }
    }
}

pub fn on_off(value: bool) -> &'static str {
    if value { "on" } else { "off" }
}

/// The method-settings key for the whole stage.
pub const ALL_METHODS_KEY: &str = "*/*";

const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"];

/// One method of a REST API, written by users as `GET /pets/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MethodSpec {
    pub http_method: String,
    pub path: String,
}

impl MethodSpec {
    /// Parses `METHOD /path`. Accepts any case for the method; the path must start with `/`.
    pub fn parse(text: &str) -> Result<MethodSpec, String> {
        let mut parts = text.split_whitespace();
        let (Some(method), Some(path), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("'{text}' is not a method: write it as 'GET /pets/{{id}}'"));
        };
        let http_method = method.to_ascii_uppercase();
        if !HTTP_METHODS.contains(&http_method.as_str()) {
            return Err(format!("'{method}' is not an HTTP method; use one of {}", HTTP_METHODS.join(", ")));
        }
        if !path.starts_with('/') {
            return Err(format!("resource path '{path}' must start with '/', e.g. 'GET /pets'"));
        }
        if path.len() > 1 && path.ends_with('/') {
            return Err(format!("resource path '{path}' must not end with '/'"));
        }
        if path.contains("//") || path.contains('~') {
            return Err(format!("resource path '{path}' is not a valid API Gateway resource path"));
        }
        Ok(MethodSpec { http_method, path: path.to_string() })
    }

    /// The method-settings key API Gateway uses: every `/` of the path becomes `~1`
    /// (`/pets/{id}` GET → `~1pets~1{id}/GET`; the root `/` GET → `~1/GET`).
    pub fn settings_key(&self) -> String {
        format!("{}/{}", self.path.replace('/', "~1"), self.http_method)
    }

    /// Inverse of [`settings_key`](Self::settings_key); `None` for `*/*` or a malformed key.
    pub fn from_settings_key(key: &str) -> Option<MethodSpec> {
        let (escaped_path, method) = key.rsplit_once('/')?;
        if !escaped_path.starts_with("~1") {
            return None;
        }
        Some(MethodSpec { http_method: method.to_string(), path: escaped_path.replace("~1", "/") })
    }
}

impl fmt::Display for MethodSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.http_method, self.path)
    }
}

/// clap value parser for `--method` / `--clear-method`.
pub fn parse_method_spec(text: &str) -> Result<MethodSpec, String> {
    MethodSpec::parse(text)
}

/// clap value parser for `--route`: a route key as API Gateway v2 stores it (`$connect`,
/// `GET /pets/{id}`, `$default`). The key `*/*` would collide with the default route settings.
pub fn parse_route_key(text: &str) -> Result<String, String> {
    if text.trim() != text || text.is_empty() {
        return Err(format!("'{text}' is not a route key; e.g. '$connect' or 'GET /pets'"));
    }
    if text == ALL_METHODS_KEY {
        return Err("'*/*' is not a route; leave out --route to change the default route settings".into());
    }
    if text.len() > 256 || text.chars().any(char::is_control) {
        return Err(format!("route key '{text}' must be at most 256 printable characters"));
    }
    Ok(text.to_string())
}

/// clap value parser for `--tag KEY=VALUE`, with CloudWatch Logs' tag rules: a key of 1–128 and a
/// value of 0–256 letters, digits, spaces and `_ . : / = + - @`; keys starting `aws:` are AWS's.
pub fn parse_tag(text: &str) -> Result<(String, String), String> {
    let (key, value) =
        text.split_once('=').ok_or_else(|| format!("'{text}' is not KEY=VALUE, e.g. team=payments"))?;
    let allowed =
        |s: &str| s.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c));
    if key.is_empty() || key.chars().count() > 128 || !allowed(key) {
        return Err(format!("tag key '{key}' must be 1-128 letters, digits, spaces or _.:/=+-@"));
    }
    if key.to_ascii_lowercase().starts_with("aws:") {
        return Err(format!("tag key '{key}': keys starting with aws: are reserved for AWS"));
    }
    if value.chars().count() > 256 || !allowed(value) {
        return Err(format!("tag value '{value}' must be 0-256 letters, digits, spaces or _.:/=+-@"));
    }
    Ok((key.to_string(), value.to_string()))
}

/// At most this many tags per log group.
pub const MAX_TAGS: usize = 50;

/// Retention periods CloudWatch Logs accepts (PutRetentionPolicy refuses anything else).
pub const RETENTION_DAYS: &[i32] = &[
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/// Retention given to a log group the tool creates when none is asked for, and to one that never
/// expires when `enable` or `status --fix` bounds it, so logs do not accumulate (and cost) forever.
pub const DEFAULT_RETENTION_DAYS: i32 = 30;

/// clap value parser for `--retention-days`.
pub fn parse_retention_days(text: &str) -> Result<i32, String> {
    let days: i32 = text.trim().parse().map_err(|_| format!("'{text}' is not a number of days"))?;
    if RETENTION_DAYS.contains(&days) {
        return Ok(days);
    }
    let nearest =
        RETENTION_DAYS.iter().min_by_key(|allowed| (**allowed - days).abs()).expect("list is not empty");
    let allowed: Vec<String> = RETENTION_DAYS.iter().map(i32::to_string).collect();
    Err(format!(
        "CloudWatch Logs does not accept {days} days (nearest allowed: {nearest}); use one of {}",
        allowed.join(", ")
    ))
}

/// The bounds of a quota multiple. Below the lower one a single call would wait for hours (and
/// far below it the wait no longer fits a `Duration`).
pub const QUOTA_SCALE_RANGE: std::ops::RangeInclusive<f64> = 0.001..=1000.0;

/// A quota multiple: a number from 0.001 to 1000.
pub fn parse_quota_scale(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(factor) if QUOTA_SCALE_RANGE.contains(&factor) => Ok(factor),
        _ => Err(format!("expected a number from 0.001 to 1000 (e.g. 2 or 0.5), got {value:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_follow_cloudwatch_rules() {
        assert_eq!(parse_tag("team=payments"), Ok(("team".into(), "payments".into())));
        assert_eq!(parse_tag("cost-center=a=b"), Ok(("cost-center".into(), "a=b".into())));
        assert_eq!(parse_tag("empty="), Ok(("empty".into(), String::new())));
        for bad in ["team", "=x", "aws:owner=me", "AWS:x=y", "bad!key=x", "k=\"q\""] {
            assert!(parse_tag(bad).is_err(), "{bad}");
        }
        assert!(parse_tag(&format!("{}=v", "k".repeat(129))).is_err());
        assert!(parse_tag(&format!("k={}", "v".repeat(257))).is_err());
    }

    #[test]
    fn method_keys_escape_every_slash() {
        let spec = MethodSpec::parse("get /pets/{id}").unwrap();
        assert_eq!(spec.settings_key(), "~1pets~1{id}/GET");
        assert_eq!(spec.to_string(), "GET /pets/{id}");
        assert_eq!(MethodSpec::parse("POST /").unwrap().settings_key(), "~1/POST");
        assert_eq!(MethodSpec::parse("ANY /a/b/c").unwrap().settings_key(), "~1a~1b~1c/ANY");
    }

    #[test]
    fn method_keys_round_trip() {
        for text in ["GET /", "GET /pets", "DELETE /pets/{id}/toys/{toy}"] {
            let spec = MethodSpec::parse(text).unwrap();
            assert_eq!(MethodSpec::from_settings_key(&spec.settings_key()), Some(spec));
        }
        assert_eq!(MethodSpec::from_settings_key("*/*"), None);
    }

    #[test]
    fn malformed_method_specs_are_refused_with_the_fix() {
        for bad in ["GET", "/pets", "FETCH /pets", "GET pets", "GET /pets/", "GET /a b", "GET //x", ""] {
            let err = MethodSpec::parse(bad).unwrap_err();
            assert!(!err.is_empty(), "{bad}");
        }
        assert!(MethodSpec::parse("GET").unwrap_err().contains("GET /pets/{id}"));
        assert!(MethodSpec::parse("FETCH /x").unwrap_err().contains("OPTIONS"));
    }

    #[test]
    fn retention_accepts_only_cloudwatch_values() {
        assert_eq!(parse_retention_days("30"), Ok(30));
        assert_eq!(parse_retention_days("3653"), Ok(3653));
        let err = parse_retention_days("13").unwrap_err();
        assert!(err.contains("nearest allowed: 14"), "{err}");
        assert!(parse_retention_days("0").is_err());
        assert!(parse_retention_days("-1").is_err());
        assert!(parse_retention_days("ten").unwrap_err().contains("not a number"));
    }

    #[test]
    fn levels_read_back_from_the_api() {
        assert_eq!(Level::from_api(Some("INFO")), Level::Info);
        assert_eq!(Level::from_api(Some("error")), Level::Error);
        assert_eq!(Level::from_api(None), Level::Off);
        assert_eq!(Level::Error.as_api(), "ERROR");
    }
}
