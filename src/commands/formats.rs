//! `formats list | show | check`.

use crate::api::ApiKind;
use crate::app::context::{Ctx, RED, YELLOW};
use crate::error;
use crate::finding::Severity;
use crate::format::{self, Lint};
use crate::planner::validate::resolve_format_arg;
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
            // The linter reports problems only.
            Severity::Ok => println!("ok: {}", finding.message),
        }
    }
}
