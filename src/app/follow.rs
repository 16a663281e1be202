//! Printing a stage's log events from CloudWatch Logs groups, and following new ones: what `tail`
//! and a debug session's watch share; summarising a window of a group (`summary`, a debug
//! session's end).

use crate::app::context::Ctx;
use crate::aws::Clients;
use crate::aws::logs;
use crate::settings::DEFAULT_RETENTION_DAYS;
use crate::summary::Summary;
use crate::tail::{Seen, json_line, text_line};
use std::time::Duration;

const FIRST_POLL_DELAY: Duration = Duration::from_secs(1);
const MAX_POLL_DELAY: Duration = Duration::from_secs(10);

/// One log group to read.
pub struct Source {
    pub group: String,
    pub execution: bool,
    /// Printed before each event when several groups are read together.
    pub label: Option<&'static str>,
}

pub struct Reading<'a> {
    pub since_millis: i64,
    pub pattern: Option<&'a str>,
    pub utc: bool,
    /// Keep polling (with backoff) until the caller stops it; otherwise print once.
    pub follow: bool,
}

/// Prints the groups' events in time order per group, polling for new ones with `follow`.
pub async fn print_events(
    ctx: &Ctx,
    clients: &Clients,
    sources: &[Source],
    reading: Reading<'_>,
) -> anyhow::Result<()> {
    let mut seen: Vec<Seen> = sources.iter().map(|_| Seen::new(reading.since_millis)).collect();
    let mut told_missing = vec![false; sources.len()];
    for source in sources {
        ctx.progress(format_args!("reading log group {}", source.group));
    }
    let mut delay = FIRST_POLL_DELAY;
    loop {
        let mut printed = false;
        for (index, source) in sources.iter().enumerate() {
            let start = seen[index].next_start();
            match logs::filter_events(&clients.logs, &source.group, start, reading.pattern).await? {
                Some(events) => {
                    let fresh = seen[index].fresh(events);
                    for event in &fresh {
                        match (ctx.json(), source.label) {
                            (true, _) => println!("{}", json_line(event)),
                            (false, Some(label)) => println!("[{label}] {}", text_line(event, reading.utc)),
                            (false, None) => println!("{}", text_line(event, reading.utc)),
                        }
                    }
                    printed |= !fresh.is_empty();
                }
                None if !told_missing[index] => {
                    ctx.warn(missing_group_notice(&source.group, source.execution, reading.follow));
                    told_missing[index] = true;
                }
                None => {}
            }
        }
        if !reading.follow {
            return Ok(());
        }
        delay = if printed { FIRST_POLL_DELAY } else { (delay * 2).min(MAX_POLL_DELAY) };
        tokio::time::sleep(delay).await;
    }
}

fn missing_group_notice(group: &str, execution: bool, follow: bool) -> String {
    let why = if execution {
        format!(
            "API Gateway creates it on the first request it logs (or pre-create it with `apigw-logs stage set --execution-log-retention-days {DEFAULT_RETENTION_DAYS}`)"
        )
    } else {
        "no access log has been written yet, or the group was deleted (`apigw-logs status` checks)"
            .to_string()
    };
    let then = if follow { "; waiting for it" } else { "" };
    format!("log group {group} does not exist yet: {why}{then}")
}

/// Reads every event of `group` in `window` into `summary`, page by page (memory stays bounded
/// however long the window); `false` when the group does not exist.
pub async fn summarise_group(
    ctx: &Ctx,
    clients: &Clients,
    group: &str,
    window: logs::Window,
    summary: &mut Summary,
) -> anyhow::Result<bool> {
    let progress = Progress::new(ctx);
    ctx.progress(format_args!("reading {group}"));
    let exists = logs::filter_pages(&clients.logs, group, window, None, |page| {
        for event in &page {
            summary.add(&event.message);
        }
        progress.lines(summary.lines().0);
        true
    })
    .await?;
    progress.done(ctx, summary);
    Ok(exists)
}

/// Lines read so far on stderr: a spinner on a terminal, nothing otherwise (a pipe gets the
/// final count only).
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    pub fn new(ctx: &Ctx) -> Progress {
        let show = !ctx.json() && std::io::IsTerminal::is_terminal(&std::io::stderr());
        let bar = show.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"),
            );
            bar
        });
        Progress { bar }
    }

    pub fn lines(&self, lines: u64) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{lines} lines read"));
            bar.tick();
        }
    }

    pub fn done(&self, ctx: &Ctx, summary: &Summary) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let (lines, unparsed) = summary.lines();
        ctx.progress(format_args!("read {lines} line(s), {unparsed} not in the format"));
    }
}
