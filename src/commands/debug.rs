//! `debug`: a bounded session of full logging on one stage. It snapshots the stage, schedules its
//! revert (EventBridge Scheduler), applies INFO (HTTP: a debugging access log format) through the
//! same planner and executor as `stage set`, follows the logs, and puts the stage back when the
//! time is up or on Ctrl-C. `debug list` and `debug end` read and end sessions.

use crate::api::{Api, ApiKind};
use crate::app::context::Ctx;
use crate::app::execute::{self, Appendix, Target};
use crate::app::follow::{Reading, Source, print_events, summarise_group};
use crate::app::interrupt;
use crate::arn;
use crate::aws::{Clients, scheduler};
use crate::cli::{ApisRef, DebugArgs, DebugCommand, DebugStartArgs, StageRef};
use crate::error;
use crate::groups::{default_log_group, execution_log_group};
use crate::logging::StageLogging;
use crate::plan::Plan;
use crate::planner::session::{self as sessions, Stored};
use crate::planner::stage::{Mode, plan_requests};
use crate::planner::targets::{api_and_stage, resolve_apis};
use crate::request::Logging;
use crate::session::{self, HTTP_DEBUG_FORMAT, Record, SCHEDULE_GROUP, Snapshot};
use crate::settings::{Level, Switch};
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
fn session_logging(api: &Api, stage: &StageLogging, args: &DebugStartArgs) -> Vec<Logging> {
    if api.kind == ApiKind::Http {
        return vec![Logging {
            access_log_format: Some(HTTP_DEBUG_FORMAT.to_string()),
            access_log_group: stage.access.is_none().then(|| default_log_group(api, &stage.stage_name)),
            ..Logging::default()
        }];
    }
    vec![Logging {
        level: Some(Level::Info),
        data_trace: args.data_trace.then_some(Switch::On),
        methods: args.methods.clone(),
        routes: args.routes.clone(),
        ..Logging::default()
    }]
}

/// A whole-stage session is full logging: a method or route override that logs less than the
/// session (a lower level, or no data trace when the session asks for it) would keep that
/// method quiet, so it is raised too, and put back with the rest.
fn quieter_overrides(api: &Api, stage: &StageLogging, args: &DebugStartArgs) -> Option<Logging> {
    if !(args.methods.is_empty() && args.routes.is_empty()) || api.kind == ApiKind::Http {
        return None;
    }
    let quieter =
        |m: &crate::logging::MethodLogging| m.level != Level::Info || (args.data_trace && !m.data_trace);
    let keys = stage.methods.iter().filter(|(key, m)| *key != crate::settings::ALL_METHODS_KEY && quieter(m));
    let mut raise = Logging {
        level: Some(Level::Info),
        data_trace: args.data_trace.then_some(Switch::On),
        ..Logging::default()
    };
    for (key, _) in keys {
        match api.kind {
            ApiKind::Rest => raise.methods.extend(crate::settings::MethodSpec::from_settings_key(key)),
            _ => raise.routes.push(key.clone()),
        }
    }
    (!(raise.methods.is_empty() && raise.routes.is_empty())).then_some(raise)
}

/// Starts a session in `region` (`None`: the command's region).
pub async fn start_in(ctx: &Ctx, args: &DebugStartArgs, region: Option<String>) -> anyhow::Result<()> {
    let clients = match region {
        Some(region) => ctx.clients_in(Some(region)).await?,
        None => ctx.clients().await?,
    };
    let (api, stage) = api_and_stage(ctx, &clients, &args.target()).await?;
    check_kind(&api, args)?;
    let identity = clients.identity().await?;
    sessions::check_no_session(&clients, &api, &stage).await?;
    let mut logging = session_logging(&api, &stage, args);
    logging.extend(quieter_overrides(&api, &stage, args));
    let planned = plan_requests(ctx, &clients, &identity, &api, &stage, &logging, Mode::Set).await?;
    if !planned.steps.iter().any(|s| s.action.updates_stage()) {
        println!(
            "Nothing to debug: {} {} ({}), stage {} already logs as a debug session would; no session started.",
            api.kind.label(),
            api.shown_name(),
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
    // CreateSchedule refused: a start elsewhere made this stage's schedule first.
    let lost_race = crate::aws::error_code(&err) == Some("ConflictException");
    let cleanup = async {
        let schedule = scheduler::get(&clients.scheduler, SCHEDULE_GROUP, &name).await?;
        let ours = schedule.as_ref().is_some_and(|s| s.description == record.description());
        if ours && Snapshot::of(&current_stage(clients, record).await?) != record.before {
            return anyhow::Ok((false, schedule));
        }
        if ours {
            scheduler::delete(&clients.scheduler, SCHEDULE_GROUP, &name).await?;
        }
        crate::aws::logs::delete_log_stream(&clients.logs, session::RECORD_LOG_GROUP, &record.stream_name())
            .await?;
        Ok((true, schedule.filter(|_| !ours)))
    };
    match cleanup.await {
        Ok((true, Some(theirs))) if lost_race => {
            let until = session::parse_description(&theirs.description)
                .map_or_else(|| theirs.expression.clone(), |l| shown(l.ends));
            error::precondition(
                format!(
                    "stage {} of API {} has a debug session open already (until {until}), started elsewhere at the same time; this one did not start and changed nothing",
                    record.stage, record.api.id
                ),
                format!("wait for it to end, or end it now: {end}"),
            )
        }
        Ok((true, _)) => err.context("the debug session did not start: it left the stage unchanged, and its schedule and record were removed"),
        Ok((false, _)) => err.context(format!(
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
    let subject = format!("API {} ({}), stage {}", record.api.shown_name(), record.api.id, record.stage);
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
    let revert = session::revert(&record.before_stage(), &record.during_stage(), now);
    session::check_revert(now, &revert.target).map_err(|why| refused(&record.api, now, &why))?;
    for setting in &revert.left_alone {
        ctx.warn(format_args!("left alone: {setting}: changed by someone else during the session"));
    }
    let name = record.schedule_name();
    let steps = sessions::end_steps(
        &record.api,
        now,
        &revert.target,
        Some(stream),
        schedule_open.then_some(name.as_str()),
    );
    let mut target = end_target(clients, record);
    target.result["left_alone"] = json!(revert.left_alone);
    target.summary = Some(if revert.left_alone.is_empty() {
        "Debug session ended: the stage is back as it was.".to_string()
    } else {
        format!(
            "Debug session ended: the stage is back as it was, except {} setting(s) changed meanwhile.",
            revert.left_alone.len()
        )
    });
    if !claim(ctx, clients, stream).await? {
        return ended_elsewhere(ctx, clients, record).await;
    }
    target.appendix = session_summary(ctx, clients, record);
    execute::run(ctx, clients, &Plan { steps }, target).await
}

/// The summary of the session's own window, from its access log group, read while the stage is
/// put back (`None` when its access logs are not in a CloudWatch Logs group).
fn session_summary<'a>(
    ctx: &'a Ctx,
    clients: &'a Clients,
    record: &'a Record,
) -> Option<futures::future::BoxFuture<'a, Option<Appendix>>> {
    let access = record.during.access.as_ref()?;
    let group = arn::log_group_name_of(&access.destination_arn)?;
    let template = crate::access::Template::new(&access.format).ok()?;
    Some(Box::pin(async move {
        let latency = crate::access::latency_variables(Some(record.api.kind));
        let mut summary = crate::summary::Summary::new(template, latency);
        let end = Utc::now();
        let window = crate::aws::logs::Window {
            start_millis: record.started.timestamp_millis(),
            end_millis: Some(end.timestamp_millis()),
        };
        match summarise_group(ctx, clients, &group, window, &mut summary).await {
            Ok(_) => {
                let figures = summary.figures();
                Some(Appendix {
                    key: "summary",
                    json: serde_json::to_value(&figures).ok()?,
                    text: format!(
                        "Access logs during the session ({} to {}, {group}):\n{}",
                        shown(record.started),
                        shown(end),
                        figures.text()
                    ),
                })
            }
            Err(err) => {
                ctx.warn(format_args!("the session's access logs could not be summarised: {err:#}"));
                None
            }
        }
    }))
}

/// Takes the session for this process by deleting its record: of two `debug end`s at once (or a
/// `debug end` and the session's own process), only one finds it. The plan lists the deletion as
/// its first step, which then finds it gone. A dry run claims nothing.
async fn claim(ctx: &Ctx, clients: &Clients, stream: &str) -> anyhow::Result<bool> {
    if ctx.dry_run() {
        return Ok(true);
    }
    crate::aws::logs::claim_log_stream(&clients.logs, session::RECORD_LOG_GROUP, stream).await
}

/// A record or schedule that would make `debug end` do more than a revert: nothing is written.
fn refused(api: &Api, stage: &StageLogging, why: &str) -> anyhow::Error {
    error::precondition(
        format!(
            "the debug session's record for stage {} of API {} cannot be trusted: {why}; nothing was written",
            stage.stage_name, api.id
        ),
        format!(
            "check the stage with `apigw-logs status --api {} --stage {}` and set it by hand; a record apigw-logs did not write can be deleted: aws logs delete-log-stream --log-group-name {} --log-stream-name ...",
            api.id,
            stage.stage_name,
            session::RECORD_LOG_GROUP
        ),
    )
}

async fn end(ctx: &Ctx, target: &StageRef) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let apis = ApisRef { apis: vec![target.api.clone()], api_type: target.api_type, ..Default::default() };
    // The API, and the stage; when either is gone, its sessions can still be ended (given the
    // API's id): nothing is written, their schedule and record are removed.
    let (api, stage) = match resolve_apis(ctx, &clients, &apis).await {
        Ok(mut found) => {
            let api = found.remove(0);
            let stage =
                crate::aws::stages(&clients, &api).await?.into_iter().find(|s| s.stage_name == target.stage);
            (Some(api), stage)
        }
        Err(err) if arn::is_api_id(&target.api) => {
            tracing::info!("API {} not found ({err:#}); looking for its sessions by id", target.api);
            (None, None)
        }
        Err(err) => return Err(err),
    };
    let api_id = api.as_ref().map_or_else(|| target.api.clone(), |a| a.id.clone());
    let api_id = api_id.as_str();
    let name = session::schedule_name(api_id, &target.stage);
    let schedule = scheduler::get(&clients.scheduler, SCHEDULE_GROUP, &name)
        .await?
        .filter(|s| session::is_session_schedule(&s.name, &s.target_arn));
    let stored = sessions::find_record(&clients, api_id, &target.stage).await?;
    let (Some(api), Some(stage)) = (api, stage) else {
        if schedule.is_none() && stored.is_none() {
            // Nothing of a session either: the usual error about the API or stage.
            api_and_stage(ctx, &clients, target).await?;
        }
        return orphaned(
            ctx,
            &clients,
            api_id,
            &target.stage,
            "no longer exists",
            schedule.is_some(),
            stored,
        )
        .await;
    };
    match stored {
        Some(Stored { stream, record: Ok(record) }) => {
            if let Some(created) = stage.created.filter(|c| *c > record.started) {
                let why = format!("was created at {} (after the session began)", shown(created));
                return orphaned(
                    ctx,
                    &clients,
                    api_id,
                    &target.stage,
                    &why,
                    schedule.is_some(),
                    Some(Stored { stream, record: Ok(record) }),
                )
                .await;
            }
            session::check_record(&record, &api, &stage, &stream)
                .map_err(|why| refused(&api, &stage, &why))?;
            finish(ctx, &clients, &record, &stream, &stage, schedule.is_some()).await
        }
        stored => {
            let why = match &stored {
                Some(Stored { record: Err(why), .. }) => why.clone(),
                _ => "it is gone".to_string(),
            };
            let Some(schedule) = schedule else {
                return Err(match stored {
                    Some(_) => refused(
                        &api,
                        &stage,
                        &format!("{why}, and the session has no schedule to take the revert from"),
                    ),
                    None => error::precondition(
                        format!("stage {} of API {} has no debug session", stage.stage_name, api.id),
                        format!(
                            "start one with: apigw-logs debug --api {} --stage {}",
                            api.id, stage.stage_name
                        ),
                    ),
                });
            };
            from_schedule(ctx, &clients, &api, &stage, &schedule, stored.map(|s| s.stream), &why).await
        }
    }
}

/// `debug end` without a usable record: the stage goes back as the session's schedule would put
/// it, read and checked like a record (`session::target_from_schedule`); said so.
async fn from_schedule(
    ctx: &Ctx,
    clients: &Clients,
    api: &Api,
    stage: &StageLogging,
    schedule: &scheduler::Schedule,
    stream: Option<String>,
    why: &str,
) -> anyhow::Result<()> {
    // A stage made after the session began is not the session's (its start is at least a minute
    // before its end).
    let ends = session::parse_description(&schedule.description).map(|l| l.ends);
    if let (Some(created), Some(ends)) = (stage.created, ends)
        && created > ends - chrono::Duration::minutes(1)
    {
        let why = format!("was created at {} (after the session began)", shown(created));
        return orphaned(
            ctx,
            clients,
            &api.id,
            &stage.stage_name,
            &why,
            true,
            stream.map(|stream| Stored { stream, record: Err(String::new()) }),
        )
        .await;
    }
    let target =
        session::target_from_schedule(api, stage, &schedule.target_arn, &schedule.input).map_err(|e| {
            refused(
                api,
                stage,
                &format!("its record: {why}; its schedule {SCHEDULE_GROUP}/{}: {e}", schedule.name),
            )
        })?;
    ctx.warn(format_args!(
        "the session's record cannot be used ({why}): the stage goes back as its schedule {SCHEDULE_GROUP}/{} would put it",
        schedule.name
    ));
    let steps = sessions::end_steps(api, stage, &target, stream.as_deref(), Some(&schedule.name));
    let subject = format!("API {} ({}), stage {}", api.shown_name(), api.id, stage.stage_name);
    let result = json!({ "api": api, "stage": stage.stage_name, "from_schedule": true });
    let mut report = Target::new("debug end", &clients.region, subject, result);
    report.summary = Some("Debug session ended: the stage is back as its schedule would have put it.".into());
    if let Some(stream) = &stream
        && !claim(ctx, clients, stream).await?
    {
        let mut report = Target::new(
            "debug end",
            &clients.region,
            format!("API {}, stage {}", api.id, stage.stage_name),
            json!({ "ended_elsewhere": true }),
        );
        report.summary =
            Some("The debug session was ended elsewhere meanwhile: nothing left to put back.".into());
        return execute::run(ctx, clients, &Plan::default(), report).await;
    }
    execute::run(ctx, clients, &Plan { steps }, report).await
}

/// A session whose stage (or API) is gone, or is a later stage of the same name: nothing is
/// written to any stage; its schedule (which would otherwise write to the namesake) and its
/// record are removed.
async fn orphaned(
    ctx: &Ctx,
    clients: &Clients,
    api_id: &str,
    stage: &str,
    why: &str,
    schedule_open: bool,
    stored: Option<Stored>,
) -> anyhow::Result<()> {
    let name = session::schedule_name(api_id, stage);
    let mut steps = Vec::new();
    if let Some(stored) = &stored {
        let delete = crate::plan::Action::DeleteLogStream {
            log_group_name: session::RECORD_LOG_GROUP.into(),
            log_stream_name: stored.stream.clone(),
        };
        steps.push(crate::plan::Step::new(
            format!("log stream {}/{}", session::RECORD_LOG_GROUP, stored.stream),
            delete,
            Vec::new(),
        ));
    }
    if schedule_open {
        let delete =
            crate::plan::Action::DeleteSchedule { name: name.clone(), group_name: SCHEDULE_GROUP.into() };
        steps.push(crate::plan::Step::new(format!("schedule/{SCHEDULE_GROUP}/{name}"), delete, Vec::new()));
    }
    let subject = format!("API {api_id}, stage {stage}");
    let mut report = Target::new(
        "debug end",
        &clients.region,
        subject,
        json!({ "api_id": api_id, "stage": stage, "stage_gone": true }),
    );
    report.summary = Some(format!(
        "The debug session's stage {why}: nothing was written to it; the session's schedule and record are removed."
    ));
    execute::run(ctx, clients, &Plan { steps }, report).await
}

async fn list(ctx: &Ctx) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let mut listed = Vec::new();
    for name in scheduler::names(&clients.scheduler, SCHEDULE_GROUP).await? {
        // Only the tool's own schedules are sessions: its group, its names, its revert calls.
        let Some(schedule) = scheduler::get(&clients.scheduler, SCHEDULE_GROUP, &name)
            .await?
            .filter(|s| session::is_session_schedule(&s.name, &s.target_arn))
        else {
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
