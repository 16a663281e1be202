//! `tail`: finds the stage's log group (access: its destination; execution: the naming rule),
//! prints events in time order, and with `--follow` polls with backoff until Ctrl-C.

use crate::api::ApiKind;
use crate::arn::{self, Destination};
use crate::aws::logs;
use crate::cli::TailArgs;
use crate::context::Ctx;
use crate::planner::stage::execution_log_group;
use crate::settings::DEFAULT_RETENTION_DAYS;
use crate::tail::{Seen, json_line, text_line, where_pattern};
use crate::targets::api_and_stage;
use crate::{error, interrupt};
use std::time::Duration;

const FIRST_POLL_DELAY: Duration = Duration::from_secs(1);
const MAX_POLL_DELAY: Duration = Duration::from_secs(10);

pub async fn run(ctx: &Ctx, args: &TailArgs) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let (api, stage) = api_and_stage(ctx, &clients, &args.target).await?;
    let group = if args.execution {
        if api.kind == ApiKind::Http {
            return Err(error::usage(format!(
                "--execution: {} ({}) is an HTTP API, and HTTP APIs have no execution logs; read its access logs (leave out --execution)",
                api.name, api.id
            )));
        }
        execution_log_group(&api, &stage.stage_name)
    } else {
        let Some(access) = &stage.access else {
            return Err(error::precondition(
                format!("stage {} of API {} has no access logging", stage.stage_name, api.id),
                format!(
                    "read its execution logs with --execution, or turn access logging on: apigw-logs enable --api {} --stage {}",
                    api.id, stage.stage_name
                ),
            ));
        };
        match arn::parse_destination(&access.destination_arn) {
            Ok((Destination::LogGroup { name }, _)) => name,
            Ok((Destination::Firehose { arn }, _)) => {
                return Err(error::precondition(
                    format!("the stage's access logs go to Firehose stream {arn}, not to CloudWatch Logs"),
                    "read them where the stream delivers them, or use --execution for the execution logs",
                ));
            }
            Err(why) => {
                return Err(error::precondition(
                    format!("the stage's access log destination: {why}"),
                    "run `apigw-logs status` for the fix",
                ));
            }
        }
    };
    let pattern = args.filter.clone().or_else(|| where_pattern(&args.wheres));
    let mut seen = Seen::new(args.since.start_millis(chrono::Utc::now()));
    if args.follow {
        interrupt::set_following();
    }
    ctx.progress(format_args!("reading log group {group}"));
    let mut delay = FIRST_POLL_DELAY;
    let mut told_missing = false;
    loop {
        let printed =
            match logs::filter_events(&clients.logs, &group, seen.next_start(), pattern.as_deref()).await? {
                Some(events) => {
                    let fresh = seen.fresh(events);
                    for event in &fresh {
                        if ctx.json() {
                            println!("{}", json_line(event));
                        } else {
                            println!("{}", text_line(event, args.utc));
                        }
                    }
                    !fresh.is_empty()
                }
                None => {
                    if !told_missing {
                        ctx.warn(missing_group_notice(&group, args.execution, args.follow));
                        told_missing = true;
                    }
                    false
                }
            };
        if !args.follow {
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
