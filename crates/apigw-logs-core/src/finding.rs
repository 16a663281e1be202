//! What a check finds (`status`'s checks of a stage, the format linter's of a format), how bad it
//! is, and what fixes it. A fix that is a command is printed from its [`Remedy`], the change
//! `status --fix` makes, so the two cannot say different things.

use crate::request::{CommandLine, Logging};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A check that passed (status only).
    Ok,
    /// A likely mistake that AWS accepts.
    Warning,
    /// What AWS refuses, or what breaks or loses logs.
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable identifier for scripts, e.g. `execution-logging-off`, `missing-request-id`.
    pub code: &'static str,
    /// One line that says what is wrong (and, for a format, how to fix it).
    pub message: String,
    /// The command that fixes it (or what to do, when no command can).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The AWS Security Hub controls this finding is evidence for (`APIGateway.1`, …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<&'static str>,
    /// What `status --fix` changes for it; `None` when it is left to a person.
    #[serde(skip)]
    pub remedy: Option<Remedy>,
}

impl Finding {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Finding {
        Finding { severity, code, message: message.into(), fix: None, controls: Vec::new(), remedy: None }
    }

    /// Fixed by `status --fix` with `remedy`; the printed fix is its command.
    pub fn remedied(self, remedy: Remedy, at: &At) -> Finding {
        Finding { fix: Some(remedy.command(at)), remedy: Some(remedy), ..self }
    }

    /// Left to a person, who is shown `remedy`'s command (`--fix` does not make it).
    pub fn advised(self, remedy: &Remedy, at: &At) -> Finding {
        Finding { fix: Some(remedy.command(at)), ..self }
    }

    /// Left to a person, with advice no command gives.
    pub fn advice(self, text: impl Into<String>) -> Finding {
        Finding { fix: Some(text.into()), ..self }
    }

    /// The printed fix, with more said after the command.
    pub fn and_also(mut self, more: &str) -> Finding {
        if let Some(fix) = &mut self.fix {
            fix.push_str(more);
        }
        self
    }
}

/// A change that fixes a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remedy {
    /// Create or repair this role and point the account at it (as `enable` does).
    AccountRole(String),
    /// Stage settings, exactly as the equivalent `stage set` flags.
    Stage(Box<Logging>),
    /// Delete this log group (only ever one that holds no events).
    DeleteLogGroup(String),
}

/// Where a finding was made: the region, and the stage for a stage's findings.
#[derive(Clone, Copy, Debug)]
pub struct At<'a> {
    pub region: &'a str,
    /// (API id, stage name).
    pub stage: Option<(&'a str, &'a str)>,
}

impl Remedy {
    /// The command a person runs to make this change.
    pub fn command(&self, at: &At) -> String {
        match self {
            Remedy::AccountRole(role) => format!(
                "{} && {}",
                CommandLine::apigw_logs(&["role", "create"])
                    .arg("--region", at.region)
                    .arg("--role-name", role),
                CommandLine::apigw_logs(&["account", "set-role"])
                    .arg("--region", at.region)
                    .arg("--role-name", role)
                    .flag("--yes"),
            ),
            Remedy::Stage(logging) => {
                let (api, stage) = at.stage.unwrap_or_default();
                CommandLine::apigw_logs(&["stage", "set"])
                    .arg("--region", at.region)
                    .arg("--api", api)
                    .arg("--stage", stage)
                    .logging(logging)
                    .to_string()
            }
            Remedy::DeleteLogGroup(group) => CommandLine::words(&["aws", "logs", "delete-log-group"])
                .arg("--region", at.region)
                .arg("--log-group-name", group)
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::MethodSpec;

    #[test]
    fn the_printed_fix_is_the_remedys_command() {
        let at = At { region: "eu-west-1", stage: Some(("a1", "prod")) };
        let clear = Remedy::Stage(Box::new(Logging {
            clear_methods: vec![MethodSpec::parse("GET /pets").unwrap()],
            ..Default::default()
        }));
        let found = Finding::new(Severity::Warning, "method-logging-off", "x").remedied(clear.clone(), &at);
        assert_eq!(
            found.fix.as_deref(),
            Some("apigw-logs stage set --region eu-west-1 --api a1 --stage prod --clear-method 'GET /pets'")
        );
        assert_eq!(found.remedy, Some(clear));
        let role = Remedy::AccountRole("apigateway-cloudwatch-logs".into()).command(&at);
        assert_eq!(
            role,
            "apigw-logs role create --region eu-west-1 --role-name apigateway-cloudwatch-logs && apigw-logs account set-role --region eu-west-1 --role-name apigateway-cloudwatch-logs --yes"
        );
        let group = Remedy::DeleteLogGroup("it's /x".into()).command(&at);
        assert_eq!(group, r"aws logs delete-log-group --region eu-west-1 --log-group-name 'it'\''s /x'");
    }
}
