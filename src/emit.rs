//! `--emit`: the code that gives stages their logging settings in an infrastructure-as-code tool,
//! so that a change made with apigw-logs can be made permanent where the stage is defined. Pure:
//! it renders stages as they will be (or are), with their access log groups and the account's
//! logging role.

use crate::api::{Api, ApiKind};
use crate::arn;
use crate::logging::{MethodLogging, StageLogging};
use crate::settings::{ALL_METHODS_KEY, Level, MethodSpec};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Tool {
    Terraform,
    Cloudformation,
    Cdk,
    Sam,
    Serverless,
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

pub fn render(tool: Tool, emit: &Emit) -> String {
    match tool {
        Tool::Terraform => terraform(emit),
        Tool::Cloudformation => cloudformation(emit, false),
        Tool::Sam => cloudformation(emit, true),
        Tool::Cdk => cdk(emit),
        Tool::Serverless => serverless(emit),
    }
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

fn quote(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
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

fn terraform(emit: &Emit) -> String {
    let mut out = String::new();
    let mut groups_done = Vec::new();
    for target in &emit.stages {
        let (api, stage) = (target.api, target.stage);
        let name = target
            .resource_name
            .clone()
            .unwrap_or_else(|| identifier(&[&api.name, &stage.stage_name], false));
        if let Some(group) = access_group(stage).filter(|g| !groups_done.contains(g)) {
            let _ = writeln!(out, "resource \"aws_cloudwatch_log_group\" \"{name}_access\" {{");
            let _ = writeln!(out, "  name              = {}", quote(&group));
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
                let _ = writeln!(out, "  rest_api_id   = {}", quote(&api.id));
                let _ = writeln!(out, "  stage_name    = {}", quote(&stage.stage_name));
                let deployment = stage.deployment_id.as_deref().unwrap_or("DEPLOYMENT_ID");
                let _ = writeln!(out, "  deployment_id = {} # as in your configuration", quote(deployment));
                write_tf_access(&mut out, stage);
                let _ = writeln!(out, "}}\n");
                let mut settings: Vec<(String, MethodLogging)> = vec![("*/*".into(), wide)];
                settings.extend(method_overrides(stage).into_iter().map(|(spec, s)| {
                    (format!("{}/{}", spec.path.trim_start_matches('/'), spec.http_method), s)
                }));
                for (path, s) in settings {
                    let suffix = if path == "*/*" { "all".to_string() } else { identifier(&[&path], false) };
                    let _ =
                        writeln!(out, "resource \"aws_api_gateway_method_settings\" \"{name}_{suffix}\" {{");
                    let _ = writeln!(out, "  rest_api_id = {}", quote(&api.id));
                    let _ = writeln!(out, "  stage_name  = {}", quote(&stage.stage_name));
                    let _ = writeln!(out, "  method_path = {}", quote(&path));
                    let _ = writeln!(out, "  settings {{");
                    let _ = writeln!(out, "    logging_level      = {}", quote(s.level.as_api()));
                    let _ = writeln!(out, "    data_trace_enabled = {}", s.data_trace);
                    let _ = writeln!(out, "    metrics_enabled    = {}", s.metrics);
                    let _ = writeln!(out, "  }}");
                    let _ = writeln!(out, "}}\n");
                }
            }
            kind => {
                let _ = writeln!(out, "resource \"aws_apigatewayv2_stage\" \"{name}\" {{");
                let _ = writeln!(out, "  api_id = {}", quote(&api.id));
                let _ = writeln!(out, "  name   = {}", quote(&stage.stage_name));
                write_tf_access(&mut out, stage);
                let route = |out: &mut String, block: &str, key: Option<&str>, s: &MethodLogging| {
                    let _ = writeln!(out, "  {block} {{");
                    if let Some(key) = key {
                        let _ = writeln!(out, "    route_key                = {}", quote(key));
                    }
                    if kind == ApiKind::Websocket {
                        let _ = writeln!(out, "    logging_level            = {}", quote(s.level.as_api()));
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
        let _ = writeln!(out, "  cloudwatch_role_arn = {}", quote(role));
        let _ = writeln!(out, "}}");
    }
    out.trim_end().to_string() + "\n"
}

fn write_tf_access(out: &mut String, stage: &StageLogging) {
    if let (Some(destination), Some(access)) = (destination(stage), &stage.access) {
        let _ = writeln!(out, "  access_log_settings {{");
        let _ = writeln!(out, "    destination_arn = {}", quote(&destination));
        let _ = writeln!(out, "    format          = {}", quote(&access.format));
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
    for target in &emit.stages {
        let (api, stage) = (target.api, target.stage);
        let name =
            target.resource_name.clone().unwrap_or_else(|| identifier(&[&api.name, &stage.stage_name], true));
        if let Some(group) = access_group(stage) {
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
    serde_json::to_string_pretty(&template).expect("JSON") + "\n"
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
    for target in &emit.stages {
        let (api, stage) = (target.api, target.stage);
        let name =
            target.resource_name.clone().unwrap_or_else(|| identifier(&[&api.name, &stage.stage_name], true));
        let var = {
            let mut v = name.clone();
            v[..1].make_ascii_lowercase();
            v
        };
        let group_var = format!("{var}AccessLogs");
        if let Some(group) = access_group(stage) {
            let _ = writeln!(out, "const {group_var} = new logs.LogGroup(this, '{name}AccessLogs', {{");
            let _ = writeln!(out, "  logGroupName: {},", quote(&group));
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
        let wide = stage.stage_wide();
        match api.kind {
            ApiKind::Rest => {
                let _ = writeln!(
                    out,
                    "// REST API {} ({}), stage {}: the RestApi's props",
                    api.name, api.id, stage.stage_name
                );
                let _ = writeln!(out, "const {var}Props: Partial<apigateway.RestApiProps> = {{");
                let _ = writeln!(
                    out,
                    "  cloudWatchRole: false, // the account's role is managed once per region (below)"
                );
                let _ = writeln!(out, "  deployOptions: {{");
                let _ = writeln!(out, "    stageName: {},", quote(&stage.stage_name));
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
                        quote(&access.format)
                    );
                }
                let overrides = method_overrides(stage);
                if !overrides.is_empty() {
                    let _ = writeln!(out, "    methodOptions: {{");
                    for (spec, s) in overrides {
                        let _ = writeln!(
                            out,
                            "      '{}/{}': {{ loggingLevel: {}, dataTraceEnabled: {}, metricsEnabled: {} }},",
                            if spec.path == "/" { "" } else { spec.path.as_str() },
                            spec.http_method,
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
                    api.name,
                    api.id,
                    stage.stage_name
                );
                let _ = writeln!(out, "const {var}Stage = new apigwv2.CfnStage(this, '{name}', {{");
                let _ = writeln!(out, "  apiId: {},", quote(&api.id));
                let _ = writeln!(out, "  stageName: {},", quote(&stage.stage_name));
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
                        let _ = writeln!(out, "    {}: {},", quote(key), route(s));
                    }
                    let _ = writeln!(out, "  }},");
                }
                if let (Some(arn), Some(access)) = (destination(stage), &stage.access) {
                    let _ = writeln!(
                        out,
                        "  accessLogSettings: {{ destinationArn: {}, format: {} }},",
                        quote(&arn),
                        quote(&access.format)
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
            quote(role)
        );
    }
    out.trim_end().to_string() + "\n"
}

/// Serverless Framework `serverless.yml`: `provider.logs`. It applies REST API logging with its
/// own UpdateStage after each deploy and names the group itself; per-method settings have no key.
fn serverless(emit: &Emit) -> String {
    let mut out = String::from("provider:\n  logs:\n");
    let mut notes = Vec::new();
    for target in &emit.stages {
        let (api, stage) = (target.api, target.stage);
        let wide = stage.stage_wide();
        let format = stage.access.as_ref().map(|a| quote(&a.format));
        if api.kind == ApiKind::Http {
            let _ = writeln!(out, "    httpApi: # {} ({}), stage {}", api.name, api.id, stage.stage_name);
            match &format {
                Some(format) => {
                    let _ = writeln!(out, "      format: {format}");
                }
                None => out.push_str("      format: null # access logging off: leave httpApi out\n"),
            }
        } else {
            // REST and WebSocket share the keys; only REST takes the account role.
            let key = if api.kind == ApiKind::Rest { "restApi" } else { "websocket" };
            let _ = writeln!(out, "    {key}: # {} ({}), stage {}", api.name, api.id, stage.stage_name);
            let _ = writeln!(out, "      accessLogging: {}", stage.access.is_some());
            if let Some(format) = &format {
                let _ = writeln!(out, "      format: {format}");
            }
            let _ = writeln!(out, "      executionLogging: {}", wide.level != Level::Off);
            if wide.level != Level::Off {
                let _ = writeln!(out, "      level: {}", wide.level.as_api());
            }
            let _ = writeln!(out, "      fullExecutionData: {}", wide.data_trace);
            if api.kind == ApiKind::Rest {
                if let Some(role) = &emit.role_arn {
                    let _ = writeln!(out, "      role: {}", quote(role));
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
        render(tool, &emit)
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
        assert!(rendered(Tool::Cdk, ApiKind::Rest, &over).contains("'/pets/{id}/GET': {"));
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
}
