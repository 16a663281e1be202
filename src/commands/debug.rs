//! `debug`: a bounded session of full logging on one stage. It snapshots the stage, schedules its
//! revert (EventBridge Scheduler), applies INFO (HTTP: a debugging access log format) through the
//! same planner and executor as `stage set`, follows the logs, and puts the stage back when the
//! time is up or on Ctrl-C. `debug list` and `debug end` read and end sessions.

use crate::api::{Api, ApiKind};
use crate::arn;
use crate::aws::{Clients, scheduler, sts};
use crate::cli::{DebugArgs, DebugCommand, DebugStartArgs, LoggingArgs, StageRef};
use crate::context::Ctx;
use crate::error;
use crate::execute::{self, Target};
use crate::follow::{Reading, Source, print_events};
use crate::interrupt;
use crate::logging::StageLogging;
use crate::plan::Plan;
use crate::planner::session::{self as sessions, Found};
use crate::planner::stage::{Mode, default_log_group, execution_log_group, plan_requests};
use crate::session::{self, HTTP_DEBUG_FORMAT, Record, SCHEDULE_GROUP, Snapshot};
use crate::settings::{Level, Switch};
use crate::targets::api_and_stage;
use chrono::{DateTime, Utc};
use serde_json::json;
use std::time::Duration;

pub async fn run(ctx: &Ctx, args: &DebugArgs) -> anyhow::Result<()> {
    match &args.command {
        Some(DebugCommand::List) => list(ctx).await,
        Some(DebugCommand::End(args)) => end(ctx, &args.target).await,
        None => start_in(ctx, &args.start, None).await,
    }
}

fn shown(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The flags that do not fit the API's type: exit 2 before any write.
fn check_kind(api: &Api, args: &DebugStartArgs) -> anyhow::Result<()> {
    let http = "HTTP APIs have no execution logs: an HTTP session swaps the stage's access log format, which applies to every route";
    let wrong = match api.kind {
        ApiKind::Http if !args.methods.is_empty() => {
            Some(format!("--method: {} is an HTTP API; {http}; leave out --method", api.label()))
        }
        ApiKind::Http if !args.routes.is_empty() => {
            Some(format!("--route: {} is an HTTP API; {http}; leave out --route", api.label()))
        }
        ApiKind::Http if args.data_trace => {
            Some(format!("--data-trace: {} is an HTTP API; {http}; leave out --data-trace", api.label()))
        }
        ApiKind::Rest if !args.routes.is_empty() => Some(format!(
            "--route: {} is a REST API, which has methods; use --method 'GET /path'",
            api.label()
        )),
        ApiKind::Websocket if !args.methods.is_empty() => {
            Some(format!("--method: {} is a WebSocket API, which has routes; use --route KEY", api.label()))
        }
        _ => None,
    };
    wrong.map_or(Ok(()), |message| Err(error::usage(message)))
}

/// The session's change, as `stage set` flags: INFO (and data trace when asked) on the stage or
/// the methods/routes given; for an HTTP API the debugging access log format, with the default
/// access log group when the stage has no access logging.
fn session_logging(api: &Api, stage: &StageLogging, args: &DebugStartArgs) -> LoggingArgs {
    if api.kind == ApiKind::Http {
        return LoggingArgs {
            access_log_format: Some(HTTP_DEBUG_FORMAT.to_string()),
            access_log_group: stage.access.is_none().then(|| default_log_group(api, &stage.stage_name)),
            ..LoggingArgs::default()
        };
    }
    LoggingArgs {
        level: Some(Level::Info),
        data_trace: args.data_trace.then_some(Switch::On),
        methods: args.methods.clone(),
        routes: args.routes.clone(),
        ..LoggingArgs::default()
    }
}

/// Starts a session in `region` (`None`: the command's region).
pub async fn start_in(ctx: &Ctx, args: &DebugStartArgs, region: Option<String>) -> anyhow::Result<()> {
    let clients = match region {
        Some(region) => ctx.clients_in(Some(region)).await?,
        None => ctx.clients().await?,
    };
    let (api, stage) = api_and_stage(ctx, &clients, &args.target()).await?;
    check_kind(&api, args)?;
    let identity = sts::caller_identity(&clients.sts).await?;
    sessions::check_no_session(&clients, &api, &stage).await?;
    let logging = session_logging(&api, &stage, args);
    let planned = plan_requests(ctx, &clients, &identity, &api, &stage, &[logging], Mode::Set).await?;
    if !planned.steps.iter().any(|s| s.action.updates_stage()) {
        println!(
            "Nothing to debug: {} {} ({}), stage {} already logs as a debug session would; no session started.",
            api.kind.label(),
            api.name,
            api.id,
            stage.stage_name
        );
        return Ok(());
    }
    if planned.needs_role {
        crate::planner::require_account_role(&clients).await?;
    }
    let started = Utc::now();
    let ends = session::end_of(started, args.length);
    let revert_at = session::revert_time(ends, args.detach);
    let record = Record {
        api: api.clone(),
        stage: stage.stage_name.clone(),
        started,
        ends,
        revert_at,
        before: Snapshot::of(&stage),
        during: Snapshot::during(&stage, &planned.after),
    };
    let mut plan = Plan { steps: sessions::start_steps(&clients, &identity, &record).await? };
    plan.steps.extend(planned.steps);
    let schedule = format!("{SCHEDULE_GROUP}/{}", record.schedule_name());
    let summary = if args.detach {
        format!(
            "Debug session open until {}: schedule {schedule} puts the stage back then.",
            shown(revert_at)
        )
    } else {
        format!(
            "Debug session open until {} (Ctrl-C ends it early); if this process cannot put the stage back, schedule {schedule} does at {}.",
            shown(ends),
            shown(revert_at)
        )
    };
    let targets = [(api.clone(), stage.clone())];
    let mut target = Target::stages("debug", &clients.region, &targets);
    target.result["session"] = session_json(&record);
    target.summary = Some(summary);
    if ctx.interactive() {
        target.question = Some(format!("Start this debug session in {}?", clients.region));
    }
    if let Err(err) = execute::run(ctx, &clients, &plan, target).await {
        return Err(abandon_start(&clients, &record, err).await);
    }
    if ctx.dry_run() || args.detach {
        return Ok(());
    }
    interrupt::watch_session(format!(
        "`{}` puts the stage back now, and schedule {SCHEDULE_GROUP}/{} does at {}",
        session::end_command(&clients.region, &record.api.id, &record.stage),
        record.schedule_name(),
        shown(record.revert_at)
    ));

    let why = watch(ctx, &clients, &record, args.utc).await;
    ctx.progress(format_args!("debug session: {why}; putting the stage back"));
    // `debug end` elsewhere, or the schedule after a suspended laptop woke up, may have ended it.
    let stream = record.stream_name();
    let found = sessions::find_record(&clients, &record.api.id, &record.stage).await?;
    if found.is_none_or(|found| found.stream != stream) {
        return ended_elsewhere(ctx, &clients, &record).await;
    }
    let schedule_open =
        scheduler::get(&clients.scheduler, SCHEDULE_GROUP, &record.schedule_name()).await?.is_some();
    let now = current_stage(&clients, &record).await?;
    finish(ctx, &clients, &record, &stream, &now, schedule_open).await
}

/// A start that failed (or was interrupted) part-way: when the stage is still as it was, its
/// schedule and record go too, so that neither a later revert nor a refused next session comes of
/// a session that never began. Otherwise the schedule stays, to put the stage back. A schedule of
/// the same name that is not this start's (a session started at the same moment elsewhere) is
/// never touched: the stage change comes after the schedule, so without its own this start
/// changed nothing.
async fn abandon_start(clients: &Clients, record: &Record, err: anyhow::Error) -> anyhow::Error {
    if !interrupt::apply_started() {
        return err;
    }
    let end = session::end_command(&clients.region, &record.api.id, &record.stage);
    let name = record.schedule_name();
    let cleanup = async {
        let schedule = scheduler::get(&clients.scheduler, SCHEDULE_GROUP, &name).await?;
        let ours = schedule.is_some_and(|s| s.description == record.description());
        if ours && Snapshot::of(&current_stage(clients, record).await?) != record.before {
            return anyhow::Ok(false);
        }
        if ours {
            scheduler::delete(&clients.scheduler, SCHEDULE_GROUP, &name).await?;
        }
        crate::aws::logs::delete_log_stream(&clients.logs, session::RECORD_LOG_GROUP, &record.stream_name())
            .await?;
        Ok(true)
    };
    match cleanup.await {
        Ok(true) => err.context("the debug session did not start: it left the stage unchanged, and its schedule and record were removed"),
        Ok(false) => err.context(format!(
            "the debug session started only in part: schedule {SCHEDULE_GROUP}/{} puts the stage back at {}, or run `{end}` now",
            record.schedule_name(),
            shown(record.revert_at)
        )),
        Err(check) => err.context(format!(
            "the debug session did not start cleanly, and what it left could not be checked ({check:#}): run `{end}`"
        )),
    }
}

/// The session's record is gone: it was ended by `debug end` (and a new session may have begun),
/// so this process must not touch the stage.
async fn ended_elsewhere(ctx: &Ctx, clients: &Clients, record: &Record) -> anyhow::Result<()> {
    let mut target = end_target(clients, record);
    target.result["ended_elsewhere"] = json!(true);
    target.summary = Some(
        "The debug session was ended elsewhere (`debug end`): nothing left to put back from here.".into(),
    );
    execute::run(ctx, clients, &Plan { steps: Vec::new() }, target).await
}

fn session_json(record: &Record) -> serde_json::Value {
    json!({
        "schedule": format!("{SCHEDULE_GROUP}/{}", record.schedule_name()),
        "started": shown(record.started),
        "ends": shown(record.ends),
        "reverts_at": shown(record.revert_at),
    })
}

/// Follows the stage's logs until the session's end, Ctrl-C or SIGTERM; says which.
async fn watch(ctx: &Ctx, clients: &Clients, record: &Record, utc: bool) -> &'static str {
    let mut sources = Vec::new();
    if record.api.kind != ApiKind::Http {
        let group = execution_log_group(&record.api, &record.stage);
        sources.push(Source { group, execution: true, label: Some("execution") });
    }
    if let Some(group) =
        record.during.access.as_ref().and_then(|a| arn::log_group_name_of(&a.destination_arn))
    {
        sources.push(Source { group, execution: false, label: Some("access") });
    }
    if sources.is_empty() {
        ctx.warn(format_args!(
            "nothing to follow here: the stage's access logs go to {} (not CloudWatch Logs); the session runs until its end all the same",
            record.during.access.as_ref().map_or("no log group", |a| a.destination_arn.as_str())
        ));
    }
    let reading =
        Reading { since_millis: record.started.timestamp_millis(), pattern: None, utc, follow: true };
    let follow = async {
        if let Err(err) = print_events(ctx, clients, &sources, reading).await {
            ctx.warn(format_args!(
                "cannot follow the logs any more ({err:#}); the session goes on until its end"
            ));
        }
        std::future::pending::<()>().await;
    };
    let left = |now: DateTime<Utc>| (record.ends - now).to_std().unwrap_or_default();
    let clock = async {
        loop {
            let remaining = left(Utc::now());
            ctx.progress(format_args!(
                "debug session: {} left (until {})",
                minutes(remaining),
                shown(record.ends)
            ));
            // On the minute, and at the end.
            let step = match remaining.as_secs() % 60 {
                0 => Duration::from_secs(60),
                rest => Duration::from_secs(rest),
            };
            tokio::time::sleep(step.min(remaining)).await;
            if left(Utc::now()).is_zero() {
                return;
            }
        }
    };
    // Only a --timeout given on the command line cuts a session short: the default one is
    // shorter than the default --for.
    let cut_short = async {
        match ctx.global.timeout_given {
            Some(seconds) => {
                if ctx.deadline() < tokio::time::Instant::now() + left(Utc::now()) {
                    ctx.progress(format_args!(
                        "debug session: --timeout {seconds}s ends it before its --for is up"
                    ));
                }
                tokio::time::sleep_until(ctx.deadline()).await;
            }
            None => std::future::pending().await,
        }
    };
    let why = tokio::select! {
        () = clock => "time is up",
        () = interrupt::session_end_requested() => "ended early",
        () = cut_short => "--timeout reached",
        () = follow => unreachable!("following never ends by itself"),
    };
    interrupt::session_ending();
    // Putting the stage back gets a --timeout of its own.
    ctx.restart_deadline();
    why
}

fn minutes(left: Duration) -> String {
    match left.as_secs() {
        0..60 => format!("{}s", left.as_secs()),
        secs => format!("{}m", secs.div_ceil(60)),
    }
}

async fn current_stage(clients: &Clients, record: &Record) -> anyhow::Result<StageLogging> {
    let stages = crate::aws::stages(clients, &record.api).await?;
    stages.into_iter().find(|s| s.stage_name == record.stage).ok_or_else(|| {
        error::precondition(
            format!("stage {} of API {} no longer exists", record.stage, record.api.id),
            "nothing to put back; delete the session's schedule if it is still there: apigw-logs debug list",
        )
    })
}

/// The report of a session's end.
fn end_target<'a>(clients: &'a Clients, record: &Record) -> Target<'a> {
    let subject = format!("API {} ({}), stage {}", record.api.name, record.api.id, record.stage);
    let result = json!({ "api": record.api, "stage": record.stage, "session": session_json(record) });
    Target::new("debug end", &clients.region, subject, result)
}

/// Puts the stage back, deletes the schedule and the record, and says what it left alone.
async fn finish(
    ctx: &Ctx,
    clients: &Clients,
    record: &Record,
    stream: &str,
    now: &StageLogging,
    schedule_open: bool,
) -> anyhow::Result<()> {
    let (steps, left_alone) = sessions::end_steps(record, stream, now, schedule_open);
    for setting in &left_alone {
        ctx.warn(format_args!("left alone: {setting}: changed by someone else during the session"));
    }
    let plan = Plan { steps };
    let mut target = end_target(clients, record);
    target.result["left_alone"] = json!(left_alone);
    target.summary = Some(if left_alone.is_empty() {
        "Debug session ended: the stage is back as it was.".to_string()
    } else {
        format!(
            "Debug session ended: the stage is back as it was, except {} setting(s) changed meanwhile.",
            left_alone.len()
        )
    });
    execute::run(ctx, clients, &plan, target).await
}

async fn end(ctx: &Ctx, target: &StageRef) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let (api, stage) = api_and_stage(ctx, &clients, target).await?;
    let name = session::schedule_name(&api.id, &stage.stage_name);
    let schedule = scheduler::get(&clients.scheduler, SCHEDULE_GROUP, &name).await?;
    match sessions::find_record(&clients, &api.id, &stage.stage_name).await? {
        Some(Found { stream, record }) => {
            finish(ctx, &clients, &record, &stream, &stage, schedule.is_some()).await
        }
        None => match schedule {
            Some(schedule) => Err(error::precondition(
                format!(
                    "the record of the debug session on stage {} of API {} is gone, so it cannot be put back from here; its schedule {SCHEDULE_GROUP}/{name} still will ({})",
                    stage.stage_name, api.id, schedule.expression
                ),
                format!(
                    "wait for the schedule, or set the stage by hand and delete it: aws scheduler delete-schedule --group-name {SCHEDULE_GROUP} --name {name}"
                ),
            )),
            None => Err(error::precondition(
                format!("stage {} of API {} has no debug session", stage.stage_name, api.id),
                format!("start one with: apigw-logs debug --api {} --stage {}", api.id, stage.stage_name),
            )),
        },
    }
}

async fn list(ctx: &Ctx) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let mut listed = Vec::new();
    for name in scheduler::names(&clients.scheduler, SCHEDULE_GROUP).await? {
        let Some(schedule) = scheduler::get(&clients.scheduler, SCHEDULE_GROUP, &name).await? else {
            continue;
        };
        let restore: serde_json::Value = serde_json::from_str(&schedule.input).unwrap_or_default();
        listed.push((session::parse_description(&schedule.description), schedule, restore));
    }
    if ctx.json() {
        let sessions: Vec<_> = listed
            .iter()
            .map(|(about, schedule, restore)| {
                json!({
                    "schedule": format!("{SCHEDULE_GROUP}/{}", schedule.name),
                    "api_id": about.as_ref().map(|a| &a.api_id),
                    "api_type": about.as_ref().map(|a| a.api_type),
                    "stage": about.as_ref().map(|a| &a.stage),
                    "ends": about.as_ref().map(|a| shown(a.ends)),
                    "reverts_at": about.as_ref().map(|a| shown(a.reverts)),
                    "restore": { "target": schedule.target_arn, "input": restore },
                })
            })
            .collect();
        return ctx.print_json(&json!({ "region": clients.region, "sessions": sessions }));
    }
    if listed.is_empty() {
        println!("No debug sessions open in {}.", clients.region);
    }
    for (about, schedule, _) in &listed {
        match about {
            Some(about) => println!(
                "{} {}, stage {}: ends {}, schedule {SCHEDULE_GROUP}/{} puts it back at {}",
                about.api_type.label(),
                about.api_id,
                about.stage,
                shown(about.ends),
                schedule.name,
                shown(about.reverts)
            ),
            None => println!(
                "schedule {SCHEDULE_GROUP}/{} ({}): not made by apigw-logs debug",
                schedule.name, schedule.expression
            ),
        }
    }
    Ok(())
}
