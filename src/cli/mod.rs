//! Command-line types (clap derive). Parsing only: validation that needs AWS happens in commands.

#[cfg(test)]
mod docs_check;

use crate::choice::Choice;
use crate::settings::{
    Level, MethodSpec, Switch, parse_method_spec, parse_quota_scale, parse_retention_days, parse_route_key,
};
use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0    done, or nothing to change
  1    an AWS call failed
  2    bad usage or invalid input (nothing was changed)
  3    a precondition is not met (e.g. no role on the account, unhealthy role)
  4    apply --check: changes are pending
  5    status found errors (or warnings, with --strict)
  130  cancelled at a prompt, or interrupted (Ctrl-C)";

/// clap's parser for one of the core's closed sets of values: its names are the possible values
/// (listed in help, usage errors and completions), as clap's `ValueEnum` would list them.
fn choice<T: Choice + Clone + Send + Sync>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(T::ALL.iter().map(|value| value.name()))
        .map(|name: String| T::parse(&name).expect("clap admits only the listed names"))
}

/// `--version`: the package version and the commit it was built from (build.rs).
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("APIGW_LOGS_COMMIT"), ")");

#[derive(Parser, Debug)]
#[command(
    name = "apigw-logs",
    version = VERSION,
    about = "Turn on, inspect and tune logging for Amazon API Gateway stages",
    long_about = "Turn on, inspect and tune logging for Amazon API Gateway stages.\n\n\
        Every command that changes something prints its plan first (before → after, and the AWS \
        call per step); --dry-run stops there. Commands are idempotent: a second run changes nothing.",
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// AWS profile to use (default: the standard AWS configuration chain)
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// AWS region (default: AWS_REGION, then the profile's region); repeatable for status, apply,
    /// enable, disable and stage set
    #[arg(long = "region", global = true, value_name = "REGION", action = ArgAction::Append, value_parser = crate::arn::parse_region)]
    pub regions: Vec<String>,
    /// Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)
    #[arg(long, global = true, value_name = "URL", value_parser = crate::arn::parse_endpoint_url)]
    pub endpoint_url: Option<String>,
    /// Result format on stdout
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Text)]
    pub output: OutputFormat,
    /// Print the plan and stop: no write call is made
    #[arg(long, global = true)]
    pub dry_run: bool,
    /// Answer yes to confirmations (required for confirmed changes when not interactive)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// Never prompt; fail instead, naming the flag that answers the question
    #[arg(long, global = true)]
    pub no_input: bool,
    /// More diagnostics on stderr (-v, -vv, -vvv)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// When to use colour (NO_COLOR is respected)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
    /// Give up on the whole command after this many seconds [default: 600] (a plan being applied
    /// reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until
    /// its --for is up, or until a --timeout given here, then puts the stage back)
    #[arg(long = "timeout", global = true, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub timeout_given: Option<u64>,
    /// How many targets (stages) are read and changed at once
    #[arg(long, global = true, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Your account's control-plane quotas as a multiple of AWS's defaults (e.g. 2 after a quota
    /// increase, 0.5 to leave half to other tools); calls are paced to stay under them
    #[arg(long, global = true, value_name = "FACTOR", env = "APIGW_LOGS_QUOTA_SCALE", hide_env_values = true, value_parser = parse_quota_scale)]
    pub quota_scale: Option<f64>,
    /// Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)
    #[arg(long, global = true, value_name = "N", default_value_t = crate::cost::DEFAULT_TRAFFIC_DAYS, value_parser = clap::value_parser!(u32).range(1..=90))]
    pub traffic_days: u32,
    /// CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table
    /// (other regions, negotiated rates; keys in docs/guide/cost.md)
    #[arg(long, global = true, value_name = "FILE")]
    pub prices: Option<std::path::PathBuf>,
    /// A Terraform state (`terraform show -json > state.json`): plans and status say which
    /// stages it manages and what its next apply does to a change
    #[arg(long, global = true, value_name = "FILE")]
    pub terraform_state: Option<std::path::PathBuf>,
    /// Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub call_timeout: u64,
}

/// `--timeout` when none is given, in seconds.
pub const DEFAULT_TIMEOUT: u64 = 600;

impl GlobalArgs {
    /// `--timeout`, in seconds.
    pub fn timeout(&self) -> u64 {
        self.timeout_given.unwrap_or(DEFAULT_TIMEOUT)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The IAM role API Gateway assumes to write logs
    #[command(subcommand)]
    Role(RoleCommand),
    /// The region's API Gateway account setting (cloudwatchRoleArn), shared by every API in it
    #[command(subcommand)]
    Account(AccountCommand),
    /// Show or change a stage's logging settings (REST, HTTP or WebSocket API)
    #[command(subcommand)]
    Stage(StageCommand),
    /// Turn on logging for a stage: role, account setting, log group and stage, in one go
    Enable(EnableArgs),
    /// Turn off logging for a stage (never deletes roles; log groups only when asked)
    Disable(DisableArgs),
    /// Interactive setup wizard: role, API, stages, execution and access logging; prints the
    /// equivalent command
    Setup(SetupArgs),
    /// Print a stage's access or execution log events, optionally following new ones
    Tail(TailArgs),
    /// One request's access log line, execution log lines and integration (Lambda) logs, as one
    /// timeline
    Trace(TraceArgs),
    /// Figures of a window of a stage's access logs, or of an access log file: requests, status
    /// classes, latency percentiles, routes with most errors, the slowest routes, top callers
    Summary(SummaryArgs),
    /// Full logging on one stage for a while, followed live, then put back exactly as it was (an
    /// EventBridge Scheduler schedule puts it back if this process cannot)
    Debug(DebugArgs),
    /// Diagnose the logging chain of a region's APIs and stages; exit 5 when something is broken
    Status(StatusArgs),
    /// Bring every stage a TOML file names to its declared logging settings (one plan)
    Apply(ApplyArgs),
    /// What the stages' logging costs a month, from their CloudWatch traffic; with logging flags,
    /// what that change would cost (nothing is applied)
    Cost(Box<CostArgs>),
    /// Access-log format presets and linter
    #[command(subcommand)]
    Formats(FormatsCommand),
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

impl Command {
    /// Commands that run until Ctrl-C, or wait for a person, so `--timeout` does not bound them
    /// as a whole (applying a plan still honours it).
    pub fn runs_until_interrupted(&self) -> bool {
        matches!(self, Command::Tail(args) if args.follow)
            || matches!(self, Command::Setup(_))
            || matches!(self, Command::Debug(args) if args.command.is_none() && !args.start.detach)
    }
}

#[derive(Subcommand, Debug)]
pub enum RoleCommand {
    /// Create (or repair) the logging role: trusted by API Gateway, with the managed policy
    Create(RoleCreateArgs),
}

#[derive(Args, Debug, Clone)]
pub struct RoleCreateArgs {
    /// Name of the role
    #[arg(long, value_name = "NAME", default_value = crate::trust::DEFAULT_ROLE_NAME, value_parser = crate::arn::parse_role_name)]
    pub role_name: String,
    /// Give a new role an aws:SourceAccount condition in its trust policy. Not confirmed by AWS
    /// for this role: API Gateway may not set that key, and UpdateAccount then refuses the role
    #[arg(long)]
    pub hardened_trust: bool,
}

#[derive(Subcommand, Debug)]
pub enum AccountCommand {
    /// Show the account's logging role and its health
    Show,
    /// Point the account at a logging role (checks the role first)
    SetRole(SetRoleArgs),
    /// Unset the account's logging role
    Reset,
}

#[derive(Args, Debug, Clone)]
#[group(required = true, multiple = false, id = "role")]
pub struct RoleRef {
    /// ARN of the role
    #[arg(long, value_name = "ARN")]
    pub role_arn: Option<String>,
    /// Name of a role in this account
    #[arg(long, value_name = "NAME", value_parser = crate::arn::parse_role_name)]
    pub role_name: Option<String>,
}

#[derive(Args, Debug, Clone)]
pub struct SetRoleArgs {
    #[command(flatten)]
    pub role: RoleRef,
    #[command(flatten)]
    pub wait: WaitArg,
}

/// `--wait`'s default, in seconds.
pub const DEFAULT_WAIT_SECONDS: u64 = 120;

#[derive(Args, Debug, Clone)]
pub struct WaitArg {
    /// How long to keep retrying while IAM propagates a new role, in seconds
    #[arg(long = "wait", value_name = "SECONDS", default_value_t = DEFAULT_WAIT_SECONDS)]
    pub seconds: u64,
}

/// The AWS accounts a command runs in: the caller's own (the default), or others through a role
/// assumed in each.
#[derive(Args, Debug, Clone, Default, PartialEq, Eq)]
#[command(next_help_heading = "Accounts")]
pub struct AccountArgs {
    /// Run in this AWS account (repeatable): through --assume-role, or with your own credentials
    /// when it is your own account
    #[arg(long = "account", value_name = "ID", value_parser = crate::arn::parse_account_id, conflicts_with = "all_accounts")]
    pub accounts: Vec<String>,
    /// Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the
    /// management account or a delegated administrator); your own account only with
    /// --include-caller-account
    #[arg(long, requires = "assume_role")]
    pub all_accounts: bool,
    /// With --all-accounts: also run in your own account, with your own credentials
    #[arg(long, requires = "all_accounts")]
    pub include_caller_account: bool,
    /// The role to assume in each account, e.g. OrganizationAccountAccessRole
    #[arg(long, value_name = "NAME", value_parser = crate::arn::parse_role_name)]
    pub assume_role: Option<String>,
    /// The external id the role's trust policy asks for
    #[arg(long, value_name = "ID", requires = "assume_role", value_parser = parse_external_id)]
    pub external_id: Option<String>,
}

impl AccountArgs {
    /// Whether the command runs across accounts (otherwise in the caller's account, as always).
    pub fn given(&self) -> bool {
        !self.accounts.is_empty() || self.all_accounts
    }
}

/// STS's rule for external ids: 2 to 1,224 of letters, digits and `+=,.@:/-`.
fn parse_external_id(text: &str) -> Result<String, String> {
    let valid = (2..=1224).contains(&text.len())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || "+=,.@:/-_".contains(c));
    if valid {
        Ok(text.to_string())
    } else {
        Err("an external id is 2 to 1224 letters, digits or +=,.@:/-_".into())
    }
}

/// The stage a command acts on.
#[derive(Args, Debug, Clone)]
pub struct StageRef {
    /// API id or name: REST, HTTP or WebSocket
    #[arg(long, value_name = "API")]
    pub api: String,
    /// The API's type, when its name is used by APIs of several types
    #[arg(long = "api-type", value_parser = choice::<crate::api::ApiKind>(), value_name = "TYPE")]
    pub api_type: Option<crate::api::ApiKind>,
    /// Stage name
    #[arg(long, value_name = "STAGE")]
    pub stage: String,
}

#[derive(Subcommand, Debug)]
pub enum StageCommand {
    /// Show execution and access logging of one stage, or of every stage of the API
    Show(StageShowArgs),
    /// Change a stage's logging settings (one UpdateStage call, only what changes)
    Set(Box<StageSetArgs>),
}

#[derive(Args, Debug, Clone)]
pub struct StageShowArgs {
    #[command(flatten)]
    pub apis: ApisRef,
    /// Stage name (repeatable; default: every stage)
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    /// Print the code that gives the stages their current settings in this tool
    #[arg(long, value_parser = choice::<crate::emit::Tool>(), value_name = "TOOL")]
    pub emit: Option<crate::emit::Tool>,
    #[command(flatten)]
    pub accounts: AccountArgs,
}

#[derive(Args, Debug, Clone)]
pub struct StageSetArgs {
    #[command(flatten)]
    pub targets: Targets,
    #[command(flatten)]
    pub logging: LoggingArgs,
    #[command(flatten)]
    pub emit: EmitArgs,
    #[command(flatten)]
    pub accounts: AccountArgs,
}

impl LoggingArgs {
    /// The request these flags make, for the planner (which takes no clap types). Destructured
    /// whole: a flag added to the struct cannot be left out.
    pub fn request(&self) -> crate::request::Logging {
        // One list for both sides: the pattern fails to compile if it leaves out a flag, the
        // struct literal if it leaves out a setting.
        macro_rules! moved {
            ($($field:ident),*) => {{
                let LoggingArgs { $($field),* } = self.clone();
                crate::request::Logging { $($field),* }
            }};
        }
        moved! {
            level, data_trace, metrics, methods, clear_methods, routes, clear_routes,
            access_log_group, access_log_destination, access_log_format, retention_days,
            execution_log_retention_days, no_access_log, kms_key_id, tags,
            execution_log_destinations, no_execution_log_delivery
        }
    }
}

/// Settings shared by `stage set` and `enable` (and filled in by the wizard).
#[derive(Args, Debug, Clone, Default, PartialEq, Eq)]
pub struct LoggingArgs {
    /// Execution logging level
    #[arg(long, value_parser = choice::<Level>(), value_name = "LEVEL")]
    pub level: Option<Level>,
    /// Log full request and response bodies (may write secrets and personal data to the logs)
    #[arg(long, value_parser = choice::<Switch>(), value_name = "on|off")]
    pub data_trace: Option<Switch>,
    /// Detailed CloudWatch metrics
    #[arg(long, value_parser = choice::<Switch>(), value_name = "on|off")]
    pub metrics: Option<Switch>,
    /// Apply --level/--data-trace/--metrics to this method only, e.g. 'GET /pets/{id}' (repeatable)
    #[arg(long = "method", value_name = "METHOD PATH", value_parser = parse_method_spec)]
    pub methods: Vec<MethodSpec>,
    /// Remove this method's override, e.g. 'GET /pets/{id}' (repeatable)
    #[arg(long = "clear-method", value_name = "METHOD PATH", value_parser = parse_method_spec)]
    pub clear_methods: Vec<MethodSpec>,
    /// HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g.
    /// '$connect' (repeatable)
    #[arg(long = "route", value_name = "ROUTE_KEY", value_parser = parse_route_key)]
    pub routes: Vec<String>,
    /// HTTP/WebSocket APIs: remove this route's override (repeatable)
    #[arg(long = "clear-route", value_name = "ROUTE_KEY", value_parser = parse_route_key)]
    pub clear_routes: Vec<String>,
    /// Send access logs to this CloudWatch Logs group (created when missing)
    #[arg(long, value_name = "NAME", value_parser = crate::arn::parse_log_group_name, conflicts_with_all = ["access_log_destination", "no_access_log"])]
    pub access_log_group: Option<String>,
    /// Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)
    #[arg(long, value_name = "ARN", conflicts_with = "no_access_log")]
    pub access_log_destination: Option<String>,
    /// Access log format: a preset (clf, json, xml, csv), a format string, or @FILE
    #[arg(long, value_name = "PRESET|FORMAT|@FILE", conflicts_with = "no_access_log")]
    pub access_log_format: Option<String>,
    /// Retention of the access log group, in days (CloudWatch Logs values only)
    #[arg(long, value_name = "DAYS", value_parser = parse_retention_days, conflicts_with = "no_access_log")]
    pub retention_days: Option<i32>,
    /// Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in
    /// days; the group is created now when missing (`enable`: 30 when the group would never expire)
    #[arg(long, value_name = "DAYS", value_parser = parse_retention_days)]
    pub execution_log_retention_days: Option<i32>,
    /// Turn access logging off
    #[arg(long)]
    pub no_access_log: bool,
    /// Encrypt the log groups the tool creates with this KMS key (key ARN, same region)
    #[arg(long, value_name = "KEY_ARN", value_parser = crate::arn::parse_kms_key_arn)]
    pub kms_key_id: Option<String>,
    /// Tag the log groups the tool creates (repeatable)
    #[arg(long = "tag", value_name = "KEY=VALUE", value_parser = crate::settings::parse_tag)]
    pub tags: Vec<(String, String)>,
    /// REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch
    /// Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or
    /// plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the
    /// list is the stage's whole set, deliveries elsewhere are removed. A stage at level OFF is
    /// set to ERROR
    #[arg(long = "execution-log-destination", value_name = "ARN[,format=FORMAT]", value_parser = crate::delivery::parse_destination_spec, conflicts_with_all = ["no_execution_log_delivery", "methods", "routes"])]
    pub execution_log_destinations: Vec<crate::delivery::DestinationSpec>,
    /// REST APIs: stop delivering execution logs to your own destinations (removes the stage's
    /// deliveries and its delivery source; the destinations themselves are kept)
    #[arg(long, conflicts_with_all = ["methods", "routes"])]
    pub no_execution_log_delivery: bool,
}

/// APIs (REST, HTTP, WebSocket) by id or name, or all of them.
#[derive(Args, Debug, Clone, Default)]
pub struct ApisRef {
    /// API id or name: REST, HTTP or WebSocket (repeatable)
    #[arg(long = "api", value_name = "API", required_unless_present = "all_apis")]
    pub apis: Vec<String>,
    /// Every API in the region (of --api-type, when given)
    #[arg(long, conflicts_with = "apis")]
    pub all_apis: bool,
    /// Only APIs of this type (needed when a name is used by APIs of several types)
    #[arg(long = "api-type", value_parser = choice::<crate::api::ApiKind>(), value_name = "TYPE")]
    pub api_type: Option<crate::api::ApiKind>,
}

/// The stages a fleet command acts on, in every region given.
#[derive(Args, Debug, Clone)]
pub struct Targets {
    #[command(flatten)]
    pub apis: ApisRef,
    /// Stage name (repeatable; with several APIs, those without it are skipped)
    #[arg(long = "stage", value_name = "STAGE", required_unless_present = "all_stages")]
    pub stages: Vec<String>,
    /// Every stage of each API
    #[arg(long, conflicts_with = "stages")]
    pub all_stages: bool,
    /// Every region where the account answers API Gateway calls (instead of --region)
    #[arg(long)]
    pub all_regions: bool,
}

#[derive(Args, Debug, Clone)]
pub struct CostArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// The change to price, as `stage set` takes it (none: today's cost)
    #[command(flatten)]
    pub logging: LoggingArgs,
}

#[derive(Args, Debug, Clone)]
pub struct EnableArgs {
    #[command(flatten)]
    pub targets: Targets,
    #[command(flatten)]
    pub logging: LoggingArgs,
    #[command(flatten)]
    pub emit: EmitArgs,
    /// Role to create or repair when the account has no healthy role
    #[arg(long, value_name = "NAME", default_value = crate::trust::DEFAULT_ROLE_NAME, value_parser = crate::arn::parse_role_name)]
    pub role_name: String,
    /// Give a new role an aws:SourceAccount condition in its trust policy. Not confirmed by AWS
    /// for this role: API Gateway may not set that key, and UpdateAccount then refuses the role
    #[arg(long)]
    pub hardened_trust: bool,
    #[command(flatten)]
    pub wait: WaitArg,
    #[command(flatten)]
    pub accounts: AccountArgs,
}

#[derive(Args, Debug, Clone)]
pub struct DisableArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// Only turn execution logging off (and, on REST stages, end execution log delivery)
    #[arg(long, conflicts_with = "access_only")]
    pub execution_only: bool,
    /// Only turn access logging off
    #[arg(long)]
    pub access_only: bool,
    /// Also delete the log groups of the logging turned off: access, execution (asks for confirmation)
    #[arg(long)]
    pub delete_log_group: bool,
    #[command(flatten)]
    pub accounts: AccountArgs,
}

#[derive(Args, Debug, Clone)]
pub struct SetupArgs {
    /// API id or name: REST, HTTP or WebSocket (answers the API question)
    #[arg(long, value_name = "API")]
    pub api: Option<String>,
    /// The API's type, when its name is used by APIs of several types
    #[arg(long = "api-type", value_parser = choice::<crate::api::ApiKind>(), value_name = "TYPE")]
    pub api_type: Option<crate::api::ApiKind>,
    /// Stage name (repeatable; answers the stage question)
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    #[command(flatten)]
    pub logging: LoggingArgs,
    #[command(flatten)]
    pub emit: EmitArgs,
    #[command(flatten)]
    pub wait: WaitArg,
}

#[derive(Args, Debug, Clone)]
pub struct TailArgs {
    #[command(flatten)]
    pub target: StageRef,
    /// Read the access logs, from the stage's destination (the default)
    #[arg(long, conflicts_with = "execution")]
    pub access: bool,
    /// Read the execution logs (API-Gateway-Execution-Logs_{apiId}/{stage})
    #[arg(long)]
    pub execution: bool,
    /// Start this long ago (30s, 10m, 1h, 2d) or at this time (RFC 3339)
    #[arg(long, value_name = "DURATION|TIME", default_value = "10m", value_parser = crate::tail::parse_since)]
    pub since: crate::tail::Since,
    /// Keep printing new events until Ctrl-C
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// CloudWatch Logs filter pattern, e.g. 'ERROR' or '{ $.status = "500" }'
    #[arg(long, value_name = "PATTERN", conflicts_with = "wheres")]
    pub filter: Option<String>,
    /// Only JSON access-log lines whose FIELD equals VALUE (`*` wildcard; repeatable, all must match)
    #[arg(long = "where", value_name = "FIELD=VALUE", value_parser = crate::tail::parse_where)]
    pub wheres: Vec<(String, String)>,
    /// Print times in UTC instead of local time
    #[arg(long)]
    pub utc: bool,
}

#[derive(Args, Debug)]
pub struct TraceArgs {
    /// The request's id: $context.requestId (the x-amzn-RequestId response header) or
    /// $context.extendedRequestId (x-amz-apigw-id)
    #[arg(value_name = "REQUEST_ID", value_parser = crate::trace::parse_request_id)]
    pub request_id: String,
    #[command(flatten)]
    pub target: StageRef,
    /// How far back the request may be: a duration (30m, 24h, 7d) or a time (RFC 3339)
    #[arg(long, value_name = "DURATION|TIME", default_value = "24h", value_parser = crate::tail::parse_since)]
    pub since: crate::tail::Since,
    /// Print times in UTC instead of local time
    #[arg(long)]
    pub utc: bool,
}

#[derive(Args, Debug)]
pub struct SummaryArgs {
    /// API id or name (REST, HTTP or WebSocket): its stage's access logs are read, or with --file
    /// its format
    #[arg(long, value_name = "API", requires = "stage")]
    pub api: Option<String>,
    /// The API's type, when its name is used by APIs of several types (with --format alone: whose
    /// presets the name means)
    #[arg(long = "api-type", value_parser = choice::<crate::api::ApiKind>(), value_name = "TYPE")]
    pub api_type: Option<crate::api::ApiKind>,
    /// Stage name
    #[arg(long, value_name = "STAGE", requires = "api")]
    pub stage: Option<String>,
    /// The window: from this long ago (30m, 1h, 2d) or this time (RFC 3339) until now
    #[arg(long, value_name = "DURATION|TIME", default_value = "1h", value_parser = crate::tail::parse_since)]
    pub since: crate::tail::Since,
    /// Read access log lines from this file ('-': standard input) instead of CloudWatch Logs: a
    /// Firehose delivery, an S3 export
    #[arg(long, value_name = "FILE|-", conflicts_with = "since")]
    pub file: Option<std::path::PathBuf>,
    /// The format the lines were written in: a preset (clf, json, xml, csv), the format, or @FILE
    /// (default: the stage's)
    #[arg(long, value_name = "PRESET|FORMAT|@FILE")]
    pub format: Option<String>,
    /// Print the CloudWatch Logs Insights queries that compute these figures server-side (for
    /// windows too large to download) instead of reading logs
    #[arg(long, conflicts_with = "file")]
    pub insights_query: bool,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct DebugArgs {
    #[command(subcommand)]
    pub command: Option<DebugCommand>,
    #[command(flatten)]
    pub start: DebugStartArgs,
}

#[derive(Subcommand, Debug)]
pub enum DebugCommand {
    /// The debug sessions still open in the region (from their schedules)
    List,
    /// Put a stage's debug session back now and delete its schedule
    End(DebugEndArgs),
}

#[derive(Args, Debug, Clone)]
pub struct DebugEndArgs {
    #[command(flatten)]
    pub target: StageRef,
}

#[derive(Args, Debug, Clone)]
pub struct DebugStartArgs {
    /// API id or name: REST, HTTP or WebSocket
    #[arg(long, value_name = "API", required = true)]
    pub api: Option<String>,
    /// The API's type, when its name is used by APIs of several types
    #[arg(long = "api-type", value_parser = choice::<crate::api::ApiKind>(), value_name = "TYPE")]
    pub api_type: Option<crate::api::ApiKind>,
    /// Stage name
    #[arg(long, value_name = "STAGE", required = true)]
    pub stage: Option<String>,
    /// How long the session lasts: 1m to 12h (90s, 15m, 2h, 1h30m)
    #[arg(long = "for", value_name = "LENGTH", default_value = crate::session::DEFAULT_LENGTH, value_parser = crate::session::parse_length)]
    pub length: std::time::Duration,
    /// REST API: only this method ('GET /pets/{id}'; repeatable), instead of the whole stage
    #[arg(long = "method", value_name = "METHOD PATH", value_parser = parse_method_spec)]
    pub methods: Vec<MethodSpec>,
    /// WebSocket API: only this route ('$connect'; repeatable), instead of the whole stage
    #[arg(long = "route", value_name = "ROUTE_KEY", value_parser = parse_route_key)]
    pub routes: Vec<String>,
    /// Log full request and response bodies too (may write secrets and personal data to the logs;
    /// asks first, or --yes)
    #[arg(long)]
    pub data_trace: bool,
    /// Make the change and exit; the schedule puts the stage back when the time is up
    #[arg(long)]
    pub detach: bool,
    /// Print times in UTC instead of local time
    #[arg(long)]
    pub utc: bool,
}

impl DebugStartArgs {
    /// The stage, once clap has required it (no subcommand).
    pub fn target(&self) -> StageRef {
        StageRef {
            api: self.api.clone().unwrap_or_default(),
            api_type: self.api_type,
            stage: self.stage.clone().unwrap_or_default(),
        }
    }
}

/// `--emit`: print infrastructure code instead of (or, with `--apply`, as well as) applying.
#[derive(Args, Debug, Clone, Default)]
pub struct EmitArgs {
    /// Print the code that gives the stages the planned settings in this tool (log groups with
    /// their retention, the account role, method and access log settings); nothing is applied
    /// unless --apply is given too
    #[arg(long, value_parser = choice::<crate::emit::Tool>(), value_name = "TOOL")]
    pub emit: Option<crate::emit::Tool>,
    /// With --emit: apply the plan as well
    #[arg(long, requires = "emit")]
    pub apply: bool,
}

#[derive(Args, Debug, Clone)]
pub struct StatusArgs {
    /// API id or name to check (repeatable; default: every API in the region)
    #[arg(long = "api", value_name = "API", conflicts_with = "all_apis")]
    pub apis: Vec<String>,
    /// Check every API in the region (the default when no --api is given)
    #[arg(long)]
    pub all_apis: bool,
    /// Only APIs of this type
    #[arg(long = "api-type", value_parser = choice::<crate::api::ApiKind>(), value_name = "TYPE")]
    pub api_type: Option<crate::api::ApiKind>,
    /// Only check stages with this name (repeatable)
    #[arg(long = "stage", value_name = "STAGE")]
    pub stages: Vec<String>,
    /// Check every stage of each API (the default when no --stage is given)
    #[arg(long, conflicts_with = "stages")]
    pub all_stages: bool,
    /// Exit 5 on warnings too
    #[arg(long)]
    pub strict: bool,
    /// Repair every finding that has a safe automatic fix, in one plan (confirm, or --yes)
    #[arg(long)]
    pub fix: bool,
    /// Also count passes and failures per AWS Security Hub control (APIGateway.1, APIGateway.9,
    /// CloudWatch.16) and flag log groups kept for less than --min-retention-days
    #[arg(long)]
    pub controls: bool,
    /// The least retention CloudWatch.16 should accept, in days (the control's default: 365); a
    /// log group kept for less is flagged, and --fix raises it
    #[arg(long, value_name = "DAYS", value_parser = parse_retention_days)]
    pub min_retention_days: Option<i32>,
    #[command(flatten)]
    pub wait: WaitArg,
    #[command(flatten)]
    pub accounts: AccountArgs,
}

impl StatusArgs {
    /// The minimum retention to check log groups against: asked for, or CloudWatch.16's default
    /// with `--controls`; `None` when neither is given.
    pub fn min_retention(&self) -> Option<i32> {
        self.min_retention_days.or(self.controls.then_some(crate::controls::CONTROL_MIN_RETENTION_DAYS))
    }
}

#[derive(Args, Debug, Clone)]
pub struct ApplyArgs {
    /// The file: defaults and [[stage]] entries (schema in docs/guide/apply.md)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: std::path::PathBuf,
    /// Change nothing; exit 0 when the stages match the file, 4 when changes are pending
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub emit: EmitArgs,
    #[command(flatten)]
    pub wait: WaitArg,
    #[command(flatten)]
    pub accounts: AccountArgs,
}

#[derive(Subcommand, Debug)]
pub enum FormatsCommand {
    /// List the presets
    List {
        #[command(flatten)]
        kind: ApiTypeArg,
    },
    /// Print one preset's format
    Show {
        /// Preset name: clf, json, xml or csv
        name: String,
        #[command(flatten)]
        kind: ApiTypeArg,
    },
    /// Lint an access log format (exit 2 when it has errors)
    Check {
        /// A format string, a preset name, or @FILE
        #[arg(value_name = "FORMAT|@FILE")]
        format: String,
        #[command(flatten)]
        kind: ApiTypeArg,
    },
}

/// Which kind of API a format is for: each has its own `$context` variables.
#[derive(Args, Debug, Clone)]
pub struct ApiTypeArg {
    /// API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)
    #[arg(long = "api-type", value_parser = choice::<crate::api::ApiKind>(), default_value = "rest", value_name = "TYPE")]
    pub kind: crate::api::ApiKind,
}

#[derive(Args, Debug, Clone)]
pub struct CompletionsArgs {
    /// Shell to generate for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn quota_scale_is_bounded_so_pacing_intervals_stay_finite() {
        for bad in ["1e-300", "0.0009", "0", "-1", "1000.5", "inf", "NaN", "x"] {
            assert!(parse_quota_scale(bad).unwrap_err().contains("from 0.001 to 1000"), "{bad}");
        }
        assert_eq!(parse_quota_scale("0.001"), Ok(0.001));
        assert_eq!(parse_quota_scale("1000"), Ok(1000.0));
    }

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_flags_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "apigw-logs",
            "account",
            "show",
            "--region",
            "eu-west-1",
            "-vv",
            "--output",
            "json",
        ])
        .unwrap();
        assert_eq!(cli.global.regions, ["eu-west-1"]);
        assert_eq!(cli.global.verbose, 2);
        assert_eq!(cli.global.output, OutputFormat::Json);
    }

    #[test]
    fn conflicting_destinations_are_refused() {
        let err = Cli::try_parse_from([
            "apigw-logs",
            "stage",
            "set",
            "--api",
            "a",
            "--stage",
            "s",
            "--access-log-group",
            "g",
            "--no-access-log",
        ])
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let err = Cli::try_parse_from([
            "apigw-logs",
            "account",
            "set-role",
            "--role-arn",
            "arn:aws:iam::123456789012:role/x",
            "--role-name",
            "x",
        ])
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
