//! Shows a plan, confirms it, applies it step by step, and reports the outcome — the one code path
//! every mutating command (and later the wizard) goes through.

use crate::aws::{Clients, apigw, iam, logs};
use crate::context::{Ctx, GREEN};
use crate::plan::{Action, Plan};
use crate::{error, interrupt};
use serde::Serialize;
use serde_json::Value;
use std::time::Duration;

/// The stable JSON document mutating commands print with `--output json`.
#[derive(Serialize)]
pub struct Report<'a> {
    pub command: &'a str,
    pub region: &'a str,
    pub dry_run: bool,
    /// Whether this run changed anything.
    pub changed: bool,
    /// Whether the plan has steps (what a run without --dry-run would change).
    pub would_change: bool,
    pub plan: &'a Plan,
    /// 1-based numbers of the steps that were applied.
    pub applied: Vec<usize>,
    pub result: Value,
    /// Why the run stopped, when a step failed (the exit code is then 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

pub struct Target<'a> {
    pub command: &'a str,
    pub region: &'a str,
    /// One line naming what the command acts on, e.g. `API orders (a1b2c3), stage prod`.
    pub subject: String,
    /// Command-specific result fields for JSON.
    pub result: Value,
    /// Extra line printed on stdout in text mode after a successful run, e.g. the role ARN.
    pub summary: Option<String>,
    /// How long to keep retrying IAM propagation errors on UpdateAccount.
    pub wait: Duration,
    /// Print the plan like `--dry-run`, then fail with exit 4 when it has steps (`apply --check`).
    pub check_only: bool,
    /// Why the whole plan needs confirmation (`status --fix`), besides its steps' own reasons.
    pub confirm: Option<String>,
}

/// Prints the plan, stops on `--dry-run`, confirms, applies and reports.
pub async fn execute(ctx: &Ctx, clients: &Clients, plan: &Plan, target: Target<'_>) -> anyhow::Result<()> {
    let mut report = Report {
        command: target.command,
        region: target.region,
        dry_run: ctx.dry_run() || target.check_only,
        changed: false,
        would_change: !plan.is_empty(),
        plan,
        applied: Vec::new(),
        result: target.result.clone(),
        error: None,
    };
    if plan.is_empty() {
        if ctx.json() {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            anstream::println!("Nothing to change: {} is already as requested.", target.subject);
            if let Some(summary) = &target.summary {
                println!("{summary}");
            }
        }
        return Ok(());
    }
    if !ctx.json() {
        anstream::println!("Plan for {} ({}):", target.subject, target.region);
        print!("{}", plan.render());
    }
    if report.dry_run {
        if ctx.json() {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            println!("Dry run: no changes made.");
        }
        if target.check_only {
            return Err(error::drift(format!(
                "{} change(s) pending for {}",
                plan.steps.len(),
                target.subject
            )));
        }
        return Ok(());
    }
    let mut reasons = plan.confirmations();
    reasons.extend(target.confirm.as_deref());
    ctx.confirm(&reasons)?;

    interrupt::set_applying(true);
    let outcome = apply_steps(ctx, clients, plan, &target, &mut report).await;
    interrupt::set_applying(false);
    outcome?;
    report.changed = true;
    if ctx.json() {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        anstream::println!("{GREEN}Applied {} change(s){GREEN:#} to {}.", plan.steps.len(), target.subject);
        if let Some(summary) = &target.summary {
            println!("{summary}");
        }
    }
    Ok(())
}

/// Applies the steps in order. Stops early on a failure, an interrupt or the `--timeout`
/// deadline, and then reports (in JSON too) which steps were and were not applied.
async fn apply_steps(
    ctx: &Ctx,
    clients: &Clients,
    plan: &Plan,
    target: &Target<'_>,
    report: &mut Report<'_>,
) -> anyhow::Result<()> {
    let total = plan.steps.len();
    for (index, step) in plan.steps.iter().enumerate() {
        let number = index + 1;
        let completes_previous = index > 0 && completes(&plan.steps[index - 1].action, &step.action);
        let stopped = if interrupt::stop_requested() && !completes_previous {
            Some(error::cancelled().context("interrupted"))
        } else {
            ctx.progress(format_args!("[{number}/{total}] {} {}", step.action.call(), step.resource));
            match tokio::time::timeout_at(ctx.deadline, apply_step(ctx, clients, &step.action, target.wait))
                .await
            {
                Ok(Ok(())) => None,
                Ok(Err(err)) => Some(err),
                Err(_) => Some(anyhow::anyhow!(
                    "{} did not finish within --timeout {}s (it may or may not have taken effect)",
                    step.action.call(),
                    ctx.global.timeout
                )),
            }
        };
        if let Some(err) = stopped {
            let not_applied: Vec<String> = plan.steps[index..]
                .iter()
                .zip(number..)
                .map(|(s, n)| format!("{n} ({})", s.action.call()))
                .collect();
            let applied = if report.applied.is_empty() {
                "no step was applied".to_string()
            } else {
                format!("applied steps {:?}", report.applied)
            };
            let err = err.context(format!(
                "stopped at step {number} of {total}; {applied}; not applied: {}. Rerunning the command resumes from the current state",
                not_applied.join(", ")
            ));
            if ctx.json() {
                // Scripts still get the outcome: which steps were applied, and why it stopped.
                report.changed = !report.applied.is_empty();
                report.error = Some(format!("{err:#}"));
                println!("{}", serde_json::to_string_pretty(&report)?);
            }
            return Err(err);
        }
        report.applied.push(number);
    }
    Ok(())
}

/// Pairs an interrupt must not split: a new log group without its retention would never expire
/// (a rerun does not touch an existing group's retention), a new role without its policy is useless.
fn completes(previous: &Action, next: &Action) -> bool {
    match (previous, next) {
        (
            Action::CreateLogGroup { log_group_name: a, .. },
            Action::PutRetentionPolicy { log_group_name: b, .. },
        ) => a == b,
        (Action::CreateRole { role_name: a, .. }, Action::AttachRolePolicy { role_name: b, .. }) => a == b,
        _ => false,
    }
}

async fn apply_step(ctx: &Ctx, clients: &Clients, action: &Action, wait: Duration) -> anyhow::Result<()> {
    match action {
        Action::CreateRole { role_name, assume_role_policy_document } => {
            iam::create_role(&clients.iam, role_name, assume_role_policy_document).await.map(drop)
        }
        Action::AttachRolePolicy { role_name, policy_arn } => {
            iam::attach_policy(&clients.iam, role_name, policy_arn).await
        }
        Action::UpdateAccount { cloudwatch_role_arn } => {
            let mut notify = |notice: &apigw::RetryNotice| {
                ctx.progress(format_args!(
                    "      waiting for IAM to propagate the role ({}s elapsed, retry {} in {}s): {}",
                    notice.elapsed.as_secs(),
                    notice.attempt + 1,
                    notice.next_delay.as_secs(),
                    notice.reason
                ))
            };
            apigw::set_account_role(&clients.apigw, cloudwatch_role_arn.as_deref(), wait, &mut notify).await
        }
        Action::CreateLogGroup { log_group_name, kms_key_id, tags } => {
            logs::create_log_group(&clients.logs, log_group_name, kms_key_id.as_deref(), tags).await
        }
        Action::PutRetentionPolicy { log_group_name, retention_in_days } => {
            logs::put_retention(&clients.logs, log_group_name, *retention_in_days).await
        }
        Action::DeleteLogGroup { log_group_name } => {
            logs::delete_log_group(&clients.logs, log_group_name).await
        }
        Action::UpdateStage { rest_api_id, stage_name, patch_operations } => {
            apigw::update_stage(&clients.apigw, rest_api_id, stage_name, patch_operations).await
        }
    }
}
