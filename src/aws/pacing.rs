//! Client-side pacing at AWS's control-plane quotas (per account and region): a fleet run stays
//! under them instead of bouncing off them. Every HTTP attempt the SDK makes waits for its quota
//! bucket's next slot; a throttling answer that still arrives slows that bucket down and is sent
//! again here, so throttling never reaches the SDK's retry budget and never fails a run (the
//! overall `--timeout` still bounds it).

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// A quota: the sustained rate and how many calls may go at once after a quiet spell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quota {
    pub per_second: f64,
    pub burst: f64,
}

/// AWS's documented default control-plane quotas (docs/guide/fleets.md, "Quotas and pacing").
const API_GATEWAY: Quota = Quota { per_second: 10.0, burst: 40.0 };
const UPDATE_ACCOUNT: Quota = Quota { per_second: 1.0 / 20.0, burst: 1.0 };
const GET_RESOURCES: Quota = Quota { per_second: 2.5, burst: 5.0 };
const LOGS_PER_ACTION: Quota = Quota { per_second: 5.0, burst: 5.0 };
/// GetMetricData: 50 transactions per second (re:Post knowledge center
/// "cloudwatch-getmetricdata-api"); the only CloudWatch call the tool makes.
const CLOUDWATCH: Quota = Quota { per_second: 50.0, burst: 50.0 };
/// IAM publishes no per-action figure; this is a conservative assumption (unconfirmed).
const IAM: Quota = Quota { per_second: 10.0, burst: 10.0 };
/// CloudFormation publishes no rate for DescribeStackResources or GetTemplate (ownership
/// look-ups); a conservative assumption (unconfirmed).
const CLOUDFORMATION: Quota = Quota { per_second: 5.0, burst: 5.0 };
/// EventBridge Scheduler: 10/s for CreateScheduleGroup, the lowest default of the calls the tool
/// makes (schedules themselves: 250/s and more; scheduler-quotas page).
const SCHEDULER: Quota = Quota { per_second: 10.0, burst: 10.0 };
/// The one-off reads of `trace` (GetFunctionConfiguration) and of `status`'s silent-chain causes
/// (GetKeyPolicy, DescribeDeliveryStream): conservative assumptions (unconfirmed; Firehose
/// documents 5 TPS for most of its control-plane calls), since a fleet may check many at once.
const LAMBDA: Quota = Quota { per_second: 10.0, burst: 10.0 };
const KMS: Quota = Quota { per_second: 5.0, burst: 5.0 };
const FIREHOSE: Quota = Quota { per_second: 5.0, burst: 5.0 };

/// The client keeps this share of each quota, so that jitter between our clock and AWS's
/// bucket does not turn into throttling.
const MARGIN: f64 = 0.95;

/// The UpdateAccount interval at AWS's default quota, divided by `scale`.
pub fn update_account_interval(scale: f64) -> Duration {
    Duration::from_secs_f64(1.0 / (UPDATE_ACCOUNT.per_second * scale))
}

/// The quota bucket a request counts against, and its default quota. `service` is the signing
/// name (`apigateway` for REST and v2 APIs), `action` the `X-Amz-Target` or `Action=` operation.
pub fn bucket(service: &str, method: &str, path: &str, action: Option<&str>) -> Option<(String, Quota)> {
    match service {
        "apigateway" => {
            let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
            Some(match (method, segments.as_slice()) {
                ("PATCH", ["account"]) => ("apigateway:UpdateAccount".into(), UPDATE_ACCOUNT),
                ("GET", ["restapis", _, "resources"]) => ("apigateway:GetResources".into(), GET_RESOURCES),
                _ => ("apigateway:*".into(), API_GATEWAY),
            })
        }
        "logs" => Some((format!("logs:{}", action.unwrap_or("unknown")), LOGS_PER_ACTION)),
        "iam" => Some(("iam:*".into(), IAM)),
        "monitoring" => Some(("cloudwatch:GetMetricData".into(), CLOUDWATCH)),
        "cloudformation" => Some(("cloudformation:*".into(), CLOUDFORMATION)),
        "scheduler" => Some(("scheduler:*".into(), SCHEDULER)),
        "lambda" => Some(("lambda:*".into(), LAMBDA)),
        "kms" => Some(("kms:*".into(), KMS)),
        "firehose" => Some(("firehose:*".into(), FIREHOSE)),
        _ => None,
    }
}

/// One bucket's schedule, as a GCRA ("theoretical arrival time") so that waiting callers are
/// served in order without polling.
#[derive(Debug)]
struct Schedule {
    next: Instant,
    /// 1.0, or less after throttling (multiplicative decrease, additive recovery).
    slowdown: f64,
}

/// The process's pacing state: one schedule per access key, region and bucket, shared by all
/// concurrent work (every region's clients).
#[derive(Debug)]
pub struct Pacer {
    scale: Mutex<f64>,
    schedules: Mutex<HashMap<String, Schedule>>,
    throttled: std::sync::atomic::AtomicU64,
}

impl Default for Pacer {
    fn default() -> Pacer {
        Pacer::new(1.0)
    }
}

impl Pacer {
    /// `scale` multiplies AWS's default rates (an account with raised quotas).
    pub fn new(scale: f64) -> Pacer {
        Pacer { scale: Mutex::new(scale), schedules: Default::default(), throttled: Default::default() }
    }

    pub fn set_scale(&self, scale: f64) {
        *self.scale.lock().expect("pacer lock") = scale;
    }

    pub fn scale(&self) -> f64 {
        *self.scale.lock().expect("pacer lock")
    }

    /// Throttling answers received so far (each was sent again).
    pub fn throttled(&self) -> u64 {
        self.throttled.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn interval(&self, quota: Quota, slowdown: f64) -> Duration {
        Duration::from_secs_f64(1.0 / (quota.per_second * self.scale() * MARGIN * slowdown))
    }

    /// Reserves the bucket's next slot and returns when the call may go.
    fn reserve(&self, key: &str, quota: Quota, now: Instant) -> Instant {
        let mut schedules = self.schedules.lock().expect("pacer lock");
        let schedule = schedules.entry(key.to_string()).or_insert(Schedule { next: now, slowdown: 1.0 });
        let interval = self.interval(quota, schedule.slowdown);
        // One call of the burst is held back, like the rate margin.
        let tolerance = interval.mul_f64((quota.burst - 2.0).max(0.0));
        let next = schedule.next.max(now);
        let at = now.max(next.checked_sub(tolerance).unwrap_or(now));
        schedule.next = next + interval;
        at
    }

    /// AWS throttled a call of this bucket: slow down, and let the next call wait a full interval.
    fn on_throttled(&self, key: &str, quota: Quota, now: Instant) {
        self.throttled.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut schedules = self.schedules.lock().expect("pacer lock");
        let schedule = schedules.entry(key.to_string()).or_insert(Schedule { next: now, slowdown: 1.0 });
        schedule.slowdown = (schedule.slowdown * 0.7).max(0.25);
        let interval = self.interval(quota, schedule.slowdown);
        let tolerance = interval.mul_f64((quota.burst - 2.0).max(0.0));
        schedule.next = schedule.next.max(now + tolerance + interval);
    }

    fn on_success(&self, key: &str) {
        if let Some(schedule) = self.schedules.lock().expect("pacer lock").get_mut(key) {
            schedule.slowdown = (schedule.slowdown + 0.05).min(1.0);
        }
    }
}

/// The HTTP client every AWS client of the tool uses: the SDK's default client, paced, with the
/// per-attempt timeout (`--call-timeout`) applied to the exchange only, not to the wait for a slot.
#[derive(Debug)]
pub struct PacedHttpClient {
    pub inner: SharedHttpClient,
    pub pacer: Arc<Pacer>,
    pub call_timeout: Duration,
}

impl HttpClient for PacedHttpClient {
    fn http_connector(
        &self,
        settings: &HttpConnectorSettings,
        components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(PacedConnector {
            inner: self.inner.http_connector(settings, components),
            pacer: self.pacer.clone(),
            call_timeout: self.call_timeout,
        })
    }
}

#[derive(Debug)]
struct PacedConnector {
    inner: SharedHttpConnector,
    pacer: Arc<Pacer>,
    call_timeout: Duration,
}

impl HttpConnector for PacedConnector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let (inner, pacer, call_timeout) = (self.inner.clone(), self.pacer.clone(), self.call_timeout);
        HttpConnectorFuture::new(async move {
            let Some((key, quota)) = classify(&request) else {
                return exchange(&inner, request, call_timeout).await;
            };
            let mut next = Some(request);
            loop {
                let request = next.take().expect("set before each pass");
                // A signed request with an in-memory body can be sent again as it is.
                let copy = request.try_clone();
                let at = pacer.reserve(&key, quota, Instant::now());
                tokio::time::sleep_until(at).await;
                let response = exchange(&inner, request, call_timeout).await?;
                let (throttled, response) = inspect(response).await;
                if !throttled {
                    pacer.on_success(&key);
                    return Ok(response);
                }
                pacer.on_throttled(&key, quota, Instant::now());
                tracing::debug!("{key}: throttled by AWS; slowing down and sending again");
                match copy {
                    Some(copy) => next = Some(copy),
                    None => return Ok(response),
                }
            }
        })
    }
}

async fn exchange(
    inner: &SharedHttpConnector,
    request: HttpRequest,
    call_timeout: Duration,
) -> Result<HttpResponse, ConnectorError> {
    match tokio::time::timeout(call_timeout, inner.call(request)).await {
        Ok(result) => result,
        Err(_) => Err(ConnectorError::timeout(
            format!("the call timed out: no answer within {}s (--call-timeout)", call_timeout.as_secs())
                .into(),
        )),
    }
}

/// `(bucket key, quota)` for a request: the bucket per access key and region, from the SigV4
/// credential scope (`Credential=AKID/DATE/REGION/SERVICE/aws4_request`).
fn classify(request: &HttpRequest) -> Option<(String, Quota)> {
    let auth = request.headers().get("authorization")?;
    let scope: Vec<&str> = auth.split("Credential=").nth(1)?.split(',').next()?.split('/').collect();
    let [access_key, _, region, service, ..] = scope.as_slice() else { return None };
    let path = request_path(request.uri());
    let action = match request.headers().get("x-amz-target") {
        Some(target) => target.rsplit('.').next().map(str::to_string),
        None => request.body().bytes().and_then(|body| {
            String::from_utf8_lossy(body)
                .split('&')
                .find_map(|kv| kv.strip_prefix("Action=").map(str::to_string))
        }),
    };
    let (bucket, quota) = bucket(service, request.method(), path, action.as_deref())?;
    Some((format!("{access_key}/{region}/{bucket}"), quota))
}

/// The path of a request URI (`https://host/a/b?x` → `/a/b`).
fn request_path(uri: &str) -> &str {
    let after_scheme = uri.split_once("://").map_or(uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    path.split('?').next().unwrap_or(path)
}

/// Whether the answer is AWS throttling: API Gateway answers 429; CloudWatch Logs and IAM answer
/// 400 with `ThrottlingException` / `Throttling` in the body, which is read (error bodies are
/// small) and put back.
async fn inspect(response: HttpResponse) -> (bool, HttpResponse) {
    match response.status().as_u16() {
        429 => (true, response),
        400 => {
            let status = response.status();
            let headers = response.headers().clone();
            let body = aws_smithy_types::byte_stream::ByteStream::new(response.into_body())
                .collect()
                .await
                .map(|b| b.into_bytes())
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&body);
            let throttled = text.contains("ThrottlingException")
                || text.contains("<Code>Throttling</Code>")
                || text.contains("TooManyRequestsException");
            let mut rebuilt = HttpResponse::new(status, SdkBody::from(body));
            *rebuilt.headers_mut() = headers;
            (throttled, rebuilt)
        }
        _ => (false, response),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers with these statuses in turn (then 200), counting calls.
    #[derive(Debug)]
    struct Scripted {
        answers: Mutex<Vec<(u16, &'static str)>>,
        calls: std::sync::atomic::AtomicUsize,
    }

    impl HttpConnector for Scripted {
        fn call(&self, _request: HttpRequest) -> HttpConnectorFuture {
            self.calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut answers = self.answers.lock().unwrap();
            let (status, body) = if answers.is_empty() { (200, "{}") } else { answers.remove(0) };
            let response = HttpResponse::new(status.try_into().unwrap(), SdkBody::from(body));
            HttpConnectorFuture::ready(Ok(response))
        }
    }

    fn signed_request(service: &str, target: &str) -> HttpRequest {
        let mut request = HttpRequest::new(SdkBody::from("{}"));
        request.set_uri("https://logs.us-east-1.amazonaws.com/").unwrap();
        request.set_method("POST").unwrap();
        let auth = format!(
            "AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=x"
        );
        request.headers_mut().insert("authorization", auth);
        request.headers_mut().insert("x-amz-target", target.to_string());
        request
    }

    #[tokio::test(start_paused = true)]
    async fn throttling_answers_are_sent_again_and_never_reach_the_sdk() {
        let scripted = Arc::new(Scripted {
            answers: Mutex::new(vec![
                (400, r#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#),
                (429, r#"{"message":"Too Many Requests"}"#),
            ]),
            calls: Default::default(),
        });
        let pacer = Arc::new(Pacer::new(1.0));
        let connector = PacedConnector {
            inner: SharedHttpConnector::new(ScriptedRef(scripted.clone())),
            pacer: pacer.clone(),
            call_timeout: Duration::from_secs(5),
        };
        let response = connector.call(signed_request("logs", "Logs_20140328.CreateLogGroup")).await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(scripted.calls.load(std::sync::atomic::Ordering::SeqCst), 3);
        assert_eq!(pacer.throttled(), 2);
        assert!(pacer.schedules.lock().unwrap().contains_key("AKID/us-east-1/logs:CreateLogGroup"));
    }

    #[tokio::test(start_paused = true)]
    async fn other_errors_pass_through_with_their_body() {
        let body = r#"{"__type":"ResourceAlreadyExistsException","message":"exists"}"#;
        let scripted =
            Arc::new(Scripted { answers: Mutex::new(vec![(400, body)]), calls: Default::default() });
        let connector = PacedConnector {
            inner: SharedHttpConnector::new(ScriptedRef(scripted.clone())),
            pacer: Arc::new(Pacer::new(1.0)),
            call_timeout: Duration::from_secs(5),
        };
        let response = connector.call(signed_request("logs", "Logs_20140328.CreateLogGroup")).await.unwrap();
        assert_eq!(response.status().as_u16(), 400);
        assert_eq!(response.body().bytes(), Some(body.as_bytes()));
        assert_eq!(scripted.calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[derive(Debug)]
    struct ScriptedRef(Arc<Scripted>);

    impl HttpConnector for ScriptedRef {
        fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
            self.0.call(request)
        }
    }

    #[test]
    fn requests_fall_into_the_documented_buckets() {
        assert_eq!(bucket("apigateway", "PATCH", "/account", None).unwrap().0, "apigateway:UpdateAccount");
        assert_eq!(bucket("apigateway", "GET", "/account", None).unwrap().0, "apigateway:*");
        let resources = bucket("apigateway", "GET", "/restapis/a1/resources", None).unwrap();
        assert_eq!(resources, ("apigateway:GetResources".into(), GET_RESOURCES));
        assert_eq!(bucket("apigateway", "PATCH", "/v2/apis/a1/stages/prod", None).unwrap().1, API_GATEWAY);
        let logs = bucket("logs", "POST", "/", Some("CreateLogGroup")).unwrap();
        assert_eq!(logs, ("logs:CreateLogGroup".into(), LOGS_PER_ACTION));
        assert_eq!(bucket("iam", "POST", "/", Some("GetRole")).unwrap().0, "iam:*");
        let stacks = bucket("cloudformation", "POST", "/", Some("DescribeStackResources")).unwrap();
        assert_eq!(stacks, ("cloudformation:*".into(), CLOUDFORMATION));
        assert_eq!(bucket("scheduler", "POST", "/schedules/a.prod", None).unwrap().1, SCHEDULER);
        assert_eq!(bucket("sts", "POST", "/", Some("GetCallerIdentity")), None);
    }

    #[test]
    fn paths_are_cut_out_of_uris() {
        assert_eq!(request_path("https://apigateway.us-east-1.amazonaws.com/account?x=1"), "/account");
        assert_eq!(request_path("http://127.0.0.1:5000/restapis/a/resources"), "/restapis/a/resources");
        assert_eq!(request_path("http://127.0.0.1:5000"), "/");
    }

    /// The send times of `n` calls reserved at once.
    fn schedule(pacer: &Pacer, quota: Quota, n: usize) -> Vec<f64> {
        let start = Instant::now();
        (0..n).map(|_| (pacer.reserve("k", quota, start) - start).as_secs_f64()).collect()
    }

    #[test]
    fn a_burst_goes_at_once_then_calls_are_spaced_at_the_rate_less_the_margin() {
        let times = schedule(&Pacer::new(1.0), API_GATEWAY, 60);
        // 39 of the 40-call burst go at once (one held back), then one per 1/(10 × 0.95) s.
        assert!(times[..39].iter().all(|t| *t == 0.0), "{times:?}");
        let spacing = times[50] - times[49];
        assert!((spacing - 1.0 / 9.5).abs() < 1e-6, "{spacing}");
        // 60 calls: (60 - 39) intervals after the burst, never faster than the quota allows.
        assert!(times[59] >= (60.0 - 40.0) / 10.0, "{}", times[59]);
    }

    #[test]
    fn update_account_calls_are_at_least_20_seconds_apart_and_scale_raises_rates() {
        let times = schedule(&Pacer::new(1.0), UPDATE_ACCOUNT, 3);
        assert_eq!(times[0], 0.0);
        assert!(times[1] >= 20.0 && times[2] - times[1] >= 20.0, "{times:?}");
        let fast = schedule(&Pacer::new(20.0), UPDATE_ACCOUNT, 2);
        assert!((fast[1] - 1.0 / 0.95).abs() < 1e-6, "{fast:?}");
        assert_eq!(update_account_interval(1.0), Duration::from_secs(20));
    }

    #[test]
    fn throttling_slows_the_bucket_down_and_success_recovers_it() {
        let pacer = Pacer::new(1.0);
        let now = Instant::now();
        pacer.reserve("k", LOGS_PER_ACTION, now);
        pacer.on_throttled("k", LOGS_PER_ACTION, now);
        assert_eq!(pacer.throttled(), 1);
        let slowed = (pacer.reserve("k", LOGS_PER_ACTION, now) - now).as_secs_f64();
        let normal = 1.0 / (5.0 * MARGIN);
        assert!(slowed > normal, "waits longer than one normal interval: {slowed}");
        for _ in 0..20 {
            pacer.on_success("k");
        }
        assert_eq!(pacer.schedules.lock().unwrap()["k"].slowdown, 1.0);
    }
}
