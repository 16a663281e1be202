//! `tail`: finds the stage's log group (access: its destination; execution: the naming rule),
//! prints events in time order, and with `--follow` polls with backoff until Ctrl-C.

use crate::api::ApiKind;
use crate::app::context::Ctx;
use crate::app::follow::{Reading, Source, print_events};
use crate::app::interrupt;
use crate::arn::{self, Destination};
use crate::cli::TailArgs;
use crate::error;
use crate::groups::execution_log_group;
use crate::planner::targets::api_and_stage;
use crate::tail::where_pattern;

pub async fn run(ctx: &Ctx, args: &TailArgs) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let (api, stage) = api_and_stage(ctx, &clients, &args.target).await?;
    let group = if args.execution {
        if api.kind == ApiKind::Http {
            return Err(error::usage(format!(
                "--execution: {} ({}) is an HTTP API, and HTTP APIs have no execution logs; read its access logs (leave out --execution)",
                api.shown_name(),
                api.id
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
    if args.follow {
        interrupt::set_following();
    }
    let source = Source { group, execution: args.execution, label: None };
    let reading = Reading {
        since_millis: args.since.start_millis(chrono::Utc::now()),
        pattern: pattern.as_deref(),
        utc: args.utc,
        follow: args.follow,
    };
    print_events(ctx, &clients, &[source], reading).await
}
