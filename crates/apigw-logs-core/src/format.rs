//! Access-log format presets and a linter for access-log formats.
//!
//! API Gateway checks little of an access-log format when a stage is updated: REST APIs take a
//! misspelled `$context` variable and log `-` for it, and no API kind checks that a "JSON" format
//! still renders valid JSON when a value is empty. [`lint`] catches these problems before the
//! format is deployed, and it also reports the ones API Gateway rejects, with a fix for each.

use std::fmt::Write as _;

use crate::api::ApiKind;
use crate::finding::{Finding, Severity};

impl ApiKind {
    /// The documented access-log variables for this kind, one per line (`#` lines are comments;
    /// the text after the first TAB is a note). Compiled into the binary, so linting works offline.
    fn variable_list(self) -> &'static str {
        match self {
            ApiKind::Rest => include_str!("vars/context-vars-rest.txt"),
            ApiKind::Http => include_str!("vars/context-vars-http.txt"),
            ApiKind::Websocket => include_str!("vars/context-vars-websocket.txt"),
        }
    }
}

/// A ready-made format that users can choose by name instead of writing their own.
#[derive(Debug, serde::Serialize)]
pub struct Preset {
    /// Short name typed on the command line, e.g. `clf`.
    pub name: &'static str,
    /// Name shown to people, e.g. `Common Log Format (CLF)`.
    pub title: &'static str,
    /// The format itself, on one line as API Gateway requires.
    pub format: &'static str,
}

/// The presets of every API kind, read once from their table.
fn preset_table() -> &'static [Vec<Preset>; 3] {
    static TABLE: std::sync::OnceLock<[Vec<Preset>; 3]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: [Vec<Preset>; 3] = Default::default();
        for line in include_str!("vars/presets.tsv").lines().filter(|l| !l.starts_with('#')) {
            let mut cells = line.splitn(3, '\t');
            let (Some(kind), Some(name), Some(format)) = (cells.next(), cells.next(), cells.next()) else {
                panic!("presets.tsv: a row without three cells: {line}");
            };
            let title = match name {
                "clf" => "Common Log Format (CLF)",
                "json" => "JSON",
                "xml" => "XML",
                "csv" => "Comma-separated values (CSV)",
                other => panic!("presets.tsv: no title for preset {other}"),
            };
            let slot = match kind {
                "rest" => 0,
                "http" => 1,
                "websocket" => 2,
                other => panic!("presets.tsv: unknown API kind {other}"),
            };
            table[slot].push(Preset { name, title, format });
        }
        table
    })
}

impl ApiKind {
    /// The presets for this kind of API.
    pub fn presets(self) -> &'static [Preset] {
        match self {
            ApiKind::Rest => &preset_table()[0],
            ApiKind::Http => &preset_table()[1],
            ApiKind::Websocket => &preset_table()[2],
        }
    }

    /// Tells which preset a stage's current format is, so that it can be shown by name. One
    /// trailing `\n` is ignored because API Gateway allows it.
    pub fn matching_preset(self, format: &str) -> Option<&'static Preset> {
        let format = format.strip_suffix('\n').unwrap_or(format);
        self.presets().iter().find(|p| p.format == format)
    }

    /// Finds a preset by name, ignoring case (`--access-log-format JSON` works too).
    pub fn preset(self, name: &str) -> Option<&'static Preset> {
        self.presets().iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }
}

/// The result of [`lint`]. Serializable, for `--json` output.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Lint {
    pub findings: Vec<Finding>,
}

impl Lint {
    /// Whether the format should be refused (deploying it would fail or produce broken logs).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.severity == Severity::Warning)
    }

    fn push(&mut self, severity: Severity, code: &'static str, message: String) {
        self.findings.push(Finding::new(severity, code, message));
    }
}

/// API Gateway's size limit for an access-log format (3 KB, a quota listed for HTTP APIs).
pub const MAX_FORMAT_BYTES: usize = 3072;

/// Checks an access-log format for an API of the given kind, before it is sent to API Gateway.
#[must_use]
pub fn lint(format: &str, kind: ApiKind) -> Lint {
    let mut lint = Lint::default();
    let vars = scan(format);

    if format.len() > MAX_FORMAT_BYTES {
        lint.push(
            Severity::Error,
            "too-long",
            format!(
                "format is {} bytes, over the {MAX_FORMAT_BYTES}-byte (3 KB) limit; remove at least {} bytes (drop variables or shorten keys)",
                format.len(),
                format.len() - MAX_FORMAT_BYTES
            ),
        );
    }
    if let Some(message) = line_break(format) {
        lint.push(Severity::Error, "multi-line", message);
    }
    if let Some(message) = control_character(format) {
        lint.push(Severity::Error, "control-character", message);
    }
    // REST accepts either id; HTTP and WebSocket APIs require $context.requestId itself
    // (AWS::ApiGatewayV2::Stage AccessLogSettings).
    let has_id = |names: &[&str]| vars.iter().any(|v| v.context_path().is_some_and(|p| names.contains(&p)));
    if kind == ApiKind::Rest && !has_id(&["requestId", "extendedRequestId"]) {
        lint.push(
            Severity::Error,
            "missing-request-id",
            "format has neither $context.requestId nor $context.extendedRequestId, and API Gateway requires one to keep entries unique; add \"$context.requestId\"".to_owned(),
        );
    } else if kind != ApiKind::Rest && !has_id(&["requestId"]) {
        lint.push(
            Severity::Error,
            "missing-request-id",
            format!("format has no $context.requestId, which {}s require ($context.extendedRequestId alone satisfies REST APIs only); add \"$context.requestId\"", kind.label()),
        );
    }

    let mut seen = std::collections::HashSet::new();
    let mut unknown = 0;
    for var in &vars {
        if !seen.insert(var.text) {
            continue;
        }
        match var.context_path() {
            None => lint.push(
                Severity::Error,
                "non-context-variable",
                format!(
                    "{} is not allowed in access logs, which support only $context.<name> variables; remove it or replace it with a $context variable",
                    var.text
                ),
            ),
            Some(path) if !is_known(kind, path) => {
                let (severity, consequence) = match kind {
                    ApiKind::Rest => (Severity::Warning, "API Gateway accepts it but logs \"-\""),
                    ApiKind::Http | ApiKind::Websocket => (
                        Severity::Error,
                        "API Gateway rejects it (\"The following context variables are not supported\")",
                    ),
                };
                // Beyond a few unknown names the format is not a typo away from a valid one, and
                // a suggestion (an edit distance to every documented name) is not worth its cost.
                unknown += 1;
                let fix = match (unknown <= MAX_SUGGESTIONS).then(|| suggestion(kind, path)).flatten() {
                    Some(name) => format!("did you mean $context.{name}?"),
                    None => "correct the name or remove it".to_owned(),
                };
                lint.push(
                    severity,
                    "unknown-variable",
                    format!("{} is not a known {} variable; {consequence}: {fix}", var.text, kind.label()),
                );
            }
            Some(_) => {}
        }
    }

    if let Some(failure) = json_failure(format, &vars) {
        lint.push(Severity::Warning, "invalid-json", failure.message());
    }
    lint
}

/// How many unknown names of one format get a "did you mean".
const MAX_SUGGESTIONS: usize = 8;

/// A `$name` or `$name.segment…` reference in a format.
pub(crate) struct Var<'a> {
    /// Byte offset of the `$`.
    pub(crate) start: usize,
    /// The whole reference, e.g. `$context.identity.sourceIp`.
    pub(crate) text: &'a str,
}

impl<'a> Var<'a> {
    /// The part after `$context.`, or `None` for a variable that access logs cannot use.
    fn context_path(&self) -> Option<&'a str> {
        self.text.strip_prefix("$context.")
    }

    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Finds every `$` followed by a letter, with its dot-separated segments of `[A-Za-z0-9_]`. A dot
/// that no segment follows is text, not part of the name (`$context.status.` ends a sentence).
pub(crate) fn scan(format: &str) -> Vec<Var<'_>> {
    let bytes = format.as_bytes();
    let mut vars = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'$' || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            while bytes.get(end).copied().is_some_and(is_ident) {
                end += 1;
            }
            if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).copied().is_some_and(is_ident) {
                end += 1;
            } else {
                break;
            }
        }
        // Only ASCII bytes were consumed, so `i..end` lies on character boundaries.
        vars.push(Var { start: i, text: &format[i..end] });
        i = end;
    }
    vars
}

/// API Gateway rejects formats with a line break anywhere but at the very end
/// ("Access Log format must be single line, new line character is allowed only at end of the format").
fn line_break(format: &str) -> Option<String> {
    let body = format.strip_suffix('\n').unwrap_or(format);
    let (pos, _) = body.char_indices().find(|&(_, c)| c == '\n' || c == '\r')?;
    let rest = &body[pos..];
    let (shown, len) = if rest.starts_with("\r\n") {
        ("\\r\\n", 2)
    } else if rest.starts_with('\r') {
        ("\\r", 1)
    } else {
        ("\\n", 1)
    };
    let more = rest[len..].matches(['\n', '\r']).count() - rest[len..].matches("\r\n").count();
    let mut message = format!(
        "format must be a single line but line 1 ends with a line break ({shown}) at column {} (byte {pos})",
        body[..pos].chars().count() + 1
    );
    if more > 0 {
        let _ = write!(message, " and {more} more follow");
    }
    message.push_str("; join it into one line (only a single trailing \\n is allowed)");
    Some(message)
}

/// C0 control characters by their usual abbreviations, for messages.
const C0_NAMES: [&str; 32] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS",
    "US",
];

/// API Gateway stores control characters (NUL, BEL, ESC, ...) and writes them into every log
/// line, where they corrupt terminals and log parsers. AWS documents none as allowed, tab
/// included; line breaks are [`line_break`]'s.
fn control_character(format: &str) -> Option<String> {
    let is_bad = |c: char| c.is_control() && c != '\n' && c != '\r';
    let (pos, c) = format.char_indices().find(|&(_, c)| is_bad(c))?;
    let name = match u32::from(c) {
        code @ 0..=31 => C0_NAMES[code as usize],
        127 => "DEL",
        _ => "a C1 control",
    };
    let more = format[pos..].chars().filter(|&c| is_bad(c)).count() - 1;
    let mut message = format!(
        "format holds a control character, U+{:04X} ({name}), at column {} (byte {pos})",
        u32::from(c),
        format[..pos].chars().count() + 1
    );
    if more > 0 {
        let _ = write!(message, " and {more} more");
    }
    message.push_str("; remove it (API Gateway would write it into every log line)");
    Some(message)
}

/// The variable names (without `$context.`) documented for `kind`, possibly with placeholders.
fn known_paths(kind: ApiKind) -> impl Iterator<Item = &'static str> {
    // Read from the lists once per process: the linter asks for every variable of a format.
    static PARSED: std::sync::OnceLock<[Vec<&'static str>; 3]> = std::sync::OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        ApiKind::ALL.map(|kind| {
            kind.variable_list()
                .lines()
                .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
                .filter_map(|line| {
                    let name = line.split_once('\t').map_or(line, |(name, _)| name);
                    name.trim().strip_prefix("$context.")
                })
                .collect()
        })
    });
    let index = ApiKind::ALL.iter().position(|k| *k == kind).expect("every kind is listed");
    parsed[index].iter().copied()
}

/// A placeholder segment such as `{property}` or `{header_name}`, which the user fills in.
fn is_placeholder(segment: &str) -> bool {
    segment.starts_with('{') && segment.ends_with('}')
}

/// Whether `path` is an instance of the documented `pattern`. A placeholder stands for one segment;
/// a trailing placeholder also stands for several (an authorizer's context values can be nested,
/// e.g. `authorizer.claims.sub` under `authorizer.{property}`).
fn path_matches(pattern: &str, segments: &[&str]) -> bool {
    let count = pattern.split('.').count();
    for (i, expected) in pattern.split('.').enumerate() {
        let Some(&actual) = segments.get(i) else {
            return false;
        };
        if is_placeholder(expected) {
            if i + 1 == count {
                return true;
            }
        } else if expected != actual {
            return false;
        }
    }
    count == segments.len()
}

/// How many characters one text has that the other lacks, counted with repeats, the larger of
/// the two counts: a lower bound of their edit distance.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 129];
    let slot = |c: char| if c.is_ascii() { c as usize } else { 128 };
    a.chars().for_each(|c| counts[slot(c)] += 1);
    b.chars().for_each(|c| counts[slot(c)] -= 1);
    let (more, fewer) = counts.iter().fold((0, 0), |(more, fewer), n| {
        (more + n.max(&0).unsigned_abs() as usize, fewer + n.min(&0).unsigned_abs() as usize)
    });
    more.max(fewer)
}

/// The documented names, fully documented ones first, then by how many placeholders they have
/// (sorted once per process: every unknown name of every format is compared with them).
fn by_placeholders(kind: ApiKind) -> impl Iterator<Item = &'static str> {
    static SORTED: std::sync::OnceLock<[Vec<&'static str>; 3]> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        ApiKind::ALL.map(|kind| {
            let mut names: Vec<&'static str> = known_paths(kind).collect();
            names.sort_by_key(|name| name.split('.').filter(|s| is_placeholder(s)).count());
            names
        })
    });
    let index = ApiKind::ALL.iter().position(|k| *k == kind).expect("every kind is listed");
    sorted[index].iter().copied()
}

fn is_known(kind: ApiKind, path: &str) -> bool {
    let segments: Vec<&str> = path.split('.').collect();
    known_paths(kind).any(|pattern| path_matches(pattern, &segments))
}

/// The documented name closest to an unknown `path`, if one is close enough to be a likely typo.
/// A trailing placeholder (the only kind the lists have) is filled with the user's own segments,
/// so that `requestOverride.headers.x` suggests `requestOverride.header.x`.
fn suggestion(kind: ApiKind, path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('.').collect();
    let placeholders = |pattern: &str| pattern.split('.').filter(|s| is_placeholder(s)).count();
    let fill = |pattern: &str| -> String {
        let count = pattern.split('.').count();
        let names: Vec<&str> = pattern
            .split('.')
            .enumerate()
            .map(|(i, segment)| {
                if is_placeholder(segment) && i + 1 == count && i < segments.len() {
                    path.splitn(i + 1, '.').last().unwrap_or(segment)
                } else {
                    segment
                }
            })
            .collect();
        names.join(".")
    };
    // Fully documented names first, so that `authorizer.claims.sub` wins over the same text
    // produced by `authorizer.{property}`; each name once.
    let mut seen = std::collections::HashSet::new();
    let candidates: Vec<String> = by_placeholders(kind)
        .map(|pattern| if placeholders(pattern) == 0 { pattern.to_owned() } else { fill(pattern) })
        .filter(|name| seen.insert(name.clone()))
        .collect();

    let lower = path.to_ascii_lowercase();
    // Wrong case is the most common typo (`requestid`, `sourceIP`).
    if let Some(found) = candidates.iter().find(|c| c.to_ascii_lowercase() == lower) {
        return Some(found.clone());
    }
    // A missing prefix (`sourceIp` for `identity.sourceIp`), when only one name fits.
    let suffix = format!(".{lower}");
    let mut ending: Vec<&String> =
        candidates.iter().filter(|c| c.to_ascii_lowercase().ends_with(&suffix)).collect();
    if ending.len() == 1 {
        return ending.pop().cloned();
    }
    // A score of 0.7 allows edits on 30 % of the longer name. The edit distance is at least the
    // bag distance (characters one name has more of than the other), a count that costs one
    // pass, so candidates that cannot reach the score are never aligned.
    let length = lower.chars().count();
    let close = |c: &String| {
        let limit = length.max(c.chars().count()) * 3 / 10;
        length.abs_diff(c.chars().count()) <= limit && bag_distance(&lower, &c.to_ascii_lowercase()) <= limit
    };
    // Optimal string alignment: edits and adjacent swaps (`requsetId`), without the table of
    // every character seen that full Damerau-Levenshtein keeps.
    let score = |a: &str, b: &str| {
        1.0 - strsim::osa_distance(a, b) as f64 / a.chars().count().max(b.chars().count()).max(1) as f64
    };
    candidates
        .into_iter()
        .filter(close)
        .map(|c| (score(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(score, _)| *score >= 0.7)
        .min_by(|a, b| b.0.total_cmp(&a.0))
        .map(|(_, c)| c)
}

/// Whether a variable's value is a number, so that the JSON check tries a number for it (an
/// unquoted number is valid JSON; an unquoted word is not).
fn is_numeric(var: &Var) -> bool {
    let last = var.text.rsplit('.').next().unwrap_or(var.text).to_ascii_lowercase();
    ["status", "latency", "length", "epoch"].iter().any(|s| last.ends_with(s))
        || ["connectedat", "dataprocessed", "timetoallheaders", "timetofirstcontent"].contains(&last.as_str())
}

/// What the JSON check put in place of the variables when the format stopped being JSON.
#[derive(Debug, PartialEq)]
enum Substitution {
    /// Plausible values: a number for numeric variables, a word for the others.
    Sample,
    /// `-`, which API Gateway writes for an empty value.
    Dash,
}

impl Substitution {
    fn value(&self, var: &Var) -> &'static str {
        match self {
            Substitution::Sample if is_numeric(var) => "200",
            Substitution::Sample => "sample",
            Substitution::Dash => "-",
        }
    }
}

/// Why a format that looks like JSON would not log valid JSON.
struct JsonFailure {
    substitution: Substitution,
    /// Variables outside JSON strings that cause the failure; empty when the JSON itself is broken.
    unquoted: Vec<String>,
    /// `serde_json`'s complaint about the substituted text, without its position.
    error: String,
}

impl JsonFailure {
    fn message(&self) -> String {
        let when = match self.substitution {
            Substitution::Sample => "is not valid JSON with sample values in place of its variables",
            Substitution::Dash => "is not valid JSON when a value is empty and API Gateway writes - for it",
        };
        match self.unquoted.first() {
            Some(first) => format!(
                "format looks like JSON but {when}: unquoted {}; put each in double quotes, e.g. \"{first}\"",
                self.unquoted.join(", ")
            ),
            None => format!("format looks like JSON but {when} ({}); fix the JSON syntax", self.error),
        }
    }
}

/// API Gateway does not check that a "JSON" format renders valid JSON, so render it twice —
/// with sample values, then with `-` for every value — and parse the results.
fn json_failure(format: &str, vars: &[Var]) -> Option<JsonFailure> {
    if !format.trim_start().starts_with(['{', '[']) {
        return None;
    }
    let unquoted = unquoted(format, vars);
    for substitution in [Substitution::Sample, Substitution::Dash] {
        let mut text = String::with_capacity(format.len());
        let mut copied = 0;
        for var in vars {
            text.push_str(&format[copied..var.start]);
            text.push_str(substitution.value(var));
            copied = var.end();
        }
        text.push_str(&format[copied..]);
        if let Err(error) = serde_json::from_str::<serde_json::Value>(&text) {
            let mut culprits: Vec<String> = Vec::new();
            for var in &unquoted {
                let breaks = substitution == Substitution::Dash || !is_numeric(var);
                if breaks && !culprits.iter().any(|c| c == var.text) {
                    culprits.push(var.text.to_owned());
                }
            }
            return Some(JsonFailure {
                substitution,
                unquoted: culprits,
                // The position refers to the substituted text, not the user's: leave it out.
                error: error.to_string().split(" at line ").next().unwrap_or_default().to_owned(),
            });
        }
    }
    None
}

/// The variables that stand outside JSON strings, where their value is not quoted in the log.
fn unquoted<'v, 'a>(format: &str, vars: &'v [Var<'a>]) -> Vec<&'v Var<'a>> {
    let mut out = Vec::new();
    let mut next = vars.iter().peekable();
    let (mut in_string, mut escaped) = (false, false);
    for (i, b) in format.bytes().enumerate() {
        if let Some(var) = next.next_if(|v| v.start == i)
            && !in_string
        {
            out.push(var);
        }
        if escaped {
            escaped = false;
        } else if in_string && b == b'\\' {
            escaped = true;
        } else if b == b'"' {
            in_string = !in_string;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../tests/fixtures/seed.txt");

    fn codes(lint: &Lint) -> Vec<&'static str> {
        lint.findings.iter().map(|f| f.code).collect()
    }

    fn only(lint: &Lint, code: &str) -> Finding {
        let found: Vec<&Finding> = lint.findings.iter().filter(|f| f.code == code).collect();
        assert_eq!(found.len(), 1, "expected one {code} in {:?}", lint.findings);
        found[0].clone()
    }

    #[test]
    fn every_kind_has_the_four_presets_and_each_lints_clean_for_its_kind() {
        for kind in [ApiKind::Rest, ApiKind::Http, ApiKind::Websocket] {
            let names: Vec<&str> = kind.presets().iter().map(|p| p.name).collect();
            assert_eq!(names, ["clf", "json", "xml", "csv"], "{kind:?}");
            for preset in kind.presets() {
                let lint = lint(preset.format, kind);
                assert!(lint.findings.is_empty(), "{kind:?} {}: {:?}", preset.name, lint.findings);
            }
        }
        // REST presets use REST-only variables; v2 APIs would reject them.
        assert!(lint(ApiKind::Rest.preset("json").unwrap().format, ApiKind::Websocket).has_errors());
        assert_eq!(ApiKind::Http.preset("JSON").unwrap().format, ApiKind::Http.presets()[1].format);
    }

    #[test]
    fn presets_equal_the_seed_formats() {
        // Each example sits on the first non-blank line after its bullet ("• CLF (...):").
        let mut formats = Vec::new();
        let mut lines = SEED.lines();
        while let Some(line) = lines.next() {
            if let Some(bullet) = line.trim().strip_prefix('•') {
                let text = lines.by_ref().map(str::trim).find(|l| !l.is_empty()).unwrap();
                formats.push((bullet.trim().to_ascii_lowercase(), text.replace("\\ ", "")));
            }
        }
        assert_eq!(formats.len(), 4, "{formats:?}");
        assert_eq!(ApiKind::Rest.presets().len(), 4);
        for ((bullet, format), preset) in formats.iter().zip(ApiKind::Rest.presets()) {
            assert!(bullet.starts_with(preset.name), "{bullet} vs {}", preset.name);
            assert_eq!(preset.format, format, "preset {}", preset.name);
            assert!(!preset.format.contains('\\'));
        }
    }

    #[test]
    fn presets_are_clf_json_xml_csv_with_titles() {
        let names: Vec<&str> = ApiKind::Rest.presets().iter().map(|p| p.name).collect();
        assert_eq!(names, ["clf", "json", "xml", "csv"]);
        assert_eq!(ApiKind::Rest.presets()[0].title, "Common Log Format (CLF)");
        assert!(ApiKind::Rest.presets().iter().all(|p| !p.title.is_empty()));
    }

    #[test]
    fn every_preset_lints_clean_for_rest() {
        for p in ApiKind::Rest.presets() {
            let lint = lint(p.format, ApiKind::Rest);
            assert!(lint.findings.is_empty(), "{}: {:?}", p.name, lint.findings);
        }
    }

    #[test]
    fn presets_using_resource_path_fail_for_http() {
        // $context.resourcePath is REST-only; HTTP APIs reject it.
        let lint = lint(ApiKind::Rest.preset("clf").unwrap().format, ApiKind::Http);
        let f = only(&lint, "unknown-variable");
        assert_eq!(f.severity, Severity::Error);
        assert!(f.message.contains("$context.resourcePath"), "{}", f.message);
    }

    #[test]
    fn preset_lookup_ignores_case() {
        assert_eq!(ApiKind::Rest.preset("json").unwrap().name, "json");
        assert_eq!(ApiKind::Rest.preset("JSON").unwrap().name, "json");
        assert_eq!(ApiKind::Rest.preset("Clf").unwrap().name, "clf");
        assert!(ApiKind::Rest.preset("yaml").is_none());
        assert!(ApiKind::Rest.preset("").is_none());
    }

    #[test]
    fn matching_preset_with_and_without_trailing_newline() {
        for p in ApiKind::Rest.presets() {
            assert_eq!(ApiKind::Rest.matching_preset(p.format).unwrap().name, p.name);
            assert_eq!(ApiKind::Rest.matching_preset(&format!("{}\n", p.format)).unwrap().name, p.name);
            assert!(ApiKind::Rest.matching_preset(&format!("{}\n\n", p.format)).is_none());
            assert!(ApiKind::Rest.matching_preset(&format!("{}\r\n", p.format)).is_none());
            assert!(ApiKind::Rest.matching_preset(&format!(" {}", p.format)).is_none());
        }
        assert!(ApiKind::Rest.matching_preset("$context.requestId").is_none());
        assert!(ApiKind::Rest.matching_preset("").is_none());
    }

    #[test]
    fn missing_request_id_is_an_error() {
        let lint = lint("$context.status $context.path", ApiKind::Rest);
        assert_eq!(codes(&lint), ["missing-request-id"]);
        assert!(lint.has_errors());
        assert!(lint.findings[0].message.contains("add \"$context.requestId\""));
    }

    #[test]
    fn extended_request_id_is_enough_for_rest_only() {
        assert!(lint("$context.extendedRequestId", ApiKind::Rest).findings.is_empty());
        for kind in [ApiKind::Rest, ApiKind::Http, ApiKind::Websocket] {
            assert!(lint("$context.requestId", kind).findings.is_empty(), "{kind:?}");
        }
        for kind in [ApiKind::Http, ApiKind::Websocket] {
            let lint = lint("$context.extendedRequestId", kind);
            assert_eq!(codes(&lint), ["missing-request-id"], "{kind:?}");
            assert!(lint.findings[0].message.contains("REST APIs only"), "{kind:?}");
        }
    }

    #[test]
    fn request_id_must_be_the_variable_itself() {
        // Other request ids, longer names and plain text do not count.
        for format in [
            "$context.authorizer.requestId",
            "$context.integration.requestId",
            "$context.requestIdX",
            "context.requestId",
            "requestId",
        ] {
            assert!(codes(&lint(format, ApiKind::Rest)).contains(&"missing-request-id"), "{format}");
        }
    }

    #[test]
    fn empty_format_is_missing_request_id() {
        let lint = lint("", ApiKind::Rest);
        assert_eq!(codes(&lint), ["missing-request-id"]);
        assert_eq!(lint.findings[0].severity, Severity::Error);
    }

    #[test]
    fn trailing_newline_is_tolerated() {
        let format = format!("{}\n", ApiKind::Rest.presets()[0].format);
        assert!(lint(&format, ApiKind::Rest).findings.is_empty());
    }

    #[test]
    fn crlf_in_the_middle_is_rejected() {
        let lint = lint("$context.requestId\r\n$context.status", ApiKind::Rest);
        let f = only(&lint, "multi-line");
        assert_eq!(f.severity, Severity::Error);
        assert!(f.message.contains("\\r\\n"), "{}", f.message);
        assert!(f.message.contains("column 19"), "{}", f.message);
        assert!(!f.message.contains("more follow"), "{}", f.message);
    }

    #[test]
    fn other_line_breaks_are_rejected() {
        for format in [
            "$context.requestId\n\n",
            "$context.requestId\r\n",
            "$context.requestId\r",
            "\n$context.requestId",
            "$context.requestId\rx",
        ] {
            assert_eq!(codes(&lint(format, ApiKind::Rest)), ["multi-line"], "{format:?}");
        }
    }

    #[test]
    fn multi_line_message_counts_the_other_breaks() {
        let lint = lint("é $context.requestId\nb\r\nc\rd\n", ApiKind::Rest);
        let f = only(&lint, "multi-line");
        assert!(f.message.contains("(\\n) at column 21 (byte 21)"), "{}", f.message);
        assert!(f.message.contains("2 more follow"), "{}", f.message);
    }

    #[test]
    fn control_characters_are_errors_named_with_their_position() {
        let found = only(&lint("$context.requestId \u{7}\u{1b}[31m", ApiKind::Rest), "control-character");
        assert_eq!(
            found.message,
            "format holds a control character, U+0007 (BEL), at column 20 (byte 19) and 1 more; remove it (API Gateway would write it into every log line)"
        );
        for (text, name) in
            [("\0", "NUL"), ("\t", "TAB"), ("\u{7f}", "DEL"), ("\u{85}", "a C1 control"), ("\u{1b}", "ESC")]
        {
            let found =
                only(&lint(&format!("é $context.requestId{text}"), ApiKind::Http), "control-character");
            assert!(
                found.message.contains(&format!("({name}), at column 21 (byte 21)")),
                "{name}: {}",
                found.message
            );
        }
    }

    #[test]
    fn line_breaks_are_not_reported_as_control_characters() {
        assert!(codes(&lint("$context.requestId\n", ApiKind::Rest)).is_empty());
        assert_eq!(codes(&lint("$context.requestId\r\n-", ApiKind::Rest)), ["multi-line"]);
    }

    #[test]
    fn non_context_variables_are_errors() {
        for (format, name) in [
            ("$context.requestId $input.body", "$input.body"),
            ("$context.requestId $stageVariables.x", "$stageVariables.x"),
            ("$context.requestId $util.escapeJavaScript($context.path)", "$util.escapeJavaScript"),
            ("$context.requestId $method.request.header.Host", "$method.request.header.Host"),
            ("$context.requestId $context", "$context"),
            ("$context.requestId $contextual.x", "$contextual.x"),
        ] {
            let lint = lint(format, ApiKind::Rest);
            let f = only(&lint, "non-context-variable");
            assert_eq!(f.severity, Severity::Error);
            assert!(f.message.starts_with(&format!("{name} is not allowed")), "{}", f.message);
        }
    }

    #[test]
    fn input_body_is_non_context_and_reported_once() {
        let lint = lint("$context.requestId $input.body $input.body", ApiKind::Http);
        assert_eq!(codes(&lint), ["non-context-variable"]);
        assert!(lint.findings[0].message.contains("$input.body"));
    }

    #[test]
    fn dollar_signs_that_are_not_variables_are_ignored() {
        let lint = lint("$context.requestId costs $5 or $ 5 or $$ or $_x", ApiKind::Rest);
        assert!(lint.findings.is_empty(), "{:?}", lint.findings);
    }

    #[test]
    fn too_long_at_3073_bytes() {
        let head = "$context.requestId ";
        let fits = format!("{head}{}", "x".repeat(MAX_FORMAT_BYTES - head.len()));
        assert_eq!(fits.len(), 3072);
        assert!(lint(&fits, ApiKind::Rest).findings.is_empty());
        let long = format!("{fits}x");
        let lint = lint(&long, ApiKind::Rest);
        let f = only(&lint, "too-long");
        assert_eq!(f.severity, Severity::Error);
        assert!(f.message.contains("3073 bytes"), "{}", f.message);
        assert!(f.message.contains("at least 1 bytes"), "{}", f.message);
    }

    #[test]
    fn unknown_variable_is_a_warning_for_rest() {
        let lint = lint("$context.requestId $context.nope", ApiKind::Rest);
        let f = only(&lint, "unknown-variable");
        assert_eq!(f.severity, Severity::Warning);
        assert!(!lint.has_errors());
        assert!(f.message.contains("$context.nope is not a known REST API variable"), "{}", f.message);
        assert!(f.message.contains("logs \"-\""), "{}", f.message);
        assert!(!f.message.contains("did you mean"), "{}", f.message);
    }

    #[test]
    fn unknown_variable_is_an_error_for_http_and_websocket() {
        for (kind, label) in [(ApiKind::Http, "HTTP API"), (ApiKind::Websocket, "WebSocket API")] {
            let lint = lint("$context.requestId $context.nope", kind);
            let f = only(&lint, "unknown-variable");
            assert_eq!(f.severity, Severity::Error, "{kind:?}");
            assert!(f.message.contains(label), "{}", f.message);
            assert!(f.message.contains("The following context variables are not supported"));
        }
    }

    #[test]
    fn variables_are_checked_against_the_kind() {
        let ws = "$context.requestId $context.connectionId $context.eventType";
        assert!(lint(ws, ApiKind::Websocket).findings.is_empty());
        let lint = lint(ws, ApiKind::Rest);
        assert_eq!(lint.warnings().count(), 2);
        assert_eq!(lint.errors().count(), 0);
    }

    #[test]
    fn unknown_variables_are_reported_once_each() {
        let lint = lint("$context.requestId $context.a $context.a $context.b", ApiKind::Rest);
        assert_eq!(codes(&lint), ["unknown-variable", "unknown-variable"]);
    }

    #[test]
    fn did_you_mean_fixes_case() {
        for (typo, fix) in [
            ("requestid", "requestId"),
            ("identity.sourceIP", "identity.sourceIp"),
            ("Authorizer.Claims.sub", "authorizer.claims.sub"),
            // The list has authorizer.{property} before authorizer.status: the documented name wins.
            ("Authorizer.Status", "authorizer.status"),
        ] {
            let lint = lint(&format!("$context.extendedRequestId $context.{typo}"), ApiKind::Rest);
            let f = only(&lint, "unknown-variable");
            assert!(f.message.ends_with(&format!("did you mean $context.{fix}?")), "{}", f.message);
        }
    }

    #[test]
    fn missing_request_id_is_reported_alongside_its_misspelling() {
        let lint = lint("$context.requestid", ApiKind::Rest);
        assert_eq!(codes(&lint), ["missing-request-id", "unknown-variable"]);
        assert!(lint.findings[1].message.ends_with("did you mean $context.requestId?"));
    }

    #[test]
    fn did_you_mean_fixes_typos_and_missing_prefixes() {
        for (kind, typo, fix) in [
            (ApiKind::Rest, "reqestTime", "requestTime"),
            (ApiKind::Rest, "integrationLatncy", "integrationLatency"),
            (ApiKind::Rest, "sourceIp", "identity.sourceIp"),
            (ApiKind::Rest, "requestOverride.headers.host", "requestOverride.header.host"),
            (ApiKind::Http, "routekey", "routeKey"),
            (ApiKind::Websocket, "conectionId", "connectionId"),
            // A trailing placeholder is filled with all the remaining segments.
            (ApiKind::Websocket, "Authorizer.claims.sub", "authorizer.claims.sub"),
        ] {
            let lint = lint(&format!("$context.requestId $context.{typo}"), kind);
            let f = only(&lint, "unknown-variable");
            assert!(f.message.ends_with(&format!("did you mean $context.{fix}?")), "{}", f.message);
        }
    }

    #[test]
    fn no_suggestion_when_nothing_is_close() {
        // "latency" ends several names, so no single one is suggested.
        for typo in ["latency", "qqqqqqqqqq"] {
            let lint = lint(&format!("$context.requestId $context.{typo}"), ApiKind::Rest);
            let f = only(&lint, "unknown-variable");
            assert!(f.message.ends_with("correct the name or remove it"), "{}", f.message);
        }
    }

    #[test]
    fn placeholders_match_user_segments() {
        for kind in [ApiKind::Rest, ApiKind::Http, ApiKind::Websocket] {
            // Websocket has no authorizer.claims.{property}: authorizer.{property} covers it.
            let lint = lint("$context.requestId $context.authorizer.claims.sub", kind);
            assert!(lint.findings.is_empty(), "{kind:?}: {:?}", lint.findings);
        }
        // The header name stops at "-" (not an identifier character); "x" fills {header_name}.
        let lint = lint("$context.requestId $context.requestOverride.header.x-foo", ApiKind::Rest);
        assert!(lint.findings.is_empty(), "{:?}", lint.findings);
    }

    #[test]
    fn a_placeholder_needs_a_segment() {
        let rest = lint("$context.requestId $context.requestOverride.header", ApiKind::Rest);
        assert_eq!(codes(&rest), ["unknown-variable"]);
        let http = lint("$context.requestId $context.requestOverride.header.x-foo", ApiKind::Http);
        assert_eq!(codes(&http), ["unknown-variable"]);
    }

    #[test]
    fn the_bag_distance_never_exceeds_the_edit_distance() {
        for (a, b) in [
            ("requestid", "requestId"),
            ("abc", "cab"),
            ("sourceip", "identity.sourceip"),
            ("x", ""),
            ("ünï", "uni"),
        ] {
            assert!(bag_distance(a, b) <= strsim::osa_distance(a, b), "{a} {b}");
        }
        assert_eq!(bag_distance("aab", "abb"), 1);
    }

    #[test]
    fn path_matching_rules() {
        let segments = |path: &'static str| path.split('.').collect::<Vec<_>>();
        assert!(path_matches("a.b", &segments("a.b")));
        assert!(!path_matches("a.b", &segments("a.B")));
        assert!(!path_matches("a.b", &segments("a.b.c")));
        assert!(!path_matches("a.b", &segments("a")));
        assert!(path_matches("a.{x}.b", &segments("a.q.b")));
        assert!(!path_matches("a.{x}.b", &segments("a.q.r.b")));
        assert!(!path_matches("a.{x}.b", &segments("a.q")));
        assert!(path_matches("a.{x}", &segments("a.q")));
        assert!(path_matches("a.{x}", &segments("a.q.r")));
        assert!(!path_matches("a.{x}", &segments("a")));
        assert!(!path_matches("a.{x}", &segments("b.q")));
    }

    #[test]
    fn trailing_dot_is_not_part_of_the_name() {
        assert!(lint("$context.requestId. $context.status.", ApiKind::Rest).findings.is_empty());
    }

    #[test]
    fn scan_finds_names_and_offsets() {
        let format = "é[$context.identity.sourceIp,$util.escapeJavaScript($context.path).] $9 $";
        let vars = scan(format);
        let texts: Vec<&str> = vars.iter().map(|v| v.text).collect();
        assert_eq!(texts, ["$context.identity.sourceIp", "$util.escapeJavaScript", "$context.path"]);
        assert_eq!(vars[0].start, 3);
        assert_eq!(&format[vars[2].start..vars[2].end()], "$context.path");
        assert_eq!(vars[0].context_path(), Some("identity.sourceIp"));
        assert_eq!(vars[1].context_path(), None);
    }

    #[test]
    fn every_listed_variable_is_known() {
        for (kind, min) in [(ApiKind::Rest, 80), (ApiKind::Http, 50), (ApiKind::Websocket, 50)] {
            let lines: Vec<&str> = kind
                .variable_list()
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .collect();
            assert!(lines.iter().all(|l| l.starts_with("$context.")), "{kind:?}");
            let paths: Vec<&str> = known_paths(kind).collect();
            assert_eq!(paths.len(), lines.len(), "{kind:?}");
            assert!(paths.len() >= min, "{kind:?}: {}", paths.len());
            for path in paths {
                let filled: Vec<&str> =
                    path.split('.').map(|s| if is_placeholder(s) { "p" } else { s }).collect();
                let format = format!("$context.requestId $context.{}", filled.join("."));
                let lint = lint(&format, kind);
                assert!(lint.findings.is_empty(), "{kind:?} {format}: {:?}", lint.findings);
            }
        }
    }

    #[test]
    fn unquoted_status_breaks_json_only_when_empty() {
        let format =
            r#"{"requestId":"$context.requestId","status":$context.status,"bytes":$context.responseLength}"#;
        let vars = scan(format);
        let failure = json_failure(format, &vars).unwrap();
        assert_eq!(failure.substitution, Substitution::Dash);
        assert_eq!(failure.unquoted, ["$context.status", "$context.responseLength"]);
        let lint = lint(format, ApiKind::Rest);
        let f = only(&lint, "invalid-json");
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.message.contains("writes - for it"), "{}", f.message);
        assert!(!f.message.contains("sample"), "{}", f.message);
        assert!(f.message.contains("unquoted $context.status, $context.responseLength;"), "{}", f.message);
        assert!(f.message.ends_with("e.g. \"$context.status\""), "{}", f.message);
    }

    #[test]
    fn escaped_quotes_do_not_end_a_json_string() {
        let format =
            r#"{"ua":"x\"$context.identity.userAgent\"","s":$context.status,"id":"\\$context.requestId"}"#;
        let failure = json_failure(format, &scan(format)).unwrap();
        assert_eq!(failure.substitution, Substitution::Dash);
        assert_eq!(failure.unquoted, ["$context.status"]);
    }

    #[test]
    fn unquoted_word_breaks_json_with_sample_values() {
        let format = r#"{"requestId":$context.requestId,"status":$context.status}"#;
        let failure = json_failure(format, &scan(format)).unwrap();
        assert_eq!(failure.substitution, Substitution::Sample);
        // The numeric one is fine with a sample value, so only the word is to blame.
        assert_eq!(failure.unquoted, ["$context.requestId"]);
        let f = only(&lint(format, ApiKind::Rest), "invalid-json");
        assert!(f.message.contains("sample values"), "{}", f.message);
    }

    #[test]
    fn broken_json_syntax_is_reported_with_the_parser_error() {
        let format = r#"{"requestId":"$context.requestId", "status":"$context.status""#;
        let failure = json_failure(format, &scan(format)).unwrap();
        assert_eq!(failure.substitution, Substitution::Sample);
        assert!(failure.unquoted.is_empty());
        let f = only(&lint(format, ApiKind::Rest), "invalid-json");
        assert!(f.message.contains("(EOF while parsing an object)"), "{}", f.message);
        assert!(f.message.ends_with("fix the JSON syntax"), "{}", f.message);
    }

    #[test]
    fn valid_quoted_json_passes() {
        for format in [
            r#"{"requestId":"$context.requestId","status":"$context.status","ua":"x\"$context.identity.userAgent\""}"#,
            "  [\"$context.requestId\", \"$context.status\"]\n",
        ] {
            let lint = lint(format, ApiKind::Rest);
            assert!(lint.findings.is_empty(), "{format}: {:?}", lint.findings);
        }
    }

    #[test]
    fn only_json_looking_formats_are_parsed() {
        // A CLF-like format is not JSON and is not checked as JSON.
        assert!(json_failure("$context.requestId {", &scan("$context.requestId {")).is_none());
        let format = " [$context.requestId, $context.status]";
        assert_eq!(json_failure(format, &scan(format)).unwrap().unquoted, ["$context.requestId"]);
    }

    #[test]
    fn numeric_variables_get_numeric_samples() {
        for name in [
            "$context.status",
            "$context.responseLength",
            "$context.integrationLatency",
            "$context.authorizer.integrationStatus",
            "$context.requestTimeEpoch",
            "$context.connectedAt",
            "$context.integration.timeToFirstContent",
        ] {
            assert!(is_numeric(&Var { start: 0, text: name }), "{name}");
        }
        for name in
            ["$context.requestId", "$context.wafResponseCode", "$context.error.responseType", "$input.body"]
        {
            assert!(!is_numeric(&Var { start: 0, text: name }), "{name}");
        }
    }

    #[test]
    fn lint_accessors_split_errors_and_warnings() {
        let lint = lint("$input.body $context.nope", ApiKind::Rest);
        assert_eq!(codes(&lint), ["missing-request-id", "non-context-variable", "unknown-variable"]);
        assert!(lint.has_errors());
        assert_eq!(lint.errors().count(), 2);
        assert_eq!(lint.warnings().map(|f| f.code).collect::<Vec<_>>(), ["unknown-variable"]);
        assert!(!Lint::default().has_errors());
    }

    #[test]
    fn messages_are_single_lines() {
        let long = format!("{{\"a\":$context.nope\n\r{}", "x".repeat(MAX_FORMAT_BYTES));
        for kind in [ApiKind::Rest, ApiKind::Http, ApiKind::Websocket] {
            let lint = lint(&long, kind);
            assert_eq!(lint.findings.len(), 5, "{:?}", lint.findings);
            assert!(lint.findings.iter().all(|f| !f.message.contains(['\n', '\r'])));
        }
    }

    #[test]
    fn serializes_in_lowercase() {
        let lint = lint("", ApiKind::Rest);
        let json = serde_json::to_value(&lint).unwrap();
        assert_eq!(json["findings"][0]["severity"], "error");
        assert_eq!(json["findings"][0]["code"], "missing-request-id");
        assert_eq!(serde_json::to_value(ApiKind::Websocket).unwrap(), "websocket");
        assert_eq!(serde_json::to_value(Severity::Warning).unwrap(), "warning");
        assert_eq!(serde_json::to_value(&ApiKind::Rest.presets()[1]).unwrap()["name"], "json");
    }
}
