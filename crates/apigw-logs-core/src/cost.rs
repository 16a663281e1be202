//! What logging costs per month, from a stage's traffic: bytes per request (measured, or from a
//! model) × requests × prices, plus storage as retention holds it. Pure: no AWS, no I/O. Every
//! number of the model and its source is in docs/guide/cost.md; the ones marked
//! estimate there are estimates here too.

use crate::api::ApiKind;
use crate::settings::Level;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The default window of traffic read (`--traffic-days`).
pub const DEFAULT_TRAFFIC_DAYS: u32 = 14;

/// An average month (365 / 12 days), as AWS prorates monthly prices.
pub const DAYS_PER_MONTH: f64 = 365.0 / 12.0;
/// Prices are per GB; counting 10^9 bytes (not 2^30) errs towards the higher figure.
const BYTES_PER_GB: f64 = 1e9;
/// What CloudWatch Logs counts per event besides its message (PutLogEvents' batch-size rule;
/// whether billing adds it is unconfirmed, so it is counted: the higher figure).
pub const EVENT_OVERHEAD_BYTES: f64 = 26.0;

/// The execution-log model (REST; WebSocket uses it per connect and message). Estimates from
/// public log samples, see docs/guide/cost.md.
pub mod execution {
    /// INFO without data trace: about 8 events (request id, usage plan, start, method, completion).
    pub const INFO_EVENTS: f64 = 8.0;
    pub const INFO_MESSAGE_BYTES: f64 = 850.0;
    /// Data trace adds about 13 events (headers and bodies, each cut at 1,024 bytes).
    pub const DATA_TRACE_EVENTS: f64 = 13.0;
    pub const DATA_TRACE_MESSAGE_BYTES: f64 = 5_000.0;
    /// A failed request at ERROR: 2–4 events.
    pub const FAILURE_EVENTS: f64 = 3.0;
    pub const FAILURE_MESSAGE_BYTES: f64 = 400.0;
}

/// A representative rendered size (bytes) for each `$context` variable an access log format
/// uses; a name not listed counts [`DEFAULT_VARIABLE_BYTES`]. REST request ids are UUIDs; HTTP
/// and WebSocket ones 16 characters.
pub const VARIABLE_BYTES: &[(&str, usize)] = &[
    ("requestId", 36),
    ("extendedRequestId", 16),
    ("identity.sourceIp", 13),
    ("identity.caller", 1),
    ("identity.user", 1),
    ("identity.userAgent", 120),
    ("requestTime", 26),
    ("requestTimeEpoch", 13),
    ("httpMethod", 4),
    ("resourcePath", 20),
    ("path", 30),
    ("routeKey", 15),
    ("status", 3),
    ("protocol", 8),
    ("responseLength", 4),
    ("responseLatency", 3),
    ("integrationLatency", 3),
    ("integration.latency", 3),
    ("integration.status", 3),
    ("integrationStatus", 3),
    ("domainName", 46),
    ("apiId", 10),
    ("stage", 6),
    ("connectionId", 16),
    ("eventType", 8),
    ("xrayTraceId", 40),
    ("error.message", 1),
    ("integrationErrorMessage", 1),
];
pub const DEFAULT_VARIABLE_BYTES: usize = 12;
/// HTTP and WebSocket request ids are shorter than REST's UUIDs.
const V2_REQUEST_ID_BYTES: usize = 16;

/// One access-log event's size for `format`: the text as written, each `$context` variable at its
/// representative size, plus the per-event overhead.
pub fn access_event_bytes(format: &str, kind: ApiKind) -> f64 {
    let (mut size, mut i) = (0usize, 0usize);
    while let Some(rest) = format.get(i..).filter(|r| !r.is_empty()) {
        let Some(after) = rest.strip_prefix("$context.") else {
            let width = rest.chars().next().map_or(1, char::len_utf8);
            size += width;
            i += width;
            continue;
        };
        let name_len = after
            .char_indices()
            .find(|&(at, c)| !(c.is_ascii_alphanumeric() || c == '_' || (c == '.' && at > 0)))
            .map_or(after.len(), |(at, _)| at);
        let name = after[..name_len].trim_end_matches('.');
        size += match (name, kind) {
            ("requestId", ApiKind::Http | ApiKind::Websocket) => V2_REQUEST_ID_BYTES,
            _ => VARIABLE_BYTES.iter().find(|(n, _)| *n == name).map_or(DEFAULT_VARIABLE_BYTES, |(_, s)| *s),
        };
        i += "$context.".len() + name.len();
    }
    size as f64 + EVENT_OVERHEAD_BYTES
}

/// Execution-log bytes a day at `level`: INFO logs every request, ERROR only failures; data trace
/// adds the payload lines to every request (at ERROR too: public samples of a stage at ERROR with
/// data trace show them on successful requests).
pub fn execution_bytes_per_day(level: Level, data_trace: bool, traffic: &Traffic) -> f64 {
    use execution::*;
    let event = |events: f64, bytes: f64| bytes + events * EVENT_OVERHEAD_BYTES;
    let trace = if data_trace { event(DATA_TRACE_EVENTS, DATA_TRACE_MESSAGE_BYTES) } else { 0.0 };
    match level {
        Level::Off => 0.0,
        Level::Error => {
            traffic.errors_per_day * event(FAILURE_EVENTS, FAILURE_MESSAGE_BYTES)
                + traffic.requests_per_day * trace
        }
        Level::Info => traffic.requests_per_day * (event(INFO_EVENTS, INFO_MESSAGE_BYTES) + trace),
    }
}

/// A stage's recorded traffic: daily averages over the window read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Traffic {
    pub requests_per_day: f64,
    /// 4xx and 5xx answers (REST, HTTP); 0 where the API type has no such metric.
    pub errors_per_day: f64,
    pub days: u32,
    /// REST metrics are keyed by API name: when other APIs of the run share this one's, the
    /// counts are theirs together (this many APIs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_by: Option<usize>,
}

/// How long a log group keeps events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Retention {
    Days(i32),
    Never,
}

impl Retention {
    pub fn from_days(days: Option<i32>) -> Retention {
        days.map_or(Retention::Never, Retention::Days)
    }
}

/// The logging of one stage that costs money, as it is or as a plan leaves it.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    pub kind: ApiKind,
    pub level: Level,
    pub data_trace: bool,
    /// The access-log format when access logs go to CloudWatch Logs (Firehose bills elsewhere).
    pub access_format: Option<String>,
    pub access_retention: Retention,
    pub execution_retention: Retention,
    /// Custom metrics detailed metrics publish (metrics per method or route × how many log them).
    pub detailed_metrics: f64,
    /// Execution log delivery (REST): each destination gets a copy, billed as vended logs.
    pub deliveries: Vec<crate::delivery::DestinationKind>,
}

/// Detailed metrics per REST method: Count, Latency, IntegrationLatency, 4XXError, 5XXError,
/// CacheHitCount, CacheMissCount (AWS's list; the cache ones maybe only with a cache: the higher
/// figure).
pub const REST_METRICS_PER_METHOD: f64 = 7.0;
/// Per HTTP route: Count, Latency, IntegrationLatency, 4xx, 5xx, DataProcessed; per WebSocket
/// route: ConnectCount, MessageCount, IntegrationError, ClientError, ExecutionError,
/// IntegrationLatency.
pub const V2_METRICS_PER_ROUTE: f64 = 6.0;

/// The custom metrics detailed metrics add for `methods` methods (REST) or routes (v2).
pub fn detailed_metric_count(kind: ApiKind, methods: usize) -> f64 {
    let per = if kind == ApiKind::Rest { REST_METRICS_PER_METHOD } else { V2_METRICS_PER_ROUTE };
    per * methods as f64
}

/// Bytes per request of one log, and whether they were measured (CloudWatch's `IncomingBytes`)
/// or come from the model.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PerRequest {
    pub bytes: f64,
    pub measured: bool,
}

/// CloudWatch Logs prices of one region, in USD.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Prices {
    /// Standard log class, per GB ingested.
    pub ingestion_per_gb: f64,
    /// Infrequent Access log class, per GB ingested.
    pub infrequent_access_ingestion_per_gb: f64,
    /// Per GB-month stored.
    pub storage_per_gb_month: f64,
    /// Vended logs (execution log delivery), per GB: first 10 TB, next 20 TB, next 20 TB, over 50 TB.
    pub vended_cloudwatch_per_gb: [f64; 4],
    pub vended_s3_per_gb: [f64; 4],
    pub vended_firehose_per_gb: [f64; 4],
    /// Detailed metrics are custom metrics, per metric-month: first 10,000, next 240,000, next
    /// 750,000, over 1,000,000.
    pub custom_metric_per_month: [f64; 4],
}

/// us-east-1, as published on aws.amazon.com/cloudwatch/pricing (read 2026-12-02; see docs/guide/cost.md).
pub const US_EAST_1: Prices = Prices {
    ingestion_per_gb: 0.50,
    infrequent_access_ingestion_per_gb: 0.25,
    storage_per_gb_month: 0.03,
    vended_cloudwatch_per_gb: [0.50, 0.25, 0.10, 0.05],
    vended_s3_per_gb: [0.25, 0.15, 0.075, 0.05],
    vended_firehose_per_gb: [0.25, 0.15, 0.075, 0.05],
    custom_metric_per_month: [0.30, 0.10, 0.05, 0.02],
};

/// Vended-log tier widths in GB (10 TB, 20 TB, 20 TB, then the rest).
const VENDED_TIER_GB: [f64; 3] = [10_000.0, 20_000.0, 20_000.0];

/// The cost of `gb` in one month at tiered prices.
pub fn tiered(gb: f64, prices: &[f64; 4]) -> f64 {
    let mut left = gb;
    let mut cost = 0.0;
    for (width, price) in VENDED_TIER_GB.iter().zip(prices) {
        let here = left.min(*width);
        cost += here * price;
        left -= here;
    }
    cost + left.max(0.0) * prices[3]
}

/// The prices in force: the built-in table, then the `--prices` file's top-level keys (every
/// region), then its `[regions.NAME]` table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PriceBook {
    /// Where the file came from, for the basis line.
    pub file: Option<String>,
    every_region: PriceOverrides,
    regions: BTreeMap<String, PriceOverrides>,
}

/// The most a `--prices` file may ask per unit (GB or metric-month): 2,000 times AWS's dearest
/// CloudWatch Logs price today. Above it, a price is a typo (or `1e308`), not a price.
pub const MAX_PRICE: f64 = 1_000.0;

/// The keys of a `--prices` file, at the top level or in a `[regions.NAME]` table: each one
/// given replaces the built-in price.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceOverrides {
    ingestion_per_gb: Option<f64>,
    infrequent_access_ingestion_per_gb: Option<f64>,
    storage_per_gb_month: Option<f64>,
    vended_cloudwatch_per_gb: Option<[f64; 4]>,
    vended_s3_per_gb: Option<[f64; 4]>,
    vended_firehose_per_gb: Option<[f64; 4]>,
    custom_metric_per_month: Option<[f64; 4]>,
}

impl PriceOverrides {
    /// Reads one table; `path` names it in errors (empty: the top level).
    fn read(table: toml::Table, path: &str) -> Result<PriceOverrides, String> {
        let prefix = if path.is_empty() { String::new() } else { format!("{path}.") };
        let overrides: PriceOverrides =
            serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| {
                let key = e.path().to_string();
                let inner = e.into_inner();
                let message = inner.message().trim();
                match key.as_str() {
                    "." | "" => format!("{}{message}", at(path)),
                    key => format!("`{prefix}{key}`: {message}"),
                }
            })?;
        for (key, prices) in overrides.given() {
            if let Some(bad) = prices.iter().find(|p| !(p.is_finite() && (0.0..=MAX_PRICE).contains(*p))) {
                return Err(format!(
                    "`{prefix}{key}`: a price is a number of USD from 0 to {MAX_PRICE} per unit; got {bad}"
                ));
            }
        }
        Ok(overrides)
    }

    /// The keys given, with their prices.
    fn given(&self) -> Vec<(&'static str, &[f64])> {
        fn one<'a>(key: &'static str, price: &'a Option<f64>) -> Option<(&'static str, &'a [f64])> {
            price.as_ref().map(|p| (key, std::slice::from_ref(p)))
        }
        fn tiers<'a>(key: &'static str, prices: &'a Option<[f64; 4]>) -> Option<(&'static str, &'a [f64])> {
            prices.as_ref().map(|p| (key, &p[..]))
        }
        [
            one("ingestion_per_gb", &self.ingestion_per_gb),
            one("infrequent_access_ingestion_per_gb", &self.infrequent_access_ingestion_per_gb),
            one("storage_per_gb_month", &self.storage_per_gb_month),
            tiers("vended_cloudwatch_per_gb", &self.vended_cloudwatch_per_gb),
            tiers("vended_s3_per_gb", &self.vended_s3_per_gb),
            tiers("vended_firehose_per_gb", &self.vended_firehose_per_gb),
            tiers("custom_metric_per_month", &self.custom_metric_per_month),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn is_empty(&self) -> bool {
        self.given().is_empty()
    }

    fn apply_to(&self, prices: &mut Prices) {
        let one = |price: &mut f64, given: Option<f64>| *price = given.unwrap_or(*price);
        let tiers = |prices: &mut [f64; 4], given: Option<[f64; 4]>| *prices = given.unwrap_or(*prices);
        one(&mut prices.ingestion_per_gb, self.ingestion_per_gb);
        one(&mut prices.infrequent_access_ingestion_per_gb, self.infrequent_access_ingestion_per_gb);
        one(&mut prices.storage_per_gb_month, self.storage_per_gb_month);
        tiers(&mut prices.vended_cloudwatch_per_gb, self.vended_cloudwatch_per_gb);
        tiers(&mut prices.vended_s3_per_gb, self.vended_s3_per_gb);
        tiers(&mut prices.vended_firehose_per_gb, self.vended_firehose_per_gb);
        tiers(&mut prices.custom_metric_per_month, self.custom_metric_per_month);
    }
}

/// `regions.eu-west-1: ` before a message about that table (nothing for the top level).
fn at(path: &str) -> String {
    if path.is_empty() { String::new() } else { format!("`{path}`: ") }
}

impl PriceBook {
    /// Parses a `--prices` file (TOML). The error names the key and what is wrong.
    pub fn parse(text: &str, file: &str) -> Result<PriceBook, String> {
        let mut table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.message().to_string())?;
        let mut book = PriceBook { file: Some(file.to_string()), ..Default::default() };
        if let Some(regions) = table.remove("regions") {
            let toml::Value::Table(regions) = regions else {
                return Err("`regions`: expected a table of [regions.NAME] tables".into());
            };
            for (region, prices) in regions {
                crate::arn::validate_region(&region).map_err(|e| format!("`regions.{region}`: {e}"))?;
                let toml::Value::Table(prices) = prices else {
                    return Err(format!("`regions.{region}`: expected a table of prices"));
                };
                let path = format!("regions.{region}");
                book.regions.insert(region, PriceOverrides::read(prices, &path)?);
            }
        }
        book.every_region = PriceOverrides::read(table, "")?;
        Ok(book)
    }

    /// The prices for `region`, and a note when they are another region's.
    pub fn for_region(&self, region: &str) -> (Prices, Option<String>) {
        let mut prices = US_EAST_1;
        self.every_region.apply_to(&mut prices);
        let own = self.regions.get(region);
        if let Some(own) = own {
            own.apply_to(&mut prices);
        }
        let note = (region != "us-east-1" && own.is_none() && self.every_region.is_empty()).then(|| {
            format!("no price table for {region}: us-east-1 prices are used (set yours with --prices FILE)")
        });
        (prices, note)
    }
}

/// A month of one stage's logging.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Monthly {
    /// Ingestion, storage at steady state for groups that expire, and detailed metrics.
    pub usd: f64,
    /// Of which the access log, the execution log and detailed metrics.
    pub access_usd: f64,
    pub execution_usd: f64,
    pub metrics_usd: f64,
    /// Execution log delivery to your own destinations (vended logs).
    pub delivery_usd: f64,
    pub ingested_gb: f64,
    /// What groups with a retention hold once full.
    pub stored_gb: f64,
    /// What groups that never expire add every month (their storage cost grows by this times
    /// the storage price, month after month).
    pub growth_gb_per_month: f64,
    pub access: Option<PerRequest>,
    pub execution_bytes_per_request: f64,
    pub execution_measured: bool,
}

/// Bytes per request measured for a stage's logs, as they are now (`IncomingBytes` ÷ requests).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Measured {
    pub access: Option<f64>,
    pub execution: Option<f64>,
}

/// The month of `setup` at `traffic`, with `measured` bytes per request where they apply (else
/// the model).
pub fn monthly(setup: &Setup, traffic: &Traffic, measured: Measured, prices: &Prices) -> Monthly {
    let access = setup.access_format.as_ref().map(|format| match measured.access {
        Some(bytes) => PerRequest { bytes, measured: true },
        None => PerRequest { bytes: access_event_bytes(format, setup.kind), measured: false },
    });
    let access_daily = access.map_or(0.0, |a| a.bytes * traffic.requests_per_day);
    let execution_measured = measured.execution.filter(|_| setup.level != Level::Off);
    let execution_daily = match execution_measured {
        Some(bytes) => bytes * traffic.requests_per_day,
        None => execution_bytes_per_day(setup.level, setup.data_trace, traffic),
    };
    let ingested_gb = (access_daily + execution_daily) * DAYS_PER_MONTH / BYTES_PER_GB;
    let (mut stored_gb, mut growth_gb_per_month) = (0.0, 0.0);
    let mut per_log = [0.0; 2];
    for (i, (daily, retention)) in
        [(access_daily, setup.access_retention), (execution_daily, setup.execution_retention)]
            .into_iter()
            .enumerate()
    {
        per_log[i] = daily * DAYS_PER_MONTH / BYTES_PER_GB * prices.ingestion_per_gb;
        match retention {
            Retention::Days(days) => {
                let stored = daily * f64::from(days) / BYTES_PER_GB;
                stored_gb += stored;
                per_log[i] += stored * prices.storage_per_gb_month;
            }
            Retention::Never => growth_gb_per_month += daily * DAYS_PER_MONTH / BYTES_PER_GB,
        }
    }
    // Each metric at the first tier's price (tiers count the whole account's metrics), for the
    // whole month: an upper bound, since a method without requests publishes nothing.
    let metrics_usd = setup.detailed_metrics * prices.custom_metric_per_month[0];
    // A delivered copy is the same events uncut (up to 1 MB, not 1 KB: data trace bodies may be
    // larger than modelled), at the first vended tier of its kind.
    let delivery_usd: f64 = setup
        .deliveries
        .iter()
        .map(|kind| {
            let tiers = match kind {
                crate::delivery::DestinationKind::LogGroup => &prices.vended_cloudwatch_per_gb,
                crate::delivery::DestinationKind::S3 => &prices.vended_s3_per_gb,
                crate::delivery::DestinationKind::Firehose => &prices.vended_firehose_per_gb,
            };
            execution_daily * DAYS_PER_MONTH / BYTES_PER_GB * tiers[0]
        })
        .sum();
    let usd = ingested_gb * prices.ingestion_per_gb
        + stored_gb * prices.storage_per_gb_month
        + metrics_usd
        + delivery_usd;
    let execution_bytes_per_request =
        if traffic.requests_per_day > 0.0 { execution_daily / traffic.requests_per_day } else { 0.0 };
    Monthly {
        usd: unsigned_zero(usd),
        access_usd: unsigned_zero(per_log[0]),
        execution_usd: unsigned_zero(per_log[1]),
        metrics_usd: unsigned_zero(metrics_usd),
        delivery_usd: unsigned_zero(delivery_usd),
        ingested_gb: unsigned_zero(ingested_gb),
        stored_gb: unsigned_zero(stored_gb),
        growth_gb_per_month: unsigned_zero(growth_gb_per_month),
        access,
        execution_bytes_per_request: unsigned_zero(execution_bytes_per_request),
        execution_measured: execution_measured.is_some(),
    }
}

/// `12.40`: cents, with thousands separated (`1,234.50`), exact for any finite amount (the
/// digits are the decimal expansion of the figure JSON carries, never a saturated integer).
pub fn usd(amount: f64) -> String {
    if !amount.is_finite() {
        return "(not a number)".into();
    }
    let fixed = format!("{:.2}", amount.abs());
    let (whole, frac) = fixed.split_once('.').expect("two decimals");
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    // Rounded to cents, an amount of zero (or -0.001) is shown without a sign.
    let sign = if amount < 0.0 && fixed != "0.00" { "-" } else { "" };
    format!("{sign}{grouped}.{frac}")
}

/// The largest daily metric value a cost estimate believes: far above any real API's traffic
/// (API Gateway's default quota is 10,000 requests a second) or log volume, far below values
/// whose products would no longer be exact.
pub const MAX_METRIC_VALUE: f64 = 1e15;

/// Whether a metric data point can be used: CloudWatch (or what answers in its place) may send
/// negative or absurd values, which would make an estimate negative or meaningless.
pub fn usable_metric_value(value: f64) -> bool {
    value.is_finite() && (0.0..=MAX_METRIC_VALUE).contains(&value)
}

/// `-0.0` (the sum of nothing, in Rust) becomes `0.0`, so JSON never says `-0.0` for an idle stage.
pub fn unsigned_zero(value: f64) -> f64 {
    if value == 0.0 { 0.0 } else { value }
}

/// `1 day`, `14 days`.
pub fn days(n: impl Into<u64>) -> String {
    match n.into() {
        1 => "1 day".into(),
        n => format!("{n} days"),
    }
}

/// A number of bytes or requests, rounded and grouped (`1,234`).
pub fn count(value: f64) -> String {
    usd(value.round()).trim_end_matches(".00").to_string()
}

/// The estimate of one stage: before and after a change (the same when nothing changes).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageCost {
    pub target: String,
    /// The log groups the stage logs to once the plan is applied (CloudWatch Logs only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execution_group: Option<String>,
    pub traffic: Option<Traffic>,
    pub before: Option<Monthly>,
    pub after: Option<Monthly>,
    /// Why there is no figure, or what it rests on besides the traffic.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl StageCost {
    /// `logging cost: 12.40 → 310.00 USD/month (basis)`.
    pub fn line(&self) -> String {
        let (Some(traffic), Some(before), Some(after)) = (&self.traffic, &self.before, &self.after) else {
            if self.notes.is_empty() {
                return "logging cost: unknown".into();
            }
            return format!("logging cost: unknown ({})", self.notes.join("; "));
        };
        let mut line = match usd(before.usd) == usd(after.usd) {
            true => format!("logging cost: {} USD/month", usd(after.usd)),
            false => format!("logging cost: {} → {} USD/month", usd(before.usd), usd(after.usd)),
        };
        if after.growth_gb_per_month > 0.0 {
            let _ = write!(line, ", plus {:.2} GB a month kept forever", after.growth_gb_per_month);
        }
        let _ =
            write!(line, " ({} requests/day over {}", count(traffic.requests_per_day), days(traffic.days));
        if let Some(access) = after.access {
            let how = if access.measured { "measured" } else { "estimated" };
            let _ = write!(line, "; access logs {} B/request, {how}", count(access.bytes));
        }
        if after.execution_bytes_per_request > 0.0 {
            let how = if after.execution_measured { "measured" } else { "estimated" };
            let _ = write!(
                line,
                "; execution logs {} B/request, {how}",
                count(after.execution_bytes_per_request)
            );
        }
        if after.metrics_usd > 0.0 {
            let _ = write!(line, "; detailed metrics {} USD at most", usd(after.metrics_usd));
        }
        if after.delivery_usd > 0.0 {
            let _ = write!(line, "; execution log delivery {} USD, as vended logs", usd(after.delivery_usd));
        }
        line.push(')');
        for note in &self.notes {
            let _ = write!(line, "; {note}");
        }
        line
    }
}

/// The estimate of a plan: each stage, the total, and what it rests on.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CostReport {
    pub stages: Vec<StageCost>,
    /// USD a month, over the stages with a figure.
    pub before_usd: f64,
    pub after_usd: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl CostReport {
    pub fn new(stages: Vec<StageCost>, notes: Vec<String>) -> CostReport {
        let total =
            |pick: fn(&StageCost) -> Option<&Monthly>| stages.iter().filter_map(pick).map(|m| m.usd).sum();
        let before_usd = unsigned_zero(total(|s| s.before.as_ref()));
        let after_usd = unsigned_zero(total(|s| s.after.as_ref()));
        CostReport { stages, before_usd, after_usd, notes }
    }

    /// One line per stage (with `per_group`, then one per log group), then the total (with
    /// several stages) and the notes.
    pub fn render(&self, per_group: bool) -> String {
        let mut out = String::new();
        for stage in &self.stages {
            let _ = writeln!(out, "  {}: {}", stage.target, stage.line());
            let Some(after) = stage.after.as_ref().filter(|_| per_group) else { continue };
            let groups = [
                ("access", &stage.access_group, after.access_usd),
                ("execution", &stage.execution_group, after.execution_usd),
            ];
            for (log, group, amount) in groups {
                if let Some(group) = group.as_ref().filter(|_| amount > 0.0) {
                    let _ = writeln!(out, "      {log} log group {group}: {} USD/month", usd(amount));
                }
            }
            if after.metrics_usd > 0.0 {
                let _ = writeln!(out, "      detailed metrics: {} USD/month at most", usd(after.metrics_usd));
            }
            if after.delivery_usd > 0.0 {
                let _ = writeln!(out, "      execution log delivery: {} USD/month", usd(after.delivery_usd));
            }
        }
        let known = self.stages.iter().filter(|s| s.after.is_some()).count();
        if self.stages.len() > 1 && known > 0 {
            if known < self.stages.len() {
                let _ = writeln!(
                    out,
                    "  ({} stage(s) of unknown cost are not in the total)",
                    self.stages.len() - known
                );
            }
            let _ = match usd(self.before_usd) == usd(self.after_usd) {
                true => writeln!(out, "  total logging cost: {} USD/month", usd(self.after_usd)),
                false => writeln!(
                    out,
                    "  total logging cost: {} → {} USD/month",
                    usd(self.before_usd),
                    usd(self.after_usd)
                ),
            };
        }
        for note in &self.notes {
            let _ = writeln!(out, "  ({note})");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traffic(requests: f64, errors: f64) -> Traffic {
        Traffic { requests_per_day: requests, errors_per_day: errors, days: 14, shared_by: None }
    }

    fn setup(level: Level, data_trace: bool, format: Option<&str>, retention: Retention) -> Setup {
        Setup {
            kind: ApiKind::Rest,
            level,
            data_trace,
            access_format: format.map(str::to_string),
            access_retention: retention,
            execution_retention: retention,
            detailed_metrics: 0.0,
            deliveries: Vec::new(),
        }
    }

    #[test]
    fn each_delivered_copy_is_billed_at_its_kinds_vended_price() {
        use crate::delivery::DestinationKind::{Firehose, LogGroup, S3};
        let t = traffic(1_000_000.0, 0.0);
        let info = setup(Level::Info, false, None, Retention::Days(30));
        let alone = monthly(&info, &t, Measured::default(), &US_EAST_1);
        let delivered = Setup { deliveries: vec![LogGroup, S3, Firehose], ..info };
        let month = monthly(&delivered, &t, Measured::default(), &US_EAST_1);
        let gb = 1_000_000.0 * (850.0 + 8.0 * 26.0) * DAYS_PER_MONTH / 1e9;
        assert!((month.delivery_usd - gb * (0.50 + 0.25 + 0.25)).abs() < 1e-9, "{month:?}");
        assert!((month.usd - alone.usd - month.delivery_usd).abs() < 1e-9);
    }

    #[test]
    fn detailed_metrics_are_priced_per_metric_month() {
        assert_eq!(detailed_metric_count(ApiKind::Rest, 3), 21.0);
        assert_eq!(detailed_metric_count(ApiKind::Http, 3), 18.0);
        let s = Setup { detailed_metrics: 21.0, ..setup(Level::Off, false, None, Retention::Days(30)) };
        let month = monthly(&s, &traffic(0.0, 0.0), Measured::default(), &US_EAST_1);
        assert!((month.usd - 21.0 * 0.30).abs() < 1e-9 && month.metrics_usd == month.usd, "{month:?}");
    }

    #[test]
    fn access_events_count_text_and_variables_at_their_sizes() {
        // 18 text bytes ("id= s= ua=" plus spaces) + 36 + 3 + 120 + the overhead.
        let format = "id=$context.requestId s=$context.status ua=$context.identity.userAgent";
        let text = format.len() - "$context.requestId$context.status$context.identity.userAgent".len();
        assert_eq!(access_event_bytes(format, ApiKind::Rest), (text + 36 + 3 + 120) as f64 + 26.0);
        assert_eq!(access_event_bytes("$context.requestId", ApiKind::Http), 16.0 + 26.0, "v2 ids are short");
        assert_eq!(
            access_event_bytes("$context.unlisted.", ApiKind::Rest),
            12.0 + 1.0 + 26.0,
            "a trailing dot is text"
        );
        assert_eq!(access_event_bytes("", ApiKind::Rest), 26.0);
        assert_eq!(
            access_event_bytes("é$context.status", ApiKind::Rest),
            2.0 + 3.0 + 26.0,
            "bytes, not characters"
        );
    }

    #[test]
    fn execution_bytes_follow_level_failures_and_data_trace() {
        let t = traffic(1_000.0, 10.0);
        assert_eq!(execution_bytes_per_day(Level::Off, true, &t), 0.0);
        assert_eq!(execution_bytes_per_day(Level::Error, false, &t), 10.0 * (400.0 + 3.0 * 26.0));
        assert_eq!(execution_bytes_per_day(Level::Info, false, &t), 1_000.0 * (850.0 + 8.0 * 26.0));
        let trace = 5_000.0 + 13.0 * 26.0;
        assert_eq!(execution_bytes_per_day(Level::Info, true, &t), 1_000.0 * (850.0 + 8.0 * 26.0 + trace));
        assert_eq!(
            execution_bytes_per_day(Level::Error, true, &t),
            10.0 * (400.0 + 3.0 * 26.0) + 1_000.0 * trace,
            "data trace logs every request at ERROR too"
        );
    }

    #[test]
    fn a_month_is_ingestion_plus_storage_at_steady_state() {
        // 1,000,000 requests a day at exactly 100 bytes of access log, INFO off: 0.1 GB a day.
        let s = setup(Level::Off, false, Some("x"), Retention::Days(30));
        let measured = Measured { access: Some(100.0), execution: None };
        let month = monthly(&s, &traffic(1_000_000.0, 0.0), measured, &US_EAST_1);
        let ingested = 0.1 * DAYS_PER_MONTH;
        assert!((month.ingested_gb - ingested).abs() < 1e-9);
        assert!((month.stored_gb - 3.0).abs() < 1e-9, "30 days × 0.1 GB");
        assert!((month.usd - (ingested * 0.50 + 3.0 * 0.03)).abs() < 1e-9);
        assert!(
            (month.access_usd - month.usd).abs() < 1e-9 && month.execution_usd == 0.0,
            "all of it is the access log"
        );
        assert_eq!(month.growth_gb_per_month, 0.0);
        let info = Setup { level: Level::Info, ..s.clone() };
        let measured_exec = monthly(
            &info,
            &traffic(10.0, 0.0),
            Measured { access: None, execution: Some(2_000.0) },
            &US_EAST_1,
        );
        assert_eq!(
            (measured_exec.execution_bytes_per_request, measured_exec.execution_measured),
            (2_000.0, true)
        );
        assert_eq!(month.access, Some(PerRequest { bytes: 100.0, measured: true }));
    }

    #[test]
    fn a_group_that_never_expires_grows_instead_of_holding_a_total() {
        let s = setup(Level::Off, false, Some("x"), Retention::Never);
        let measured = Measured { access: Some(100.0), execution: None };
        let month = monthly(&s, &traffic(1_000_000.0, 0.0), measured, &US_EAST_1);
        assert_eq!(month.stored_gb, 0.0);
        assert!((month.growth_gb_per_month - 0.1 * DAYS_PER_MONTH).abs() < 1e-9);
        assert!((month.usd - 0.1 * DAYS_PER_MONTH * 0.50).abs() < 1e-9, "ingestion only");
    }

    #[test]
    fn without_access_logs_or_traffic_nothing_is_billed() {
        let s = setup(Level::Info, false, None, Retention::Days(30));
        let month = monthly(&s, &traffic(0.0, 0.0), Measured::default(), &US_EAST_1);
        assert_eq!((month.usd, month.access, month.execution_bytes_per_request), (0.0, None, 0.0));
    }

    #[test]
    fn tiers_apply_in_order() {
        let tiers = [0.50, 0.25, 0.10, 0.05];
        assert_eq!(tiered(100.0, &tiers), 50.0);
        assert!(
            (tiered(10_000.0 + 20_000.0 + 20_000.0 + 1_000.0, &tiers) - (5_000.0 + 5_000.0 + 2_000.0 + 50.0))
                .abs()
                < 1e-6
        );
    }

    #[test]
    fn amounts_are_rounded_to_cents_and_grouped() {
        assert_eq!(usd(12.4), "12.40");
        assert_eq!(usd(0.004), "0.00");
        assert_eq!(usd(0.005), "0.01");
        assert_eq!(usd(1_234_567.891), "1,234,567.89");
        assert_eq!(count(1_234.4), "1,234");
        assert_eq!(count(999.6), "1,000");
        // Exact far past what an i64 of cents holds, and the same digits JSON carries.
        assert_eq!(usd(1.5e17), "150,000,000,000,000,000.00");
        assert_eq!(usd(-97.27), "-97.27");
        assert_eq!(usd(-0.0), "0.00");
        assert_eq!(usd(-0.001), "0.00");
        assert_eq!(usd(f64::INFINITY), "(not a number)");
    }

    #[test]
    fn metric_values_outside_reason_are_not_used() {
        assert!(usable_metric_value(0.0) && usable_metric_value(8.64e8));
        for bad in [-1.0, f64::NAN, f64::INFINITY, 1e18] {
            assert!(!usable_metric_value(bad), "{bad}");
        }
    }

    #[test]
    fn an_idle_stage_costs_zero_not_minus_zero() {
        let idle = monthly(
            &setup(Level::Off, false, None, Retention::Never),
            &traffic(0.0, 0.0),
            Measured::default(),
            &US_EAST_1,
        );
        let json = serde_json::to_string(&idle).unwrap();
        assert!(!json.contains("-0"), "{json}");
    }

    #[test]
    fn price_files_override_per_key_and_per_region() {
        let book = PriceBook::parse(
            "ingestion_per_gb = 0.45\n[regions.eu-west-1]\ningestion_per_gb = 0.57\nvended_s3_per_gb = [1, 2, 3, 4]\n",
            "p.toml",
        )
        .unwrap();
        let (east, note) = book.for_region("us-east-1");
        assert_eq!((east.ingestion_per_gb, note), (0.45, None));
        let (west, _) = book.for_region("eu-west-1");
        assert_eq!((west.ingestion_per_gb, west.vended_s3_per_gb), (0.57, [1.0, 2.0, 3.0, 4.0]));
        assert_eq!(west.storage_per_gb_month, 0.03, "keys not given keep the table's price");
        let (_, note) = PriceBook::default().for_region("ap-south-1");
        assert!(note.unwrap().contains("no price table for ap-south-1: us-east-1 prices are used"));
    }

    #[test]
    fn bad_price_files_name_the_key() {
        for (text, expected) in [
            ("ingestion_per_gb = \"cheap\"", "ingestion_per_gb"),
            ("ingestion_per_gb = -0.5", "`ingestion_per_gb`: a price is a number of USD from 0 to 1000"),
            ("ingestion_per_gb = 1e308", "`ingestion_per_gb`: a price is a number of USD from 0 to 1000"),
            ("ingestion_per_gb = nan", "got NaN"),
            (
                "[regions.eu-west-1]\nvended_s3_per_gb = [1, 2, 3, inf]",
                "`regions.eu-west-1.vended_s3_per_gb`",
            ),
            ("ingest = 0.5", "unknown field `ingest`"),
            ("[regions.eu-west-1]\nstorage = 1", "`regions.eu-west-1.storage`: unknown field `storage`"),
            ("[regions.mars]\ningestion_per_gb = 1", "`regions.mars`"),
            ("vended_s3_per_gb = [1, 2]", "vended_s3_per_gb"),
            ("ingestion_per_gb = ", "TOML"),
        ] {
            let err = PriceBook::parse(text, "p.toml").unwrap_err();
            assert!(err.contains(expected) || (expected == "TOML" && !err.is_empty()), "{text}: {err}");
        }
    }

    #[test]
    fn the_line_shows_the_arithmetic_basis() {
        let t = traffic(2_000.0, 0.0);
        let before = monthly(
            &setup(Level::Off, false, None, Retention::Days(30)),
            &t,
            Measured::default(),
            &US_EAST_1,
        );
        let after = monthly(
            &setup(Level::Info, false, Some("$context.requestId"), Retention::Days(30)),
            &t,
            Measured::default(),
            &US_EAST_1,
        );
        let cost = StageCost {
            target: "orders (a1)/prod".into(),
            access_group: None,
            execution_group: None,
            traffic: Some(t),
            before: Some(before),
            after: Some(after),
            notes: vec![],
        };
        assert_eq!(
            cost.line(),
            format!(
                "logging cost: 0.00 → {} USD/month (2,000 requests/day over 14 days; access logs 62 B/request, estimated; execution logs 1,058 B/request, estimated)",
                usd(cost.after.as_ref().unwrap().usd)
            )
        );
        let unknown = StageCost {
            traffic: None,
            before: None,
            after: None,
            notes: vec!["cloudwatch:GetMetricData was denied".into()],
            ..cost
        };
        assert_eq!(unknown.line(), "logging cost: unknown (cloudwatch:GetMetricData was denied)");
    }
}
