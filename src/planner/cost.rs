//! Prices a plan before it is applied: each stage's traffic and the bytes its log groups already
//! take in, read in one batched GetMetricData per region, then [`crate::cost`]'s model for the
//! stage as it is and as the plan leaves it. Advisory: when the metrics cannot be read the plan
//! goes on, saying the cost is unknown, and nothing else changes.

use crate::api::{Api, ApiKind};
use crate::app::context::Ctx;
use crate::aws::Clients;
use crate::aws::cloudwatch::{self, MetricKey};
use crate::cost::{CostReport, Measured, Retention, Setup, StageCost, Traffic};
use crate::delivery::{DestinationKind, DestinationSpec};
use crate::logging::StageLogging;
use crate::plan::{Action, Plan};
use std::collections::HashMap;

/// The estimate for `targets` (as they are) and `afters` (as the plan leaves them), aligned.
/// `deliveries`: per target, the execution log destinations a REST stage has afterwards (`None`,
/// or no entry: the ones it has now).
pub async fn estimate(
    ctx: &Ctx,
    clients: &Clients,
    targets: &[(Api, StageLogging)],
    afters: &[StageLogging],
    plan: &Plan,
    deliveries: &[Option<&[DestinationSpec]>],
) -> CostReport {
    // Advice must not hold a plan up: an unreachable CloudWatch endpoint would otherwise cost
    // the SDK's retries.
    let estimated =
        tokio::time::timeout(ESTIMATE_TIMEOUT, try_estimate(ctx, clients, targets, afters, plan, deliveries));
    let outcome = match estimated.await {
        Ok(outcome) => outcome,
        Err(_) => Err(anyhow::anyhow!("the metrics were not read within {} s", ESTIMATE_TIMEOUT.as_secs())),
    };
    match outcome {
        Ok(report) => report,
        Err(err) => {
            let why = match crate::aws::error_code(&err) {
                Some("AccessDenied" | "AccessDeniedException") => {
                    "cloudwatch:GetMetricData was denied".to_string()
                }
                _ => format!("{err:#}"),
            };
            let stages = targets
                .iter()
                .map(|(api, stage)| StageCost {
                    target: super::target_label(api, stage),
                    access_group: None,
                    execution_group: None,
                    traffic: None,
                    before: None,
                    after: None,
                    notes: (targets.len() == 1).then(|| why.clone()).into_iter().collect(),
                })
                .collect();
            // With several stages, said once for the run rather than once per stage.
            let run_note = (targets.len() > 1).then(|| format!("logging cost unknown: {why}"));
            CostReport::new(stages, run_note.into_iter().collect())
        }
    }
}

/// How long an estimate may take before the plan goes on without it.
const ESTIMATE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// REST metrics are keyed by API name, which AWS stores without its non-ASCII characters.
fn rest_metric_name(api_name: &str) -> String {
    api_name.chars().filter(char::is_ascii).collect()
}

/// Whether another REST API of the region counts into `api`'s metrics (its name, as metrics key
/// it, is another's too): its traffic then cannot be told apart.
pub fn shares_rest_metrics(clients: &Clients, api: &Api) -> bool {
    let name = rest_metric_name(&api.name);
    api.kind == ApiKind::Rest
        && clients
            .rest_api_names
            .get()
            .is_some_and(|names| names.iter().filter(|n| rest_metric_name(n) == name).count() > 1)
}

/// The metrics that count a stage's requests and failures.
pub fn traffic_metrics(api: &Api, stage: &str) -> (Vec<MetricKey>, Vec<MetricKey>) {
    let key = |name: &'static str, dimensions: Vec<(&'static str, String)>| MetricKey {
        namespace: "AWS/ApiGateway",
        name,
        dimensions,
    };
    match api.kind {
        ApiKind::Rest => {
            let dims = vec![("ApiName", rest_metric_name(&api.name)), ("Stage", stage.to_string())];
            (vec![key("Count", dims.clone())], vec![key("4XXError", dims.clone()), key("5XXError", dims)])
        }
        ApiKind::Http => {
            let dims = vec![("ApiId", api.id.clone()), ("Stage", stage.to_string())];
            (vec![key("Count", dims.clone())], vec![key("4xx", dims.clone()), key("5xx", dims)])
        }
        ApiKind::Websocket => {
            let dims = vec![("ApiId", api.id.clone()), ("Stage", stage.to_string())];
            (vec![key("ConnectCount", dims.clone()), key("MessageCount", dims)], Vec::new())
        }
    }
}

pub fn incoming_bytes(group: &str) -> MetricKey {
    MetricKey {
        namespace: "AWS/Logs",
        name: "IncomingBytes",
        dimensions: vec![("LogGroupName", group.to_string())],
    }
}

fn access_group(stage: &StageLogging) -> Option<String> {
    stage.access.as_ref().and_then(|a| crate::arn::log_group_name_of(&a.destination_arn))
}

async fn try_estimate(
    ctx: &Ctx,
    clients: &Clients,
    targets: &[(Api, StageLogging)],
    afters: &[StageLogging],
    plan: &Plan,
    deliveries: &[Option<&[DestinationSpec]>],
) -> anyhow::Result<CostReport> {
    // Deliveries are read only when a REST stage is priced; a caller that may not read them
    // gets the estimate without them.
    let index = match targets.iter().any(|(api, _)| api.kind == ApiKind::Rest) {
        true => clients.delivery_index().await.ok(),
        false => None,
    };
    let days = ctx.global.traffic_days;
    let (prices, price_note) = ctx.prices.for_region(&clients.region);
    // Groups several targets send access logs to: their IncomingBytes is not one stage's.
    let mut group_users: HashMap<String, usize> = HashMap::new();
    for (_, stage) in targets {
        if let Some(group) = access_group(stage) {
            *group_users.entry(group).or_default() += 1;
        }
    }
    // REST metrics are keyed by name: the region's APIs that share one share its counts (the
    // run's own APIs when the region was not listed).
    let mut metric_names: HashMap<String, usize> = HashMap::new();
    let listed = clients.rest_api_names.get();
    let mut seen = std::collections::HashSet::new();
    let names: Vec<&String> = match listed {
        Some(all) => all.iter().collect(),
        // One per API of the run (an API with several stages counts once).
        None => targets
            .iter()
            .filter(|(api, _)| api.kind == ApiKind::Rest && seen.insert(api.id.clone()))
            .map(|(api, _)| &api.name)
            .collect(),
    };
    for name in names {
        *metric_names.entry(rest_metric_name(name)).or_default() += 1;
    }

    // Only the metrics an estimate uses, so that a fleet of 200 stages turned on from nothing
    // is one call (500 queries): failures where a level is ERROR, ingested bytes of groups that
    // exist.
    let mut keys = Vec::new();
    for ((api, stage), after) in targets.iter().zip(afters) {
        let (requests, errors) = traffic_metrics(api, &stage.stage_name);
        keys.extend(requests);
        if [stage, after].iter().any(|s| s.stage_wide().level == crate::settings::Level::Error) {
            keys.extend(errors);
        }
        if let Some(group) = access_group(stage).filter(|g| group_users[g] == 1)
            && clients.find_log_group(&group).await?.is_some()
        {
            keys.push(incoming_bytes(&group));
        }
        if api.kind != ApiKind::Http {
            let group = crate::groups::execution_log_group(api, &stage.stage_name);
            if clients.find_log_group(&group).await?.is_some() {
                keys.push(incoming_bytes(&group));
            }
        }
    }
    let sums = cloudwatch::sums(&clients.cw, &keys, days, std::time::SystemTime::now()).await?;
    if sums.ignored > 0 {
        ctx.warn(format_args!(
            "CloudWatch returned {} metric data point(s) that are negative, not a number or beyond any real traffic (over {:e} a day); the estimate leaves them out",
            sums.ignored,
            crate::cost::MAX_METRIC_VALUE
        ));
    }
    let sum = |key: &MetricKey| sums.totals.get(key).copied().flatten();

    let mut stages = Vec::new();
    for (index_in_run, ((api, before), after)) in targets.iter().zip(afters).enumerate() {
        let (requests, errors) = traffic_metrics(api, &before.stage_name);
        let recorded: Vec<f64> = requests.iter().filter_map(sum).collect();
        let mut notes = Vec::new();
        let per_day = |total: f64| crate::cost::unsigned_zero(total / f64::from(days));
        let request_total: f64 = recorded.iter().sum();
        if recorded.is_empty() {
            notes.push(format!("no recorded traffic in the last {}", crate::cost::days(days)));
        }
        let shared_by = (api.kind == ApiKind::Rest)
            .then(|| metric_names.get(&rest_metric_name(&api.name)).copied().unwrap_or(1))
            .filter(|n| *n > 1);
        let wide_only = |s: &StageLogging| {
            let wide = s.stage_wide();
            (wide.level, wide.data_trace && wide.level != crate::settings::Level::Off)
        };
        if [before, after].iter().any(|s| loudest(s) != wide_only(s)) {
            notes.push("method or route overrides are priced at the loudest level any of them logs at (an upper bound)".into());
        }
        if let Some(n) = shared_by {
            notes.push(format!(
                "CloudWatch counts REST traffic by API name, which {n} APIs share: the count is theirs together"
            ));
        }
        let traffic = Traffic {
            requests_per_day: per_day(request_total),
            errors_per_day: per_day(errors.iter().filter_map(sum).sum()),
            days,
            shared_by,
        };
        let measured_per_request = |group: Option<String>| {
            let bytes = sum(&incoming_bytes(&group?))?;
            (request_total > 0.0).then(|| bytes / request_total)
        };
        let execution_group =
            (api.kind != ApiKind::Http).then(|| crate::groups::execution_log_group(api, &before.stage_name));
        let measured_now = Measured {
            access: measured_per_request(access_group(before).filter(|g| group_users[g] == 1)),
            execution: measured_per_request(execution_group.clone()),
        };
        // What was measured holds after the plan only where the plan leaves that log as it is.
        let before_wide = before.stage_wide();
        let after_wide = after.stage_wide();
        let measured_after = Measured {
            access: measured_now.access.filter(|_| before.access == after.access),
            execution: measured_now.execution.filter(|_| before_wide == after_wide),
        };
        // Methods (REST) or routes (v2) are read only when detailed metrics are on before or after.
        let metrics_on = |s: &StageLogging| s.methods.values().any(|m| m.metrics);
        let methods = match metrics_on(before) || metrics_on(after) {
            true => Some(method_count(clients, api).await?),
            false => None,
        };
        let now: Vec<DestinationKind> = index
            .filter(|_| api.kind == ApiKind::Rest)
            .and_then(|index| index.for_stage(&api.id, &before.stage_name))
            .map(|d| d.deliveries.iter().filter_map(|d| d.kind).collect())
            .unwrap_or_default();
        let then = match deliveries.get(index_in_run).copied().flatten().filter(|_| api.kind == ApiKind::Rest)
        {
            Some(wanted) => wanted.iter().map(|spec| spec.kind).collect(),
            None => now.clone(),
        };
        let mut before_setup = setup(clients, plan, api, before, false, methods).await?;
        before_setup.deliveries = now;
        let mut after_setup = setup(clients, plan, api, after, true, methods).await?;
        after_setup.deliveries = then;
        stages.push(StageCost {
            target: super::target_label(api, before),
            access_group: access_group(after).filter(|_| after_setup.access_format.is_some()),
            execution_group: execution_group
                .clone()
                .filter(|_| after_setup.level != crate::settings::Level::Off),
            before: Some(crate::cost::monthly(&before_setup, &traffic, measured_now, &prices)),
            after: Some(crate::cost::monthly(&after_setup, &traffic, measured_after, &prices)),
            traffic: Some(traffic),
            notes,
        });
    }
    Ok(CostReport::new(stages, price_note.into_iter().collect()))
}

/// The most a stage logs: the highest level and any data trace, stage-wide or in an override
/// (per-method traffic is not known, so overrides are priced as if every request hit them).
fn loudest(stage: &StageLogging) -> (crate::settings::Level, bool) {
    use crate::settings::Level;
    let rank = |level: Level| match level {
        Level::Off => 0,
        Level::Error => 1,
        Level::Info => 2,
    };
    let wide = stage.stage_wide();
    let settings = std::iter::once(wide).chain(stage.overrides().map(|(_, s)| s));
    settings.fold((wide.level, wide.data_trace), |(level, trace), s| {
        (
            if rank(s.level) > rank(level) { s.level } else { level },
            trace || (s.data_trace && s.level != Level::Off),
        )
    })
}

/// How many methods (REST: resource and verb pairs) or routes (v2) the API has.
async fn method_count(clients: &Clients, api: &Api) -> anyhow::Result<usize> {
    Ok(match api.kind {
        ApiKind::Rest => crate::aws::apigw::resources(&clients.apigw, &api.id)
            .await?
            .iter()
            .map(|(_, verbs)| verbs.len())
            .sum(),
        _ => crate::aws::apigw2::routes(&clients.apigw2, &api.id).await?.len(),
    })
}

/// The custom metrics of `stage`: every method with stage-wide detailed metrics on, else the
/// overrides that turn them on.
fn detailed_metrics(api: &Api, stage: &StageLogging, methods: Option<usize>) -> f64 {
    let logging = if stage.stage_wide().metrics {
        methods.unwrap_or_default()
    } else {
        stage.overrides().filter(|(_, settings)| settings.metrics).count()
    };
    crate::cost::detailed_metric_count(api.kind, logging)
}

/// What of `stage` costs money; with `planned`, the retention the plan's steps give its groups.
async fn setup(
    clients: &Clients,
    plan: &Plan,
    api: &Api,
    stage: &StageLogging,
    planned: bool,
    methods: Option<usize>,
) -> anyhow::Result<Setup> {
    let (level, data_trace) = loudest(stage);
    let access_format =
        stage.access.as_ref().filter(|a| a.destination_arn.contains(":logs:")).map(|a| a.format.clone());
    let retention = |group: Option<String>| async move {
        let Some(group) = group else { return Ok::<_, anyhow::Error>(Retention::Never) };
        let set = plan.steps.iter().find_map(|step| match &step.action {
            Action::PutRetentionPolicy { log_group_name, retention_in_days } if *log_group_name == group => {
                Some(*retention_in_days)
            }
            _ => None,
        });
        match set.filter(|_| planned) {
            Some(days) => Ok(Retention::Days(days)),
            // A group that does not exist yet is created by API Gateway, without retention.
            None => Ok(clients
                .find_log_group(&group)
                .await?
                .map_or(Retention::Never, |g| Retention::from_days(g.retention_days))),
        }
    };
    let execution_group =
        (api.kind != ApiKind::Http).then(|| crate::groups::execution_log_group(api, &stage.stage_name));
    Ok(Setup {
        kind: api.kind,
        level,
        data_trace,
        access_format,
        access_retention: retention(access_group(stage)).await?,
        execution_retention: retention(execution_group).await?,
        detailed_metrics: detailed_metrics(api, stage, methods),
        deliveries: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logging::MethodLogging;
    use crate::settings::Level;

    fn stage(wide: MethodLogging, overrides: &[MethodLogging]) -> StageLogging {
        let mut stage = StageLogging { stage_name: "prod".into(), ..Default::default() };
        stage.methods.insert(crate::settings::ALL_METHODS_KEY.into(), wide);
        for (i, settings) in overrides.iter().enumerate() {
            stage.methods.insert(format!("~1m{i}/GET"), *settings);
        }
        stage
    }

    #[test]
    fn overrides_are_priced_at_the_loudest_level_any_method_logs_at() {
        let at = |level, data_trace| MethodLogging { level, data_trace, metrics: false };
        assert_eq!(loudest(&stage(at(Level::Error, false), &[])), (Level::Error, false));
        assert_eq!(loudest(&stage(at(Level::Error, false), &[at(Level::Info, true)])), (Level::Info, true));
        assert_eq!(
            loudest(&stage(at(Level::Info, false), &[at(Level::Off, true)])),
            (Level::Info, false),
            "OFF logs no data trace"
        );
        assert_eq!(loudest(&stage(at(Level::Off, false), &[at(Level::Error, false)])), (Level::Error, false));
    }
}
