//! Shows a plan, confirms it, applies it step by step, and reports the outcome — the one code path
//! every mutating command (and the wizard) goes through, whoever built the plan.

use crate::api::Api;
use crate::app::context::{Ctx, GREEN};
use crate::app::interrupt;
use crate::aws::{Clients, apigw, apigw2, iam, logs, scheduler};
use crate::error;
use crate::logging::StageLogging;
use crate::plan::{Action, Plan, Step};
use futures::StreamExt as _;
use serde::Serialize;
use serde_json::{Value, json};
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
    /// Per target, for plans over several independent targets (stages).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<UnitReport>,
    /// Monthly logging cost per stage, before → after, with its basis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<crate::cost::CostReport>,
}

/// The outcome of one independent target.
#[derive(Serialize)]
pub struct UnitReport {
    pub target: String,
    /// Its steps' numbers in the plan.
    pub steps: Vec<usize>,
    pub applied: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Steps of the plan that belong to one target and can be applied independently of the others
/// (concurrently, and a failure stops only them). Steps before the first unit are shared (the
/// account role); a target's log group steps run alongside them, its other steps only once they
/// have succeeded — if they fail, nothing else is applied.
#[derive(Clone, Debug)]
pub struct Unit {
    pub label: String,
    pub steps: std::ops::Range<usize>,
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
    /// A question asked before applying even when no step needs confirmation (the wizard's).
    pub question: Option<String>,
    /// Independent targets, in plan order; empty: the plan is applied as one sequence.
    pub units: Vec<Unit>,
    /// What the stages' logging costs a month now and once the plan is applied.
    pub cost: Option<crate::cost::CostReport>,
    /// The same, still to be read (see [`run`]).
    pub estimate: Option<futures::future::BoxFuture<'a, crate::cost::CostReport>>,
    /// Read while the plan is applied and reported after it (a debug session's summary of its
    /// own window): it never holds up a write.
    pub appendix: Option<futures::future::BoxFuture<'a, Option<Appendix>>>,
}

/// A result read beside the writes: its JSON goes into the result under `key`, its text after
/// the summary line.
pub struct Appendix {
    pub key: &'static str,
    pub json: Value,
    pub text: String,
}

impl<'a> Target<'a> {
    /// A target applied as one sequence, with no propagation wait, extra confirmation or summary.
    pub fn new(command: &'a str, region: &'a str, subject: impl Into<String>, result: Value) -> Target<'a> {
        Target {
            command,
            region,
            subject: subject.into(),
            result,
            summary: None,
            wait: Duration::ZERO,
            check_only: false,
            confirm: None,
            question: None,
            units: Vec::new(),
            cost: None,
            estimate: None,
            appendix: None,
        }
    }

    /// The target of a command over stages: names the one stage, or counts them; the JSON result
    /// lists them.
    pub fn stages(command: &'a str, region: &'a str, targets: &[(Api, StageLogging)]) -> Target<'a> {
        let subject = match targets {
            [(api, stage)] => format!("API {} ({}), stage {}", api.shown_name(), api.id, stage.stage_name),
            _ => format!("{} stage(s)", targets.len()),
        };
        let listed: Vec<_> =
            targets.iter().map(|(api, stage)| json!({ "api": api, "stage": stage.stage_name })).collect();
        Target::new(command, region, subject, json!({ "stages": listed }))
    }
}

/// Prints the plan, stops on `--dry-run`, confirms, applies and reports. A cost still to be read
/// (`target.estimate`) is read before the plan is shown when someone looks at the plan before
/// anything is written (a dry run, a confirmation); otherwise it is read while the plan is
/// applied, so that advice never holds up the first write, and printed once it is known.
pub async fn run(ctx: &Ctx, clients: &Clients, plan: &Plan, mut target: Target<'_>) -> anyhow::Result<()> {
    // A plan that changes nothing is not priced (its estimate is never started).
    let mut estimate = target.estimate.take().filter(|_| !plan.is_empty());
    let mut reasons = plan.confirmations();
    reasons.extend(target.confirm.as_deref());
    let asks = !(ctx.global.yes || reasons.is_empty() && target.question.is_none());
    if (ctx.dry_run() || target.check_only || asks)
        && let Some(estimate) = estimate.take()
    {
        target.cost = Some(estimate.await);
    }
    let stages = target.result["stages"].as_array().map_or(0, Vec::len);
    ctx.count(|tally| tally.stages += stages);
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
        targets: target
            .units
            .iter()
            .map(|unit| UnitReport {
                target: unit.label.clone(),
                steps: unit.steps.clone().map(|i| i + 1).collect(),
                applied: Vec::new(),
                error: None,
            })
            .collect(),
        cost: target.cost.clone(),
    };
    if plan.is_empty() {
        if ctx.json() {
            ctx.print_json(&report)?;
        } else {
            println!("Nothing to change: {} is already as requested.", target.subject);
            if let Some(summary) = &target.summary {
                println!("{summary}");
            }
        }
        return Ok(());
    }
    if !ctx.json() {
        println!("Plan for {} ({}):", target.subject, target.region);
        print!("{}", plan.render());
        if let Some(cost) = &target.cost {
            print!("{}", cost.render(false));
        }
    }
    if report.dry_run {
        if ctx.json() {
            ctx.print_json(&report)?;
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
    ctx.confirm(&reasons, target.question.as_deref())?;
    ctx.restart_deadline();

    interrupt::set_applying(true);
    let appendix = target.appendix.take();
    let (outcome, cost, appendix) = tokio::join!(
        apply_plan(ctx, clients, plan, &target, &mut report),
        async {
            match estimate {
                Some(estimate) => Some(estimate.await),
                None => None,
            }
        },
        async {
            match appendix {
                Some(appendix) => appendix.await,
                None => None,
            }
        }
    );
    if let Some(cost) = cost {
        if !ctx.json() {
            print!("{}", cost.render(false));
        }
        report.cost = Some(cost);
    }
    if let Some(appendix) = &appendix {
        report.result[appendix.key] = appendix.json.clone();
    }
    interrupt::set_applying(false);
    let changed = match report.targets.as_slice() {
        [] => usize::from(!report.applied.is_empty()),
        units => units.iter().filter(|u| !u.applied.is_empty()).count(),
    };
    ctx.count(|tally| tally.changed += changed);
    let throttled = ctx.pacer.throttled();
    if throttled > 0 {
        tracing::info!(
            "AWS throttled {throttled} call(s); each slowed its quota bucket down and was sent again"
        );
    }
    if let Err(err) = outcome {
        if ctx.json() {
            // Scripts still get the outcome: which steps were applied, and why it stopped.
            report.changed = !report.applied.is_empty();
            report.error = Some(format!("{err:#}"));
            ctx.print_json(&report)?;
        }
        return Err(err);
    }
    report.changed = true;
    if ctx.json() {
        ctx.print_json(&report)?;
    } else {
        println!("{GREEN}Applied {} change(s){GREEN:#} to {}.", plan.steps.len(), target.subject);
        if let Some(summary) = &target.summary {
            println!("{summary}");
        }
        if let Some(appendix) = &appendix {
            print!("{}", appendix.text);
        }
    }
    Ok(())
}

/// Applies the shared steps, then the units concurrently (`--concurrency`). Reports, in JSON too,
/// which steps were applied and, per target, why one stopped.
async fn apply_plan(
    ctx: &Ctx,
    clients: &Clients,
    plan: &Plan,
    target: &Target<'_>,
    report: &mut Report<'_>,
) -> anyhow::Result<()> {
    let total = plan.steps.len();
    let numbered = |range: std::ops::Range<usize>| -> Vec<(usize, &Step)> {
        range.map(|i| (i + 1, &plan.steps[i])).collect()
    };
    let shared_end = target.units.first().map_or(total, |u| u.steps.start);
    let shared = numbered(0..shared_end);
    // Open (`Some(true)`) once the shared steps succeeded, closed (`Some(false)`) if they failed.
    let (gate, gate_open) = tokio::sync::watch::channel(shared.is_empty().then_some(true));
    let shared_run = async {
        let outcome = run_steps(ctx, clients, &shared, total, target.wait, None).await;
        gate.send_replace(Some(outcome.1.is_none()));
        outcome
    };
    let progress = Progress::new(ctx, target.units.len());
    // `--concurrency` targets work at once; one waiting for the shared steps gives its slot up,
    // so that the others' log groups go on meanwhile.
    let slots = tokio::sync::Semaphore::new(usize::from(ctx.global.concurrency));
    let units_run = futures::stream::iter(target.units.iter().enumerate())
        .map(|(index, unit)| {
            let steps = numbered(unit.steps.clone());
            let gate = Gate { open: gate_open.clone(), slots: &slots };
            let progress = &progress;
            async move {
                let outcome = run_steps(ctx, clients, &steps, total, target.wait, Some(gate)).await;
                let ending = match &outcome {
                    (_, None) => "done",
                    // A target stopped by Ctrl-C did not fail: it was cut short, or never began.
                    (applied, Some(_)) if interrupt::stop_requested() && applied.is_empty() => "not started",
                    (_, Some(_)) if interrupt::stop_requested() => "interrupted",
                    (_, Some(_)) => "failed",
                };
                progress.finished(&unit.label, ending);
                (index, steps, outcome)
            }
        })
        .buffer_unordered(target.units.len().max(1))
        .collect::<Vec<_>>();
    let ((shared_applied, shared_stopped), mut outcomes) = tokio::join!(shared_run, units_run);
    progress.done();
    outcomes.sort_by_key(|(index, ..)| *index);
    report.applied.extend(&shared_applied);

    let mut failures = Vec::new();
    for (index, steps, (applied, stopped)) in outcomes {
        report.applied.extend(&applied);
        let unit = &target.units[index];
        let error = stopped.map(|(at, err)| {
            let mut applied_so_far: Vec<usize> = shared_applied.iter().chain(&applied).copied().collect();
            applied_so_far.sort_unstable();
            // (Log groups run side by side: one may be applied after the step that stopped.)
            let rest: Vec<(usize, &Step)> =
                steps[at..].iter().filter(|(n, _)| !applied.contains(n)).copied().collect();
            stop_error(err, &rest, total, &applied_so_far, 0)
        });
        let unit_report = &mut report.targets[index];
        unit_report.applied = applied;
        unit_report.error = error.as_ref().map(|e| format!("{e:#}"));
        if let Some(error) = error {
            failures.push((unit.label.clone(), error));
        }
    }
    if let Some((at, err)) = shared_stopped {
        report.applied.sort_unstable();
        let later = (shared_end..total).len() - (report.applied.len() - shared_applied.len());
        return Err(stop_error(err, &shared[at..], total, &report.applied, later));
    }
    report.applied.sort_unstable();
    let count = failures.len();
    let mut failures = failures.into_iter();
    match failures.next() {
        None => Ok(()),
        Some((_, only)) if target.units.len() == 1 => Err(only),
        Some((label, first)) => {
            let others: Vec<String> = failures.map(|(label, e)| format!("{label}: {e:#}")).collect();
            let mut summary =
                format!("{count} of {} targets failed; the others were applied. {label}", target.units.len());
            if !others.is_empty() {
                summary = format!("{summary} (and {})", others.join("; "));
            }
            Err(first.context(summary))
        }
    }
}

/// What a target's steps wait on: the shared steps' outcome (`Some(true)` once they succeeded),
/// and a slot among the `--concurrency` targets at work.
struct Gate<'a> {
    open: tokio::sync::watch::Receiver<Option<bool>>,
    slots: &'a tokio::sync::Semaphore,
}

/// Applies `steps` in order; stops early on a failure, an interrupt or the `--timeout` deadline.
/// Returns the numbers applied, and where and why it stopped. A target's log groups come first,
/// and do not depend on each other: each group's steps (created, then its retention) run beside
/// the other groups' before the rest of the target's steps.
async fn run_steps(
    ctx: &Ctx,
    clients: &Clients,
    steps: &[(usize, &Step)],
    total: usize,
    wait: Duration,
    mut gate: Option<Gate<'_>>,
) -> (Vec<usize>, Option<(usize, anyhow::Error)>) {
    let mut slot = match &gate {
        Some(gate) => Some(gate.slots.acquire().await.expect("semaphore never closed")),
        None => None,
    };
    let groups_end = steps.iter().take_while(|(_, step)| step.action.independent_of_account()).count();
    let lanes = group_lanes(&steps[..groups_end]);
    let mut applied = Vec::new();
    if lanes.len() > 1 {
        let runs = lanes.iter().map(|lane| {
            let lane: Vec<(usize, &Step)> = lane.iter().map(|&i| steps[i]).collect();
            async move { (run_sequence(ctx, clients, &lane, total, wait, &mut None, &mut None).await, lane) }
        });
        let mut stopped: Option<(usize, anyhow::Error)> = None;
        for ((done, stop), lane) in futures::future::join_all(runs).await {
            applied.extend(done);
            if let Some((at, err)) = stop {
                // Where the target stopped: the first step not applied, in the target's order.
                let at = steps.iter().position(|(n, _)| *n == lane[at].0).expect("a step of the target");
                if stopped.as_ref().is_none_or(|(first, _)| at < *first) {
                    stopped = Some((at, err));
                }
            }
        }
        applied.sort_unstable();
        if stopped.is_some() {
            return (applied, stopped);
        }
    }
    let start = if lanes.len() > 1 { groups_end } else { 0 };
    let (done, stop) = run_sequence(ctx, clients, &steps[start..], total, wait, &mut gate, &mut slot).await;
    applied.extend(done);
    (applied, stop.map(|(at, err)| (start + at, err)))
}

/// The indexes of `steps` (log group steps) per group, in order.
fn group_lanes(steps: &[(usize, &Step)]) -> Vec<Vec<usize>> {
    let mut lanes: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, (_, step)) in steps.iter().enumerate() {
        let group = match &step.action {
            Action::CreateLogGroup { log_group_name, .. }
            | Action::PutRetentionPolicy { log_group_name, .. } => log_group_name.as_str(),
            _ => "",
        };
        match lanes.iter_mut().find(|(g, _)| *g == group) {
            Some((_, lane)) => lane.push(i),
            None => lanes.push((group, vec![i])),
        }
    }
    lanes.into_iter().map(|(_, lane)| lane).collect()
}

/// Applies `steps` one after another (see [`run_steps`]); `gate` and `slot` as there.
async fn run_sequence<'g>(
    ctx: &Ctx,
    clients: &Clients,
    steps: &[(usize, &Step)],
    total: usize,
    wait: Duration,
    gate: &mut Option<Gate<'g>>,
    slot: &mut Option<tokio::sync::SemaphorePermit<'g>>,
) -> (Vec<usize>, Option<(usize, anyhow::Error)>) {
    let mut applied = Vec::new();
    for (at, (number, step)) in steps.iter().enumerate() {
        if let Some(gate) = gate.as_mut().filter(|_| !step.action.independent_of_account()) {
            if gate.open.borrow().is_none() {
                *slot = None;
            }
            let succeeded = matches!(gate.open.wait_for(Option::is_some).await.as_deref(), Ok(Some(true)));
            if !succeeded {
                let err = anyhow::anyhow!("not applied: the account role steps before it failed");
                return (applied, Some((at, err)));
            }
            if slot.is_none() {
                *slot = Some(gate.slots.acquire().await.expect("semaphore never closed"));
            }
        }
        let completes_previous = at > 0 && completes(&steps[at - 1].1.action, &step.action);
        let stopped = if interrupt::stop_requested() && !completes_previous {
            Some(error::interrupted())
        } else if tokio::time::Instant::now() >= ctx.deadline() && !completes_previous {
            Some(anyhow::anyhow!("--timeout {}s passed before this step started", ctx.global.timeout()))
        } else {
            ctx.step(format_args!("[{number}/{total}] {} {}", step.action.call(), step.resource));
            match tokio::time::timeout_at(ctx.deadline(), apply_step(ctx, clients, &step.action, wait)).await
            {
                Ok(Ok(())) => None,
                Ok(Err(err)) => Some(err),
                Err(_) => Some(anyhow::anyhow!(
                    "{} did not finish within --timeout {}s (it may or may not have taken effect)",
                    step.action.call(),
                    ctx.global.timeout()
                )),
            }
        };
        if let Some(err) = stopped {
            return (applied, Some((at, err)));
        }
        applied.push(*number);
        interrupt::note_applied();
    }
    (applied, None)
}

/// Progress over many targets: a bar on a terminal (per-step lines would scroll by too fast),
/// otherwise one line per finished target.
struct Progress<'a> {
    ctx: &'a Ctx,
    bar: Option<indicatif::ProgressBar>,
    per_target_lines: bool,
}

impl<'a> Progress<'a> {
    /// More targets than fit in a glance get a bar.
    const BAR_FROM: usize = 6;

    fn new(ctx: &'a Ctx, targets: usize) -> Progress<'a> {
        use std::io::IsTerminal as _;
        let show_bar = targets >= Self::BAR_FROM && !ctx.json() && std::io::stderr().is_terminal();
        let bar = show_bar.then(|| {
            let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} targets  {msg}")
                .expect("valid template");
            indicatif::ProgressBar::new(targets as u64).with_style(style)
        });
        ctx.quiet_steps(bar.is_some());
        Progress { ctx, bar, per_target_lines: targets > 1 }
    }

    /// `ending`: done, failed, interrupted or not started.
    fn finished(&self, target: &str, ending: &str) {
        match &self.bar {
            Some(bar) => {
                if ending != "done" {
                    bar.println(format!("{ending}: {target}"));
                }
                bar.set_message(target.to_string());
                bar.inc(1);
            }
            None if self.per_target_lines => self.ctx.progress(format_args!("{ending}: {target}")),
            None => {}
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
            self.ctx.quiet_steps(false);
        }
    }
}

/// Says where a sequence stopped, what was applied and what was not. `later` counts the steps
/// after this sequence that were not applied either.
fn stop_error(
    err: anyhow::Error,
    rest: &[(usize, &Step)],
    total: usize,
    applied: &[usize],
    later: usize,
) -> anyhow::Error {
    let number = rest.first().map_or(0, |(n, _)| *n);
    let mut not_applied: Vec<String> =
        rest.iter().map(|(n, s)| format!("{n} ({})", s.action.call())).collect();
    if later > 0 {
        not_applied.push(format!("the {later} step(s) after them"));
    }
    let applied = if applied.is_empty() {
        "no step was applied".to_string()
    } else {
        format!("applied steps {applied:?}")
    };
    err.context(format!(
        "stopped at step {number} of {total}; {applied}; not applied: {}. Rerunning the command resumes from the current state",
        not_applied.join(", ")
    ))
}

/// Pairs an interrupt must not split: a new log group without its retention would never expire
/// (a rerun does not touch an existing group's retention), a new role without its policy is useless.
fn completes(previous: &Action, next: &Action) -> bool {
    match (previous, next) {
        (
            Action::CreateLogGroup { log_group_name: a, .. },
            Action::PutRetentionPolicy { log_group_name: b, .. },
        ) => a == b,
        (Action::CreateRole { role_name: a, .. }, Action::AttachRolePolicy { role_name: b, .. })
        | (Action::CreateRole { role_name: a, .. }, Action::PutRolePolicy { role_name: b, .. }) => a == b,
        // A session's record stream without its record would be an unreadable session.
        (
            Action::CreateLogStream { log_stream_name: a, .. },
            Action::PutLogEvents { log_stream_name: b, .. },
        ) => a == b,
        _ => false,
    }
}

/// When UpdateAccount keeps refusing a role whose trust policy has conditions, those conditions
/// are the likely cause: API Gateway may not set the keys they test (e.g. `aws:SourceAccount`).
async fn with_trust_conditions(clients: &Clients, role_arn: &str, err: anyhow::Error) -> anyhow::Error {
    let refused = err
        .downcast_ref::<crate::error::AwsCallError>()
        .is_some_and(|e| apigw::is_propagation_message(&e.detail));
    if !refused {
        return err;
    }
    let name = crate::arn::role_name(role_arn);
    let Ok(Some(role)) = iam::get_role(&clients.iam, name).await else { return err };
    let conditions = crate::trust::trust_conditions(&role.trust_policy);
    if conditions.is_empty() {
        return err;
    }
    err.context(format!(
        "the role's trust policy allows API Gateway only under conditions ({}), which API Gateway may not satisfy when it assumes this role; remove them (AWS documents the plain policy) or use a role created without --hardened-trust",
        conditions.join(", ")
    ))
}

async fn apply_step(ctx: &Ctx, clients: &Clients, action: &Action, wait: Duration) -> anyhow::Result<()> {
    match action {
        Action::CreateRole { role_name, assume_role_policy_document, description } => {
            iam::create_role(&clients.iam, role_name, assume_role_policy_document, description)
                .await
                .map(drop)
        }
        Action::PutRolePolicy { role_name, policy_name, policy_document } => {
            iam::put_role_policy(&clients.iam, role_name, policy_name, policy_document).await
        }
        Action::CreateLogStream { log_group_name, log_stream_name } => {
            logs::create_log_stream(&clients.logs, log_group_name, log_stream_name).await
        }
        Action::PutLogEvents { log_group_name, log_stream_name, message } => {
            logs::put_log_event(&clients.logs, log_group_name, log_stream_name, message).await
        }
        Action::DeleteLogStream { log_group_name, log_stream_name } => {
            logs::delete_log_stream(&clients.logs, log_group_name, log_stream_name).await
        }
        Action::CreateScheduleGroup { name } => scheduler::create_group(&clients.scheduler, name).await,
        Action::CreateSchedule {
            name,
            group_name,
            description,
            schedule_expression,
            schedule_expression_timezone,
            target_arn,
            role_arn,
            input,
            ..
        } => {
            let due = crate::session::at_time(schedule_expression);
            if let Some(why) = due.and_then(|at| crate::session::too_late(at, chrono::Utc::now())) {
                return Err(error::precondition(
                    why,
                    "start the session again (its times are set when it is planned)",
                ));
            }
            scheduler::create(
                &clients.scheduler,
                group_name,
                name,
                description,
                schedule_expression,
                schedule_expression_timezone,
                target_arn,
                role_arn,
                input,
            )
            .await
        }
        Action::DeleteSchedule { name, group_name } => {
            scheduler::delete(&clients.scheduler, group_name, name).await
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
            let every = crate::aws::pacing::update_account_interval(ctx.pacer.scale());
            let result = apigw::set_account_role(
                &clients.apigw,
                cloudwatch_role_arn.as_deref(),
                wait,
                every,
                &mut notify,
            )
            .await;
            match (result, cloudwatch_role_arn) {
                (Err(err), Some(role_arn)) => Err(with_trust_conditions(clients, role_arn, err).await),
                (result, _) => result,
            }
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
        Action::UpdateApiStage(update) => apigw2::update_stage(&clients.apigw2, update).await,
        Action::DeleteRouteSettings { api_id, stage_name, route_key } => {
            apigw2::delete_route_settings(&clients.apigw2, api_id, stage_name, route_key).await
        }
        Action::DeleteAccessLogSettings { api_id, stage_name } => {
            apigw2::delete_access_log_settings(&clients.apigw2, api_id, stage_name).await
        }
        Action::PutDeliverySource { name, resource_arn, log_type } => {
            logs::put_delivery_source(&clients.logs, name, resource_arn, log_type).await
        }
        Action::PutDeliveryDestination { name, output_format, destination_resource_arn } => {
            logs::put_delivery_destination(&clients.logs, name, output_format, destination_resource_arn).await
        }
        Action::CreateDelivery { delivery_source_name, delivery_destination_arn } => {
            logs::create_delivery(&clients.logs, delivery_source_name, delivery_destination_arn).await
        }
        Action::DeleteDelivery { id } => logs::delete_delivery(&clients.logs, id).await,
        Action::DeleteDeliveryDestination { name } => {
            logs::delete_delivery_destination(&clients.logs, name).await
        }
        Action::DeleteDeliverySource { name } => logs::delete_delivery_source(&clients.logs, name).await,
    }
}
