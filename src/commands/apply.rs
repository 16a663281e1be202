//! `apply -f FILE [--check]`: brings every stage the file names to its declared settings, in one
//! plan: the account role once (when a stage needs it), log groups, one UpdateStage per stage.

use crate::api::Api;
use crate::app::context::Ctx;
use crate::app::execute::{self, Target};
use crate::aws::Clients;
use crate::cli::ApplyArgs;
use crate::error;
use crate::logging::StageLogging;
use crate::manifest::{self, Manifest, Settings};
use crate::planner::role::{NewRole, plan_healthy_account_role};
use crate::planner::stage::{Mode, plan_requests};
use crate::planner::targets::{in_each_region, list_apis};
use crate::planner::validate::{check_offline, check_targets};
use crate::planner::{OpenSessions, layout, review};
use crate::request::Logging;
use anyhow::Context as _;
use futures::{StreamExt as _, TryStreamExt as _};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

/// One stage the file manages, with its merged settings.
struct Managed {
    api: Api,
    stage: StageLogging,
    settings: Settings,
}

impl Managed {
    fn name(&self) -> String {
        format!("API {} ({}), stage {}", self.api.shown_name(), self.api.id, self.stage.stage_name)
    }

    /// The stage-wide request, then one per method or route override: the same requests
    /// `stage set` makes.
    fn requests(&self) -> Vec<Logging> {
        std::iter::once(self.settings.stage_args(&self.api.id, &self.stage.stage_name))
            .chain(self.settings.override_args())
            .filter(|args| !args.is_empty())
            .collect()
    }
}

/// The file, read and checked as far as it can be without AWS (also before a run over accounts
/// starts), so a bad file changes nothing.
pub fn checked_file(ctx: &Ctx, args: &ApplyArgs) -> anyhow::Result<Manifest> {
    let path = args.file.display().to_string();
    let file = read(&args.file, ctx.file_wait()).with_context(|| format!("-f {path}"))?;
    for index in 0..file.stages.len() {
        let entry = &file.stages[index];
        let requests = file.merged(index, entry.api_type.unwrap_or_default());
        for request in std::iter::once(requests.stage_args("id", "stage")).chain(requests.override_args()) {
            check_offline(ctx, &request, entry.api_type).with_context(|| {
                format!("-f {path}: {}", manifest::entry_name(index, &file.stages[index]))
            })?;
        }
    }
    Ok(file)
}

pub async fn run(ctx: &Ctx, args: &ApplyArgs) -> anyhow::Result<()> {
    let path = args.file.display().to_string();
    let file = checked_file(ctx, args)?;
    if let (None, Some(scale)) = (ctx.global.quota_scale, file.quota_scale) {
        ctx.pacer.set_scale(scale);
    }

    // The file applies in every --region given (each with its own account role). Every region's
    // stages are matched, and checked against their API types, before the first one is changed.
    let matched = |clients: Clients| {
        let (file, path) = (&file, &path);
        async move { resolve(ctx, &clients, file).await.with_context(|| format!("-f {path}")) }
    };
    let check = |managed: &Vec<Managed>| -> anyhow::Result<()> {
        for target in managed {
            let pair = [(target.api.clone(), target.stage.clone())];
            for request in target.requests() {
                check_targets(ctx, &request, &pair)
                    .with_context(|| format!("-f {path}: {}", target.name()))?;
            }
        }
        Ok(())
    };
    let apply = |clients: Clients, managed| {
        let (file, path) = (&file, &path);
        async move { apply_in_region(ctx, &clients, file, managed, args, path).await }
    };
    in_each_region(ctx, ctx.regions(), matched, check, apply).await.map(drop)
}

async fn apply_in_region(
    ctx: &Ctx,
    clients: &Clients,
    file: &Manifest,
    managed: Vec<Managed>,
    args: &ApplyArgs,
    path: &str,
) -> anyhow::Result<()> {
    let identity = clients.identity().await?;
    let pairs: Vec<_> = managed.iter().map(|m| (m.api.clone(), m.stage.clone())).collect();
    // Every stage planned at once (`--concurrency`), in the file's order.
    let planning = async {
        let plans: Vec<_> = futures::stream::iter(&managed)
            .map(|target| async {
                let requests = target.requests();
                plan_requests(ctx, clients, &identity, &target.api, &target.stage, &requests, Mode::Set)
                    .await
                    .with_context(|| format!("-f {path}: {}", target.name()))
            })
            .buffered(usize::from(ctx.global.concurrency))
            .try_collect()
            .await?;
        let needs_role = plans.iter().any(|p: &crate::planner::stage::StagePlan| p.needs_role);
        let (planned, afters): (Vec<_>, Vec<_>) = plans.into_iter().map(|p| (p.steps, p.after)).unzip();
        anyhow::Ok((planned, afters, needs_role))
    };
    let (planning, owners) = tokio::join!(planning, crate::planner::owner::owners(ctx, clients, &pairs));
    let (planned, afters, needs_role) = planning?;
    let shared = if needs_role {
        let role = NewRole { name: file.role_name_in(&clients.region), hardened: false };
        plan_healthy_account_role(clients, &identity, role).await?
    } else {
        Vec::new()
    };
    let (plan, units) = layout(shared, &pairs, planned);
    if !crate::planner::emit_first(ctx, clients, &args.emit, &pairs, &afters, &plan, &owners).await? {
        return Ok(());
    }
    // Each stage's own `execution_log_destinations`, when its entry names them.
    let requests: Vec<Vec<crate::request::Logging>> = managed.iter().map(Managed::requests).collect();
    let deliveries: Vec<_> = requests.iter().map(|r| r.first().and_then(|r| r.wanted_deliveries())).collect();
    let stages: Vec<_> =
        managed.iter().map(|m| json!({ "api": m.api, "stage": m.stage.stage_name })).collect();
    let subject = format!("{} stage(s) in {path}", managed.len());
    let target = Target {
        wait: Duration::from_secs(args.wait.seconds),
        check_only: args.check,
        units,
        ..Target::new("apply", &clients.region, subject, json!({ "file": path, "stages": stages }))
    };
    // A declarative run is not stopped by an open debug session; it is told (a warning) that the
    // session's revert will undo this change.
    let target =
        review(ctx, clients, target, &pairs, &afters, &plan, &deliveries, &owners, OpenSessions::Warn).await;
    execute::run(ctx, clients, &plan, target).await
}

fn read(path: &std::path::Path, wait: Duration) -> anyhow::Result<Manifest> {
    // A declaration of every stage of an estate is kilobytes; 16 MiB is not a declaration.
    let bytes = crate::app::files::read_limited(path, 16 << 20, wait).map_err(|why| match why {
        crate::app::files::Unreadable::Io(e) => error::usage(format!("cannot read the file: {e}")),
        crate::app::files::Unreadable::TooLarge => error::usage(
            "the file is larger than 16 MiB, more than any declaration needs; stopped reading there",
        ),
        crate::app::files::Unreadable::NoData(wait) => error::usage(format!(
            "nothing could be read within {}s: it is not a regular file (a pipe nobody writes to?)",
            wait.as_secs()
        )),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| error::usage("the file is not UTF-8 text"))?;
    manifest::parse(&text).map_err(error::usage)
}

/// Matches the entries against the region's APIs and stages (one GetRestApis, one GetStages per
/// matched API). An entry that matches nothing is an error: it is almost always a typo.
async fn resolve(ctx: &Ctx, clients: &Clients, file: &Manifest) -> anyhow::Result<Vec<Managed>> {
    // Entries scoped to other accounts (or OUs) are left out here.
    let scoped = file.stages.iter().any(|e| e.account.is_some() || e.ou.is_some());
    let (account, ous) = match (&ctx.account, scoped) {
        (Some(account), _) => (account.id.clone(), account.ous.clone()),
        (None, true) => {
            if file.scopes_by_ou() {
                return Err(error::usage(
                    "entries with `ou` apply in runs over accounts: add --all-accounts or --account (the OUs come from AWS Organizations)",
                ));
            }
            let caller = clients.identity().await?.account;
            let run = [(caller.clone(), None)];
            if let Some(message) = file.scope_outside(&run) {
                return Err(error::usage_hint(
                    message,
                    "a run without --account or --all-accounts is in your own account only",
                ));
            }
            (caller, Vec::new())
        }
        (None, false) => (String::new(), Vec::new()),
    };
    let apis = list_apis(ctx, clients, None).await?;
    let mut stages_of: HashMap<String, Vec<StageLogging>> = HashMap::new();
    // Keyed for a stable order: API name, id, stage.
    let mut managed: BTreeMap<(String, String, String), Managed> = BTreeMap::new();
    for (index, entry) in file.stages.iter().enumerate() {
        if !entry.in_scope(&account, &ous) {
            continue;
        }
        let name = manifest::entry_name(index, entry);
        let matched: Vec<&Api> = apis.iter().filter(|a| entry.matches_api(a)).collect();
        if matched.is_empty() {
            let known: Vec<String> = apis.iter().map(Api::label).collect();
            return Err(error::usage_hint(
                format!(
                    "{name}: no API in {} matches `api`{}",
                    clients.region,
                    if entry.api_type.is_some() { " and `api_type`" } else { "" }
                ),
                format!("APIs there: {}", if known.is_empty() { "none".into() } else { known.join(", ") }),
            ));
        }
        let mut matched_stages = 0;
        for api in matched {
            if !stages_of.contains_key(&api.id) {
                stages_of.insert(api.id.clone(), crate::aws::stages(clients, api).await?);
            }
            for stage in stages_of[&api.id].iter().filter(|s| entry.matches_stage(&s.stage_name)) {
                matched_stages += 1;
                let key = (api.name.clone(), api.id.clone(), stage.stage_name.clone());
                match managed.get_mut(&key) {
                    Some(earlier) => earlier.settings = earlier.settings.overlay(entry),
                    None => {
                        let settings = file.merged(index, api.kind);
                        managed.insert(key, Managed { api: api.clone(), stage: stage.clone(), settings });
                    }
                }
            }
        }
        if matched_stages == 0 {
            return Err(error::usage(format!("{name}: the matching APIs have no stage matching `stage`")));
        }
    }
    Ok(managed.into_values().collect())
}
