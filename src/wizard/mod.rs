//! The `setup` wizard's questions. It only fills in a [`SetupRequest`] — the flags of `enable`
//! (plus an explicit account-role choice) — which the command then plans and applies through the
//! same code as `enable`, and prints as the equivalent command line.
//!
//! The flow talks to a [`Prompter`] (dialoguer in the terminal, a script in tests) and reads AWS
//! through a [`Source`], so every branch is unit-tested without a terminal or an emulator.

use crate::api::{Api, ApiKind};
use crate::arn;
use crate::cli::{DEFAULT_WAIT_SECONDS, WaitArg};
use crate::error;
use crate::format;
use crate::groups::default_log_group;
use crate::logging::StageLogging;
use crate::planner::targets::find_api;
use crate::regions::REGIONS;
use crate::request::{CommandLine, Logging};
use crate::settings::{DEFAULT_RETENTION_DAYS, Level, RETENTION_DAYS, Switch};
use crate::trust::{DEFAULT_ROLE_NAME, RoleHealth};

/// Asks the questions. Every method returns `Err(cancelled)` when the user presses Esc.
pub trait Prompter {
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> anyhow::Result<usize>;
    /// A type-to-filter list, for long lists (APIs, log groups).
    fn fuzzy_select(&mut self, prompt: &str, items: &[String]) -> anyhow::Result<usize>;
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> anyhow::Result<Vec<usize>>;
    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool>;
    fn input(&mut self, prompt: &str) -> anyhow::Result<String>;
    /// An explanation or a warning, shown between questions.
    fn say(&mut self, text: &str);
}

/// What the wizard reads from AWS in the chosen region.
#[allow(async_fn_in_trait)] // used with static dispatch only, inside this crate
pub trait Source {
    /// The account's `cloudwatchRoleArn` and its health, `None` when unset.
    async fn account_role(&self) -> anyhow::Result<Option<RoleHealth>>;
    /// ARNs of the account's healthy logging roles (trusted by API Gateway, with the policy).
    async fn logging_roles(&self) -> anyhow::Result<Vec<String>>;
    async fn apis(&self) -> anyhow::Result<Vec<Api>>;
    async fn stages(&self, api: &Api) -> anyhow::Result<Vec<StageLogging>>;
    async fn log_groups(&self) -> anyhow::Result<Vec<String>>;
    /// What the chosen stages' logging would cost a month at OFF, ERROR and INFO (e.g.
    /// `≈ 12.40 USD/month`), or `None` when it cannot be estimated.
    async fn execution_costs(&self, api: &Api, stages: &[String]) -> Option<[String; 3]>;
}

/// The account role the user chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleChoice {
    /// The account keeps its healthy role.
    Keep,
    /// `enable` creates or repairs the default role when the account has no healthy one.
    EnableDefault,
    /// Point the account at this role first (`account set-role`), replacing the current one.
    Switch { role_arn: String, create_default: bool },
}

/// Everything the wizard decided: `enable`'s flags, plus the account-role choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetupRequest {
    pub region: String,
    pub role: RoleChoice,
    pub api: Api,
    /// How the printed command names the API: its name when unique, else its id.
    pub api_ref: String,
    pub stages: Vec<String>,
    pub logging: Logging,
}

/// What the user came for: the first question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    SetUp,
    Debug,
}

pub fn ask_goal(p: &mut impl Prompter) -> anyhow::Result<Goal> {
    let items = [
        "Set up logging (role, execution and access logs)".to_string(),
        "Debug a stage for a while (full logging, then put back as it was)".to_string(),
    ];
    Ok(match p.select("What do you want to do?", &items, 0)? {
        1 => Goal::Debug,
        _ => Goal::SetUp,
    })
}

/// A debug session's choices: `debug`'s flags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DebugRequest {
    pub region: String,
    pub api: Api,
    pub api_ref: String,
    pub stage: String,
    pub length: &'static str,
    pub data_trace: bool,
}

pub const DEBUG_LENGTHS: [&str; 5] = ["5m", "15m", "30m", "1h", "2h"];

/// The debug branch: the API, one stage, how long, and (not for HTTP APIs) data trace.
pub async fn ask_debug(
    p: &mut impl Prompter,
    source: &impl Source,
    region: &str,
    pre_api: (Option<&str>, Option<ApiKind>),
) -> anyhow::Result<DebugRequest> {
    let (api, api_ref) = ask_api(p, source, region, pre_api).await?;
    let stages = source.stages(&api).await?;
    let stage = match stages.as_slice() {
        [] => {
            return Err(error::precondition(
                format!("API {} has no stages", api.shown_name()),
                "deploy it to a stage first",
            ));
        }
        [only] => only.stage_name.clone(),
        _ => {
            let items: Vec<String> = stages.iter().map(describe_stage).collect();
            stages[p.select("Stage to debug", &items, 0)?].stage_name.clone()
        }
    };
    let items: Vec<String> = DEBUG_LENGTHS.iter().map(|l| l.to_string()).collect();
    let length =
        DEBUG_LENGTHS[p.select("For how long? (then the stage is put back by itself)", &items, 1)?];
    let data_trace = match api.kind {
        ApiKind::Http => {
            p.say("HTTP APIs have no execution logs: the session swaps the stage's access log format for one with the error and integration fields, then puts the old one back.");
            false
        }
        _ => p.confirm(
            "Also log full request and response bodies (data trace)? They may hold secrets and personal data",
            false,
        )?,
    };
    Ok(DebugRequest { region: region.to_string(), api, api_ref, stage, length, data_trace })
}

/// The `debug` command line that starts the same session.
pub fn equivalent_debug_command(request: &DebugRequest) -> String {
    let mut line =
        CommandLine::apigw_logs(&["debug"]).arg("--region", &request.region).arg("--api", &request.api_ref);
    if request.api.kind != ApiKind::Rest {
        line = line.arg("--api-type", request.api.kind.flag());
    }
    line = line.arg("--stage", &request.stage).arg("--for", request.length);
    if request.data_trace {
        line = line.flag("--data-trace").flag("--yes");
    }
    line.to_string()
}

/// Step 1: the configured region, confirmable or changeable.
pub fn ask_region(p: &mut impl Prompter, configured: Option<&str>) -> anyhow::Result<String> {
    if let Some(region) = configured
        && p.confirm(&format!("Set up logging in region {region}?"), true)?
    {
        return Ok(region.to_string());
    }
    let items: Vec<String> = REGIONS.iter().map(|r| r.to_string()).collect();
    let default = configured.and_then(|c| REGIONS.iter().position(|r| *r == c)).unwrap_or(0);
    Ok(REGIONS[p.select("Region", &items, default)?].to_string())
}

/// Steps 2–6: the API and its stages, the account role (not for HTTP APIs), execution and access
/// logging. `pre` holds the flags given on the command line; each answers its question.
pub async fn ask(
    p: &mut impl Prompter,
    source: &impl Source,
    region: &str,
    account: &str,
    pre_api: (Option<&str>, Option<ApiKind>),
    pre_stages: &[String],
    pre: &Logging,
) -> anyhow::Result<SetupRequest> {
    let (api, api_ref) = ask_api(p, source, region, pre_api).await?;
    let stages = ask_stages(p, source, &api, pre_stages).await?;
    let role = if api.kind == ApiKind::Http {
        p.say("HTTP APIs deliver access logs without the account's logging role; it is left as it is.");
        RoleChoice::Keep
    } else {
        ask_role(p, source, account).await?
    };
    let mut logging = pre.clone();
    let costs = match (api.kind, logging.level) {
        (ApiKind::Http, _) | (_, Some(_)) => None,
        _ => source.execution_costs(&api, &stages).await,
    };
    ask_execution(p, &mut logging, api.kind, costs.as_ref())?;
    ask_delivery(p, &mut logging, api.kind)?;
    ask_access(p, source, &api, &mut logging).await?;
    Ok(SetupRequest { region: region.to_string(), role, api, api_ref, stages, logging })
}

async fn ask_role(p: &mut impl Prompter, source: &impl Source, account: &str) -> anyhow::Result<RoleChoice> {
    p.say("API Gateway writes logs through one IAM role per region, set on its account and shared by every REST and WebSocket API there (HTTP APIs do not use it).");
    let current = source.account_role().await?;
    let healthy = current.as_ref().filter(|h| h.is_healthy());
    match &current {
        None => p.say("This region has no logging role yet."),
        Some(h) if h.is_healthy() => p.say(&format!("Current role: {} (healthy)", h.arn)),
        Some(h) => p.say(&format!("Current role: {} — unusable: {}", h.arn, h.problems.join("; "))),
    }
    let default_arn = format!("arn:aws:iam::{account}:role/{DEFAULT_ROLE_NAME}");
    loop {
        let mut options = Vec::new();
        if let Some(h) = healthy {
            options.push(format!("Keep {}", h.arn));
        }
        options.push(format!("Create or repair the role {DEFAULT_ROLE_NAME} and use it"));
        options.push("Use another existing role trusted by API Gateway".to_string());
        options.push("Enter a role ARN".to_string());
        let offset = usize::from(healthy.is_none());
        let choice = p.select("Account logging role", &options, 0)? + offset;
        let switch_to = match choice {
            0 => return Ok(RoleChoice::Keep),
            1 if healthy.is_none() => return Ok(RoleChoice::EnableDefault),
            1 => (default_arn.clone(), true),
            2 => {
                let current_arn = current.as_ref().map(|h| h.arn.as_str());
                let roles: Vec<String> = source
                    .logging_roles()
                    .await?
                    .into_iter()
                    .filter(|r| Some(r.as_str()) != current_arn)
                    .collect();
                if roles.is_empty() {
                    p.say("No other healthy role trusted by API Gateway exists in this account.");
                    continue;
                }
                (roles[p.select("Role", &roles, 0)?].clone(), false)
            }
            _ => match p.input("Role ARN").map(|text| (arn::parse_role_arn(text.trim()), text))? {
                (Ok((parsed, _)), text) if parsed.account == account => (text.trim().to_string(), false),
                (Ok((parsed, _)), _) => {
                    p.say(&format!(
                        "That role is in account {}; API Gateway needs one in {account}.",
                        parsed.account
                    ));
                    continue;
                }
                (Err(why), _) => {
                    p.say(&why);
                    continue;
                }
            },
        };
        if let Some(h) = healthy {
            if h.arn == switch_to.0 {
                return Ok(RoleChoice::Keep);
            }
            p.say(&format!("warning: {} is healthy and every API in the region uses it.", h.arn));
            if !p.confirm("Replace it?", false)? {
                continue;
            }
        }
        return Ok(RoleChoice::Switch { role_arn: switch_to.0, create_default: switch_to.1 });
    }
}

/// The API: `--api` (and `--api-type`) when given, else picked from every API in the region.
async fn ask_api(
    p: &mut impl Prompter,
    source: &impl Source,
    region: &str,
    (pre, kind): (Option<&str>, Option<ApiKind>),
) -> anyhow::Result<(Api, String)> {
    let all = source.apis().await?;
    let apis: Vec<Api> = all.iter().filter(|a| kind.is_none_or(|k| k == a.kind)).cloned().collect();
    if apis.is_empty() {
        return Err(error::precondition(
            format!("there are no {}s in this region", kind.map_or("API", ApiKind::label)),
            "deploy an API first, or pick another region",
        ));
    }
    let api = match pre {
        Some(wanted) => find_api(&apis, region, wanted, kind)?,
        None => {
            let items: Vec<String> = apis
                .iter()
                .map(|a| {
                    format!(
                        "{} ({}, {}){}",
                        a.name,
                        a.id,
                        a.kind.label(),
                        a.created.as_deref().map(|d| format!(", created {d}")).unwrap_or_default()
                    )
                })
                .collect();
            apis[p.fuzzy_select("API (type to filter)", &items)?].clone()
        }
    };
    // Unique among every type, so the printed command needs no --api-type to find it.
    let unique_name = all.iter().filter(|a| a.name == api.name).count() == 1;
    let api_ref = if unique_name { api.name.clone() } else { api.id.clone() };
    Ok((api, api_ref))
}

async fn ask_stages(
    p: &mut impl Prompter,
    source: &impl Source,
    api: &Api,
    pre: &[String],
) -> anyhow::Result<Vec<String>> {
    let stages = source.stages(api).await?;
    if stages.is_empty() {
        return Err(error::precondition(
            format!("API {} has no stages", api.shown_name()),
            "deploy it to a stage first",
        ));
    }
    if !pre.is_empty() {
        if let Some(missing) = pre.iter().find(|s| !stages.iter().any(|st| &st.stage_name == *s)) {
            return Err(error::usage(format!("--stage: API {} has no stage '{missing}'", api.shown_name())));
        }
        return Ok(pre.to_vec());
    }
    let items: Vec<String> = stages.iter().map(describe_stage).collect();
    let checked = vec![stages.len() == 1; stages.len()];
    loop {
        let picked = p.multi_select("Stages (space to pick, enter to go on)", &items, &checked)?;
        if !picked.is_empty() {
            return Ok(picked.into_iter().map(|i| stages[i].stage_name.clone()).collect());
        }
        p.say("Pick at least one stage (space toggles).");
    }
}

fn describe_stage(stage: &StageLogging) -> String {
    let wide = stage.stage_wide();
    let access = match &stage.access {
        None => "off".to_string(),
        Some(a) => {
            stage.kind.matching_preset(&a.format).map_or("on".to_string(), |p| format!("on, {}", p.name))
        }
    };
    match stage.kind {
        ApiKind::Http => format!("{} — access logging {access}", stage.stage_name),
        _ => format!("{} — execution {}, access logging {access}", stage.stage_name, wide.level),
    }
}

/// Execution logging, metrics, data trace; for an HTTP API (no execution logs) metrics only.
/// The execution-level choices, each with its estimated monthly cost when known.
fn execution_items(costs: Option<&[String; 3]>) -> [String; 3] {
    let items = [
        "OFF   — no execution logs",
        "ERROR — only requests that fail: low volume, low cost",
        "INFO  — every request's execution trace: most useful, highest CloudWatch cost",
    ];
    std::array::from_fn(|i| match costs {
        Some(costs) => format!("{} ({} for these stages)", items[i], costs[i]),
        None => items[i].to_string(),
    })
}

fn ask_execution(
    p: &mut impl Prompter,
    logging: &mut Logging,
    kind: ApiKind,
    costs: Option<&[String; 3]>,
) -> anyhow::Result<()> {
    if kind == ApiKind::Http {
        if logging.metrics.is_none() {
            let on = p.confirm("Detailed CloudWatch metrics per route (billed as custom metrics)?", false)?;
            logging.metrics = Some(Switch::from(on));
        }
        return Ok(());
    }
    if logging.level.is_none() {
        let items = execution_items(costs);
        logging.level =
            Some([Level::Off, Level::Error, Level::Info][p.select("Execution logging", &items, 2)?]);
    }
    if logging.metrics.is_none() {
        let on = p.confirm("Detailed CloudWatch metrics per method (billed as custom metrics)?", false)?;
        logging.metrics = Some(Switch::from(on));
    }
    if logging.data_trace.is_none() {
        let on = p.confirm("Data trace: log full request and response bodies?", false)?;
        logging.data_trace = Some(Switch::from(on));
    }
    if logging.data_trace == Some(Switch::On) {
        p.say("warning: data trace writes request and response bodies — possibly secrets and personal data — to CloudWatch Logs. AWS advises against it in production.");
    }
    Ok(())
}

/// REST APIs logging at ERROR or INFO: execution logs also delivered, untruncated, to the user's
/// own destinations. Each ARN is checked on the spot; a bad one is asked again.
fn ask_delivery(p: &mut impl Prompter, logging: &mut Logging, kind: ApiKind) -> anyhow::Result<()> {
    if kind != ApiKind::Rest || logging.wanted_deliveries().is_some() || logging.level == Some(Level::Off) {
        return Ok(());
    }
    let question = "Also deliver execution logs, untruncated (events up to 1 MB), to a log group, S3 bucket or Firehose stream of yours? (billed as vended logs)";
    if !p.confirm(question, false)? {
        return Ok(());
    }
    loop {
        let text = p.input("Destination ARN (add ,format=plain|w3c|parquet|raw for other than json)")?;
        let mut wanted = logging.execution_log_destinations.clone();
        let checked = crate::delivery::parse_destination_spec(&text).and_then(|spec| {
            wanted.push(spec);
            crate::delivery::check_set(&wanted)
        });
        match checked {
            Ok(()) => logging.execution_log_destinations = wanted,
            Err(why) => {
                p.say(&why);
                continue;
            }
        }
        if !p.confirm("Add another destination?", false)? {
            return Ok(());
        }
    }
}

async fn ask_access(
    p: &mut impl Prompter,
    source: &impl Source,
    api: &Api,
    logging: &mut Logging,
) -> anyhow::Result<()> {
    let destination_given = logging.access_log_group.is_some() || logging.access_log_destination.is_some();
    if logging.no_access_log {
        return Ok(());
    }
    if !destination_given && logging.access_log_format.is_none() && logging.retention_days.is_none() {
        p.say("Access logs record one line per request (who called what, status, latency), in a format you choose.");
        if !p.confirm("Turn on access logging?", true)? {
            logging.no_access_log = true;
            return Ok(());
        }
    }
    let mut firehose = logging.access_log_destination.as_deref().is_some_and(|d| d.contains(":firehose:"));
    if !destination_given {
        let default_group = default_log_group(api, "STAGE");
        let mut items = vec![
            format!(
                "A new log group per stage, named {default_group} (stages already logging keep their destination)"
            ),
            "An existing log group".to_string(),
        ];
        // HTTP APIs deliver to CloudWatch Logs only.
        if api.kind != ApiKind::Http {
            items
                .push("A Kinesis Data Firehose stream (name must start with amazon-apigateway-)".to_string());
        }
        loop {
            match p.select("Access log destination", &items, 0)? {
                0 => break,
                1 => {
                    let groups = source.log_groups().await?;
                    if groups.is_empty() {
                        p.say("This region has no log groups yet.");
                        continue;
                    }
                    logging.access_log_group =
                        Some(groups[p.fuzzy_select("Log group (type to filter)", &groups)?].clone());
                    break;
                }
                _ => {
                    let text = p.input("Firehose stream ARN")?;
                    match arn::parse_destination(text.trim()) {
                        Ok((arn::Destination::Firehose { arn }, _)) => {
                            logging.access_log_destination = Some(arn);
                            firehose = true;
                            break;
                        }
                        Ok(_) => p.say("That is not a Firehose stream ARN (…:firehose:REGION:ACCOUNT:deliverystream/NAME)."),
                        Err(why) => p.say(&why),
                    }
                }
            }
        }
    }
    if !firehose && logging.retention_days.is_none() {
        let items: Vec<String> = RETENTION_DAYS.iter().map(|d| format!("{d} days")).collect();
        let default = RETENTION_DAYS.iter().position(|d| *d == DEFAULT_RETENTION_DAYS).unwrap_or(0);
        logging.retention_days = Some(RETENTION_DAYS[p.select("Keep access logs for", &items, default)?]);
    }
    if logging.access_log_format.is_none() {
        logging.access_log_format = Some(ask_format(p, api.kind)?);
    }
    Ok(())
}

/// A preset (shown in full) or a custom format, linted on the spot: errors ask again, warnings
/// ask whether to keep it.
fn ask_format(p: &mut impl Prompter, kind: ApiKind) -> anyhow::Result<String> {
    let presets = kind.presets();
    let mut items: Vec<String> = presets.iter().map(|pr| format!("{}: {}", pr.title, pr.format)).collect();
    items.push("A custom format".to_string());
    let default = presets.iter().position(|pr| pr.name == "json").unwrap_or(0);
    let choice = p.select("Access log format", &items, default)?;
    if let Some(preset) = presets.get(choice) {
        return Ok(preset.name.to_string());
    }
    loop {
        let text = p.input("Format (one line, with $context.requestId)")?;
        let lint = format::lint(&text, kind);
        if lint.has_errors() {
            for finding in lint.errors() {
                p.say(&format!("error: {}", finding.message));
            }
            continue;
        }
        let warnings: Vec<&str> = lint.warnings().map(|f| f.message.as_str()).collect();
        if warnings.is_empty() {
            return Ok(text);
        }
        for warning in &warnings {
            p.say(&format!("warning: {warning}"));
        }
        if p.confirm("Use this format anyway?", false)? {
            return Ok(text);
        }
    }
}

/// The non-interactive command line that makes the same changes; run afterwards, it is a no-op.
/// Its `enable` flags come from [`Logging::to_flags`], so parsing it gives back the arguments
/// the wizard applied.
pub fn equivalent_command(request: &SetupRequest, wait: &WaitArg) -> String {
    let region = &request.region;
    let mut commands = Vec::new();
    if let RoleChoice::Switch { role_arn, create_default } = &request.role {
        if *create_default {
            let create = CommandLine::apigw_logs(&["role", "create"]).arg("--region", region);
            commands.push(create.arg("--role-name", DEFAULT_ROLE_NAME));
        }
        let set_role = CommandLine::apigw_logs(&["account", "set-role"]).arg("--region", region);
        commands.push(set_role.arg("--role-arn", role_arn).flag("--yes"));
    }
    let mut enable =
        CommandLine::apigw_logs(&["enable"]).arg("--region", region).arg("--api", &request.api_ref);
    if request.api.kind != ApiKind::Rest {
        enable = enable.arg("--api-type", request.api.kind.flag());
    }
    for stage in &request.stages {
        enable = enable.arg("--stage", stage);
    }
    enable = enable.logging(&request.logging);
    if wait.seconds != DEFAULT_WAIT_SECONDS {
        enable = enable.arg("--wait", wait.seconds.to_string());
    }
    if request.logging.data_trace == Some(Switch::On) {
        enable = enable.flag("--yes");
    }
    commands.push(enable);
    commands.iter().map(ToString::to_string).collect::<Vec<_>>().join(" && \\\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logging::{AccessLog, MethodLogging};
    use std::collections::VecDeque;

    /// Answers from a script, in order; records what was asked and said.
    #[derive(Default)]
    struct Script {
        answers: VecDeque<Answer>,
        asked: Vec<String>,
        said: Vec<String>,
    }

    #[derive(Debug)]
    enum Answer {
        Pick(usize),
        Picks(Vec<usize>),
        Yes,
        No,
        Text(&'static str),
        Esc,
    }

    impl Script {
        fn new(answers: Vec<Answer>) -> Script {
            Script { answers: answers.into(), ..Default::default() }
        }

        fn next(&mut self, prompt: &str) -> anyhow::Result<Answer> {
            self.asked.push(prompt.to_string());
            match self.answers.pop_front().unwrap_or_else(|| panic!("no answer scripted for '{prompt}'")) {
                Answer::Esc => Err(error::cancelled()),
                answer => Ok(answer),
            }
        }
    }

    impl Prompter for Script {
        fn select(&mut self, prompt: &str, items: &[String], _: usize) -> anyhow::Result<usize> {
            match self.next(prompt)? {
                Answer::Pick(i) if i < items.len() => Ok(i),
                other => panic!("'{prompt}' wants a pick of {items:?}, got {other:?}"),
            }
        }
        fn fuzzy_select(&mut self, prompt: &str, items: &[String]) -> anyhow::Result<usize> {
            self.select(prompt, items, 0)
        }
        fn multi_select(&mut self, prompt: &str, _: &[String], _: &[bool]) -> anyhow::Result<Vec<usize>> {
            match self.next(prompt)? {
                Answer::Picks(picks) => Ok(picks),
                other => panic!("'{prompt}' wants picks, got {other:?}"),
            }
        }
        fn confirm(&mut self, prompt: &str, _: bool) -> anyhow::Result<bool> {
            match self.next(prompt)? {
                Answer::Yes => Ok(true),
                Answer::No => Ok(false),
                other => panic!("'{prompt}' wants yes/no, got {other:?}"),
            }
        }
        fn input(&mut self, prompt: &str) -> anyhow::Result<String> {
            match self.next(prompt)? {
                Answer::Text(text) => Ok(text.to_string()),
                other => panic!("'{prompt}' wants text, got {other:?}"),
            }
        }
        fn say(&mut self, text: &str) {
            self.said.push(text.to_string());
        }
    }

    const ACCOUNT: &str = "123456789012";

    struct Fake {
        role: Option<RoleHealth>,
        roles: Vec<String>,
        apis: Vec<Api>,
        stages: Vec<StageLogging>,
        groups: Vec<String>,
    }

    impl Source for Fake {
        async fn account_role(&self) -> anyhow::Result<Option<RoleHealth>> {
            Ok(self.role.clone())
        }
        async fn logging_roles(&self) -> anyhow::Result<Vec<String>> {
            Ok(self.roles.clone())
        }
        async fn apis(&self) -> anyhow::Result<Vec<Api>> {
            Ok(self.apis.clone())
        }
        async fn stages(&self, _: &Api) -> anyhow::Result<Vec<StageLogging>> {
            Ok(self.stages.clone())
        }
        async fn log_groups(&self) -> anyhow::Result<Vec<String>> {
            Ok(self.groups.clone())
        }
        async fn execution_costs(&self, _: &Api, _: &[String]) -> Option<[String; 3]> {
            None
        }
    }

    #[test]
    fn execution_choices_show_their_cost_when_known() {
        let costs = ["≈ 0.00 USD/month".to_string(), "≈ 1.20 USD/month".into(), "≈ 310.00 USD/month".into()];
        let items = execution_items(Some(&costs));
        assert_eq!(
            items[2],
            "INFO  — every request's execution trace: most useful, highest CloudWatch cost (≈ 310.00 USD/month for these stages)"
        );
        assert!(items[1].ends_with("(≈ 1.20 USD/month for these stages)"));
        assert_eq!(execution_items(None)[0], "OFF   — no execution logs");
    }

    fn api(id: &str, name: &str) -> Api {
        Api { id: id.into(), name: name.into(), created: Some("2026-11-25".into()), ..Default::default() }
    }

    fn stage(name: &str) -> StageLogging {
        StageLogging { stage_name: name.into(), ..Default::default() }
    }

    fn healthy(name: &str) -> RoleHealth {
        RoleHealth {
            arn: format!("arn:aws:iam::{ACCOUNT}:role/{name}"),
            exists: true,
            trusts_api_gateway: true,
            has_policy: true,
            problems: vec![],
        }
    }

    /// Flags that answer the execution-logging questions (ERROR, no metrics, no data trace).
    fn execution_answered() -> Logging {
        Logging {
            level: Some(Level::Error),
            metrics: Some(Switch::Off),
            data_trace: Some(Switch::Off),
            ..Default::default()
        }
    }

    fn fresh_account() -> Fake {
        Fake {
            role: None,
            roles: vec![],
            apis: vec![api("a1", "orders"), api("b2", "billing")],
            stages: vec![stage("prod"), stage("dev")],
            groups: vec!["/shared/access".into()],
        }
    }

    fn run(
        script: &mut Script,
        source: &Fake,
        pre_api: Option<&str>,
        pre: &Logging,
    ) -> anyhow::Result<SetupRequest> {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        rt.block_on(ask(script, source, "eu-west-1", ACCOUNT, (pre_api, None), &[], pre))
    }

    use Answer::*;

    #[test]
    fn an_http_api_gets_metrics_and_access_logging_questions_only() {
        let mut source = fresh_account();
        source.apis.push(Api { kind: ApiKind::Http, ..api("h1", "web") });
        source.stages = vec![StageLogging { kind: ApiKind::Http, ..stage("prod") }];
        let mut script = Script::new(vec![
            Pick(2),        // API web (HTTP); no role question follows
            Picks(vec![0]), // stage prod
            Yes,            // metrics
            Yes,            // access logging on
            Pick(0),        // default group (a Firehose choice is not offered)
            Pick(5),        // 30 days
            Pick(1),        // the HTTP json preset
        ]);
        let request = run(&mut script, &source, None, &Logging::default()).unwrap();
        assert_eq!((request.api.kind, &request.role), (ApiKind::Http, &RoleChoice::Keep));
        assert!(!script.asked.iter().any(|q| q.contains("role")), "{:?}", script.asked);
        let l = &request.logging;
        assert_eq!(
            (l.level, l.data_trace, l.metrics),
            (None, None, Some(Switch::On)),
            "no execution questions"
        );
        assert!(
            script.asked.iter().all(|q| !q.contains("Execution") && !q.contains("Data trace")),
            "{:?}",
            script.asked
        );
        assert_eq!(l.access_log_format.as_deref(), Some("json"));
        assert_eq!(
            equivalent_command(&request, &default_wait()),
            "apigw-logs enable --region eu-west-1 --api web --api-type http --stage prod --metrics on --access-log-format json --retention-days 30"
        );
    }

    #[test]
    fn a_fresh_account_end_to_end() {
        let mut script = Script::new(vec![
            Pick(0),        // API orders
            Picks(vec![0]), // stage prod
            Pick(0),        // create the default role (no current role to keep)
            Pick(1),        // ERROR
            Yes,            // metrics
            No,             // data trace
            No,             // no execution log delivery
            Yes,            // access logging on
            Pick(0),        // default group
            Pick(7),        // 90 days
            Pick(0),        // clf preset
        ]);
        let request = run(&mut script, &fresh_account(), None, &Logging::default()).unwrap();
        assert_eq!(request.role, RoleChoice::EnableDefault);
        assert_eq!((request.api.id.as_str(), request.stages.as_slice()), ("a1", &["prod".to_string()][..]));
        let l = &request.logging;
        assert_eq!(
            (l.level, l.metrics, l.data_trace),
            (Some(Level::Error), Some(Switch::On), Some(Switch::Off))
        );
        assert_eq!((l.retention_days, l.access_log_format.as_deref()), (Some(90), Some("clf")));
        assert_eq!(
            equivalent_command(&request, &default_wait()),
            "apigw-logs enable --region eu-west-1 --api orders --stage prod --level error --metrics on --data-trace off --access-log-format clf --retention-days 90"
        );
        assert!(script.answers.is_empty());
    }

    #[test]
    fn flags_pre_answer_their_questions() {
        let pre = Logging {
            level: Some(Level::Info),
            metrics: Some(Switch::Off),
            data_trace: Some(Switch::Off),
            access_log_group: Some("/custom".into()),
            access_log_format: Some("json".into()),
            retention_days: Some(30),
            no_execution_log_delivery: true,
            ..Default::default()
        };
        let mut source = fresh_account();
        source.role = Some(healthy("team"));
        let mut script = Script::new(vec![Picks(vec![0, 1]), Pick(0) /* keep the role */]);
        let request = run(&mut script, &source, Some("billing"), &pre).unwrap();
        assert_eq!(request.role, RoleChoice::Keep);
        assert_eq!(request.api.id, "b2");
        assert_eq!(request.stages, ["prod", "dev"]);
        assert_eq!(request.logging, pre);
        assert_eq!(script.asked, ["Stages (space to pick, enter to go on)", "Account logging role"]);
        assert!(
            equivalent_command(&request, &default_wait()).contains("--stage prod --stage dev --level info")
        );
    }

    #[test]
    fn replacing_a_healthy_role_warns_and_can_be_declined() {
        let mut source = fresh_account();
        source.role = Some(healthy("team"));
        source.roles = vec![healthy("other").arn];
        let pre = Logging { no_access_log: true, ..execution_answered() };
        let mut script = Script::new(vec![
            Pick(0),
            Picks(vec![1]),
            Pick(2), // another existing role
            Pick(0), // "other"
            No,      // do not replace after all
            Pick(1), // create or repair the default role
            Yes,     // replace
            No,      // no execution log delivery
        ]);
        let request = run(&mut script, &source, None, &pre).unwrap();
        let default_arn = format!("arn:aws:iam::{ACCOUNT}:role/{DEFAULT_ROLE_NAME}");
        assert_eq!(request.role, RoleChoice::Switch { role_arn: default_arn.clone(), create_default: true });
        assert_eq!(script.said.iter().filter(|s| s.starts_with("warning:")).count(), 2);
        assert_eq!(
            equivalent_command(&request, &default_wait()),
            format!(
                "apigw-logs role create --region eu-west-1 --role-name {DEFAULT_ROLE_NAME} && \\\n  apigw-logs account set-role --region eu-west-1 --role-arn {default_arn} --yes && \\\n  apigw-logs enable --region eu-west-1 --api orders --stage dev --level error --metrics off --data-trace off --no-access-log"
            )
        );
    }

    #[test]
    fn role_arns_are_checked_and_lists_may_be_empty() {
        let mut script = Script::new(vec![
            Pick(0),
            Picks(vec![0]),
            Pick(1),                     // another existing role: there is none
            Pick(2),                     // enter an ARN
            Text("arn:aws:s3:::bucket"), // not a role
            Pick(2),
            Text("arn:aws:iam::999999999999:role/x"), // other account
            Pick(2),
            Text("arn:aws:iam::123456789012:role/mine"),
            Esc, // cancel at the execution question
        ]);
        let err = run(&mut script, &fresh_account(), None, &Logging::default()).unwrap_err();
        assert_eq!(error::exit_code(&err), error::Exit::Cancelled);
        assert!(script.said.iter().any(|s| s.contains("No other healthy role")));
        assert!(script.said.iter().any(|s| s.contains("account 999999999999")));
        assert!(script.said.iter().any(|s| s.contains("not") && s.contains("bucket")), "{:?}", script.said);
    }

    #[test]
    fn custom_formats_are_linted_on_the_spot() {
        let pre = Logging { retention_days: Some(30), ..execution_answered() };
        let mut script = Script::new(vec![
            Pick(0),
            Picks(vec![]), // nothing picked: asked again
            Picks(vec![0]),
            Pick(0),
            No,                                                                  // no execution log delivery
            Pick(2),                                                             // Firehose
            Text("arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs"), // no prefix
            Pick(1),                                                             // existing group instead
            Pick(0),
            Pick(4),                                     // custom format
            Text("$context.status"),                     // error: no requestId → asked again
            Text("$context.requestId $context.statuss"), // warning: unknown variable
            No,                                          // not this one
            Text("$context.requestId $context.status"),
        ]);
        let request = run(&mut script, &fresh_account(), None, &pre).unwrap();
        assert_eq!(request.logging.access_log_group.as_deref(), Some("/shared/access"));
        assert_eq!(request.logging.access_log_format.as_deref(), Some("$context.requestId $context.status"));
        assert!(script.said.iter().any(|s| s.contains("amazon-apigateway-")), "{:?}", script.said);
        assert!(script.said.iter().any(|s| s.starts_with("error:") && s.contains("requestId")));
        assert!(script.said.iter().any(|s| s.starts_with("warning:") && s.contains("statuss")));
        assert!(script.said.iter().any(|s| s.contains("at least one stage")));
        assert!(
            equivalent_command(&request, &default_wait())
                .contains("--access-log-format '$context.requestId $context.status'")
        );
    }

    #[test]
    fn data_trace_warns_and_the_command_carries_yes() {
        let mut script = Script::new(vec![Pick(0), Picks(vec![0]), Pick(0), Pick(2), No, Yes, No, No]);
        let request = run(&mut script, &fresh_account(), None, &Logging::default()).unwrap();
        assert_eq!(request.logging.data_trace, Some(Switch::On));
        assert!(request.logging.no_access_log);
        assert!(script.said.iter().any(|s| s.contains("personal data")));
        assert!(
            equivalent_command(&request, &default_wait()).ends_with("--data-trace on --no-access-log --yes")
        );
    }

    #[test]
    fn execution_log_destinations_are_checked_on_the_spot() {
        let pre = Logging { no_access_log: true, ..execution_answered() };
        let mut script = Script::new(vec![
            Pick(0),
            Picks(vec![0]),
            Pick(0),
            Yes,                                           // deliver
            Text("arn:aws:s3:::exec-logs,format=raw"),     // raw is for Firehose
            Text("arn:aws:s3:::exec-logs,format=parquet"), // fine
            Yes,                                           // another
            Text("arn:aws:s3:::other-logs"),               // a second bucket
            Text("arn:aws:logs:eu-west-1:123456789012:log-group:/exec"),
            No,
        ]);
        let request = run(&mut script, &fresh_account(), None, &pre).unwrap();
        let chosen: Vec<String> =
            request.logging.execution_log_destinations.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            chosen,
            [
                "arn:aws:s3:::exec-logs,format=parquet",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/exec,format=json"
            ]
        );
        assert!(
            script.said.iter().any(|s| s.contains("use one of json, plain, w3c, parquet")),
            "{:?}",
            script.said
        );
        assert!(script.said.iter().any(|s| s.contains("two S3 bucket destinations")), "{:?}", script.said);
        assert!(equivalent_command(&request, &default_wait()).contains(
            "--execution-log-destination arn:aws:s3:::exec-logs,format=parquet --execution-log-destination arn:aws:logs:eu-west-1:123456789012:log-group:/exec,format=json"
        ));
    }

    #[test]
    fn region_is_confirmed_or_picked() {
        let mut keep = Script::new(vec![Yes]);
        assert_eq!(ask_region(&mut keep, Some("eu-west-1")).unwrap(), "eu-west-1");
        let mut change = Script::new(vec![No, Pick(3)]);
        assert_eq!(ask_region(&mut change, Some("eu-west-1")).unwrap(), "us-west-2");
        let mut none = Script::new(vec![Pick(0)]);
        assert_eq!(ask_region(&mut none, None).unwrap(), "us-east-1");
    }

    #[test]
    fn stage_descriptions_show_current_logging_and_names_shared_by_two_apis_use_ids() {
        let mut prod = stage("prod");
        prod.methods
            .insert("*/*".into(), MethodLogging { level: Level::Info, data_trace: false, metrics: false });
        prod.access = Some(AccessLog {
            destination_arn: "arn:x".into(),
            format: ApiKind::Rest.preset("clf").unwrap().format.into(),
        });
        assert_eq!(describe_stage(&prod), "prod — execution INFO, access logging on, clf");
        assert_eq!(describe_stage(&stage("dev")), "dev — execution OFF, access logging off");

        let mut source = fresh_account();
        source.apis.push(api("c3", "orders"));
        let pre = Logging { no_access_log: true, ..execution_answered() };
        let mut script = Script::new(vec![Pick(2), Picks(vec![0]), Pick(0), No]);
        let request = run(&mut script, &source, None, &pre).unwrap();
        assert_eq!(request.api_ref, "c3");
    }
    fn default_wait() -> WaitArg {
        WaitArg { seconds: DEFAULT_WAIT_SECONDS }
    }

    /// Splits a POSIX shell line as `request::shell_quote` writes it: plain words and '…' (with '\\'' inside).
    fn shell_words(line: &str) -> Vec<String> {
        let (mut words, mut word, mut quoted, mut in_word) = (Vec::new(), String::new(), false, false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\'' => (quoted, in_word) = (!quoted, true),
                '\\' if !quoted => {
                    word.extend(chars.next());
                    in_word = true;
                }
                ' ' | '\n' if !quoted => {
                    if in_word {
                        words.push(std::mem::take(&mut word));
                    }
                    in_word = false;
                }
                c => {
                    word.push(c);
                    in_word = true;
                }
            }
        }
        if in_word {
            words.push(word);
        }
        words
    }

    /// Every flag `setup` accepts, alone and together: the printed `enable` command parses back
    /// into exactly the arguments the wizard applied.
    #[test]
    fn the_equivalent_command_parses_back_into_the_applied_arguments() {
        use crate::cli::{Cli, Command};
        use crate::settings::MethodSpec;
        use clap::Parser as _;
        let method = |text: &str| MethodSpec::parse(text).unwrap();
        let every = Logging {
            level: Some(Level::Info),
            data_trace: Some(Switch::On),
            metrics: Some(Switch::Off),
            methods: vec![method("GET /pets/{id}"), method("ANY /items")],
            clear_methods: vec![method("POST /orders")],
            routes: vec!["$default".into(), "GET /items".into()],
            clear_routes: vec!["$connect".into()],
            access_log_group: Some("/team/logs#x".into()),
            access_log_destination: None,
            access_log_format: Some("$context.requestId \"$context.status\"".into()),
            retention_days: Some(14),
            execution_log_retention_days: Some(30),
            no_access_log: false,
            kms_key_id: Some(
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab".into(),
            ),
            tags: vec![("team".into(), "a b".into()), ("cost".into(), "x=y".into())],
            execution_log_destinations: Vec::new(),
            no_execution_log_delivery: false,
        };
        let destinations = [
            "arn:aws:s3:::exec-logs/prod,format=parquet",
            "arn:aws:logs:eu-west-1:123456789012:log-group:/x/y",
        ]
        .map(|d| crate::delivery::parse_destination_spec(d).unwrap());
        let firehose = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-x";
        let cases = [
            Logging::default(),
            every.clone(),
            Logging { level: Some(Level::Off), ..Default::default() },
            Logging { data_trace: Some(Switch::Off), ..Default::default() },
            Logging { metrics: Some(Switch::On), ..Default::default() },
            Logging { methods: every.methods.clone(), level: Some(Level::Error), ..Default::default() },
            Logging { clear_methods: every.clear_methods.clone(), ..Default::default() },
            Logging { routes: every.routes.clone(), ..Default::default() },
            Logging { clear_routes: every.clear_routes.clone(), ..Default::default() },
            Logging { access_log_destination: Some(firehose.into()), ..Default::default() },
            Logging { no_access_log: true, execution_log_retention_days: Some(7), ..Default::default() },
            Logging { kms_key_id: every.kms_key_id.clone(), ..Default::default() },
            Logging { tags: every.tags.clone(), ..Default::default() },
            Logging { execution_log_destinations: destinations.to_vec(), ..Default::default() },
            Logging { no_execution_log_delivery: true, ..Default::default() },
        ];
        let waits = [DEFAULT_WAIT_SECONDS, 5];
        for (logging, wait) in cases.into_iter().zip(waits.into_iter().cycle()) {
            for (kind, api_ref) in [(ApiKind::Rest, "orders"), (ApiKind::Websocket, "chat room")] {
                let request = SetupRequest {
                    region: "eu-west-1".into(),
                    role: RoleChoice::Keep,
                    api: Api { kind, ..api("a1", api_ref) },
                    api_ref: api_ref.into(),
                    stages: vec!["prod".into(), "it's".into()],
                    logging: logging.clone(),
                };
                let printed = equivalent_command(&request, &WaitArg { seconds: wait });
                let words = shell_words(&printed);
                let cli = Cli::try_parse_from(&words).unwrap_or_else(|e| panic!("{printed}\n{e}"));
                let Command::Enable(args) = cli.command else { panic!("not enable: {printed}") };
                assert_eq!(args.logging.request(), logging, "{printed}");
                assert_eq!(cli.global.regions, ["eu-west-1"], "{printed}");
                assert_eq!(args.targets.apis.apis, [api_ref], "{printed}");
                assert_eq!(args.targets.apis.api_type.unwrap_or(ApiKind::Rest), kind, "{printed}");
                assert_eq!(args.targets.stages, request.stages, "{printed}");
                assert_eq!(args.wait.seconds, wait, "{printed}");
                assert_eq!(cli.global.yes, logging.data_trace == Some(Switch::On), "{printed}");
            }
        }
    }

    #[tokio::test]
    async fn the_debug_branch_asks_for_one_stage_a_length_and_data_trace() {
        let mut p = Script::new(vec![
            Answer::Pick(1),
            Answer::Pick(0),
            Answer::Pick(1),
            Answer::Pick(2),
            Answer::Yes,
        ]);
        assert_eq!(ask_goal(&mut p).unwrap(), Goal::Debug);
        let request = ask_debug(&mut p, &fresh_account(), "eu-west-1", (None, None)).await.unwrap();
        assert_eq!((request.api.id.as_str(), request.stage.as_str(), request.length), ("a1", "dev", "30m"));
        assert!(request.data_trace);
        assert_eq!(
            equivalent_debug_command(&request),
            "apigw-logs debug --region eu-west-1 --api orders --stage dev --for 30m --data-trace --yes"
        );
        // The printed command parses to the same session.
        let words: Vec<String> = equivalent_debug_command(&request).split(' ').map(String::from).collect();
        let cli = <crate::cli::Cli as clap::Parser>::try_parse_from(words).unwrap();
        let crate::cli::Command::Debug(args) = cli.command else { panic!("not debug") };
        assert_eq!(args.start.length, std::time::Duration::from_secs(1800));
        assert!(args.start.data_trace && args.start.stage.as_deref() == Some("dev"));
        assert_eq!(p.asked[0], "What do you want to do?");
    }
}
