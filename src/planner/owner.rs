//! Who owns the target stages: Terraform (from `--terraform-state`), or a CloudFormation stack
//! (the stage's tags, the API's, then DescribeStackResources by the API's id: at most one call per
//! API), with the stack's original template read once per stack.

use crate::api::Api;
use crate::aws::{Clients, cloudformation};
use crate::context::Ctx;
use crate::logging::StageLogging;
use crate::owner::{self, Owner};
use std::collections::HashMap;

pub async fn owners(ctx: &Ctx, clients: &Clients, targets: &[(Api, StageLogging)]) -> Vec<Option<Owner>> {
    let mut stacks_of_apis: HashMap<String, Option<(String, Option<String>)>> = HashMap::new();
    let mut templates: HashMap<String, Option<String>> = HashMap::new();
    let mut warned = false;
    let mut warn = |err: anyhow::Error| {
        if !std::mem::replace(&mut warned, true) {
            ctx.warn(format_args!(
                "cannot read CloudFormation in {} ({err:#}); grant cloudformation:DescribeStackResources and cloudformation:GetTemplate to see which stacks own stages",
                clients.region
            ));
        }
    };
    let mut found = Vec::new();
    for (api, stage) in targets {
        if let Some(owner) =
            ctx.terraform.as_ref().and_then(|s| s.stages.get(&(api.id.clone(), stage.stage_name.clone())))
        {
            found.push(Some(owner.clone()));
            continue;
        }
        let stack = match owner::stack_of(&stage.tags, &api.tags) {
            Some(stack) => Some(stack),
            None => match stacks_of_apis.get(&api.id) {
                Some(known) => known.clone(),
                None => {
                    let looked = cloudformation::stack_of(&clients.cfn, &api.id).await.unwrap_or_else(|e| {
                        warn(e);
                        None
                    });
                    stacks_of_apis.insert(api.id.clone(), looked.clone());
                    looked
                }
            },
        };
        let Some((stack, logical_id)) = stack else {
            found.push(None);
            continue;
        };
        if !templates.contains_key(&stack) {
            let template =
                cloudformation::original_template(&clients.cfn, &stack).await.unwrap_or_else(|e| {
                    warn(e);
                    None
                });
            templates.insert(stack.clone(), template);
        }
        found.push(Some(owner::cloudformation_owner(
            stack.clone(),
            logical_id,
            templates[&stack].as_deref(),
        )));
    }
    found
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
