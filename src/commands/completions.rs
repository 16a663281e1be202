//! Generated from the CLI definition: shell completion scripts (`completions SHELL`) and man pages.
//! The files committed under completions/ and man/ come from here (scripts/update-completions.sh;
//! a test fails when they drift).

use crate::cli::{Cli, CompletionsArgs};
use clap::CommandFactory;

pub fn run(args: &CompletionsArgs) -> anyhow::Result<()> {
    print!("{}", script(args.shell));
    Ok(())
}

/// The completion script for `shell`, as text.
pub fn script(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "apigw-logs", &mut out);
    String::from_utf8(out).expect("clap_complete writes UTF-8")
}

/// One man page per command (section 1): `(file name, roff text)`, e.g. `apigw-logs.1`,
/// `apigw-logs-stage-set.1`, sorted by name.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn collect(cmd: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            collect(sub.clone(), pages);
        }
        let man = clap_mangen::Man::new(cmd);
        let mut page = Vec::new();
        man.render(&mut page).expect("rendering into memory");
        pages.push((man.get_filename(), page));
    }
    // The package version only: `--version` also names the commit, which would change every page
    // at every commit.
    let mut cli = Cli::command().version(env!("CARGO_PKG_VERSION")).disable_help_subcommand(true);
    // Gives the subcommands their full names (apigw-logs-stage-set).
    cli.build();
    let mut pages = Vec::new();
    collect(cli, &mut pages);
    pages.sort();
    pages
}
