//! Log groups: what the tool knows of one, and the names API Gateway and the tool give them.

use crate::api::{Api, ApiKind};

/// The prefixes of API Gateway's default group names: REST execution and our access groups, and
/// WebSocket execution groups.
pub const DEFAULT_GROUP_PREFIXES: [&str; 2] = ["API-Gateway-", "/aws/apigateway/"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogGroup {
    pub name: String,
    /// `None`: events never expire.
    pub retention_days: Option<i32>,
}

/// `API-Gateway-Access-Logs_{apiId}/{stageName}`, next to API Gateway's own execution log group.
/// HTTP APIs get it under `/aws/vendedlogs/`: they deliver through the log group's resource
/// policy, whose size limit (5,120 characters) many per-group statements exhaust; CloudWatch Logs
/// covers every group under that prefix with one statement.
pub fn default_log_group(api: &Api, stage: &str) -> String {
    let name = format!("API-Gateway-Access-Logs_{}/{stage}", api.id);
    match api.kind {
        ApiKind::Http => format!("/aws/vendedlogs/{name}"),
        _ => name,
    }
}

/// The group API Gateway writes a stage's execution logs to: `API-Gateway-Execution-Logs_{id}/{stage}`
/// for REST APIs, `/aws/apigateway/{id}/{stage}` for WebSocket APIs (public runbooks and scripts;
/// not yet confirmed on a real account, see docs/guide/http-websocket.md).
pub fn execution_log_group(api: &Api, stage: &str) -> String {
    match api.kind {
        ApiKind::Websocket => format!("/aws/apigateway/{}/{stage}", api.id),
        _ => rest_execution_log_group(&api.id, stage),
    }
}

/// The REST name, which versions before 0.2 also pre-created for WebSocket stages.
pub fn rest_execution_log_group(api_id: &str, stage: &str) -> String {
    format!("API-Gateway-Execution-Logs_{api_id}/{stage}")
}
