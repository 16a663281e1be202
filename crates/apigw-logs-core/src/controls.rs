//! The AWS Security Hub (CSPM) controls `status` checks stages against, and their pass/fail
//! counts. Kept apart from [`crate::audit`] so that the CLI and the run context can name them
//! without depending on the checks.

use serde::Serialize;

/// AWS Security Hub (CSPM) controls the checks map to; sources in docs/guide/status-and-controls.md.
/// REST and WebSocket stages: execution logging ERROR or INFO on every method.
pub const EXECUTION_LOGGING_CONTROL: &str = "APIGateway.1";
/// HTTP and WebSocket stages: access logging configured.
pub const V2_ACCESS_LOGGING_CONTROL: &str = "APIGateway.9";
/// Log groups kept at least `minRetentionTime` days (or never expiring).
pub const LOG_RETENTION_CONTROL: &str = "CloudWatch.16";
/// CloudWatch.16's default `minRetentionTime`.
pub const CONTROL_MIN_RETENTION_DAYS: i32 = 365;

/// Pass and fail counts of one control.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ControlCount {
    pub control: &'static str,
    pub passed: usize,
    pub failed: usize,
}
