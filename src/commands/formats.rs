//! `formats list | show | check`, and the format resolution `stage set`/`enable` share.

use crate::context::{Ctx, RED, YELLOW};
use crate::error;
use crate::format::{self, ApiKind, Lint, Severity};
use serde_json::json;

pub fn list(ctx: &Ctx, kind: ApiKind) -> anyhow::Result<()> {
    if ctx.json() {
        let presets: Vec<_> = kind
            .presets()
            .iter()
            .map(|p| json!({ "name": p.name, "title": p.title, "format": p.format }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&presets)?);
    } else {
        for preset in kind.presets() {
            println!("{:<5} {}", preset.name, preset.title);
        }
    }
    Ok(())
}

pub fn show(ctx: &Ctx, name: &str, kind: ApiKind) -> anyhow::Result<()> {
    let preset = find_preset(name, kind)?;
    if ctx.json() {
        println!("{}", json!({ "name": preset.name, "title": preset.title, "format": preset.format }));
    } else {
        println!("{}", preset.format);
    }
    Ok(())
}

fn find_preset(name: &str, kind: ApiKind) -> anyhow::Result<&'static format::Preset> {
    kind.preset(name).ok_or_else(|| {
        let names: Vec<&str> = kind.presets().iter().map(|p| p.name).collect();
        error::usage(format!("no preset named '{name}'; presets: {}", names.join(", ")))
    })
}

pub fn check(ctx: &Ctx, arg: &str, kind: ApiKind) -> anyhow::Result<()> {
    let text = resolve_format_arg("FORMAT", arg, kind)?;
    let lint = format::lint(&text, kind);
    if ctx.json() {
        let doc = json!({
            "api_type": kind,
            "valid": !lint.has_errors(),
            "preset": kind.matching_preset(&text).map(|p| p.name),
            "findings": lint.findings,
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        if lint.findings.is_empty() {
            println!("ok: no problems found");
        }
        print_findings(&lint);
    }
    if lint.has_errors() {
        return Err(error::usage(format!("the format has {} error(s)", lint.errors().count())));
    }
    Ok(())
}

fn print_findings(lint: &Lint) {
    for finding in &lint.findings {
        match finding.severity {
            Severity::Error => println!("{RED}error:{RED:#} {}", finding.message),
            Severity::Warning => println!("{YELLOW}warning:{YELLOW:#} {}", finding.message),
        }
    }
}

/// A preset name (of this kind of API), `@FILE`, or the format itself. A file's final newline is
/// dropped.
pub fn resolve_format_arg(flag: &str, arg: &str, kind: ApiKind) -> anyhow::Result<String> {
    if let Some(preset) = kind.preset(arg) {
        return Ok(preset.format.to_string());
    }
    let Some(path) = arg.strip_prefix('@') else {
        return Ok(arg.to_string());
    };
    let bytes = std::fs::read(path)
        .map_err(|e| error::usage(format!("{flag}: cannot read format file '{path}': {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| error::usage(format!("{flag}: format file '{path}' is not valid UTF-8")))?;
    let text = text.strip_suffix('\n').unwrap_or(&text);
    Ok(text.strip_suffix('\r').unwrap_or(text).to_string())
}

/// Resolves and lints a format given on the command line: errors stop the command before any
/// write (exit 2, naming the flag); warnings are printed and the command goes on.
pub fn checked_format(ctx: &Ctx, flag: &str, arg: &str, kind: ApiKind) -> anyhow::Result<String> {
    let text = resolve_format_arg(flag, arg, kind)?;
    let lint = format::lint(&text, kind);
    for warning in lint.warnings() {
        ctx.warn(format_args!("{flag}: {}", warning.message));
    }
    if lint.has_errors() {
        let errors: Vec<&str> = lint.errors().map(|f| f.message.as_str()).collect();
        let (of_type, type_flag) = match kind {
            ApiKind::Rest => (String::new(), String::new()),
            other => (format!(" for {}s", other.label()), format!(" --api-type {}", super::kind_flag(other))),
        };
        return Err(error::usage_hint(
            format!("{flag}: the format is invalid{of_type}: {}", errors.join("; ")),
            format!(
                "check it with `apigw-logs formats check{type_flag}`, or use a preset: clf, json, xml, csv"
            ),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn presets_files_and_literals_resolve() {
        assert_eq!(
            resolve_format_arg("F", "clf", ApiKind::Rest).unwrap(),
            format::preset("clf").unwrap().format
        );
        assert_eq!(
            resolve_format_arg("F", "$context.requestId", ApiKind::Rest).unwrap(),
            "$context.requestId"
        );
        let mut file = tempfile::NamedTempFile::new().unwrap();
        writeln!(file, "$context.requestId $context.status").unwrap();
        let arg = format!("@{}", file.path().display());
        assert_eq!(
            resolve_format_arg("F", &arg, ApiKind::Rest).unwrap(),
            "$context.requestId $context.status"
        );
    }

    #[test]
    fn unreadable_files_name_the_flag() {
        let err =
            resolve_format_arg("--access-log-format", "@/nonexistent/format.txt", ApiKind::Rest).unwrap_err();
        assert!(format!("{err}").starts_with("--access-log-format: cannot read format file"), "{err}");
        assert_eq!(error::exit_code(&err), error::Exit::Usage);
    }
}
