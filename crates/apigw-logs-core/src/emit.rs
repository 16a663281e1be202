//! `--emit`: the code that gives stages their logging settings in an infrastructure-as-code tool,
//! so that a change made with apigw-logs can be made permanent where the stage is defined. Pure:
//! it renders stages as they will be (or are), with their access log groups and the account's
//! logging role.

use crate::api::{Api, ApiKind};
use crate::arn;
use crate::escape::{comment, hcl_string, js_string, serverless_variable, yaml_string};
use crate::logging::{MethodLogging, StageLogging};
use crate::settings::{ALL_METHODS_KEY, Level, MethodSpec};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Terraform,
    Cloudformation,
    Cdk,
    Sam,
    Serverless,
}

impl crate::choice::Choice for Tool {
    const ALL: &'static [Tool] =
        &[Tool::Terraform, Tool::Cloudformation, Tool::Cdk, Tool::Sam, Tool::Serverless];

    fn name(self) -> &'static str {
        match self {
            Tool::Terraform => "terraform",
            Tool::Cloudformation => "cloudformation",
            Tool::Cdk => "cdk",
            Tool::Sam => "sam",
            Tool::Serverless => "serverless",
        }
    }
}

/// One stage to render, with the names the owning code already uses for it, when known.
#[derive(Clone, Debug)]
pub struct EmitStage<'a> {
    pub api: &'a Api,
    pub stage: &'a StageLogging,
    /// Terraform: the stage resource's name (`aws_api_gateway_stage.NAME`); CloudFormation, SAM
    /// and CDK: its logical id.
    pub resource_name: Option<String>,
}

/// Everything rendered.
#[derive(Clone, Debug)]
pub struct Emit<'a> {
    /// The account's CloudWatch Logs role, when one is (or will be) set.
    pub role_arn: Option<String>,
    pub stages: Vec<EmitStage<'a>>,
    /// Retention of each log group the stages' access logs go to (`None`: never expires).
    pub retention: BTreeMap<String, Option<i32>>,
}

/// The code for `emit`, or why this tool cannot hold it (SAM's Globals: one setting for all).
pub fn render(tool: Tool, emit: &Emit) -> Result<String, String> {
    match tool {
        Tool::Terraform => Ok(terraform(emit)),
        Tool::Cloudformation => Ok(cloudformation(emit, false)),
        Tool::Sam => one_per_kind(emit, "sam", &[ApiKind::Rest, ApiKind::Http])
            .map_or_else(|| Ok(cloudformation(emit, true)), Err),
        Tool::Cdk => Ok(cdk(emit)),
        Tool::Serverless => {
            one_per_kind(emit, "serverless", &ApiKind::ALL).map_or_else(|| Ok(serverless(emit)), Err)
        }
    }
}

/// SAM's `Globals` and Serverless's `provider.logs` hold one section per kind of API for the whole
/// file: two stages of one kind can be written only when their settings are the same.
fn one_per_kind(emit: &Emit, tool: &str, kinds: &[ApiKind]) -> Option<String> {
    for kind in kinds {
        let stages: Vec<&EmitStage> = emit.stages.iter().filter(|s| s.api.kind == *kind).collect();
        let differ = stages.windows(2).any(|pair| {
            let (a, b) = (pair[0].stage, pair[1].stage);
            (&a.methods, &a.access) != (&b.methods, &b.access)
        });
        if differ {
            return Some(format!(
                "--emit {tool}: the file holds one logging setting for every {} it defines, and these {} stages differ; emit one stage at a time, or use --emit cloudformation",
                kind.label(),
                stages.len()
            ));
        }
    }
    None
}

/// The resource names and identifiers handed out so far. Each stage gets names no other stage
/// has: its API's id is added where two would meet (two APIs of the same name), then a number.
#[derive(Default)]
struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// The stage's base name: the owner's own when it is a valid identifier of the tool, else
    /// one made of the API and stage names; `derived` lists every identifier made from a base.
    fn claim(&mut self, target: &EmitStage, camel: bool, derived: impl Fn(&str) -> Vec<String>) -> String {
        let (api, stage) = (target.api, target.stage);
        let base = target
            .resource_name
            .clone()
            .filter(|name| valid_identifier(name, camel))
            .unwrap_or_else(|| identifier(&[&api.name, &stage.stage_name], camel));
        let with_id = identifier(&[&base, &api.id], camel);
        let candidates = std::iter::once(base.clone())
            .chain(std::iter::once(with_id.clone()))
            .chain((2..).map(|n| identifier(&[&with_id, &n.to_string()], camel)));
        for candidate in candidates {
            let names = derived(&candidate);
            if names.iter().all(|n| !self.taken.contains(n)) {
                self.taken.extend(names);
                return candidate;
            }
        }
        unreachable!("the numbered candidates never run out")
    }
}

/// Terraform resource names: a letter or `_`, then letters, digits, `_` and `-`; CloudFormation
/// logical ids (and the CDK variables made from them): a letter, then letters and digits.
fn valid_identifier(name: &str, camel: bool) -> bool {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || (!camel && c == '_'));
    first_ok
        && name.len() <= 200
        && chars.all(|c| c.is_ascii_alphanumeric() || (!camel && (c == '_' || c == '-')))
}

/// `orders` + `prod` → `orders_prod` (Terraform) / `OrdersProd` (CloudFormation).
fn identifier(parts: &[&str], camel: bool) -> String {
    let mut out = String::new();
    for part in parts {
        let mut upper = camel;
        for c in part.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(if upper { c.to_ascii_uppercase() } else { c });
                upper = false;
            } else if camel {
                upper = true;
            } else if !out.ends_with('_') {
                out.push('_');
            }
        }
        if !camel && !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches('_').to_string();
    match out.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => out,
        _ => format!("{}{out}", if camel { "Api" } else { "api_" }),
    }
}

/// The stage's access log group, if its logs go to one.
fn access_group(stage: &StageLogging) -> Option<String> {
    stage.access.as_ref().and_then(|a| arn::log_group_name_of(&a.destination_arn))
}

/// API Gateway stores a log group destination without `:*`; sent with it, every deploy shows a
/// change (and CDK's `LogGroupLogDestination` writes it so).
fn destination(stage: &StageLogging) -> Option<String> {
    stage
        .access
        .as_ref()
        .map(|a| a.destination_arn.strip_suffix(":*").unwrap_or(&a.destination_arn).to_string())
}

/// Method overrides of a REST stage: (path without leading slash, HTTP method, settings).
fn method_overrides(stage: &StageLogging) -> Vec<(MethodSpec, MethodLogging)> {
    stage
        .methods
        .iter()
        .filter(|(key, _)| *key != ALL_METHODS_KEY)
        .filter_map(|(key, settings)| Some((MethodSpec::from_settings_key(key)?, *settings)))
        .collect()
}

fn route_overrides(stage: &StageLogging) -> Vec<(&String, &MethodLogging)> {
    stage.methods.iter().filter(|(key, _)| *key != ALL_METHODS_KEY).collect()
}

/// A REST stage's method settings as Terraform writes them: (method path, resource name suffix,
/// settings), the stage-wide `*/*` first.
fn tf_method_paths(stage: &StageLogging) -> Vec<(String, String, MethodLogging)> {
    let mut settings = vec![("*/*".to_string(), "all".to_string(), stage.stage_wide())];
    for (spec, s) in method_overrides(stage) {
        let path = format!("{}/{}", spec.path.trim_start_matches('/'), spec.http_method);
        // `/pets/{id}` and `/pets/id` make the same identifier: number the later one.
        let plain = identifier(&[&path], false);
        let mut suffix = plain.clone();
        for n in 2.. {
            if !settings.iter().any(|(_, taken, _)| *taken == suffix) {
                break;
            }
            suffix = format!("{plain}_{n}");
        }
        settings.push((path, suffix, s));
    }
    settings
}

fn terraform(emit: &Emit) -> String {
    let mut out = String::new();
    let mut groups_done = Vec::new();
    let mut names = Names::default();
    for target in &emit.stages {
        let (api, stage) = (target.api, target.stage);
        // Resource names are per type: the stage, its access log group, its method settings.
        let name = names.claim(target, false, |name| {
            let mut derived = vec![format!("stage.{name}"), format!("group.{name}_access")];
            derived.extend(
                tf_method_paths(stage).iter().map(|(_, suffix, _)| format!("settings.{name}_{suffix}")),
            );
            derived
        });
        if let Some(group) = access_group(stage).filter(|g| !groups_done.contains(g)) {
            let _ = writeln!(out, "resource \"aws_cloudwatch_log_group\" \"{name}_access\" {{");
            let _ = writeln!(out, "  name              = {}", hcl_string(&group));
            if let Some(Some(days)) = emit.retention.get(&group) {
                let _ = writeln!(out, "  retention_in_days = {days}");
            }
            let _ = writeln!(out, "}}\n");
            groups_done.push(group);
        }
        let wide = stage.stage_wide();
        match api.kind {
            ApiKind::Rest => {
                let _ = writeln!(out, "resource \"aws_api_gateway_stage\" \"{name}\" {{");
                let _ = writeln!(out, "  rest_api_id   = {}", hcl_string(&api.id));
                let _ = writeln!(out, "  stage_name    = {}", hcl_string(&stage.stage_name));
                let deployment = stage.deployment_id.as_deref().unwrap_or("DEPLOYMENT_ID");
                let _ =
                    writeln!(out, "  deployment_id = {} # as in your configuration", hcl_string(deployment));
                write_tf_access(&mut out, stage);
                let _ = writeln!(out, "}}\n");
                for (path, suffix, s) in tf_method_paths(stage) {
                    let _ =
                        writeln!(out, "resource \"aws_api_gateway_method_settings\" \"{name}_{suffix}\" {{");
                    let _ = writeln!(out, "  rest_api_id = {}", hcl_string(&api.id));
                    let _ = writeln!(out, "  stage_name  = {}", hcl_string(&stage.stage_name));
                    let _ = writeln!(out, "  method_path = {}", hcl_string(&path));
                    let _ = writeln!(out, "  settings {{");
                    let _ = writeln!(out, "    logging_level      = {}", hcl_string(s.level.as_api()));
                    let _ = writeln!(out, "    data_trace_enabled = {}", s.data_trace);
                    let _ = writeln!(out, "    metrics_enabled    = {}", s.metrics);
                    let _ = writeln!(out, "  }}");
                    let _ = writeln!(out, "}}\n");
                }
            }
            kind => {
                let _ = writeln!(out, "resource \"aws_apigatewayv2_stage\" \"{name}\" {{");
                let _ = writeln!(out, "  api_id = {}", hcl_string(&api.id));
                let _ = writeln!(out, "  name   = {}", hcl_string(&stage.stage_name));
                write_tf_access(&mut out, stage);
                let route = |out: &mut String, block: &str, key: Option<&str>, s: &MethodLogging| {
                    let _ = writeln!(out, "  {block} {{");
                    if let Some(key) = key {
                        let _ = writeln!(out, "    route_key                = {}", hcl_string(key));
                    }
                    if kind == ApiKind::Websocket {
                        let _ =
                            writeln!(out, "    logging_level            = {}", hcl_string(s.level.as_api()));
                        let _ = writeln!(out, "    data_trace_enabled       = {}", s.data_trace);
                    }
                    let _ = writeln!(out, "    detailed_metrics_enabled = {}", s.metrics);
                    let _ = writeln!(out, "  }}");
                };
                route(&mut out, "default_route_settings", None, &wide);
                for (key, s) in route_overrides(stage) {
                    route(&mut out, "route_settings", Some(key), s);
                }
                let _ = writeln!(out, "}}\n");
            }
        }
    }
    if let Some(role) =
        emit.role_arn.as_ref().filter(|_| emit.stages.iter().any(|s| s.api.kind != ApiKind::Http))
    {
        let _ = writeln!(out, "resource \"aws_api_gateway_account\" \"this\" {{");
        let _ = writeln!(out, "  cloudwatch_role_arn = {}", hcl_string(role));
        let _ = writeln!(out, "}}");
    }
    out.trim_end().to_string() + "\n"
}

fn write_tf_access(out: &mut String, stage: &StageLogging) {
    if let (Some(destination), Some(access)) = (destination(stage), &stage.access) {
        let _ = writeln!(out, "  access_log_settings {{");
        let _ = writeln!(out, "    destination_arn = {}", hcl_string(&destination));
        let _ = writeln!(out, "    format          = {}", hcl_string(&access.format));
        let _ = writeln!(out, "  }}");
    }
}

fn cfn_method(resource_path: &str, http_method: &str, s: &MethodLogging) -> Value {
    json!({
        "ResourcePath": resource_path,
        "HttpMethod": http_method,
        "LoggingLevel": s.level.as_api(),
        "DataTraceEnabled": s.data_trace,
        "MetricsEnabled": s.metrics,
    })
}

fn cfn_route(kind: ApiKind, s: &MethodLogging) -> Value {
    let mut route = json!({ "DetailedMetricsEnabled": s.metrics });
    if kind == ApiKind::Websocket {
        route["LoggingLevel"] = json!(s.level.as_api());
        route["DataTraceEnabled"] = json!(s.data_trace);
    }
    route
}

/// A CloudFormation template (JSON, which every CloudFormation tool reads). With `sam`, REST and
/// HTTP stages are `AWS::Serverless::Api` / `AWS::Serverless::HttpApi` properties in `Globals`.
fn cloudformation(emit: &Emit, sam: bool) -> String {
    let mut resources = Map::new();
    let mut globals = Map::new();
    let mut names = Names { taken: BTreeSet::from(["ApiGatewayAccount".to_string()]) };
    let mut groups_done = Vec::new();
    for target in &emit.stages {
        let (api, stage) = (target.api, target.stage);
        let name = names.claim(target, true, |name| vec![name.to_string(), format!("{name}AccessLogs")]);
        if let Some(group) = access_group(stage).filter(|g| !groups_done.contains(g)) {
            groups_done.push(group.clone());
            let mut properties = json!({ "LogGroupName": group });
            if let Some(Some(days)) = emit.retention.get(&group) {
                properties["RetentionInDays"] = json!(days);
            }
            resources.insert(
                format!("{name}AccessLogs"),
                json!({ "Type": "AWS::Logs::LogGroup", "Properties": properties }),
            );
        }
        let access = destination(stage)
            .zip(stage.access.as_ref())
            .map(|(arn, a)| json!({ "DestinationArn": arn, "Format": a.format }));
        let wide = stage.stage_wide();
        match api.kind {
            ApiKind::Rest => {
                let mut methods = vec![cfn_method("/*", "*", &wide)];
                for (spec, s) in method_overrides(stage) {
                    let path = match spec.path.as_str() {
                        "/" => "/".to_string(),
                        // CloudFormation's encoding: `/pets/{id}` → `/~1pets~1{id}`.
                        path => format!("/{}", path.replace('/', "~1")),
                    };
                    methods.push(cfn_method(&path, &spec.http_method, &s));
                }
                if sam {
                    let mut api_globals = json!({ "MethodSettings": methods });
                    if let Some(access) = access {
                        api_globals["AccessLogSetting"] = access;
                    }
                    globals.insert("Api".into(), api_globals);
                    continue;
                }
                let mut properties = json!({
                    "RestApiId": api.id,
                    "StageName": stage.stage_name,
                    "MethodSettings": methods,
                });
                if let Some(deployment) = &stage.deployment_id {
                    properties["DeploymentId"] = json!(deployment);
                }
                if let Some(access) = access {
                    properties["AccessLogSetting"] = access;
                }
                resources.insert(name, json!({ "Type": "AWS::ApiGateway::Stage", "Properties": properties }));
            }
            kind => {
                let routes: Map<String, Value> = route_overrides(stage)
                    .into_iter()
                    .map(|(k, s)| (k.clone(), cfn_route(kind, s)))
                    .collect();
                let mut properties = json!({ "DefaultRouteSettings": cfn_route(kind, &wide) });
                if !routes.is_empty() {
                    properties["RouteSettings"] = Value::Object(routes);
                }
                if let Some(access) = access {
                    properties["AccessLogSettings"] = access;
                }
                if sam && kind == ApiKind::Http {
                    globals.insert("HttpApi".into(), properties);
                    continue;
                }
                properties["ApiId"] = json!(api.id);
                properties["StageName"] = json!(stage.stage_name);
                resources
                    .insert(name, json!({ "Type": "AWS::ApiGatewayV2::Stage", "Properties": properties }));
            }
        }
    }
    if let Some(role) =
        emit.role_arn.as_ref().filter(|_| emit.stages.iter().any(|s| s.api.kind != ApiKind::Http))
    {
        resources.insert(
            "ApiGatewayAccount".into(),
            json!({ "Type": "AWS::ApiGateway::Account", "Properties": { "CloudWatchRoleArn": role } }),
        );
    }
    let mut template = json!({ "AWSTemplateFormatVersion": "2010-09-09" });
    if sam {
        template["Transform"] = json!("AWS::Serverless-2016-10-31");
        if !globals.is_empty() {
            template["Globals"] = Value::Object(globals);
        }
    }
    template["Resources"] = Value::Object(resources);
    // serde_json leaves DEL, C1 and the line separators raw in strings; JSON escapes them.
    crate::escape::terminal_stream(&serde_json::to_string_pretty(&template).expect("JSON")).into_owned()
        + "\n"
}

fn cdk_level(level: Level) -> &'static str {
    match level {
        Level::Off => "apigateway.MethodLoggingLevel.OFF",
        Level::Error => "apigateway.MethodLoggingLevel.ERROR",
        Level::Info => "apigateway.MethodLoggingLevel.INFO",
    }
}

/// CDK (TypeScript), `aws-cdk-lib`: the RestApi's `deployOptions` (a `Stage` for v2 APIs).
fn cdk(emit: &Emit) -> String {
    let mut out = String::from(
        "import * as cdk from 'aws-cdk-lib';\nimport * as apigateway from 'aws-cdk-lib/aws-apigateway';\nimport * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';\nimport * as logs from 'aws-cdk-lib/aws-logs';\n\n",
    );
    // Variables are named after construct ids with the first letter lower-cased.
    let variable = |name: &str| {
        let mut v = name.to_string();
        v[..1].make_ascii_lowercase();
        v
    };
    let mut names = Names { taken: BTreeSet::from(["ApiGatewayAccount".to_string()]) };
    // One construct per log group; stages that share a group share its variable.
    let mut group_vars: BTreeMap<String, String> = BTreeMap::new();
    for target in &emit.stages {
        let (api, stage) = (target.api, target.stage);
        let name = names.claim(target, true, |name| {
            let var = variable(name);
            vec![
                name.to_string(),
                format!("{name}AccessLogs"),
                format!("{var}Props"),
                format!("{var}Stage"),
                format!("{var}AccessLogs"),
            ]
        });
        let var = variable(&name);
        let mut group_var = format!("{var}AccessLogs");
        if let Some(group) = access_group(stage) {
            if let Some(shared) = group_vars.get(&group) {
                group_var = shared.clone();
            } else {
                group_vars.insert(group.clone(), group_var.clone());
                let _ = writeln!(
                    out,
                    "const {group_var} = new logs.LogGroup(this, {}, {{",
                    js_string(&format!("{name}AccessLogs"))
                );
                let _ = writeln!(out, "  logGroupName: {},", js_string(&group));
                match emit.retention.get(&group) {
                    Some(Some(days)) => {
                        let _ = writeln!(out, "  retention: {days} as logs.RetentionDays,");
                    }
                    _ => {
                        let _ = writeln!(out, "  retention: logs.RetentionDays.INFINITE,");
                    }
                }
                let _ = writeln!(out, "}});\n");
            }
        }
        let wide = stage.stage_wide();
        match api.kind {
            ApiKind::Rest => {
                let _ = writeln!(
                    out,
                    "// REST API {} ({}), stage {}: the RestApi's props",
                    comment(&api.name),
                    comment(&api.id),
                    comment(&stage.stage_name)
                );
                let _ = writeln!(out, "const {var}Props: Partial<apigateway.RestApiProps> = {{");
                let _ = writeln!(
                    out,
                    "  cloudWatchRole: false, // the account's role is managed once per region (below)"
                );
                let _ = writeln!(out, "  deployOptions: {{");
                let _ = writeln!(out, "    stageName: {},", js_string(&stage.stage_name));
                let _ = writeln!(out, "    loggingLevel: {},", cdk_level(wide.level));
                let _ = writeln!(out, "    dataTraceEnabled: {},", wide.data_trace);
                let _ = writeln!(out, "    metricsEnabled: {},", wide.metrics);
                if let Some(access) = &stage.access {
                    if access_group(stage).is_some() {
                        // LogGroupLogDestination writes the ARN with `:*`: drift on every run
                        // (aws-cdk#38796). `logGroupArn` is a token at synth time, so the ARN is
                        // built from the name rather than edited.
                        let _ = writeln!(
                            out,
                            "    // LogGroupLogDestination would write the ARN with ':*', which API Gateway stores without"
                        );
                        let _ = writeln!(
                            out,
                            "    accessLogDestination: {{ bind: () => ({{ destinationArn: cdk.Stack.of(this).formatArn({{ service: 'logs', resource: 'log-group', resourceName: {group_var}.logGroupName, arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME }}) }}) }},"
                        );
                    }
                    let _ = writeln!(
                        out,
                        "    accessLogFormat: apigateway.AccessLogFormat.custom({}),",
                        js_string(&access.format)
                    );
                }
                let overrides = method_overrides(stage);
                if !overrides.is_empty() {
                    let _ = writeln!(out, "    methodOptions: {{");
                    for (spec, s) in overrides {
                        let key = format!(
                            "{}/{}",
                            if spec.path == "/" { "" } else { spec.path.as_str() },
                            spec.http_method
                        );
                        let _ = writeln!(
                            out,
                            "      {}: {{ loggingLevel: {}, dataTraceEnabled: {}, metricsEnabled: {} }},",
                            js_string(&key),
                            cdk_level(s.level),
                            s.data_trace,
                            s.metrics
                        );
                    }
                    let _ = writeln!(out, "    }},");
                }
                let _ = writeln!(out, "  }},");
                let _ = writeln!(out, "}};\n");
            }
            kind => {
                let _ = writeln!(
                    out,
                    "// {} {} ({}), stage {}: the stage's CloudFormation properties",
                    kind.label(),
                    comment(&api.name),
                    comment(&api.id),
                    comment(&stage.stage_name)
                );
                let _ =
                    writeln!(out, "const {var}Stage = new apigwv2.CfnStage(this, {}, {{", js_string(&name));
                let _ = writeln!(out, "  apiId: {},", js_string(&api.id));
                let _ = writeln!(out, "  stageName: {},", js_string(&stage.stage_name));
                let route = |s: &MethodLogging| match kind {
                    ApiKind::Websocket => format!(
                        "{{ loggingLevel: '{}', dataTraceEnabled: {}, detailedMetricsEnabled: {} }}",
                        s.level.as_api(),
                        s.data_trace,
                        s.metrics
                    ),
                    _ => format!("{{ detailedMetricsEnabled: {} }}", s.metrics),
                };
                let _ = writeln!(out, "  defaultRouteSettings: {},", route(&wide));
                let overrides = route_overrides(stage);
                if !overrides.is_empty() {
                    let _ = writeln!(out, "  routeSettings: {{");
                    for (key, s) in overrides {
                        let _ = writeln!(out, "    {}: {},", js_string(key), route(s));
                    }
                    let _ = writeln!(out, "  }},");
                }
                if let (Some(arn), Some(access)) = (destination(stage), &stage.access) {
                    let _ = writeln!(
                        out,
                        "  accessLogSettings: {{ destinationArn: {}, format: {} }},",
                        js_string(&arn),
                        js_string(&access.format)
                    );
                }
                let _ = writeln!(out, "}});\n");
            }
        }
    }
    if let Some(role) =
        emit.role_arn.as_ref().filter(|_| emit.stages.iter().any(|s| s.api.kind != ApiKind::Http))
    {
        let _ = writeln!(
            out,
            "// Once per account and region (every RestApi with cloudWatchRole: true would overwrite it)"
        );
        let _ = writeln!(
            out,
            "new apigateway.CfnAccount(this, 'ApiGatewayAccount', {{ cloudWatchRoleArn: {} }});",
            js_string(role)
        );
    }
    out.trim_end().to_string() + "\n"
}

/// Serverless Framework `serverless.yml`: `provider.logs`. It applies REST API logging with its
/// own UpdateStage after each deploy and names the group itself; per-method settings have no key.
/// A value Serverless would read as one of its variables is left out, with a note: Serverless
/// documents no escape that gives the characters back unchanged.
fn serverless(emit: &Emit) -> String {
    let mut out = String::from("provider:\n  logs:\n");
    let mut notes = Vec::new();
    let format_line = |out: &mut String, format: &str| {
        if serverless_variable(format) {
            out.push_str("      # format left out: it holds '${…:', which Serverless reads as its own variable; set it with apigw-logs stage set\n");
        } else {
            let _ = writeln!(out, "      format: {}", yaml_string(format));
        }
    };
    let mut kinds_done = Vec::new();
    for target in &emit.stages {
        let (api, stage) = (target.api, target.stage);
        // One section per kind (render checked that stages of one kind are alike).
        if kinds_done.contains(&api.kind) {
            continue;
        }
        kinds_done.push(api.kind);
        if stage.access.as_ref().is_some_and(|a| serverless_variable(&a.format)) {
            notes.push("# a format was left out (Serverless variable syntax in it): apigw-logs stage set --access-log-format keeps it as it is");
        }
        let wide = stage.stage_wide();
        let about =
            format!("{} ({}), stage {}", comment(&api.name), comment(&api.id), comment(&stage.stage_name));
        if api.kind == ApiKind::Http {
            let _ = writeln!(out, "    httpApi: # {about}");
            match &stage.access {
                Some(access) => format_line(&mut out, &access.format),
                None => out.push_str("      format: null # access logging off: leave httpApi out\n"),
            }
        } else {
            // REST and WebSocket share the keys; only REST takes the account role.
            let key = if api.kind == ApiKind::Rest { "restApi" } else { "websocket" };
            let _ = writeln!(out, "    {key}: # {about}");
            let _ = writeln!(out, "      accessLogging: {}", stage.access.is_some());
            if let Some(access) = &stage.access {
                format_line(&mut out, &access.format);
            }
            let _ = writeln!(out, "      executionLogging: {}", wide.level != Level::Off);
            if wide.level != Level::Off {
                let _ = writeln!(out, "      level: {}", wide.level.as_api());
            }
            let _ = writeln!(out, "      fullExecutionData: {}", wide.data_trace);
            if api.kind == ApiKind::Rest {
                if let Some(role) = &emit.role_arn {
                    let _ = writeln!(out, "      role: {}", yaml_string(role));
                }
                let _ = writeln!(out, "      roleManagedExternally: true");
                if !method_overrides(stage).is_empty() {
                    notes.push("# method overrides have no provider.logs key: keep them in an AWS::ApiGateway::Stage resource or set them with apigw-logs");
                }
            }
        }
        if stage.methods.values().any(|m| m.metrics) {
            notes.push(
                "# detailed metrics: provider.apiGateway.metrics (REST) or provider.httpApi.metrics (HTTP)",
            );
        }
    }
    notes.push("# Serverless writes access logs to its own group /aws/api-gateway/{service}-{stage}");
    notes.sort();
    notes.dedup();
    for note in notes {
        out.push_str(note);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logging::AccessLog;

    const ERROR: MethodLogging = MethodLogging { level: Level::Error, data_trace: false, metrics: true };
    const INFO: MethodLogging = MethodLogging { level: Level::Info, data_trace: true, metrics: false };
    const ROLE: &str = "arn:aws:iam::123456789012:role/apigateway-cloudwatch-logs";

    fn api(kind: ApiKind) -> Api {
        Api { id: "a1b2c3d4e5".into(), name: "orders".into(), kind, created: None, tags: Default::default() }
    }

    fn stage(kind: ApiKind, overrides: &[(&str, MethodLogging)]) -> StageLogging {
        let group = "API-Gateway-Access-Logs_a1b2c3d4e5/prod";
        let mut methods: BTreeMap<String, MethodLogging> = BTreeMap::from([("*/*".to_string(), ERROR)]);
        methods.extend(overrides.iter().map(|(k, v)| (k.to_string(), *v)));
        StageLogging {
            stage_name: "prod".into(),
            kind,
            methods,
            access: Some(AccessLog {
                destination_arn: format!("arn:aws:logs:us-east-1:123456789012:log-group:{group}:*"),
                format: kind.preset("json").unwrap().format.into(),
            }),
            deployment_id: Some("dep123".into()),
            ..Default::default()
        }
    }

    fn rendered(tool: Tool, kind: ApiKind, overrides: &[(&str, MethodLogging)]) -> String {
        let (api, stage) = (api(kind), stage(kind, overrides));
        let emit = Emit {
            role_arn: Some(ROLE.into()),
            stages: vec![EmitStage { api: &api, stage: &stage, resource_name: None }],
            retention: BTreeMap::from([("API-Gateway-Access-Logs_a1b2c3d4e5/prod".to_string(), Some(30))]),
        };
        render(tool, &emit).unwrap()
    }

    /// Golden files: every tool, for each type of API, with an override where the type has them.
    #[test]
    fn snippets_per_tool_and_api_type() {
        for tool in [Tool::Terraform, Tool::Cloudformation, Tool::Cdk, Tool::Sam, Tool::Serverless] {
            for (kind, overrides) in [
                (ApiKind::Rest, vec![("~1pets~1{id}/GET", INFO)]),
                (ApiKind::Http, vec![("GET /pets", ERROR)]),
                (ApiKind::Websocket, vec![("$connect", INFO)]),
            ] {
                let name = format!("emit_{tool:?}_{}", kind.flag()).to_lowercase();
                insta::assert_snapshot!(name, rendered(tool, kind, &overrides));
            }
        }
    }

    #[test]
    fn each_tool_writes_the_paths_its_own_way_and_the_destination_without_star() {
        let over = [("~1pets~1{id}/GET", INFO)];
        assert!(rendered(Tool::Terraform, ApiKind::Rest, &over).contains(r#"method_path = "pets/{id}/GET""#));
        let cfn = rendered(Tool::Cloudformation, ApiKind::Rest, &over);
        assert!(cfn.contains(r#""ResourcePath": "/~1pets~1{id}""#), "{cfn}");
        assert!(cfn.contains(r#""ResourcePath": "/*""#));
        assert!(rendered(Tool::Cdk, ApiKind::Rest, &over).contains(r#""/pets/{id}/GET": {"#));
        assert!(rendered(Tool::Cdk, ApiKind::Rest, &over).contains(
            "resourceName: ordersProdAccessLogs.logGroupName, arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME"
        ));
        for tool in [Tool::Terraform, Tool::Cloudformation, Tool::Sam] {
            let text = rendered(tool, ApiKind::Rest, &over);
            assert!(text.contains("log-group:API-Gateway-Access-Logs_a1b2c3d4e5/prod\""), "{tool:?}: {text}");
        }
        // HTTP APIs need no account role, and have no execution logging to write.
        let http = rendered(Tool::Terraform, ApiKind::Http, &[]);
        assert!(!http.contains("aws_api_gateway_account") && !http.contains("logging_level"), "{http}");
    }

    #[test]
    fn names_become_identifiers_of_each_tool() {
        assert_eq!(identifier(&["my api", "prod-1"], false), "my_api_prod_1");
        assert_eq!(identifier(&["my api", "prod-1"], true), "MyApiProd1");
        assert_eq!(identifier(&["$default"], true), "Default");
        assert_eq!(identifier(&["1st"], false), "api_1st");
    }

    fn render_all(tool: Tool, targets: &[(Api, StageLogging)]) -> String {
        let stages =
            targets.iter().map(|(api, stage)| EmitStage { api, stage, resource_name: None }).collect();
        render(tool, &Emit { role_arn: Some(ROLE.into()), stages, retention: BTreeMap::new() }).unwrap()
    }

    /// No text from AWS leaves its string or comment: every line of the output is one the
    /// renderer wrote, whatever the names and formats hold (the end-to-end tests run the same
    /// corpus through each tool's own checker).
    #[test]
    fn hostile_names_and_formats_stay_inside_their_strings_and_comments() {
        for text in crate::escape::tests::hostile() {
            for kind in ApiKind::ALL {
                let mut api = api(kind);
                api.name = text.clone();
                let mut stage = stage(kind, &[]);
                stage.stage_name = text.clone();
                stage.access.as_mut().unwrap().format = format!("$context.requestId {text}");
                let key = if kind == ApiKind::Rest { "~1pets/GET".to_string() } else { text.clone() };
                stage.methods.insert(key, INFO);
                for tool in [Tool::Terraform, Tool::Cloudformation, Tool::Cdk, Tool::Sam, Tool::Serverless] {
                    let code = render_all(tool, &[(api.clone(), stage.clone())]);
                    let hostile: Vec<char> =
                        code.chars().filter(|c| crate::escape::is_hostile(*c) && *c != '\n').collect();
                    assert!(hostile.is_empty(), "{tool:?} {kind:?} {text:?}: {hostile:?}\n{code}");
                    assert!(!code.contains("PWNED\");\n") && !code.contains("\n      level: OFF"), "{code}");
                }
            }
        }
    }

    #[test]
    fn hcl_keeps_template_sequences_literal() {
        let (api, mut stage) = (api(ApiKind::Http), stage(ApiKind::Http, &[]));
        stage.access.as_mut().unwrap().format = "$context.requestId ${foo} %{bar} $${x}".into();
        let code = render_all(Tool::Terraform, &[(api, stage)]);
        assert!(code.contains(r#"format          = "$context.requestId $${foo} %%{bar} $$${x}""#), "{code}");
    }

    #[test]
    fn two_apis_of_one_name_get_names_of_their_own() {
        let first = (api(ApiKind::Rest), stage(ApiKind::Rest, &[]));
        let mut second = first.clone();
        second.0.id = "z9y8x7w6v5".into();
        second.1.access.as_mut().unwrap().destination_arn =
            "arn:aws:logs:us-east-1:123456789012:log-group:other".into();
        let tf = render_all(Tool::Terraform, &[first.clone(), second.clone()]);
        assert!(tf.contains(r#""aws_api_gateway_stage" "orders_prod""#), "{tf}");
        assert!(tf.contains(r#""aws_api_gateway_stage" "orders_prod_z9y8x7w6v5""#), "{tf}");
        let cfn: Value =
            serde_json::from_str(&render_all(Tool::Cloudformation, &[first.clone(), second.clone()]))
                .unwrap();
        let stages =
            cfn["Resources"].as_object().unwrap().values().filter(|r| r["Type"] == "AWS::ApiGateway::Stage");
        assert_eq!(stages.count(), 2);
        let cdk = render_all(Tool::Cdk, &[first.clone(), second]);
        assert!(
            cdk.contains("const ordersProdProps") && cdk.contains("const ordersProdZ9y8x7w6v5Props"),
            "{cdk}"
        );
        // A name the owner uses that is no identifier of the tool is not written as one.
        let owned = EmitStage { api: &first.0, stage: &first.1, resource_name: Some("x\" {".into()) };
        let emit = Emit { role_arn: None, stages: vec![owned], retention: BTreeMap::new() };
        assert!(render(Tool::Terraform, &emit).unwrap().contains(r#""aws_api_gateway_stage" "orders_prod""#));
    }

    #[test]
    fn files_with_one_section_per_kind_refuse_stages_that_differ() {
        let first = (api(ApiKind::Rest), stage(ApiKind::Rest, &[]));
        let mut second = first.clone();
        second.0.id = "z9y8x7w6v5".into();
        second.1.methods.insert("*/*".into(), INFO);
        for tool in [Tool::Sam, Tool::Serverless] {
            let stages = vec![
                EmitStage { api: &first.0, stage: &first.1, resource_name: None },
                EmitStage { api: &second.0, stage: &second.1, resource_name: None },
            ];
            let err = render(tool, &Emit { role_arn: None, stages, retention: BTreeMap::new() }).unwrap_err();
            assert!(err.contains("these 2 stages differ"), "{err}");
        }
        let same = render_all(Tool::Serverless, &[first.clone(), first]);
        assert_eq!(same.matches("restApi:").count(), 1, "{same}");
    }

    #[test]
    fn serverless_variables_in_a_format_are_left_out_with_a_note() {
        let (api, mut stage) = (api(ApiKind::Rest), stage(ApiKind::Rest, &[]));
        stage.access.as_mut().unwrap().format = "$context.requestId ${self:custom.x}".into();
        let code = render_all(Tool::Serverless, &[(api, stage)]);
        assert!(!code.contains("format: ") && code.contains("format left out"), "{code}");
    }
}
