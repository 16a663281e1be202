//! Runs a command in several AWS accounts (`--account`, `--all-accounts`): each through a role
//! assumed there, side by side, with its own pacing (quotas are per account) and its output held
//! back and printed together, grouped by account; one account's failure does not stop the others.
//! Ends with one row per account (text), or one JSON document.

use crate::app::context::{Account, BOLD, Ctx, RED, Tally};
use crate::aws::{self, orgs, sts};
use crate::cli::AccountArgs;
use crate::error;
use futures::StreamExt as _;
use serde::Serialize;
use std::sync::Arc;

/// One account's outcome.
#[derive(Serialize)]
struct Outcome {
    account: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    /// The command's own JSON document for this account (`null` when it failed before one).
    result: serde_json::Value,
    #[serde(flatten)]
    tally: Tally,
    /// `status --controls`: this account's counts per Security Hub control, all regions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    controls: Vec<crate::controls::ControlCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip)]
    exit: Option<error::Exit>,
    #[serde(skip)]
    output: String,
}

/// The run's accounts, each with the OUs above it (`None`: not read, or the read failed), as
/// handed to a command's scope check before any account runs.
pub type RunAccounts = [(String, Option<Vec<String>>)];

/// Runs `run` once per account the flags name. `needs_ous`: read each account's OUs (for `apply`
/// entries scoped by `ou`), before any account runs. `check` sees the run's accounts first: input
/// that names none of them is refused before the first write.
pub async fn run_in_accounts<F, Fut>(
    ctx: &Ctx,
    args: &AccountArgs,
    command: &str,
    needs_ous: bool,
    check: &dyn Fn(&RunAccounts) -> anyhow::Result<()>,
    run: F,
) -> anyhow::Result<()>
where
    F: Fn(Arc<Ctx>) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let base = aws::sdk_config(&ctx.options(ctx.global.regions.first().cloned())).await?;
    let caller = sts::caller_identity(&aws_sdk_sts::Client::new(&base)).await?;
    let organizations = aws_sdk_organizations::Client::new(&base);
    let accounts = targets(ctx, args, &caller.account, &organizations).await?;
    if accounts.is_empty() {
        ctx.warn("no account to run in: the organization has no other ACTIVE account");
        return Ok(());
    }
    let organizations = &organizations;
    let ous: Vec<Option<anyhow::Result<Vec<String>>>> = futures::stream::iter(&accounts)
        .map(|(id, _)| async move {
            match needs_ous {
                true => Some(orgs::organizational_units(organizations, id).await),
                false => None,
            }
        })
        .buffered(usize::from(ctx.global.concurrency))
        .collect()
        .await;
    let scope: Vec<(String, Option<Vec<String>>)> = accounts
        .iter()
        .zip(&ous)
        .map(|((id, _), read)| (id.clone(), read.as_ref().and_then(|r| r.as_ref().ok()).cloned()))
        .collect();
    check(&scope)?;

    // One account at a time when a person may be asked to confirm, so prompts never interleave.
    let prompts = ctx.interactive() && !ctx.global.yes && !ctx.dry_run();
    let at_once = if prompts { 1 } else { usize::from(ctx.global.concurrency).min(accounts.len()) };
    let bar = progress_bar(ctx, accounts.len());
    let session = std::time::Duration::from_secs(ctx.global.timeout() + 300);
    let run = &run;
    let (caller, base, bar) = (&caller, &base, &bar);
    let mut outcomes: Vec<(usize, Outcome)> =
        futures::stream::iter(accounts.into_iter().zip(ous).enumerate())
            .map(|(index, ((id, name), ous))| async move {
                let outcome = in_account(ctx, args, caller, base, ous, session, id, name, run).await;
                if let Some(bar) = bar {
                    bar.inc(1);
                }
                (index, outcome)
            })
            .buffer_unordered(at_once)
            .collect()
            .await;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    outcomes.sort_by_key(|(index, _)| *index);
    let outcomes: Vec<Outcome> = outcomes.into_iter().map(|(_, o)| o).collect();

    if ctx.json() {
        ctx.print_json(&serde_json::json!({ "command": command, "accounts": outcomes }))?;
    } else {
        for outcome in &outcomes {
            let name = outcome.name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            println!("{BOLD}== account {}{name} =={BOLD:#}", outcome.account);
            print!("{}", outcome.output);
            if let Some(error) = &outcome.error {
                println!("{RED}failed:{RED:#} {error}");
            }
        }
        print!("{}", table(&outcomes));
    }
    verdict(command, &outcomes)
}

/// The accounts to run in, in order: `--account` as given, or the organization's ACTIVE
/// accounts (the caller's own only with `--include-caller-account`).
async fn targets(
    ctx: &Ctx,
    args: &AccountArgs,
    caller: &str,
    organizations: &aws_sdk_organizations::Client,
) -> anyhow::Result<Vec<(String, Option<String>)>> {
    if !args.all_accounts {
        let mut ids: Vec<String> = Vec::new();
        for id in &args.accounts {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        if args.assume_role.is_none()
            && let Some(other) = ids.iter().find(|id| *id != caller)
        {
            return Err(error::usage_hint(
                format!("--account {other}: not your own account ({caller}), and no role to assume there"),
                "add --assume-role NAME, the role to assume in each account (e.g. OrganizationAccountAccessRole)",
            ));
        }
        return Ok(ids.into_iter().map(|id| (id, None)).collect());
    }
    ctx.progress("listing the organization's accounts");
    let members = orgs::active_accounts(organizations).await.map_err(|err| {
        error::precondition(
            format!("{err:#}"),
            "--all-accounts lists the accounts of your AWS Organization: run it with credentials of the management account or a delegated administrator (organizations:ListAccounts), or name accounts with --account",
        )
    })?;
    Ok(members
        .into_iter()
        .filter(|m| args.include_caller_account || m.id != caller)
        .map(|m| (m.id, Some(m.name)))
        .collect())
}

#[allow(clippy::too_many_arguments)]
async fn in_account<F, Fut>(
    ctx: &Ctx,
    args: &AccountArgs,
    caller: &sts::Identity,
    base: &aws_config::SdkConfig,
    ous: Option<anyhow::Result<Vec<String>>>,
    session: std::time::Duration,
    id: String,
    name: Option<String>,
    run: &F,
) -> Outcome
where
    F: Fn(Arc<Ctx>) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let failed = |error: anyhow::Error, output: String, tally: Tally| Outcome {
        account: id.clone(),
        name: name.clone(),
        result: serde_json::Value::Null,
        tally,
        controls: Vec::new(),
        exit: Some(error::exit_code(&error)),
        error: Some(match error::hint(&error) {
            Some(hint) => format!("{error:#} (hint: {hint})"),
            None => format!("{error:#}"),
        }),
        output,
    };
    // The caller's own account runs with the caller's credentials.
    let credentials = match (&args.assume_role, id == caller.account) {
        (Some(role), false) => {
            let role_arn = format!("arn:{}:iam::{id}:role/{role}", caller.partition);
            ctx.progress(format_args!("[{id}] assuming {role_arn}"));
            match sts::assumed_role(base, &role_arn, args.external_id.as_deref(), session).await {
                Ok(credentials) => Some(credentials),
                Err(err) => {
                    let err = error::precondition(
                        format!("cannot assume role {role} in account {id}: {err:#}"),
                        format!(
                            "the role must exist in {id} and trust your account ({}){}",
                            caller.account,
                            if args.external_id.is_some() { " with this --external-id" } else { "" }
                        ),
                    );
                    return failed(err, String::new(), Tally::default());
                }
            }
        }
        _ => None,
    };
    let ous = match ous {
        Some(Ok(ous)) => ous,
        Some(Err(err)) => return failed(err, String::new(), Tally::default()),
        None => Vec::new(),
    };
    let account = Account { id: id.clone(), name: name.clone(), ous };
    let child = Arc::new(ctx.for_account(account, credentials));
    let (result, output) = crate::app::stdout::held(run(child.clone())).await;
    let tally = *child.tally.lock().expect("tally lock");
    let controls = child.controls.lock().expect("controls lock").clone();
    let document = |output: &str| match ctx.json() {
        true => serde_json::from_str(output).unwrap_or_default(),
        false => serde_json::Value::Null,
    };
    // `status` found errors, `apply --check` found drift: results like any other.
    let exit = match &result {
        Ok(()) => None,
        Err(err) if matches!(error::exit_code(err), error::Exit::Findings | error::Exit::Drift) => {
            Some(error::exit_code(err))
        }
        Err(_) => return Outcome { result: document(&output), ..failed(result.unwrap_err(), output, tally) },
    };
    Outcome { account: id, name, result: document(&output), tally, controls, error: None, exit, output }
}

fn progress_bar(ctx: &Ctx, accounts: usize) -> Option<indicatif::ProgressBar> {
    if accounts < 2 || ctx.json() || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return None;
    }
    let bar = indicatif::ProgressBar::new(accounts as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} accounts").expect("a valid template"),
    );
    Some(bar)
}

/// One row per account: stages checked, stages changed, errors, warnings, and how it ended.
fn table(outcomes: &[Outcome]) -> String {
    let mut out = format!(
        "\n{:<14} {:<20} {:>6} {:>7} {:>6} {:>8}  result\n",
        "account", "name", "stages", "changed", "errors", "warnings"
    );
    for o in outcomes {
        let name: String = o.name.as_deref().unwrap_or("-").chars().take(20).collect();
        let result = match (&o.error, o.exit) {
            (Some(_), _) => "failed",
            (None, Some(error::Exit::Findings)) => "errors found",
            (None, Some(error::Exit::Drift)) => "changes pending",
            _ => "ok",
        };
        let t = &o.tally;
        out.push_str(&format!(
            "{:<14} {:<20} {:>6} {:>7} {:>6} {:>8}  {result}\n",
            o.account, name, t.stages, t.changed, t.errors, t.warnings
        ));
    }
    // What a security team asks for: per account, each control's passes and failures.
    let mut controls: Vec<&'static str> = Vec::new();
    for control in outcomes.iter().flat_map(|o| o.controls.iter().map(|c| c.control)) {
        if !controls.contains(&control) {
            controls.push(control);
        }
    }
    if !controls.is_empty() {
        out.push_str(&format!("\nSecurity Hub controls, passed/failed:\n{:<14}", "account"));
        for control in &controls {
            out.push_str(&format!(" {control:>14}"));
        }
        out.push('\n');
        for o in outcomes.iter().filter(|o| !o.controls.is_empty()) {
            out.push_str(&format!("{:<14}", o.account));
            for control in &controls {
                let cell = match o.controls.iter().find(|c| c.control == *control) {
                    Some(c) => format!("{}/{}", c.passed, c.failed),
                    None => "-".into(),
                };
                out.push_str(&format!(" {cell:>14}"));
            }
            out.push('\n');
        }
    }
    out
}

/// Exit status of the whole run: the accounts' own usage error when every account refused the
/// input (nothing was changed anywhere); when any account failed, 1 (for `status`, 5); otherwise
/// 5 when `status` found errors in any account, 4 when `apply --check` found drift in any.
fn verdict(command: &str, outcomes: &[Outcome]) -> anyhow::Result<()> {
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| o.error.is_some()).collect();
    let total = outcomes.len();
    if let Some(first) = failed.first() {
        let first_error = first.error.clone().unwrap_or_default();
        if failed.len() == total && failed.iter().all(|o| o.exit == Some(error::Exit::Usage)) {
            return Err(error::usage(first_error));
        }
        let summary =
            format!("{} of {total} accounts failed (first: {}: {first_error})", failed.len(), first.account);
        return Err(if command == "status" { error::findings(summary) } else { anyhow::anyhow!(summary) });
    }
    let with = |exit| outcomes.iter().filter(|o| o.exit == Some(exit)).count();
    match (with(error::Exit::Findings), with(error::Exit::Drift)) {
        (0, 0) => Ok(()),
        (0, drifted) => Err(error::drift(format!("changes pending in {drifted} of {total} accounts"))),
        (with_errors, _) => Err(error::findings(format!("errors in {with_errors} of {total} accounts"))),
    }
}
