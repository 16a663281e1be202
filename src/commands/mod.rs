//! One module per command: argument handling, orchestration and output. `run` dispatches. What
//! the commands share lives outside: [`crate::planner::targets`] (look-ups, the per-region driver),
//! [`crate::planner`] (checks and plans) and [`crate::app::execute`] (applying a plan).

pub mod account;
pub mod apply;
pub mod completions;
pub mod cost;
pub mod debug;
pub mod disable;
pub mod enable;
pub mod formats;
pub mod role;
pub mod setup;
pub mod stage;
pub mod status;
pub mod summary;
pub mod tail;
pub mod trace;

use crate::app::accounts::run_in_accounts;
use crate::app::context::Ctx;
use crate::aws::reads::Read;
use crate::cli::{AccountArgs, AccountCommand, Cli, Command, FormatsCommand, RoleCommand, StageCommand};

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut ctx = Ctx::new(cli.global);
    ctx.load_prices()?;
    ctx.load_terraform_state()?;
    ctx.reads_owners = matches!(
        &cli.command,
        Command::Enable(_) | Command::Disable(_) | Command::Stage(StageCommand::Set(_))
    );
    ctx.prefetch = prefetch(&cli.command);
    let ctx = ctx;
    if let Some(accounts) = across_accounts(&cli.command) {
        if accounts.assume_role.is_some() && !accounts.given() {
            return Err(crate::error::usage(
                "--assume-role: say which accounts to assume it in, with --account ID or --all-accounts",
            ));
        }
        if accounts.given() {
            // Bad input is refused once, before the first AWS call, as without account flags.
            let file = match &cli.command {
                Command::Enable(args) => enable::check_input(&ctx, args).map(|()| None)?,
                Command::Stage(StageCommand::Set(args)) => {
                    stage::check_set_input(&ctx, args).map(|()| None)?
                }
                Command::Apply(args) => {
                    Some((args.file.display().to_string(), apply::checked_file(&ctx, args)?))
                }
                _ => None,
            };
            let needs_ous = file.as_ref().is_some_and(|(_, file)| file.scopes_by_ou());
            // An apply entry scoped to an account or OU outside the run would change nothing.
            let check = |run: &crate::app::accounts::RunAccounts| match &file {
                Some((path, file)) => match file.scope_outside(run) {
                    Some(message) => Err(crate::error::usage(format!("-f {path}: {message}"))),
                    None => Ok(()),
                },
                None => Ok(()),
            };
            let command = &cli.command;
            return run_in_accounts(
                &ctx,
                accounts,
                command_name(command),
                needs_ous,
                &check,
                |child| async move { run_here(&child, command).await },
            )
            .await;
        }
    }
    run_here(&ctx, &cli.command).await
}

/// The region-wide reads each command's plan (or report) asks for, started together with the
/// look-up of its APIs.
fn prefetch(command: &Command) -> Vec<Read> {
    let planning = [Read::Identity, Read::AccountRole, Read::LogGroups, Read::Deliveries, Read::Schedules];
    match command {
        Command::Enable(args) => [&planning[..], &[Read::Role(args.role_name.clone())]].concat(),
        Command::Stage(StageCommand::Set(_)) | Command::Apply(_) => planning.to_vec(),
        Command::Status(_) => [&planning[..], &[Read::Records]].concat(),
        Command::Disable(_) => vec![Read::Identity, Read::LogGroups, Read::Deliveries, Read::Schedules],
        Command::Stage(StageCommand::Show(_)) => vec![Read::Deliveries],
        Command::Cost(_) => vec![Read::Identity, Read::LogGroups, Read::Deliveries],
        // Execution log deliveries name more groups to search.
        Command::Trace(_) => vec![Read::Deliveries],
        _ => Vec::new(),
    }
}

/// The commands that run across accounts, with their account flags.
fn across_accounts(command: &Command) -> Option<&AccountArgs> {
    match command {
        Command::Stage(StageCommand::Show(args)) => Some(&args.accounts),
        Command::Stage(StageCommand::Set(args)) => Some(&args.accounts),
        Command::Enable(args) => Some(&args.accounts),
        Command::Disable(args) => Some(&args.accounts),
        Command::Status(args) => Some(&args.accounts),
        Command::Apply(args) => Some(&args.accounts),
        _ => None,
    }
}

fn command_name(command: &Command) -> &'static str {
    match command {
        Command::Stage(StageCommand::Show(_)) => "stage show",
        Command::Stage(StageCommand::Set(_)) => "stage set",
        Command::Enable(_) => "enable",
        Command::Disable(_) => "disable",
        Command::Status(_) => "status",
        Command::Apply(_) => "apply",
        _ => "",
    }
}

/// The command in one account: the caller's, or the one `ctx` was made for.
async fn run_here(ctx: &Ctx, command: &Command) -> anyhow::Result<()> {
    match command {
        Command::Role(RoleCommand::Create(args)) => role::create(ctx, args).await,
        Command::Account(AccountCommand::Show) => account::show(ctx).await,
        Command::Account(AccountCommand::SetRole(args)) => account::set_role(ctx, args).await,
        Command::Account(AccountCommand::Reset) => account::reset(ctx).await,
        Command::Stage(StageCommand::Show(args)) => stage::show(ctx, args).await,
        Command::Stage(StageCommand::Set(args)) => stage::set(ctx, args).await,
        Command::Enable(args) => enable::run(ctx, args).await,
        Command::Disable(args) => disable::run(ctx, args).await,
        // The wizard's debug branch starts the session it filled in, as `debug` would.
        Command::Setup(args) => match setup::run(ctx, args).await? {
            Some((session, region)) => debug::start_in(ctx, &session, Some(region)).await,
            None => Ok(()),
        },
        Command::Tail(args) => tail::run(ctx, args).await,
        Command::Trace(args) => trace::run(ctx, args).await,
        Command::Summary(args) => summary::run(ctx, args).await,
        Command::Debug(args) => debug::run(ctx, args).await,
        Command::Status(args) => status::run(ctx, args).await,
        Command::Apply(args) => apply::run(ctx, args).await,
        Command::Cost(args) => cost::run(ctx, args).await,
        Command::Formats(FormatsCommand::List { kind }) => formats::list(ctx, kind.kind),
        Command::Formats(FormatsCommand::Show { name, kind }) => formats::show(ctx, name, kind.kind),
        Command::Formats(FormatsCommand::Check { format, kind }) => formats::check(ctx, format, kind.kind),
        Command::Completions(args) => completions::run(args),
    }
}
