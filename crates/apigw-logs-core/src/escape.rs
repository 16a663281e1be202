//! Text from outside (names, formats, tags, route keys read from AWS; error messages) escaped for
//! where it goes: a terminal, a comment or a string literal of emitted code. Each target's rules
//! are applied here, in one place, never by formatting raw text into a template.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters that must never reach a terminal or a line of emitted code raw: C0 and C1 controls
/// (CR rewrites the line, ESC starts a terminal command, NEL ends a YAML line), DEL, the Unicode
/// line and paragraph separators (they end a JavaScript `//` comment), and the bidirectional
/// overrides that make text display in another order than it reads ("Trojan Source").
pub fn is_hostile(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{feff}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn escaped_char(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        // JSON's form: valid inside a JSON string too (the output may be JSON), and every
        // hostile character is in the Basic Multilingual Plane.
        c => {
            let _ = write!(out, "\\u{:04x}", c as u32);
        }
    }
}

/// A value for human output (a plan, `status`, a warning): every hostile character written as
/// an escape (`\r`, `\u001b`), so a name can neither rewrite the terminal nor fake a line.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hostile(c) { escaped_char(&mut out, c) } else { out.push(c) }
    }
    Cow::Owned(out)
}

/// The text of a `//` or `#` comment: the same escapes as [`terminal`], so no line terminator
/// of any language can end the comment early.
pub fn comment(text: &str) -> Cow<'_, str> {
    terminal(text)
}

/// Whole output on its way to stdout or stderr, the last line of defence behind [`terminal`]:
/// line feeds and tabs stay, and so do the colour sequences the tool writes itself (SGR:
/// `ESC [ digits/; m`, harmless); every other hostile character is escaped. JSON stays valid
/// and means the same: serde_json leaves DEL, C1 and the separators raw inside strings, and the
/// escapes written here are JSON's.
pub fn terminal_stream(text: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t';
    if !text.chars().any(|c| is_hostile(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}'
            && let Some(len) = sgr_len(rest)
        {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        if is_hostile(c) && !keep(c) {
            escaped_char(&mut out, c)
        } else {
            out.push(c)
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// The length of the colour sequence (`ESC [ 1;31 m`) at the start of `text`, if one is there.
fn sgr_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let params = body.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
    (body[params..].starts_with('m')).then_some(2 + params + 1)
}

/// A JSON string literal with every character outside printable ASCII's safe set escaped the way
/// JSON, JavaScript, TypeScript and YAML's double-quoted scalars all read the same: `\"`, `\\`,
/// `\n`, `\r`, `\t`, `\uXXXX` (UTF-16, pairs for astral characters only where hostile).
fn json_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hostile(c) => {
                // Every hostile character is in the Basic Multilingual Plane.
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JavaScript/TypeScript string literal: JSON's escapes, with the line and paragraph
/// separators escaped too (raw, they end a line in older engines and in comments).
pub fn js_string(text: &str) -> String {
    json_like(text)
}

/// A YAML double-quoted scalar: JSON's escapes, and NEL, the separators and every other
/// non-printable character escaped (raw, YAML folds or rejects them).
pub fn yaml_string(text: &str) -> String {
    json_like(text)
}

/// An HCL (Terraform) quoted string: JSON's escapes (HCL has no `\b`, `\f` or `\/`, so those go
/// as `\uXXXX`), and HCL's template sequences doubled, `${` → `$${` and `%{` → `%%{`, so a value
/// holding them is kept as it is instead of being read as an interpolation or a directive.
pub fn hcl_string(text: &str) -> String {
    json_like(text).replace("${", "$${").replace("%{", "%%{")
}

/// Whether Serverless Framework (v3's variable parser, `lib/configuration/variables/parse.js`)
/// would read a variable in `text`: `${` followed by a lower-case source name and `:` or `(`.
/// Serverless documents no escape that yields the characters back unchanged, so such a value
/// cannot be written into `serverless.yml` as it is.
pub fn serverless_variable(text: &str) -> bool {
    text.match_indices("${").any(|(at, _)| {
        let rest = &text[at + 2..];
        let mut chars = rest.chars();
        chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                .is_some_and(|end| matches!(rest.as_bytes()[end], b':' | b'('))
    })
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Names and formats an attacker (or a careless user) can give an API, a stage or a route; the
    /// end-to-end tests run the same corpus through every `--emit` tool's own checker.
    pub fn hostile() -> Vec<String> {
        serde_json::from_str(include_str!("../../../tests/fixtures/hostile.json")).unwrap()
    }

    #[test]
    fn terminal_text_has_no_hostile_character_left() {
        for text in &hostile() {
            let shown = terminal(text);
            assert!(!shown.chars().any(is_hostile), "{shown:?}");
        }
        assert_eq!(terminal("x\ry"), "x\\ry");
        assert_eq!(terminal("\u{1b}[2J"), "\\u001b[2J");
        assert!(matches!(terminal("plain name"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_stream_keeps_lines_tabs_and_colours_only() {
        let coloured = "\u{1b}[1;31merror:\u{1b}[0m x\n\ty";
        assert_eq!(terminal_stream(coloured), coloured);
        assert_eq!(terminal_stream("a\rb\u{1b}]0;t\u{7}"), "a\\rb\\u001b]0;t\\u0007");
        assert_eq!(terminal_stream("\u{1b}[2J"), "\\u001b[2J", "a screen clear is not a colour");
        assert_eq!(terminal_stream("\u{1b}["), "\\u001b[");
        // In JSON, what serde_json leaves raw comes out as JSON's own escapes: the same string.
        let json = serde_json::to_string(&"a\u{2028}b\u{85}\u{202e}").unwrap();
        let shown = terminal_stream(&json);
        assert!(!shown.chars().any(is_hostile), "{shown}");
        assert_eq!(serde_json::from_str::<String>(&shown).unwrap(), "a\u{2028}b\u{85}\u{202e}");
    }

    #[test]
    fn string_literals_read_back_as_the_text() {
        for text in &hostile() {
            for literal in [js_string(text), yaml_string(text)] {
                assert!(!literal.chars().any(is_hostile), "{literal:?}");
                assert_eq!(&serde_json::from_str::<String>(&literal).unwrap(), text);
            }
            let hcl = hcl_string(text);
            assert!(!hcl.chars().any(is_hostile));
            assert_eq!(&decode_hcl(&hcl), text, "{hcl}");
        }
        assert_eq!(hcl_string("${foo} %{bar}"), r#""$${foo} %%{bar}""#);
    }

    /// HCL's reading of a quoted string without interpolations, for the round trip above (the
    /// end-to-end tests parse the emitted files with a real HCL parser).
    pub fn decode_hcl(literal: &str) -> String {
        let mut unescaped = String::new();
        let mut rest = literal;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("$${") {
                unescaped.push_str("${");
                rest = after;
            } else if let Some(after) = rest.strip_prefix("%%{") {
                unescaped.push_str("%{");
                rest = after;
            } else {
                let c = rest.chars().next().unwrap();
                unescaped.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        serde_json::from_str(&unescaped).unwrap()
    }

    #[test]
    fn serverless_variables_are_told_from_plain_dollar_braces() {
        assert!(serverless_variable("a ${self:provider.stage}"));
        assert!(serverless_variable("${file(./x.yml)}"));
        assert!(serverless_variable("${opt:x, 'y'}"));
        assert!(!serverless_variable("${foo}"));
        assert!(!serverless_variable("${AWS::Region}"));
        assert!(!serverless_variable("$context.requestId %{bar}"));
        assert!(!serverless_variable("${"));
    }
}
