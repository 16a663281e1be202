//! `summary`: generated access logs in every preset and a custom format, from a file and from a
//! stage's log group; the figures equal those computed here from the same generated data. The
//! Insights queries; bad input.

use crate::harness::*;
use apigw_logs::api::ApiKind;
use std::collections::BTreeMap;

/// A custom format with both latencies, in a key order of its own.
const CUSTOM: &str = "$context.requestId|$context.identity.sourceIp|$context.httpMethod $context.resourcePath|$context.status|$context.responseLatency ms|$context.integrationLatency ms";

/// One generated request's values, by variable.
fn values(i: usize) -> BTreeMap<&'static str, String> {
    let status = [200, 200, 201, 204, 301, 400, 404, 500, 502, 200, 200][i % 11];
    let mut v = BTreeMap::new();
    v.insert("$context.requestId", format!("{i:08}-0000-4000-8000-000000000000"));
    v.insert("$context.identity.sourceIp", format!("198.51.100.{}", (i * 7) % 23));
    v.insert("$context.identity.caller", "-".into());
    v.insert("$context.identity.user", "-".into());
    v.insert("$context.requestTime", format!("06/Dec/2026:10:{:02}:{:02} +0000", (i / 60) % 60, i % 60));
    v.insert("$context.httpMethod", ["GET", "POST"][i % 2].into());
    v.insert("$context.resourcePath", ["/pets", "/pets/{id}", "/orders"][i % 3].into());
    v.insert("$context.status", status.to_string());
    v.insert("$context.protocol", "HTTP/1.1".into());
    v.insert("$context.responseLength", (i % 900).to_string());
    v.insert("$context.responseLatency", ((i * 7919) % 1_700).to_string());
    v.insert("$context.integrationLatency", ((i * 104_729) % 1_500).to_string());
    // HTTP names a request by its route key; WebSocket by its event type and route key.
    v.insert("$context.routeKey", format!("{} {}", v["$context.httpMethod"], v["$context.resourcePath"]));
    v.insert("$context.eventType", ["MESSAGE", "CONNECT"][i % 2].into());
    v.insert("$context.connectionId", format!("c{}", i % 5));
    v
}

/// The route `summary` names a request by, for each API type's presets.
fn route(kind: ApiKind, v: &BTreeMap<&'static str, String>) -> String {
    match kind {
        ApiKind::Websocket => format!("{} {}", v["$context.eventType"], v["$context.routeKey"]),
        _ => format!("{} {}", v["$context.httpMethod"], v["$context.resourcePath"]),
    }
}

/// The line API Gateway writes for `values` in `format`: each variable replaced by its value.
fn render(format: &str, values: &BTreeMap<&'static str, String>) -> String {
    // Longest names first, so that no name is replaced inside a longer one.
    let mut names: Vec<&&str> = values.keys().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut line = format.to_string();
    for name in names {
        line = line.replace(*name, &values[*name]);
    }
    line
}

fn nearest_rank(values: &[u64], q: f64) -> u64 {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted[((q * sorted.len() as f64).ceil() as usize).max(1) - 1]
}

/// The figures computed here from the generated values.
struct Expected {
    requests: u64,
    classes: [u64; 4],
    callers: Vec<(String, u64)>,
    errors: BTreeMap<String, (u64, u64)>,
    latency: Vec<u64>,
    integration: Vec<u64>,
}

fn expected(n: usize, kind: ApiKind) -> Expected {
    let mut e = Expected {
        requests: n as u64,
        classes: [0; 4],
        callers: Vec::new(),
        errors: BTreeMap::new(),
        latency: Vec::new(),
        integration: Vec::new(),
    };
    let mut callers: BTreeMap<String, u64> = BTreeMap::new();
    for i in 0..n {
        let v = values(i);
        let status: u64 = v["$context.status"].parse().unwrap();
        e.classes[(status / 100 - 2) as usize] += 1;
        *callers.entry(v["$context.identity.sourceIp"].clone()).or_default() += 1;
        let entry = e.errors.entry(route(kind, &v)).or_default();
        entry.0 += u64::from(status / 100 == 4);
        entry.1 += u64::from(status / 100 == 5);
        e.latency.push(v["$context.responseLatency"].parse().unwrap());
        e.integration.push(v["$context.integrationLatency"].parse().unwrap());
    }
    e.callers = callers.into_iter().collect();
    e.callers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    e.callers.truncate(10);
    e
}

fn check(figures: &serde_json::Value, e: &Expected, with_routes: bool, with_latency: bool, label: &str) {
    assert_eq!(figures["requests"], e.requests, "{label}");
    assert_eq!(figures["unparsed"], 0, "{label}");
    let status = &figures["status"];
    assert_eq!(
        [&status["2xx"], &status["3xx"], &status["4xx"], &status["5xx"]].map(|v| v.as_u64().unwrap()),
        e.classes,
        "{label}"
    );
    let callers: Vec<(String, u64)> = figures["top_callers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["caller"].as_str().unwrap().to_string(), c["requests"].as_u64().unwrap()))
        .collect();
    assert_eq!(callers, e.callers, "{label}");
    if with_routes {
        for row in figures["most_errors"].as_array().unwrap() {
            let route = row["route"].as_str().unwrap();
            let (client, server) = *e.errors.get(route).unwrap_or_else(|| panic!("{label}: {route}"));
            assert_eq!(
                (row["4xx"].as_u64().unwrap(), row["5xx"].as_u64().unwrap()),
                (client, server),
                "{label}"
            );
        }
        let with_errors = e.errors.values().filter(|(c, s)| c + s > 0).count();
        assert_eq!(figures["most_errors"].as_array().unwrap().len(), with_errors.min(10), "{label}");
    }
    if with_latency {
        for (key, values) in [("latency_ms", &e.latency), ("integration_latency_ms", &e.integration)] {
            let got = &figures[key];
            for (q, name) in [(0.5, "p50"), (0.95, "p95"), (0.99, "p99")] {
                assert_eq!(got[name], nearest_rank(values, q), "{label} {key} {name}");
            }
            assert_eq!(got["max"], *values.iter().max().unwrap(), "{label} {key}");
        }
    } else {
        assert!(figures["latency_ms"].is_null(), "{label}");
        let variable = figures["latency_variable"].as_str().unwrap();
        assert!(figures["missing"].to_string().contains(variable), "{label}");
    }
}

#[test]
fn file_figures_equal_an_independent_count_in_every_preset_and_a_custom_format() {
    let acct = Account::new();
    let n = 2_000;
    for kind in [ApiKind::Rest, ApiKind::Http, ApiKind::Websocket] {
        let e = expected(n, kind);
        let mut formats: Vec<(&str, String)> =
            kind.presets().iter().map(|p| (p.name, p.format.to_string())).collect();
        if kind == ApiKind::Rest {
            formats.push(("custom", CUSTOM.to_string()));
        }
        for (name, format) in &formats {
            let label = format!("{kind:?} {name}");
            let text: String = (0..n).map(|i| render(format, &values(i)) + "\n").collect();
            let file = temp_file(&acct, &format!("{kind:?}-{name}.log"), text.as_bytes());
            let given = if *name == "custom" { format.as_str() } else { name };
            let api_type = format!("{kind:?}").to_lowercase();
            let report =
                acct.json(&["summary", "--file", &file, "--format", given, "--api-type", &api_type], 0);
            assert_eq!(report["format"], format.as_str(), "{label}");
            check(&report["figures"], &e, true, *name == "custom", &label);
        }
    }
    let e = expected(n, ApiKind::Rest);
    // Lines exported from CloudWatch Logs to S3 carry the event's time first.
    let exported: String =
        (0..n).map(|i| format!("2026-12-06T10:00:00.000Z {}\n", render(CUSTOM, &values(i)))).collect();
    let file = temp_file(&acct, "export.log", exported.as_bytes());
    check(
        &acct.json(&["summary", "--file", &file, "--format", CUSTOM], 0)["figures"],
        &e,
        true,
        true,
        "export",
    );
}

#[test]
fn a_stage_window_from_its_log_group_and_its_insights_queries() {
    let acct = Account::new();
    let api = acct.create_api("metrics", "prod", &[]);
    acct.json(&["enable", "--api", "metrics", "--stage", "prod", "--access-log-format", CUSTOM, "--yes"], 0);
    let n = 300;
    let now = now_millis();
    let events: Vec<(i64, String)> =
        (0..n).map(|i| (now - 600_000 + i as i64 * 100, render(CUSTOM, &values(i)))).collect();
    acct.put_events(&format!("API-Gateway-Access-Logs_{api}/prod"), "s", &events);
    // One line older than the window.
    acct.put_events(
        &format!("API-Gateway-Access-Logs_{api}/prod"),
        "old",
        &[(now - 7_200_000, render(CUSTOM, &values(0)))],
    );
    let report = acct.json(&["summary", "--api", "metrics", "--stage", "prod"], 0);
    check(&report["figures"], &expected(n, ApiKind::Rest), true, true, "log group");
    assert_eq!(report["source"]["log_group"]["name"], format!("API-Gateway-Access-Logs_{api}/prod"));

    let (code, text, stderr) =
        acct.run(&["summary", "--api", "metrics", "--stage", "prod", "--insights-query"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(text.starts_with("# requests by status class\nparse @message '*|*|* *|*|* ms|* ms' as requestId, sourceIp, httpMethod, resourcePath, status, responseLatency, integrationLatency\n"), "{text}");
    assert!(text.contains("pct(responseLatency, 95) as p95"), "{text}");
    let json = acct.json(&["summary", "--format", "json", "--insights-query"], 0);
    assert!(json["queries"][0]["query"].as_str().unwrap().starts_with("filter ispresent(status)"), "{json}");
}

#[test]
fn bad_input_is_exit_2_naming_it() {
    let acct = Account::new();
    let dir = acct.home.path();
    let not_a_log = temp_file(&acct, "notes.txt", b"shopping list\neggs\nmilk\n");
    let empty = temp_file(&acct, "empty.log", b"");
    let gzip = temp_file(&acct, "x.gz", &[0x1f, 0x8b, 8, 0, 0, 0]);
    let binary = temp_file(&acct, "x.bin", b"abc\0def\n");
    let huge = dir.join("huge.log");
    std::fs::File::create(&huge).unwrap().set_len(17 << 30).unwrap(); // sparse: no disk used
    let huge = huge.to_str().unwrap().to_string();
    for (args, says) in [
        (vec!["summary"], "say what to summarise"),
        (vec!["summary", "--file", &not_a_log, "--format", "clf"], "none of the first 3 line(s)"),
        (vec!["summary", "--file", &empty, "--format", "clf"], "is empty"),
        (vec!["summary", "--file", &gzip, "--format", "clf"], "gzip-compressed"),
        (vec!["summary", "--file", &binary, "--format", "clf"], "is binary"),
        (vec!["summary", "--file", &huge, "--format", "clf"], "more than the 16 GiB"),
        (vec!["summary", "--file", &not_a_log], "--format"),
        (
            vec!["summary", "--file", &not_a_log, "--format", "no variables here"],
            "--format: the format has no $context variable",
        ),
        (vec!["summary", "--api", "x", "--stage", "y", "--since", "2099-01-01T00:00:00Z"], "in the future"),
    ] {
        let (code, stdout, stderr) = acct.run(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}");
    }
    // Beyond what the stage's group keeps (30 days, as enable sets it).
    acct.create_api("kept", "prod", &[]);
    acct.json(&["enable", "--api", "kept", "--stage", "prod", "--yes"], 0);
    let (code, _, stderr) = acct.run(&["summary", "--api", "kept", "--stage", "prod", "--since", "60d"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("keeps its events"), "{stderr}");
}
