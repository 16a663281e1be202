//! Who owns the target stages: Terraform (from `--terraform-state`), or a CloudFormation stack,
//! with the stack's original template read once per stack.
//!
//! CloudFormation tags what it creates (`aws:cloudformation:stack-name`, `logical-id`), and the
//! listings the tool reads anyway return those tags (GetRestApis, GetApis, GetStages), so a
//! stack is found without a call of its own. REST APIs and stages made by stacks (SAM's too)
//! carry them (public GetRestApis and GetStages outputs); v2 APIs may not: CloudFormation refuses
//! `Tags` beside an OpenAPI `Body`, the way SAM defines HTTP APIs, and such APIs are reported
//! untagged (aws/serverless-application-model#1838). So an untagged HTTP or WebSocket API still
//! costs one DescribeStackResources, and an untagged REST API none. Unconfirmed: whether REST
//! APIs created by stacks before tags were propagated (around 2019) lack them; such a stage is
//! then not recognised as a stack's.

use crate::api::Api;
use crate::app::context::Ctx;
use crate::aws::Clients;
use crate::aws::cloudformation::{self, Stack};
use crate::logging::StageLogging;
use crate::owner::{self, Owner};
use std::collections::HashMap;

fn terraform_of(ctx: &Ctx, api: &Api, stage: &StageLogging) -> Option<Owner> {
    ctx.terraform.as_ref().and_then(|s| s.stages.get(&(api.id.clone(), stage.stage_name.clone()))).cloned()
}

/// Whether the owner of this stage takes a DescribeStackResources: an HTTP or WebSocket stage that
/// neither `--terraform-state` nor a stack tag names (see the module's documentation).
pub fn needs_stack_lookup(ctx: &Ctx, api: &Api, stage: &StageLogging) -> bool {
    api.kind != crate::api::ApiKind::Rest
        && terraform_of(ctx, api, stage).is_none()
        && owner::stack_of(&stage.tags, &api.tags).is_none()
}

pub async fn owners(ctx: &Ctx, clients: &Clients, targets: &[(Api, StageLogging)]) -> Vec<Option<Owner>> {
    use futures::StreamExt as _;
    let concurrency = usize::from(ctx.global.concurrency);
    // APIs whose stages no tag names a stack for: one DescribeStackResources each, concurrently
    // (or started already, while their stages were read).
    let mut untagged: Vec<&str> = targets
        .iter()
        .filter(|(api, stage)| needs_stack_lookup(ctx, api, stage))
        .map(|(api, _)| api.id.as_str())
        .collect();
    untagged.sort_unstable();
    untagged.dedup();
    let looked: Vec<anyhow::Result<Option<Stack>>> =
        futures::stream::iter(&untagged).map(|id| clients.stack_of(id)).buffered(concurrency).collect().await;
    let mut failure = None;
    let mut stack_of_api: HashMap<&str, Stack> = HashMap::new();
    for (id, result) in untagged.iter().zip(looked) {
        match result {
            Ok(Some(stack)) => {
                stack_of_api.insert(id, stack);
            }
            Ok(None) => {}
            Err(err) => failure = failure.or(Some(err)),
        }
    }
    let stacks: Vec<Option<Stack>> = targets
        .iter()
        .map(|(api, stage)| {
            owner::stack_of(&stage.tags, &api.tags).or_else(|| stack_of_api.get(api.id.as_str()).cloned())
        })
        .collect();
    // Each stack's template once, concurrently.
    let mut names: Vec<String> = stacks.iter().flatten().map(|(stack, _)| stack.clone()).collect();
    names.sort_unstable();
    names.dedup();
    let read: Vec<anyhow::Result<Option<String>>> = futures::stream::iter(&names)
        .map(|stack| cloudformation::original_template(&clients.cfn, stack))
        .buffered(concurrency)
        .collect()
        .await;
    let mut templates: HashMap<String, String> = HashMap::new();
    for (stack, result) in names.into_iter().zip(read) {
        match result {
            Ok(Some(template)) => {
                templates.insert(stack, template);
            }
            Ok(None) => {}
            Err(err) => failure = failure.or(Some(err)),
        }
    }
    if let Some(err) = failure {
        let fix = match crate::aws::error_code(&err) {
            Some("AccessDenied" | "AccessDeniedException") => {
                "grant cloudformation:DescribeStackResources and cloudformation:GetTemplate to see which stacks own stages"
            }
            _ => "stages defined by stacks are not recognised in this run",
        };
        ctx.warn(format_args!("cannot read CloudFormation in {} ({err:#}); {fix}", clients.region));
    }
    targets
        .iter()
        .zip(stacks)
        .map(|((api, stage), stack)| {
            terraform_of(ctx, api, stage).or_else(|| {
                let (stack, logical_id) = stack?;
                let template = templates.get(stack.as_str()).map(String::as_str);
                Some(owner::cloudformation_owner(stack, logical_id, template))
            })
        })
        .collect()
}

/// Says, per owned stage, what its owner's next deploy does to the change; the JSON entries.
pub fn warn_verdicts(
    ctx: &Ctx,
    targets: &[(Api, StageLogging)],
    afters: &[StageLogging],
    owners: &[Option<Owner>],
) -> serde_json::Value {
    let mut listed = Vec::new();
    for (((api, before), after), owner) in targets.iter().zip(afters).zip(owners) {
        let Some(owner) = owner else { continue };
        let verdicts = owner::verdicts(owner, before, after);
        for verdict in &verdicts {
            ctx.warn(format_args!("{} ({}): {verdict}", super::target_label(api, before), owner.label()));
        }
        listed.push(serde_json::json!({ "api": api, "stage": before.stage_name, "owner": owner, "verdicts": verdicts }));
    }
    serde_json::Value::Array(listed)
}
