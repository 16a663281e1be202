//! Error kinds and the exit codes they map to (documented in docs/reference/exit-codes.md).
//!
//! Commands return `anyhow::Result`; an error whose chain contains a [`UserError`] exits with that
//! error's code, anything else (an AWS call that failed) exits 1.

use std::fmt;

/// Process exit codes. Stable: scripts gate on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    /// An AWS call failed.
    AwsFailure = 1,
    /// Bad usage or invalid input; nothing was changed.
    Usage = 2,
    /// A precondition is not met (no role on the account, unhealthy role, ...).
    Precondition = 3,
    /// `apply --check`: the stages differ from the file; nothing was changed.
    Drift = 4,
    /// `status` found errors (or warnings, with `--strict`).
    Findings = 5,
    /// The user cancelled at a prompt.
    Cancelled = 130,
}

impl Exit {
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// An error the user can act on: what was wrong, plus an optional line saying how to fix it.
#[derive(Debug)]
pub struct UserError {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

/// Invalid input (exit 2). `message` names the flag or field and what was wrong.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    UserError { exit: Exit::Usage, message: message.into(), hint: None }.into()
}

/// Invalid input with a fix (exit 2).
pub fn usage_hint(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    UserError { exit: Exit::Usage, message: message.into(), hint: Some(hint.into()) }.into()
}

/// A precondition that is not met (exit 3), with the command or action that fixes it.
pub fn precondition(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    UserError { exit: Exit::Precondition, message: message.into(), hint: Some(hint.into()) }.into()
}

/// `apply --check` found changes to make (exit 4).
pub fn drift(message: impl Into<String>) -> anyhow::Error {
    UserError {
        exit: Exit::Drift,
        message: message.into(),
        hint: Some("run the same command without --check to apply them".into()),
    }
    .into()
}

/// Ctrl-C while a plan was being applied (exit 130); the context says what was applied.
pub fn interrupted() -> anyhow::Error {
    UserError { exit: Exit::Cancelled, message: "interrupted (Ctrl-C)".into(), hint: None }.into()
}

/// `status` found problems (exit 5).
pub fn findings(message: impl Into<String>) -> anyhow::Error {
    UserError { exit: Exit::Findings, message: message.into(), hint: None }.into()
}

/// The user declined or aborted (exit 130).
pub fn cancelled() -> anyhow::Error {
    UserError { exit: Exit::Cancelled, message: "cancelled; nothing was changed".into(), hint: None }.into()
}

/// A failed AWS call, with the operation, the resource, what AWS said, and the fix when known.
#[derive(Debug, thiserror::Error)]
#[error("{call} on {resource} failed: {detail}")]
pub struct AwsCallError {
    pub call: &'static str,
    pub resource: String,
    pub code: Option<String>,
    /// The HTTP status of AWS's answer, when there was one.
    pub status: Option<u16>,
    pub detail: String,
    pub hint: Option<String>,
}

/// The first [`UserError`] in the chain, if any.
pub fn user_error(err: &anyhow::Error) -> Option<&UserError> {
    err.chain().find_map(|e| e.downcast_ref::<UserError>())
}

/// The first hint in the chain: a [`UserError`]'s or an AWS call's.
pub fn hint(err: &anyhow::Error) -> Option<&str> {
    err.chain().find_map(|e| {
        if let Some(u) = e.downcast_ref::<UserError>() {
            u.hint.as_deref()
        } else {
            e.downcast_ref::<AwsCallError>().and_then(|a| a.hint.as_deref())
        }
    })
}

pub fn exit_code(err: &anyhow::Error) -> Exit {
    user_error(err).map_or(Exit::AwsFailure, |u| u.exit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn exit_code_found_through_context_layers() {
        let err = Err::<(), _>(usage("--level: bad")).context("while planning").unwrap_err();
        assert_eq!(exit_code(&err), Exit::Usage);
        assert_eq!(format!("{err:#}"), "while planning: --level: bad");
    }

    #[test]
    fn plain_errors_exit_1_and_hints_surface() {
        assert_eq!(exit_code(&anyhow::anyhow!("boom")), Exit::AwsFailure);
        let err = precondition("no role", "run apigw-logs enable");
        assert_eq!(exit_code(&err), Exit::Precondition);
        assert_eq!(hint(&err), Some("run apigw-logs enable"));
        assert_eq!(exit_code(&cancelled()).code(), 130);
    }
}
