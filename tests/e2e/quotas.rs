//! The tool against AWS's quotas and trust rules, behind the strict double: a fleet run paced under
//! the quotas, throttling that still arrives absorbed, and the trust policy AWS documents.

use crate::faults::Proxy;
use crate::harness::*;

/// `count` REST APIs with one stage each.
fn fleet(acct: &Account, count: usize) -> Vec<String> {
    (0..count).map(|i| acct.create_api(&format!("svc-{i:02}"), "prod", &[])).collect()
}

fn assert_configured(acct: &Account, apis: &[String]) {
    for api in apis {
        let stage = acct.stage(api, "prod");
        assert_eq!(stage.method_settings().unwrap()["*/*"].logging_level(), Some("INFO"), "{api}");
        assert!(stage.access_log_settings().and_then(|a| a.destination_arn()).is_some(), "{api}");
    }
}

#[test]
fn a_fleet_run_is_paced_under_the_quotas_it_shares_with_the_double() {
    let acct = Account::new();
    let apis = fleet(&acct, 16);
    // Tool and double agree on the quotas (AWS's rates times 4): 32 new log groups against a
    // burst of 5 and 20/s would be throttled without pacing.
    let double = Proxy::strict(emulator_url(), 4.0);
    let out = acct.json_at(&double.url, &["enable", "--all-apis", "--all-stages", "--quota-scale", "4"], 0);
    assert!(out["targets"].as_array().unwrap().iter().all(|t| t["error"].is_null()), "{out}");
    assert_configured(&acct, &apis);
    let stats = double.stats();
    let calls = stats["calls"].as_u64().unwrap();
    assert!(stats["buckets"]["logs:CreateLogGroup"]["accepted"].as_u64().unwrap() >= 32, "{stats}");
    assert!(double.throttled() * 50 <= calls, "throttled more than 2 % of {calls} calls: {stats}");
}

#[test]
fn throttling_that_still_arrives_slows_the_client_down_and_never_fails_the_run() {
    let acct = Account::new();
    let apis = fleet(&acct, 12);
    // The tool assumes quotas 4 times what the double grants (say, another tool shares them).
    let double = Proxy::strict(emulator_url(), 2.0);
    let out = acct.json_at(&double.url, &["enable", "--all-apis", "--all-stages", "--quota-scale", "8"], 0);
    assert!(out["targets"].as_array().unwrap().iter().all(|t| t["error"].is_null()), "{out}");
    assert_configured(&acct, &apis);
    assert!(double.throttled() > 0, "the test must provoke throttling: {}", double.stats());
}

#[test]
fn new_roles_get_aws_documented_trust_and_the_hardened_opt_in_is_explained_when_refused() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    // The hardened policy, which API Gateway may not satisfy: the double refuses it as AWS may.
    let (code, _, stderr) =
        acct.run(&["enable", "--api", "orders", "--stage", "prod", "--hardened-trust", "--wait", "3"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("conditions (StringEquals aws:SourceAccount)") && stderr.contains("--hardened-trust"),
        "the error names the condition as the likely cause: {stderr}"
    );
    let trust = acct.role_trust("apigateway-cloudwatch-logs").unwrap();
    assert_eq!(trust["Statement"][0]["Condition"]["StringEquals"]["aws:SourceAccount"], acct.id.as_str());
    assert_eq!(acct.account_role(), None);
    assert_eq!(acct.stage(&api, "prod").method_settings().map(|m| m.len()).unwrap_or(0), 0);

    // The default, on a fresh role name: AWS's plain policy, accepted once IAM has propagated it.
    let out = acct.json(&["enable", "--api", "orders", "--stage", "prod", "--role-name", "plain-logging"], 0);
    assert_eq!(out["changed"], true);
    let trust = acct.role_trust("plain-logging").unwrap();
    assert!(trust["Statement"][0].get("Condition").is_none(), "{trust}");
    assert_eq!(acct.account_role(), Some(format!("arn:aws:iam::{}:role/plain-logging", acct.id)));

    // A conditioned role made by someone else looks healthy to the tool; AWS's refusal is
    // explained, and the account keeps its role.
    acct.create_role("team-logging", &api_gateway_trust(&acct.id), true);
    let (code, _, stderr) =
        acct.run(&["account", "set-role", "--role-name", "team-logging", "--wait", "2", "--yes"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("conditions (StringEquals aws:SourceAccount)"), "{stderr}");
    assert_eq!(acct.account_role(), Some(format!("arn:aws:iam::{}:role/plain-logging", acct.id)));
}
