//! Ownership: a stage defined by a CloudFormation stack (tagged as CloudFormation tags it; the
//! emulator does not tag API Gateway resources itself) or by Terraform (`--terraform-state`), the
//! plan's warnings and JSON, `status`'s owner line, and `--emit` using the owner's names.

use crate::harness::*;
use serde_json::Value;

fn tag_stage(acct: &Account, api: &str, tags: &[(&str, &str)]) {
    let arn = format!("arn:aws:apigateway:{REGION}::/restapis/{api}/stages/prod");
    let mut call = acct.apigw().tag_resource().resource_arn(arn);
    for (k, v) in tags {
        call = call.tags(*k, *v);
    }
    acct.block_on(call.send()).unwrap();
}

fn create_stack(acct: &Account, name: &str, template: &str) {
    let cfn = aws_sdk_cloudformation::Client::new(&acct.config);
    acct.block_on(cfn.create_stack().stack_name(name).template_body(template).send()).unwrap();
}

fn with_role(acct: &Account) {
    let arn = acct.create_role("logging", API_GATEWAY_TRUST, true);
    acct.set_account_role(&arn);
}

#[test]
fn a_serverless_stack_s_stage_is_told_its_change_lasts_until_the_next_deploy() {
    let acct = Account::new();
    with_role(&acct);
    let api = acct.create_api("svc-dev", "prod", &[]);
    create_stack(
        &acct,
        "svc-dev",
        r#"{"AWSTemplateFormatVersion":"2010-09-09","Description":"The AWS CloudFormation template for this Serverless application","Resources":{"ServerlessLogs":{"Type":"AWS::Logs::LogGroup","Properties":{"LogGroupName":"/aws/api-gateway/svc-dev"}}}}"#,
    );
    tag_stage(
        &acct,
        &api,
        &[("aws:cloudformation:stack-name", "svc-dev"), ("aws:cloudformation:logical-id", "ApiGatewayStage")],
    );
    let (code, stdout, stderr) = acct.run(&[
        "stage",
        "set",
        "--api",
        "svc-dev",
        "--stage",
        "prod",
        "--level",
        "info",
        "--dry-run",
        "--output",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let out: Value = serde_json::from_str(&stdout).unwrap();
    let owner = &out["result"]["owners"][0];
    assert_eq!(
        (owner["owner"]["tool"].as_str(), owner["owner"]["generator"].as_str()),
        (Some("cloudformation"), Some("serverless"))
    );
    assert_eq!(owner["owner"]["stack"], "svc-dev");
    let verdict = "Serverless re-applies its logging settings on every deploy: this change lasts until the next `serverless deploy`";
    assert_eq!(owner["verdicts"][0], verdict);
    assert!(stderr.contains(verdict), "{stderr}");

    // The stage's own logical id names the emitted resource; status shows the owner.
    let template =
        acct.run(&["stage", "show", "--api", "svc-dev", "--stage", "prod", "--emit", "cloudformation"]).1;
    assert!(template.contains("\"ApiGatewayStage\": {"), "{template}");
    let status = acct.run(&["status", "--api", "svc-dev"]).1;
    assert!(status.contains("stage prod (defined by Serverless stack svc-dev)"), "{status}");
    // Applied for real, the change is the stage update alone: the owner's tags are never written.
    let proxy = crate::faults::Proxy::start(emulator_url());
    let (code, _, stderr) = acct.run_at(
        &proxy.url,
        &["stage", "set", "--api", "svc-dev", "--stage", "prod", "--level", "info", "--yes"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(proxy.writes(), ["apigateway:UpdateStage"]);
    let tags = acct.block_on(
        acct.apigw()
            .get_tags()
            .resource_arn(format!("arn:aws:apigateway:{REGION}::/restapis/{api}/stages/prod"))
            .send(),
    );
    assert_eq!(tags.unwrap().tags().unwrap().len(), 2, "the stack's tags are as CloudFormation left them");
    // An unowned stage says nothing.
    acct.create_api("plain", "prod", &[]);
    let out =
        acct.json(&["stage", "set", "--api", "plain", "--stage", "prod", "--level", "info", "--dry-run"], 0);
    assert_eq!(out["result"]["owners"], serde_json::json!([]));
}

#[test]
fn a_cdk_stack_declaring_method_settings_is_told_drift_aware_deploys_revert() {
    let acct = Account::new();
    with_role(&acct);
    let api = acct.create_api("app", "prod", &[]);
    create_stack(
        &acct,
        "AppStack",
        r#"{"Resources":{"CDKMetadata":{"Type":"AWS::CDK::Metadata","Properties":{}},"Stage":{"Type":"AWS::ApiGateway::Stage","Metadata":{"aws:cdk:path":"AppStack/Api/DeploymentStage.prod"},"Properties":{"RestApiId":"x","StageName":"prod","MethodSettings":[{"ResourcePath":"/*","HttpMethod":"*","LoggingLevel":"ERROR"}]}}}}"#,
    );
    tag_stage(&acct, &api, &[("aws:cloudformation:stack-name", "AppStack")]);
    let out =
        acct.json(&["stage", "set", "--api", "app", "--stage", "prod", "--level", "info", "--dry-run"], 0);
    assert_eq!(
        out["result"]["owners"][0]["verdicts"][0],
        "declared in stack AppStack: a drift-aware deploy reverts it; `cdk drift` will report it"
    );
}

#[test]
fn a_terraform_state_names_its_stages_and_what_the_next_apply_removes() {
    let acct = Account::new();
    with_role(&acct);
    let api = acct.create_api("pets", "prod", &[]);
    let state = format!(
        r#"{{"format_version":"1.0","values":{{"root_module":{{"resources":[{{"address":"aws_api_gateway_stage.live","type":"aws_api_gateway_stage","values":{{"rest_api_id":"{api}","stage_name":"prod","access_log_settings":[]}}}}]}}}}}}"#
    );
    let file = temp_file(&acct, "state.json", state.as_bytes());
    let out = acct
        .json(&["enable", "--api", "pets", "--stage", "prod", "--terraform-state", &file, "--dry-run"], 0);
    let owner = &out["result"]["owners"][0];
    assert_eq!(owner["owner"]["address"], "aws_api_gateway_stage.live");
    let verdicts: Vec<&str> =
        owner["verdicts"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(
        verdicts.contains(&"Terraform resource `aws_api_gateway_stage.live` has no `access_log_settings`: the next `terraform apply` removes this access logging"),
        "{verdicts:?}"
    );
    let code = acct
        .run(&[
            "enable",
            "--api",
            "pets",
            "--stage",
            "prod",
            "--terraform-state",
            &file,
            "--emit",
            "terraform",
        ])
        .1;
    assert!(code.contains("resource \"aws_api_gateway_stage\" \"live\""), "{code}");

    for (name, text, expected) in
        [("broken.json", "{", "not JSON"), ("other.json", r#"{"resources":[]}"#, "not a Terraform state")]
    {
        let file = temp_file(&acct, name, text.as_bytes());
        let (code, _, stderr) =
            acct.run(&["enable", "--api", "pets", "--stage", "prod", "--terraform-state", &file]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(&format!("--terraform-state {file}: {expected}")), "{stderr}");
    }
}

#[test]
fn http_and_websocket_stages_have_owners_too_and_apply_emits_its_plan() {
    use aws_sdk_apigatewayv2::types::ProtocolType;
    let acct = Account::new();
    with_role(&acct);
    let web = acct.create_v2_api("web", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&web).stage_name("prod").send()).unwrap();
    let state = format!(
        r#"{{"format_version":"1.0","values":{{"root_module":{{"resources":[{{"address":"module.edge.aws_apigatewayv2_stage.prod","type":"aws_apigatewayv2_stage","values":{{"api_id":"{web}","name":"prod","access_log_settings":[]}}}}]}}}}}}"#
    );
    let file = temp_file(&acct, "state.json", state.as_bytes());
    let out =
        acct.json(&["enable", "--api", "web", "--stage", "prod", "--terraform-state", &file, "--dry-run"], 0);
    assert_eq!(
        out["result"]["owners"][0]["verdicts"][0],
        "Terraform resource `module.edge.aws_apigatewayv2_stage.prod` has no `access_log_settings`: the next `terraform apply` removes this access logging"
    );

    // A WebSocket API made by a stack (its tags name it, as CloudFormation's do).
    create_stack(
        &acct,
        "ChatStack",
        r#"{"Resources":{"Logs":{"Type":"AWS::Logs::LogGroup","Properties":{"LogGroupName":"chat"}}}}"#,
    );
    let chat = acct
        .block_on(
            acct.apigw2()
                .create_api()
                .name("chat")
                .protocol_type(ProtocolType::Websocket)
                .route_selection_expression("$request.body.action")
                .tags("aws:cloudformation:stack-name", "ChatStack")
                .send(),
        )
        .unwrap()
        .api_id()
        .unwrap()
        .to_string();
    acct.block_on(acct.apigw2().create_stage().api_id(&chat).stage_name("prod").send()).unwrap();
    let out =
        acct.json(&["stage", "set", "--api", "chat", "--stage", "prod", "--level", "info", "--dry-run"], 0);
    let owner = &out["result"]["owners"][0];
    assert_eq!(
        (owner["owner"]["stack"].as_str(), owner["owner"]["generator"].as_str()),
        (Some("ChatStack"), Some("cloudformation"))
    );
    assert!(
        owner["verdicts"][0].as_str().unwrap().starts_with("stack ChatStack does not declare these settings"),
        "{owner}"
    );

    // apply -f … --emit prints the file's plan as code and changes nothing.
    let manifest = temp_file(&acct, "logs.toml", b"[[stage]]\napi = \"chat\"\nlevel = \"error\"\n");
    let before = acct.block_on(acct.apigw2().get_stage().api_id(&chat).stage_name("prod").send()).unwrap();
    let (code, stdout, stderr) = acct.run(&["apply", "-f", &manifest, "--emit", "cloudformation"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("AWS::ApiGatewayV2::Stage") && stdout.contains("\"LoggingLevel\": \"ERROR\""),
        "{stdout}"
    );
    let after = acct.block_on(acct.apigw2().get_stage().api_id(&chat).stage_name("prod").send()).unwrap();
    assert_eq!(
        format!("{:?}", before.default_route_settings()),
        format!("{:?}", after.default_route_settings())
    );
}

#[test]
fn a_cloudformation_that_cannot_be_read_leaves_owners_unknown_with_one_warning_and_few_retries() {
    use crate::faults::{Fault, Proxy, When};
    use aws_sdk_apigatewayv2::types::ProtocolType;
    let acct = Account::new();
    with_role(&acct);
    // An untagged REST API costs no look-up (stacks tag what they make, and the listing carries
    // the tags); an untagged HTTP API may be a stack's (SAM defines it from an OpenAPI body,
    // which CloudFormation does not tag), so it is looked up.
    acct.create_api("orders", "prod", &[]);
    let quiet = Proxy::start(emulator_url());
    let rest = ["stage", "set", "--api", "orders", "--stage", "prod", "--level", "info", "--dry-run"];
    let (code, _, stderr) = acct.run_at(&quiet.url, &rest);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(quiet.calls("cloudformation:DescribeStackResources"), 0);
    let web = acct.create_v2_api("web", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&web).stage_name("prod").send()).unwrap();
    let args = ["stage", "set", "--api", "web", "--stage", "prod", "--metrics", "on", "--dry-run"];

    // A caller whose policy leaves CloudFormation out is told which permissions to grant.
    let denied = Proxy::start(emulator_url());
    denied.fault(
        "cloudformation:DescribeStackResources",
        Fault::Refuse(
            403,
            "AccessDenied",
            "User is not authorized to perform: cloudformation:DescribeStackResources",
        ),
        When::Always,
    );
    let (code, _, stderr) = acct.run_at(&denied.url, &args);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr.matches("cannot read CloudFormation").count(), 1, "{stderr}");
    assert!(
        stderr.contains("grant cloudformation:DescribeStackResources and cloudformation:GetTemplate"),
        "{stderr}"
    );

    // An endpoint that keeps failing (LocalStack answers this call with a 500) is tried twice,
    // not for the SDK's full budget, and no permission is blamed.
    let failing = Proxy::start(emulator_url());
    failing.fault("cloudformation:DescribeStackResources", Fault::Status(500), When::Always);
    let (code, _, stderr) = acct.run_at(&failing.url, &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("stages defined by stacks are not recognised in this run"), "{stderr}");
    assert!(!stderr.contains("grant cloudformation"), "{stderr}");
    assert_eq!(failing.calls("cloudformation:DescribeStackResources"), 2);
}
