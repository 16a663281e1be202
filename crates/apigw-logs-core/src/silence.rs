//! `status`: chains that are configured but silent. A stage with traffic in the last 24 hours
//! whose destination received nothing in that time is an error; each cause the tool can check is
//! listed with what it found, the likely ones first, and the fix of the likeliest.

use crate::finding::{At, Finding, Remedy, Severity};
use crate::request::CommandLine;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// Which logs went quiet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Logs {
    Access,
    Execution,
}

impl Logs {
    fn label(self) -> &'static str {
        match self {
            Logs::Access => "access",
            Logs::Execution => "execution",
        }
    }
}

/// One cause checked, and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cause {
    pub check: &'static str,
    pub found: String,
    pub likely: bool,
    /// What fixes it, when it is the likely cause.
    pub fix: Option<String>,
}

/// A destination that took in nothing while its stage served requests.
#[derive(Clone, Debug, PartialEq)]
pub struct Silence {
    pub logs: Logs,
    /// The log group name or the delivery stream ARN.
    pub destination: String,
    pub requests: f64,
    pub causes: Vec<Cause>,
}

impl Silence {
    pub fn finding(&self) -> Finding {
        let mut causes = self.causes.clone();
        causes.sort_by_key(|c| !c.likely);
        let listed: Vec<String> = causes
            .iter()
            .map(|c| format!("{}: {}{}", c.check, c.found, if c.likely { " (likely the cause)" } else { "" }))
            .collect();
        let message = format!(
            "{} logs are on and the stage served {} request(s) in the last 24 hours, but {} received nothing in that time; checked: {}",
            self.logs.label(),
            crate::cost::count(self.requests),
            self.destination,
            listed.join("; ")
        );
        let code = match self.logs {
            Logs::Access => "access-logs-silent",
            Logs::Execution => "execution-logs-silent",
        };
        let fix = causes.iter().filter(|c| c.likely).filter_map(|c| c.fix.clone()).collect::<Vec<_>>();
        let finding = Finding::new(Severity::Error, code, message);
        match fix.is_empty() {
            true => finding.advice(
                "none of the causes checked here explains it: look in CloudTrail for denied logs:PutLogEvents, logs:CreateLogStream or firehose:PutRecord* calls by API Gateway",
            ),
            false => finding.advice(fix.join("; and ")),
        }
    }
}

/// The account role as a cause: REST and WebSocket stages write through it.
pub fn role_cause(role_arn: Option<&str>, healthy: bool, role_name: &str, at: &At) -> Cause {
    let (found, likely) = match (role_arn, healthy) {
        (None, _) => ("the account has no role set (cloudwatchRoleArn)".to_string(), true),
        (Some(arn), false) => (format!("{arn} is set but is not healthy (see the account's findings)"), true),
        (Some(arn), true) => (format!("{arn} is set and healthy"), false),
    };
    let fix = likely.then(|| Remedy::AccountRole(role_name.to_string()).command(at));
    Cause { check: "account role", found, likely, fix }
}

/// Whether a KMS key policy lets CloudWatch Logs in this region use the key: an Allow statement
/// whose principal is the regional service (`logs.REGION.amazonaws.com`), or any principal.
pub fn key_admits_logs(policy: &str, region: &str) -> Result<bool, String> {
    let policy: Value =
        serde_json::from_str(policy).map_err(|e| format!("the key policy is not JSON: {e}"))?;
    let service = format!("logs.{region}.amazonaws.com");
    let statements = match &policy["Statement"] {
        Value::Array(list) => list.clone(),
        one @ Value::Object(_) => vec![one.clone()],
        _ => Vec::new(),
    };
    let names = |v: &Value| -> Vec<String> {
        match v {
            Value::String(s) => vec![s.clone()],
            Value::Array(list) => list.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
            _ => Vec::new(),
        }
    };
    Ok(statements.iter().any(|s| {
        s["Effect"] == "Allow"
            && (s["Principal"] == "*"
                || names(&s["Principal"]["AWS"]).iter().any(|p| p == "*")
                || names(&s["Principal"]["Service"]).contains(&service))
    }))
}

/// The group's KMS key as a cause, from its policy (or why the policy could not be read).
pub fn key_cause(key_id: &str, policy: Result<String, String>, region: &str) -> Cause {
    let check = "KMS key";
    let service = format!("logs.{region}.amazonaws.com");
    match policy.and_then(|p| key_admits_logs(&p, region)) {
        Ok(true) => {
            Cause { check, found: format!("{key_id}'s policy admits {service}"), likely: false, fix: None }
        }
        Ok(false) => Cause {
            check,
            found: format!("{key_id}'s policy does not admit {service}"),
            likely: true,
            fix: Some(format!(
                "add a statement to key {key_id}'s policy that allows the service principal {service} kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey* and kms:Describe* (CloudWatch Logs' encrypt-log-data-kms guide)"
            )),
        },
        Err(why) => Cause {
            check,
            found: format!("{key_id}'s policy could not be read ({why})"),
            likely: false,
            fix: None,
        },
    }
}

/// A group made after the stage was last set: it was deleted and made again since.
pub fn recreated_cause(
    group: &str,
    created: Option<DateTime<Utc>>,
    stage_updated: Option<DateTime<Utc>>,
    reset: &CommandLine,
) -> Option<Cause> {
    let (created, updated) = (created?, stage_updated?);
    let shown = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let likely = created > updated;
    Some(Cause {
        check: "log group re-created",
        found: match likely {
            true => format!(
                "{group} was created at {}, after the stage was last set ({})",
                shown(created),
                shown(updated)
            ),
            false => format!("{group} was created at {}, before the stage was last set", shown(created)),
        },
        likely,
        fix: likely.then(|| format!("set the destination on the stage again: {reset}")),
    })
}

/// The delivery stream as a cause: missing, or not active.
pub fn stream_cause(stream: &str, status: Result<Option<String>, String>) -> Cause {
    let check = "Firehose stream";
    match status {
        Ok(None) => Cause {
            check,
            found: format!("{stream} does not exist"),
            likely: true,
            fix: Some(format!(
                "create delivery stream {stream} again (its name must start with amazon-apigateway-), or send the access logs elsewhere"
            )),
        },
        Ok(Some(status)) if status != "ACTIVE" => {
            Cause { check, found: format!("{stream} is {status}, not ACTIVE"), likely: true, fix: None }
        }
        Ok(Some(_)) => {
            Cause { check, found: format!("{stream} exists and is active"), likely: false, fix: None }
        }
        Err(why) => {
            Cause { check, found: format!("{stream} could not be read ({why})"), likely: false, fix: None }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: At = At { region: "us-east-1", stage: Some(("a1", "prod")) };

    #[test]
    fn key_policies_admit_the_regional_logs_service_or_anyone() {
        let admits = r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"kms:*"},{"Effect":"Allow","Principal":{"Service":"logs.us-east-1.amazonaws.com"},"Action":["kms:Encrypt*"]}]}"#;
        assert_eq!(key_admits_logs(admits, "us-east-1"), Ok(true));
        assert_eq!(key_admits_logs(admits, "eu-west-1"), Ok(false), "another region's service");
        let root_only =
            r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"kms:*"}}"#;
        assert_eq!(key_admits_logs(root_only, "us-east-1"), Ok(false));
        let denied =
            r#"{"Statement":[{"Effect":"Deny","Principal":{"Service":["logs.us-east-1.amazonaws.com"]}}]}"#;
        assert_eq!(key_admits_logs(denied, "us-east-1"), Ok(false));
        assert_eq!(
            key_admits_logs(r#"{"Statement":[{"Effect":"Allow","Principal":"*"}]}"#, "us-east-1"),
            Ok(true)
        );
        assert!(key_admits_logs("nope", "us-east-1").is_err());
    }

    #[test]
    fn the_finding_lists_every_cause_likely_first_with_the_likely_fixes() {
        let role = role_cause(Some("arn:aws:iam::1:role/r"), true, "r", &AT);
        let key = key_cause("k1", Ok(r#"{"Statement":[]}"#.into()), "us-east-1");
        let silence = Silence {
            logs: Logs::Access,
            destination: "g".into(),
            requests: 1234.0,
            causes: vec![role, key],
        };
        let f = silence.finding();
        assert_eq!((f.severity, f.code), (Severity::Error, "access-logs-silent"));
        assert!(
            f.message.ends_with("checked: KMS key: k1's policy does not admit logs.us-east-1.amazonaws.com (likely the cause); account role: arn:aws:iam::1:role/r is set and healthy"),
            "{}",
            f.message
        );
        assert!(f.fix.unwrap().starts_with("add a statement to key k1's policy"));
    }

    #[test]
    fn without_a_likely_cause_the_fix_says_where_to_look() {
        let role = role_cause(Some("arn:aws:iam::1:role/r"), true, "r", &AT);
        let f = Silence { logs: Logs::Execution, destination: "e".into(), requests: 5.0, causes: vec![role] }
            .finding();
        assert_eq!(f.code, "execution-logs-silent");
        assert!(f.fix.unwrap().contains("CloudTrail"));
        let missing = role_cause(None, false, "apigateway-cloudwatch-logs", &AT);
        assert!(missing.likely && missing.fix.unwrap().contains("apigw-logs role create"));
    }

    #[test]
    fn a_group_made_after_the_stage_was_set_is_likely_recreated() {
        let at = |s: i64| DateTime::from_timestamp(s, 0);
        let reset = CommandLine::apigw_logs(&["stage", "set"]);
        let later = recreated_cause("g", at(200), at(100), &reset).unwrap();
        assert!(
            later.likely
                && later
                    .fix
                    .unwrap()
                    .starts_with("set the destination on the stage again: apigw-logs stage set")
        );
        assert!(!recreated_cause("g", at(50), at(100), &reset).unwrap().likely);
        assert_eq!(recreated_cause("g", None, at(100), &reset), None);
    }

    #[test]
    fn streams_missing_or_inactive_are_likely() {
        assert!(stream_cause("s", Ok(None)).likely);
        assert!(stream_cause("s", Ok(Some("CREATING".into()))).likely);
        assert!(!stream_cause("s", Ok(Some("ACTIVE".into()))).likely);
        assert!(!stream_cause("s", Err("denied".into())).likely);
    }
}
