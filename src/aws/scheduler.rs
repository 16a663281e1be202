//! EventBridge Scheduler: the one-time schedules that revert debug sessions.

use super::{Call, call_failed};
use aws_sdk_scheduler::error::ProvideErrorMetadata;
use aws_sdk_scheduler::types::{ActionAfterCompletion, FlexibleTimeWindow, FlexibleTimeWindowMode, Target};

const CREATE_GROUP: Call =
    Call { name: "scheduler:CreateScheduleGroup", permission: "scheduler:CreateScheduleGroup" };
const GET_GROUP: Call = Call { name: "scheduler:GetScheduleGroup", permission: "scheduler:GetScheduleGroup" };
const CREATE: Call = Call { name: "scheduler:CreateSchedule", permission: "scheduler:CreateSchedule" };
const GET: Call = Call { name: "scheduler:GetSchedule", permission: "scheduler:GetSchedule" };
const LIST: Call = Call { name: "scheduler:ListSchedules", permission: "scheduler:ListSchedules" };
const DELETE: Call = Call { name: "scheduler:DeleteSchedule", permission: "scheduler:DeleteSchedule" };

/// A schedule as GetSchedule returns it (what a debug session needs of it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub name: String,
    pub description: String,
    pub expression: String,
    pub target_arn: String,
    pub role_arn: String,
    pub input: String,
}

/// Creates the group; one that exists already counts as success.
pub async fn create_group(client: &aws_sdk_scheduler::Client, name: &str) -> anyhow::Result<()> {
    match client.create_schedule_group().name(name).send().await {
        Ok(_) => Ok(()),
        Err(e) if e.code() == Some("ConflictException") => Ok(()),
        Err(e) => Err(call_failed(CREATE_GROUP, &format!("schedule group {name}"), e)),
    }
}

/// Whether the group exists (ListSchedules of a missing group fails).
pub async fn group_exists(client: &aws_sdk_scheduler::Client, name: &str) -> anyhow::Result<bool> {
    match client.get_schedule_group().name(name).send().await {
        Ok(_) => Ok(true),
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(false),
        Err(e) => Err(call_failed(GET_GROUP, &format!("schedule group {name}"), e)),
    }
}

#[allow(clippy::too_many_arguments)]
pub async fn create(
    client: &aws_sdk_scheduler::Client,
    group: &str,
    name: &str,
    description: &str,
    expression: &str,
    timezone: &str,
    target_arn: &str,
    role_arn: &str,
    input: &str,
) -> anyhow::Result<()> {
    let target = Target::builder()
        .arn(target_arn)
        .role_arn(role_arn)
        .input(input)
        .build()
        .map_err(|e| anyhow::anyhow!("schedule target: {e}"))?;
    let window = FlexibleTimeWindow::builder()
        .mode(FlexibleTimeWindowMode::Off)
        .build()
        .map_err(|e| anyhow::anyhow!("schedule window: {e}"))?;
    // A role IAM has only just created may not be assumable yet; Scheduler then refuses it
    // ("The execution role you provide must allow AWS EventBridge Scheduler to assume the role").
    let mut attempts = 0;
    loop {
        let sent = client
            .create_schedule()
            .group_name(group)
            .name(name)
            .description(description)
            .schedule_expression(expression)
            .schedule_expression_timezone(timezone)
            .flexible_time_window(window.clone())
            .action_after_completion(ActionAfterCompletion::Delete)
            .target(target.clone())
            .send()
            .await;
        match sent {
            Ok(_) => return Ok(()),
            Err(e)
                if attempts < ROLE_PROPAGATION_ATTEMPTS
                    && e.code() == Some("ValidationException")
                    && e.message().is_some_and(|m| m.contains("assume the role")) =>
            {
                attempts += 1;
                tracing::info!("Scheduler cannot assume the new role yet; trying again in 5 s");
                tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            }
            Err(e) => return Err(call_failed(CREATE, &format!("schedule {group}/{name}"), e)),
        }
    }
}

/// About a minute: how long IAM usually takes to make a new role usable by another service.
const ROLE_PROPAGATION_ATTEMPTS: u32 = 12;

/// The schedule, or `None` when there is none of that name (or no such group).
pub async fn get(
    client: &aws_sdk_scheduler::Client,
    group: &str,
    name: &str,
) -> anyhow::Result<Option<Schedule>> {
    match client.get_schedule().group_name(group).name(name).send().await {
        Ok(out) if out.group_name().is_some_and(|g| g != group) => Ok(None),
        Ok(out) => {
            let target = out.target();
            Ok(Some(Schedule {
                name: name.to_string(),
                description: out.description().unwrap_or_default().to_string(),
                expression: out.schedule_expression().unwrap_or_default().to_string(),
                target_arn: target.map(|t| t.arn().to_string()).unwrap_or_default(),
                role_arn: target.map(|t| t.role_arn().to_string()).unwrap_or_default(),
                input: target.and_then(|t| t.input()).unwrap_or_default().to_string(),
            }))
        }
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(None),
        Err(e) => Err(call_failed(GET, &format!("schedule {group}/{name}"), e)),
    }
}

/// The names of the group's schedules; none when the group does not exist.
pub async fn names(client: &aws_sdk_scheduler::Client, group: &str) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    let mut pages = client.list_schedules().group_name(group).into_paginator().send();
    while let Some(page) = pages.next().await {
        match page {
            // Only the group's own (an endpoint that ignores the filter must not mix others in).
            Ok(page) => names.extend(
                page.schedules()
                    .iter()
                    .filter(|s| s.group_name().is_none_or(|g| g == group))
                    .filter_map(|s| s.name().map(String::from)),
            ),
            Err(e) if e.code() == Some("ResourceNotFoundException") => return Ok(Vec::new()),
            Err(e) => return Err(call_failed(LIST, &format!("schedule group {group}"), e)),
        }
    }
    Ok(names)
}

/// Deletes the schedule; one already gone (it ran, or someone deleted it) counts as success.
pub async fn delete(client: &aws_sdk_scheduler::Client, group: &str, name: &str) -> anyhow::Result<()> {
    match client.delete_schedule().group_name(group).name(name).send().await {
        Ok(_) => Ok(()),
        Err(e) if e.code() == Some("ResourceNotFoundException") => Ok(()),
        Err(e) => Err(call_failed(DELETE, &format!("schedule {group}/{name}"), e)),
    }
}
