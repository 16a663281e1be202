//! One module per command: argument handling, orchestration and output. `run` dispatches. What
//! the commands share lives outside: [`crate::targets`] (look-ups, the per-region driver),
//! [`crate::planner`] (checks and plans) and [`crate::execute`] (applying a plan).

pub mod account;
pub mod apply;
pub mod completions;
pub mod disable;
pub mod enable;
pub mod formats;
pub mod role;
pub mod setup;
pub mod stage;
pub mod status;
pub mod tail;

use crate::cli::{AccountCommand, Cli, Command, FormatsCommand, RoleCommand, StageCommand};
use crate::context::Ctx;

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let ctx = Ctx::new(cli.global);
    match cli.command {
        Command::Role(RoleCommand::Create(args)) => role::create(&ctx, &args).await,
        Command::Account(AccountCommand::Show) => account::show(&ctx).await,
        Command::Account(AccountCommand::SetRole(args)) => account::set_role(&ctx, &args).await,
        Command::Account(AccountCommand::Reset) => account::reset(&ctx).await,
        Command::Stage(StageCommand::Show(args)) => stage::show(&ctx, &args).await,
        Command::Stage(StageCommand::Set(args)) => stage::set(&ctx, &args).await,
        Command::Enable(args) => enable::run(&ctx, &args).await,
        Command::Disable(args) => disable::run(&ctx, &args).await,
        Command::Setup(args) => setup::run(&ctx, &args).await,
        Command::Tail(args) => tail::run(&ctx, &args).await,
        Command::Status(args) => status::run(&ctx, &args).await,
        Command::Apply(args) => apply::run(&ctx, &args).await,
        Command::Formats(FormatsCommand::List { kind }) => formats::list(&ctx, kind.kind),
        Command::Formats(FormatsCommand::Show { name, kind }) => formats::show(&ctx, &name, kind.kind),
        Command::Formats(FormatsCommand::Check { format, kind }) => formats::check(&ctx, &format, kind.kind),
        Command::Completions(args) => completions::run(&args),
    }
}
