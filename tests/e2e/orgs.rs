//! Organisation scale: an AWS Organization in the emulator (its management account is a fresh
//! test account), members reached through `OrganizationAccountAccessRole`; `status`, `enable` and
//! `apply` across them, one member whose role cannot be assumed (the strict double refuses it as
//! AWS does), state read back per account through the SDK.

use crate::faults::Proxy;
use crate::harness::*;
use aws_sdk_apigatewayv2::types::ProtocolType;
use serde_json::Value;

const ROLE: &str = "OrganizationAccountAccessRole";

/// An organization under `management` with `members` new accounts, their ids in creation order.
fn organization(management: &Account, members: usize) -> Vec<String> {
    let org = aws_sdk_organizations::Client::new(&management.config);
    management.block_on(async {
        org.create_organization().send().await.unwrap();
        let mut ids = Vec::new();
        for i in 0..members {
            let created = org
                .create_account()
                .account_name(format!("member-{i}"))
                .email(format!("member-{i}@example.com"))
                .send()
                .await
                .unwrap();
            ids.push(created.create_account_status().unwrap().account_id().unwrap().to_string());
        }
        ids
    })
}

/// `args` over every member of the organization.
fn across<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(["--all-accounts", "--assume-role", ROLE]);
    all
}

fn member(id: &str) -> Account {
    Account::assumed(id.to_string(), ROLE)
}

fn role_arn(id: &str) -> String {
    format!("arn:aws:iam::{id}:role/{ROLE}")
}

fn outcome<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"] == id)
        .unwrap_or_else(|| panic!("{id} in {doc}"))
}

/// The codes and controls of every finding of an account's `status` document.
fn findings(doc: &Value) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    for api in doc["result"]["regions"][0]["apis"].as_array().unwrap() {
        for stage in api["stages"].as_array().unwrap() {
            for f in stage["findings"].as_array().unwrap() {
                let controls = f["controls"]
                    .as_array()
                    .map_or(vec![], |c| c.iter().map(|c| c.as_str().unwrap().to_string()).collect());
                found.push((f["code"].as_str().unwrap().to_string(), controls));
            }
        }
    }
    found
}

#[test]
fn status_and_enable_across_an_organization_with_one_account_out_of_reach() {
    let management = Account::new();
    let ids = organization(&management, 5);
    let (healthy, refused, closed) = (&ids[..3], &ids[3], &ids[4]);
    for (i, id) in healthy.iter().enumerate() {
        let acct = member(id);
        acct.create_api(&format!("orders-{i}"), "prod", &[]);
        if i == 0 {
            let ws = acct.create_v2_api("chat", ProtocolType::Websocket);
            acct.block_on(acct.apigw2().create_stage().api_id(&ws).stage_name("live").send()).unwrap();
        }
    }
    let org = aws_sdk_organizations::Client::new(&management.config);
    management.block_on(org.close_account().account_id(closed).send()).unwrap();
    let proxy = Proxy::start(emulator_url());
    proxy.refuse_assume_role(&role_arn(refused));

    // status: every ACTIVE member but the caller, each with its findings and control ids.
    let doc = management.json_at(&proxy.url, &across(&["status"]), 5);
    let listed: Vec<&str> =
        doc["accounts"].as_array().unwrap().iter().map(|a| a["account"].as_str().unwrap()).collect();
    let mut expected: Vec<&str> = ids[..4].iter().map(String::as_str).collect();
    expected.sort();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, expected, "the closed account and the caller's own are left out");
    let error = outcome(&doc, refused)["error"].as_str().unwrap();
    assert!(error.contains(&format!("cannot assume role {ROLE} in account {refused}")), "{error}");
    assert!(error.contains("AccessDenied"), "{error}");
    for id in healthy {
        let found = findings(outcome(&doc, id));
        assert!(
            found.contains(&("execution-logging-off".to_string(), vec!["APIGateway.1".to_string()])),
            "{id}: {found:?}"
        );
        assert!(outcome(&doc, id)["errors"].as_u64().unwrap() > 0, "{doc}");
    }
    let websocket = findings(outcome(&doc, &healthy[0]));
    assert!(
        websocket.contains(&("access-logging-off".to_string(), vec!["APIGateway.9".to_string()])),
        "{websocket:?}"
    );

    // --controls, as text: counts per control and account, and the table of accounts.
    let (code, text, _) = management.run_at(&proxy.url, &across(&["status", "--controls"]));
    assert_eq!(code, 5);
    assert!(text.contains(&format!("== account {}", healthy[0])), "{text}");
    assert!(text.contains("APIGateway.1   passed    0   failed    2"), "{text}");
    assert!(text.contains("APIGateway.9   passed    0   failed    1"), "{text}");
    let row = text.lines().find(|l| l.starts_with(refused.as_str())).unwrap();
    assert!(row.ends_with("failed"), "{row}");
    // And one table of every account's passes and failures per control.
    let table = text.split("Security Hub controls, passed/failed:").nth(1).expect("the controls table");
    let row: Vec<&str> =
        table.lines().find(|l| l.starts_with(healthy[0].as_str())).unwrap().split_whitespace().collect();
    assert_eq!(row[1..], ["0/2", "0/1", "0/0"], "{table}");

    // enable everywhere: configured in each reachable account, read back there.
    let enable = across(&["enable", "--all-apis", "--all-stages"]);
    let doc = management.json_at(&proxy.url, &enable, 1);
    assert!(outcome(&doc, refused)["error"].is_string());
    for id in healthy {
        let acct = member(id);
        assert!(acct.account_role().is_some(), "{id}: the account role is set");
        let api =
            acct.block_on(acct.apigw().get_rest_apis().send()).unwrap().items()[0].id().unwrap().to_string();
        let stage = acct.stage(&api, "prod");
        assert_eq!(stage.method_settings().unwrap()["*/*"].logging_level(), Some("INFO"), "{id}");
        assert!(stage.access_log_settings().is_some(), "{id}");
        assert!(outcome(&doc, id)["changed"].as_u64().unwrap() >= 1, "{doc}");
    }
    let acct = member(&healthy[0]);
    let ws = acct.block_on(acct.apigw2().get_apis().send()).unwrap().items()[0].api_id().unwrap().to_string();
    let live = acct.block_on(acct.apigw2().get_stage().api_id(&ws).stage_name("live").send()).unwrap();
    assert_eq!(
        live.default_route_settings().and_then(|r| r.logging_level()),
        Some(&aws_sdk_apigatewayv2::types::LoggingLevel::Info),
        "the WebSocket stage too"
    );
    assert!(live.access_log_settings().is_some());
    // A rerun writes nothing in any account.
    let again = management.json_at(&proxy.url, &enable, 1);
    for id in healthy {
        let result = &outcome(&again, id)["result"];
        assert_eq!(result["changed"], false, "{id}: {result}");
        assert_eq!(outcome(&again, id)["changed"], 0);
    }
}

#[test]
fn apply_scopes_entries_by_account_and_ou() {
    let management = Account::new();
    let ids = organization(&management, 2);
    for id in &ids {
        member(id).create_api("orders", "prod", &[]);
    }
    let org = aws_sdk_organizations::Client::new(&management.config);
    let ou = management.block_on(async {
        let root = org.list_roots().send().await.unwrap().roots()[0].id().unwrap().to_string();
        let ou = org.create_organizational_unit().parent_id(&root).name("payments").send().await.unwrap();
        let ou = ou.organizational_unit().unwrap().id().unwrap().to_string();
        org.move_account()
            .account_id(&ids[1])
            .source_parent_id(&root)
            .destination_parent_id(&ou)
            .send()
            .await
            .unwrap();
        ou
    });
    let file = temp_file(
        &management,
        "apigw-logs.toml",
        format!(
            "[[stage]]\napi = \"orders\"\naccount = \"{}\"\nlevel = \"error\"\n\n[[stage]]\napi = \"orders\"\nou = \"{ou}\"\nlevel = \"info\"\nmetrics = true\n",
            ids[0]
        )
        .as_bytes(),
    );
    let args = ["apply", "-f", &file, "--account", &ids[0], "--account", &ids[1], "--assume-role", ROLE];
    management.json(&args, 0);
    let settings = |id: &str| {
        let acct = member(id);
        let api =
            acct.block_on(acct.apigw().get_rest_apis().send()).unwrap().items()[0].id().unwrap().to_string();
        let stage = acct.stage(&api, "prod");
        let wide = stage.method_settings().unwrap()["*/*"].clone();
        (wide.logging_level().map(String::from), wide.metrics_enabled())
    };
    assert_eq!(settings(&ids[0]), (Some("ERROR".into()), false), "only the entry for this account");
    assert_eq!(settings(&ids[1]), (Some("INFO".into()), true), "only the entry for its OU");
    let (code, _, stderr) = management.run(&[
        "apply",
        "-f",
        &file,
        "--check",
        "--account",
        &ids[0],
        "--account",
        &ids[1],
        "--assume-role",
        ROLE,
    ]);
    assert_eq!(code, 0, "no drift: {stderr}");

    // Without a run over accounts, `ou` cannot be matched: refused before any call that writes.
    let (code, _, stderr) = management.run(&["apply", "-f", &file]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--all-accounts"), "{stderr}");

    // An entry scoped outside the run would change nothing: refused before any write.
    let proxy = Proxy::start(emulator_url());
    let only_second = ["apply", "-f", &file, "--account", &ids[1], "--assume-role", ROLE];
    for check in [false, true] {
        let mut args = only_second.to_vec();
        if check {
            args.push("--check");
        }
        let (code, _, stderr) = management.run_at(&proxy.url, &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        let expected = format!(
            "[[stage]] #1 (api = \"orders\", stage = \"*\"): `account = \"{}\"` is not an account of this run",
            ids[0]
        );
        assert!(stderr.contains(&expected), "{stderr}");
    }
    let no_such_ou = temp_file(
        &management,
        "no-ou.toml",
        b"[[stage]]\napi = \"orders\"\nou = \"ou-zzzz-99999999\"\nlevel = \"info\"\n",
    );
    let (code, _, stderr) = management.run_at(&proxy.url, &across(&["apply", "-f", &no_such_ou]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`ou = \"ou-zzzz-99999999\"` is above none of the accounts of this run"),
        "{stderr}"
    );
    assert_eq!(proxy.writes(), Vec::<String>::new(), "nothing written");
    assert_eq!(settings(&ids[1]), (Some("INFO".into()), true), "unchanged");
}

#[test]
fn accounts_are_checked_before_anything_runs() {
    let acct = Account::new();
    acct.create_api("orders", "prod", &[]);
    // Your own account needs no role to assume.
    let doc = acct.json(&["stage", "show", "--api", "orders", "--account", &acct.id], 0);
    assert_eq!(doc["accounts"][0]["account"], acct.id.as_str());
    assert_eq!(doc["accounts"][0]["result"]["apis"][0]["api"]["name"], "orders");
    // Another account does.
    let (code, _, stderr) = acct.run(&["status", "--account", "123456789012"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--assume-role"), "{stderr}");
    let (code, _, stderr) = acct.run(&["status", "--assume-role", ROLE]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--all-accounts"), "{stderr}");
    let (code, _, stderr) = acct.run(&["status", "--account", "12345"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("12 digits"), "{stderr}");
    // Bad input is refused before the first call to AWS, as without account flags.
    let proxy = Proxy::start(emulator_url());
    let bad = ["enable", "--all-apis", "--all-stages", "--access-log-format", "$context.status"];
    let (code, _, stderr) = acct.run_at(&proxy.url, &across(&bad));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("requestId"), "{stderr}");
    assert_eq!(proxy.stats()["calls"], 0, "no call made");
}
