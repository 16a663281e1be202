//! Access log lines read back through the format that wrote them.
//!
//! API Gateway writes an access log line by putting each variable's value in place of the
//! variable and leaving every other character of the format as it is (values are not escaped, an
//! empty one is `-`). So one matcher reads every format, JSON included: the text between two
//! variables is a literal that must appear in the line, and what lies between the literals is
//! the values. A value that happens to contain the literal after it is handled by trying the
//! literal's later occurrences, within a budget.

use crate::api::ApiKind;
use crate::format::scan;
use chrono::{DateTime, Utc};

/// How many alternative splits one line may try before it counts as not matching: enough for
/// values that contain their separator a few times, bounded against hostile lines.
const BACKTRACK_BUDGET: u32 = 256;

/// A format compiled for reading lines: the literal before the first variable, then each
/// variable with the literal that follows it.
#[derive(Clone, Debug)]
pub struct Template {
    head: String,
    variables: Vec<String>,
    /// The literal after each variable (the last one's runs to the end of the line).
    literals: Vec<String>,
    /// Whether each variable's values never hold a space: a split that gives one a space is
    /// wrong (HTTP's CLF preset writes `GET GET /pets HTTP/1.1`: the route key has the space).
    spaceless: Vec<bool>,
    json: bool,
}

/// Variables whose values never contain a space (ids, numbers, methods, protocols, addresses).
const SPACELESS: &[&str] = &[
    "$context.requestId",
    "$context.extendedRequestId",
    "$context.status",
    "$context.protocol",
    "$context.httpMethod",
    "$context.responseLength",
    "$context.responseLatency",
    "$context.integrationLatency",
    "$context.integration.latency",
    "$context.integration.status",
    "$context.integrationStatus",
    "$context.integration.requestId",
    "$context.awsEndpointRequestId",
    "$context.requestTimeEpoch",
    "$context.identity.sourceIp",
    "$context.connectionId",
    "$context.eventType",
    "$context.apiId",
    "$context.stage",
    "$context.domainName",
];

impl Template {
    /// Compiles `format` (one trailing newline, which API Gateway allows, is ignored).
    pub fn new(format: &str) -> Result<Template, String> {
        let format = format.strip_suffix('\n').unwrap_or(format);
        let vars = scan(format);
        let Some(first) = vars.first() else {
            return Err("the format has no $context variable, so its lines carry no values to read".into());
        };
        let mut literals = Vec::with_capacity(vars.len());
        for (index, var) in vars.iter().enumerate() {
            let next = vars.get(index + 1).map_or(format.len(), |v| v.start);
            literals.push(format[var.end()..next].to_string());
        }
        Ok(Template {
            head: format[..first.start].to_string(),
            variables: vars.iter().map(|v| v.text.to_string()).collect(),
            literals,
            spaceless: vars.iter().map(|v| SPACELESS.contains(&v.text)).collect(),
            json: format.trim_start().starts_with('{'),
        })
    }

    /// The variables in order, e.g. `$context.status`; a line's values come in the same order.
    pub fn variables(&self) -> &[String] {
        &self.variables
    }

    /// Whether the format writes a JSON object.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// The first place of any of `names` in the format.
    pub fn position(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|name| self.variables.iter().position(|v| v == name))
    }

    /// For a JSON format, the key whose value is exactly the variable at `index` (`"status":
    /// "$context.status"`, or unquoted for numbers).
    pub fn json_key(&self, index: usize) -> Option<&str> {
        if !self.json {
            return None;
        }
        let before = if index == 0 { &self.head } else { &self.literals[index - 1] };
        let before = before.trim_end().strip_suffix('"').unwrap_or(before.trim_end());
        let before = before.trim_end().strip_suffix(':')?.trim_end().strip_suffix('"')?;
        Some(&before[before.rfind('"')? + 1..])
    }

    /// Splits `line` into the values of [`variables`](Self::variables); `false` when the line
    /// was not written by this format. `values` is cleared first and reused between lines.
    pub fn read<'a>(&self, line: &'a str, values: &mut Vec<&'a str>) -> bool {
        values.clear();
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let Some(rest) = line.strip_prefix(self.head.as_str()) else { return false };
        let mut budget = BACKTRACK_BUDGET;
        self.read_from(rest, 0, values, &mut budget)
    }

    fn read_from<'a>(
        &self,
        rest: &'a str,
        index: usize,
        values: &mut Vec<&'a str>,
        budget: &mut u32,
    ) -> bool {
        let literal = self.literals[index].as_str();
        let fits = |value: &str| !(self.spaceless[index] && value.contains(' '));
        if index + 1 == self.literals.len() {
            let Some(value) = rest.strip_suffix(literal).filter(|v| fits(v)) else { return false };
            values.push(value);
            return true;
        }
        if literal.is_empty() {
            // Two variables side by side: nothing tells where the first ends; it gets nothing.
            values.push("");
            return self.read_from(rest, index + 1, values, budget);
        }
        let mut from = 0;
        while let Some(found) = rest[from..].find(literal) {
            let end = from + found;
            // Later splits only make the value longer: a space in it stays.
            if !fits(&rest[..end]) {
                return false;
            }
            values.push(&rest[..end]);
            if self.read_from(&rest[end + literal.len()..], index + 1, values, budget) {
                return true;
            }
            values.pop();
            *budget = budget.saturating_sub(1);
            if *budget == 0 {
                return false;
            }
            from = end + rest[end..].chars().next().map_or(1, char::len_utf8);
        }
        false
    }
}

/// What a line's values mean, by the variables that carry them (each `None` when the format
/// lacks every variable that could).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Roles {
    pub request_id: Option<usize>,
    pub extended_request_id: Option<usize>,
    pub status: Option<usize>,
    pub response_latency: Option<usize>,
    pub integration_latency: Option<usize>,
    pub integration_request_id: Option<usize>,
    pub method: Option<usize>,
    /// The route: REST's resource path, HTTP and WebSocket's route key.
    pub route: Option<usize>,
    pub caller: Option<usize>,
    pub request_time: Option<usize>,
    pub request_time_epoch: Option<usize>,
}

pub const REQUEST_ID: &str = "$context.requestId";
pub const EXTENDED_REQUEST_ID: &str = "$context.extendedRequestId";
pub const STATUS: &str = "$context.status";
pub const RESPONSE_LATENCY: &str = "$context.responseLatency";
pub const INTEGRATION_LATENCY: &[&str] = &["$context.integrationLatency", "$context.integration.latency"];
pub const INTEGRATION_REQUEST_ID: &[&str] =
    &["$context.integration.requestId", "$context.awsEndpointRequestId"];
pub const SOURCE_IP: &str = "$context.identity.sourceIp";

impl Roles {
    pub fn of(template: &Template) -> Roles {
        let at = |names: &[&str]| template.position(names);
        Roles {
            request_id: at(&[REQUEST_ID]),
            extended_request_id: at(&[EXTENDED_REQUEST_ID]),
            status: at(&[STATUS]),
            response_latency: at(&[RESPONSE_LATENCY]),
            integration_latency: at(INTEGRATION_LATENCY),
            integration_request_id: at(INTEGRATION_REQUEST_ID),
            method: at(&["$context.httpMethod", "$context.eventType"]),
            route: at(&["$context.resourcePath", "$context.routeKey", "$context.path"]),
            caller: at(&[SOURCE_IP, "$context.identity.caller", "$context.identity.user"]),
            request_time: at(&["$context.requestTime"]),
            request_time_epoch: at(&["$context.requestTimeEpoch"]),
        }
    }
}

/// A request's route as routes are named (`GET /pets/{id}`): REST's method and resource path,
/// HTTP's route key as it is (it starts with its method already), into `out` (cleared first).
pub fn route_into(out: &mut String, method: Option<&str>, route: &str) {
    out.clear();
    if let Some(method) = method.and_then(present)
        && !route.starts_with(method)
    {
        out.push_str(method);
        out.push(' ');
    }
    out.push_str(route);
}

/// The variable `summary` reads a request's total latency from, for `kind` (WebSocket APIs have
/// no `$context.responseLatency`: their integration's latency is the nearest figure).
pub fn latency_variables(kind: Option<ApiKind>) -> &'static [&'static str] {
    match kind {
        Some(ApiKind::Websocket) => INTEGRATION_LATENCY,
        _ => &[RESPONSE_LATENCY],
    }
}

/// A value as API Gateway logged it, `None` for its empty marker `-` (and for nothing).
pub fn present(value: &str) -> Option<&str> {
    (!value.is_empty() && value != "-").then_some(value)
}

/// `$context.requestTime` (`06/Dec/2026:10:00:00 +0000`) or `$context.requestTimeEpoch`
/// (milliseconds) as an instant.
pub fn request_time(clf: Option<&str>, epoch_millis: Option<&str>) -> Option<DateTime<Utc>> {
    if let Some(millis) = epoch_millis.and_then(present).and_then(|m| m.parse::<i64>().ok()) {
        return DateTime::from_timestamp_millis(millis);
    }
    let clf = clf.and_then(present)?;
    DateTime::parse_from_str(clf, "%d/%b/%Y:%H:%M:%S %z").ok().map(|t| t.with_timezone(&Utc))
}

/// A line exported from CloudWatch Logs to S3 starts with the event's time and a space; the
/// message after it is the line the format wrote.
pub fn strip_export_timestamp(line: &str) -> Option<&str> {
    let (time, rest) = line.split_once(' ')?;
    DateTime::parse_from_rfc3339(time).ok().map(|_| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<'a>(template: &Template, line: &'a str) -> Option<Vec<&'a str>> {
        let mut values = Vec::new();
        template.read(line, &mut values).then_some(values)
    }

    #[test]
    fn a_route_key_with_its_space_is_read_whole_in_the_http_clf_preset() {
        let template = Template::new(ApiKind::Http.preset("clf").unwrap().format).unwrap();
        let line =
            r#"198.51.100.7 - - [06/Dec/2026:10:00:00 +0000] "GET GET /pets/{id} HTTP/1.1" 200 12 abc="#;
        let values = read(&template, line).unwrap();
        let at = |name: &str| values[template.position(&[name]).unwrap()];
        assert_eq!(at("$context.routeKey"), "GET /pets/{id}");
        assert_eq!(at("$context.protocol"), "HTTP/1.1");
        assert_eq!(at("$context.requestTime"), "06/Dec/2026:10:00:00 +0000", "a time keeps its space");
        // A spaceless variable never takes a space: the line is not this format's.
        let status_with_space = r#"198.51.100.7 - - [t] "GET /x HTTP/1.1" 2 00 12 abc="#;
        assert!(read(&template, status_with_space).is_none());
    }

    #[test]
    fn every_preset_reads_back_the_values_it_wrote() {
        for kind in [ApiKind::Rest, ApiKind::Http, ApiKind::Websocket] {
            for preset in kind.presets() {
                let template = Template::new(preset.format).unwrap();
                // Render a line the way API Gateway does: each variable replaced by a value (with
                // no separator of CLF or CSV in it: there a value holding one is ambiguous).
                let values: Vec<String> =
                    (0..template.variables().len()).map(|i| format!("v{i}\"<odd>\"")).collect();
                let mut line = preset.format.to_string();
                for (var, value) in template.variables().iter().zip(&values) {
                    line = line.replacen(var.as_str(), value, 1);
                }
                let got =
                    read(&template, &line).unwrap_or_else(|| panic!("{kind:?} {}: {line}", preset.name));
                assert_eq!(got, values, "{kind:?} {}", preset.name);
            }
        }
    }

    #[test]
    fn clf_line_as_api_gateway_writes_it() {
        let template = Template::new(ApiKind::Rest.preset("clf").unwrap().format).unwrap();
        let line = r#"203.0.113.7 - - [06/Dec/2026:10:00:00 +0000] "GET /pets/{id} HTTP/1.1" 200 42 8f3a7c1e-1111-4e5f-9a0b-123456789abc"#;
        let values = read(&template, line).unwrap();
        let roles = Roles::of(&template);
        assert_eq!(values[roles.caller.unwrap()], "203.0.113.7");
        assert_eq!(values[roles.route.unwrap()], "/pets/{id}");
        assert_eq!(values[roles.status.unwrap()], "200");
        assert_eq!(values[roles.request_id.unwrap()], "8f3a7c1e-1111-4e5f-9a0b-123456789abc");
        let time = request_time(Some(values[roles.request_time.unwrap()]), None).unwrap();
        assert_eq!(time.to_rfc3339(), "2026-12-06T10:00:00+00:00");
        assert_eq!(roles.response_latency, None, "the preset has no latency");
    }

    #[test]
    fn values_with_quotes_and_commas_stay_whole_where_the_literals_tell() {
        let template =
            Template::new(r#"{"ua":"$context.identity.userAgent","status":"$context.status"}"#).unwrap();
        assert_eq!(read(&template, r#"{"ua":"x","y, z","status":"200"}"#).unwrap(), [r#"x","y, z"#, "200"]);
    }

    #[test]
    fn every_literal_must_be_there_in_order() {
        let template = Template::new("$context.a:$context.b;$context.c!").unwrap();
        assert_eq!(read(&template, "a:b;c!").unwrap(), ["a", "b", "c"]);
        assert!(read(&template, "a;b:c!").is_none(), "the literals out of order");
        assert!(read(&template, "a:b;c").is_none(), "no '!' at the end");
    }

    #[test]
    fn lines_another_format_wrote_do_not_match() {
        let template = Template::new(ApiKind::Rest.preset("json").unwrap().format).unwrap();
        assert!(read(&template, "START RequestId: x Version: $LATEST").is_none());
        assert!(read(&template, "").is_none());
        let clf = Template::new(ApiKind::Rest.preset("clf").unwrap().format).unwrap();
        assert!(read(&clf, r#"{ "requestId":"x" }"#).is_none());
    }

    #[test]
    fn a_hostile_line_stops_at_the_budget() {
        let template = Template::new("$context.a,$context.b,$context.c,$context.d,$context.e;").unwrap();
        let line = ",".repeat(5_000);
        assert!(read(&template, &line).is_none(), "no ';' at the end: every split fails, quickly");
    }

    #[test]
    fn trailing_newlines_and_crlf_are_not_part_of_the_last_value() {
        let template = Template::new("$context.requestId $context.status\n").unwrap();
        assert_eq!(read(&template, "abc 200\r\n").unwrap(), ["abc", "200"]);
    }

    #[test]
    fn json_keys_are_found_quoted_or_not() {
        let template = Template::new(r#"{ "requestId":"$context.requestId", "lat": $context.responseLatency, "a-b":"$context.status" }"#).unwrap();
        assert!(template.is_json());
        assert_eq!(template.json_key(0), Some("requestId"));
        assert_eq!(template.json_key(1), Some("lat"), "an unquoted number");
        assert_eq!(template.json_key(2), Some("a-b"));
        let clf = Template::new("$context.requestId").unwrap();
        assert_eq!(clf.json_key(0), None);
    }

    #[test]
    fn roles_take_the_alternatives() {
        let template = Template::new(
            "$context.requestId $context.integration.latency $context.awsEndpointRequestId $context.routeKey",
        )
        .unwrap();
        let roles = Roles::of(&template);
        assert_eq!(roles.integration_latency, Some(1));
        assert_eq!(roles.integration_request_id, Some(2));
        assert_eq!(roles.route, Some(3));
        assert_eq!(latency_variables(Some(ApiKind::Websocket)), INTEGRATION_LATENCY);
    }

    #[test]
    fn empty_markers_and_times() {
        assert_eq!(present("-"), None);
        assert_eq!(present(""), None);
        assert_eq!(present("0"), Some("0"));
        assert_eq!(request_time(None, Some("1796551815000")).unwrap().timestamp(), 1_796_551_815);
        assert_eq!(request_time(Some("-"), Some("-")), None);
        assert_eq!(strip_export_timestamp("2026-12-06T10:00:00.000Z abc 200"), Some("abc 200"));
        assert_eq!(strip_export_timestamp("abc 200"), None);
    }

    #[test]
    fn a_format_without_variables_is_refused() {
        assert!(Template::new("plain text").unwrap_err().contains("no $context variable"));
    }
}
