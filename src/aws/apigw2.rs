//! API Gateway v2 (HTTP and WebSocket APIs): reading APIs and their stages' logging settings.
//! (Changing them is not implemented yet; the local emulator lacks v2 UpdateStage too.)

use super::apigw::RestApi;
use super::{Call, call_failed};
use crate::format::ApiKind;
use crate::logging::{AccessLog, MethodLogging};
use crate::settings::Level;
use aws_sdk_apigatewayv2::types::{ProtocolType, RouteSettings};
use std::collections::BTreeMap;

const GET_APIS: Call = Call { name: "apigateway:GetApis", permission: "apigateway:GET" };
const GET_STAGES: Call = Call { name: "apigateway:GetStages", permission: "apigateway:GET" };

/// A v2 stage's logging: the default route settings, per-route overrides, access logging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct V2Stage {
    pub stage_name: String,
    pub default: MethodLogging,
    /// Keyed by route key (`$connect`, `GET /pets`).
    pub routes: BTreeMap<String, MethodLogging>,
    pub access: Option<AccessLog>,
}

/// The region's APIs of one kind (HTTP or WebSocket), every page.
pub async fn apis(client: &aws_sdk_apigatewayv2::Client, kind: ApiKind) -> anyhow::Result<Vec<RestApi>> {
    let protocol = match kind {
        ApiKind::Websocket => ProtocolType::Websocket,
        _ => ProtocolType::Http,
    };
    let mut apis = Vec::new();
    let mut token = None;
    loop {
        let page = client
            .get_apis()
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| call_failed(GET_APIS, "apis", e))?;
        apis.extend(page.items().iter().filter(|a| a.protocol_type() == Some(&protocol)).map(|api| {
            RestApi {
                id: api.api_id().unwrap_or_default().to_string(),
                name: api.name().unwrap_or_default().to_string(),
                created: api.created_date().map(|d| d.to_string().chars().take(10).collect()),
            }
        }));
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            return Ok(apis);
        }
    }
}

/// Every stage of the API, with its logging settings.
pub async fn stages(client: &aws_sdk_apigatewayv2::Client, api_id: &str) -> anyhow::Result<Vec<V2Stage>> {
    let out = client
        .get_stages()
        .api_id(api_id)
        .send()
        .await
        .map_err(|e| call_failed(GET_STAGES, &format!("apis/{api_id}"), e))?;
    Ok(out
        .items()
        .iter()
        .map(|stage| V2Stage {
            stage_name: stage.stage_name().unwrap_or_default().to_string(),
            default: stage.default_route_settings().map_or(MethodLogging::OFF, route_logging),
            routes: stage
                .route_settings()
                .map(|routes| routes.iter().map(|(key, s)| (key.clone(), route_logging(s))).collect())
                .unwrap_or_default(),
            access: stage
                .access_log_settings()
                .and_then(|a| AccessLog::from_settings(a.destination_arn(), a.format())),
        })
        .collect())
}

fn route_logging(settings: &RouteSettings) -> MethodLogging {
    MethodLogging {
        level: Level::from_api(settings.logging_level().map(|l| l.as_str())),
        data_trace: settings.data_trace_enabled().unwrap_or(false),
        metrics: settings.detailed_metrics_enabled().unwrap_or(false),
    }
}
