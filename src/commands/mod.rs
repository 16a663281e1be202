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

use crate::apply::Unit;
use crate::aws::{Clients, apigw};
use crate::cli::{AccountCommand, ApisRef, Cli, Command, FormatsCommand, RoleCommand, StageCommand, Targets};
use crate::context::Ctx;
use crate::error;
use crate::format::ApiKind;
use crate::logging::StageLogging;
use crate::plan::{Plan, Step};
use futures::{StreamExt as _, TryStreamExt as _};

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

/// `--api` (repeatable) or `--all-apis`, resolved against one listing of the region's APIs: REST,
/// HTTP and WebSocket, or only `--api-type`'s.
pub async fn resolve_apis(ctx: &Ctx, clients: &Clients, wanted: &ApisRef) -> anyhow::Result<Vec<apigw::Api>> {
    let mut apis = list_apis(ctx, clients, wanted.api_type).await?;
    if wanted.all_apis {
        apis.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        return Ok(apis);
    }
    let mut resolved: Vec<apigw::Api> = Vec::new();
    for name in &wanted.apis {
        let api = find_api(&apis, clients, name, wanted.api_type)?;
        if !resolved.contains(&api) {
            resolved.push(api);
        }
    }
    Ok(resolved)
}

/// The region's APIs of every type, or of `kind` only (one GetRestApis and/or one GetApis). A
/// caller allowed to list REST APIs but not v2 ones (`apigateway:GET` on `/apis`) gets its REST
/// APIs and a warning, unless it asked for v2 APIs.
pub async fn list_apis(
    ctx: &Ctx,
    clients: &Clients,
    kind: Option<ApiKind>,
) -> anyhow::Result<Vec<apigw::Api>> {
    let mut apis = Vec::new();
    if kind.is_none_or(|k| k == ApiKind::Rest) {
        apis.extend(apigw::rest_apis(&clients.apigw).await?);
    }
    if kind == Some(ApiKind::Rest) {
        return Ok(apis);
    }
    match crate::aws::apigw2::apis(&clients.apigw2).await {
        Ok(v2) => apis.extend(v2.into_iter().filter(|a| kind.is_none_or(|k| k == a.kind))),
        Err(err) if kind.is_none() && error_code(&err) == Some("AccessDeniedException") => ctx.warn(format_args!(
            "cannot list HTTP and WebSocket APIs in {} ({err:#}); looking at REST APIs only (--api-type rest silences this)",
            clients.region
        )),
        Err(err) => return Err(err),
    }
    Ok(apis)
}

/// The AWS error code behind a failed call, if any.
fn error_code(err: &anyhow::Error) -> Option<&str> {
    err.chain().filter_map(|e| e.downcast_ref::<crate::aws::AwsCallError>()).find_map(|e| e.code.as_deref())
}

/// The (API, stage) pairs `--api`/`--all-apis` and `--stage`/`--all-stages` name, in the order
/// given (all: by name): one GetStages per API, read concurrently. With one API a missing stage
/// is an error; with several, APIs without it are skipped, unless none has it.
pub async fn resolve_targets(
    ctx: &Ctx,
    clients: &Clients,
    targets: &Targets,
) -> anyhow::Result<Vec<(apigw::Api, StageLogging)>> {
    let apis = resolve_apis(ctx, clients, &targets.apis).await?;
    if apis.is_empty() {
        return Ok(Vec::new());
    }
    let stages: Vec<Vec<StageLogging>> = futures::stream::iter(&apis)
        .map(|api| crate::aws::stages(clients, api))
        .buffered(usize::from(ctx.global.concurrency))
        .try_collect()
        .await?;
    let mut pairs = Vec::new();
    for (api, mut all) in apis.iter().zip(stages) {
        if targets.all_stages {
            all.sort_by(|a, b| a.stage_name.cmp(&b.stage_name));
            pairs.extend(all.into_iter().map(|s| (api.clone(), s)));
            continue;
        }
        let mut names: Vec<&String> = Vec::new();
        for name in &targets.stages {
            if names.contains(&name) {
                continue;
            }
            names.push(name);
            match all.iter().find(|s| &s.stage_name == name) {
                Some(stage) => pairs.push((api.clone(), stage.clone())),
                None if apis.len() == 1 => {
                    return Err(pick_stage(all, api, name).expect_err("stage is missing"));
                }
                None => {}
            }
        }
    }
    if let Some(missing) =
        targets.stages.iter().find(|name| !pairs.iter().any(|(_, s)| &s.stage_name == *name))
    {
        return Err(error::usage(format!(
            "--stage: none of the {} APIs has a stage '{missing}'",
            apis.len()
        )));
    }
    Ok(pairs)
}

/// Lays out a fleet plan: the `shared` steps (the account role), then each target's steps as
/// one independent unit. Targets with nothing to change get no unit.
pub fn layout(
    shared: Vec<Step>,
    targets: &[(apigw::Api, StageLogging)],
    planned: Vec<Vec<Step>>,
) -> (Plan, Vec<Unit>) {
    let mut plan = Plan { steps: shared };
    let mut units = Vec::new();
    for ((api, stage), steps) in targets.iter().zip(planned) {
        if steps.is_empty() {
            continue;
        }
        let start = plan.steps.len();
        plan.steps.extend(steps);
        units.push(Unit { label: target_label(api, stage), steps: start..plan.steps.len() });
    }
    (plan, units)
}

pub fn target_label(api: &apigw::Api, stage: &StageLogging) -> String {
    format!("{} ({})/{}", api.name, api.id, stage.stage_name)
}

/// The regions a command runs in: `--all-regions`, else each `--region`, else the configured one.
async fn target_regions(ctx: &Ctx, all_regions: bool) -> anyhow::Result<Vec<Option<String>>> {
    if !all_regions {
        return Ok(ctx.regions());
    }
    if !ctx.global.regions.is_empty() {
        return Err(error::usage("--all-regions and --region: use one"));
    }
    // A region the account has not opted into rejects the credentials; it is skipped. Any other
    // failure (expired credentials, access denied) is an error, not a silent skip.
    let answers: Vec<anyhow::Result<Option<String>>> = futures::stream::iter(crate::wizard::REGIONS)
        .map(|region| async move {
            let clients = ctx.clients_in(Some(region.to_string())).await?;
            match apigw::account_role(&clients.apigw).await {
                Ok(_) => Ok(Some(region.to_string())),
                Err(err) if not_opted_in(&err) => Ok(None),
                Err(err) => Err(err.context(format!("--all-regions: {region}"))),
            }
        })
        .buffered(usize::from(ctx.global.concurrency))
        .collect()
        .await;
    let regions: Vec<Option<String>> =
        answers.into_iter().collect::<anyhow::Result<Vec<_>>>()?.into_iter().flatten().map(Some).collect();
    if regions.is_empty() {
        return Err(error::precondition(
            "--all-regions: no region answered",
            "check the credentials and --profile",
        ));
    }
    Ok(regions)
}

/// Runs `run` in every region the targets name, with that region's clients and stages.
///
/// Every region is connected, its targets resolved (reads only) and passed to `check` before the
/// first region is changed, so a bad `--api`/`--stage` or a flag a target's type refuses fails
/// before any write. With several regions, one where
/// nothing matches is skipped with a warning. A region that fails later does not stop the others.
pub async fn in_each_region<C, F, Fut>(
    ctx: &Ctx,
    command: &str,
    targets: &Targets,
    check: C,
    run: F,
) -> anyhow::Result<()>
where
    C: Fn(&[(apigw::Api, StageLogging)]) -> anyhow::Result<()>,
    F: Fn(Clients, Vec<(apigw::Api, StageLogging)>) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let regions = target_regions(ctx, targets.all_regions).await?;
    let several = regions.len() > 1;
    let mut resolved = Vec::new();
    for region in regions {
        let clients = ctx.clients_in(region).await?;
        let stages = match resolve_targets(ctx, &clients, targets).await {
            Err(err) if several && error::exit_code(&err) == error::Exit::Usage => {
                ctx.warn(format_args!("{}: {err:#}; region skipped", clients.region));
                Vec::new()
            }
            other => other?,
        };
        check(&stages)?;
        resolved.push((clients, stages));
    }
    let mut outcomes = Vec::new();
    for (clients, stages) in resolved {
        let label = clients.region.clone();
        let outcome = if stages.is_empty() && ctx.json() {
            // Still one document per region, so scripts see every region answered.
            let target = enable::fleet_target(command, &clients, &[], std::time::Duration::ZERO);
            crate::apply::execute(ctx, &clients, &Plan::default(), target).await
        } else if stages.is_empty() {
            ctx.progress(format_args!("{}: no matching stages", clients.region));
            Ok(())
        } else {
            run(clients, stages).await
        };
        outcomes.push((label, outcome));
    }
    per_region(outcomes)
}

/// What a region the account has not enabled answers (the credentials are unknown there).
fn not_opted_in(err: &anyhow::Error) -> bool {
    matches!(
        error_code(err),
        Some("UnrecognizedClientException" | "InvalidClientTokenId" | "InvalidSignatureException")
    )
}

/// Runs `outcomes` of a per-region loop into one result: a single region's error as it is;
/// with several, the first error, saying which regions failed. Once a region has been changed,
/// the exit code is 1 whatever the error: 2 would claim nothing was changed.
fn per_region(outcomes: Vec<(String, anyhow::Result<()>)>) -> anyhow::Result<()> {
    let total = outcomes.len();
    let completed = outcomes.iter().filter(|(_, r)| r.is_ok()).count();
    let mut failed: Vec<(String, anyhow::Error)> =
        outcomes.into_iter().filter_map(|(region, r)| r.err().map(|e| (region, e))).collect();
    if failed.is_empty() {
        return Ok(());
    }
    if total == 1 {
        return Err(failed.remove(0).1);
    }
    let regions: Vec<&str> = failed.iter().map(|(r, _)| r.as_str()).collect();
    let summary =
        format!("{} of {total} regions failed ({}); the others completed", failed.len(), regions.join(", "));
    let (region, first) = failed.remove(0);
    if completed > 0 {
        return Err(anyhow::anyhow!("{summary}. {region}: {first:#}"));
    }
    Err(first.context(format!("{summary}. {region}")))
}

fn find_api(
    apis: &[apigw::Api],
    clients: &Clients,
    wanted: &str,
    kind: Option<ApiKind>,
) -> anyhow::Result<apigw::Api> {
    if let Some(api) = apis.iter().find(|a| a.id == wanted) {
        return Ok(api.clone());
    }
    let label = kind.map_or("API", ApiKind::label);
    let named: Vec<&apigw::Api> = apis.iter().filter(|a| a.name == wanted).collect();
    match named.as_slice() {
        [api] => Ok((*api).clone()),
        [] => {
            let known: Vec<String> = apis.iter().map(api_label).collect();
            Err(error::usage_hint(
                format!("--api: no {label} with id or name '{wanted}' in {}", clients.region),
                if known.is_empty() {
                    format!("there are no {label}s in {}; check --region and --profile", clients.region)
                } else {
                    format!("{label}s in {}: {}", clients.region, known.join(", "))
                },
            ))
        }
        several => {
            let listed: Vec<String> = several.iter().map(|a| api_label(a)).collect();
            let kinds: std::collections::BTreeSet<&str> = several.iter().map(|a| kind_flag(a.kind)).collect();
            let hint = if kinds.len() > 1 {
                format!(
                    "pass an id, or --api-type {}: {}",
                    kinds.into_iter().collect::<Vec<_>>().join("|"),
                    listed.join(", ")
                )
            } else {
                format!("pass one of their ids instead: {}", listed.join(", "))
            };
            Err(error::usage_hint(format!("--api: {} {label}s are named '{wanted}'", several.len()), hint))
        }
    }
}

/// `orders (a1b2c3, HTTP API)`.
pub fn api_label(api: &apigw::Api) -> String {
    format!("{} ({}, {})", api.name, api.id, api.kind.label())
}

/// The `--api-type` value of a kind.
pub fn kind_flag(kind: ApiKind) -> &'static str {
    match kind {
        ApiKind::Rest => "rest",
        ApiKind::Http => "http",
        ApiKind::Websocket => "websocket",
    }
}

/// Picks one stage by name, or explains which stages exist.
pub fn pick_stage(stages: Vec<StageLogging>, api: &apigw::Api, wanted: &str) -> anyhow::Result<StageLogging> {
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
    ctx: &Ctx,
    clients: &Clients,
    target: &crate::cli::StageRef,
) -> anyhow::Result<(apigw::Api, StageLogging)> {
    let (api, stage) = (&target.api, &target.stage);
    let apis = ApisRef { apis: vec![api.to_string()], api_type: target.api_type, ..Default::default() };
    let api = resolve_apis(ctx, clients, &apis).await?.remove(0);
    let stages = crate::aws::stages(clients, &api).await?;
    let stage = pick_stage(stages, &api, stage)?;
    Ok((api, stage))
}
