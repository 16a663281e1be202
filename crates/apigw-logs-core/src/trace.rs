//! `trace`: the pure part of following one request through its logs — the id's check, the
//! filter patterns, which lines belong to the request, the integration's request id, the Lambda
//! function behind an integration, and the timeline.

use crate::access::{self, Roles, Template, present};
use crate::escape::terminal;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fmt::Write as _;

/// What API Gateway logs in place of a request id a client sent that is not a UUID.
pub const REPLACED_ID: &str = "UUID_REPLACED_INVALID_REQUEST_ID";
const MAX_ID_LEN: usize = 128;

/// clap value parser for the request id: the characters request ids and extended request ids
/// are made of (`[A-Za-z0-9._=+/-]`), so the id can go into a filter pattern as it is.
pub fn parse_request_id(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Err(
            "the request id is empty; give the x-amzn-RequestId (or x-amz-apigw-id) of the response".into()
        );
    }
    if text == REPLACED_ID {
        return Err(format!(
            "{REPLACED_ID} is what API Gateway logs in place of an invalid id a client sent, for every such request; trace the request by its $context.extendedRequestId (the x-amz-apigw-id response header) instead"
        ));
    }
    if text.len() > MAX_ID_LEN {
        return Err(format!(
            "the request id is {} characters long; ids are at most {MAX_ID_LEN}",
            text.len()
        ));
    }
    if let Some(bad) = text.chars().find(|c| !(c.is_ascii_alphanumeric() || "._=+/-".contains(*c))) {
        return Err(format!(
            "the request id contains {:?}, which no request id has (letters, digits and . _ = + / - only)",
            bad
        ));
    }
    Ok(text.to_string())
}

/// The filter pattern that finds a request's access line: for a JSON format whose id keys are
/// plain names, `{ $.key = "id" }` (either id key); otherwise the id as a quoted term. Ids were
/// checked by [`parse_request_id`] and hold no quote.
pub fn access_pattern(template: &Template, id: &str) -> String {
    let roles = Roles::of(template);
    let plain = |key: &str| !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let keys: Vec<&str> = [roles.request_id, roles.extended_request_id]
        .into_iter()
        .flatten()
        .filter_map(|index| template.json_key(index))
        .collect();
    if !keys.is_empty() && keys.iter().all(|k| plain(k)) {
        let terms: Vec<String> = keys.iter().map(|key| format!("$.{key} = \"{id}\"")).collect();
        format!("{{ {} }}", terms.join(" || "))
    } else {
        quoted(id)
    }
}

/// A quoted filter term: matches the text anywhere in an event.
pub fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

/// The values of an access line that are this request's (`id` as its request id or extended
/// request id); `None` for any other line.
pub fn access_values<'a>(template: &Template, line: &'a str, id: &str) -> Option<Vec<&'a str>> {
    let roles = Roles::of(template);
    let mut values = Vec::new();
    if !template.read(line, &mut values) {
        return None;
    }
    let is = |role: Option<usize>| role.is_some_and(|i| values[i] == id);
    (is(roles.request_id) || is(roles.extended_request_id)).then_some(values)
}

/// Whether an execution log line is request `id`'s: API Gateway starts each with `(id) `.
pub fn is_execution_line(message: &str, id: &str) -> bool {
    message.strip_prefix('(').and_then(|rest| rest.strip_prefix(id)).is_some_and(|rest| rest.starts_with(')'))
}

/// Whether a Lambda log line is invocation `id`'s: `START/END/REPORT RequestId: id`, a text line
/// with the id in its own TAB-separated field, or a JSON line whose `requestId` (or
/// `record.requestId`) is the id.
pub fn is_lambda_line(message: &str, id: &str) -> bool {
    let trimmed = message.trim_start();
    if trimmed.starts_with('{')
        && let Ok(json) = serde_json::from_str::<serde_json::Value>(trimmed)
    {
        return json["requestId"] == id || json["record"]["requestId"] == id;
    }
    for prefix in ["START RequestId: ", "END RequestId: ", "REPORT RequestId: "] {
        if let Some(rest) = trimmed.strip_prefix(prefix) {
            return rest.split([' ', '\t']).next() == Some(id);
        }
    }
    message.split('\t').any(|field| field == id)
}

/// The integration's request id as REST execution logs give it (the last line, or the failure
/// line, or the response headers with data trace on).
pub fn lambda_id_from_execution(lines: &[&str]) -> Option<String> {
    const MARKERS: [&str; 3] =
        ["AWS Integration Endpoint RequestId : ", "Lambda request id: ", "x-amzn-RequestId="];
    for marker in MARKERS {
        for line in lines {
            if let Some(at) = line.find(marker) {
                let id: String = line[at + marker.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if parse_request_id(&id).is_ok() {
                    return Some(id);
                }
            }
        }
    }
    None
}

/// The Lambda function an integration URI invokes: the function ARN (or name) inside a REST or
/// WebSocket `…:lambda:path/2015-03-31/functions/FUNCTION/invocations` URI, or an HTTP API's
/// plain Lambda ARN. `None` for other integrations.
pub fn lambda_function(uri: &str) -> Option<&str> {
    if let Some(rest) = uri.strip_prefix("arn:") {
        let (_, rest) = rest.split_once(':')?;
        if let Some(path) = rest.strip_prefix("apigateway:") {
            let (_, path) = path.split_once(':')?;
            let function =
                path.strip_prefix("lambda:path/2015-03-31/functions/")?.strip_suffix("/invocations")?;
            return (!function.is_empty()).then_some(function);
        }
        if rest.starts_with("lambda:") {
            return Some(uri);
        }
    }
    None
}

/// A route (`GET /pets/{id}`, a v2 route key) and the URI of the integration it invokes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Integration {
    pub route: String,
    pub uri: String,
}

/// The Lambda functions that may have served a request to `route`: the route's own, when the
/// route is known and has one; otherwise every distinct function of the API (each is searched
/// for the Lambda request id, so a wrong one finds nothing).
pub fn functions_for<'a>(integrations: &'a [Integration], route: Option<&str>) -> Vec<&'a str> {
    // A REST method defined as ANY serves every method of its path.
    let any = route.and_then(|r| r.split_once(' ')).map(|(_, path)| format!("ANY {path}"));
    let own: Vec<&str> = integrations
        .iter()
        .filter(|i| Some(i.route.as_str()) == route || Some(&i.route) == any.as_ref())
        .filter_map(|i| lambda_function(&i.uri))
        .collect();
    if !own.is_empty() {
        return own;
    }
    let mut all: Vec<&str> = integrations.iter().filter_map(|i| lambda_function(&i.uri)).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The function's name without a version or alias: `arn:aws:lambda:r:a:function:NAME[:QUAL]`
/// or `NAME[:QUAL]`. The default log group is per function.
pub fn function_name(function: &str) -> &str {
    let after = match function.find(":function:") {
        Some(at) => &function[at + ":function:".len()..],
        None => function,
    };
    after.split(':').next().unwrap_or(after)
}

/// Lambda's own log group for a function whose logging configuration names none.
pub fn default_lambda_group(function: &str) -> String {
    format!("/aws/lambda/{}", function_name(function))
}

/// Where a line came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Integration,
    Execution,
    Access,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Access => "access",
            Source::Execution => "execution",
            Source::Integration => "integration",
        }
    }
}

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    pub time: DateTime<Utc>,
    pub source: Source,
    pub log_group: String,
    pub message: String,
}

/// The request's figures, from its access line (or, without one, its execution lines).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub status: Option<String>,
    pub latency_ms: Option<String>,
    pub integration_latency_ms: Option<String>,
    pub integration_request_id: Option<String>,
}

impl Outcome {
    pub fn from_access(template: &Template, values: &[&str], latency_variables: &[&str]) -> Outcome {
        let roles = Roles::of(template);
        let value = |index: Option<usize>| index.and_then(|i| present(values[i])).map(str::to_string);
        Outcome {
            status: value(roles.status),
            latency_ms: value(template.position(latency_variables)),
            integration_latency_ms: value(roles.integration_latency),
            integration_request_id: value(roles.integration_request_id),
        }
    }

    /// Fills what the access line did not give from REST execution lines ("Method completed with
    /// status: 502", "Integration latency: 11029 ms").
    pub fn fill_from_execution(&mut self, lines: &[&str]) {
        let after = |marker: &str| {
            lines.iter().find_map(|line| {
                let at = line.find(marker)?;
                let digits: String =
                    line[at + marker.len()..].chars().take_while(char::is_ascii_digit).collect();
                (!digits.is_empty()).then_some(digits)
            })
        };
        if self.status.is_none() {
            self.status = after("Method completed with status: ");
        }
        if self.integration_latency_ms.is_none() {
            self.integration_latency_ms = after("Integration latency: ");
        }
    }
}

/// Puts the lines in time order (a tie keeps integration before execution before access: the
/// order a request writes them in).
pub fn timeline(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| a.time.cmp(&b.time).then(a.source.cmp(&b.source)));
    lines.dedup();
    lines
}

/// The timeline as text, each line labelled and escaped for the terminal.
pub fn text(id: &str, outcome: &Outcome, lines: &[Line], utc: bool) -> String {
    let mut out = String::new();
    let shown = |v: &Option<String>, unit: &str| {
        v.as_deref().map_or("?".to_string(), |v| format!("{}{unit}", terminal(v)))
    };
    let _ = writeln!(
        out,
        "request {id}: status {}, latency {}, integration latency {}",
        shown(&outcome.status, ""),
        shown(&outcome.latency_ms, " ms"),
        shown(&outcome.integration_latency_ms, " ms"),
    );
    for line in lines {
        let time = if utc {
            line.time.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
        } else {
            line.time.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S%.3f").to_string()
        };
        let _ = writeln!(out, "{time} {:<11} {}", line.source.label(), terminal(line.message.trim_end()));
    }
    out
}

/// A format with `variable` added: before a JSON object's closing brace as `"key":"variable"`, or
/// after the rest, separated by a space.
pub fn with_variable(format: &str, key: &str, variable: &str) -> String {
    let format = format.strip_suffix('\n').unwrap_or(format);
    match format.trim_end().strip_suffix('}') {
        Some(body) if format.trim_start().starts_with('{') => {
            format!("{}, \"{key}\":\"{variable}\" }}", body.trim_end())
        }
        _ => format!("{format} {variable}"),
    }
}

/// The access-log variables whose absence stops a step of the trace, with the key they get when
/// added to a JSON format.
pub fn missing_variables(
    template: &Template,
    latency_variables: &[&'static str],
) -> Vec<(&'static str, &'static str)> {
    let roles = Roles::of(template);
    let mut missing = Vec::new();
    if roles.integration_request_id.is_none() {
        missing.push((access::INTEGRATION_REQUEST_ID[0], "integrationRequestId"));
    }
    if roles.extended_request_id.is_none() {
        missing.push((access::EXTENDED_REQUEST_ID, "extendedRequestId"));
    }
    if template.position(latency_variables).is_none() {
        let variable = latency_variables[0];
        missing.push((
            variable,
            if variable == access::RESPONSE_LATENCY { "responseLatency" } else { "integrationLatency" },
        ));
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiKind;

    #[test]
    fn request_ids_are_checked() {
        assert!(parse_request_id("8f3a7c1e-1111-4e5f-9a0b-123456789abc").is_ok());
        assert!(parse_request_id("UBuxiEZSIAMFQ1Q=").is_ok(), "an extended request id");
        assert!(parse_request_id("").unwrap_err().contains("empty"));
        assert!(parse_request_id("a\" || x").unwrap_err().contains("'\"'"));
        assert!(parse_request_id(REPLACED_ID).unwrap_err().contains("extendedRequestId"));
        assert!(parse_request_id(&"a".repeat(200)).unwrap_err().contains("at most 128"));
    }

    #[test]
    fn json_formats_get_a_json_pattern_others_a_quoted_term() {
        let json = Template::new(ApiKind::Rest.preset("json").unwrap().format).unwrap();
        assert_eq!(access_pattern(&json, "abc"), r#"{ $.requestId = "abc" }"#);
        let both =
            Template::new(r#"{"id":"$context.requestId","ext":"$context.extendedRequestId"}"#).unwrap();
        assert_eq!(access_pattern(&both, "abc"), r#"{ $.id = "abc" || $.ext = "abc" }"#);
        let odd = Template::new(r#"{"request-id":"$context.requestId"}"#).unwrap();
        assert_eq!(access_pattern(&odd, "abc"), r#""abc""#, "a key a selector cannot name");
        let clf = Template::new(ApiKind::Rest.preset("clf").unwrap().format).unwrap();
        assert_eq!(access_pattern(&clf, "abc"), r#""abc""#);
    }

    #[test]
    fn only_the_requests_own_lines_match() {
        let template =
            Template::new("$context.requestId $context.extendedRequestId $context.status").unwrap();
        assert!(access_values(&template, "abc ext1 200", "abc").is_some());
        assert!(access_values(&template, "abc ext1 200", "ext1").is_some());
        assert!(access_values(&template, "abcd ext2 200", "abc").is_none(), "a longer id");
        assert!(access_values(&template, "other abc 200", "abcx").is_none());
        assert!(is_execution_line("(abc) Method completed with status: 200", "abc"));
        assert!(!is_execution_line("(abcd) Method completed", "abc"));
        assert!(!is_execution_line("x (abc) y", "abc"));
    }

    #[test]
    fn lambda_lines_in_text_and_json() {
        let id = "71952965-d5cc-4974-ae08-6e2138b2275c";
        assert!(is_lambda_line(&format!("START RequestId: {id} Version: $LATEST"), id));
        assert!(is_lambda_line(&format!("REPORT RequestId: {id}\tDuration: 1.2 ms"), id));
        assert!(is_lambda_line(&format!("2026-12-06T10:00:00.000Z\t{id}\tINFO\thello"), id), "Node");
        assert!(is_lambda_line(&format!("[INFO]\t2026-12-06T10:00:00.000Z\t{id}\thello"), id), "Python");
        assert!(is_lambda_line(
            &format!(r#"{{"type":"platform.start","record":{{"requestId":"{id}"}}}}"#),
            id
        ));
        assert!(is_lambda_line(&format!(r#"{{"level":"INFO","requestId":"{id}","message":"x"}}"#), id));
        assert!(!is_lambda_line(&format!("START RequestId: {id}x Version: $LATEST"), id));
        assert!(!is_lambda_line(&format!("said {id} in passing"), id));
    }

    #[test]
    fn the_integrations_request_id_from_execution_lines() {
        let lines = [
            "(a) Endpoint response headers: {Date=x, x-amzn-RequestId=71952965-d5cc-4974-ae08-6e2138b2275c, X=y}",
            "(a) Method completed with status: 502",
        ];
        assert_eq!(lambda_id_from_execution(&lines).as_deref(), Some("71952965-d5cc-4974-ae08-6e2138b2275c"));
        let lines = ["(a) AWS Integration Endpoint RequestId : 11111111-2222-3333-4444-555555555555"];
        assert_eq!(lambda_id_from_execution(&lines).as_deref(), Some("11111111-2222-3333-4444-555555555555"));
        assert_eq!(lambda_id_from_execution(&["(a) Successfully completed execution"]), None);
    }

    #[test]
    fn lambda_functions_from_integration_uris() {
        let rest = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders:live/invocations";
        let function = lambda_function(rest).unwrap();
        assert_eq!(function, "arn:aws:lambda:us-east-1:123456789012:function:orders:live");
        assert_eq!(function_name(function), "orders");
        assert_eq!(default_lambda_group(function), "/aws/lambda/orders");
        let http = "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:pay";
        assert_eq!(lambda_function(http), Some(http));
        assert_eq!(lambda_function("https://example.com/x"), None);
        assert_eq!(lambda_function("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem"), None);
    }

    #[test]
    fn the_routes_own_function_else_every_function() {
        let lambda = |name: &str| {
            format!(
                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:{name}/invocations"
            )
        };
        let integrations = vec![
            Integration { route: "GET /a".into(), uri: lambda("a") },
            Integration { route: "GET /b".into(), uri: lambda("b") },
            Integration { route: "POST /b".into(), uri: lambda("b") },
            Integration { route: "GET /c".into(), uri: "https://example.com".into() },
        ];
        assert_eq!(functions_for(&integrations, Some("GET /b")), ["arn:aws:lambda:us-east-1:1:function:b"]);
        assert_eq!(
            functions_for(&integrations, Some("GET /c")).len(),
            2,
            "not a Lambda route: all functions"
        );
        assert_eq!(functions_for(&integrations, None).len(), 2);
        let any = vec![
            Integration { route: "ANY /a".into(), uri: lambda("a") },
            Integration { route: "GET /b".into(), uri: lambda("b") },
        ];
        assert_eq!(functions_for(&any, Some("PUT /a")), ["arn:aws:lambda:us-east-1:1:function:a"]);
    }

    #[test]
    fn outcome_from_access_and_execution() {
        let template = Template::new("$context.requestId $context.status $context.responseLatency").unwrap();
        let mut outcome = Outcome::from_access(&template, &["a", "-", "15"], &[access::RESPONSE_LATENCY]);
        assert_eq!(outcome.status, None);
        assert_eq!(outcome.latency_ms.as_deref(), Some("15"));
        outcome.fill_from_execution(&[
            "(a) Received response. Integration latency: 11029 ms",
            "(a) Method completed with status: 502",
        ]);
        assert_eq!(outcome.status.as_deref(), Some("502"));
        assert_eq!(outcome.integration_latency_ms.as_deref(), Some("11029"));
    }

    #[test]
    fn the_timeline_is_in_time_order_and_escaped() {
        let at = |s: i64| DateTime::from_timestamp(s, 0).unwrap();
        let line =
            |s, source, m: &str| Line { time: at(s), source, log_group: "g".into(), message: m.into() };
        let lines = timeline(vec![
            line(2, Source::Access, "done"),
            line(1, Source::Execution, "(a) start\u{1b}[2J"),
            line(2, Source::Integration, "END"),
        ]);
        assert_eq!(
            lines.iter().map(|l| l.source).collect::<Vec<_>>(),
            [Source::Execution, Source::Integration, Source::Access]
        );
        let text = text("a", &Outcome::default(), &lines, true);
        assert!(text.starts_with("request a: status ?, latency ?, integration latency ?\n"), "{text}");
        assert!(text.contains("1970-01-01T00:00:01.000Z execution   (a) start"));
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn variables_are_added_where_the_format_keeps_them() {
        let json = ApiKind::Rest.preset("json").unwrap().format;
        let added = with_variable(json, "integrationRequestId", "$context.integration.requestId");
        assert!(added.ends_with(r#""responseLength":"$context.responseLength", "integrationRequestId":"$context.integration.requestId" }"#), "{added}");
        assert!(crate::format::lint(&added, ApiKind::Rest).findings.is_empty());
        assert_eq!(
            with_variable("$context.requestId", "x", "$context.status"),
            "$context.requestId $context.status"
        );
        let template = Template::new(json).unwrap();
        let missing: Vec<&str> =
            missing_variables(&template, &[access::RESPONSE_LATENCY]).iter().map(|m| m.0).collect();
        assert_eq!(
            missing,
            ["$context.integration.requestId", "$context.extendedRequestId", "$context.responseLatency"]
        );
    }
}
