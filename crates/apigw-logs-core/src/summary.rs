//! `summary`: the figures of a window of access log lines, accumulated one line at a time in
//! bounded memory (latencies in HDR histograms, routes capped, callers in a pruned counter).

use crate::access::{Roles, Template, present, request_time};
use crate::escape::terminal;
use chrono::{DateTime, Utc};
use hdrhistogram::Histogram;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Latencies above an hour are recorded as an hour (API Gateway times out long before).
const MAX_LATENCY_MS: u64 = 3_600_000;
/// Distinct routes followed one by one; requests to routes beyond are counted together. An API's
/// routes are its resource paths or route keys, so only a format logging raw paths reaches this.
pub const MAX_ROUTES: usize = 1_000;
/// Callers counted exactly until this many are distinct; then the counter keeps the most
/// frequent and remembers how much a dropped caller could have had (see [`Counter`]).
const CALLER_CAPACITY: usize = 5_000;
/// Rows in each ranked list.
pub const TOP: usize = 10;

/// Counts of the most frequent keys in a stream of unknown size in bounded memory: exact until
/// `2 × capacity` keys are distinct; then the `capacity` most frequent are kept and the largest
/// count dropped becomes the error bound of every count (a key seen again after being dropped
/// restarts, so its count is low by at most that bound). Written here because the crate that
/// implements Space-Saving (`topk`) depends on an LGPL/MPL crate, which deny.toml refuses.
#[derive(Debug, Default)]
struct Counter {
    counts: HashMap<String, u64>,
    capacity: usize,
    error_bound: u64,
}

impl Counter {
    fn new(capacity: usize) -> Counter {
        Counter { counts: HashMap::new(), capacity, error_bound: 0 }
    }

    fn add(&mut self, key: &str) {
        if let Some(count) = self.counts.get_mut(key) {
            *count += 1;
            return;
        }
        if self.counts.len() >= 2 * self.capacity {
            let mut sorted: Vec<u64> = self.counts.values().copied().collect();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            let floor = sorted[self.capacity];
            // Keep the `capacity` largest (ties at the floor go too, so the bound holds for them).
            self.counts.retain(|_, count| *count > floor);
            self.error_bound = self.error_bound.max(floor);
        }
        self.counts.insert(key.to_string(), 1);
    }

    fn top(&self, n: usize) -> Vec<(&str, u64)> {
        let mut rows: Vec<(&str, u64)> = self.counts.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        rows.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        rows.truncate(n);
        rows
    }
}

fn histogram() -> Histogram<u64> {
    Histogram::new_with_max(MAX_LATENCY_MS, 3).expect("valid histogram bounds")
}

/// Per-route latencies: two significant digits are enough to rank routes and keep a thousand
/// of them small.
fn route_histogram() -> Histogram<u32> {
    Histogram::new_with_max(MAX_LATENCY_MS, 2).expect("valid histogram bounds")
}

#[derive(Debug)]
struct Route {
    requests: u64,
    client_errors: u64,
    server_errors: u64,
    latency: Histogram<u32>,
}

impl Default for Route {
    fn default() -> Route {
        Route { requests: 0, client_errors: 0, server_errors: 0, latency: route_histogram() }
    }
}

/// Reads one window of access log lines.
pub struct Summary {
    template: Template,
    roles: Roles,
    /// Which variable the request latency comes from (`$context.responseLatency`, or for
    /// WebSocket APIs the integration's).
    latency_role: Option<usize>,
    latency_variable: &'static str,
    lines: u64,
    unparsed: u64,
    first_unparsed: Option<u64>,
    statuses: [u64; 6],
    latency: Histogram<u64>,
    integration_latency: Histogram<u64>,
    routes: HashMap<String, Route>,
    other_routes: Route,
    callers: Counter,
    first: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
    route_key: String,
}

fn latency_ms(value: &str) -> Option<u64> {
    let value = present(value)?;
    value.parse::<u64>().ok().or_else(|| {
        let float: f64 = value.parse().ok()?;
        (float.is_finite() && float >= 0.0).then(|| float.round() as u64)
    })
}

impl Summary {
    /// `latency_variables`: the variables to read a request's latency from, first found wins
    /// ([`crate::access::latency_variables`]).
    pub fn new(template: Template, latency_variables: &'static [&'static str]) -> Summary {
        let roles = Roles::of(&template);
        let latency_role = template.position(latency_variables);
        let latency_variable = latency_role
            .and_then(|i| latency_variables.iter().find(|v| template.variables()[i] == **v))
            .copied()
            .unwrap_or(latency_variables[0]);
        Summary {
            template,
            roles,
            latency_role,
            latency_variable,
            lines: 0,
            unparsed: 0,
            first_unparsed: None,
            statuses: [0; 6],
            latency: histogram(),
            integration_latency: histogram(),
            routes: HashMap::new(),
            other_routes: Route::default(),
            callers: Counter::new(CALLER_CAPACITY),
            first: None,
            last: None,
            route_key: String::new(),
        }
    }

    /// Lines read so far, and how many of them the format did not match.
    pub fn lines(&self) -> (u64, u64) {
        (self.lines, self.unparsed)
    }

    /// Takes in one line (its trailing newline, if any, is ignored); returns whether the format
    /// matched it. A line exported from CloudWatch Logs (`TIME message`) is read by its message.
    pub fn add(&mut self, line: &str) -> bool {
        self.lines += 1;
        let mut values = Vec::with_capacity(self.template.variables().len());
        // An exported line is tried as one first: no format's own line starts with an RFC 3339
        // time and a space ($context.requestTime is CLF, the epoch is digits alone).
        let exported = crate::access::strip_export_timestamp(line);
        let matched = exported.is_some_and(|message| self.template.read(message, &mut values))
            || self.template.read(line, &mut values);
        if matched {
            self.count(&values);
        } else {
            self.unparsed += 1;
            self.first_unparsed.get_or_insert(self.lines);
        }
        matched
    }

    fn count(&mut self, values: &[&str]) {
        let value = |role: Option<usize>| role.map(|i| values[i]);
        let status = value(self.roles.status).and_then(present).and_then(|s| s.parse::<u16>().ok());
        let class = match status {
            Some(s @ 100..=599) => usize::from(s / 100) - 1,
            _ => 5,
        };
        self.statuses[class] += 1;
        let latency = value(self.latency_role).and_then(latency_ms);
        if let Some(ms) = latency {
            self.latency.saturating_record(ms);
        }
        if let Some(ms) = value(self.roles.integration_latency).and_then(latency_ms) {
            self.integration_latency.saturating_record(ms);
        }
        if let Some(route) = value(self.roles.route).and_then(present) {
            crate::access::route_into(&mut self.route_key, value(self.roles.method), route);
            let known = self.routes.contains_key(self.route_key.as_str());
            let entry = if known || self.routes.len() < MAX_ROUTES {
                self.routes.entry(self.route_key.clone()).or_default()
            } else {
                &mut self.other_routes
            };
            entry.requests += 1;
            entry.client_errors += u64::from(class == 3);
            entry.server_errors += u64::from(class == 4);
            if let Some(ms) = latency {
                entry.latency.saturating_record(ms.min(MAX_LATENCY_MS));
            }
        }
        if let Some(caller) = value(self.roles.caller).and_then(present) {
            self.callers.add(caller);
        }
        if let Some(at) = request_time(value(self.roles.request_time), value(self.roles.request_time_epoch)) {
            self.first = Some(self.first.map_or(at, |f| f.min(at)));
            self.last = Some(self.last.map_or(at, |l| l.max(at)));
        }
    }

    /// The figures so far.
    pub fn figures(&self) -> Figures {
        let parsed = self.lines - self.unparsed;
        let quantiles = |h: &Histogram<u64>| {
            (!h.is_empty()).then(|| Latency {
                count: h.len(),
                p50: h.value_at_quantile(0.50),
                p95: h.value_at_quantile(0.95),
                p99: h.value_at_quantile(0.99),
                max: h.max(),
            })
        };
        let route_rows = || self.routes.iter().map(|(name, r)| (name.as_str(), r));
        let mut most_errors: Vec<RouteErrors> = route_rows()
            .filter(|(_, r)| r.client_errors + r.server_errors > 0)
            .map(|(route, r)| RouteErrors {
                route: route.to_string(),
                requests: r.requests,
                client_errors: r.client_errors,
                server_errors: r.server_errors,
            })
            .collect();
        most_errors.sort_by(|a, b| {
            (b.server_errors, b.client_errors)
                .cmp(&(a.server_errors, a.client_errors))
                .then(a.route.cmp(&b.route))
        });
        most_errors.truncate(TOP);
        let mut slowest: Vec<RouteLatency> = route_rows()
            .filter(|(_, r)| !r.latency.is_empty())
            .map(|(route, r)| RouteLatency {
                route: route.to_string(),
                requests: r.requests,
                p95: r.latency.value_at_quantile(0.95),
                max: r.latency.max(),
            })
            .collect();
        slowest.sort_by(|a, b| b.p95.cmp(&a.p95).then(b.max.cmp(&a.max)).then(a.route.cmp(&b.route)));
        slowest.truncate(TOP);
        let missing = [
            (self.roles.status.is_none(), "$context.status"),
            (self.latency_role.is_none(), self.latency_variable),
            (self.roles.integration_latency.is_none(), "$context.integrationLatency"),
            (self.roles.route.is_none(), "$context.resourcePath or $context.routeKey"),
            (self.roles.caller.is_none(), "$context.identity.sourceIp"),
        ]
        .into_iter()
        .filter(|(absent, _)| *absent)
        .map(|(_, name)| name.to_string())
        .collect();
        Figures {
            lines: self.lines,
            requests: parsed,
            unparsed: self.unparsed,
            first_unparsed_line: self.first_unparsed,
            first_request: self.first,
            last_request: self.last,
            status: StatusClasses {
                informational: self.statuses[0],
                success: self.statuses[1],
                redirect: self.statuses[2],
                client_error: self.statuses[3],
                server_error: self.statuses[4],
                unknown: self.statuses[5],
            },
            latency_variable: self.latency_variable,
            latency_ms: quantiles(&self.latency),
            integration_latency_ms: quantiles(&self.integration_latency),
            most_errors,
            slowest,
            other_routes: (self.other_routes.requests > 0).then_some(self.other_routes.requests),
            top_callers: self
                .callers
                .top(TOP)
                .into_iter()
                .map(|(caller, requests)| Caller { caller: caller.to_string(), requests })
                .collect(),
            callers_error_bound: self.callers.error_bound,
            missing,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Latency {
    pub count: u64,
    pub p50: u64,
    pub p95: u64,
    pub p99: u64,
    pub max: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusClasses {
    #[serde(rename = "1xx")]
    pub informational: u64,
    #[serde(rename = "2xx")]
    pub success: u64,
    #[serde(rename = "3xx")]
    pub redirect: u64,
    #[serde(rename = "4xx")]
    pub client_error: u64,
    #[serde(rename = "5xx")]
    pub server_error: u64,
    /// No status, or not a number from 100 to 599.
    pub unknown: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RouteErrors {
    pub route: String,
    pub requests: u64,
    #[serde(rename = "4xx")]
    pub client_errors: u64,
    #[serde(rename = "5xx")]
    pub server_errors: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RouteLatency {
    pub route: String,
    pub requests: u64,
    pub p95: u64,
    pub max: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Caller {
    pub caller: String,
    pub requests: u64,
}

/// What `summary` reports (also its JSON document's `figures`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub lines: u64,
    /// Lines the format matched.
    pub requests: u64,
    pub unparsed: u64,
    pub first_unparsed_line: Option<u64>,
    pub first_request: Option<DateTime<Utc>>,
    pub last_request: Option<DateTime<Utc>>,
    pub status: StatusClasses,
    pub latency_variable: &'static str,
    /// HDR histogram quantiles (3 significant digits: exact below 2,048 ms).
    pub latency_ms: Option<Latency>,
    pub integration_latency_ms: Option<Latency>,
    pub most_errors: Vec<RouteErrors>,
    /// By p95 (2 significant digits).
    pub slowest: Vec<RouteLatency>,
    /// Requests to routes beyond the first [`MAX_ROUTES`], counted together.
    pub other_routes: Option<u64>,
    pub top_callers: Vec<Caller>,
    /// 0 when caller counts are exact; otherwise each may be low by at most this much.
    pub callers_error_bound: u64,
    /// Variables the format lacks, so their figures are missing.
    pub missing: Vec<String>,
}

impl Figures {
    /// The human report (every value from the logs escaped for the terminal).
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "requests: {} ({} line(s) not in the format)", self.requests, self.unparsed);
        if let (Some(first), Some(last)) = (self.first_request, self.last_request) {
            let _ = writeln!(
                out,
                "from {} to {}",
                first.format("%Y-%m-%dT%H:%M:%SZ"),
                last.format("%Y-%m-%dT%H:%M:%SZ")
            );
        }
        let s = &self.status;
        let _ = writeln!(
            out,
            "status: 2xx {}  3xx {}  4xx {}  5xx {}  other {}",
            s.success,
            s.redirect,
            s.client_error,
            s.server_error,
            s.informational + s.unknown
        );
        let latency = |out: &mut String, name: &str, l: &Option<Latency>| {
            if let Some(l) = l {
                let _ = writeln!(
                    out,
                    "{name}: p50 {} ms  p95 {} ms  p99 {} ms  max {} ms",
                    l.p50, l.p95, l.p99, l.max
                );
            }
        };
        latency(&mut out, &format!("latency ({})", self.latency_variable), &self.latency_ms);
        latency(&mut out, "integration latency", &self.integration_latency_ms);
        if !self.most_errors.is_empty() {
            out.push_str("most errors:\n");
            for r in &self.most_errors {
                let _ = writeln!(
                    out,
                    "  {:>7} 5xx {:>7} 4xx of {:>8}  {}",
                    r.server_errors,
                    r.client_errors,
                    r.requests,
                    terminal(&r.route)
                );
            }
        }
        if !self.slowest.is_empty() {
            out.push_str("slowest (p95):\n");
            for r in &self.slowest {
                let _ = writeln!(
                    out,
                    "  {:>7} ms (max {:>7} ms) of {:>8}  {}",
                    r.p95,
                    r.max,
                    r.requests,
                    terminal(&r.route)
                );
            }
        }
        if let Some(other) = self.other_routes {
            let _ =
                writeln!(out, "  ({other} request(s) to routes beyond the first {MAX_ROUTES}, not ranked)");
        }
        if !self.top_callers.is_empty() {
            let bound = match self.callers_error_bound {
                0 => String::new(),
                b => format!(" (each may be low by up to {b})"),
            };
            let _ = writeln!(out, "top callers{bound}:");
            for c in &self.top_callers {
                let _ = writeln!(out, "  {:>8}  {}", c.requests, terminal(&c.caller));
            }
        }
        if !self.missing.is_empty() {
            let _ = writeln!(out, "not in the format, so not counted: {}", self.missing.join(", "));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiKind;

    fn summary(format: &str) -> Summary {
        Summary::new(Template::new(format).unwrap(), crate::access::latency_variables(Some(ApiKind::Rest)))
    }

    /// The nearest-rank percentile (the smallest value at least `q` of the values are at or
    /// below), computed from all values: what the histogram must agree with below 2,048 ms.
    fn nearest_rank(values: &[u64], q: f64) -> u64 {
        let mut sorted = values.to_vec();
        sorted.sort_unstable();
        let rank = ((q * sorted.len() as f64).ceil() as usize).max(1);
        sorted[rank - 1]
    }

    #[test]
    fn figures_equal_a_direct_count() {
        let format = r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","method":"$context.httpMethod","path":"$context.resourcePath","status":"$context.status","latency":"$context.responseLatency","integrationLatency":"$context.integrationLatency"}"#;
        let mut s = summary(format);
        let mut latencies = Vec::new();
        let mut server_errors_on_b = 0;
        let mut classes = [0u64; 6];
        for i in 0..1_000u64 {
            let status = [200, 200, 201, 404, 500, 302][(i % 6) as usize];
            let path = ["/a", "/b", "/c/{id}"][(i % 3) as usize];
            let latency = (i * 7919) % 1_500;
            latencies.push(latency);
            server_errors_on_b += u64::from(path == "/b" && status == 500);
            classes[status as usize / 100 - 1] += 1;
            let ip = format!("10.0.0.{}", i % 13);
            let line = format!(
                r#"{{"requestId":"r{i}","ip":"{ip}","method":"GET","path":"{path}","status":"{status}","latency":"{latency}","integrationLatency":"-"}}"#
            );
            assert!(s.add(&line));
        }
        assert!(!s.add("not an access log line"));
        let f = s.figures();
        assert_eq!((f.lines, f.requests, f.unparsed, f.first_unparsed_line), (1_001, 1_000, 1, Some(1_001)));
        let s = &f.status;
        assert_eq!([s.success, s.redirect, s.client_error, s.server_error], classes[1..5]);
        let l = f.latency_ms.unwrap();
        assert_eq!(l.count, 1_000);
        for (q, got) in [(0.5, l.p50), (0.95, l.p95), (0.99, l.p99)] {
            assert_eq!(got, nearest_rank(&latencies, q), "p{q}");
        }
        assert_eq!(l.max, *latencies.iter().max().unwrap());
        assert_eq!(f.integration_latency_ms, None, "every value was '-'");
        let b = f.most_errors.iter().find(|r| r.route == "GET /b").unwrap();
        assert_eq!(b.server_errors, server_errors_on_b);
        assert_eq!(f.top_callers.len(), 10);
        assert_eq!(f.top_callers[0], Caller { caller: "10.0.0.0".into(), requests: 77 });
        assert_eq!(f.callers_error_bound, 0);
        assert!(f.missing.is_empty(), "{:?}", f.missing);
    }

    #[test]
    fn missing_variables_are_named() {
        let f = summary(ApiKind::Rest.preset("clf").unwrap().format).figures();
        assert!(f.missing.contains(&"$context.responseLatency".to_string()), "{:?}", f.missing);
        assert!(f.latency_ms.is_none());
    }

    #[test]
    fn exported_lines_are_read_by_their_message() {
        let mut s = summary("$context.requestId $context.status");
        assert!(s.add("2026-12-06T10:00:00.000Z abc 200"));
        assert_eq!(s.figures().status.success, 1);
    }

    #[test]
    fn routes_beyond_the_cap_are_counted_together() {
        let mut s = summary("$context.requestId $context.resourcePath $context.status");
        for i in 0..(MAX_ROUTES + 5) {
            s.add(&format!("r /p{i} 500"));
        }
        let f = s.figures();
        assert_eq!(f.other_routes, Some(5));
        assert_eq!(f.most_errors.len(), TOP);
    }

    #[test]
    fn the_counter_is_exact_until_full_then_bounds_its_error() {
        let mut c = Counter::new(4);
        for key in ["a", "a", "a", "b", "b", "c"] {
            c.add(key);
        }
        assert_eq!(c.top(2), [("a", 3), ("b", 2)]);
        assert_eq!(c.error_bound, 0);
        for i in 0..100 {
            c.add(&format!("x{i}"));
        }
        assert!(c.counts.len() <= 8, "bounded: {}", c.counts.len());
        assert_eq!(c.top(1), [("a", 3)], "the frequent key survives the pruning");
        assert_eq!(c.error_bound, 1);
    }

    #[test]
    fn hostile_values_are_escaped_in_the_report() {
        let mut s = summary("$context.requestId $context.identity.sourceIp $context.status");
        s.add("r \u{1b}[2Jevil 200");
        let text = s.figures().text();
        assert!(!text.contains('\u{1b}'), "{text}");
    }
}
