//! Shows a plan, confirms it, applies it step by step, and reports the outcome — the one code path
//! every mutating command (and later the wizard) goes through.

use crate::aws::{Clients, apigw, iam, logs};
use crate::context::{Ctx, GREEN};
use crate::plan::{Action, Plan};
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
}

/// Prints the plan, stops on `--dry-run`, confirms, applies and reports.
pub async fn execute(ctx: &Ctx, clients: &Clients, plan: &Plan, target: Target<'_>) -> anyhow::Result<()> {
    let mut report = Report {
        command: target.command,
        region: target.region,
        dry_run: ctx.dry_run(),
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
    if ctx.dry_run() {
        if ctx.json() {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            println!("Dry run: no changes made.");
        }
        return Ok(());
    }
    ctx.confirm(&plan.confirmations())?;

    let total = plan.steps.len();
    for (index, step) in plan.steps.iter().enumerate() {
        let number = index + 1;
        ctx.progress(format_args!("[{number}/{total}] {} {}", step.action.call(), step.resource));
        if let Err(err) = apply_step(ctx, clients, &step.action, target.wait).await {
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
                "step {number} of {total} failed; {applied}; not applied: {}. Rerunning the command resumes from the current state",
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
    report.changed = true;
    if ctx.json() {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        anstream::println!("{GREEN}Applied {total} change(s){GREEN:#} to {}.", target.subject);
        if let Some(summary) = &target.summary {
            println!("{summary}");
        }
    }
    Ok(())
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
        Action::CreateLogGroup { log_group_name } => {
            logs::create_log_group(&clients.logs, log_group_name).await
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
