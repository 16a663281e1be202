//! `--emit`: the code printed for REST, HTTP and WebSocket stages is checked by the tools' own
//! validators where they install from the registries (cfn-lint for CloudFormation and SAM, from
//! the emulator's venv; the CDK code compiled by TypeScript and synthesized by aws-cdk-lib, pinned
//! in tests/cdk, its template linted and read) and by an HCL parser for Terraform (no Terraform
//! binary installs from the registries); with `--emit` alone nothing is written.

use crate::faults::Proxy;
use crate::harness::*;
use aws_sdk_apigatewayv2::types::ProtocolType;

pub(crate) fn cfn_lint(acct: &Account, name: &str, template: &str) {
    let lint = repo_root().join(".venv/bin/cfn-lint");
    assert!(lint.exists(), "cfn-lint is missing: run scripts/setup-emulator.sh (it comes with moto[server])");
    let path = temp_file(acct, name, template.as_bytes());
    let out = std::process::Command::new(lint).arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "cfn-lint refused {name}:\n{}\n{template}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// The CloudFormation template CDK synthesizes from an emitted snippet, pasted into a stack's
/// constructor with `usage` after it.
pub(crate) fn cdk_synth(snippet: &str, usage: &str) -> serde_json::Value {
    let cdk = repo_root().join("tests/cdk");
    let tsc = cdk.join("node_modules/.bin/tsc");
    assert!(tsc.exists(), "the CDK check is not installed: run scripts/setup-cdk-check.sh (it needs npm)");
    let (imports, body): (Vec<&str>, Vec<&str>) = snippet.lines().partition(|l| l.starts_with("import "));
    let app = format!(
        "{}\nimport {{ Construct }} from 'constructs';\n\
         class Emitted extends cdk.Stack {{\n  constructor(scope: Construct) {{\n    super(scope, 'Emitted');\n\
         {}\n{usage}\n  }}\n}}\nconst app = new cdk.App({{ outdir: 'cdk.out' }});\nnew Emitted(app);\napp.synth();\n",
        imports.join("\n"),
        body.join("\n")
    );
    // Inside tests/cdk, so that the compiler and node find its node_modules.
    let dir = tempfile::Builder::new().prefix("synth-").tempdir_in(&cdk).unwrap();
    std::fs::write(dir.path().join("app.ts"), &app).unwrap();
    let run = |program: &std::path::Path, args: &[&str]| {
        let out = std::process::Command::new(program).args(args).current_dir(dir.path()).output().unwrap();
        assert!(
            out.status.success(),
            "{} refused the emitted CDK code:\n{}{}\n{app}",
            program.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let strict = ["--strict", "--noEmitOnError", "--skipLibCheck", "--target", "es2022"];
    run(&tsc, &[&strict[..], &["--module", "commonjs", "--moduleResolution", "node", "app.ts"]].concat());
    run(std::path::Path::new("node"), &["app.js"]);
    let template = std::fs::read_to_string(dir.path().join("cdk.out/Emitted.template.json")).unwrap();
    serde_json::from_str(&template).unwrap()
}

/// The properties of the template's only resource of type `kind`.
fn only<'a>(template: &'a serde_json::Value, kind: &str) -> &'a serde_json::Value {
    let found: Vec<&serde_json::Value> =
        template["Resources"].as_object().unwrap().values().filter(|r| r["Type"] == kind).collect();
    assert_eq!(found.len(), 1, "one {kind} in {template:#}");
    &found[0]["Properties"]
}

/// The Terraform resources (type, name) of a snippet, parsed as HCL.
pub(crate) fn terraform_resources(code: &str) -> Vec<(String, String)> {
    let body: hcl::Body = hcl::from_str(code).unwrap_or_else(|e| panic!("not HCL ({e}):\n{code}"));
    body.blocks()
        .filter(|b| b.identifier() == "resource")
        .map(|b| {
            let labels: Vec<String> = b.labels().iter().map(|l| l.as_str().to_string()).collect();
            (labels[0].clone(), labels[1].clone())
        })
        .collect()
}

fn emitted(acct: &Account, args: &[&str]) -> String {
    let (code, stdout, stderr) = acct.run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    stdout
}

#[test]
fn emitted_code_passes_each_tool_s_validator_for_every_api_type() {
    let acct = Account::new();
    let arn = acct.create_role("logging", API_GATEWAY_TRUST, true);
    acct.set_account_role(&arn);
    acct.create_api("orders", "prod", &[("/pets/{id}", "GET")]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod", "--yes"], 0);
    acct.json(
        &[
            "stage",
            "set",
            "--api",
            "orders",
            "--stage",
            "prod",
            "--method",
            "GET /pets/{id}",
            "--level",
            "info",
        ],
        0,
    );
    let web = acct.create_v2_api("web", ProtocolType::Http);
    acct.block_on(acct.apigw2().create_stage().api_id(&web).stage_name("prod").send()).unwrap();
    acct.json(&["enable", "--api", "web", "--stage", "prod"], 0);
    let chat = acct.create_v2_api("chat", ProtocolType::Websocket);
    acct.block_on(acct.apigw2().create_route().api_id(&chat).route_key("$connect").send()).unwrap();
    acct.block_on(acct.apigw2().create_stage().api_id(&chat).stage_name("prod").send()).unwrap();
    acct.json(
        &["enable", "--api", "chat", "--stage", "prod", "--route", "$connect", "--level", "info", "--yes"],
        0,
    );

    for api in ["orders", "web", "chat"] {
        let show =
            |tool: &str| emitted(&acct, &["stage", "show", "--api", api, "--stage", "prod", "--emit", tool]);
        let template = show("cloudformation");
        cfn_lint(&acct, &format!("{api}.json"), &template);
        cfn_lint(&acct, &format!("{api}-sam.json"), &show("sam"));
        let resources = terraform_resources(&show("terraform"));
        let types: Vec<&str> = resources.iter().map(|(t, _)| t.as_str()).collect();
        match api {
            "orders" => {
                assert_eq!(
                    types,
                    [
                        "aws_cloudwatch_log_group",
                        "aws_api_gateway_stage",
                        "aws_api_gateway_method_settings",
                        "aws_api_gateway_method_settings",
                        "aws_api_gateway_account"
                    ]
                );
                assert!(template.contains(r#""ResourcePath": "/~1pets~1{id}""#), "{template}");
            }
            "web" => assert_eq!(types, ["aws_cloudwatch_log_group", "aws_apigatewayv2_stage"]),
            _ => assert_eq!(
                types,
                ["aws_cloudwatch_log_group", "aws_apigatewayv2_stage", "aws_api_gateway_account"]
            ),
        }
        // CDK: compiled, synthesized, linted, and read back.
        let code = show("cdk");
        let usage = match api {
            // The snippet gives the RestApi's props; the API itself is the user's.
            "orders" => {
                "const api = new apigateway.RestApi(this, 'Api', { ...ordersProdProps });\n\
                         api.root.addResource('pets').addResource('{id}').addMethod('GET');"
            }
            _ => "",
        };
        let synthesized = cdk_synth(&code, usage);
        cfn_lint(&acct, &format!("{api}-cdk.json"), &synthesized.to_string());
        let stage = if api == "orders" {
            let stage = only(&synthesized, "AWS::ApiGateway::Stage");
            let settings = stage["MethodSettings"].as_array().unwrap();
            assert!(
                settings.iter().any(|s| s["ResourcePath"] == "/~1pets~1{id}"
                    && s["HttpMethod"] == "GET"
                    && s["LoggingLevel"] == "INFO"),
                "{stage:#}"
            );
            stage["AccessLogSetting"].clone()
        } else {
            only(&synthesized, "AWS::ApiGatewayV2::Stage")["AccessLogSettings"].clone()
        };
        let destination = stage["DestinationArn"].to_string();
        assert!(destination.contains("log-group"), "{stage:#}");
        assert!(!destination.contains(":*"), "API Gateway stores the destination without :* ({destination})");
        assert!(stage["Format"].as_str().unwrap().contains("$context.requestId"), "{stage:#}");
        if api != "web" {
            // HTTP APIs have no execution logs, so no account role.
            only(&synthesized, "AWS::ApiGateway::Account");
        }
        assert!(!show("serverless").is_empty());
    }
}

#[test]
fn emit_alone_writes_nothing_and_emit_with_apply_applies() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    let proxy = Proxy::start(emulator_url());
    let (code, stdout, stderr) = acct.run_at(
        &proxy.url,
        &["enable", "--api", "orders", "--stage", "prod", "--level", "info", "--emit", "terraform"],
    );
    assert_eq!(code, 0, "{stderr}");
    let resources = terraform_resources(&stdout);
    assert!(
        resources.contains(&("aws_api_gateway_method_settings".into(), "orders_prod_all".into())),
        "{resources:?}"
    );
    assert!(stdout.contains(r#"logging_level      = "INFO""#), "the planned settings: {stdout}");
    assert!(stdout.contains("cloudwatch_role_arn"), "the role the plan would set: {stdout}");
    assert_eq!(proxy.writes(), Vec::<String>::new());

    let out =
        acct.json(&["stage", "show", "--api", "orders", "--stage", "prod", "--emit", "cloudformation"], 0);
    assert_eq!(out["emit"], "cloudformation");
    assert!(out["code"].as_str().unwrap().contains("AWS::ApiGateway::Stage"));

    let (code, stdout, stderr) = acct.run(&[
        "enable",
        "--api",
        "orders",
        "--stage",
        "prod",
        "--level",
        "info",
        "--emit",
        "cloudformation",
        "--apply",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("AWS::ApiGateway::Account") && stdout.contains("Applied"), "{stdout}");
    assert_eq!(stdout.matches("AWSTemplateFormatVersion").count(), 1, "the code once: {stdout}");
    let wide = acct.stage(&api, "prod").method_settings().unwrap()["*/*"].clone();
    assert_eq!(wide.logging_level(), Some("INFO"));
}
