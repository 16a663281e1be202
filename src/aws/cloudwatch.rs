//! CloudWatch metrics: daily sums of many metrics in as few GetMetricData calls as its limits
//! allow (500 queries a call), for traffic and ingested-bytes figures.

use super::{Call, call_failed};
use aws_sdk_cloudwatch::types::{Dimension, Metric, MetricDataQuery, MetricStat};
use std::collections::HashMap;

const GET_METRIC_DATA: Call =
    Call { name: "cloudwatch:GetMetricData", permission: "cloudwatch:GetMetricData" };
/// GetMetricData's limit of queries per call.
pub const QUERIES_PER_CALL: usize = 500;
const DAY_SECONDS: i32 = 86_400;

/// One metric to sum: namespace, name and dimensions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MetricKey {
    pub namespace: &'static str,
    pub name: &'static str,
    pub dimensions: Vec<(&'static str, String)>,
}

/// The sum of each metric over the `days` before `end`, in one GetMetricData call per 500
/// metrics (daily periods: 90 days × 500 stay under the 100,800 data points a call allows).
/// `None`: the metric has no data point in the window.
pub async fn sums(
    client: &aws_sdk_cloudwatch::Client,
    metrics: &[MetricKey],
    days: u32,
    end: std::time::SystemTime,
) -> anyhow::Result<Sums> {
    let end_secs = end.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    // Whole days, so each period is one day of data.
    let end_secs = end_secs - end_secs % i64::from(DAY_SECONDS);
    let start_secs = end_secs - i64::from(days) * i64::from(DAY_SECONDS);
    sums_between(client, metrics, start_secs, end_secs, DAY_SECONDS).await
}

/// The sum of each metric over the 24 hours before `end` (to the minute): one data point each.
pub async fn last_day_sums(
    client: &aws_sdk_cloudwatch::Client,
    metrics: &[MetricKey],
    end: std::time::SystemTime,
) -> anyhow::Result<Sums> {
    let end_secs = end.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let end_secs = end_secs - end_secs % 60;
    sums_between(client, metrics, end_secs - i64::from(DAY_SECONDS), end_secs, DAY_SECONDS).await
}

/// Sums over `start..end` (seconds) in periods of `period` seconds, 500 metrics a call.
async fn sums_between(
    client: &aws_sdk_cloudwatch::Client,
    metrics: &[MetricKey],
    start_secs: i64,
    end_secs: i64,
    period: i32,
) -> anyhow::Result<Sums> {
    let mut sums = HashMap::new();
    let mut ignored = 0;
    for chunk in metrics.chunks(QUERIES_PER_CALL) {
        let queries: Vec<MetricDataQuery> =
            chunk.iter().enumerate().map(|(i, key)| query(i, key, period)).collect();
        let mut totals: Vec<Option<f64>> = vec![None; chunk.len()];
        let mut token: Option<String> = None;
        loop {
            let out = client
                .get_metric_data()
                .set_metric_data_queries(Some(queries.clone()))
                .start_time(aws_smithy_types::DateTime::from_secs(start_secs))
                .end_time(aws_smithy_types::DateTime::from_secs(end_secs))
                .set_next_token(token.take())
                .send()
                .await
                .map_err(|e| call_failed(GET_METRIC_DATA, "metrics", e))?;
            for result in out.metric_data_results() {
                let Some(index) =
                    result.id().and_then(|id| id.strip_prefix('m')).and_then(|n| n.parse::<usize>().ok())
                else {
                    continue;
                };
                let (values, bad): (Vec<f64>, Vec<f64>) =
                    result.values().iter().partition(|v| crate::cost::usable_metric_value(**v));
                ignored += bad.len();
                if let (Some(total), false) = (totals.get_mut(index), values.is_empty()) {
                    *total = Some(total.unwrap_or(0.0) + values.iter().sum::<f64>());
                }
            }
            match out.next_token() {
                Some(next) => token = Some(next.to_string()),
                None => break,
            }
        }
        sums.extend(chunk.iter().cloned().zip(totals));
    }
    Ok(Sums { totals: sums, ignored })
}

/// Metric sums, and how many data points were left out of them (negative, not a number, or
/// beyond any real traffic: see `cost::usable_metric_value`).
#[derive(Debug, Default)]
pub struct Sums {
    pub totals: HashMap<MetricKey, Option<f64>>,
    pub ignored: usize,
}

fn query(index: usize, key: &MetricKey, period: i32) -> MetricDataQuery {
    let dimensions: Vec<Dimension> = key
        .dimensions
        .iter()
        .map(|(name, value)| Dimension::builder().name(*name).value(value).build())
        .collect();
    let metric = Metric::builder()
        .namespace(key.namespace)
        .metric_name(key.name)
        .set_dimensions(Some(dimensions))
        .build();
    MetricDataQuery::builder()
        // Ids must start with a lower-case letter.
        .id(format!("m{index}"))
        .metric_stat(MetricStat::builder().metric(metric).period(period).stat("Sum").build())
        .return_data(true)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_cloudwatch::operation::get_metric_data::GetMetricDataOutput;
    use aws_sdk_cloudwatch::types::MetricDataResult;
    use aws_smithy_mocks::{RuleMode, mock, mock_client};

    fn stage_count(i: usize) -> MetricKey {
        MetricKey {
            namespace: "AWS/ApiGateway",
            name: "Count",
            dimensions: vec![("ApiName", format!("api{i}")), ("Stage", "prod".into())],
        }
    }

    #[tokio::test]
    async fn one_call_covers_500_metrics_and_daily_values_are_summed() {
        let answer = mock!(aws_sdk_cloudwatch::Client::get_metric_data)
            .match_requests(|r| {
                let queries = r.metric_data_queries();
                let stat = queries[0].metric_stat().unwrap();
                queries.len() <= QUERIES_PER_CALL
                    && stat.period() == Some(DAY_SECONDS)
                    && stat.stat() == Some("Sum")
                    && r.start_time().map(|t| t.secs()) == Some(1_764_633_600 - 14 * 86_400)
                    && r.end_time().map(|t| t.secs()) == Some(1_764_633_600)
            })
            .then_output(|| {
                GetMetricDataOutput::builder()
                    .metric_data_results(
                        MetricDataResult::builder()
                            .id("m1")
                            .values(1_000.0)
                            .values(500.0)
                            .values(-3.0)
                            .values(1e18)
                            .build(),
                    )
                    .metric_data_results(MetricDataResult::builder().id("m2").build())
                    .build()
            });
        let client = mock_client!(aws_sdk_cloudwatch, RuleMode::MatchAny, [&answer]);
        // 2025-12-02T12:00:00Z: the window ends at that day's midnight.
        let end = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_764_633_600 + 43_200);
        let stages: Vec<MetricKey> = (0..200).map(stage_count).collect();
        let summed = sums(&client, &stages, 14, end).await.unwrap();
        assert_eq!(answer.num_calls(), 1, "200 stages, one call");
        assert_eq!(summed.totals[&stage_count(1)], Some(1_500.0));
        assert_eq!(summed.totals[&stage_count(2)], None, "no data point: no recorded traffic");
        assert_eq!(summed.totals[&stage_count(0)], None);
        assert_eq!(summed.ignored, 2, "a negative and an absurd value are left out");

        let fleet: Vec<MetricKey> = (0..1_001).map(stage_count).collect();
        sums(&client, &fleet, 14, end).await.unwrap();
        assert_eq!(answer.num_calls(), 1 + 3, "500 queries a call");
    }
}
