//! API Gateway v2 (HTTP and WebSocket APIs): APIs, their stages' logging settings, routes, and the
//! three calls that change logging (UpdateStage, DeleteRouteSettings, DeleteAccessLogSettings).

use super::{Call, call_failed};
use crate::api::{Api, ApiKind};
use crate::logging::{AccessLog, MethodLogging, RouteSettings, StageLogging, Throttle};
use crate::plan::ApiStageUpdate;
use crate::settings::{ALL_METHODS_KEY, Level};
use aws_sdk_apigatewayv2::types::{self as v2, LoggingLevel, ProtocolType};
use std::collections::BTreeMap;

const GET_APIS: Call = Call { name: "apigateway:GetApis", permission: "apigateway:GET" };
const GET_STAGES: Call = Call { name: "apigateway:GetStages", permission: "apigateway:GET" };
const GET_ROUTES: Call = Call { name: "apigateway:GetRoutes", permission: "apigateway:GET" };
const GET_INTEGRATIONS: Call = Call { name: "apigateway:GetIntegrations", permission: "apigateway:GET" };
const UPDATE_STAGE: Call = Call { name: "apigatewayv2:UpdateStage", permission: "apigateway:PATCH" };
const DELETE_ROUTE_SETTINGS: Call =
    Call { name: "apigatewayv2:DeleteRouteSettings", permission: "apigateway:DELETE" };
const DELETE_ACCESS_LOG_SETTINGS: Call =
    Call { name: "apigatewayv2:DeleteAccessLogSettings", permission: "apigateway:DELETE" };

/// Every item of a v2 listing (these APIs have no SDK paginators): `page(token)` reads one page
/// and gives its items and the next page's token.
async fn every_page<T, Fut>(mut page: impl FnMut(Option<String>) -> Fut) -> anyhow::Result<Vec<T>>
where
    Fut: std::future::Future<Output = anyhow::Result<(Option<Vec<T>>, Option<String>)>>,
{
    let mut all = Vec::new();
    let mut token = None;
    loop {
        let (items, next) = page(token).await?;
        all.extend(items.unwrap_or_default());
        match next {
            Some(next) => token = Some(next),
            None => return Ok(all),
        }
    }
}

/// The region's HTTP and WebSocket APIs, every page.
pub async fn apis(client: &aws_sdk_apigatewayv2::Client) -> anyhow::Result<Vec<Api>> {
    let apis = every_page(|token| async move {
        let page = client
            .get_apis()
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| call_failed(GET_APIS, "apis", e))?;
        Ok((page.items, page.next_token))
    })
    .await?;
    Ok(apis
        .iter()
        .filter_map(|api| {
            let kind = match api.protocol_type()? {
                ProtocolType::Http => ApiKind::Http,
                ProtocolType::Websocket => ApiKind::Websocket,
                _ => return None,
            };
            Some(Api {
                id: api.api_id().unwrap_or_default().to_string(),
                name: api.name().unwrap_or_default().to_string(),
                kind,
                created: api.created_date().map(|d| d.to_string().chars().take(10).collect()),
                tags: api
                    .tags()
                    .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                    .unwrap_or_default(),
            })
        })
        .collect())
}

/// Every stage of the API, with its logging settings: the default route settings under `*/*`,
/// route overrides under their route keys.
pub async fn stages(client: &aws_sdk_apigatewayv2::Client, api: &Api) -> anyhow::Result<Vec<StageLogging>> {
    let stages = every_page(|token| async move {
        let page = client
            .get_stages()
            .api_id(&api.id)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| call_failed(GET_STAGES, &format!("apis/{}", api.id), e))?;
        Ok((page.items, page.next_token))
    })
    .await?;
    Ok(stages.iter().map(|stage| stage_logging(stage, api.kind)).collect())
}

fn stage_logging(stage: &v2::Stage, kind: ApiKind) -> StageLogging {
    let mut methods = BTreeMap::new();
    let mut throttling = BTreeMap::new();
    let routes = stage.route_settings().into_iter().flatten().map(|(key, s)| (key.as_str(), s));
    for (key, settings) in
        stage.default_route_settings().map(|s| (ALL_METHODS_KEY, s)).into_iter().chain(routes)
    {
        methods.insert(key.to_string(), route_logging(settings));
        let throttle = Throttle {
            burst_limit: settings.throttling_burst_limit(),
            rate_limit: settings.throttling_rate_limit().and_then(serde_json::Number::from_f64),
        };
        if throttle != Throttle::default() {
            throttling.insert(key.to_string(), throttle);
        }
    }
    StageLogging {
        stage_name: stage.stage_name().unwrap_or_default().to_string(),
        kind,
        methods,
        access: stage
            .access_log_settings()
            .and_then(|a| AccessLog::from_settings(a.destination_arn(), a.format())),
        throttling,
        deployment_id: stage.deployment_id().map(String::from),
        tags: stage
            .tags()
            .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default(),
        created: stage.created_date().and_then(super::utc),
        updated: stage.last_updated_date().and_then(super::utc),
    }
}

fn route_logging(settings: &v2::RouteSettings) -> MethodLogging {
    MethodLogging {
        level: Level::from_api(settings.logging_level().map(|l| l.as_str())),
        data_trace: settings.data_trace_enabled().unwrap_or(false),
        metrics: settings.detailed_metrics_enabled().unwrap_or(false),
    }
}

/// The API's routes, every page.
async fn all_routes(client: &aws_sdk_apigatewayv2::Client, api_id: &str) -> anyhow::Result<Vec<v2::Route>> {
    every_page(|token| async move {
        let page = client
            .get_routes()
            .api_id(api_id)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| call_failed(GET_ROUTES, &format!("apis/{api_id}"), e))?;
        Ok((page.items, page.next_token))
    })
    .await
}

/// The API's route keys (`$connect`, `GET /pets`).
pub async fn routes(client: &aws_sdk_apigatewayv2::Client, api_id: &str) -> anyhow::Result<Vec<String>> {
    let routes = all_routes(client, api_id).await?;
    Ok(routes.iter().filter_map(|r| r.route_key().map(str::to_string)).collect())
}

/// Each route's integration URI (route key → URI): the routes and the integrations they target,
/// read side by side.
pub async fn integrations(
    client: &aws_sdk_apigatewayv2::Client,
    api_id: &str,
) -> anyhow::Result<Vec<crate::trace::Integration>> {
    let integrations = every_page(|token| async move {
        let page = client
            .get_integrations()
            .api_id(api_id)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| call_failed(GET_INTEGRATIONS, &format!("apis/{api_id}"), e))?;
        Ok((page.items, page.next_token))
    });
    let (routes, integrations) = tokio::try_join!(all_routes(client, api_id), integrations)?;
    let uris: BTreeMap<&str, &str> =
        integrations.iter().filter_map(|i| Some((i.integration_id()?, i.integration_uri()?))).collect();
    Ok(routes
        .iter()
        .filter_map(|r| {
            let target = r.target()?.strip_prefix("integrations/")?;
            Some(crate::trace::Integration {
                route: r.route_key()?.to_string(),
                uri: uris.get(target)?.to_string(),
            })
        })
        .collect())
}

/// The whole settings object of a route (or the default route), as UpdateStage replaces it.
fn route_settings(settings: &RouteSettings) -> v2::RouteSettings {
    v2::RouteSettings::builder()
        .set_logging_level(settings.logging_level.map(|l| LoggingLevel::from(l.as_api())))
        .set_data_trace_enabled(settings.data_trace_enabled)
        .detailed_metrics_enabled(settings.detailed_metrics_enabled)
        .set_throttling_burst_limit(settings.throttling.burst_limit)
        .set_throttling_rate_limit(
            settings.throttling.rate_limit.as_ref().and_then(serde_json::Number::as_f64),
        )
        .build()
}

/// One UpdateStage call: only the objects given are sent.
pub async fn update_stage(
    client: &aws_sdk_apigatewayv2::Client,
    update: &ApiStageUpdate,
) -> anyhow::Result<()> {
    let ApiStageUpdate {
        api_id,
        stage_name: stage,
        default_route_settings,
        route_settings: routes,
        access_log_settings,
    } = update;
    let routes = (!routes.is_empty())
        .then(|| routes.iter().map(|(key, s)| (key.clone(), route_settings(s))).collect());
    let access = access_log_settings.as_ref().map(|a| {
        v2::AccessLogSettings::builder().destination_arn(&a.destination_arn).format(&a.format).build()
    });
    client
        .update_stage()
        .api_id(api_id)
        .stage_name(stage)
        .set_default_route_settings(default_route_settings.as_ref().map(route_settings))
        .set_route_settings(routes)
        .set_access_log_settings(access)
        .send()
        .await
        .map_err(|e| call_failed(UPDATE_STAGE, &format!("apis/{api_id}/stages/{stage}"), e))?;
    Ok(())
}

pub async fn delete_route_settings(
    client: &aws_sdk_apigatewayv2::Client,
    api_id: &str,
    stage: &str,
    route_key: &str,
) -> anyhow::Result<()> {
    client
        .delete_route_settings()
        .api_id(api_id)
        .stage_name(stage)
        .route_key(route_key)
        .send()
        .await
        .map_err(|e| {
            call_failed(DELETE_ROUTE_SETTINGS, &format!("apis/{api_id}/stages/{stage}/routes/{route_key}"), e)
        })?;
    Ok(())
}

pub async fn delete_access_log_settings(
    client: &aws_sdk_apigatewayv2::Client,
    api_id: &str,
    stage: &str,
) -> anyhow::Result<()> {
    client
        .delete_access_log_settings()
        .api_id(api_id)
        .stage_name(stage)
        .send()
        .await
        .map_err(|e| call_failed(DELETE_ACCESS_LOG_SETTINGS, &format!("apis/{api_id}/stages/{stage}"), e))?;
    Ok(())
}

/// Request shapes: what v2 UpdateStage, DeleteRouteSettings and DeleteAccessLogSettings put on
/// the wire. The emulator does not implement v2 UpdateStage, so this is where it is verified.
#[cfg(test)]
mod sdk_tests {
    use super::*;
    use aws_sdk_apigatewayv2::operation::delete_access_log_settings::DeleteAccessLogSettingsOutput;
    use aws_sdk_apigatewayv2::operation::delete_route_settings::DeleteRouteSettingsOutput;
    use aws_sdk_apigatewayv2::operation::update_stage::UpdateStageOutput;
    use aws_smithy_mocks::{RuleMode, mock, mock_client};
    use aws_smithy_runtime_api::box_error::BoxError;
    use aws_smithy_runtime_api::client::interceptors::Intercept;
    use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
    use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
    use aws_smithy_types::config_bag::ConfigBag;
    use serde_json::{Value, json};
    use std::sync::{Arc, Mutex};

    /// Records every request as serialized: method, path and JSON body.
    #[derive(Clone, Debug, Default)]
    struct Wire(Arc<Mutex<Vec<(String, String, Value)>>>);

    impl Intercept for Wire {
        fn name(&self) -> &'static str {
            "Wire"
        }

        fn read_before_transmit(
            &self,
            context: &BeforeTransmitInterceptorContextRef<'_>,
            _: &RuntimeComponents,
            _: &mut ConfigBag,
        ) -> Result<(), BoxError> {
            let request = context.request();
            let body = request
                .body()
                .bytes()
                .filter(|b| !b.is_empty())
                .map_or(Value::Null, |b| serde_json::from_slice(b).expect("a JSON body"));
            let path = request.uri().split_once("amazonaws.com").map_or(request.uri(), |(_, p)| p);
            self.0.lock().unwrap().push((request.method().to_string(), path.to_string(), body));
            Ok(())
        }
    }

    fn client(wire: &Wire) -> aws_sdk_apigatewayv2::Client {
        let update = mock!(aws_sdk_apigatewayv2::Client::update_stage)
            .then_output(|| UpdateStageOutput::builder().build());
        let delete_route = mock!(aws_sdk_apigatewayv2::Client::delete_route_settings)
            .then_output(|| DeleteRouteSettingsOutput::builder().build());
        let delete_access = mock!(aws_sdk_apigatewayv2::Client::delete_access_log_settings)
            .then_output(|| DeleteAccessLogSettingsOutput::builder().build());
        let wire = wire.clone();
        mock_client!(
            aws_sdk_apigatewayv2,
            RuleMode::MatchAny,
            [&update, &delete_route, &delete_access],
            move |c| { c.interceptor(wire.clone()) }
        )
    }

    #[tokio::test]
    async fn websocket_update_sends_whole_route_settings_objects_and_only_the_objects_that_change() {
        let wire = Wire::default();
        let default_route = RouteSettings {
            logging_level: Some(Level::Info),
            data_trace_enabled: Some(false),
            detailed_metrics_enabled: true,
            throttling: Throttle { burst_limit: Some(50), rate_limit: serde_json::Number::from_f64(12.5) },
        };
        let connect = RouteSettings {
            logging_level: Some(Level::Error),
            throttling: Throttle::default(),
            ..default_route.clone()
        };
        let routes = BTreeMap::from([("$connect".to_string(), connect)]);
        let update = ApiStageUpdate {
            api_id: "ws1".into(),
            stage_name: "prod".into(),
            default_route_settings: Some(default_route),
            route_settings: routes,
            access_log_settings: None,
        };
        update_stage(&client(&wire), &update).await.unwrap();
        let sent = wire.0.lock().unwrap().clone();
        assert_eq!(sent.len(), 1);
        let (method, path, body) = &sent[0];
        assert_eq!((method.as_str(), path.as_str()), ("PATCH", "/v2/apis/ws1/stages/prod"));
        assert_eq!(
            body,
            &json!({
                "defaultRouteSettings": {
                    "loggingLevel": "INFO",
                    "dataTraceEnabled": false,
                    "detailedMetricsEnabled": true,
                    "throttlingBurstLimit": 50,
                    "throttlingRateLimit": 12.5
                },
                "routeSettings": {
                    "$connect": { "loggingLevel": "ERROR", "dataTraceEnabled": false, "detailedMetricsEnabled": true }
                }
            }),
            "no accessLogSettings when access logging does not change"
        );
    }

    #[tokio::test]
    async fn http_update_sends_no_execution_logging_fields() {
        let wire = Wire::default();
        let default_route = RouteSettings {
            logging_level: None,
            data_trace_enabled: None,
            detailed_metrics_enabled: false,
            throttling: Throttle::default(),
        };
        let access = AccessLog {
            destination_arn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/x".into(),
            format: "{\"requestId\":\"$context.requestId\"}".into(),
        };
        let update = ApiStageUpdate {
            api_id: "h1".into(),
            stage_name: "$default".into(),
            default_route_settings: Some(default_route),
            route_settings: BTreeMap::new(),
            access_log_settings: Some(access.clone()),
        };
        update_stage(&client(&wire), &update).await.unwrap();
        let (_, path, body) = wire.0.lock().unwrap()[0].clone();
        assert_eq!(path, "/v2/apis/h1/stages/%24default");
        assert_eq!(
            body,
            json!({
                "defaultRouteSettings": { "detailedMetricsEnabled": false },
                "accessLogSettings": { "destinationArn": access.destination_arn, "format": access.format }
            })
        );
    }

    #[tokio::test]
    async fn overrides_and_access_logging_are_removed_with_their_own_delete_calls() {
        let wire = Wire::default();
        let client = client(&wire);
        delete_route_settings(&client, "ws1", "prod", "$connect").await.unwrap();
        delete_access_log_settings(&client, "ws1", "prod").await.unwrap();
        let sent: Vec<(String, String)> =
            wire.0.lock().unwrap().iter().map(|(m, p, _)| (m.clone(), p.clone())).collect();
        assert_eq!(
            sent,
            [
                ("DELETE".to_string(), "/v2/apis/ws1/stages/prod/routesettings/%24connect".to_string()),
                ("DELETE".to_string(), "/v2/apis/ws1/stages/prod/accesslogsettings".to_string()),
            ]
        );
    }
}
