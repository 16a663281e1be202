//! Which APIs, stages and regions a command acts on: look-up by id or name (one listing per
//! region), and the per-region driver every multi-region command runs through.

use crate::api::{Api, ApiKind};
use crate::app::context::Ctx;
use crate::app::execute::{self, Target};
use crate::aws::{Clients, apigw, apigw2};
use crate::cli::{ApisRef, StageRef, Targets};
use crate::error;
use crate::logging::StageLogging;
use crate::plan::Plan;
use crate::regions::REGIONS;
use futures::{StreamExt as _, TryStreamExt as _};
use serde_json::json;
use std::future::Future;

/// `--api` (repeatable) or `--all-apis`, resolved against one listing of the region's APIs: REST,
/// HTTP and WebSocket, or only `--api-type`'s.
pub async fn resolve_apis(ctx: &Ctx, clients: &Clients, wanted: &ApisRef) -> anyhow::Result<Vec<Api>> {
    let mut apis = list_apis(ctx, clients, wanted.api_type).await?;
    if wanted.all_apis {
        apis.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        return Ok(apis);
    }
    let mut resolved: Vec<Api> = Vec::new();
    for name in &wanted.apis {
        let api = find_api(&apis, &clients.region, name, wanted.api_type)?;
        if !resolved.contains(&api) {
            resolved.push(api);
        }
    }
    Ok(resolved)
}

/// The region's APIs of every type, or of `kind` only (one GetRestApis and/or one GetApis). A
/// caller that may list REST APIs but not v2 ones (an IAM policy limited to `/restapis/*`, or an
/// emulator without API Gateway v2) gets its REST APIs and one warning per region, unless it
/// asked for HTTP or WebSocket APIs.
pub async fn list_apis(ctx: &Ctx, clients: &Clients, kind: Option<ApiKind>) -> anyhow::Result<Vec<Api>> {
    // The two listings side by side: neither needs the other.
    let rest = async {
        match kind.is_none_or(|k| k == ApiKind::Rest) {
            true => apigw::rest_apis(&clients.apigw).await.map(Some),
            false => Ok(None),
        }
    };
    let v2 = async {
        match kind != Some(ApiKind::Rest) {
            true => Some(apigw2::apis(&clients.apigw2).await),
            false => None,
        }
    };
    let (rest, v2) = tokio::join!(rest, v2);
    let mut apis = Vec::new();
    if let Some(rest) = rest? {
        let _ = clients.rest_api_names.set(rest.iter().map(|a| a.name.clone()).collect());
        apis.extend(rest);
    }
    match v2 {
        None => {}
        Some(Ok(v2)) => apis.extend(v2.into_iter().filter(|a| kind.is_none_or(|k| k == a.kind))),
        Some(Err(err)) if kind.is_none() && crate::aws::service_unavailable(&err) => ctx.warn(format_args!(
            "HTTP and WebSocket APIs not listed in {}: {}; looking at REST APIs only (pass --api-type rest to silence this)",
            clients.region,
            format!("{err:#}").trim_end_matches('.')
        )),
        Some(Err(err)) => return Err(err),
    }
    Ok(apis)
}

/// The (API, stage) pairs `--api`/`--all-apis` and `--stage`/`--all-stages` name, in the order
/// given (all: by name): one GetStages per API, read concurrently. With one API a missing stage
/// is an error; with several, APIs without it are skipped, unless none has it.
pub async fn resolve_targets(
    ctx: &Ctx,
    clients: &Clients,
    targets: &Targets,
) -> anyhow::Result<Vec<(Api, StageLogging)>> {
    let apis = resolve_apis(ctx, clients, &targets.apis).await?;
    if apis.is_empty() {
        return Ok(Vec::new());
    }
    let targeted = |stage: &StageLogging| targets.all_stages || targets.stages.contains(&stage.stage_name);
    let stages: Vec<Vec<StageLogging>> = futures::stream::iter(&apis)
        .map(|api| async move {
            let stages = crate::aws::stages(clients, api).await?;
            // The plan will ask who owns these stages: start now, under another quota.
            if ctx.reads_owners
                && stages
                    .iter()
                    .any(|s| targeted(s) && crate::planner::owner::needs_stack_lookup(ctx, api, s))
            {
                clients.start_stack_lookup(&api.id);
            }
            anyhow::Ok(stages)
        })
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

/// The API `wanted` names in the region's listing `apis`: by id, else by a unique name.
pub fn find_api(apis: &[Api], region: &str, wanted: &str, kind: Option<ApiKind>) -> anyhow::Result<Api> {
    if let Some(api) = apis.iter().find(|a| a.id == wanted) {
        return Ok(api.clone());
    }
    let label = kind.map_or("API", ApiKind::label);
    let named: Vec<&Api> = apis.iter().filter(|a| a.name == wanted).collect();
    match named.as_slice() {
        [api] => Ok((*api).clone()),
        [] => {
            let known: Vec<String> = apis.iter().map(Api::label).collect();
            Err(error::usage_hint(
                format!("--api: no {label} with id or name '{wanted}' in {}", region),
                if known.is_empty() {
                    format!("there are no {label}s in {}; check --region and --profile", region)
                } else {
                    format!("{label}s in {}: {}", region, known.join(", "))
                },
            ))
        }
        several => {
            let listed: Vec<String> = several.iter().map(|a| a.label()).collect();
            let kinds: std::collections::BTreeSet<&str> = several.iter().map(|a| a.kind.flag()).collect();
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

/// Picks one stage by name, or explains which stages exist.
pub fn pick_stage(stages: Vec<StageLogging>, api: &Api, wanted: &str) -> anyhow::Result<StageLogging> {
    let names: Vec<String> = stages.iter().map(|s| s.stage_name.clone()).collect();
    stages.into_iter().find(|s| s.stage_name == wanted).ok_or_else(|| {
        error::usage_hint(
            format!("--stage: API {} ({}) has no stage '{wanted}'", api.shown_name(), api.id),
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
    target: &StageRef,
) -> anyhow::Result<(Api, StageLogging)> {
    let (api, stage) = (&target.api, &target.stage);
    let apis = ApisRef { apis: vec![api.to_string()], api_type: target.api_type, ..Default::default() };
    let api = resolve_apis(ctx, clients, &apis).await?.remove(0);
    let stages = crate::aws::stages(clients, &api).await?;
    let stage = pick_stage(stages, &api, stage)?;
    Ok((api, stage))
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
    let answers: Vec<anyhow::Result<Option<String>>> = futures::stream::iter(REGIONS)
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

/// What a region the account has not enabled answers (the credentials are unknown there).
fn not_opted_in(err: &anyhow::Error) -> bool {
    matches!(
        crate::aws::error_code(err),
        Some("UnrecognizedClientException" | "InvalidClientTokenId" | "InvalidSignatureException")
    )
}

/// Runs a command in each of `regions`. Every region is connected and its targets resolved with
/// `resolve` (reads only; regions side by side), and all are passed to `check` before `run`
/// changes the first region, so a bad target or a flag a target's type refuses fails before any
/// write. A region that fails in `run` does not stop the others. With several regions and
/// `--output json`, the documents the regions print are gathered into one, `{"regions": [...]}`.
pub async fn in_each_region<T, O, R, RFut, C, F, Fut>(
    ctx: &Ctx,
    regions: Vec<Option<String>>,
    resolve: R,
    check: C,
    run: F,
) -> anyhow::Result<Vec<O>>
where
    R: Fn(Clients) -> RFut,
    RFut: Future<Output = anyhow::Result<T>>,
    C: Fn(&T) -> anyhow::Result<()>,
    F: Fn(Clients, T) -> Fut,
    Fut: Future<Output = anyhow::Result<O>>,
{
    let gather = regions.len() > 1 && ctx.json();
    let resolve = &resolve;
    let resolved = futures::future::try_join_all(regions.into_iter().map(|region| async move {
        let clients = ctx.clients_in(region).await?;
        let targets = resolve(clients.clone()).await?;
        Ok::<_, anyhow::Error>((clients, targets))
    }))
    .await?;
    for (_, targets) in &resolved {
        check(targets)?;
    }
    // Regions run side by side (each has its own quotas), their output held back and printed in
    // region order; one at a time when a person may be asked to confirm.
    let several = resolved.len() > 1;
    let run = &run;
    let runs = resolved.into_iter().map(|(clients, targets)| async move {
        let region = clients.region.clone();
        let (outcome, printed) = match several {
            true => crate::app::stdout::held(run(clients, targets)).await,
            false => (run(clients, targets).await, String::new()),
        };
        (region, outcome, printed)
    });
    let prompts = ctx.interactive() && !ctx.global.yes && !ctx.dry_run();
    let finished: Vec<(String, anyhow::Result<O>, String)> = if prompts {
        futures::stream::iter(runs).then(|run| run).collect().await
    } else {
        futures::future::join_all(runs).await
    };
    let mut outcomes = Vec::new();
    let mut documents = Vec::new();
    for (region, outcome, printed) in finished {
        if gather {
            // Each region printed its own document; they are printed as one.
            documents.extend(serde_json::from_str::<serde_json::Value>(&printed).ok());
        } else {
            print!("{printed}");
        }
        outcomes.push((region, outcome));
    }
    if gather && !documents.is_empty() {
        ctx.print_json(&json!({ "regions": documents }))?;
    }
    per_region(outcomes)
}

/// [`in_each_region`] over the stages `--api`/`--stage` name, in the regions `--region` or
/// `--all-regions` names. With several regions, one where nothing matches is skipped with a
/// warning.
pub async fn on_stages<C, F, Fut>(
    ctx: &Ctx,
    command: &str,
    targets: &Targets,
    check: C,
    run: F,
) -> anyhow::Result<()>
where
    C: Fn(&[(Api, StageLogging)]) -> anyhow::Result<()>,
    F: Fn(Clients, Vec<(Api, StageLogging)>) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let regions = target_regions(ctx, targets.all_regions).await?;
    let several = regions.len() > 1;
    let resolve = |clients: Clients| async move {
        match resolve_targets(ctx, &clients, targets).await {
            Err(err) if several && error::exit_code(&err) == error::Exit::Usage => {
                ctx.warn(format_args!("{}: {err:#}; region skipped", clients.region));
                Ok(Vec::new())
            }
            other => other,
        }
    };
    let run = &run;
    let run_or_report = |clients: Clients, stages: Vec<(Api, StageLogging)>| async move {
        if stages.is_empty() && ctx.json() {
            // Still a document for the region, so scripts see every region answered.
            let target = Target::stages(command, &clients.region, &[]);
            execute::run(ctx, &clients, &Plan::default(), target).await
        } else if stages.is_empty() {
            ctx.progress(format_args!("{}: no matching stages", clients.region));
            Ok(())
        } else {
            run(clients, stages).await
        }
    };
    in_each_region(ctx, regions, resolve, |stages: &Vec<_>| check(stages), run_or_report).await.map(drop)
}

/// Turns the `outcomes` of a per-region run into one result: a single region's error as it is;
/// with several, the first error, saying which regions failed. Once a region has been changed,
/// the exit code is 1 whatever the error: 2 would claim nothing was changed.
fn per_region<O>(outcomes: Vec<(String, anyhow::Result<O>)>) -> anyhow::Result<Vec<O>> {
    let total = outcomes.len();
    let mut completed = Vec::new();
    let mut failed: Vec<(String, anyhow::Error)> = Vec::new();
    for (region, outcome) in outcomes {
        match outcome {
            Ok(output) => completed.push(output),
            Err(err) => failed.push((region, err)),
        }
    }
    if failed.is_empty() {
        return Ok(completed);
    }
    if total == 1 {
        return Err(failed.remove(0).1);
    }
    let regions: Vec<&str> = failed.iter().map(|(r, _)| r.as_str()).collect();
    let summary =
        format!("{} of {total} regions failed ({}); the others completed", failed.len(), regions.join(", "));
    let (region, first) = failed.remove(0);
    if !completed.is_empty() {
        return Err(anyhow::anyhow!("{summary}. {region}: {first:#}"));
    }
    Err(first.context(format!("{summary}. {region}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(id: &str, name: &str, kind: ApiKind) -> Api {
        Api { id: id.into(), name: name.into(), kind, created: None, tags: Default::default() }
    }

    fn usage_text<T: std::fmt::Debug>(result: anyhow::Result<T>) -> (String, String) {
        let err = result.expect_err("refused");
        assert_eq!(error::exit_code(&err), error::Exit::Usage);
        (format!("{err:#}"), error::hint(&err).unwrap_or_default().to_string())
    }

    #[test]
    fn apis_are_found_by_id_then_by_unique_name() {
        let apis = [
            api("a1", "orders", ApiKind::Rest),
            api("h1", "orders", ApiKind::Http),
            api("b2", "billing", ApiKind::Rest),
            api("billing", "other", ApiKind::Websocket),
        ];
        assert_eq!(find_api(&apis, "us-east-1", "h1", None).unwrap().id, "h1");
        assert_eq!(find_api(&apis, "us-east-1", "billing", None).unwrap().id, "billing", "an id wins");
        let (text, hint) = usage_text(find_api(&apis, "us-east-1", "orders", None));
        assert_eq!(text, "--api: 2 APIs are named 'orders'");
        assert!(hint.starts_with("pass an id, or --api-type http|rest:"), "{hint}");
        let (text, hint) = usage_text(find_api(&apis[2..], "eu-west-1", "orders", Some(ApiKind::Rest)));
        assert_eq!(text, "--api: no REST API with id or name 'orders' in eu-west-1");
        assert!(hint.contains("billing (b2, REST API)"), "{hint}");
        let (_, hint) = usage_text(find_api(&[], "eu-west-1", "orders", None));
        assert!(hint.contains("there are no APIs in eu-west-1"), "{hint}");
    }

    #[test]
    fn a_missing_stage_names_the_ones_there_are() {
        let orders = api("a1", "orders", ApiKind::Rest);
        let stage = |name: &str| StageLogging { stage_name: name.into(), ..Default::default() };
        assert_eq!(
            pick_stage(vec![stage("dev"), stage("prod")], &orders, "prod").unwrap().stage_name,
            "prod"
        );
        let (text, hint) = usage_text(pick_stage(vec![stage("dev")], &orders, "prod"));
        assert_eq!(
            (text.as_str(), hint.as_str()),
            ("--stage: API orders (a1) has no stage 'prod'", "its stages: dev")
        );
        let (_, hint) = usage_text(pick_stage(vec![], &orders, "prod"));
        assert!(hint.contains("deploy it to a stage first"), "{hint}");
    }

    #[test]
    fn regions_outcomes_become_one_result() {
        let ok = |region: &str, n: u8| (region.to_string(), Ok(n));
        let failed = |region: &str, err: anyhow::Error| (region.to_string(), Err::<u8, _>(err));
        assert_eq!(per_region(vec![ok("a", 1), ok("b", 2)]).unwrap(), [1, 2]);
        // One region: its error as it is, exit code included.
        let err = per_region(vec![failed("a", error::usage("bad"))]).unwrap_err();
        assert_eq!((format!("{err:#}"), error::exit_code(&err)), ("bad".to_string(), error::Exit::Usage));
        // Several, none changed: the first error keeps its code, with the regions named.
        let err = per_region(vec![failed("a", error::usage("bad")), failed("b", anyhow::anyhow!("worse"))])
            .unwrap_err();
        assert_eq!(format!("{err:#}"), "2 of 2 regions failed (a, b); the others completed. a: bad");
        assert_eq!(error::exit_code(&err), error::Exit::Usage);
        // Once one region completed, exit 1 whatever the error.
        let err = per_region(vec![ok("a", 1), failed("b", error::usage("bad"))]).unwrap_err();
        assert_eq!(format!("{err:#}"), "1 of 2 regions failed (b); the others completed. b: bad");
        assert_eq!(error::exit_code(&err), error::Exit::AwsFailure);
    }
}
