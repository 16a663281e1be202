//! Who owns a stage (a CloudFormation stack, and what made it; or a Terraform resource), and what
//! their next deploy does to a change made out of band. Pure: reads tags, template text and a
//! Terraform state document.

use crate::api::ApiKind;
use crate::logging::StageLogging;
use crate::settings::{ALL_METHODS_KEY, MethodSpec};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

pub const STACK_NAME_TAG: &str = "aws:cloudformation:stack-name";
pub const LOGICAL_ID_TAG: &str = "aws:cloudformation:logical-id";

/// What made a CloudFormation stack, as its template says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Generator {
    Cloudformation,
    Cdk,
    Sam,
    Serverless,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "tool", rename_all = "lowercase")]
pub enum Owner {
    Cloudformation {
        stack: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        logical_id: Option<String>,
        /// `None`: the template could not be read.
        generator: Option<Generator>,
        /// Whether the template declares method settings / access log settings at all.
        declares_method_settings: bool,
        declares_access_log: bool,
    },
    Terraform {
        /// `aws_api_gateway_stage.prod` (with its module path).
        address: String,
        declares_access_log: bool,
        /// `aws_api_gateway_method_settings` resources of the stage: method path → address.
        method_settings: BTreeMap<String, String>,
    },
}

impl Owner {
    pub fn label(&self) -> String {
        match self {
            Owner::Cloudformation { stack, generator, .. } => match generator {
                Some(Generator::Cdk) => format!("CDK stack {stack}"),
                Some(Generator::Sam) => format!("SAM stack {stack}"),
                Some(Generator::Serverless) => format!("Serverless stack {stack}"),
                _ => format!("CloudFormation stack {stack}"),
            },
            Owner::Terraform { address, .. } => format!("Terraform {address}"),
        }
    }
}

/// The stack named by CloudFormation's tags: the stage's first (with the stage's logical id),
/// then the API's.
pub fn stack_of(
    stage_tags: &BTreeMap<String, String>,
    api_tags: &BTreeMap<String, String>,
) -> Option<(String, Option<String>)> {
    if let Some(stack) = stage_tags.get(STACK_NAME_TAG) {
        return Some((stack.clone(), stage_tags.get(LOGICAL_ID_TAG).cloned()));
    }
    api_tags.get(STACK_NAME_TAG).map(|stack| (stack.clone(), None))
}

/// What made the stack, from its original template (JSON or YAML; the markers are plain text).
pub fn generator_of(template: &str) -> Generator {
    if template.contains("The AWS CloudFormation template for this Serverless application")
        || template.contains("ServerlessDeploymentBucket")
    {
        Generator::Serverless
    } else if template.contains("AWS::Serverless-2016-10-31") {
        Generator::Sam
    } else if template.contains("aws:cdk:path") || template.contains("AWS::CDK::Metadata") {
        Generator::Cdk
    } else {
        Generator::Cloudformation
    }
}

pub fn cloudformation_owner(stack: String, logical_id: Option<String>, template: Option<&str>) -> Owner {
    Owner::Cloudformation {
        stack,
        logical_id,
        generator: template.map(generator_of),
        declares_method_settings: template
            .is_some_and(|t| t.contains("MethodSettings") || t.contains("RouteSettings")),
        declares_access_log: template.is_some_and(|t| t.contains("AccessLogSetting")),
    }
}

/// The stages a Terraform state (`terraform show -json`) manages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TerraformState {
    /// (API id, stage name) → owner.
    pub stages: BTreeMap<(String, String), Owner>,
}

impl TerraformState {
    pub fn parse(text: &str) -> Result<TerraformState, String> {
        let doc: Value = serde_json::from_str(text).map_err(|e| format!("not JSON ({e})"))?;
        let root = doc
            .get("values")
            .and_then(|v| v.get("root_module"))
            .filter(|_| doc.get("format_version").is_some());
        let Some(root) = root else {
            return Err("not a Terraform state: expected the JSON of `terraform show -json` (format_version, values.root_module)".into());
        };
        let mut resources = Vec::new();
        collect(root, &mut resources);
        let mut state = TerraformState::default();
        let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        for resource in &resources {
            let values = &resource["values"];
            let address = text(resource, "address");
            let has_access = values["access_log_settings"].as_array().is_some_and(|a| !a.is_empty());
            let key = match text(resource, "type").as_str() {
                "aws_api_gateway_stage" => (text(values, "rest_api_id"), text(values, "stage_name")),
                "aws_apigatewayv2_stage" => (text(values, "api_id"), text(values, "name")),
                _ => continue,
            };
            state.stages.insert(
                key,
                Owner::Terraform {
                    address,
                    declares_access_log: has_access,
                    method_settings: BTreeMap::new(),
                },
            );
        }
        for resource in resources.iter().filter(|r| r["type"] == "aws_api_gateway_method_settings") {
            let values = &resource["values"];
            let key = (text(values, "rest_api_id"), text(values, "stage_name"));
            if let Some(Owner::Terraform { method_settings, .. }) = state.stages.get_mut(&key) {
                method_settings.insert(text(values, "method_path"), text(resource, "address"));
            }
        }
        Ok(state)
    }
}

fn collect<'a>(module: &'a Value, into: &mut Vec<&'a Value>) {
    into.extend(module["resources"].as_array().into_iter().flatten());
    for child in module["child_modules"].as_array().into_iter().flatten() {
        collect(child, into);
    }
}

/// What the owner's next deploy does to the change from `before` to `after`; empty when nothing
/// that matters changes.
pub fn verdicts(owner: &Owner, before: &StageLogging, after: &StageLogging) -> Vec<String> {
    let execution_changed = before.methods != after.methods;
    let access_changed = before.access != after.access;
    if !execution_changed && !access_changed {
        return Vec::new();
    }
    let mut out = Vec::new();
    match owner {
        Owner::Cloudformation { generator: Some(Generator::Serverless), stack, .. } => {
            out.push(
                "Serverless re-applies its logging settings on every deploy: this change lasts until the next `serverless deploy`".to_string(),
            );
            // Its own access log group, `/aws/api-gateway/{service}-{stage}` (the stack's name):
            // a deploy with access logging off deletes it (serverless#6906, #8882).
            let group = after.access.as_ref().and_then(|a| crate::arn::log_group_name_of(&a.destination_arn));
            if access_changed && group.as_deref() == Some(format!("/aws/api-gateway/{stack}").as_str()) {
                out.push(format!(
                    "a `serverless deploy` with access logging off deletes log group /aws/api-gateway/{stack}, and the access logs in it"
                ));
            }
        }
        Owner::Cloudformation { stack, generator, declares_method_settings, declares_access_log, .. } => {
            let declared =
                (execution_changed && *declares_method_settings) || (access_changed && *declares_access_log);
            let drift = match generator {
                Some(Generator::Cdk) => "`cdk drift` will report it".to_string(),
                _ => format!("`aws cloudformation detect-stack-drift --stack-name {stack}` will report it"),
            };
            match (generator, declared) {
                (None, _) => out.push(format!(
                    "the stage belongs to stack {stack} (its template could not be read): if the stack declares these settings, a drift-aware deploy reverts this change and {drift}"
                )),
                (_, true) => out.push(format!("declared in stack {stack}: a drift-aware deploy reverts it; {drift}")),
                (_, false) => out.push(format!(
                    "stack {stack} does not declare these settings: deploys leave them; make them permanent in its template (--emit)"
                )),
            }
        }
        Owner::Terraform { address, declares_access_log, method_settings } => {
            if access_changed && !declares_access_log && after.access.is_some() {
                out.push(format!(
                    "Terraform resource `{address}` has no `access_log_settings`: the next `terraform apply` removes this access logging"
                ));
            } else if access_changed {
                out.push(format!("Terraform resource `{address}` declares access logging: the next `terraform apply` puts its own back"));
            }
            if execution_changed && after.kind == ApiKind::Rest {
                for key in changed_keys(before, after) {
                    let path = terraform_method_path(&key);
                    match method_settings.get(&path) {
                        Some(settings) => out.push(format!(
                            "Terraform resource `{settings}` sets method path {path}: the next `terraform apply` reverts the fields it declares"
                        )),
                        None => out.push(format!(
                            "method path {path} is not managed by Terraform (no aws_api_gateway_method_settings): the change lasts, but add one to keep it in code"
                        )),
                    }
                }
            } else if execution_changed {
                out.push(format!("Terraform resource `{address}` manages the route settings it declares: the next `terraform apply` reverts those"));
            }
        }
    }
    out
}

fn changed_keys(before: &StageLogging, after: &StageLogging) -> Vec<String> {
    let keys: std::collections::BTreeSet<&String> =
        before.methods.keys().chain(after.methods.keys()).collect();
    keys.into_iter().filter(|k| before.methods.get(*k) != after.methods.get(*k)).cloned().collect()
}

/// A REST settings key as Terraform's `method_path`: `*/*`, `pets/GET`.
fn terraform_method_path(key: &str) -> String {
    if key == ALL_METHODS_KEY {
        return key.to_string();
    }
    match MethodSpec::from_settings_key(key) {
        Some(spec) => format!("{}/{}", spec.path.trim_start_matches('/'), spec.http_method),
        None => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logging::{AccessLog, MethodLogging};
    use crate::settings::Level;

    fn stage(level: Level, access: bool) -> StageLogging {
        StageLogging {
            stage_name: "prod".into(),
            methods: BTreeMap::from([(
                "*/*".into(),
                MethodLogging { level, data_trace: false, metrics: false },
            )]),
            access: access.then(|| AccessLog {
                destination_arn: "arn:aws:logs:us-east-1:1:log-group:g".into(),
                format: "$context.requestId".into(),
            }),
            ..Default::default()
        }
    }

    #[test]
    fn the_stack_comes_from_the_stage_s_tags_then_the_api_s() {
        let tags = |stack: &str| BTreeMap::from([(STACK_NAME_TAG.to_string(), stack.to_string())]);
        assert_eq!(stack_of(&tags("a"), &tags("b")), Some(("a".into(), None)));
        assert_eq!(stack_of(&BTreeMap::new(), &tags("b")), Some(("b".into(), None)));
        assert_eq!(stack_of(&BTreeMap::new(), &BTreeMap::new()), None);
    }

    #[test]
    fn templates_name_their_generator() {
        assert_eq!(
            generator_of(
                r#"{"Description":"The AWS CloudFormation template for this Serverless application"}"#
            ),
            Generator::Serverless
        );
        assert_eq!(generator_of("Transform: AWS::Serverless-2016-10-31\nResources: {}"), Generator::Sam);
        assert_eq!(
            generator_of(r#"{"Resources":{"CDKMetadata":{"Type":"AWS::CDK::Metadata"}}}"#),
            Generator::Cdk
        );
        assert_eq!(generator_of(r#"{"Resources":{}}"#), Generator::Cloudformation);
    }

    #[test]
    fn each_owner_says_what_its_next_deploy_does() {
        let (before, after) = (stage(Level::Error, false), stage(Level::Info, true));
        let serverless = cloudformation_owner("svc-dev".into(), None, Some("ServerlessDeploymentBucket"));
        assert_eq!(
            verdicts(&serverless, &before, &after),
            [
                "Serverless re-applies its logging settings on every deploy: this change lasts until the next `serverless deploy`"
            ]
        );
        let mut into_its_group = after.clone();
        into_its_group.access.as_mut().unwrap().destination_arn =
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/api-gateway/svc-dev".into();
        assert_eq!(
            verdicts(&serverless, &before, &into_its_group)[1],
            "a `serverless deploy` with access logging off deletes log group /aws/api-gateway/svc-dev, and the access logs in it"
        );
        let cdk =
            cloudformation_owner("App".into(), None, Some(r#"{"aws:cdk:path":"x","MethodSettings":[]}"#));
        assert_eq!(
            verdicts(&cdk, &before, &after),
            ["declared in stack App: a drift-aware deploy reverts it; `cdk drift` will report it"]
        );
        let plain = cloudformation_owner("Plain".into(), None, Some("{}"));
        assert!(
            verdicts(&plain, &before, &after)[0].starts_with("stack Plain does not declare these settings")
        );
        assert!(verdicts(&plain, &before, &before).is_empty(), "no change, nothing to say");
        let unread = cloudformation_owner("X".into(), None, None);
        assert!(verdicts(&unread, &before, &after)[0].contains("could not be read"));
    }

    #[test]
    fn terraform_states_name_their_stages_and_method_settings() {
        let state = r#"{"format_version":"1.0","values":{"root_module":{"resources":[
            {"address":"aws_api_gateway_stage.prod","type":"aws_api_gateway_stage","values":{"rest_api_id":"abc","stage_name":"prod","access_log_settings":[]}},
            {"address":"aws_api_gateway_method_settings.all","type":"aws_api_gateway_method_settings","values":{"rest_api_id":"abc","stage_name":"prod","method_path":"*/*"}}
          ],"child_modules":[{"resources":[
            {"address":"module.web.aws_apigatewayv2_stage.this","type":"aws_apigatewayv2_stage","values":{"api_id":"w1","name":"$default","access_log_settings":[{"destination_arn":"x","format":"y"}]}}
          ]}]}}}"#;
        let parsed = TerraformState::parse(state).unwrap();
        let rest = &parsed.stages[&("abc".to_string(), "prod".to_string())];
        let (before, after) = (stage(Level::Error, false), stage(Level::Info, true));
        let said = verdicts(rest, &before, &after);
        assert_eq!(
            said[0],
            "Terraform resource `aws_api_gateway_stage.prod` has no `access_log_settings`: the next `terraform apply` removes this access logging"
        );
        assert!(said[1].contains("`aws_api_gateway_method_settings.all` sets method path */*"), "{said:?}");
        assert!(matches!(
            &parsed.stages[&("w1".to_string(), "$default".to_string())],
            Owner::Terraform { declares_access_log: true, .. }
        ));
        assert!(TerraformState::parse("nope").unwrap_err().starts_with("not JSON"));
        assert!(
            TerraformState::parse(r#"{"resources":[]}"#).unwrap_err().starts_with("not a Terraform state")
        );
    }
}
