//! `summary --insights-query`: CloudWatch Logs Insights queries that compute `summary`'s figures
//! server-side, generated from the stage's access log format. JSON formats need no parsing
//! (Insights discovers their fields); every other format gets a `parse` clause that reads its
//! values back. The syntax follows the Insights documentation; the queries are not run in the
//! tests (the emulator ignores `parse` and `stats`).

use crate::access::{Roles, Template};
use serde::Serialize;

/// One query and what it computes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Query {
    pub figures: &'static str,
    pub query: String,
}

/// A field name as Insights reads it: letters, digits, `@` and `.` as they are, anything else
/// in backticks (a backtick inside is doubled).
fn field(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '@' || c == '.' || c == '_')
    {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "``"))
    }
}

/// The alias a variable's value gets in a `parse` clause: its last segment (`sourceIp`), made
/// unique with its position when two variables end alike.
fn alias(template: &Template, index: usize) -> String {
    let last = |i: usize| template.variables()[i].rsplit('.').next().unwrap_or("value").to_string();
    let name = last(index);
    let clashes = (0..template.variables().len()).filter(|&i| last(i) == name).count() > 1;
    if clashes { format!("{name}{index}") } else { name }
}

/// Regex metacharacters (and the `/` that ends an Insights regex) escaped.
fn regex_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The `parse` clause for a format Insights does not discover itself: a glob in whichever quote
/// the format's text does not use, else a regex with named groups.
fn parse_clause(template: &Template, format: &str) -> String {
    let format = format.strip_suffix('\n').unwrap_or(format);
    let aliases: Vec<String> = (0..template.variables().len()).map(|i| alias(template, i)).collect();
    let mut literals = Vec::new();
    let mut rest = format;
    for var in template.variables() {
        let at = rest.find(var.as_str()).expect("the template's variables are in its format, in order");
        literals.push(&rest[..at]);
        rest = &rest[at + var.len()..];
    }
    literals.push(rest);
    let text: String = literals.concat();
    let glob_safe = !text.contains('*');
    let quote =
        [('\'', "'"), ('"', "\"")].into_iter().find(|(c, _)| !text.contains(*c) && !text.contains('\\'));
    match quote {
        Some((_, q)) if glob_safe => {
            format!("parse @message {q}{}{q} as {}", literals.join("*"), aliases.join(", "))
        }
        _ => {
            let mut regex = String::from("^");
            for (index, literal) in literals.iter().enumerate() {
                regex.push_str(&regex_literal(literal));
                if let Some(name) = aliases.get(index) {
                    regex.push_str(&format!("(?<{name}>.*?)"));
                }
            }
            regex.push('$');
            format!("parse @message /{regex}/")
        }
    }
}

/// The queries for `format`.
pub fn queries(format: &str, latency_variables: &[&str]) -> Result<Vec<Query>, String> {
    let template = Template::new(format)?;
    let roles = Roles::of(&template);
    let json = template.is_json();
    // How each query names a variable's value: its JSON key, or the parse alias.
    let name = |index: Option<usize>| -> Option<String> {
        let index = index?;
        if json { template.json_key(index).map(field) } else { Some(field(&alias(&template, index))) }
    };
    let head = if json { String::new() } else { format!("{}\n| ", parse_clause(&template, format)) };
    let status = name(roles.status)
        .ok_or("the format has no $context.status; add it (apigw-logs stage set --access-log-format …)")?;
    let latency = name(template.position(latency_variables));
    let route = match (name(roles.method), name(roles.route)) {
        (Some(method), Some(route)) => Some(format!("{method}, {route}")),
        (None, route) => route,
        (method, None) => method,
    };
    let mut out = vec![Query {
        figures: "requests by status class",
        query: format!(
            "{head}filter ispresent({status})\n| parse {status} /(?<statusClass>\\d)\\d\\d/\n| stats count(*) as requests by statusClass\n| sort statusClass asc"
        ),
    }];
    if let Some(latency) = &latency {
        out.push(Query {
            figures: "latency percentiles (ms)",
            query: format!(
                "{head}filter ispresent({latency})\n| stats count(*) as requests, pct({latency}, 50) as p50, pct({latency}, 95) as p95, pct({latency}, 99) as p99, max({latency}) as max"
            ),
        });
    }
    if let Some(integration) = name(roles.integration_latency) {
        out.push(Query {
            figures: "integration latency percentiles (ms)",
            query: format!(
                "{head}filter ispresent({integration}) and {integration} != \"-\"\n| stats pct({integration}, 50) as p50, pct({integration}, 95) as p95, pct({integration}, 99) as p99, max({integration}) as max"
            ),
        });
    }
    if let Some(route) = &route {
        out.push(Query {
            figures: "routes with most errors",
            query: format!(
                "{head}filter {status} like /^[45]\\d\\d$/\n| stats count(*) as errors by {route}\n| sort errors desc\n| limit 10"
            ),
        });
        if let Some(latency) = &latency {
            out.push(Query {
                figures: "slowest routes (p95, ms)",
                query: format!(
                    "{head}filter ispresent({latency})\n| stats pct({latency}, 95) as p95, count(*) as requests by {route}\n| sort p95 desc\n| limit 10"
                ),
            });
        }
    }
    if let Some(caller) = name(roles.caller) {
        out.push(Query {
            figures: "top callers",
            query: format!("{head}stats count(*) as requests by {caller}\n| sort requests desc\n| limit 10"),
        });
    }
    Ok(out)
}

/// The queries as text: each after a `#` comment naming its figures (Insights reads `#` lines as
/// comments), separated by blank lines: run one at a time.
pub fn text(queries: &[Query]) -> String {
    queries.iter().map(|q| format!("# {}\n{}\n", q.figures, q.query)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiKind;

    const LATENCY: &[&str] = &["$context.responseLatency"];

    #[test]
    fn json_formats_use_their_keys_without_parsing() {
        let format = r#"{ "requestId":"$context.requestId", "status":"$context.status", "lat":"$context.responseLatency", "path":"$context.resourcePath", "ip":"$context.identity.sourceIp" }"#;
        let out = queries(format, LATENCY).unwrap();
        assert!(out.iter().all(|q| !q.query.contains("parse @message")));
        let latency = out.iter().find(|q| q.figures.starts_with("latency")).unwrap();
        assert!(latency.query.contains("pct(lat, 95) as p95"), "{}", latency.query);
        assert!(out.iter().any(|q| q.query.contains("by path")));
    }

    #[test]
    fn clf_gets_a_single_quoted_glob() {
        let format = ApiKind::Rest.preset("clf").unwrap().format;
        let out = queries(format, LATENCY).unwrap();
        let first = &out[0].query;
        assert!(
            first.starts_with(r#"parse @message '* * * [*] "* * *" * * *' as sourceIp, caller, user, requestTime, httpMethod, resourcePath, protocol, status, responseLength, requestId"#),
            "{first}"
        );
        assert!(!out.iter().any(|q| q.figures.starts_with("latency")), "the preset has no latency variable");
    }

    #[test]
    fn csv_and_xml_get_globs_too() {
        for name in ["csv", "xml"] {
            let out = queries(ApiKind::Http.preset(name).unwrap().format, LATENCY).unwrap();
            assert!(out[0].query.starts_with("parse @message '"), "{name}: {}", out[0].query);
        }
    }

    #[test]
    fn a_format_using_both_quotes_gets_a_regex_with_escapes() {
        let format = r#"'$context.requestId' "$context.status" /$context.resourcePath*"#;
        let out = queries(format, LATENCY).unwrap();
        assert!(
            out[0].query.starts_with(
                r#"parse @message /^'(?<requestId>.*?)' "(?<status>.*?)" \/(?<resourcePath>.*?)\*$/"#
            ),
            "{}",
            out[0].query
        );
    }

    #[test]
    fn clashing_aliases_are_numbered_and_odd_keys_backticked() {
        let format =
            r#"{"a-b":"$context.status","requestId":"$context.requestId","x":"$context.authorizer.status"}"#;
        let out = queries(format, LATENCY).unwrap();
        assert!(out[0].query.contains("ispresent(`a-b`)"), "{}", out[0].query);
        let clf = queries("$context.requestId $context.status $context.authorizer.status", LATENCY).unwrap();
        assert!(clf[0].query.contains("as requestId, status1, status2"), "{}", clf[0].query);
    }

    #[test]
    fn a_format_without_status_is_refused_naming_it() {
        assert!(queries("$context.requestId", LATENCY).unwrap_err().contains("$context.status"));
    }

    #[test]
    fn text_separates_queries_with_comments() {
        let out = queries(ApiKind::Rest.preset("json").unwrap().format, LATENCY).unwrap();
        let text = text(&out);
        assert!(text.starts_with("# requests by status class\n"));
        assert_eq!(text.matches("\n# ").count(), out.len() - 1);
    }
}
