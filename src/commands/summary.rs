//! `summary`: the figures of a window of a stage's access logs (read page by page from CloudWatch
//! Logs), of an access log file (streamed), or the Logs Insights queries that compute them.

use crate::access::{Template, latency_variables};
use crate::api::ApiKind;
use crate::app::context::Ctx;
use crate::app::follow::{Progress, summarise_group};
use crate::arn::{self, Destination};
use crate::aws::logs::Window;
use crate::cli::{StageRef, SummaryArgs};
use crate::error;
use crate::planner::targets::api_and_stage;
use crate::planner::validate::resolve_format_arg;
use crate::summary::{Figures, Summary};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::io::BufRead as _;
use std::path::Path;

/// A file larger than this is refused: at the speed lines are read here it would take minutes,
/// and the Insights queries (`--insights-query`) compute the same figures server-side.
pub const MAX_FILE_BYTES: u64 = 16 << 30;
/// Lines read before a file none of whose lines is in the format is refused as not a log.
const PROBE_LINES: u64 = 1_000;
/// Bytes looked at for signs of a binary or compressed file.
const PROBE_BYTES: usize = 64 << 10;

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Source<'a> {
    File(&'a str),
    LogGroup { name: &'a str, start: DateTime<Utc>, end: DateTime<Utc> },
}

#[derive(Serialize)]
struct Report<'a> {
    source: Source<'a>,
    format: &'a str,
    figures: &'a Figures,
}

/// What the format and the API's kind are, from `--format` or the stage.
struct Reading {
    format: String,
    kind: Option<ApiKind>,
    stage: Option<(crate::api::Api, crate::logging::StageLogging)>,
}

pub async fn run(ctx: &Ctx, args: &SummaryArgs) -> anyhow::Result<()> {
    if args.file.is_none() && args.api.is_none() && !(args.insights_query && args.format.is_some()) {
        return Err(error::usage(
            "say what to summarise: --api and --stage (the stage's access logs), or --file FILE with --format or --api and --stage",
        ));
    }
    // A file's problems are found before any AWS call.
    let file = args.file.as_deref().map(open).transpose()?;
    let reading = reading(ctx, args).await?;
    let template = Template::new(&reading.format).map_err(|why| {
        error::usage(match &args.format {
            Some(_) => format!("--format: {why}"),
            None => format!(
                "the stage's access log format cannot be read back: {why}; give the format with --format"
            ),
        })
    })?;
    let latency = latency_variables(reading.kind);
    if args.insights_query {
        let queries = crate::insights::queries(&reading.format, latency).map_err(error::usage)?;
        if ctx.json() {
            return ctx.print_json(&serde_json::json!({ "format": reading.format, "queries": queries }));
        }
        print!("{}", crate::insights::text(&queries));
        return Ok(());
    }
    let mut summary = Summary::new(template, latency);
    let source = match (file, &args.file) {
        (Some(file), Some(path)) => {
            read_file(ctx, file, path, &mut summary)?;
            Source::File(path.to_str().unwrap_or("(not UTF-8)"))
        }
        _ => {
            let (api, stage) = reading.stage.as_ref().expect("--api and --stage without --file");
            let window = window(args.since.start_millis(Utc::now()), Utc::now());
            let group = access_group(stage, &api.id)?;
            read_group(ctx, &group, window, &mut summary).await?;
            print_report(
                ctx,
                &summary,
                &reading.format,
                Source::LogGroup {
                    name: &group,
                    start: DateTime::from_timestamp_millis(window.start_millis).unwrap_or_default(),
                    end: DateTime::from_timestamp_millis(window.end_millis.unwrap_or_default())
                        .unwrap_or_default(),
                },
            )?;
            return Ok(());
        }
    };
    print_report(ctx, &summary, &reading.format, source)
}

fn window(start_millis: i64, now: DateTime<Utc>) -> Window {
    Window { start_millis, end_millis: Some(now.timestamp_millis()) }
}

fn print_report(ctx: &Ctx, summary: &Summary, format: &str, source: Source) -> anyhow::Result<()> {
    let figures = summary.figures();
    if ctx.json() {
        return ctx.print_json(&Report { source, format, figures: &figures });
    }
    match &source {
        Source::File(path) => println!("access log lines of {}", crate::escape::terminal(path)),
        Source::LogGroup { name, start, end } => println!(
            "access logs in {name} from {} to {}",
            start.format("%Y-%m-%dT%H:%M:%SZ"),
            end.format("%Y-%m-%dT%H:%M:%SZ")
        ),
    }
    print!("{}", figures.text());
    Ok(())
}

async fn reading(ctx: &Ctx, args: &SummaryArgs) -> anyhow::Result<Reading> {
    let stage = match (&args.api, &args.stage) {
        (Some(api), Some(stage)) => {
            let clients = ctx.clients().await?;
            let target = StageRef { api: api.clone(), api_type: args.api_type, stage: stage.clone() };
            Some(api_and_stage(ctx, &clients, &target).await?)
        }
        _ => None,
    };
    let kind = stage.as_ref().map(|(api, _)| api.kind).or(args.api_type);
    let format = match (&args.format, &stage) {
        (Some(format), _) => resolve_format_arg("--format", format, kind.unwrap_or(ApiKind::Rest))?,
        (None, Some((api, stage))) => match &stage.access {
            Some(access) => access.format.clone(),
            None => {
                return Err(error::precondition(
                    format!(
                        "stage {} of API {} has no access logging, so no access logs to summarise",
                        stage.stage_name, api.id
                    ),
                    format!("turn it on: apigw-logs enable --api {} --stage {}", api.id, stage.stage_name),
                ));
            }
        },
        (None, None) => {
            return Err(error::usage(
                "--file: say which format its lines are in, with --format or --api and --stage",
            ));
        }
    };
    Ok(Reading { format, kind, stage })
}

/// The stage's access log group; a Firehose destination is read where it delivers, with --file.
fn access_group(stage: &crate::logging::StageLogging, api_id: &str) -> anyhow::Result<String> {
    let access = stage.access.as_ref().expect("checked by reading()");
    match arn::parse_destination(&access.destination_arn) {
        Ok((Destination::LogGroup { name }, _)) => Ok(name),
        Ok((Destination::Firehose { arn }, _)) => Err(error::precondition(
            format!("the stage's access logs go to Firehose stream {arn}, not to CloudWatch Logs"),
            format!(
                "summarise the files the stream delivers: apigw-logs summary --api {api_id} --stage {} --file FILE (or - for standard input)",
                stage.stage_name
            ),
        )),
        Err(why) => Err(error::precondition(
            format!("the stage's access log destination: {why}"),
            "run `apigw-logs status` for the fix",
        )),
    }
}

async fn read_group(ctx: &Ctx, group: &str, window: Window, summary: &mut Summary) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    if let Some(days) = clients.find_log_group(group).await?.and_then(|g| g.retention_days) {
        let kept_from = window.end_millis.unwrap_or_default() - i64::from(days) * 86_400_000;
        if window.start_millis < kept_from {
            return Err(error::usage(format!(
                "--since reaches before the {days} day(s) log group {group} keeps its events: use --since {days}d or less"
            )));
        }
    }
    if !summarise_group(ctx, &clients, group, window, summary).await? {
        ctx.warn(format_args!("log group {group} does not exist: no access line has been written"));
    }
    Ok(())
}

/// Where a file's lines come from.
enum Input {
    Stdin,
    File(std::fs::File),
}

/// Opens `--file`, refusing what cannot be an access log: too large, binary, compressed, or a
/// terminal on standard input.
fn open(path: &Path) -> anyhow::Result<Input> {
    let shown = path.display();
    if path == Path::new("-") {
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            return Err(error::usage("--file -: standard input is a terminal; pipe the access log lines in"));
        }
        return Ok(Input::Stdin);
    }
    let file =
        std::fs::File::open(path).map_err(|e| error::usage(format!("--file: cannot read '{shown}': {e}")))?;
    let meta = file.metadata().map_err(|e| error::usage(format!("--file: cannot read '{shown}': {e}")))?;
    if meta.is_dir() {
        return Err(error::usage(format!(
            "--file: '{shown}' is a directory; give a file of access log lines"
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(error::usage_hint(
            format!(
                "--file: '{shown}' is {} GiB, more than the {} GiB this reads",
                meta.len() >> 30,
                MAX_FILE_BYTES >> 30
            ),
            "split it, or compute the figures server-side with the queries --insights-query prints",
        ));
    }
    Ok(Input::File(file))
}

fn read_file(ctx: &Ctx, input: Input, path: &Path, summary: &mut Summary) -> anyhow::Result<()> {
    let shown = path.display();
    let reader: Box<dyn std::io::Read> = match input {
        Input::Stdin => Box::new(std::io::stdin().lock()),
        Input::File(file) => Box::new(file),
    };
    let mut reader = std::io::BufReader::with_capacity(256 << 10, reader);
    let head = reader.fill_buf().map_err(|e| error::usage(format!("--file: cannot read '{shown}': {e}")))?;
    let probe = &head[..head.len().min(PROBE_BYTES)];
    if probe.starts_with(&[0x1f, 0x8b]) {
        return Err(error::usage_hint(
            format!("--file: '{shown}' is gzip-compressed"),
            format!("decompress it into standard input: zcat {shown} | apigw-logs summary --file - …"),
        ));
    }
    if probe.contains(&0) {
        return Err(error::usage(format!("--file: '{shown}' is binary, not access log lines")));
    }
    let progress = Progress::new(ctx);
    let mut line = String::new();
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        let read = reader
            .read_until(b'\n', &mut bytes)
            .map_err(|e| error::usage(format!("--file: reading '{shown}' failed: {e}")))?;
        if read == 0 {
            break;
        }
        line.clear();
        line.push_str(&String::from_utf8_lossy(&bytes));
        summary.add(&line);
        let (lines, unparsed) = summary.lines();
        if lines == PROBE_LINES && unparsed == lines {
            return Err(not_a_log(&shown.to_string(), lines));
        }
        if lines % 100_000 == 0 {
            progress.lines(lines);
        }
    }
    progress.done(ctx, summary);
    let (lines, unparsed) = summary.lines();
    if lines == 0 || unparsed == lines {
        return Err(not_a_log(&shown.to_string(), lines));
    }
    Ok(())
}

fn not_a_log(shown: &str, lines: u64) -> anyhow::Error {
    if lines == 0 {
        return error::usage(format!("--file: '{shown}' is empty"));
    }
    error::usage_hint(
        format!("--file: none of the first {lines} line(s) of '{shown}' is an access log line in the format"),
        "give the format that wrote them with --format (a preset, the format, or @FILE), or --api and --stage",
    )
}
