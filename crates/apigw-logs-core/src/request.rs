//! The logging a user asks for, whoever asks: the CLI's flags, the `setup` wizard and `apply`
//! files all produce a [`Logging`], and the planner takes nothing else. Its way back to the
//! command line ([`Logging::to_flags`]) and the one builder of printed commands ([`CommandLine`],
//! one quoting rule) live here too.

use crate::delivery::DestinationSpec;
use crate::settings::{Level, MethodSpec, Switch};
use std::borrow::Cow;
use std::fmt;

/// Settings shared by `stage set` and `enable` (and filled in by the wizard and `apply` files);
/// `None`, empty and `false` mean "as the stage has it".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Logging {
    pub level: Option<Level>,
    pub data_trace: Option<Switch>,
    pub metrics: Option<Switch>,
    /// `--level`/`--data-trace`/`--metrics` apply to these methods only (REST).
    pub methods: Vec<MethodSpec>,
    pub clear_methods: Vec<MethodSpec>,
    /// ... or to these routes only (HTTP and WebSocket).
    pub routes: Vec<String>,
    pub clear_routes: Vec<String>,
    pub access_log_group: Option<String>,
    pub access_log_destination: Option<String>,
    pub access_log_format: Option<String>,
    pub retention_days: Option<i32>,
    pub execution_log_retention_days: Option<i32>,
    pub no_access_log: bool,
    pub kms_key_id: Option<String>,
    pub tags: Vec<(String, String)>,
    pub execution_log_destinations: Vec<DestinationSpec>,
    pub no_execution_log_delivery: bool,
}

impl Logging {
    /// Whether the request asks for no change at all.
    pub fn is_empty(&self) -> bool {
        self.level.is_none()
            && self.data_trace.is_none()
            && self.metrics.is_none()
            && self.clear_methods.is_empty()
            && self.clear_routes.is_empty()
            && self.access_log_group.is_none()
            && self.access_log_destination.is_none()
            && self.access_log_format.is_none()
            && self.retention_days.is_none()
            && self.execution_log_retention_days.is_none()
            && !self.no_access_log
            && self.execution_log_destinations.is_empty()
            && !self.no_execution_log_delivery
    }

    /// The execution log delivery asked for: `Some` whole set of destinations (empty: none, remove
    /// them all), `None` to leave the stage's deliveries as they are.
    pub fn wanted_deliveries(&self) -> Option<&[DestinationSpec]> {
        if self.no_execution_log_delivery {
            Some(&[])
        } else if self.execution_log_destinations.is_empty() {
            None
        } else {
            Some(&self.execution_log_destinations)
        }
    }

    /// The flags that give these settings, each with its value when it takes one (unquoted), so
    /// that parsing them gives these settings back. Destructured whole: a setting added to the
    /// struct cannot be left out.
    pub fn to_flags(&self) -> Vec<(&'static str, Option<String>)> {
        let Logging {
            level,
            data_trace,
            metrics,
            methods,
            clear_methods,
            routes,
            clear_routes,
            access_log_group,
            access_log_destination,
            access_log_format,
            retention_days,
            execution_log_retention_days,
            no_access_log,
            kms_key_id,
            tags,
            execution_log_destinations,
            no_execution_log_delivery,
        } = self;
        let on_off = |s: &Switch| Some(crate::settings::on_off(s.is_on()).to_string());
        let mut flags = Vec::new();
        flags.extend(level.map(|l| ("--level", Some(l.as_api().to_ascii_lowercase()))));
        flags.extend(metrics.as_ref().map(|m| ("--metrics", on_off(m))));
        flags.extend(data_trace.as_ref().map(|d| ("--data-trace", on_off(d))));
        if *no_access_log {
            flags.push(("--no-access-log", None));
        }
        flags.extend(access_log_group.clone().map(|g| ("--access-log-group", Some(g))));
        flags.extend(access_log_destination.clone().map(|d| ("--access-log-destination", Some(d))));
        flags.extend(access_log_format.clone().map(|f| ("--access-log-format", Some(f))));
        flags.extend(retention_days.map(|d| ("--retention-days", Some(d.to_string()))));
        flags.extend(methods.iter().map(|m| ("--method", Some(m.to_string()))));
        flags.extend(clear_methods.iter().map(|m| ("--clear-method", Some(m.to_string()))));
        flags.extend(routes.iter().map(|r| ("--route", Some(r.clone()))));
        flags.extend(clear_routes.iter().map(|r| ("--clear-route", Some(r.clone()))));
        flags.extend(
            execution_log_retention_days.map(|d| ("--execution-log-retention-days", Some(d.to_string()))),
        );
        flags.extend(kms_key_id.clone().map(|k| ("--kms-key-id", Some(k))));
        flags.extend(tags.iter().map(|(k, v)| ("--tag", Some(format!("{k}={v}")))));
        flags.extend(
            execution_log_destinations.iter().map(|d| ("--execution-log-destination", Some(d.to_string()))),
        );
        if *no_execution_log_delivery {
            flags.push(("--no-execution-log-delivery", None));
        }
        flags
    }
}

/// A command the tool prints for a person or a script to run (a fix, the wizard's equivalent, the
/// way out of a debug session). Every value is quoted for a POSIX shell when it needs it, the
/// one rule for every printed command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandLine {
    words: Vec<String>,
}

impl CommandLine {
    /// `apigw-logs` and its subcommand words (`["stage", "set"]`).
    pub fn apigw_logs(subcommand: &[&str]) -> CommandLine {
        CommandLine::words(&["apigw-logs"]).then(subcommand)
    }

    /// A program and its first words (`["aws", "logs", "delete-log-group"]`), as they are.
    pub fn words(words: &[&str]) -> CommandLine {
        CommandLine { words: words.iter().map(|w| w.to_string()).collect() }
    }

    fn then(mut self, words: &[&str]) -> CommandLine {
        self.words.extend(words.iter().map(|w| w.to_string()));
        self
    }

    /// A flag with its value.
    pub fn arg(mut self, flag: &str, value: impl AsRef<str>) -> CommandLine {
        self.words.push(flag.into());
        self.words.push(shell_quote(value.as_ref()).into_owned());
        self
    }

    /// A flag without a value (`--yes`).
    pub fn flag(mut self, flag: &str) -> CommandLine {
        self.words.push(flag.into());
        self
    }

    /// The flags of a logging request.
    pub fn logging(mut self, logging: &Logging) -> CommandLine {
        for (flag, value) in logging.to_flags() {
            self = match value {
                Some(value) => self.arg(flag, value),
                None => self.flag(flag),
            };
        }
        self
    }
}

impl fmt::Display for CommandLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words.join(" "))
    }
}

/// `text` as one word of a POSIX shell: as it is when it holds only characters no shell treats
/// specially, else in single quotes (a `'` inside written `'\''`).
pub fn shell_quote(text: &str) -> Cow<'_, str> {
    let plain =
        !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if plain { Cow::Borrowed(text) } else { Cow::Owned(format!("'{}'", text.replace('\'', r"'\''"))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_only_when_a_shell_would_read_them_otherwise() {
        assert_eq!(shell_quote("prod"), "prod");
        assert_eq!(shell_quote("arn:aws:iam::1:role/x"), "arn:aws:iam::1:role/x");
        assert_eq!(shell_quote("GET /pets/{id}"), "'GET /pets/{id}'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("$connect"), "'$connect'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn a_command_line_carries_a_logging_request_back_to_its_flags() {
        let logging = Logging {
            level: Some(Level::Info),
            routes: vec!["it's $connect".into()],
            no_access_log: true,
            ..Default::default()
        };
        let line =
            CommandLine::apigw_logs(&["stage", "set"]).arg("--api", "a1").logging(&logging).flag("--yes");
        assert_eq!(
            line.to_string(),
            r"apigw-logs stage set --api a1 --level info --no-access-log --route 'it'\''s $connect' --yes"
        );
    }
}
