//! Names the commit the binary is built from, for `--version`: `APIGW_LOGS_COMMIT` is
//! "<short hash> <commit date>", or "unknown" outside a git checkout of this package (e.g. a
//! crates.io tarball).

// Cargo reads its instructions from this script's stdout.
#![allow(clippy::disallowed_macros)]

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // Only this package's own checkout: a tarball unpacked inside another repository is not it.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo");
    let own = git(&["rev-parse", "--show-toplevel"])
        .is_some_and(|top| std::fs::canonicalize(top).ok() == std::fs::canonicalize(&root).ok());
    let commit = if own { git(&["log", "-1", "--format=%h %cs"]) } else { None };
    println!("cargo:rustc-env=APIGW_LOGS_COMMIT={}", commit.as_deref().unwrap_or("unknown"));
    if !own {
        return;
    }
    // Rebuild when HEAD moves: HEAD itself (a checkout), the branch it points to (a commit), and
    // packed refs. `--git-path` resolves them in linked worktrees too. Only files that exist: a
    // missing one would rerun this script on every build.
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
    for name in watched {
        if let Some(path) = git(&["rev-parse", "--path-format=absolute", "--git-path", &name])
            && Path::new(&path).exists()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}
