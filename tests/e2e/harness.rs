//! End-to-end harness: one moto server per test process on a free loopback port, one fresh AWS
//! account per test (moto keeps all state per account), the real binary run through a strict AWS
//! double in front of it (`faults.rs`: AWS's rules and quotas), and SDK clients of the test's own,
//! straight to the emulator, for setting up state and verifying it independently.

use crate::faults::Proxy;
use assert_cmd::Command;
use std::io::Write as _;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub const REGION: &str = "us-east-1";
/// AWS's quota rates are multiplied by this in the doubles the binary talks to, and the binary is
/// told so (`APIGW_LOGS_QUOTA_SCALE`) to pace itself at the same scaled rates.
pub const QUOTA_SCALE: f64 = 20.0;
const SETUP: &str = "scripts/setup-emulator.sh";

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A stdout whose reader is already gone (`apigw-logs … | head -1` once head has exited): the
/// first write fails with a broken pipe.
pub fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

struct Emulator {
    url: String,
    // Held so the server lives as long as the test process (see `start_emulator`).
    _guard: Child,
}

static EMULATOR: OnceLock<Emulator> = OnceLock::new();

/// The emulator's base URL, starting it on first use. A missing emulator is a loud failure with
/// the command that installs it — never a skip.
pub fn emulator_url() -> &'static str {
    &EMULATOR.get_or_init(start_emulator).url
}

fn start_emulator() -> Emulator {
    let venv = repo_root().join(".venv");
    assert!(
        venv.join("bin/moto_server").exists(),
        "the AWS emulator (moto server) is not installed in {}.\nInstall it with: {SETUP}\n(or run the whole suite with scripts/test.sh, which installs it)",
        venv.display()
    );
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    // The wrapper shell kills moto when our end of its stdin closes, i.e. when this test
    // process exits however it exits, so no server outlives the test run.
    let guard = std::process::Command::new("bash")
        .args(["-c", r#""$0" scripts/emulator.py "$1" >/dev/null 2>&1 & pid=$!; read -r _; kill $pid"#])
        .arg(venv.join("bin/python"))
        .arg(port.to_string())
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .spawn()
        .expect("start moto server");
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "moto server did not start on port {port} within 30 s: `.venv/bin/python scripts/emulator.py {port}` shows why; {SETUP} installs the pinned version"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Emulator { url: format!("http://127.0.0.1:{port}"), _guard: guard }
}

static DOUBLE: OnceLock<Proxy> = OnceLock::new();

/// The URL of the strict AWS double shared by the test process (started on first use): AWS's
/// rules and quotas at [`QUOTA_SCALE`], roles refused by UpdateAccount for 2 s after creation.
pub fn double_url() -> &'static str {
    &DOUBLE.get_or_init(|| Proxy::start(emulator_url())).url
}

impl Proxy {
    /// A strict double of the test's own (AWS's rules and quotas at [`QUOTA_SCALE`], IAM
    /// propagation 2 s), for faults layered on top or counting calls.
    pub fn start(upstream: &str) -> Proxy {
        let proxy = Proxy::strict(upstream, QUOTA_SCALE);
        proxy.role_propagation(Duration::from_secs(2));
        proxy
    }
}

/// A fresh AWS account in the emulator, with its own credentials.
pub struct Account {
    pub id: String,
    access_key: String,
    secret_key: String,
    session_token: String,
    pub home: tempfile::TempDir,
    runtime: tokio::runtime::Runtime,
    pub config: aws_config::SdkConfig,
}

static NEXT: AtomicU64 = AtomicU64::new(0);

fn base_config(url: &str, credentials: aws_credential_types::Credentials) -> aws_config::SdkConfig {
    aws_config::SdkConfig::builder()
        .behavior_version(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new(REGION))
        .endpoint_url(url)
        .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(credentials))
        .retry_config(aws_config::retry::RetryConfig::disabled())
        .build()
}

impl Account {
    pub fn new() -> Account {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        Account::assumed(format!("{:06}{:06}", std::process::id() % 1_000_000, n + 100_000), "e2e")
    }

    /// An account that exists already (e.g. an organization's member), through `role` in it.
    pub fn assumed(id: String, role: &str) -> Account {
        let url = emulator_url();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let root =
            base_config(url, aws_credential_types::Credentials::new("testing", "testing", None, None, "e2e"));
        let sts = aws_sdk_sts::Client::new(&root);
        let creds = runtime
            .block_on(
                sts.assume_role()
                    .role_arn(format!("arn:aws:iam::{id}:role/{role}"))
                    .role_session_name("e2e-test")
                    .send(),
            )
            .expect("emulator AssumeRole")
            .credentials
            .expect("credentials");
        let credentials = aws_credential_types::Credentials::new(
            creds.access_key_id(),
            creds.secret_access_key(),
            Some(creds.session_token().to_string()),
            None,
            "e2e",
        );
        let config = base_config(url, credentials);
        Account {
            id,
            access_key: creds.access_key_id().to_string(),
            secret_key: creds.secret_access_key().to_string(),
            session_token: creds.session_token().to_string(),
            home: tempfile::tempdir().unwrap(),
            runtime,
            config,
        }
    }

    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// API Gateway and CloudWatch Logs clients of this account that go through `endpoint`.
    pub fn clients_at(&self, endpoint: &str) -> (aws_sdk_apigateway::Client, aws_sdk_cloudwatchlogs::Client) {
        let config = self.config.to_builder().endpoint_url(endpoint).build();
        (aws_sdk_apigateway::Client::new(&config), aws_sdk_cloudwatchlogs::Client::new(&config))
    }

    pub fn apigw(&self) -> aws_sdk_apigateway::Client {
        aws_sdk_apigateway::Client::new(&self.config)
    }

    pub fn apigw2(&self) -> aws_sdk_apigatewayv2::Client {
        aws_sdk_apigatewayv2::Client::new(&self.config)
    }

    pub fn iam(&self) -> aws_sdk_iam::Client {
        aws_sdk_iam::Client::new(&self.config)
    }

    pub fn logs(&self) -> aws_sdk_cloudwatchlogs::Client {
        aws_sdk_cloudwatchlogs::Client::new(&self.config)
    }

    pub fn access_key(&self) -> &str {
        &self.access_key
    }

    pub fn secrets(&self) -> [&str; 2] {
        [&self.secret_key, &self.session_token]
    }

    /// The real binary, through the shared strict double, with an environment that holds only
    /// this account's settings: nothing from the host (profiles, regions, metadata service) can
    /// leak in.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_at(double_url(), args)
    }

    /// The binary talking to `endpoint` (e.g. a proxy with faults) instead of the shared double.
    pub fn cmd_at(&self, endpoint: &str, args: &[&str]) -> Command {
        let mut cmd = Command::from_std(self.process_at(endpoint, args));
        cmd.write_stdin("");
        cmd
    }

    /// The same as a plain process, for tests that interact with it while it runs.
    pub fn process_at(&self, endpoint: &str, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("apigw-logs"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home.path())
            .env("AWS_CONFIG_FILE", self.home.path().join("no-config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", self.home.path().join("no-credentials"))
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_ACCESS_KEY_ID", &self.access_key)
            .env("AWS_SECRET_ACCESS_KEY", &self.secret_key)
            .env("AWS_SESSION_TOKEN", &self.session_token)
            .env("AWS_REGION", REGION)
            .env("AWS_ENDPOINT_URL", endpoint)
            .env("NO_COLOR", "1")
            .env("APIGW_LOGS_QUOTA_SCALE", QUOTA_SCALE.to_string())
            .args(args);
        cmd
    }

    /// Runs the binary and returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_at(double_url(), args)
    }

    pub fn run_at(&self, endpoint: &str, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd_at(endpoint, args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Runs with `--output json`, asserts the exit code, and parses stdout.
    pub fn json(&self, args: &[&str], expected_code: i32) -> serde_json::Value {
        self.json_at(double_url(), args, expected_code)
    }

    pub fn json_at(&self, endpoint: &str, args: &[&str], expected_code: i32) -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["--output", "json"]);
        let (code, stdout, stderr) = self.run_at(endpoint, &all);
        assert_eq!(code, expected_code, "apigw-logs {args:?}\nstdout: {stdout}\nstderr: {stderr}");
        serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {stdout}\nstderr: {stderr}"))
    }

    /// A REST API with one deployed stage and the given `(path, method)`s (`GET /` when none:
    /// an API without methods cannot be deployed), made through the SDK.
    pub fn create_api(&self, name: &str, stage: &str, methods: &[(&str, &str)]) -> String {
        let methods = if methods.is_empty() { &[("/", "GET")][..] } else { methods };
        let client = self.apigw();
        self.block_on(async {
            let api = client.create_rest_api().name(name).send().await.unwrap();
            let api_id = api.id().unwrap().to_string();
            let resources = client.get_resources().rest_api_id(&api_id).send().await.unwrap();
            let root = resources.items()[0].id().unwrap().to_string();
            for (path, method) in methods {
                let mut parent = root.clone();
                if *path != "/" {
                    for part in path.trim_start_matches('/').split('/') {
                        let res = client
                            .create_resource()
                            .rest_api_id(&api_id)
                            .parent_id(&parent)
                            .path_part(part)
                            .send()
                            .await
                            .unwrap();
                        parent = res.id().unwrap().to_string();
                    }
                }
                client
                    .put_method()
                    .rest_api_id(&api_id)
                    .resource_id(&parent)
                    .http_method(*method)
                    .authorization_type("NONE")
                    .send()
                    .await
                    .unwrap();
                client
                    .put_integration()
                    .rest_api_id(&api_id)
                    .resource_id(&parent)
                    .http_method(*method)
                    .r#type(aws_sdk_apigateway::types::IntegrationType::Mock)
                    .send()
                    .await
                    .unwrap();
            }
            client.create_deployment().rest_api_id(&api_id).stage_name(stage).send().await.unwrap();
            api_id
        })
    }

    /// Deploys the API to one more stage.
    pub fn add_stage(&self, api_id: &str, stage: &str) {
        self.block_on(self.apigw().create_deployment().rest_api_id(api_id).stage_name(stage).send()).unwrap();
    }

    pub fn stage(&self, api_id: &str, stage: &str) -> aws_sdk_apigateway::types::Stage {
        let out =
            self.block_on(self.apigw().get_stage().rest_api_id(api_id).stage_name(stage).send()).unwrap();
        aws_sdk_apigateway::types::Stage::builder()
            .set_stage_name(out.stage_name)
            .set_method_settings(out.method_settings)
            .set_access_log_settings(out.access_log_settings)
            .build()
    }

    pub fn account_role(&self) -> Option<String> {
        let out = self.block_on(self.apigw().get_account().send()).unwrap();
        out.cloudwatch_role_arn.filter(|r| !r.is_empty())
    }

    /// `(name, retention)` of every log group in the account.
    /// Every log group (all pages) with its retention.
    pub fn log_groups(&self) -> Vec<(String, Option<i32>)> {
        self.block_on(async {
            let mut groups = Vec::new();
            let mut pages = self.logs().describe_log_groups().into_paginator().send();
            while let Some(page) = pages.next().await {
                groups.extend(
                    page.unwrap()
                        .log_groups()
                        .iter()
                        .map(|g| (g.log_group_name().unwrap().to_string(), g.retention_in_days())),
                );
            }
            groups
        })
    }

    pub fn attached_policies(&self, role: &str) -> Vec<String> {
        let out = self.block_on(self.iam().list_attached_role_policies().role_name(role).send()).unwrap();
        out.attached_policies().iter().map(|p| p.policy_arn().unwrap().to_string()).collect()
    }

    pub fn role_trust(&self, role: &str) -> Option<serde_json::Value> {
        let out = self.block_on(self.iam().get_role().role_name(role).send()).ok()?;
        let raw = out.role()?.assume_role_policy_document()?.to_string();
        let decoded = percent_encoding::percent_decode_str(&raw).decode_utf8_lossy().into_owned();
        Some(serde_json::from_str(&decoded).unwrap())
    }

    /// Creates a role with the given trust policy, optionally with the managed policy attached.
    pub fn create_role(&self, name: &str, trust: &str, attach: bool) -> String {
        self.block_on(async {
            let out = self
                .iam()
                .create_role()
                .role_name(name)
                .assume_role_policy_document(trust)
                .send()
                .await
                .unwrap();
            if attach {
                self.iam()
                    .attach_role_policy()
                    .role_name(name)
                    .policy_arn(MANAGED_POLICY)
                    .send()
                    .await
                    .unwrap();
            }
            out.role().unwrap().arn().to_string()
        })
    }

    pub fn set_account_role(&self, arn: &str) {
        use aws_sdk_apigateway::types::{Op, PatchOperation};
        let op = PatchOperation::builder().op(Op::Replace).path("/cloudwatchRoleArn").value(arn).build();
        self.block_on(self.apigw().update_account().patch_operations(op).send()).unwrap();
    }

    /// Everything a logging command could touch, for "state unchanged" assertions (maps sorted,
    /// so equal states compare equal).
    pub fn snapshot(&self, api_id: &str, stage: &str) -> String {
        let roles = self.block_on(self.iam().list_roles().send()).unwrap();
        let role_names: Vec<_> = roles.roles().iter().map(|r| r.role_name().to_string()).collect();
        let stage = self.stage(api_id, stage);
        let methods: std::collections::BTreeMap<_, _> = stage
            .method_settings()
            .into_iter()
            .flatten()
            .map(|(k, v)| (k.clone(), format!("{v:?}")))
            .collect();
        format!(
            "methods={methods:?}\naccess={:?}\naccount={:?}\nlog_groups={:?}\nroles={role_names:?}",
            stage.access_log_settings(),
            self.account_role(),
            self.log_groups()
        )
    }
}

pub const MANAGED_POLICY: &str = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";

/// The plain trust policy AWS documents for the account's CloudWatch role (no condition): the one
/// the strict double accepts on UpdateAccount.
pub const API_GATEWAY_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// A trust policy conditioned on `aws:SourceAccount` (what the tool itself writes); the strict
/// double treats it as unconfirmed and refuses it on UpdateAccount unless told otherwise.
pub fn api_gateway_trust(account: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Service":"apigateway.amazonaws.com"}},"Action":"sts:AssumeRole","Condition":{{"StringEquals":{{"aws:SourceAccount":"{account}"}}}}}}]}}"#
    )
}

pub const LAMBDA_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// Writes `text` to a file in the account's temp home and returns its path.
pub fn temp_file(account: &Account, name: &str, text: &[u8]) -> String {
    let path = account.home.path().join(name);
    std::fs::File::create(&path).unwrap().write_all(text).unwrap();
    path.display().to_string()
}

/// Writes `text` to a file in the account's temp home and returns `@PATH`.
pub fn at_file(account: &Account, name: &str, text: &[u8]) -> String {
    format!("@{}", temp_file(account, name, text))
}

/// The AWS calls of a JSON report's plan, in order.
pub fn plan_calls(report: &serde_json::Value) -> Vec<&str> {
    report["plan"].as_array().unwrap().iter().map(|s| s["action"]["call"].as_str().unwrap()).collect()
}

impl Account {
    /// An HTTP or WebSocket API (API Gateway v2), without stages; returns its id.
    pub fn create_v2_api(&self, name: &str, protocol: aws_sdk_apigatewayv2::types::ProtocolType) -> String {
        let api = self
            .block_on(
                self.apigw2()
                    .create_api()
                    .name(name)
                    .protocol_type(protocol)
                    .route_selection_expression("$request.body.action")
                    .send(),
            )
            .unwrap();
        api.api_id().unwrap().to_string()
    }
}

impl Account {
    pub fn lambda(&self) -> aws_sdk_lambda::Client {
        aws_sdk_lambda::Client::new(&self.config)
    }

    /// A Lambda function (the emulator stores it without running it); returns its ARN.
    pub fn create_function(&self, name: &str) -> String {
        let role = self.create_role(&format!("{name}-role"), LAMBDA_TRUST, false);
        let code = aws_sdk_lambda::types::FunctionCode::builder()
            .zip_file(aws_smithy_types::Blob::new(EMPTY_ZIP.to_vec()))
            .build();
        let made = self
            .block_on(
                self.lambda()
                    .create_function()
                    .function_name(name)
                    .runtime(aws_sdk_lambda::types::Runtime::Python312)
                    .role(role)
                    .handler("index.handler")
                    .code(code)
                    .send(),
            )
            .unwrap();
        made.function_arn().unwrap().to_string()
    }

    /// Writes `events` (milliseconds, message) into a stream of `group`, creating the group and
    /// the stream when they do not exist.
    pub fn put_events(&self, group: &str, stream: &str, events: &[(i64, impl AsRef<str>)]) {
        let logs = self.logs();
        self.block_on(async {
            let _ = logs.create_log_group().log_group_name(group).send().await;
            let _ = logs.create_log_stream().log_group_name(group).log_stream_name(stream).send().await;
            let batch: Vec<aws_sdk_cloudwatchlogs::types::InputLogEvent> = events
                .iter()
                .map(|(t, m)| {
                    aws_sdk_cloudwatchlogs::types::InputLogEvent::builder()
                        .timestamp(*t)
                        .message(m.as_ref())
                        .build()
                        .unwrap()
                })
                .collect();
            logs.put_log_events()
                .log_group_name(group)
                .log_stream_name(stream)
                .set_log_events(Some(batch))
                .send()
                .await
                .unwrap();
        });
    }
}

/// An empty zip archive (its end-of-central-directory record alone).
const EMPTY_ZIP: [u8; 22] = [0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

pub fn now_millis() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}
