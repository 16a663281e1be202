//! One module per command; `run` dispatches. Shared look-ups (API and stage by name) live here.

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

use crate::aws::{Clients, apigw};
use crate::cli::{AccountCommand, Cli, Command, FormatsCommand, RoleCommand, StageCommand};
use crate::context::Ctx;
use crate::error;
use crate::logging::StageLogging;

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
        Command::Formats(FormatsCommand::List) => formats::list(&ctx),
        Command::Formats(FormatsCommand::Show { name }) => formats::show(&ctx, &name),
        Command::Formats(FormatsCommand::Check { format }) => formats::check(&ctx, &format),
        Command::Completions(args) => completions::run(&args),
    }
}

/// Finds a REST API by id, else by name. Ambiguous or unknown names are usage errors that list
/// what exists, so the user can retry with an id.
pub async fn resolve_api(clients: &Clients, wanted: &str) -> anyhow::Result<apigw::RestApi> {
    let apis = apigw::rest_apis(&clients.apigw).await?;
    if let Some(api) = apis.iter().find(|a| a.id == wanted) {
        return Ok(api.clone());
    }
    let named: Vec<&apigw::RestApi> = apis.iter().filter(|a| a.name == wanted).collect();
    match named.as_slice() {
        [api] => Ok((*api).clone()),
        [] => {
            let known: Vec<String> = apis.iter().map(|a| format!("{} ({})", a.name, a.id)).collect();
            Err(error::usage_hint(
                format!("--api: no REST API with id or name '{wanted}' in {}", clients.region),
                if known.is_empty() {
                    format!("there are no REST APIs in {}; check --region and --profile", clients.region)
                } else {
                    format!("REST APIs in {}: {}", clients.region, known.join(", "))
                },
            ))
        }
        several => {
            let ids: Vec<&str> = several.iter().map(|a| a.id.as_str()).collect();
            Err(error::usage_hint(
                format!("--api: {} REST APIs are named '{wanted}'", several.len()),
                format!("pass one of their ids instead: {}", ids.join(", ")),
            ))
        }
    }
}

/// Picks one stage by name, or explains which stages exist.
pub fn pick_stage(
    stages: Vec<StageLogging>,
    api: &apigw::RestApi,
    wanted: &str,
) -> anyhow::Result<StageLogging> {
    let names: Vec<String> = stages.iter().map(|s| s.stage_name.clone()).collect();
    stages.into_iter().find(|s| s.stage_name == wanted).ok_or_else(|| {
        error::usage_hint(
            format!("--stage: API {} ({}) has no stage '{wanted}'", api.name, api.id),
            if names.is_empty() {
                "the API has no stages yet; deploy it to a stage first".to_string()
            } else {
                format!("its stages: {}", names.join(", "))
            },
        )
    })
}

/// Resolves `--api` and `--stage` to the API and the stage's current logging settings.
pub async fn api_and_stage(
    clients: &Clients,
    api: &str,
    stage: &str,
) -> anyhow::Result<(apigw::RestApi, StageLogging)> {
    let api = resolve_api(clients, api).await?;
    let stages = apigw::stages(&clients.apigw, &api.id).await?;
    let stage = pick_stage(stages, &api, stage)?;
    Ok((api, stage))
}
