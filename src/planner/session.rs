//! Debug sessions, the AWS part: the open sessions of a region (their schedules), a stage's
//! session record, and the steps that start and end a session.

use crate::api::Api;
use crate::app::context::Ctx;
use crate::aws::sts::Identity;
use crate::aws::{Clients, iam, logs, scheduler};
use crate::error;
use crate::logging::StageLogging;
use crate::plan::stage_update_steps_to;
use crate::plan::{Action, Step};
use crate::session::{
    self, RECORD_LOG_GROUP, RECORD_RETENTION_DAYS, REVERT_POLICY_NAME, Record, SCHEDULE_GROUP, at_expression,
    revert_policy, revert_role_name, revert_trust_policy,
};

/// A session's record, as read back, with the stream it is in.
pub struct Found {
    pub stream: String,
    pub record: Record,
}

/// The latest session stream of a stage, with its record, or why that record cannot be read.
pub struct Stored {
    pub stream: String,
    pub record: Result<Record, String>,
}

/// The latest record of the stage's sessions, if any is left (records expire after a day). Streams
/// are named by the start (to the millisecond), so the last in order is the latest; within one,
/// the last record counts. The record is only read here: the caller checks it
/// (`session::check_record`) before it steers anything.
pub async fn find_record(clients: &Clients, api_id: &str, stage: &str) -> anyhow::Result<Option<Stored>> {
    let prefix = format!("{}/", session::schedule_name(api_id, stage));
    let mut streams = logs::log_stream_names(&clients.logs, RECORD_LOG_GROUP, Some(&prefix)).await?;
    // A stream of another stage's that shares the prefix (LocalStack and moto ignore it) is not this one's.
    streams.retain(|s| s.starts_with(&prefix));
    streams.sort();
    let Some(stream) = streams.pop() else { return Ok(None) };
    Ok(Some(read_record(clients, stream).await?))
}

async fn read_record(clients: &Clients, stream: String) -> anyhow::Result<Stored> {
    let messages = logs::stream_messages(&clients.logs, RECORD_LOG_GROUP, &stream).await?;
    let record =
        messages.iter().rev().find_map(|m| serde_json::from_str::<Record>(m).ok()).ok_or_else(|| {
            match messages.is_empty() {
                true => "its log stream holds no record".to_string(),
                false => "its record is not a session record (not JSON of the expected shape)".to_string(),
            }
        });
    Ok(Stored { stream, record })
}

/// What a region knows of debug sessions: the open schedules (by name) and the records left.
#[derive(Default)]
pub struct Sessions {
    pub open: Vec<scheduler::Schedule>,
    /// The latest record per stage (by schedule name).
    pub records: Vec<Found>,
}

impl Sessions {
    pub fn schedule(&self, api_id: &str, stage: &str) -> Option<&scheduler::Schedule> {
        let name = session::schedule_name(api_id, stage);
        self.open.iter().find(|s| s.name == name)
    }

    pub fn record(&self, api_id: &str, stage: &str) -> Option<&Record> {
        self.records.iter().map(|f| &f.record).find(|r| r.api.id == api_id && r.stage == stage)
    }
}

/// The region's sessions. A caller who may not read schedules or records gets a warning and
/// none: the commands that ask work without them.
pub async fn sessions(ctx: &Ctx, clients: &Clients) -> Sessions {
    match read_sessions(clients).await {
        Ok(sessions) => sessions,
        Err(err) => {
            ctx.warn(format_args!(
                "cannot read debug sessions in {} ({err:#}); grant scheduler:ListSchedules, scheduler:GetSchedule, logs:DescribeLogStreams and logs:GetLogEvents to see them",
                clients.region
            ));
            Sessions::default()
        }
    }
}

async fn read_sessions(clients: &Clients) -> anyhow::Result<Sessions> {
    // The schedules and the records are read side by side, each list's items at once.
    let open = async {
        let names = clients.session_schedules().await?;
        let got = futures::future::try_join_all(
            names.iter().map(|name| scheduler::get(&clients.scheduler, SCHEDULE_GROUP, name)),
        )
        .await?;
        anyhow::Ok(
            got.into_iter()
                .flatten()
                .filter(|s| session::is_session_schedule(&s.name, &s.target_arn))
                .collect::<Vec<_>>(),
        )
    };
    let records = async {
        let mut streams = clients.session_records().await?;
        streams.sort();
        // The latest stream per stage: streams are `{schedule}/{start}`, sorted.
        let mut latest: Vec<String> = Vec::new();
        for stream in streams {
            let stage_of = |s: &str| s.split('/').next().unwrap_or_default().to_string();
            match latest.last_mut() {
                Some(last) if stage_of(last) == stage_of(&stream) => *last = stream,
                _ => latest.push(stream),
            }
        }
        let stored =
            futures::future::try_join_all(latest.into_iter().map(|s| read_record(clients, s))).await?;
        // Only a record in its own stream speaks for a stage (anyone who may write to the group
        // can put any record in any stream).
        anyhow::Ok(
            stored
                .into_iter()
                .filter_map(|stored| match stored.record {
                    Ok(record) if record.stream_name() == stored.stream => {
                        Some(Found { stream: stored.stream, record })
                    }
                    _ => None,
                })
                .collect::<Vec<_>>(),
        )
    };
    let (open, records) = tokio::try_join!(open, records)?;
    Ok(Sessions { open, records })
}

/// Refuses a second session on a stage: one whose schedule is open, or one that was never put
/// back.
pub async fn check_no_session(clients: &Clients, api: &Api, stage: &StageLogging) -> anyhow::Result<()> {
    let name = session::schedule_name(&api.id, &stage.stage_name);
    let end_it = session::end_command(&clients.region, &api.id, &stage.stage_name);
    if let Some(open) = scheduler::get(&clients.scheduler, SCHEDULE_GROUP, &name).await? {
        let ends = session::parse_description(&open.description).map_or_else(
            || open.expression.clone(),
            |l| l.ends.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        );
        return Err(error::precondition(
            format!(
                "stage {} of {} {} ({}) has a debug session open until {ends} (schedule {SCHEDULE_GROUP}/{name})",
                stage.stage_name,
                api.kind.label(),
                api.shown_name(),
                api.id
            ),
            format!("wait for it to end, or end it now: {end_it}"),
        ));
    }
    if let Some(Stored { stream, record: Ok(record) }) =
        find_record(clients, &api.id, &stage.stage_name).await?
        && session::check_record(&record, api, stage, &stream).is_ok()
        && record.still_applied(stage)
    {
        return Err(error::precondition(
            format!(
                "stage {} of API {} still has the settings of a debug session that ended at {} without being put back (its schedule is gone)",
                stage.stage_name,
                api.id,
                record.ends.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ),
            format!("put it back first: {end_it}"),
        ));
    }
    Ok(())
}

/// The steps that make a session safe before the stage changes: the schedules' role (created, or
/// its policy brought up to date), the schedule group and the record group when missing, the
/// record, and the schedule that puts the stage back.
pub async fn start_steps(
    clients: &Clients,
    identity: &Identity,
    record: &Record,
) -> anyhow::Result<Vec<Step>> {
    let mut steps = Vec::new();
    let role_name = revert_role_name(&clients.region);
    let policy = revert_policy(&identity.partition, &clients.region);
    let role_resource = format!("role/{role_name}");
    let put_policy = Action::PutRolePolicy {
        role_name: role_name.clone(),
        policy_name: REVERT_POLICY_NAME.into(),
        policy_document: policy.clone(),
    };
    match iam::get_role(&clients.iam, &role_name).await? {
        None => {
            let create = Action::CreateRole {
                role_name: role_name.clone(),
                assume_role_policy_document: revert_trust_policy(
                    &identity.partition,
                    &clients.region,
                    &identity.account,
                ),
                description:
                    "Lets EventBridge Scheduler put API Gateway stages back after apigw-logs debug sessions"
                        .into(),
            };
            steps.push(Step::new(&role_resource, create, Vec::new()));
            steps.push(Step::new(&role_resource, put_policy, Vec::new()));
        }
        Some(role) => {
            if !role.trust_policy.contains("scheduler.amazonaws.com") {
                return Err(error::precondition(
                    format!(
                        "role {role_name} exists but does not trust scheduler.amazonaws.com, so schedules cannot use it"
                    ),
                    format!(
                        "add scheduler.amazonaws.com to its trust policy, or delete the role so that apigw-logs creates it: aws iam delete-role --role-name {role_name}"
                    ),
                ));
            }
            let current = iam::role_policy(&clients.iam, &role_name, REVERT_POLICY_NAME).await?;
            let same = current
                .as_deref()
                .and_then(|c| serde_json::from_str::<serde_json::Value>(c).ok())
                .is_some_and(|c| Some(c) == serde_json::from_str(&policy).ok());
            if !same {
                steps.push(Step::new(&role_resource, put_policy, Vec::new()));
            }
        }
    }
    if !scheduler::group_exists(&clients.scheduler, SCHEDULE_GROUP).await? {
        let create = Action::CreateScheduleGroup { name: SCHEDULE_GROUP.into() };
        steps.push(Step::new(format!("schedule-group/{SCHEDULE_GROUP}"), create, Vec::new()));
    }
    if clients.find_log_group(RECORD_LOG_GROUP).await?.is_none() {
        let group = format!("log group {RECORD_LOG_GROUP}");
        let create = Action::CreateLogGroup {
            log_group_name: RECORD_LOG_GROUP.into(),
            kms_key_id: None,
            tags: Default::default(),
        };
        steps.push(Step::new(&group, create, Vec::new()));
        let retention = Action::PutRetentionPolicy {
            log_group_name: RECORD_LOG_GROUP.into(),
            retention_in_days: RECORD_RETENTION_DAYS,
        };
        steps.push(Step::new(&group, retention, Vec::new()));
    }
    let stream = record.stream_name();
    let stream_resource = format!("log stream {RECORD_LOG_GROUP}/{stream}");
    let create_stream =
        Action::CreateLogStream { log_group_name: RECORD_LOG_GROUP.into(), log_stream_name: stream.clone() };
    steps.push(Step::new(&stream_resource, create_stream, Vec::new()));
    let put_record = Action::PutLogEvents {
        log_group_name: RECORD_LOG_GROUP.into(),
        log_stream_name: stream,
        message: serde_json::to_string(record)?,
    };
    steps.push(Step::new(&stream_resource, put_record, Vec::new()));

    let revert =
        stage_update_steps_to(&record.api, &record.during_stage(), &session::scheduled_target(record));
    let (target_arn, input) = session::schedule_target(&identity.partition, &revert)
        .map_err(|why| anyhow::anyhow!("cannot schedule the revert of this session: {why}"))?;
    let name = record.schedule_name();
    let when = record.revert_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let changes = vec![crate::patch::Change::new("puts the stage back at", None, Some(when))];
    let schedule = Action::CreateSchedule {
        name: name.clone(),
        group_name: SCHEDULE_GROUP.into(),
        description: record.description(),
        schedule_expression: at_expression(record.revert_at),
        schedule_expression_timezone: "UTC".into(),
        flexible_time_window: "OFF".into(),
        action_after_completion: "DELETE".into(),
        target_arn,
        role_arn: format!("arn:{}:iam::{}:role/{role_name}", identity.partition, identity.account),
        input: input.to_string(),
    };
    steps.push(Step::new(format!("schedule/{SCHEDULE_GROUP}/{name}"), schedule, changes));
    Ok(steps)
}

/// The steps that end a session now: its record deleted first (the deletion is the claim that
/// tells two `debug end`s apart: see `commands::debug`), the stage put back to `target`, then its
/// schedule deleted, only after the stage is back, so that a failed revert leaves it to fire.
pub fn end_steps(
    api: &Api,
    now: &StageLogging,
    target: &StageLogging,
    stream: Option<&str>,
    schedule: Option<&str>,
) -> Vec<Step> {
    let mut steps = Vec::new();
    if let Some(stream) = stream {
        let delete = Action::DeleteLogStream {
            log_group_name: RECORD_LOG_GROUP.into(),
            log_stream_name: stream.to_string(),
        };
        steps.push(Step::new(format!("log stream {RECORD_LOG_GROUP}/{stream}"), delete, Vec::new()));
    }
    steps.extend(stage_update_steps_to(api, now, target));
    if let Some(name) = schedule {
        let delete = Action::DeleteSchedule { name: name.to_string(), group_name: SCHEDULE_GROUP.into() };
        steps.push(Step::new(format!("schedule/{SCHEDULE_GROUP}/{name}"), delete, Vec::new()));
    }
    steps
}

/// Why changing these stages needs confirmation: the open debug sessions on them, whose reverts
/// will put their snapshots back over the change. Said once as a warning too. A caller who may
/// not list schedules is told with `-v` only: most stages never have a session.
pub async fn open_on(ctx: &Ctx, clients: &Clients, targets: &[(Api, StageLogging)]) -> Option<String> {
    let names = match clients.session_schedules().await {
        Ok(names) => names,
        Err(err) => {
            tracing::info!("cannot list debug sessions in {}: {err:#}", clients.region);
            return None;
        }
    };
    let open: Vec<String> = targets
        .iter()
        .filter(|(api, stage)| names.contains(&session::schedule_name(&api.id, &stage.stage_name)))
        .map(|(api, stage)| session::end_command(&clients.region, &api.id, &stage.stage_name))
        .collect();
    if open.is_empty() {
        return None;
    }
    let reason = format!(
        "{} stage(s) have a debug session open, and its revert will put the stage's settings from before the session back over this change; end it first ({})",
        open.len(),
        open.join("; ")
    );
    ctx.warn(&reason);
    Some(reason)
}
