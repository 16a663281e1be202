//! `tail`: pure pieces — `--since` parsing, `--where` filter patterns, de-duplication across
//! polls, and how an event is printed. The polling loop lives in `commands/tail.rs`.

use anstyle::{AnsiColor, Style};
use chrono::{DateTime, Local, TimeZone, Utc};
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

/// Where reading starts: a duration before now, or an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    Ago(Duration),
    At(DateTime<Utc>),
}

impl Since {
    /// Milliseconds since the epoch, as CloudWatch Logs takes them.
    pub fn start_millis(self, now: DateTime<Utc>) -> i64 {
        match self {
            Since::Ago(ago) => now.timestamp_millis() - i64::try_from(ago.as_millis()).unwrap_or(i64::MAX),
            Since::At(at) => at.timestamp_millis(),
        }
    }
}

/// clap value parser for `--since`: `30s`, `10m`, `1h`, `2d`, or RFC 3339 (`2026-11-25T10:00:00Z`).
pub fn parse_since(text: &str) -> Result<Since, String> {
    let help = "use a duration like 30s, 10m, 1h, 2d, or a time like 2026-11-25T10:00:00Z";
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        let at = at.with_timezone(&Utc);
        if at > Utc::now() {
            return Err(format!(
                "'{text}' is in the future; logs can only be read from a time that has passed"
            ));
        }
        return Ok(Since::At(at));
    }
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let amount: u64 = digits.parse().map_err(|_| format!("'{text}' is not a duration or a time; {help}"))?;
    let seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(format!("'{text}' has no known unit; {help}")),
    };
    if amount == 0 {
        return Err(format!("'{text}' is zero; {help}"));
    }
    amount
        .checked_mul(seconds)
        .map(|s| Since::Ago(Duration::from_secs(s)))
        .ok_or(format!("'{text}' is too long ago"))
}

/// clap value parser for `--where FIELD=VALUE`.
pub fn parse_where(text: &str) -> Result<(String, String), String> {
    let (field, value) =
        text.split_once('=').ok_or_else(|| format!("'{text}' is not FIELD=VALUE, e.g. status=500"))?;
    let valid_field = !field.is_empty()
        && field
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    if !valid_field {
        return Err(format!("'{field}' is not a JSON field name (letters, digits, _ and . between names)"));
    }
    if value.is_empty() {
        return Err(format!(
            "the value of '{field}' is empty; API Gateway logs a missing value as '-': use {field}=- to match it, or {field}=* for any value"
        ));
    }
    if value.contains('"') || value.contains('\\') {
        return Err(format!("the value of '{field}' may not contain quotes or backslashes"));
    }
    Ok((field.to_string(), value.to_string()))
}

/// A CloudWatch Logs JSON filter pattern matching every `--where` pair (string comparison, since
/// the format presets log every value as a string; `*` is a wildcard).
pub fn where_pattern(pairs: &[(String, String)]) -> Option<String> {
    if pairs.is_empty() {
        return None;
    }
    let terms: Vec<String> =
        pairs.iter().map(|(field, value)| format!("($.{field} = \"{value}\")")).collect();
    Some(format!("{{ {} }}", terms.join(" && ")))
}

/// One log event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub timestamp_millis: i64,
    pub message: String,
}

/// Remembers the events already printed near the read position, so overlapping polls print each
/// event once. Polls restart `OVERLAP` before the newest event seen, to catch events that were
/// ingested late with an earlier timestamp.
#[derive(Debug)]
pub struct Seen {
    since_millis: i64,
    /// Printed events still inside the overlap window, by id, with their timestamps.
    ids: HashMap<String, i64>,
    newest_millis: Option<i64>,
}

impl Seen {
    pub const OVERLAP: Duration = Duration::from_secs(10);

    pub fn new(since_millis: i64) -> Seen {
        Seen { since_millis, ids: HashMap::new(), newest_millis: None }
    }

    /// Where the next poll starts: never before `--since`.
    pub fn next_start(&self) -> i64 {
        let overlap = Self::OVERLAP.as_millis() as i64;
        self.newest_millis.map_or(self.since_millis, |newest| self.since_millis.max(newest - overlap))
    }

    /// The events not printed yet, in time order. Remembers them, and forgets those no later poll
    /// can return again.
    pub fn fresh(&mut self, mut events: Vec<Event>) -> Vec<Event> {
        events.sort_by(|a, b| a.timestamp_millis.cmp(&b.timestamp_millis).then_with(|| a.id.cmp(&b.id)));
        events.retain(|e| self.ids.insert(e.id.clone(), e.timestamp_millis).is_none());
        if let Some(last) = events.last() {
            self.newest_millis =
                Some(self.newest_millis.map_or(last.timestamp_millis, |n| n.max(last.timestamp_millis)));
        }
        let start = self.next_start();
        self.ids.retain(|_, t| *t >= start);
        events
    }
}

pub fn timestamp(millis: i64, utc: bool) -> String {
    let at = Utc.timestamp_millis_opt(millis).single().unwrap_or_default();
    if utc {
        at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    } else {
        at.with_timezone(&Local).format("%Y-%m-%d %H:%M:%S%.3f").to_string()
    }
}

/// A text line: the time, then for JSON access-log lines the status (coloured by class) and the
/// other fields as `key=value`; any other line as it is.
pub fn text_line(event: &Event, utc: bool) -> String {
    let time = timestamp(event.timestamp_millis, utc);
    let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(&event.message) else {
        return format!("{time} {}", event.message.trim_end());
    };
    let status = fields.get("status").map(plain).unwrap_or_default();
    let style = status_style(&status);
    let rest: Vec<String> =
        fields.iter().filter(|(k, _)| *k != "status").map(|(k, v)| format!("{k}={}", plain(v))).collect();
    format!("{time} {style}{status}{style:#} {}", rest.join(" ")).trim_end().to_string()
}

/// A JSON line: a JSON access-log line exactly as logged; anything else wrapped with its time.
pub fn json_line(event: &Event) -> String {
    match serde_json::from_str::<Value>(&event.message) {
        Ok(Value::Object(_)) => event.message.trim_end().to_string(),
        _ => serde_json::json!({
            "timestamp": timestamp(event.timestamp_millis, true),
            "message": event.message.trim_end(),
        })
        .to_string(),
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn status_style(status: &str) -> Style {
    match status.as_bytes().first() {
        Some(b'2') => AnsiColor::Green.on_default(),
        Some(b'3') => AnsiColor::Cyan.on_default(),
        Some(b'4') => AnsiColor::Yellow.on_default(),
        Some(b'5') => AnsiColor::Red.on_default(),
        _ => Style::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, t: i64, message: &str) -> Event {
        Event { id: id.into(), timestamp_millis: t, message: message.into() }
    }

    #[test]
    fn since_takes_durations_and_times() {
        assert_eq!(parse_since("10m"), Ok(Since::Ago(Duration::from_secs(600))));
        assert_eq!(parse_since("2d"), Ok(Since::Ago(Duration::from_secs(172_800))));
        let at = parse_since("2026-11-25T10:00:00+01:00").unwrap();
        assert_eq!(
            at.start_millis(Utc::now()),
            Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap().timestamp_millis()
        );
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        assert_eq!(
            Since::Ago(Duration::from_secs(3600)).start_millis(now),
            now.timestamp_millis() - 3_600_000
        );
        for bad in
            ["", "10", "ten minutes", "5y", "0s", "-5m", "2026-13-01T00:00:00Z", "99999999999999999999d"]
        {
            assert!(parse_since(bad).is_err(), "{bad}");
        }
        let future = (Utc::now() + chrono::Duration::minutes(5)).to_rfc3339();
        assert!(parse_since(&future).unwrap_err().contains("is in the future"), "{future}");
        assert!(parse_since("2099-01-01T00:00:00Z").unwrap_err().contains("is in the future"));
    }

    #[test]
    fn where_pairs_become_one_json_pattern() {
        let pairs = vec![parse_where("status=5*").unwrap(), parse_where("httpMethod=POST").unwrap()];
        assert_eq!(where_pattern(&pairs).unwrap(), r#"{ ($.status = "5*") && ($.httpMethod = "POST") }"#);
        assert_eq!(
            where_pattern(&[parse_where("identity.sourceIp=1.2.3.4").unwrap()]).unwrap(),
            r#"{ ($.identity.sourceIp = "1.2.3.4") }"#
        );
        assert_eq!(where_pattern(&[]), None);
        for bad in ["status", "=5", "st atus=5", "status=\"5", "a..b=1", "x=\\"] {
            assert!(parse_where(bad).is_err(), "{bad}");
        }
        assert!(
            parse_where("status=").unwrap_err().contains("is empty; API Gateway logs a missing value as '-'")
        );
        assert_eq!(parse_where("status=-").unwrap(), ("status".into(), "-".into()));
    }

    #[test]
    fn overlapping_polls_print_each_event_once_in_time_order() {
        let ids = |events: Vec<Event>| events.into_iter().map(|e| e.id).collect::<Vec<_>>();
        let mut seen = Seen::new(1_000);
        assert_eq!(seen.next_start(), 1_000);
        assert_eq!(ids(seen.fresh(vec![event("b", 2_000, "two"), event("a", 1_500, "one")])), ["a", "b"]);
        assert_eq!(seen.next_start(), 1_000, "never before --since");
        let again =
            seen.fresh(vec![event("a", 1_500, "one"), event("b", 2_000, "two"), event("c", 2_000, "late")]);
        assert_eq!(ids(again), ["c"]);

        assert_eq!(ids(seen.fresh(vec![event("d", 30_000, "")])), ["d"]);
        assert_eq!(seen.next_start(), 20_000, "restarts the overlap before the newest event");
        assert_eq!(seen.ids.len(), 1, "ids before the next start are forgotten");
        assert_eq!(ids(seen.fresh(vec![event("d", 30_000, ""), event("e", 25_000, "ingested late")])), ["e"]);
    }

    #[test]
    fn json_access_lines_are_readable_in_text_and_untouched_in_json() {
        let line = r#"{ "requestId":"r1", "status":"503", "httpMethod":"GET" }"#;
        let e = event("1", 0, line);
        let text = anstream::adapter::strip_str(&text_line(&e, true)).to_string();
        assert_eq!(
            text, "1970-01-01T00:00:00.000Z 503 requestId=r1 httpMethod=GET",
            "fields in logged order"
        );
        assert!(text_line(&e, true).contains("\u{1b}[31m503"), "5xx in red");
        assert_eq!(json_line(&e), line);
        let plain = event("2", 0, "(abc) Method completed with status: 200\n");
        assert_eq!(
            text_line(&plain, true),
            "1970-01-01T00:00:00.000Z (abc) Method completed with status: 200"
        );
        let wrapped: Value = serde_json::from_str(&json_line(&plain)).unwrap();
        assert_eq!(wrapped["message"], "(abc) Method completed with status: 200");
        assert_eq!(wrapped["timestamp"], "1970-01-01T00:00:00.000Z");
    }
}
