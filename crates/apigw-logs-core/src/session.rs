//! Debug sessions, the pure part: how long one lasts, what it records, how it is put back, and the
//! EventBridge Scheduler schedule that puts it back when the process running it cannot.
//!
//! A session changes a stage for a while: INFO execution logging (REST, WebSocket), or a debugging
//! access log format (HTTP, which has no execution logs). Its record holds the stage's settings
//! before and during the session; the revert restores only what the session changed and what
//! nobody has changed since.

use crate::api::{Api, ApiKind};
use crate::logging::{AccessLog, MethodLogging, StageLogging, Throttle};
use crate::plan::{Action, ApiStageUpdate, Step};
use crate::settings::{ALL_METHODS_KEY, Level};
use chrono::{DateTime, Duration as Span, DurationRound as _, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::Duration;

/// The schedule group every session's schedule is in (`debug list` lists it).
pub const SCHEDULE_GROUP: &str = "apigw-logs-debug";
/// The log group holding session records, one stream per session. A day's retention outlives any
/// session (12 h at most) and cleans up after them.
pub const RECORD_LOG_GROUP: &str = "/apigw-logs/debug-sessions";
pub const RECORD_RETENTION_DAYS: i32 = 1;
pub const DEFAULT_LENGTH: &str = "15m";
const MIN_LENGTH: Duration = Duration::from_secs(60);
const MAX_LENGTH: Duration = Duration::from_secs(12 * 3600);
/// How long after an attached session's end its schedule fires: the process reverts first, and
/// the schedule only acts when the process could not (a schedule and a process reverting at the
/// same moment could undo a change made in between).
pub const GRACE: Duration = Duration::from_secs(120);

/// The access log format of an HTTP API debug session: the preset's fields plus the error and
/// integration variables AWS recommends for troubleshooting HTTP APIs.
pub const HTTP_DEBUG_FORMAT: &str = r#"{ "requestId":"$context.requestId", "ip":"$context.identity.sourceIp", "requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod", "routeKey":"$context.routeKey", "status":"$context.status", "protocol":"$context.protocol", "responseLength":"$context.responseLength", "responseLatency":"$context.responseLatency", "errorMessage":"$context.error.message", "errorResponseType":"$context.error.responseType", "authorizerError":"$context.authorizer.error", "integrationErrorMessage":"$context.integrationErrorMessage", "integrationError":"$context.integration.error", "integrationStatus":"$context.integration.status", "integrationServiceStatus":"$context.integration.integrationStatus", "integrationLatency":"$context.integration.latency", "integrationRequestId":"$context.integration.requestId" }"#;

/// clap value parser for `--for`: `90s`, `15m`, `2h`, `1h30m`; from 1 minute to 12 hours.
pub fn parse_length(text: &str) -> Result<Duration, String> {
    let help = "use a length from 1m to 12h, e.g. 15m, 2h or 1h30m";
    let mut total: u64 = 0;
    let mut rest = text;
    if rest.is_empty() {
        return Err(format!("'{text}' is empty; {help}"));
    }
    while !rest.is_empty() {
        let split = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let (digits, tail) = rest.split_at(split);
        let amount: u64 = digits.parse().map_err(|_| format!("'{text}' is not a length; {help}"))?;
        let unit_len = tail.find(|c: char| c.is_ascii_digit()).unwrap_or(tail.len());
        let (unit, next) = tail.split_at(unit_len);
        let seconds = match unit {
            "s" => 1,
            "m" => 60,
            "h" => 3600,
            "" => return Err(format!("'{text}' has no unit; {help}")),
            _ => return Err(format!("'{text}': unknown unit '{unit}'; {help}")),
        };
        total = amount
            .checked_mul(seconds)
            .and_then(|s| total.checked_add(s))
            .ok_or(format!("'{text}' is longer than 12h; {help}"))?;
        rest = next;
    }
    let length = Duration::from_secs(total);
    if length < MIN_LENGTH {
        return Err(format!("'{text}' is shorter than 1m; {help}"));
    }
    if length > MAX_LENGTH {
        return Err(format!("'{text}' is longer than 12h; {help}"));
    }
    Ok(length)
}

/// When a session started at `start` for `length` ends, to the second.
pub fn end_of(start: DateTime<Utc>, length: Duration) -> DateTime<Utc> {
    let end = start + Span::from_std(length).expect("at most 12 h");
    end.duration_trunc(Span::seconds(1)).unwrap_or(end)
}

/// When the schedule of a session ending at `ends` fires: on the next whole minute (a one-time
/// schedule's precision), and for a session this process watches, [`GRACE`] later.
pub fn revert_time(ends: DateTime<Utc>, detached: bool) -> DateTime<Utc> {
    let minute = Span::minutes(1);
    let on_minute = match ends.duration_trunc(minute) {
        Ok(truncated) if truncated == ends => ends,
        Ok(truncated) => truncated + minute,
        Err(_) => ends,
    };
    if detached { on_minute } else { on_minute + Span::from_std(GRACE).expect("two minutes") }
}

/// A one-time schedule expression, in UTC: `at(2026-12-03T01:15:00)`.
pub fn at_expression(when: DateTime<Utc>) -> String {
    format!("at({})", when.format("%Y-%m-%dT%H:%M:%S"))
}

/// The time of an `at(...)` expression, read as UTC.
pub fn at_time(expression: &str) -> Option<DateTime<Utc>> {
    let inner = expression.strip_prefix("at(")?.strip_suffix(')')?;
    chrono::NaiveDateTime::parse_from_str(inner, "%Y-%m-%dT%H:%M:%S").ok().map(|t| t.and_utc())
}

/// Why a schedule due at `at` cannot be created at `now`: Scheduler runs one-time schedules
/// within a minute of their time, so one due sooner (a plan confirmed after the session would
/// have ended) could fire before the session's change, or never.
pub fn too_late(at: DateTime<Utc>, now: DateTime<Utc>) -> Option<String> {
    (at < now + Span::minutes(1)).then(|| {
        format!(
            "the session's revert time {} is less than a minute away (the plan was confirmed too late for it)",
            at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        )
    })
}

/// The schedule's name for a stage: `{apiId}.{stage}` when the stage name fits Scheduler's
/// characters (`[0-9a-zA-Z-_.]`, 64 at most), else `{apiId}_{hash}`. API ids have neither `.` nor
/// `_`, so the two forms never meet.
pub fn schedule_name(api_id: &str, stage: &str) -> String {
    let plain = format!("{api_id}.{stage}");
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if plain.len() <= 64 && stage.chars().all(allowed) {
        return plain;
    }
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(stage.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{api_id}_{hex}")
}

/// The command that ends the session on a stage now (every message that names the way out).
pub fn end_command(region: &str, api_id: &str, stage: &str) -> String {
    crate::request::CommandLine::apigw_logs(&["debug", "end"])
        .arg("--region", region)
        .arg("--api", api_id)
        .arg("--stage", stage)
        .to_string()
}

/// The name of the execution role the schedules of a region use.
pub fn revert_role_name(region: &str) -> String {
    format!("apigw-logs-debug-revert-{region}")
}

pub const REVERT_POLICY_NAME: &str = "revert-debug-sessions";

/// Who may assume the schedules' role: EventBridge Scheduler, for the session schedule group of
/// this account and region (AWS's confused-deputy advice: both keys, the group's ARN).
pub fn revert_trust_policy(partition: &str, region: &str, account: &str) -> String {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": "scheduler.amazonaws.com" },
            "Action": "sts:AssumeRole",
            "Condition": {
                "StringEquals": {
                    "aws:SourceAccount": account,
                    "aws:SourceArn": format!("arn:{partition}:scheduler:{region}:{account}:schedule-group/{SCHEDULE_GROUP}")
                }
            }
        }]
    })
    .to_string()
}

/// What the schedules' role may do: update stages in this region (API Gateway's resource ARNs
/// carry no account; the role is the account's own), and end an HTTP stage's access logging.
pub fn revert_policy(partition: &str, region: &str) -> String {
    let base = format!("arn:{partition}:apigateway:{region}::");
    json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "RevertDebugSessions",
                "Effect": "Allow",
                "Action": "apigateway:PATCH",
                "Resource": [format!("{base}/restapis/*/stages/*"), format!("{base}/apis/*/stages/*")]
            },
            {
                "Sid": "EndHttpAccessLogging",
                "Effect": "Allow",
                "Action": "apigateway:DELETE",
                "Resource": format!("{base}/apis/*/stages/*/accesslogsettings")
            }
        ]
    })
    .to_string()
}

/// A stage's logging settings, as a record keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub methods: BTreeMap<String, MethodLogging>,
    pub access: Option<AccessLog>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub throttling: BTreeMap<String, Throttle>,
}

impl Snapshot {
    pub fn of(stage: &StageLogging) -> Snapshot {
        Snapshot {
            methods: stage.methods.clone(),
            access: stage.access.clone(),
            throttling: stage.throttling.clone(),
        }
    }

    /// What the stage holds during a session that takes it from `before` to the planned
    /// `after`: a route override the session adds is given the default route's throttling (see
    /// `logging::v2_update_to`), which the plan's `after` does not list. The schedule's one call
    /// replaces a route's whole settings, so it must send those limits back too.
    pub fn during(before: &StageLogging, after: &StageLogging) -> Snapshot {
        let mut during = Snapshot::of(after);
        if let Some(limits) = before.throttling.get(ALL_METHODS_KEY) {
            for key in after.methods.keys().filter(|k| !before.methods.contains_key(*k)) {
                during.throttling.entry(key.clone()).or_insert_with(|| limits.clone());
            }
        }
        during
    }

    pub fn stage(&self, name: &str, kind: ApiKind) -> StageLogging {
        StageLogging {
            stage_name: name.to_string(),
            kind,
            methods: self.methods.clone(),
            access: self.access.clone(),
            throttling: self.throttling.clone(),
            ..Default::default()
        }
    }
}

/// What a session leaves behind, so that any process (or status) can end or judge it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub api: Api,
    pub stage: String,
    pub started: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    /// When the schedule fires.
    pub revert_at: DateTime<Utc>,
    pub before: Snapshot,
    pub during: Snapshot,
}

impl Record {
    pub fn schedule_name(&self) -> String {
        schedule_name(&self.api.id, &self.stage)
    }

    /// The record's log stream: the schedule's name and the start, so sessions never share one.
    pub fn stream_name(&self) -> String {
        format!("{}/{}", self.schedule_name(), self.started.format("%Y%m%dT%H%M%S%.3fZ"))
    }

    pub fn before_stage(&self) -> StageLogging {
        self.before.stage(&self.stage, self.api.kind)
    }

    pub fn during_stage(&self) -> StageLogging {
        self.during.stage(&self.stage, self.api.kind)
    }

    /// The schedule's description: what `debug list` shows without reading records.
    pub fn description(&self) -> String {
        // The start, to the millisecond, tells two sessions started in the same second apart.
        format!(
            "apigw-logs debug session: api={} type={} stage={} started={} ends={} reverts={}",
            self.api.id,
            self.api.kind.flag(),
            self.stage,
            self.started.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            self.ends.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            self.revert_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        )
    }

    /// Whether the stage still has any setting the session made (nobody has put it back).
    pub fn still_applied(&self, now: &StageLogging) -> bool {
        revert(&self.before_stage(), &self.during_stage(), now).target != *now
    }
}

/// A session as its schedule's description tells it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub api_id: String,
    pub api_type: ApiKind,
    pub stage: String,
    pub ends: DateTime<Utc>,
    pub reverts: DateTime<Utc>,
}

pub fn parse_description(text: &str) -> Option<Listed> {
    let fields = text.strip_prefix("apigw-logs debug session: ")?;
    let mut found: BTreeMap<&str, &str> = BTreeMap::new();
    for pair in fields.split(' ') {
        let (key, value) = pair.split_once('=')?;
        found.insert(key, value);
    }
    let time = |key: &str| DateTime::parse_from_rfc3339(found.get(key)?).ok().map(|t| t.with_timezone(&Utc));
    let api_type = ApiKind::ALL.into_iter().find(|k| Some(&k.flag()) == found.get("type"))?;
    Some(Listed {
        api_id: found.get("api")?.to_string(),
        api_type,
        stage: found.get("stage")?.to_string(),
        ends: time("ends")?,
        reverts: time("reverts")?,
    })
}

/// What putting a session back does to the stage as it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revert {
    /// The stage once reverted.
    pub target: StageLogging,
    /// Settings the session changed that someone else changed since: left as they are.
    pub left_alone: Vec<String>,
}

/// A stage without a `*/*` entry behaves as if it had one with everything off.
fn stage_wide_filled(stage: &StageLogging) -> StageLogging {
    let mut filled = stage.clone();
    filled.methods.entry(ALL_METHODS_KEY.to_string()).or_insert(MethodLogging::OFF);
    filled
}

/// The stage `now` with each setting the session changed (from `before` to `during`) put back,
/// where it still has the session's value. An override the session added is removed if it is
/// as the session left it. Nothing else is touched.
pub fn revert(before: &StageLogging, during: &StageLogging, now: &StageLogging) -> Revert {
    let (before, during) = (stage_wide_filled(before), stage_wide_filled(during));
    let mut target = now.clone();
    let mut left_alone = Vec::new();
    let label = |key: &str| match key {
        ALL_METHODS_KEY => "stage-wide".to_string(),
        other => other.to_string(),
    };
    let keys: std::collections::BTreeSet<&String> =
        before.methods.keys().chain(during.methods.keys()).collect();
    for key in keys {
        let (was, set) = (before.methods.get(key), during.methods.get(key));
        if was == set {
            continue;
        }
        // `*/*` may be absent now and still be the session's (it reads as all off).
        let current =
            now.methods.get(key).copied().or((key == ALL_METHODS_KEY).then_some(MethodLogging::OFF));
        match (was, set, current) {
            (None, Some(set), Some(current)) if current == *set => {
                target.methods.remove(key);
            }
            (None, Some(_), Some(_)) => {
                left_alone.push(format!("{} override (changed since the session began)", label(key)))
            }
            (_, _, None) => {}
            (Some(was), Some(set), Some(current)) => {
                let mut restored = current;
                let on_off = |v: bool| crate::settings::on_off(v).to_string();
                restore_field(
                    &mut left_alone,
                    &label(key),
                    "logging level",
                    (was.level, set.level),
                    &mut restored.level,
                    |l: Level| l.to_string(),
                );
                restore_field(
                    &mut left_alone,
                    &label(key),
                    "data trace",
                    (was.data_trace, set.data_trace),
                    &mut restored.data_trace,
                    on_off,
                );
                restore_field(
                    &mut left_alone,
                    &label(key),
                    "detailed metrics",
                    (was.metrics, set.metrics),
                    &mut restored.metrics,
                    on_off,
                );
                target.methods.insert(key.clone(), restored);
            }
            // A session never removes an override; both absent cannot differ.
            (Some(_) | None, None, Some(_)) => {}
        }
    }
    if before.access != during.access {
        if now.access == during.access {
            target.access = before.access.clone();
        } else if now.access != before.access {
            left_alone.push("access logging (changed since the session began)".to_string());
        }
    }
    Revert { target, left_alone }
}

/// One field of a changed key: back to its value before the session where it still has the
/// session's value; otherwise left alone, and said so unless it is back already.
fn restore_field<T: PartialEq + Copy>(
    left_alone: &mut Vec<String>,
    key: &str,
    field: &str,
    (was, set): (T, T),
    now: &mut T,
    show: impl Fn(T) -> String,
) {
    if was == set {
        return;
    }
    if *now == set {
        *now = was;
    } else if *now != was {
        left_alone.push(format!("{key} {field} (now {})", show(*now)));
    }
}

/// What the schedule puts back: the session's revert of a stage nobody has touched since. It is
/// one call, so a route override a WebSocket session added (which only DeleteRouteSettings would
/// remove) is given the stage's default route settings from before instead: it then logs as the
/// route did. A process that reverts deletes it.
pub fn scheduled_target(record: &Record) -> StageLogging {
    let (before, during) = (record.before_stage(), record.during_stage());
    let mut target = revert(&before, &during, &during).target;
    if record.api.kind != ApiKind::Rest {
        let wide = before.stage_wide();
        for key in during.methods.keys().filter(|k| !before.methods.contains_key(*k)) {
            if key != ALL_METHODS_KEY {
                target.methods.insert(key.clone(), wide);
            }
        }
    }
    target
}

/// Why a record read back from the session log group must not steer a revert of `stage_name` of
/// `api`: anyone who may write to that group can write a record, so its API, stage and start
/// must agree with the stream it was read from and with what was asked; a record never applies
/// to a stage created after its session began (a deleted stage's namesake).
pub fn check_record(record: &Record, api: &Api, stage: &StageLogging, stream: &str) -> Result<(), String> {
    let mut wrong = Vec::new();
    if record.api.id != api.id {
        wrong.push(format!("it names API {} (asked: {})", crate::escape::terminal(&record.api.id), api.id));
    }
    if record.api.kind != api.kind {
        wrong.push(format!("it names a {} (this API is a {})", record.api.kind.label(), api.kind.label()));
    }
    if record.stage != stage.stage_name {
        wrong.push(format!(
            "it names stage {} (asked: {})",
            crate::escape::terminal(&record.stage),
            stage.stage_name
        ));
    }
    if wrong.is_empty() && record.stream_name() != stream {
        wrong.push(format!("it was read from log stream {stream}, which is not its own"));
    }
    if !(record.started < record.ends && record.ends <= record.revert_at) {
        wrong.push("its times are out of order".to_string());
    }
    if let Some(created) = stage.created.filter(|created| *created > record.started) {
        wrong.push(format!(
            "the stage was created at {}, after the session began at {}: it is a later stage of the same name",
            created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            record.started.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ));
    }
    if wrong.is_empty() { Ok(()) } else { Err(wrong.join("; ")) }
}

/// Why putting `now` back to `target` is more than a session's revert may do. A session turns
/// logging up (a level, data trace, detailed metrics, overrides, an HTTP debugging format), so
/// its revert turns it down: it never turns data trace on, and never sends logs to a destination
/// other than the one the stage has now. Whatever a record or a schedule says, those need the
/// confirmations and checks of `stage set`.
pub fn check_revert(now: &StageLogging, target: &StageLogging) -> Result<(), String> {
    let mut wrong = Vec::new();
    for (key, settings) in &target.methods {
        let traced_now = now.methods.get(key).is_some_and(|m| m.data_trace);
        if settings.data_trace && !traced_now {
            let what = if key == ALL_METHODS_KEY {
                "stage-wide".to_string()
            } else {
                crate::escape::terminal(key).into_owned()
            };
            wrong.push(format!("it would turn data trace on ({what})"));
        }
    }
    if let Some(access) = &target.access {
        let destination_now = now.access.as_ref().map(|a| crate::arn::without_star(&a.destination_arn));
        if destination_now != Some(crate::arn::without_star(&access.destination_arn)) {
            wrong.push(format!(
                "it would send access logs to {}",
                crate::escape::terminal(&access.destination_arn)
            ));
        }
    }
    if wrong.is_empty() { Ok(()) } else { Err(wrong.join("; ")) }
}

/// Whether a schedule is one of a debug session's: in its group (checked by the caller), named
/// `{apiId}.{stage}` or `{apiId}_{hash}`, and targeting one of the calls a revert makes.
pub fn is_session_schedule(name: &str, target_arn: &str) -> bool {
    let named = name.split_once(['.', '_']).is_some_and(|(id, rest)| {
        !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()) && !rest.is_empty()
    });
    let targeted = target_arn
        .strip_prefix("arn:")
        .and_then(|rest| rest.split_once(":scheduler:::aws-sdk:"))
        .is_some_and(|(partition, call)| {
            !partition.is_empty()
                && matches!(
                    call,
                    "apigateway:updateStage"
                        | "apigatewayv2:updateStage"
                        | "apigatewayv2:deleteAccessLogSettings"
                )
        });
    named && targeted
}

/// The stage as the schedule's own restore call would leave it, for `debug end` when the record
/// is gone or unreadable. The call is read, not replayed: only what a revert sends (levels, data
/// trace, metrics, removed overrides; a v2 stage's route and access log settings) is accepted,
/// for this API and stage only, and the result goes through [`check_revert`] like any revert.
pub fn target_from_schedule(
    api: &Api,
    now: &StageLogging,
    target_arn: &str,
    input: &str,
) -> Result<StageLogging, String> {
    let input: Value = serde_json::from_str(input).map_err(|_| "its input is not JSON".to_string())?;
    let call = target_arn.rsplit_once(":aws-sdk:").map(|(_, call)| call).unwrap_or_default();
    let (id_key, expected_call) = match api.kind {
        ApiKind::Rest => ("RestApiId", &["apigateway:updateStage"][..]),
        _ => ("ApiId", &["apigatewayv2:updateStage", "apigatewayv2:deleteAccessLogSettings"][..]),
    };
    if !expected_call.contains(&call) {
        return Err(format!(
            "it targets {}, not a revert of a {}",
            crate::escape::terminal(target_arn),
            api.kind.label()
        ));
    }
    if input[id_key].as_str() != Some(api.id.as_str()) || input["StageName"].as_str() != Some(&now.stage_name)
    {
        return Err("it names another API or stage".into());
    }
    let mut target = now.clone();
    let bad = |what: &str| Err(format!("it holds {what}, which no revert sends"));
    match call {
        "apigateway:updateStage" => {
            for op in input["PatchOperations"].as_array().into_iter().flatten() {
                let (verb, path, value) =
                    (op["Op"].as_str(), op["Path"].as_str().unwrap_or_default(), op["Value"].as_str());
                let path = path.trim_start_matches('/');
                let field = ["/logging/loglevel", "/logging/dataTrace", "/metrics/enabled"]
                    .into_iter()
                    .find_map(|suffix| path.strip_suffix(suffix).map(|key| (key, suffix)));
                match (verb, field, value) {
                    (Some("replace"), Some((key, suffix)), Some(value)) if is_method_key(key) => {
                        let settings = target.methods.entry(key.to_string()).or_insert(MethodLogging::OFF);
                        match (suffix, value) {
                            ("/logging/loglevel", "OFF" | "ERROR" | "INFO") => {
                                settings.level = Level::from_api(Some(value))
                            }
                            ("/logging/dataTrace" | "/metrics/enabled", "true" | "false") => {
                                let on = value == "true";
                                if suffix == "/logging/dataTrace" {
                                    settings.data_trace = on
                                } else {
                                    settings.metrics = on
                                }
                            }
                            _ => return bad(&format!("the value {}", crate::escape::terminal(value))),
                        }
                    }
                    (Some("remove"), None, None) if is_method_key(path) && path != ALL_METHODS_KEY => {
                        target.methods.remove(path);
                    }
                    _ => return bad(&format!("the operation {}", crate::escape::terminal(&op.to_string()))),
                }
            }
        }
        "apigatewayv2:deleteAccessLogSettings" => target.access = None,
        _ => {
            let route = |v: &Value| -> Result<MethodLogging, String> {
                let level = match v.get("LoggingLevel").map(|l| l.as_str()) {
                    None => Level::Off,
                    Some(Some(l @ ("OFF" | "ERROR" | "INFO"))) => Level::from_api(Some(l)),
                    Some(_) => return Err("a logging level no revert sends".into()),
                };
                Ok(MethodLogging {
                    level,
                    data_trace: v["DataTraceEnabled"].as_bool().unwrap_or(false),
                    metrics: v["DetailedMetricsEnabled"].as_bool().unwrap_or(false),
                })
            };
            if let Some(settings) = input.get("DefaultRouteSettings") {
                target.methods.insert(ALL_METHODS_KEY.into(), route(settings)?);
            }
            for (key, settings) in input.get("RouteSettings").and_then(Value::as_object).into_iter().flatten()
            {
                target.methods.insert(key.clone(), route(settings)?);
            }
            if let Some(access) = input.get("AccessLogSettings") {
                let (Some(destination_arn), Some(format)) =
                    (access["DestinationArn"].as_str(), access["Format"].as_str())
                else {
                    return bad("access log settings without a destination and format");
                };
                target.access =
                    Some(AccessLog { destination_arn: destination_arn.into(), format: format.into() });
            }
        }
    }
    check_revert(now, &target)?;
    Ok(target)
}

/// `*/*` or a REST method-settings key (`~1pets~1{id}/GET`).
fn is_method_key(key: &str) -> bool {
    key == ALL_METHODS_KEY || crate::settings::MethodSpec::from_settings_key(key).is_some()
}

/// The universal target of the schedule (`arn:…:scheduler:::aws-sdk:SERVICE:ACTION`) and its
/// input: the call's request as the AWS SDK names its fields (PascalCase), for the one step that
/// reverts the stage.
pub fn schedule_target(partition: &str, steps: &[Step]) -> Result<(String, Value), String> {
    let [step] = steps else {
        return Err(format!("a schedule makes one call, and this revert needs {}", steps.len()));
    };
    let (service, action, input) = match &step.action {
        Action::UpdateStage { rest_api_id, stage_name, patch_operations } => {
            let ops: Vec<Value> = patch_operations
                .iter()
                .map(|op| {
                    let mut entry = json!({ "Op": op.op, "Path": op.path });
                    if let Some(value) = &op.value {
                        entry["Value"] = json!(value);
                    }
                    entry
                })
                .collect();
            (
                "apigateway",
                "updateStage",
                json!({ "RestApiId": rest_api_id, "StageName": stage_name, "PatchOperations": ops }),
            )
        }
        Action::UpdateApiStage(ApiStageUpdate {
            api_id,
            stage_name,
            default_route_settings,
            route_settings,
            access_log_settings,
        }) => {
            let mut input = json!({ "ApiId": api_id, "StageName": stage_name });
            if let Some(settings) = default_route_settings {
                input["DefaultRouteSettings"] = pascal_route_settings(settings);
            }
            if !route_settings.is_empty() {
                input["RouteSettings"] =
                    route_settings.iter().map(|(k, v)| (k.clone(), pascal_route_settings(v))).collect();
            }
            if let Some(access) = access_log_settings {
                input["AccessLogSettings"] =
                    json!({ "DestinationArn": access.destination_arn, "Format": access.format });
            }
            ("apigatewayv2", "updateStage", input)
        }
        Action::DeleteAccessLogSettings { api_id, stage_name } => {
            ("apigatewayv2", "deleteAccessLogSettings", json!({ "ApiId": api_id, "StageName": stage_name }))
        }
        other => return Err(format!("a schedule cannot make {}", other.call())),
    };
    Ok((format!("arn:{partition}:scheduler:::aws-sdk:{service}:{action}"), input))
}

fn pascal_route_settings(settings: &crate::logging::RouteSettings) -> Value {
    let mut out = json!({ "DetailedMetricsEnabled": settings.detailed_metrics_enabled });
    if let Some(level) = settings.logging_level {
        out["LoggingLevel"] = json!(level);
    }
    if let Some(data_trace) = settings.data_trace_enabled {
        out["DataTraceEnabled"] = json!(data_trace);
    }
    if let Some(burst) = settings.throttling.burst_limit {
        out["ThrottlingBurstLimit"] = json!(burst);
    }
    if let Some(rate) = &settings.throttling.rate_limit {
        out["ThrottlingRateLimit"] = json!(rate);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::stage_update_steps_to;

    const OFF: MethodLogging = MethodLogging::OFF;
    const ERROR: MethodLogging = MethodLogging { level: Level::Error, data_trace: false, metrics: true };
    const INFO_TRACE: MethodLogging = MethodLogging { level: Level::Info, data_trace: true, metrics: true };

    fn stage(kind: ApiKind, methods: &[(&str, MethodLogging)]) -> StageLogging {
        StageLogging {
            stage_name: "prod".into(),
            kind,
            methods: methods.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..Default::default()
        }
    }

    fn record(kind: ApiKind, before: &StageLogging, during: &StageLogging) -> Record {
        let started = DateTime::parse_from_rfc3339("2026-12-03T01:00:00Z").unwrap().with_timezone(&Utc);
        Record {
            api: Api {
                id: "a1b2c3d4e5".into(),
                name: "orders".into(),
                kind,
                created: None,
                tags: Default::default(),
            },
            stage: "prod".into(),
            started,
            ends: started + Span::minutes(15),
            revert_at: started + Span::minutes(17),
            before: Snapshot::of(before),
            during: Snapshot::of(during),
        }
    }

    #[test]
    fn lengths_from_one_minute_to_twelve_hours() {
        assert_eq!(parse_length("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_length("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_length("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_length("12h"), Ok(MAX_LENGTH));
        for (bad, why) in [
            ("0", "no unit"),
            ("0m", "shorter than 1m"),
            ("59s", "shorter than 1m"),
            ("30d", "unknown unit 'd'"),
            ("12h1s", "longer than 12h"),
            ("", "empty"),
            ("m", "not a length"),
            ("99999999999999999999h", "not a length"),
        ] {
            let err = parse_length(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn the_schedule_fires_on_the_minute_and_later_for_a_watched_session() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let ends = end_of(t("2026-12-03T01:00:10.5Z"), Duration::from_secs(60));
        assert_eq!(ends, t("2026-12-03T01:01:10Z"));
        assert_eq!(revert_time(ends, true), t("2026-12-03T01:02:00Z"));
        assert_eq!(revert_time(ends, false), t("2026-12-03T01:04:00Z"));
        assert_eq!(revert_time(t("2026-12-03T01:05:00Z"), true), t("2026-12-03T01:05:00Z"));
        assert_eq!(at_expression(t("2026-12-03T01:02:00Z")), "at(2026-12-03T01:02:00)");
        assert_eq!(at_time("at(2026-12-03T01:02:00)"), Some(t("2026-12-03T01:02:00Z")));
        assert_eq!(at_time("rate(5 minutes)"), None);
        // A plan confirmed too late for its own schedule is refused before the schedule is made.
        let at = t("2026-12-03T01:02:00Z");
        assert_eq!(too_late(at, t("2026-12-03T01:00:59Z")), None);
        assert!(too_late(at, t("2026-12-03T01:01:01Z")).unwrap().contains("less than a minute away"));
    }

    #[test]
    fn schedule_names_fit_scheduler_and_never_collide() {
        assert_eq!(schedule_name("a1b2c3d4e5", "prod"), "a1b2c3d4e5.prod");
        let default = schedule_name("a1b2c3d4e5", "$default");
        assert!(default.starts_with("a1b2c3d4e5_") && default.len() == 27, "{default}");
        let long = schedule_name("a1b2c3d4e5", &"s".repeat(128));
        assert!(long.len() <= 64 && long.starts_with("a1b2c3d4e5_"));
        assert_ne!(schedule_name("a1b2c3d4e5", "$default"), schedule_name("a1b2c3d4e5", "$Default"));
    }

    #[test]
    fn the_description_carries_stage_and_times() {
        let r = record(ApiKind::Websocket, &stage(ApiKind::Websocket, &[]), &stage(ApiKind::Websocket, &[]));
        let listed = parse_description(&r.description()).unwrap();
        assert_eq!(
            listed,
            Listed {
                api_id: r.api.id.clone(),
                api_type: ApiKind::Websocket,
                stage: "prod".into(),
                ends: r.ends,
                reverts: r.revert_at
            }
        );
        assert_eq!(parse_description("made by hand"), None);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Record>(&json).unwrap(), r, "the record round-trips");
    }

    #[test]
    fn revert_restores_what_the_session_changed_and_nothing_else() {
        let before = stage(ApiKind::Rest, &[("*/*", ERROR), ("~1pets/GET", OFF)]);
        let during = stage(
            ApiKind::Rest,
            &[("*/*", INFO_TRACE), ("~1pets/GET", INFO_TRACE), ("~1cats/GET", INFO_TRACE)],
        );
        // Untouched since: everything back, the added override removed.
        let r = revert(&before, &during, &during);
        assert_eq!(r.target, before);
        assert!(r.left_alone.is_empty());
        // Someone set the stage-wide level to OFF and changed the added override meanwhile.
        let mut now = during.clone();
        now.methods.insert("*/*".into(), MethodLogging { level: Level::Off, ..INFO_TRACE });
        now.methods.insert("~1cats/GET".into(), MethodLogging { metrics: false, ..INFO_TRACE });
        let r = revert(&before, &during, &now);
        assert_eq!(
            r.target.methods["*/*"],
            MethodLogging { level: Level::Off, data_trace: false, metrics: true }
        );
        assert_eq!(r.target.methods["~1pets/GET"], OFF);
        assert_eq!(r.target.methods["~1cats/GET"], now.methods["~1cats/GET"]);
        assert_eq!(
            r.left_alone,
            ["stage-wide logging level (now OFF)", "~1cats/GET override (changed since the session began)"]
        );
        // Put back already (by its schedule, or `debug end` elsewhere): nothing to do or say.
        let r = revert(&before, &during, &before);
        assert_eq!(r.target, before);
        assert!(r.left_alone.is_empty(), "{:?}", r.left_alone);
    }

    #[test]
    fn a_stage_without_settings_goes_back_to_all_off() {
        let before = stage(ApiKind::Rest, &[]);
        let during = stage(
            ApiKind::Rest,
            &[("*/*", MethodLogging { level: Level::Info, data_trace: false, metrics: false })],
        );
        let r = revert(&before, &during, &during);
        assert_eq!(r.target, stage(ApiKind::Rest, &[("*/*", OFF)]));
        let api = record(ApiKind::Rest, &before, &during).api;
        let steps = stage_update_steps_to(&api, &during, &r.target);
        let (arn, input) = schedule_target("aws", &steps).unwrap();
        assert_eq!(arn, "arn:aws:scheduler:::aws-sdk:apigateway:updateStage");
        assert_eq!(
            input,
            json!({ "RestApiId": "a1b2c3d4e5", "StageName": "prod", "PatchOperations": [
                { "Op": "replace", "Path": "/*/*/logging/loglevel", "Value": "OFF" }
            ]})
        );
    }

    #[test]
    fn access_logging_goes_back_unless_it_was_changed_meanwhile() {
        let mut before = stage(ApiKind::Http, &[]);
        let mut during = before.clone();
        during.access = Some(AccessLog {
            destination_arn: "arn:aws:logs:us-east-1:1:log-group:g".into(),
            format: HTTP_DEBUG_FORMAT.into(),
        });
        assert_eq!(revert(&before, &during, &during).target.access, None);
        let mut now = during.clone();
        now.access.as_mut().unwrap().format = "$context.requestId".into();
        let r = revert(&before, &during, &now);
        assert_eq!((r.target.access, r.left_alone.len()), (now.access.clone(), 1));
        // Off before: the schedule deletes the access log settings.
        let rec = record(ApiKind::Http, &before, &during);
        let steps = stage_update_steps_to(&rec.api, &during, &scheduled_target(&rec));
        let (arn, input) = schedule_target("aws", &steps).unwrap();
        assert_eq!(arn, "arn:aws:scheduler:::aws-sdk:apigatewayv2:deleteAccessLogSettings");
        assert_eq!(input, json!({ "ApiId": "a1b2c3d4e5", "StageName": "prod" }));
        // On before: the schedule sends the old destination and format back.
        before.access = Some(AccessLog {
            destination_arn: "arn:aws:logs:us-east-1:1:log-group:old".into(),
            format: "$context.requestId".into(),
        });
        let rec = record(ApiKind::Http, &before, &during);
        let steps = stage_update_steps_to(&rec.api, &during, &scheduled_target(&rec));
        let (arn, input) = schedule_target("aws", &steps).unwrap();
        assert_eq!(arn, "arn:aws:scheduler:::aws-sdk:apigatewayv2:updateStage");
        assert_eq!(
            input,
            json!({ "ApiId": "a1b2c3d4e5", "StageName": "prod", "AccessLogSettings": {
                "DestinationArn": "arn:aws:logs:us-east-1:1:log-group:old", "Format": "$context.requestId" } })
        );
    }

    #[test]
    fn a_websocket_route_the_session_added_gets_the_old_defaults_from_the_schedule() {
        let mut before = stage(ApiKind::Websocket, &[("*/*", ERROR)]);
        let limits = crate::logging::Throttle { burst_limit: Some(100), rate_limit: Some(50.into()) };
        before.throttling.insert("*/*".into(), limits);
        let planned = stage(ApiKind::Websocket, &[("*/*", ERROR), ("$connect", INFO_TRACE)]);
        let mut rec = record(ApiKind::Websocket, &before, &planned);
        rec.during = Snapshot::during(&before, &planned);
        let during = rec.during_stage();
        // A process deletes the route's settings...
        let local = stage_update_steps_to(&rec.api, &during, &revert(&before, &during, &during).target);
        assert_eq!(
            local.iter().map(|s| s.action.call()).collect::<Vec<_>>(),
            ["apigatewayv2:DeleteRouteSettings"]
        );
        // ...a schedule (one call) makes them log as the default route did.
        let steps = stage_update_steps_to(&rec.api, &during, &scheduled_target(&rec));
        let (_, input) = schedule_target("aws", &steps).unwrap();
        assert_eq!(
            input,
            json!({ "ApiId": "a1b2c3d4e5", "StageName": "prod", "RouteSettings": { "$connect": {
                "DetailedMetricsEnabled": true, "LoggingLevel": "ERROR", "DataTraceEnabled": false,
                "ThrottlingBurstLimit": 100, "ThrottlingRateLimit": 50 } } })
        );
        assert!(schedule_target("aws", &[]).is_err());
    }

    #[test]
    fn the_debug_format_passes_the_http_lint() {
        let lint = crate::format::lint(HTTP_DEBUG_FORMAT, ApiKind::Http);
        assert!(lint.findings.is_empty(), "{:?}", lint.findings);
    }

    #[test]
    fn the_revert_role_may_only_update_stages_of_its_region() {
        let policy: Value = serde_json::from_str(&revert_policy("aws", "eu-west-1")).unwrap();
        let actions: Vec<&str> =
            policy["Statement"].as_array().unwrap().iter().map(|s| s["Action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["apigateway:PATCH", "apigateway:DELETE"]);
        assert!(policy.to_string().contains("arn:aws:apigateway:eu-west-1::/restapis/*/stages/*"));
        let trust: Value =
            serde_json::from_str(&revert_trust_policy("aws", "eu-west-1", "123456789012")).unwrap();
        assert_eq!(trust["Statement"][0]["Principal"]["Service"], "scheduler.amazonaws.com");
        assert_eq!(
            trust["Statement"][0]["Condition"]["StringEquals"]["aws:SourceArn"],
            "arn:aws:scheduler:eu-west-1:123456789012:schedule-group/apigw-logs-debug"
        );
    }

    #[test]
    fn a_record_speaks_only_for_its_own_api_stage_and_stream() {
        let plain = stage(ApiKind::Rest, &[("*/*", ERROR)]);
        let r = record(ApiKind::Rest, &plain, &stage(ApiKind::Rest, &[("*/*", INFO_TRACE)]));
        let api = r.api.clone();
        assert_eq!(check_record(&r, &api, &plain, &r.stream_name()), Ok(()));
        let other = Api { id: "zzzzzzzzzz".into(), ..api.clone() };
        let err = check_record(&r, &other, &plain, &r.stream_name()).unwrap_err();
        assert!(err.contains("it names API a1b2c3d4e5 (asked: zzzzzzzzzz)"), "{err}");
        let err = check_record(&r, &api, &plain, "a1b2c3d4e5.prod/20260101T000000.000Z").unwrap_err();
        assert!(err.contains("not its own"), "{err}");
        let mut renamed = plain.clone();
        renamed.stage_name = "dev".into();
        assert!(
            check_record(&r, &api, &renamed, &r.stream_name()).unwrap_err().contains("it names stage prod")
        );
        let websocket = Api { kind: ApiKind::Websocket, ..api.clone() };
        assert!(check_record(&r, &websocket, &plain, &r.stream_name()).unwrap_err().contains("REST API"));
        let mut backwards = r.clone();
        backwards.ends = backwards.started;
        assert!(
            check_record(&backwards, &api, &plain, &r.stream_name()).unwrap_err().contains("out of order")
        );
        let mut later = plain.clone();
        later.created = Some(r.started + Span::minutes(5));
        assert!(
            check_record(&r, &api, &later, &r.stream_name())
                .unwrap_err()
                .contains("later stage of the same name")
        );
    }

    #[test]
    fn a_revert_never_turns_data_trace_on_nor_moves_logs() {
        let now = stage(ApiKind::Rest, &[("*/*", INFO_TRACE), ("~1pets/GET", ERROR)]);
        assert_eq!(check_revert(&now, &stage(ApiKind::Rest, &[("*/*", ERROR)])), Ok(()));
        let traced = stage(ApiKind::Rest, &[("*/*", OFF), ("~1pets/GET", INFO_TRACE)]);
        assert!(check_revert(&now, &traced).unwrap_err().contains("data trace on (~1pets/GET)"));
        let mut http = stage(ApiKind::Http, &[]);
        http.access = Some(AccessLog {
            destination_arn: "arn:aws:logs:us-east-1:1:log-group:g".into(),
            format: "f".into(),
        });
        let mut moved = http.clone();
        moved.access.as_mut().unwrap().destination_arn =
            "arn:aws:firehose:us-east-1:999999999999:deliverystream/amazon-apigateway-x".into();
        assert!(check_revert(&http, &moved).unwrap_err().contains("send access logs to arn:aws:firehose"));
        let mut off = http.clone();
        off.access = None;
        assert_eq!(check_revert(&http, &off), Ok(()), "turning access logging off is a revert");
        let mut starred = http.clone();
        starred.access.as_mut().unwrap().destination_arn.push_str(":*");
        assert_eq!(check_revert(&http, &starred), Ok(()), "the same group");
    }

    #[test]
    fn only_the_tools_own_schedules_are_sessions() {
        assert!(is_session_schedule("a1b2c3d4e5.prod", "arn:aws:scheduler:::aws-sdk:apigateway:updateStage"));
        assert!(is_session_schedule(
            "a1b2c3d4e5_0123abcd",
            "arn:aws:scheduler:::aws-sdk:apigatewayv2:deleteAccessLogSettings"
        ));
        assert!(!is_session_schedule("nightly-report", "arn:aws:scheduler:::aws-sdk:apigateway:updateStage"));
        assert!(!is_session_schedule("a1b2c3d4e5.prod", "arn:aws:lambda:us-east-1:1:function:f"));
        assert!(!is_session_schedule("a1b2c3d4e5.prod", "arn:aws:scheduler:::aws-sdk:iam:createUser"));
    }

    #[test]
    fn a_schedule_input_is_read_as_a_revert_or_refused() {
        let api = record(ApiKind::Rest, &stage(ApiKind::Rest, &[]), &stage(ApiKind::Rest, &[])).api;
        let now = stage(ApiKind::Rest, &[("*/*", INFO_TRACE), ("~1pets/GET", INFO_TRACE)]);
        let arn = "arn:aws:scheduler:::aws-sdk:apigateway:updateStage";
        let input = |ops: Value| {
            json!({ "RestApiId": "a1b2c3d4e5", "StageName": "prod", "PatchOperations": ops }).to_string()
        };
        let back = input(json!([
            { "Op": "replace", "Path": "/*/*/logging/loglevel", "Value": "ERROR" },
            { "Op": "replace", "Path": "/*/*/logging/dataTrace", "Value": "false" },
            { "Op": "remove", "Path": "/~1pets/GET" }
        ]));
        let target = target_from_schedule(&api, &now, arn, &back).unwrap();
        assert_eq!(target.methods, stage(ApiKind::Rest, &[("*/*", ERROR)]).methods);
        for (bad, why) in [
            (
                input(
                    json!([{ "Op": "replace", "Path": "/accessLogSettings/destinationArn", "Value": "arn:x" }]),
                ),
                "no revert sends",
            ),
            (
                input(json!([{ "Op": "replace", "Path": "/*/*/logging/loglevel", "Value": "LOUD" }])),
                "no revert sends",
            ),
            (
                json!({ "RestApiId": "other", "StageName": "prod", "PatchOperations": [] }).to_string(),
                "another API",
            ),
            ("not json".to_string(), "not JSON"),
        ] {
            let err = target_from_schedule(&api, &now, arn, &bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
        let quiet = stage(ApiKind::Rest, &[("*/*", ERROR)]);
        let trace_on = input(json!([{ "Op": "replace", "Path": "/*/*/logging/dataTrace", "Value": "true" }]));
        assert!(target_from_schedule(&api, &quiet, arn, &trace_on).unwrap_err().contains("data trace on"));
        let v2 = "arn:aws:scheduler:::aws-sdk:apigatewayv2:updateStage";
        assert!(
            target_from_schedule(&api, &now, v2, &back).unwrap_err().contains("not a revert of a REST API")
        );
    }
}
