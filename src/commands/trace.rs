//! `trace`: one request's access log line, execution log lines and integration (Lambda) logs, as
//! one timeline. The searches that do not depend on each other run together: the stage and the
//! API's integrations; then the access line and the functions' log groups; then, around the
//! access line's time, the execution lines and the function's lines.

use crate::access::{Roles, Template, latency_variables, present, request_time};
use crate::api::{Api, ApiKind};
use crate::app::context::Ctx;
use crate::arn::{self, Destination};
use crate::aws::logs::{self, Window};
use crate::aws::{self, Clients, apigw, apigw2, lambda};
use crate::cli::{ApisRef, TraceArgs};
use crate::error;
use crate::finding::{At, Remedy};
use crate::groups::execution_log_group;
use crate::logging::StageLogging;
use crate::planner::targets::{pick_stage, resolve_apis};
use crate::request::Logging;
use crate::tail::Event;
use crate::trace::{self, Integration, Line, Outcome, Source};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::time::Duration;

/// Lines kept from one log group: a request writes a few dozen; this bounds a runaway match.
const MAX_LINES: usize = 10_000;
/// Functions whose log groups are looked up before the request's route is known.
const MAX_FUNCTIONS: usize = 10;
/// How far around the request its other lines are searched for: before its start (or, when the
/// format gives no start, before its access line: the longest a Lambda function runs), and after
/// its access line (lines written late).
const BEFORE: Duration = Duration::from_secs(60);
const LONGEST_REQUEST: Duration = Duration::from_secs(15 * 60);
const AFTER: Duration = Duration::from_secs(60);

/// What one search looked at and found.
#[derive(Serialize)]
struct Searched {
    source: Source,
    log_group: String,
    /// Lines of this request found there; `None` when the group does not exist.
    found: Option<usize>,
}

/// A variable the stage's format lacks, and the command that adds it (with the others missing).
#[derive(Serialize)]
struct Hint {
    variable: &'static str,
    needed_for: &'static str,
    command: String,
}

#[derive(Serialize)]
struct Report<'a> {
    request_id: &'a str,
    api_id: &'a str,
    api_name: &'a str,
    stage: &'a str,
    #[serde(flatten)]
    outcome: &'a Outcome,
    searched: &'a [Searched],
    notes: &'a [String],
    hints: &'a [Hint],
    lines: &'a [Line],
}

pub async fn run(ctx: &Ctx, args: &TraceArgs) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let id = args.request_id.as_str();
    let wanted =
        ApisRef { apis: vec![args.target.api.clone()], api_type: args.target.api_type, ..Default::default() };
    let api = resolve_apis(ctx, &clients, &wanted).await?.remove(0);
    // The stage and the API's integrations side by side.
    let (stages, integrations) = tokio::join!(aws::stages(&clients, &api), integrations(&clients, &api));
    let stage = pick_stage(stages?, &api, &args.target.stage)?;
    let integrations = integrations.unwrap_or_else(|err| {
        ctx.warn(format_args!(
            "the API's integrations could not be read, so no Lambda logs are searched: {err:#}"
        ));
        Vec::new()
    });
    let now = Utc::now();
    let whole =
        Window { start_millis: args.since.start_millis(now), end_millis: Some(now.timestamp_millis()) };
    let latency = latency_variables(Some(api.kind));
    let mut notes = Vec::new();
    let mut searched = Vec::new();

    // The access line, with the functions' log groups alongside.
    let access_group = access_group(&stage, &mut notes);
    let template = match stage.access.as_ref().map(|a| Template::new(&a.format)) {
        Some(Err(why)) => {
            notes.push(format!("the stage's access log format cannot be read back: {why}"));
            None
        }
        other => other.and_then(Result::ok),
    };
    let searchable = access_group.as_deref().zip(template.as_ref());
    let functions: Vec<String> = trace::functions_for(&integrations, None)
        .into_iter()
        .take(MAX_FUNCTIONS)
        .map(str::to_string)
        .collect();
    let find_access = async {
        let Some((group, template)) = searchable else { return Ok(None) };
        ctx.progress(format_args!("searching {group} for the access log line"));
        let pattern = trace::access_pattern(template, id);
        let (found, group_info) = tokio::join!(
            search(&clients, group, whole, &pattern, 1, |m| trace::access_values(template, m, id).is_some()),
            clients.find_log_group(group)
        );
        check_retention(group, group_info?.and_then(|g| g.retention_days), whole.start_millis, now)?;
        anyhow::Ok(Some(found?))
    };
    let (access, groups) = tokio::join!(find_access, lambda_groups(ctx, &clients, &functions));
    let access = access?;
    if let (Some(group), Some(found)) = (&access_group, &access) {
        let count = found.as_ref().map(Vec::len);
        searched.push(Searched { source: Source::Access, log_group: group.clone(), found: count });
        if count.is_none() {
            notes.push(format!("access log group {group} does not exist: no access line has been written"));
        }
    }
    let access_line = access.flatten().and_then(|mut events| events.pop());
    let values: Option<Vec<String>> =
        access_line.as_ref().zip(template.as_ref()).and_then(|(event, template)| {
            trace::access_values(template, &event.message, id)
                .map(|v| v.into_iter().map(str::to_string).collect())
        });
    let mut outcome = match (&values, &template) {
        (Some(values), Some(template)) => {
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            Outcome::from_access(template, &values, latency)
        }
        _ => Outcome::default(),
    };
    let roles = template.as_ref().map(Roles::of).unwrap_or_default();
    let value = |index: Option<usize>| -> Option<&str> {
        values.as_ref().zip(index).and_then(|(v, i)| present(&v[i]))
    };
    // The execution lines are keyed by $context.requestId, whichever id was given.
    let execution_id = value(roles.request_id).unwrap_or(id).to_string();
    let window = match &access_line {
        Some(event) => {
            let start = request_time(value(roles.request_time), value(roles.request_time_epoch))
                .map_or(event.timestamp_millis - millis(LONGEST_REQUEST), |t| t.timestamp_millis())
                - millis(BEFORE);
            Window { start_millis: start, end_millis: Some(event.timestamp_millis + millis(AFTER)) }
        }
        None => whole,
    };
    let route = value(roles.route).map(|route| {
        let mut key = String::new();
        crate::access::route_into(&mut key, value(roles.method), route);
        key
    });

    // Execution lines and the function's lines, side by side when the access line names the
    // function's request id; otherwise the execution lines say it.
    let execution_groups = execution_groups(ctx, &clients, &api, &stage, &mut notes).await;
    let find_execution = async {
        let mut found = Vec::new();
        for group in &execution_groups {
            ctx.progress(format_args!("searching {group} for execution log lines"));
        }
        let searches = execution_groups.iter().map(|group| async {
            let own =
                |m: &str| trace::is_execution_line(m, &execution_id) || m.contains(execution_id.as_str());
            (
                group.clone(),
                search(&clients, group, window, &trace::quoted(&execution_id), MAX_LINES, own).await,
            )
        });
        for (group, result) in futures::future::join_all(searches).await {
            found.push((group, result?));
        }
        anyhow::Ok(found)
    };
    let candidates: Vec<String> =
        trace::functions_for(&integrations, route.as_deref()).into_iter().map(str::to_string).collect();
    let lambda_from_access = outcome.integration_request_id.clone();
    let (execution, mut integration) = tokio::join!(find_execution, async {
        match &lambda_from_access {
            Some(lambda_id) => find_lambda(ctx, &clients, &candidates, &groups, lambda_id, window).await,
            None => Ok(Vec::new()),
        }
    });
    let execution = execution?;
    let mut lines = Vec::new();
    let mut execution_messages: Vec<String> = Vec::new();
    for (group, events) in execution {
        searched.push(Searched {
            source: Source::Execution,
            log_group: group.clone(),
            found: events.as_ref().map(Vec::len),
        });
        for event in events.into_iter().flatten() {
            execution_messages.push(event.message.clone());
            lines.push(line(event, Source::Execution, &group));
        }
    }
    let messages: Vec<&str> = execution_messages.iter().map(String::as_str).collect();
    outcome.fill_from_execution(&messages);
    if outcome.integration_request_id.is_none() {
        outcome.integration_request_id = trace::lambda_id_from_execution(&messages);
        if let Some(lambda_id) = &outcome.integration_request_id {
            integration = find_lambda(ctx, &clients, &candidates, &groups, lambda_id, window).await;
        }
    }
    for (group, events) in integration? {
        searched.push(Searched {
            source: Source::Integration,
            log_group: group.clone(),
            found: events.as_ref().map(Vec::len),
        });
        match events {
            Some(events) => lines.extend(events.into_iter().map(|e| line(e, Source::Integration, &group))),
            None => {
                notes.push(format!("the function's log group {group} does not exist: it has not logged yet"))
            }
        }
    }
    if let Some(event) = access_line.clone() {
        lines.push(line(event, Source::Access, access_group.as_deref().unwrap_or_default()));
    }
    if !candidates.is_empty() && outcome.integration_request_id.is_none() {
        notes.push("the function's request id is in neither the access line nor the execution lines, so its logs are not searched".into());
    }
    let found_access = access_line.is_some();
    let hints =
        hints(&clients, &api, &stage, template.as_ref(), latency, &outcome, found_access, &candidates);
    let lines = trace::timeline(lines);
    if lines.is_empty() {
        let groups: Vec<&str> = searched.iter().map(|s| s.log_group.as_str()).collect();
        let hint = hints
            .iter()
            .map(|h| format!("\n  {} ({}): {}", h.variable, h.needed_for, h.command))
            .collect::<String>();
        return Err(error::precondition(
            format!(
                "request {id} was not found in {} since {}",
                if groups.is_empty() {
                    "any log group (the stage logs to none that can be searched)".to_string()
                } else {
                    groups.join(", ")
                },
                DateTime::from_timestamp_millis(whole.start_millis)
                    .unwrap_or(now)
                    .format("%Y-%m-%dT%H:%M:%SZ")
            ),
            format!(
                "check the id (the x-amzn-RequestId or x-amz-apigw-id response header), the API, the stage and --since{}{}",
                notes.iter().map(|n| format!("\n  {n}")).collect::<String>(),
                hint
            ),
        ));
    }
    for note in &notes {
        ctx.warn(note);
    }
    for hint in &hints {
        ctx.warn(format_args!(
            "the access log format lacks {} ({}); add it: {}",
            hint.variable, hint.needed_for, hint.command
        ));
    }
    if ctx.json() {
        ctx.print_json(&Report {
            request_id: id,
            api_id: &api.id,
            api_name: &api.name,
            stage: &stage.stage_name,
            outcome: &outcome,
            searched: &searched,
            notes: &notes,
            hints: &hints,
            lines: &lines,
        })
    } else {
        print!("{}", trace::text(id, &outcome, &lines, args.utc));
        Ok(())
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

fn line(event: Event, source: Source, group: &str) -> Line {
    Line {
        time: DateTime::from_timestamp_millis(event.timestamp_millis).unwrap_or_default(),
        source,
        log_group: group.to_string(),
        message: event.message,
    }
}

/// The access log group to search; a Firehose stream or no access logging is a note.
fn access_group(stage: &StageLogging, notes: &mut Vec<String>) -> Option<String> {
    let Some(access) = &stage.access else {
        notes.push(format!(
            "stage {} has no access logging, so there is no access line to find",
            stage.stage_name
        ));
        return None;
    };
    match arn::parse_destination(&access.destination_arn) {
        Ok((Destination::LogGroup { name }, _)) => Some(name),
        Ok((Destination::Firehose { arn }, _)) => {
            notes.push(format!(
                "the stage's access logs go to Firehose stream {arn}: they are where the stream delivers them (S3, a search service) and cannot be searched from CloudWatch Logs; `apigw-logs summary --file` reads such files"
            ));
            None
        }
        Err(why) => {
            notes.push(format!("the stage's access log destination cannot be read: {why}"));
            None
        }
    }
}

/// `--since` must not reach before the group keeps events: what is older is gone.
fn check_retention(
    group: &str,
    retention_days: Option<i32>,
    start_millis: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let Some(days) = retention_days else { return Ok(()) };
    let kept_from = now.timestamp_millis() - i64::from(days) * 86_400_000;
    if start_millis < kept_from {
        return Err(error::usage(format!(
            "--since reaches before the {days} day(s) log group {group} keeps its events: what is older is deleted; use --since {days}d or less"
        )));
    }
    Ok(())
}

async fn integrations(clients: &Clients, api: &Api) -> anyhow::Result<Vec<Integration>> {
    match api.kind {
        ApiKind::Rest => apigw::integrations(&clients.apigw, &api.id).await,
        _ => apigw2::integrations(&clients.apigw2, &api.id).await,
    }
}

/// Each function's log group: the one its logging configuration names, else Lambda's default
/// (also when the configuration cannot be read, with a warning).
async fn lambda_groups(ctx: &Ctx, clients: &Clients, functions: &[String]) -> Vec<(String, String)> {
    let lookups = functions.iter().map(|function| async move {
        let group = match lambda::log_group(&clients.lambda, function).await {
            Ok(Some(group)) => group,
            Ok(None) => trace::default_lambda_group(function),
            Err(err) => {
                ctx.warn(format_args!("{err:#}; searching Lambda's default log group"));
                trace::default_lambda_group(function)
            }
        };
        (function.clone(), group)
    });
    futures::future::join_all(lookups).await
}

/// The execution log groups: API Gateway's own (REST and WebSocket) and each log group the
/// stage's execution logs are delivered to.
async fn execution_groups(
    ctx: &Ctx,
    clients: &Clients,
    api: &Api,
    stage: &StageLogging,
    notes: &mut Vec<String>,
) -> Vec<String> {
    if api.kind == ApiKind::Http {
        notes.push("HTTP APIs write no execution logs".into());
        return Vec::new();
    }
    let mut groups = vec![execution_log_group(api, &stage.stage_name)];
    if api.kind == ApiKind::Rest {
        match clients.delivery_index().await {
            Ok(index) => {
                if let Some(deliveries) = index.for_stage(&api.id, &stage.stage_name) {
                    groups.extend(deliveries.deliveries.iter().filter_map(|d| {
                        let spec = d.spec()?;
                        spec.log_group().map(str::to_string)
                    }));
                }
            }
            Err(err) => ctx.warn(format_args!("execution log deliveries could not be read: {err:#}")),
        }
    }
    groups
}

/// The request's lines in each candidate function's log group.
async fn find_lambda(
    ctx: &Ctx,
    clients: &Clients,
    candidates: &[String],
    groups: &[(String, String)],
    lambda_id: &str,
    window: Window,
) -> anyhow::Result<Vec<(String, Option<Vec<Event>>)>> {
    let mut targets: Vec<String> = Vec::new();
    for function in candidates {
        let group = match groups.iter().find(|(f, _)| f == function) {
            Some((_, group)) => group.clone(),
            None => lambda_groups(ctx, clients, std::slice::from_ref(function)).await.remove(0).1,
        };
        if !targets.contains(&group) {
            targets.push(group);
        }
    }
    let searches = targets.iter().map(|group| async move {
        ctx.progress(format_args!("searching {group} for the integration's lines"));
        let own = |m: &str| trace::is_lambda_line(m, lambda_id);
        (group.clone(), search(clients, group, window, &trace::quoted(lambda_id), MAX_LINES, own).await)
    });
    let mut found = Vec::new();
    for (group, result) in futures::future::join_all(searches).await {
        found.push((group, result?));
    }
    Ok(found)
}

/// The events of `group` in `window` that the pattern finds and `own` keeps (the pattern is
/// only a server-side narrowing: an emulator may ignore it), at most `max`; `None` when the
/// group does not exist.
async fn search(
    clients: &Clients,
    group: &str,
    window: Window,
    pattern: &str,
    max: usize,
    own: impl Fn(&str) -> bool,
) -> anyhow::Result<Option<Vec<Event>>> {
    let mut kept = Vec::new();
    let exists = logs::filter_pages(&clients.logs, group, window, Some(pattern), |page| {
        kept.extend(page.into_iter().filter(|e| own(&e.message)));
        kept.len() < max
    })
    .await?;
    kept.truncate(max);
    Ok(exists.then_some(kept))
}

/// For each variable the trace needed and the format lacks, the `stage set` command that adds
/// every such variable at once.
#[allow(clippy::too_many_arguments)]
fn hints(
    clients: &Clients,
    api: &Api,
    stage: &StageLogging,
    template: Option<&Template>,
    latency: &'static [&'static str],
    outcome: &Outcome,
    found_access: bool,
    candidates: &[String],
) -> Vec<Hint> {
    let (Some(template), Some(access)) = (template, &stage.access) else { return Vec::new() };
    let needed: Vec<(&'static str, &'static str, &'static str)> = trace::missing_variables(template, latency)
        .into_iter()
        .filter_map(|(variable, key)| {
            let needed_for = match variable {
                v if crate::access::INTEGRATION_REQUEST_ID.contains(&v) => (!candidates.is_empty()
                    && outcome.integration_request_id.is_none())
                .then_some("finding the Lambda function's lines")?,
                crate::access::EXTENDED_REQUEST_ID => {
                    (!found_access).then_some("tracing a request by its x-amz-apigw-id header")?
                }
                _ => found_access.then_some("the request's latency")?,
            };
            Some((variable, key, needed_for))
        })
        .collect();
    let mut format = access.format.clone();
    for (variable, key, _) in &needed {
        format = trace::with_variable(&format, key, variable);
    }
    let remedy = Remedy::Stage(Box::new(Logging { access_log_format: Some(format), ..Default::default() }));
    let command = remedy.command(&At { region: &clients.region, stage: Some((&api.id, &stage.stage_name)) });
    needed
        .into_iter()
        .map(|(variable, _, needed_for)| Hint { variable, needed_for, command: command.clone() })
        .collect()
}
