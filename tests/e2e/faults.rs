//! A strict AWS double: an HTTP proxy in front of the emulator, on a loopback port, that answers
//! as real AWS would where the emulator is lenient.
//!
//! Three layers, in the order a request meets them:
//! 1. **Faults** scheduled by a test, per operation (`apigateway:UpdateStage`, `logs:CreateLogGroup`,
//!    `iam:CreateRole`, or `*`): throttling, 5xx, a dropped connection, a delay, or IAM's
//!    propagation error.
//! 2. **Quotas**: token buckets per caller account (the access key id of the SigV4 `Authorization`
//!    header), region (its credential scope) and bucket, at AWS's rates times a scale factor;
//!    over-quota calls get the service's own throttling answer and are not forwarded.
//! 3. **AWS's validation rules** that the emulator skips (see api-gateway-facts.md): stage patches,
//!    access-log formats, v2 stage updates, the account role on UpdateAccount (trust, policy, IAM
//!    propagation), retention values, execution log delivery (an API Gateway source only from a
//!    stage at ERROR or INFO; no deleting a source or destination a delivery uses).
//!
//! It also accepts API Gateway stages as delivery sources, which the emulator refuses.
//!
//! Plain std threads, one request per connection. `GET /__double/stats` is answered by the double
//! itself with per-bucket counts (see [`Proxy::stats`]).

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long after its creation a role is still refused by UpdateAccount (IAM propagation), unless
/// a proxy says otherwise with [`Proxy::role_propagation`].
pub const DEFAULT_ROLE_PROPAGATION: Duration = Duration::from_secs(2);

#[derive(Clone, Debug)]
pub enum Fault {
    /// The service's throttling error (API Gateway: 429 TooManyRequestsException).
    Throttle,
    /// An empty answer with this status (500, 503).
    Status(u16),
    /// Close the connection without answering.
    Reset,
    /// Forward the request after this delay.
    Delay(Duration),
    /// UpdateAccount's "role ARN does not have required permissions" (IAM still propagating).
    Propagation,
    /// An error answer: status, code and message (e.g. 403 AccessDeniedException for a caller
    /// whose IAM policy leaves the operation out, or LocalStack's 501 for a service it lacks).
    Refuse(u16, &'static str, &'static str),
    /// An HTML page with this status: what a proxy, a web server or a wrong endpoint answers.
    Html(u16),
}

#[derive(Clone, Debug)]
pub enum When {
    Always,
    /// The first N matching calls.
    First(usize),
    /// Matching call number i (from 0) when `i % period` is in `hits`: a deterministic rate.
    Pattern {
        hits: &'static [usize],
        period: usize,
    },
    /// Until this long after the first matching call.
    For(Duration),
}

struct Rule {
    op: String,
    path: String,
    fault: Fault,
    when: When,
    seen: usize,
    first: Option<Instant>,
    fired: usize,
}

impl Rule {
    fn fires(&mut self) -> bool {
        let index = self.seen;
        self.seen += 1;
        let first = *self.first.get_or_insert_with(Instant::now);
        let fire = match &self.when {
            When::Always => true,
            When::First(n) => index < *n,
            When::Pattern { hits, period } => hits.contains(&(index % period)),
            When::For(span) => first.elapsed() < *span,
        };
        self.fired += usize::from(fire);
        fire
    }
}

/// A token bucket: `burst` tokens to start with, refilled at `rate` per second.
struct Bucket {
    rate: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
    accepted: u64,
    throttled: u64,
}

impl Bucket {
    fn new(rate: f64, burst: f64) -> Bucket {
        Bucket { rate, burst, tokens: burst, last: Instant::now(), accepted: 0, throttled: 0 }
    }

    fn take(&mut self) -> bool {
        let now = Instant::now();
        self.tokens = (self.tokens + now.duration_since(self.last).as_secs_f64() * self.rate).min(self.burst);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            self.accepted += 1;
            true
        } else {
            self.throttled += 1;
            false
        }
    }
}

/// The quota bucket of an operation and AWS's (unscaled) rate per second and burst; `None` for
/// calls without a quota (STS).
fn quota(service: &str, op: &str) -> Option<(String, f64, f64)> {
    match service {
        "apigateway" => Some(match op {
            // 1 request every 20 s.
            "UpdateAccount" => ("apigateway:UpdateAccount".into(), 1.0 / 20.0, 1.0),
            // 5 requests every 2 s.
            "GetResources" => ("apigateway:GetResources".into(), 2.5, 5.0),
            // The account total every other call shares (REST and v2 alike).
            _ => ("apigateway:*".into(), 10.0, 40.0),
        }),
        // One quota per action, about 5 transactions per second each.
        "logs" => Some((format!("logs:{op}"), 5.0, 5.0)),
        // AWS documents no IAM control-plane rate; 10/s with burst 10 for all actions together is
        // our assumption.
        "iam" => Some(("iam:*".into(), 10.0, 10.0)),
        // GetMetricData: 50 per second.
        "monitoring" => Some(("monitoring:*".into(), 50.0, 50.0)),
        _ => None,
    }
}

struct State {
    rules: Vec<Rule>,
    enforce: bool,
    quotas: bool,
    scale: f64,
    propagation: Duration,
    accept_trust_conditions: bool,
    /// Roles whose AssumeRole is refused (the emulator grants every AssumeRole).
    refused_roles: Vec<String>,
    /// (access key id, region, bucket) → bucket.
    buckets: HashMap<(String, String, String), Bucket>,
    calls: Vec<String>,
    /// How long every call takes on top of the emulator's own time (the latency benchmark).
    latency: Duration,
}

/// What the rule checks need to know of the proxy's settings.
#[derive(Clone, Copy)]
struct Strictness {
    propagation: Duration,
    accept_trust_conditions: bool,
}

pub struct Proxy {
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl Proxy {
    /// A strict double (AWS's rules and quotas, rates times `scale`) on a free loopback port.
    pub fn strict(upstream: &str, scale: f64) -> Proxy {
        Proxy::listen(TcpListener::bind("127.0.0.1:0").unwrap(), upstream, scale)
    }

    /// A strict double on an already bound listener (e.g. a fixed port).
    pub fn listen(listener: TcpListener, upstream: &str, scale: f64) -> Proxy {
        let url = format!("http://{}", listener.local_addr().unwrap());
        let upstream = upstream.trim_start_matches("http://").trim_end_matches('/').to_string();
        let state = Arc::new(Mutex::new(State {
            rules: Vec::new(),
            enforce: true,
            quotas: true,
            scale,
            propagation: DEFAULT_ROLE_PROPAGATION,
            accept_trust_conditions: false,
            refused_roles: Vec::new(),
            buckets: HashMap::new(),
            calls: Vec::new(),
            latency: Duration::ZERO,
        }));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (state, upstream) = (shared.clone(), upstream.clone());
                std::thread::spawn(move || serve(stream, &state, &upstream));
            }
        });
        Proxy { url, state }
    }

    pub fn fault(&self, op: &str, fault: Fault, when: When) -> &Proxy {
        self.fault_on(op, "", fault, when)
    }

    /// A fault only for requests of `op` whose path contains `path` (e.g. one API's stages).
    pub fn fault_on(&self, op: &str, path: &str, fault: Fault, when: When) -> &Proxy {
        let rule =
            Rule { op: op.to_string(), path: path.to_string(), fault, when, seen: 0, first: None, fired: 0 };
        self.state.lock().unwrap().rules.push(rule);
        self
    }

    /// Refuse what AWS refuses and the emulator accepts (the default).
    pub fn enforce_aws_rules(&self) -> &Proxy {
        self.state.lock().unwrap().enforce = true;
        self
    }

    /// Forward what AWS would refuse (a plain fault proxy).
    pub fn without_aws_rules(&self) -> &Proxy {
        self.state.lock().unwrap().enforce = false;
        self
    }

    /// No throttling by quota (injected `Fault::Throttle` still applies).
    pub fn without_quotas(&self) -> &Proxy {
        self.state.lock().unwrap().quotas = false;
        self
    }

    /// Scale factor for quota rates (bursts stay as AWS's); applies to buckets not used yet.
    pub fn quota_scale(&self, scale: f64) -> &Proxy {
        self.state.lock().unwrap().scale = scale;
        self
    }

    /// UpdateAccount refuses a role created less than `span` ago (default
    /// [`DEFAULT_ROLE_PROPAGATION`]).
    pub fn role_propagation(&self, span: Duration) -> &Proxy {
        self.state.lock().unwrap().propagation = span;
        self
    }

    /// Let UpdateAccount accept a role whose only statements trusting API Gateway carry a
    /// `Condition`. By default such a role is refused: AWS may not set e.g. `aws:SourceAccount`
    /// when API Gateway assumes the CloudWatch role (api-gateway-facts.md, "The chain").
    /// Refuse AssumeRole on this role as AWS does when the role is missing or does not trust the
    /// caller: 403 `AccessDenied`.
    pub fn refuse_assume_role(&self, role_arn: &str) -> &Proxy {
        self.state.lock().unwrap().refused_roles.push(role_arn.to_string());
        self
    }

    pub fn accept_trust_conditions(&self) -> &Proxy {
        self.state.lock().unwrap().accept_trust_conditions = true;
        self
    }

    /// Every call takes `latency` longer (a round trip to AWS), so that wall time counts the calls
    /// a command makes one after another. (The latency benchmark's, through examples/aws_double.rs.)
    #[allow(dead_code)]
    pub fn latency(&self, latency: Duration) -> &Proxy {
        self.state.lock().unwrap().latency = latency;
        self
    }

    /// Every operation received, in order (`apigateway:UpdateStage`, …).
    pub fn call_log(&self) -> Vec<String> {
        self.state.lock().unwrap().calls.clone()
    }

    /// How many faults were injected so far (a test that injected none proves nothing).
    pub fn injected(&self) -> usize {
        self.state.lock().unwrap().rules.iter().map(|r| r.fired).sum()
    }

    /// Write calls received (anything but Get*, List*, Describe* and STS), faulted or not.
    pub fn writes(&self) -> Vec<String> {
        let state = self.state.lock().unwrap();
        let reads = ["Get", "List", "Describe"];
        state
            .calls
            .iter()
            .filter(|op| {
                let (service, action) = op.split_once(':').unwrap_or_default();
                service != "sts" && !reads.iter().any(|r| action.starts_with(r))
            })
            .cloned()
            .collect()
    }

    /// Operations received, in order (including those answered with a fault or throttled).
    pub fn calls(&self, op: &str) -> usize {
        self.state.lock().unwrap().calls.iter().filter(|c| *c == op).count()
    }

    /// Calls refused by a quota so far.
    pub fn throttled(&self) -> u64 {
        self.state.lock().unwrap().buckets.values().map(|b| b.throttled).sum()
    }

    /// Per bucket (summed over accounts and regions) its scaled rate, burst, accepted and
    /// throttled calls; also all calls received and all throttled. Served as `GET /__double/stats`.
    pub fn stats(&self) -> serde_json::Value {
        stats(&self.state.lock().unwrap())
    }
}

fn stats(state: &State) -> serde_json::Value {
    let mut buckets: BTreeMap<&str, serde_json::Value> = BTreeMap::new();
    let mut throttled = 0;
    for ((_, _, name), bucket) in &state.buckets {
        let entry = buckets.entry(name).or_insert_with(
            || serde_json::json!({"rate": bucket.rate, "burst": bucket.burst, "accepted": 0, "throttled": 0}),
        );
        entry["accepted"] = (entry["accepted"].as_u64().unwrap() + bucket.accepted).into();
        entry["throttled"] = (entry["throttled"].as_u64().unwrap() + bucket.throttled).into();
        throttled += bucket.throttled;
    }
    serde_json::json!({"buckets": buckets, "throttled": throttled, "calls": state.calls.len()})
}

struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The SigV4 credential: `ACCESS_KEY/DATE/REGION/SERVICE/aws4_request`, split.
    fn credential(&self) -> Vec<&str> {
        let auth = self.header("authorization").unwrap_or_default();
        auth.split("Credential=")
            .nth(1)
            .and_then(|c| c.split(',').next())
            .unwrap_or_default()
            .split('/')
            .collect()
    }

    /// The signing service from the credential scope.
    fn service(&self) -> String {
        self.credential().get(3).copied().unwrap_or("unknown").to_string()
    }

    /// The path without the query, split into segments.
    fn segments(&self) -> Vec<&str> {
        self.path.split('?').next().unwrap().split('/').skip(1).collect()
    }

    /// `(service, operation)` as AWS names them (v2 API Gateway calls as `apigatewayv2`).
    fn operation_parts(&self) -> (String, String) {
        let service = self.service();
        if let Some(target) = self.header("x-amz-target") {
            return (service, target.rsplit('.').next().unwrap_or_default().to_string());
        }
        // The Smithy RPC v2 CBOR protocol (CloudWatch): `/service/NAME/operation/OP`.
        if let ["service", _, "operation", op] = self.segments().as_slice() {
            return (service, op.to_string());
        }
        if service == "apigateway" {
            let segments = self.segments();
            let op = match (self.method.as_str(), segments.as_slice()) {
                ("GET", ["account"]) => "GetAccount",
                ("PATCH", ["account"]) => "UpdateAccount",
                ("GET", ["restapis"]) => "GetRestApis",
                ("GET", ["restapis", _, "stages"]) => "GetStages",
                ("GET", ["restapis", _, "stages", _]) => "GetStage",
                ("PATCH", ["restapis", _, "stages", _]) => "UpdateStage",
                ("GET", ["restapis", _, "resources"]) => "GetResources",
                ("GET", ["v2", "apis"]) => return ("apigatewayv2".into(), "GetApis".into()),
                ("GET", ["v2", "apis", _]) => return ("apigatewayv2".into(), "GetApi".into()),
                ("GET", ["v2", "apis", _, "stages"]) => return ("apigatewayv2".into(), "GetStages".into()),
                ("GET", ["v2", "apis", _, "stages", _]) => return ("apigatewayv2".into(), "GetStage".into()),
                ("PATCH", ["v2", "apis", _, "stages", _]) => {
                    return ("apigatewayv2".into(), "UpdateStage".into());
                }
                (method, _) => return (service, format!("{method} {}", self.path)),
            };
            return (service, op.into());
        }
        if service == "scheduler" {
            let op = match (self.method.as_str(), self.segments().as_slice()) {
                ("POST", ["schedules", _]) => "CreateSchedule",
                ("GET", ["schedules", _]) => "GetSchedule",
                ("DELETE", ["schedules", _]) => "DeleteSchedule",
                ("GET", ["schedules"]) => "ListSchedules",
                ("POST", ["schedule-groups", _]) => "CreateScheduleGroup",
                ("GET", ["schedule-groups", _]) => "GetScheduleGroup",
                (method, _) => return (service, format!("{method} {}", self.path)),
            };
            return (service, op.into());
        }
        let body = String::from_utf8_lossy(&self.body);
        let action = body.split('&').find_map(|kv| kv.strip_prefix("Action=")).unwrap_or("unknown");
        (service, action.to_string())
    }

    fn operation(&self) -> String {
        let (service, op) = self.operation_parts();
        format!("{service}:{op}")
    }

    /// The same caller's credentials on a request of the double's own to the emulator.
    fn probe(&self, method: &str, path: &str, body: Vec<u8>, service: Option<&str>) -> Request {
        let mut headers: Vec<(String, String)> = self
            .headers
            .iter()
            .filter(|(k, _)| {
                // A JSON-protocol target would route the probe to the caller's service.
                let target = service.is_some() && k.eq_ignore_ascii_case("x-amz-target");
                !(k.eq_ignore_ascii_case("content-length")
                    || k.eq_ignore_ascii_case("content-type")
                    || target)
            })
            .cloned()
            .map(|(k, v)| match service {
                // The emulator finds the service from the credential scope and the account from
                // the access key; it does not check signatures.
                Some(service) if k.eq_ignore_ascii_case("authorization") => {
                    let from = format!("/{}/aws4_request", self.service());
                    (k, v.replace(&from, &format!("/{service}/aws4_request")))
                }
                _ => (k, v),
            })
            .collect();
        if !body.is_empty() {
            headers.push(("Content-Type".into(), "application/x-www-form-urlencoded; charset=utf-8".into()));
            headers.push(("Content-Length".into(), body.len().to_string()));
        }
        Request { method: method.into(), path: path.into(), headers, body }
    }
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos + 4;
        }
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let (method, path) = (request_line.next()?.to_string(), request_line.next()?.to_string());
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Request { method, path, headers, body })
}

fn serve(mut client: TcpStream, state: &Mutex<State>, upstream: &str) {
    let Some(request) = read_request(&mut client) else { return };
    if request.method == "GET" && request.path == "/__double/stats" {
        let body = stats(&state.lock().unwrap()).to_string();
        return respond(&mut client, 200, "application/json", "", &body);
    }
    let op = request.operation();
    let (_, action) = request.operation_parts();
    let signing_service = request.service();
    let (fault, enforce, strictness, admitted, refused, latency) = {
        let mut state = state.lock().unwrap();
        let refused = (op == "sts:AssumeRole")
            .then(|| form_value(&request.body, "RoleArn"))
            .flatten()
            .filter(|role| state.refused_roles.contains(role));
        state.calls.push(op.clone());
        let fault = state
            .rules
            .iter_mut()
            .filter(|r| (r.op == "*" || r.op == op) && request.path.contains(&r.path))
            .find_map(|r| r.fires().then(|| r.fault.clone()));
        // A call answered by a fault never reaches AWS's throttling.
        let mut admitted = true;
        if state.quotas && matches!(fault, None | Some(Fault::Delay(_))) {
            // v2 calls are signed for `apigateway` and share its buckets.
            if let Some((name, rate, burst)) = quota(&signing_service, &action) {
                let credential = request.credential();
                let key = (
                    credential.first().copied().unwrap_or_default().to_string(),
                    credential.get(2).copied().unwrap_or_default().to_string(),
                    name,
                );
                let scale = state.scale;
                admitted =
                    state.buckets.entry(key).or_insert_with(|| Bucket::new(rate * scale, burst)).take();
            }
        }
        let strictness = Strictness {
            propagation: state.propagation,
            accept_trust_conditions: state.accept_trust_conditions,
        };
        (fault, state.enforce, strictness, admitted, refused, state.latency)
    };
    std::thread::sleep(latency);
    if let Some(role) = refused {
        let caller = request.credential().first().copied().unwrap_or_default().to_string();
        let message =
            format!("User: {caller} is not authorized to perform: sts:AssumeRole on resource: {role}");
        return respond_error(&mut client, &signing_service, 403, "AccessDenied", &message);
    }
    match fault {
        Some(Fault::Reset) => return,
        Some(Fault::Delay(delay)) => std::thread::sleep(delay),
        Some(Fault::Throttle) => return respond_throttled(&mut client, &signing_service),
        Some(Fault::Status(status)) => {
            return respond_error(
                &mut client,
                &signing_service,
                status,
                "InternalFailure",
                "injected failure",
            );
        }
        Some(Fault::Refuse(status, code, message)) => {
            return respond_error(&mut client, &signing_service, status, code, message);
        }
        Some(Fault::Html(status)) => {
            let page = "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>";
            return respond(&mut client, status, "text/html; charset=utf-8", "", page);
        }
        Some(Fault::Propagation) => {
            return respond_error(
                &mut client,
                &signing_service,
                400,
                "BadRequestException",
                "The role ARN does not have required permissions set to API Gateway",
            );
        }
        None => {}
    }
    if !admitted {
        return respond_throttled(&mut client, &signing_service);
    }
    if enforce && let Some((code, message)) = aws_rule_violation(&request, &op, upstream, strictness) {
        return respond_error(&mut client, &signing_service, 400, code, &message);
    }
    if let Some((status, body)) = v2_stage_write(&request, upstream) {
        return respond(&mut client, status, "application/json", "", &body);
    }
    if let Some(message) = metric_data_violation(&request) {
        return respond_error(&mut client, &signing_service, 400, "ValidationError", &message);
    }
    let request = apigateway_source_in(request, &op);
    let mut response = forward(&request, upstream);
    if op.starts_with("logs:") && op.contains("DeliverySource") {
        response = apigateway_sources_out(response);
    }
    if op.starts_with("apigatewayv2:GetStage") {
        response = v2_created_out(&request, response);
    }
    let _ = client.write_all(&response);
}

/// The emulator stores v2 stages but has no UpdateStage (500) and no DeleteRouteSettings or
/// DeleteAccessLogSettings (404). The double makes each change on the stage as AWS does, then
/// stores the result in the emulator by deleting the stage and creating it again with the new
/// settings: sent objects replace the stage's (`defaultRouteSettings`, `accessLogSettings`),
/// `routeSettings` and `stageVariables` are merged per key. `None` for any other request.
fn v2_stage_write(request: &Request, upstream: &str) -> Option<(u16, String)> {
    let segments = request.segments();
    let (api, stage, rest) = match segments.as_slice() {
        ["v2", "apis", api, "stages", stage, rest @ ..] => {
            (api.to_string(), stage.to_string(), rest.to_vec())
        }
        _ => return None,
    };
    let change: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
    let stage_path = format!("/v2/apis/{api}/stages/{stage}");
    // JSON, as the SDK sends it: the emulator reads a form-encoded POST as another protocol.
    let read = |method: &str, path: &str, body: Vec<u8>| {
        let mut probe = request.probe(method, path, body, Some("apigateway"));
        for (name, value) in &mut probe.headers {
            if name.eq_ignore_ascii_case("content-type") {
                *value = "application/json".into();
            }
        }
        ask(&probe, upstream)
    };
    let (status, current) = read("GET", &stage_path, Vec::new());
    if status != 200 {
        return Some((status, current));
    }
    let mut stage_json: serde_json::Value = serde_json::from_str(&current).unwrap_or_default();
    match (request.method.as_str(), rest.as_slice()) {
        ("PATCH", []) => {
            for key in [
                "defaultRouteSettings",
                "accessLogSettings",
                "description",
                "autoDeploy",
                "deploymentId",
                "clientCertificateId",
            ] {
                if !change[key].is_null() {
                    stage_json[key] = change[key].clone();
                }
            }
            for key in ["routeSettings", "stageVariables"] {
                if let Some(entries) = change[key].as_object() {
                    if !stage_json[key].is_object() {
                        stage_json[key] = serde_json::json!({});
                    }
                    for (name, value) in entries {
                        stage_json[key][name] = value.clone();
                    }
                }
            }
        }
        ("DELETE", ["routesettings", route]) => {
            let route = percent_encoding::percent_decode_str(route).decode_utf8_lossy().into_owned();
            if stage_json["routeSettings"].as_object_mut().and_then(|r| r.remove(&route)).is_none() {
                return Some((404, format!(r#"{{"message":"Unable to find route settings for {route}"}}"#)));
            }
        }
        ("DELETE", ["accesslogsettings"]) => {
            stage_json.as_object_mut()?.remove("accessLogSettings");
        }
        _ => return None,
    }
    let first_created = original_created(&api, &stage, &stage_json["createdDate"]);
    for key in ["createdDate", "lastUpdatedDate"] {
        stage_json.as_object_mut()?.remove(key);
    }
    read("DELETE", &stage_path, Vec::new());
    let (status, created) =
        read("POST", &format!("/v2/apis/{api}/stages"), stage_json.to_string().into_bytes());
    if let Ok(made) = serde_json::from_str::<serde_json::Value>(&created) {
        RECREATED
            .lock()
            .unwrap()
            .insert(format!("{api}/{stage}"), (first_created, made["createdDate"].clone()));
    }
    Some(match (request.method.as_str(), status) {
        ("DELETE", 200) => (204, String::new()),
        _ => (status, created),
    })
}

/// The stages the double re-created to store a change: (API id/stage) → (the stage's first
/// creation date, the re-created stage's). AWS keeps a stage's `createdDate` across updates.
static RECREATED: std::sync::Mutex<
    std::collections::BTreeMap<String, (serde_json::Value, serde_json::Value)>,
> = std::sync::Mutex::new(std::collections::BTreeMap::new());

/// The creation date to keep for a stage about to be re-created (`current`: its date now).
fn original_created(api: &str, stage: &str, current: &serde_json::Value) -> serde_json::Value {
    match RECREATED.lock().unwrap().get(&format!("{api}/{stage}")) {
        // Re-created by the double before: its first date. (A stage deleted and made anew
        // elsewhere has another date, and keeps it.)
        Some((first, recreated)) if recreated == current => first.clone(),
        _ => current.clone(),
    }
}

/// GetStage(s) of v2 APIs: the `createdDate` of stages the double re-created, back to the first.
fn v2_created_out(request: &Request, response: Vec<u8>) -> Vec<u8> {
    let segments = request.segments();
    let api = match segments.as_slice() {
        ["v2", "apis", api, "stages", ..] if request.method == "GET" => api.to_string(),
        _ => return response,
    };
    let Some(head_end) = response.windows(4).position(|w| w == b"\r\n\r\n") else { return response };
    let Ok(mut body) = serde_json::from_slice::<serde_json::Value>(&response[head_end + 4..]) else {
        return response;
    };
    let recreated = RECREATED.lock().unwrap();
    let mut fix = |stage: &mut serde_json::Value| {
        let key = format!("{api}/{}", stage["stageName"].as_str().unwrap_or_default());
        if let Some((first, made)) = recreated.get(&key)
            && stage["createdDate"] == *made
        {
            stage["createdDate"] = first.clone();
        }
    };
    match body.get_mut("items").and_then(|i| i.as_array_mut()) {
        Some(items) => items.iter_mut().for_each(&mut fix),
        None => fix(&mut body),
    }
    with_body(&response[..head_end], &body)
}

/// The emulator refuses API Gateway as a delivery source ("Cannot access provided service."),
/// which AWS accepts for REST stages' `EXECUTION_LOGS` since 2026-09. The double stores such a
/// source in the emulator under a service it accepts (`bedrock`, `APPLICATION_LOGS`), and
/// [`apigateway_sources_out`] turns it back in every answer, so clients see what AWS shows.
fn apigateway_source_in(mut request: Request, op: &str) -> Request {
    if op != "logs:PutDeliverySource" {
        return request;
    }
    let mut body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
    let arn = body["resourceArn"].as_str().unwrap_or_default().to_string();
    if !(arn.starts_with("arn:aws:apigateway:") && body["logType"] == "EXECUTION_LOGS") {
        return request;
    }
    body["resourceArn"] = arn.replacen("arn:aws:apigateway:", SHIM_PREFIX, 1).into();
    body["logType"] = SHIM_LOG_TYPE.into();
    request.body = body.to_string().into_bytes();
    for (name, value) in &mut request.headers {
        if name.eq_ignore_ascii_case("content-length") {
            *value = request.body.len().to_string();
        }
    }
    request
}

const SHIM_PREFIX: &str = "arn:aws:bedrock:";
const SHIM_LOG_TYPE: &str = "APPLICATION_LOGS";

fn apigateway_sources_out(response: Vec<u8>) -> Vec<u8> {
    fn restore(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                let shimmed = map.get("resourceArns").and_then(|a| a.as_array()).is_some_and(|arns| {
                    arns.iter().any(|a| {
                        a.as_str().is_some_and(|a| a.starts_with(SHIM_PREFIX) && a.contains(":/restapis/"))
                    })
                });
                if shimmed {
                    let arns: Vec<serde_json::Value> = map["resourceArns"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| {
                            a.as_str()
                                .unwrap_or_default()
                                .replacen(SHIM_PREFIX, "arn:aws:apigateway:", 1)
                                .into()
                        })
                        .collect();
                    map.insert("resourceArns".into(), arns.into());
                    map.insert("service".into(), "apigateway".into());
                    map.insert("logType".into(), "EXECUTION_LOGS".into());
                }
                map.values_mut().for_each(restore);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(restore),
            _ => {}
        }
    }
    let Some(head_end) = response.windows(4).position(|w| w == b"\r\n\r\n") else { return response };
    let Ok(mut body) = serde_json::from_slice::<serde_json::Value>(&response[head_end + 4..]) else {
        return response;
    };
    restore(&mut body);
    with_body(&response[..head_end], &body)
}

/// A response with its head and a new JSON body (Content-Length to match).
fn with_body(head: &[u8], body: &serde_json::Value) -> Vec<u8> {
    let body = body.to_string();
    let head: Vec<String> = String::from_utf8_lossy(head)
        .split("\r\n")
        .map(|line| match line.to_ascii_lowercase().starts_with("content-length:") {
            true => format!("Content-Length: {}", body.len()),
            false => line.to_string(),
        })
        .collect();
    format!("{}\r\n\r\n{body}", head.join("\r\n")).into_bytes()
}

/// A parameter of a form-encoded (query protocol) body, decoded.
fn form_value(body: &[u8], name: &str) -> Option<String> {
    let body = String::from_utf8_lossy(body);
    let raw = body.split('&').find_map(|kv| kv.strip_prefix(&format!("{name}=")))?;
    Some(percent_encoding::percent_decode_str(&raw.replace('+', " ")).decode_utf8_lossy().into_owned())
}

/// The double's own CloudWatch Logs call to the emulator, with the caller's credentials.
fn logs_ask(request: &Request, action: &str, body: &str, upstream: &str) -> serde_json::Value {
    let mut probe = request.probe("POST", "/", Vec::new(), None);
    probe.headers.retain(|(k, _)| !k.eq_ignore_ascii_case("x-amz-target"));
    probe.headers.push(("X-Amz-Target".into(), format!("Logs_20140328.{action}")));
    probe.headers.push(("Content-Type".into(), "application/x-amz-json-1.1".into()));
    probe.headers.push(("Content-Length".into(), body.len().to_string()));
    probe.body = body.as_bytes().to_vec();
    let (_, answer) = ask(&probe, upstream);
    serde_json::from_str(&answer).unwrap_or_default()
}

/// PutDeliverySource for an API Gateway stage: a REST stage's `EXECUTION_LOGS` only, and only
/// while its logging level is ERROR or INFO (AWS's developer guide; its error text is not
/// published, so this one names the rule).
fn delivery_source_violation(
    request: &Request,
    body: &serde_json::Value,
    upstream: &str,
) -> Option<Violation> {
    let arn = body["resourceArn"].as_str().unwrap_or_default();
    if !arn.starts_with("arn:aws:apigateway:") {
        return None;
    }
    if body["logType"] != "EXECUTION_LOGS" {
        return Some((
            "ValidationException",
            format!("Log type {} is not supported for this resource", body["logType"]),
        ));
    }
    let path = arn.splitn(6, ':').nth(5).unwrap_or_default();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let ["restapis", api, "stages", stage] = segments[..] else {
        return Some(("ValidationException", format!("Invalid resource ARN {arn}")));
    };
    let (status, stage_json) = ask(
        &request.probe("GET", &format!("/restapis/{api}/stages/{stage}"), Vec::new(), Some("apigateway")),
        upstream,
    );
    if status != 200 {
        return Some(("ResourceNotFoundException", format!("Stage {stage} of REST API {api} not found")));
    }
    let stage_json: serde_json::Value = serde_json::from_str(&stage_json).unwrap_or_default();
    let level = stage_json["methodSettings"]["*/*"]["loggingLevel"].as_str().unwrap_or("OFF");
    (!matches!(level, "ERROR" | "INFO")).then(|| {
        (
            "ValidationException",
            format!("Execution logging must be enabled (logging level ERROR or INFO) on stage {stage} before it can be a delivery source"),
        )
    })
}

/// AWS refuses to delete a delivery source or destination that a delivery still uses; the
/// emulator deletes it.
fn delivery_in_use(
    request: &Request,
    body: &serde_json::Value,
    upstream: &str,
    source: bool,
) -> Option<Violation> {
    let name = body["name"].as_str().unwrap_or_default();
    let deliveries = logs_ask(request, "DescribeDeliveries", "{}", upstream);
    let deliveries = deliveries["deliveries"].as_array().cloned().unwrap_or_default();
    let used = if source {
        deliveries.iter().any(|d| d["deliverySourceName"] == name)
    } else {
        let suffix = format!(":delivery-destination:{name}");
        deliveries.iter().any(|d| d["deliveryDestinationArn"].as_str().is_some_and(|a| a.ends_with(&suffix)))
    };
    used.then(|| ("ConflictException", format!("{name} is used by a delivery; delete the delivery first")))
}

/// Sends the request to the emulator with `Connection: close` and returns its whole answer, made
/// to close the client's connection too.
fn forward(request: &Request, upstream: &str) -> Vec<u8> {
    let mut server = TcpStream::connect(upstream).expect("emulator reachable");
    let mut head = format!("{} {} HTTP/1.1\r\n", request.method, request.path);
    for (k, v) in &request.headers {
        if !k.eq_ignore_ascii_case("connection") {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    head.push_str("Connection: close\r\n\r\n");
    server.write_all(head.as_bytes()).unwrap();
    server.write_all(&request.body).unwrap();
    let mut response = Vec::new();
    server.read_to_end(&mut response).unwrap();
    let Some(head_end) = response.windows(4).position(|w| w == b"\r\n\r\n") else { return response };
    let head = String::from_utf8_lossy(&response[..head_end]);
    let mut rewritten: String = head
        .split("\r\n")
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .collect::<Vec<_>>()
        .join("\r\n");
    rewritten.push_str("\r\nConnection: close");
    let mut out = rewritten.into_bytes();
    out.extend_from_slice(&response[head_end..]);
    out
}

/// The double's own request to the emulator: `(status, body)`.
fn ask(probe: &Request, upstream: &str) -> (u16, String) {
    let response = forward(probe, upstream);
    let text = String::from_utf8_lossy(&response);
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default())
}

fn respond(client: &mut TcpStream, status: u16, content_type: &str, extra: &str, body: &str) {
    respond_bytes(client, status, content_type, extra, body.as_bytes());
}

fn respond_bytes(client: &mut TcpStream, status: u16, content_type: &str, extra: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status} Double\r\nContent-Type: {content_type}\r\n{extra}x-amzn-RequestId: double\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = client.write_all(&[head.as_bytes(), body].concat());
}

const CBOR_PROTOCOL_HEADER: &str = "smithy-protocol: rpc-v2-cbor\r\n";

/// GetMetricData as the SDK sends it (CloudWatch's Smithy RPC v2 CBOR protocol, which the
/// emulator serves since moto 5.2.6): what the rules below read of it.
#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GetMetricData {
    #[serde(default)]
    metric_data_queries: Vec<MetricDataQuery>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MetricDataQuery {
    #[serde(default)]
    id: String,
    metric_stat: Option<MetricStat>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MetricStat {
    period: Option<i64>,
}

/// GetMetricData's rules that the emulator does not check: at most 500 queries, ids that start
/// with a lower-case letter (then letters, digits, `_`), periods in whole minutes. `None` for any
/// other request, or one that keeps them.
fn metric_data_violation(request: &Request) -> Option<String> {
    let segments = request.segments();
    let ["service", _, "operation", "GetMetricData"] = segments.as_slice() else { return None };
    let input: GetMetricData = ciborium::from_reader(request.body.as_slice()).ok()?;
    let queries = input.metric_data_queries;
    if queries.len() > 500 {
        return Some(format!(
            "The collection MetricDataQueries must not have a size greater than 500 (got {}).",
            queries.len()
        ));
    }
    for query in queries {
        let id_ok = query.id.starts_with(|c: char| c.is_ascii_lowercase())
            && query.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !id_ok {
            return Some(format!(
                "The value {} for parameter MetricDataQueries.member.Id is invalid.",
                query.id
            ));
        }
        if query.metric_stat.and_then(|s| s.period).is_some_and(|p| p <= 0 || p % 60 != 0) {
            return Some(
                "The parameter MetricDataQueries.member.MetricStat.Period must be a multiple of 60.".into(),
            );
        }
    }
    None
}

/// The service's over-quota answer, exactly as AWS gives it.
fn respond_throttled(client: &mut TcpStream, service: &str) {
    match service {
        "apigateway" => respond_error(client, service, 429, "TooManyRequestsException", "Too Many Requests"),
        "logs" => respond_error(client, service, 400, "ThrottlingException", "Rate exceeded"),
        _ => respond_error(client, service, 400, "Throttling", "Rate exceeded"),
    }
}

/// An error in the wire format of the service's protocol, so the SDK parses it as AWS's own.
fn respond_error(client: &mut TcpStream, service: &str, status: u16, code: &str, message: &str) {
    let message = message.replace('\\', "\\\\").replace('"', "\\\"");
    match service {
        "apigateway" | "scheduler" => respond(
            client,
            status,
            "application/json",
            &format!("x-amzn-ErrorType: {code}\r\n"),
            &format!(r#"{{"message":"{message}"}}"#),
        ),
        "logs" => respond(
            client,
            status,
            "application/x-amz-json-1.1",
            "",
            &format!(r#"{{"__type":"{code}","message":"{message}"}}"#),
        ),
        "monitoring" => {
            let mut body = Vec::new();
            let error = ciborium::Value::Map(vec![
                (ciborium::Value::Text("__type".into()), ciborium::Value::Text(code.into())),
                (ciborium::Value::Text("message".into()), ciborium::Value::Text(message)),
            ]);
            ciborium::into_writer(&error, &mut body).unwrap();
            respond_bytes(client, status, "application/cbor", CBOR_PROTOCOL_HEADER, &body)
        }
        _ => respond(
            client,
            status,
            "text/xml",
            "",
            &format!(
                "<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>double</RequestId></ErrorResponse>"
            ),
        ),
    }
}

const RETENTION_DAYS: &[i64] = &[
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const BAD_REQUEST: &str = "BadRequestException";
const ROLE_MUST_BE_SET: &str = "CloudWatch Logs role ARN must be set in account settings to enable logging";
const ROLE_NOT_PERMITTED: &str = "The role ARN does not have required permissions configured. Please grant trust permission for API Gateway and add the required role policy.";
const SINGLE_LINE: &str =
    "Access Log format must be single line, new line character is allowed only at end of the format";
const MANAGED_POLICY: &str = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";
const LEVELS: &[&str] = &["OFF", "ERROR", "INFO"];
const HTTP_METHODS: &[&str] = &["*", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"];
/// Stage-level patch paths of REST UpdateStage other than access logging and method settings.
const STAGE_PATHS: &[&str] = &[
    "/deploymentId",
    "/description",
    "/cacheClusterEnabled",
    "/cacheClusterSize",
    "/clientCertificateId",
    "/tracingEnabled",
];
const ACCESS_LOG_PATHS: &[&str] =
    &["/accessLogSettings", "/accessLogSettings/destinationArn", "/accessLogSettings/format"];
const BOOLEAN_SETTINGS: &[&str] = &[
    "logging/dataTrace",
    "metrics/enabled",
    "caching/enabled",
    "caching/dataEncrypted",
    "caching/requireAuthorizationForCacheControl",
];
const METHOD_SETTINGS: &[&str] = &[
    "metrics/enabled",
    "logging/dataTrace",
    "logging/loglevel",
    "throttling/burstLimit",
    "throttling/rateLimit",
    "caching/ttlInSeconds",
    "caching/enabled",
    "caching/dataEncrypted",
    "caching/requireAuthorizationForCacheControl",
    "caching/unauthorizedCacheControlHeaderStrategy",
];

type Violation = (&'static str, String);

fn bad(message: impl Into<String>) -> Option<Violation> {
    Some((BAD_REQUEST, message.into()))
}

/// The checks real AWS makes that the emulator skips; `Some((code, message))` when violated.
fn aws_rule_violation(
    request: &Request,
    op: &str,
    upstream: &str,
    strictness: Strictness,
) -> Option<Violation> {
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
    match op {
        "apigateway:UpdateStage" => rest_update_stage(request, &body, upstream),
        "apigatewayv2:UpdateStage" => v2_update_stage(request, &body, upstream),
        "apigateway:UpdateAccount" => update_account(request, &body, upstream, strictness),
        "scheduler:CreateSchedule" => create_schedule(request, &body, upstream),
        "scheduler:CreateScheduleGroup" => scheduler_name("group name", request.segments().get(1).copied()),
        "logs:PutDeliverySource" => delivery_source_violation(request, &body, upstream),
        "logs:DeleteDeliverySource" => delivery_in_use(request, &body, upstream, true),
        "logs:DeleteDeliveryDestination" => delivery_in_use(request, &body, upstream, false),
        "logs:PutRetentionPolicy" => {
            let days = body["retentionInDays"].as_i64().unwrap_or(-1);
            (!RETENTION_DAYS.contains(&days)).then(|| {
                ("InvalidParameterException", format!("1 validation error detected: retentionInDays {days}"))
            })
        }
        _ => None,
    }
}

/// Scheduler's names: 1 to 64 of `[0-9a-zA-Z-_.]`.
fn scheduler_name(what: &str, name: Option<&str>) -> Option<Violation> {
    let name = name.unwrap_or_default();
    let valid = (1..=64).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    (!valid).then(|| {
        (VALIDATION, format!("1 validation error detected: Value '{name}' at '{what}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$ and length 1-64"))
    })
}

const VALIDATION: &str = "ValidationException";

/// CreateSchedule as EventBridge Scheduler checks it, for the one-time schedules with a universal
/// API Gateway target that debug sessions make: names, the `at()` expression (not in the past:
/// our assumption), the window, the role (it must exist and trust scheduler.amazonaws.com), and
/// the target's input in the shape the tool chose (the request's fields in PascalCase; AWS does
/// not document API Gateway's).
fn create_schedule(request: &Request, body: &serde_json::Value, upstream: &str) -> Option<Violation> {
    let invalid = |message: String| Some((VALIDATION, message));
    if let Some(v) = scheduler_name("name", request.segments().get(1).copied()) {
        return Some(v);
    }
    if let Some(group) = body["GroupName"].as_str()
        && let Some(v) = scheduler_name("groupName", Some(group))
    {
        return Some(v);
    }
    if body["Description"].as_str().is_some_and(|d| d.len() > 512) {
        return invalid("Description is longer than 512 characters".into());
    }
    let expression = body["ScheduleExpression"].as_str().unwrap_or_default();
    let at = expression
        .strip_prefix("at(")
        .and_then(|rest| rest.strip_suffix(')'))
        .filter(|t| t.len() == 19)
        .and_then(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").ok());
    let Some(at) = at else {
        return invalid(format!("Invalid Schedule Expression {expression}."));
    };
    if body["ScheduleExpressionTimezone"].as_str().is_some_and(|z| z != "UTC") {
        return invalid("the double knows only the UTC time zone".into());
    }
    if at.and_utc() < chrono::Utc::now() - chrono::Duration::seconds(60) {
        return invalid(format!("The schedule expression {expression} is in the past."));
    }
    if !["OFF", "FLEXIBLE"].contains(&body["FlexibleTimeWindow"]["Mode"].as_str().unwrap_or_default()) {
        return invalid("FlexibleTimeWindow.Mode must be OFF or FLEXIBLE".into());
    }
    if let Some(action) = body["ActionAfterCompletion"].as_str()
        && !["NONE", "DELETE"].contains(&action)
    {
        return invalid(format!("Invalid ActionAfterCompletion {action}"));
    }
    let target = &body["Target"];
    let role_arn = target["RoleArn"].as_str().unwrap_or_default();
    let name = role_arn.rsplit('/').next().unwrap_or_default();
    let form = format!("Action=GetRole&RoleName={name}&Version=2010-05-08");
    let (status, role) = ask(&request.probe("POST", "/", form.into_bytes(), Some("iam")), upstream);
    let trust = xml_text(&role, "AssumeRolePolicyDocument").unwrap_or_default();
    let trust = percent_encoding::percent_decode_str(&trust).decode_utf8_lossy().into_owned();
    if status != 200 || !trusts_service(&trust, "scheduler.amazonaws.com", true) {
        return invalid(
            "The execution role you provide must allow AWS EventBridge Scheduler to assume the role.".into(),
        );
    }
    let arn = target["Arn"].as_str().unwrap_or_default();
    let Some((service, action)) =
        arn.strip_prefix("arn:aws:scheduler:::aws-sdk:").and_then(|r| r.split_once(':'))
    else {
        return invalid(format!("the double accepts only universal targets, not {arn}"));
    };
    let input: serde_json::Value = match serde_json::from_str(target["Input"].as_str().unwrap_or_default()) {
        Ok(input) => input,
        Err(_) => return invalid("Target.Input is not JSON".into()),
    };
    universal_input_violation(service, action, &input).and_then(invalid)
}

/// The input shapes the double knows (PascalCase request fields), and what else it refuses.
fn universal_input_violation(service: &str, action: &str, input: &serde_json::Value) -> Option<String> {
    let fields = |required: &[&str], allowed: &[&str]| -> Option<String> {
        let object = input.as_object()?;
        if let Some(missing) = required.iter().find(|k| !object.contains_key(**k)) {
            return Some(format!("{service}:{action} input lacks {missing}"));
        }
        object
            .keys()
            .find(|k| !required.contains(&k.as_str()) && !allowed.contains(&k.as_str()))
            .map(|k| format!("{service}:{action} input has an unknown field {k}"))
    };
    let route_fields = [
        "DataTraceEnabled",
        "DetailedMetricsEnabled",
        "LoggingLevel",
        "ThrottlingBurstLimit",
        "ThrottlingRateLimit",
    ];
    let route_violation = |settings: &serde_json::Value| -> Option<String> {
        let object = settings.as_object()?;
        object
            .keys()
            .find(|k| !route_fields.contains(&k.as_str()))
            .map(|k| format!("unknown route setting {k}"))
    };
    if !input.is_object() {
        return Some("the input must be a JSON object".into());
    }
    match (service, action) {
        ("apigateway", "updateStage") => {
            if let Some(v) = fields(&["RestApiId", "StageName", "PatchOperations"], &[]) {
                return Some(v);
            }
            input["PatchOperations"].as_array()?.iter().find_map(|op| {
                let object = op.as_object()?;
                let known = object.keys().all(|k| ["Op", "Path", "Value", "From"].contains(&k.as_str()));
                let verb = ["add", "remove", "replace", "move", "copy", "test"]
                    .contains(&op["Op"].as_str().unwrap_or_default());
                (!known || !verb || !op["Path"].is_string()).then(|| format!("invalid patch operation {op}"))
            })
        }
        ("apigatewayv2", "updateStage") => {
            let allowed = [
                "AccessLogSettings",
                "DefaultRouteSettings",
                "RouteSettings",
                "Description",
                "StageVariables",
            ];
            if let Some(v) = fields(&["ApiId", "StageName"], &allowed) {
                return Some(v);
            }
            if let Some(access) = input.get("AccessLogSettings").and_then(|a| a.as_object())
                && let Some(k) = access.keys().find(|k| !["DestinationArn", "Format"].contains(&k.as_str()))
            {
                return Some(format!("unknown access log setting {k}"));
            }
            let routes =
                input.get("RouteSettings").and_then(|r| r.as_object()).into_iter().flat_map(|r| r.values());
            input.get("DefaultRouteSettings").into_iter().chain(routes).find_map(route_violation)
        }
        ("apigatewayv2", "deleteAccessLogSettings") => fields(&["ApiId", "StageName"], &[]),
        _ => Some(format!("the double does not know {service}:{action}")),
    }
}

fn invalid_path(path: &str) -> String {
    let mut valid: Vec<String> = STAGE_PATHS.iter().chain(ACCESS_LOG_PATHS).map(|p| p.to_string()).collect();
    valid.extend(METHOD_SETTINGS.iter().map(|s| format!("/{{resourcePath}}/{{httpMethod}}/{s}")));
    valid.push("/variables/{name}".into());
    format!("Invalid method setting path: {path}. Must be one of: [{}]", valid.join(", "))
}

/// `(key, setting)` of a method-setting path `/{resource}/{method}[/{setting}]`, where the
/// resource is `*` (with method `*`) or `~1`-escaped; `None` when it is not one.
fn method_setting(path: &str) -> Option<(String, &str)> {
    let rest = path.strip_prefix('/')?;
    let (resource, rest) = rest.split_once('/')?;
    let (method, setting) = rest.split_once('/').unwrap_or((rest, ""));
    let valid = match resource {
        "*" => method == "*",
        r => r.starts_with("~1") && HTTP_METHODS.contains(&method),
    };
    valid.then(|| (format!("{resource}/{method}"), setting))
}

fn rest_update_stage(request: &Request, body: &serde_json::Value, upstream: &str) -> Option<Violation> {
    let ops = body["patchOperations"].as_array().cloned().unwrap_or_default();
    let mut enables_logging = false;
    let mut removed_keys = Vec::new();
    for patch in &ops {
        let path = patch["path"].as_str().unwrap_or_default();
        let value = patch["value"].as_str().unwrap_or_default();
        let verb = patch["op"].as_str().unwrap_or_default();
        if let Some((key, setting)) = method_setting(path) {
            match setting {
                "" if verb == "remove" => removed_keys.push(key),
                "logging/loglevel" => {
                    if !LEVELS.contains(&value) {
                        return bad(format!("Invalid logging level: {value}"));
                    }
                    enables_logging |= value != "OFF";
                }
                s if BOOLEAN_SETTINGS.contains(&s) => {
                    if !["true", "false"].contains(&value) {
                        return bad(format!("Invalid boolean: {value}"));
                    }
                    enables_logging |= s == "logging/dataTrace" && value == "true";
                }
                s if METHOD_SETTINGS.contains(&s) => {}
                _ => return bad(invalid_path(path)),
            }
            continue;
        }
        match path {
            "/accessLogSettings" if verb == "remove" => {}
            "/accessLogSettings/destinationArn" => {
                if let Some(violation) = firehose_violation(value) {
                    return Some(violation);
                }
                // Firehose delivery uses a service-linked role, not the account's CloudWatch role.
                enables_logging |= value.starts_with("arn:aws:logs:");
            }
            "/accessLogSettings/format" => {
                if let Some(violation) = format_violation(value, true) {
                    return Some(violation);
                }
            }
            p if STAGE_PATHS.contains(&p) || p.starts_with("/variables/") => {}
            _ => return bad(invalid_path(path)),
        }
    }
    if !removed_keys.is_empty() {
        let segments = request.segments();
        let stage_path = format!("/restapis/{}/stages/{}", segments[1], segments[3]);
        let (_, stage) = ask(&request.probe("GET", &stage_path, Vec::new(), None), upstream);
        let stage: serde_json::Value = serde_json::from_str(&stage).unwrap_or_default();
        for key in removed_keys {
            if stage["methodSettings"].get(&key).is_none() {
                return bad(format!(
                    "Cannot remove method setting {key} because there is no method setting for this method"
                ));
            }
        }
    }
    if enables_logging && account_role(request, upstream).is_empty() {
        return bad(ROLE_MUST_BE_SET);
    }
    None
}

/// A Firehose destination whose stream name lacks the `amazon-apigateway-` prefix. (The exact
/// AWS text is not in api-gateway-facts.md; this one names the rule.)
fn firehose_violation(arn: &str) -> Option<Violation> {
    let stream = arn.strip_prefix("arn:aws:firehose:")?.split_once(":deliverystream/")?.1;
    (!stream.starts_with("amazon-apigateway-")).then(|| {
        (
            BAD_REQUEST,
            format!(
                "Invalid destination ARN {arn}: the Kinesis Data Firehose delivery stream name must begin with amazon-apigateway-"
            ),
        )
    })
}

/// Single line (a trailing newline allowed) and a request id: `$context.requestId`, or for REST
/// also `$context.extendedRequestId`.
fn format_violation(format: &str, rest: bool) -> Option<Violation> {
    let line = format.strip_suffix('\n').unwrap_or(format);
    if line.contains('\n') || line.contains('\r') {
        return bad(SINGLE_LINE);
    }
    let has_id = context_variables(format)
        .iter()
        .any(|v| v == "$context.requestId" || (rest && v == "$context.extendedRequestId"));
    if !has_id {
        return bad(if rest {
            "Access Log format must contain $context.requestId or $context.extendedRequestId"
        } else {
            "Access Log format must contain $context.requestId"
        });
    }
    None
}

/// Every `$context.name` in a format (`${context.name}` too).
fn context_variables(format: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in ["$context.", "${context."] {
        let mut rest = format;
        while let Some(at) = rest.find(marker) {
            let after = &rest[at + marker.len()..];
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(after.len());
            let name = after[..end].trim_end_matches('.');
            found.push(format!("$context.{name}"));
            rest = &after[end..];
        }
    }
    found
}

/// The documented variables of a v2 API kind (`HTTP` or `WEBSOCKET`); `{property}` entries are
/// prefixes.
fn supports(protocol: &str, variable: &str) -> bool {
    let list = if protocol == "HTTP" {
        include_str!("../../crates/apigw-logs-core/src/vars/context-vars-http.txt")
    } else {
        include_str!("../../crates/apigw-logs-core/src/vars/context-vars-websocket.txt")
    };
    list.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').next().unwrap_or_default().trim()).any(
        |entry| match entry.split_once("{property}") {
            Some((prefix, _)) => variable.starts_with(prefix) && variable.len() > prefix.len(),
            None => entry == variable,
        },
    )
}

fn v2_update_stage(request: &Request, body: &serde_json::Value, upstream: &str) -> Option<Violation> {
    let api_id = request.segments()[2].to_string();
    let (_, api) = ask(&request.probe("GET", &format!("/v2/apis/{api_id}"), Vec::new(), None), upstream);
    let api: serde_json::Value = serde_json::from_str(&api).unwrap_or_default();
    let protocol = api["protocolType"].as_str().unwrap_or("HTTP").to_string();
    let mut route_settings: Vec<&serde_json::Value> = vec![&body["defaultRouteSettings"]];
    if let Some(routes) = body["routeSettings"].as_object() {
        route_settings.extend(routes.values());
    }
    let mut enables_logging = false;
    for settings in route_settings {
        let level = &settings["loggingLevel"];
        let trace = &settings["dataTraceEnabled"];
        if let Some(level) = level.as_str()
            && !LEVELS.contains(&level)
        {
            return bad(format!("Invalid logging level: {level}"));
        }
        if protocol == "HTTP" && (!level.is_null() || !trace.is_null()) {
            return bad("Execution logs are not supported on protocolType HTTP");
        }
        enables_logging |= level.as_str().is_some_and(|l| l != "OFF") || trace.as_bool() == Some(true);
    }
    let access = &body["accessLogSettings"];
    if let Some(arn) = access["destinationArn"].as_str() {
        if let Some(violation) = firehose_violation(arn) {
            return Some(violation);
        }
        enables_logging |= arn.starts_with("arn:aws:logs:");
    }
    if let Some(format) = access["format"].as_str() {
        if let Some(violation) = format_violation(format, false) {
            return Some(violation);
        }
        let unsupported: Vec<String> =
            context_variables(format).into_iter().filter(|v| !supports(&protocol, v)).collect();
        if !unsupported.is_empty() {
            return bad(format!(
                "The following context variables are not supported: [{}]",
                unsupported.join(", ")
            ));
        }
    }
    // HTTP APIs deliver access logs through the CloudWatch Logs resource policy; WebSocket APIs
    // need the account's role for execution and access logging.
    if protocol == "WEBSOCKET" && enables_logging && account_role(request, upstream).is_empty() {
        return bad(ROLE_MUST_BE_SET);
    }
    None
}

/// The account's role as the emulator has it, asked with the caller's own credentials.
fn account_role(request: &Request, upstream: &str) -> String {
    let (_, body) = ask(&request.probe("GET", "/account", Vec::new(), Some("apigateway")), upstream);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    json["cloudwatchRoleArn"].as_str().unwrap_or_default().to_string()
}

/// UpdateAccount with a role: AWS assumes it, so the role must exist (and IAM must have
/// propagated it), trust API Gateway, and have the managed policy attached.
fn update_account(
    request: &Request,
    body: &serde_json::Value,
    upstream: &str,
    strictness: Strictness,
) -> Option<Violation> {
    let ops = body["patchOperations"].as_array().cloned().unwrap_or_default();
    let role_arn = ops.iter().find_map(|p| {
        (p["op"] == "replace" && p["path"] == "/cloudwatchRoleArn")
            .then(|| p["value"].as_str().unwrap_or_default())
            .filter(|v| !v.is_empty())
    })?;
    let name = role_arn.rsplit('/').next().unwrap_or_default();
    let iam = |action: &str| {
        let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC);
        let form = format!("Action={action}&RoleName={encoded}&Version=2010-05-08");
        ask(&request.probe("POST", "/", form.into_bytes(), Some("iam")), upstream)
    };
    let (status, role) = iam("GetRole");
    if status != 200 {
        return bad(ROLE_NOT_PERMITTED);
    }
    let trust = xml_text(&role, "AssumeRolePolicyDocument").unwrap_or_default();
    let trust = percent_encoding::percent_decode_str(&trust).decode_utf8_lossy().into_owned();
    if !trusts_api_gateway(&trust, strictness.accept_trust_conditions) {
        return bad(ROLE_NOT_PERMITTED);
    }
    let (_, attached) = iam("ListAttachedRolePolicies");
    if !attached.contains(&format!("<PolicyArn>{MANAGED_POLICY}</PolicyArn>")) {
        return bad(ROLE_NOT_PERMITTED);
    }
    let created = xml_text(&role, "CreateDate").unwrap_or_default();
    if !propagated(&created, strictness.propagation, chrono::Utc::now()) {
        return bad(ROLE_NOT_PERMITTED);
    }
    None
}

/// The unescaped text of the first `<tag>` in an XML document.
fn xml_text(xml: &str, tag: &str) -> Option<String> {
    let start = xml.find(&format!("<{tag}>"))? + tag.len() + 2;
    let end = start + xml[start..].find(&format!("</{tag}>"))?;
    let text = &xml[start..end];
    Some(
        text.replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#34;", "\"")
            .replace("&amp;", "&"),
    )
}

/// The account role's trust: API Gateway may assume it.
fn trusts_api_gateway(policy: &str, accept_conditions: bool) -> bool {
    trusts_service(policy, "apigateway.amazonaws.com", accept_conditions)
}

/// An Allow statement for principal `service` with `sts:AssumeRole`; one with a `Condition`
/// counts only when conditions are accepted.
fn trusts_service(policy: &str, service: &str, accept_conditions: bool) -> bool {
    let doc: serde_json::Value = serde_json::from_str(policy).unwrap_or_default();
    let statements = match &doc["Statement"] {
        serde_json::Value::Array(list) => list.clone(),
        single @ serde_json::Value::Object(_) => vec![single.clone()],
        _ => Vec::new(),
    };
    let has = |value: &serde_json::Value, wanted: &[&str]| match value {
        serde_json::Value::String(s) => wanted.contains(&s.as_str()),
        serde_json::Value::Array(list) => {
            list.iter().any(|v| v.as_str().is_some_and(|s| wanted.contains(&s)))
        }
        _ => false,
    };
    statements.iter().any(|s| {
        s["Effect"] == "Allow"
            && has(&s["Principal"]["Service"], &[service])
            && has(&s["Action"], &["sts:AssumeRole", "sts:*", "*"])
            && (accept_conditions
                || s.get("Condition").is_none_or(|c| c.as_object().is_none_or(|o| o.is_empty())))
    })
}

/// Whether a role created at `created` (IAM's ISO 8601 CreateDate) is at least `span` old at `now`.
/// A CreateDate of whole seconds may be up to a second earlier than the creation: the latest
/// possible instant is taken, so a role is never accepted early. Unreadable dates count as new.
fn propagated(created: &str, span: Duration, now: chrono::DateTime<chrono::Utc>) -> bool {
    let Ok(parsed) = chrono::DateTime::parse_from_rfc3339(created.trim()) else { return false };
    let whole_seconds = !created.contains('.');
    let latest = parsed.with_timezone(&chrono::Utc)
        + if whole_seconds { chrono::Duration::seconds(1) } else { chrono::Duration::zero() };
    now.signed_duration_since(latest).to_std().is_ok_and(|age| age >= span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_dates_of_whole_seconds_are_taken_at_their_latest() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:03.500Z").unwrap().to_utc();
        let two = Duration::from_secs(2);
        assert!(!propagated("2026-01-01T00:00:01Z", two, now), "maybe created at 01.999");
        assert!(propagated("2026-01-01T00:00:00Z", two, now));
        assert!(propagated("2026-01-01T00:00:01.500Z", two, now));
        assert!(!propagated("2026-01-01T00:00:01.600000+00:00", two, now));
        assert!(!propagated("garbage", two, now));
    }

    #[test]
    fn v2_variables_come_from_the_lists() {
        assert!(supports("HTTP", "$context.requestId"));
        assert!(supports("HTTP", "$context.authorizer.claims.sub"));
        assert!(!supports("HTTP", "$context.resourcePath"));
        assert_eq!(context_variables("a $context.x.y. ${context.z}"), ["$context.x.y", "$context.z"]);
    }
}
