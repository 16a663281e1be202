//! CloudFormation: which stack owns an API, and its original template (read only).

use super::{Call, call_failed};
use aws_sdk_cloudformation::error::ProvideErrorMetadata;
use aws_sdk_cloudformation::types::TemplateStage;

const DESCRIBE: Call = Call {
    name: "cloudformation:DescribeStackResources",
    permission: "cloudformation:DescribeStackResources",
};
const TEMPLATE: Call = Call { name: "cloudformation:GetTemplate", permission: "cloudformation:GetTemplate" };

/// A stack's name, and the resource's logical id in it when known.
pub type Stack = (String, Option<String>);

/// The stack (and logical id) of the resource with this physical id (an API's id), or `None` when
/// no stack has it ("Stack for … does not exist" is a ValidationError).
pub async fn stack_of(
    client: &aws_sdk_cloudformation::Client,
    physical_id: &str,
) -> anyhow::Result<Option<Stack>> {
    match client.describe_stack_resources().physical_resource_id(physical_id).send().await {
        Ok(out) => Ok(out.stack_resources().iter().find_map(|r| {
            (r.physical_resource_id() == Some(physical_id))
                .then(|| {
                    (
                        r.stack_name().unwrap_or_default().to_string(),
                        r.logical_resource_id().map(String::from),
                    )
                })
                .filter(|(stack, _)| !stack.is_empty())
        })),
        Err(e) if e.code() == Some("ValidationError") => Ok(None),
        Err(e) => Err(call_failed(DESCRIBE, &format!("stack resources of {physical_id}"), e)),
    }
}

/// The stack's template as it was submitted (before transforms: SAM's stays visible).
pub async fn original_template(
    client: &aws_sdk_cloudformation::Client,
    stack: &str,
) -> anyhow::Result<Option<String>> {
    match client.get_template().stack_name(stack).template_stage(TemplateStage::Original).send().await {
        Ok(out) => Ok(out.template_body().map(String::from)),
        Err(e) if e.code() == Some("ValidationError") => Ok(None),
        Err(e) => Err(call_failed(TEMPLATE, &format!("stack {stack}"), e)),
    }
}
