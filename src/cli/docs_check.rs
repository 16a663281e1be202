//! The documentation cannot drift from the tool: every relative link and anchor in README.md,
//! CONTRIBUTING.md and docs/ resolves, and every `apigw-logs` command in their shell examples
//! parses with the current CLI.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, CONTRIBUTING.md and every Markdown file under docs/.
fn documents() -> Vec<PathBuf> {
    let root = repo_root();
    let mut found = vec![root.join("README.md"), root.join("CONTRIBUTING.md")];
    let mut dirs = vec![root.join("docs")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The lines of a Markdown text with the fenced code blocks marked: `(info string, line)` for
/// lines inside a block, `(None, line)` outside.
fn lines_with_fences(text: &str) -> Vec<(Option<String>, &str)> {
    let mut fence: Option<String> = None;
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            fence = match fence {
                Some(_) => None,
                None => Some(info.trim().to_string()),
            };
            continue;
        }
        out.push((fence.clone(), line));
    }
    out
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a document's headings (repeats numbered `-1`, `-2`, as GitHub does).
fn anchors(text: &str) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (fence, line) in lines_with_fences(text) {
        let Some(heading) = line.strip_prefix('#').filter(|_| fence.is_none()) else { continue };
        let base = slug(heading.trim_start_matches('#'));
        let n = seen.entry(base.clone()).or_default();
        out.push(if *n == 0 { base } else { format!("{base}-{n}") });
        *n += 1;
    }
    out
}

/// The targets of the inline links `[text](target)` outside code (code spans included).
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (fence, line) in lines_with_fences(text) {
        if fence.is_some() {
            continue;
        }
        // Code spans hold examples, not links.
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            out.push(after[..end].trim().to_string());
            rest = &after[end..];
        }
    }
    out
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    let mut broken = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        for link in links(&text) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (path, anchor) = link.split_once('#').map_or((link.as_str(), None), |(p, a)| (p, Some(a)));
            let target = if path.is_empty() { doc.clone() } else { doc.parent().unwrap().join(path) };
            let shown = format!("{}: ({link})", doc.strip_prefix(repo_root()).unwrap().display());
            if !target.exists() {
                broken.push(format!("{shown}: no file {}", target.display()));
                continue;
            }
            if let Some(anchor) = anchor
                && !anchors(&std::fs::read_to_string(&target).unwrap()).iter().any(|a| a == anchor)
            {
                broken.push(format!("{shown}: no heading #{anchor}"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// A POSIX shell line split into words: `'…'`, `"…"` and `\` as the shell reads them.
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut in_word) = (Vec::new(), String::new(), false);
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                word.extend(chars.by_ref().take_while(|c| *c != '\''));
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// The `apigw-logs` commands of the shell examples: continuation lines joined, `# comments`,
/// prompts and pipes left out, `&&` chains split.
fn example_commands(text: &str) -> Vec<String> {
    let shells = ["sh", "console", "bash", "shell"];
    let mut commands = Vec::new();
    let mut pending = String::new();
    for (fence, line) in lines_with_fences(text) {
        if !fence.as_deref().is_some_and(|f| shells.contains(&f)) {
            pending.clear();
            continue;
        }
        let line = line.trim();
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        let whole = std::mem::take(&mut pending) + line;
        let whole = whole.strip_prefix("$ ").unwrap_or(&whole);
        // A comment starts at a `#` after white space (never inside these examples' values).
        let code = whole.split(" #").next().unwrap_or_default();
        for part in code.split("&&") {
            let part = part.split('|').next().unwrap_or_default().trim();
            if part.starts_with("apigw-logs ") || part == "apigw-logs" {
                commands.push(part.to_string());
            }
        }
    }
    commands
}

#[test]
fn every_command_in_the_docs_examples_parses() {
    use clap::Parser as _;
    let mut refused = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        for command in example_commands(&std::fs::read_to_string(&doc).unwrap()) {
            checked += 1;
            if let Err(err) = super::Cli::try_parse_from(shell_words(&command)) {
                use clap::error::ErrorKind;
                if !matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                    let file = doc.strip_prefix(repo_root()).unwrap().display().to_string();
                    refused.push(format!(
                        "{file}: {command}\n  {}",
                        err.to_string().lines().next().unwrap_or("")
                    ));
                }
            }
        }
    }
    assert!(checked > 25, "the examples were found ({checked})");
    assert!(refused.is_empty(), "examples the CLI refuses:\n{}", refused.join("\n"));
}

#[test]
fn the_checks_read_markdown_as_github_does() {
    assert_eq!(
        slug("What logging costs: estimates from the stage's own `traffic`"),
        "what-logging-costs-estimates-from-the-stages-own-traffic"
    );
    assert_eq!(anchors("# A\n```sh\n# not a heading\n```\n## A\n"), ["a", "a-1"]);
    assert_eq!(links("see [x](a.md#b) and `[y](not.md)` [z](#c)"), ["a.md#b", "#c"]);
    assert_eq!(
        shell_words(r#"apigw-logs stage set --method 'GET /pets/{id}' --x "a \"b\"" c\ d"#),
        ["apigw-logs", "stage", "set", "--method", "GET /pets/{id}", "--x", "a \"b\"", "c d"]
    );
    let text = "```sh\n$ apigw-logs enable \\\n    --api orders   # a comment\napigw-logs status | jq . && apigw-logs debug list\n```\n```text\napigw-logs [--x]\n```";
    assert_eq!(
        example_commands(text),
        ["apigw-logs enable  --api orders", "apigw-logs status", "apigw-logs debug list"]
    );
}
