//! Log groups: what the tool knows of one, and the names API Gateway and the tool give them.

use crate::api::{Api, ApiKind};

/// The prefixes of API Gateway's default group names: REST execution and our access groups, and
/// WebSocket execution groups.
pub const DEFAULT_GROUP_PREFIXES: [&str; 2] = ["API-Gateway-", "/aws/apigateway/"];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogGroup {
    pub name: String,
    /// `None`: events never expire.
    pub retention_days: Option<i32>,
    /// When the group was created (a group deleted and made again has a later date).
    pub created: Option<chrono::DateTime<chrono::Utc>>,
    /// The KMS key its events are encrypted with.
    pub kms_key_id: Option<String>,
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

/// The stage whose default access or execution group `group` is, for `api`.
pub fn default_group_stage<'a>(api: &Api, group: &'a str) -> Option<&'a str> {
    [default_log_group(api, ""), execution_log_group(api, "")]
        .iter()
        .find_map(|prefix| group.strip_prefix(prefix.as_str()))
        .filter(|stage| !stage.is_empty() && !stage.contains('/'))
}

/// The REST name, which versions before 0.2 also pre-created for WebSocket stages.
pub fn rest_execution_log_group(api_id: &str, stage: &str) -> String {
    format!("API-Gateway-Execution-Logs_{api_id}/{stage}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_groups_stage_is_read_back_from_its_name() {
        let api = |id: &str, kind| Api { id: id.into(), kind, ..Default::default() };
        let rest = api("a1b2", ApiKind::Rest);
        assert_eq!(default_group_stage(&rest, "API-Gateway-Execution-Logs_a1b2/prod"), Some("prod"));
        assert_eq!(default_group_stage(&rest, "API-Gateway-Access-Logs_a1b2/dev"), Some("dev"));
        assert_eq!(default_group_stage(&rest, "API-Gateway-Access-Logs_a1b2x/dev"), None, "another API");
        assert_eq!(default_group_stage(&rest, "API-Gateway-Access-Logs_a1b2/"), None);
        assert_eq!(default_group_stage(&rest, "API-Gateway-Access-Logs_a1b2/a/b"), None);
        let ws = api("w1", ApiKind::Websocket);
        assert_eq!(default_group_stage(&ws, "/aws/apigateway/w1/prod"), Some("prod"));
        let http = api("h1", ApiKind::Http);
        assert_eq!(
            default_group_stage(&http, "/aws/vendedlogs/API-Gateway-Access-Logs_h1/prod"),
            Some("prod")
        );
    }
}
