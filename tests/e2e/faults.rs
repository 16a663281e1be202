//! A fault-injecting HTTP proxy in front of the emulator, on a free loopback port.
//!
//! Per operation (`apigateway:UpdateStage`, `logs:CreateLogGroup`, `iam:CreateRole`, or `*`) it
//! can answer with throttling, 5xx, a dropped connection, a delay, or IAM's propagation error, on a
//! schedule. With [`Proxy::enforce_aws_rules`] it also refuses what real API Gateway and CloudWatch
//! Logs refuse but the emulator accepts. Plain std threads, one request per connection.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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

#[derive(Default)]
struct State {
    rules: Vec<Rule>,
    enforce: bool,
    calls: Vec<String>,
}

pub struct Proxy {
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl Proxy {
    pub fn start(upstream: &str) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let upstream = upstream.trim_start_matches("http://").to_string();
        let state = Arc::new(Mutex::new(State::default()));
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

    /// Refuse what AWS refuses and the emulator accepts (see api-gateway-facts.md).
    pub fn enforce_aws_rules(&self) -> &Proxy {
        self.state.lock().unwrap().enforce = true;
        self
    }

    /// How many faults were injected so far (a test that injected none proves nothing).
    pub fn injected(&self) -> usize {
        self.state.lock().unwrap().rules.iter().map(|r| r.fired).sum()
    }

    /// Operations received, in order (including those answered with a fault).
    pub fn calls(&self, op: &str) -> usize {
        self.state.lock().unwrap().calls.iter().filter(|c| *c == op).count()
    }
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

    /// The signing service from the SigV4 credential scope: `…/REGION/SERVICE/aws4_request`.
    fn service(&self) -> String {
        let auth = self.header("authorization").unwrap_or_default();
        auth.split("Credential=")
            .nth(1)
            .and_then(|c| c.split(',').next())
            .and_then(|scope| scope.split('/').nth(3))
            .unwrap_or("unknown")
            .to_string()
    }

    fn operation(&self) -> String {
        let service = self.service();
        let op = if let Some(target) = self.header("x-amz-target") {
            target.rsplit('.').next().unwrap_or_default().to_string()
        } else if service == "apigateway" {
            let segments: Vec<&str> = self.path.split('?').next().unwrap().split('/').skip(1).collect();
            match (self.method.as_str(), segments.as_slice()) {
                ("GET", ["account"]) => "GetAccount".into(),
                ("PATCH", ["account"]) => "UpdateAccount".into(),
                ("GET", ["restapis"]) => "GetRestApis".into(),
                ("GET", ["restapis", _, "stages"]) => "GetStages".into(),
                ("PATCH", ["restapis", _, "stages", _]) => "UpdateStage".into(),
                ("GET", ["restapis", _, "resources"]) => "GetResources".into(),
                (method, _) => format!("{method} {}", self.path),
            }
        } else {
            let body = String::from_utf8_lossy(&self.body);
            body.split('&').find_map(|kv| kv.strip_prefix("Action=")).unwrap_or("unknown").to_string()
        };
        format!("{service}:{op}")
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
    let op = request.operation();
    let (fault, enforce) = {
        let mut state = state.lock().unwrap();
        state.calls.push(op.clone());
        let fault = state
            .rules
            .iter_mut()
            .filter(|r| (r.op == "*" || r.op == op) && request.path.contains(&r.path))
            .find_map(|r| r.fires().then(|| r.fault.clone()));
        (fault, state.enforce)
    };
    let service = request.service();
    match fault {
        Some(Fault::Reset) => return,
        Some(Fault::Delay(delay)) => std::thread::sleep(delay),
        Some(Fault::Throttle) => {
            return respond_error(
                &mut client,
                &service,
                429,
                "TooManyRequestsException",
                "Too Many Requests",
            );
        }
        Some(Fault::Status(status)) => {
            return respond_error(&mut client, &service, status, "InternalFailure", "injected failure");
        }
        Some(Fault::Propagation) => {
            return respond_error(
                &mut client,
                &service,
                400,
                "BadRequestException",
                "The role ARN does not have required permissions set to API Gateway",
            );
        }
        None => {}
    }
    if enforce && let Some((code, message)) = aws_rule_violation(&request, &op, upstream) {
        return respond_error(&mut client, &service, 400, code, &message);
    }
    let response = forward(&request, upstream);
    let _ = client.write_all(&response);
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

/// An error in the wire format of the service's protocol, so the SDK parses it as AWS's own.
fn respond_error(client: &mut TcpStream, service: &str, status: u16, code: &str, message: &str) {
    let (content_type, extra, body) = match service {
        "apigateway" => (
            "application/json",
            format!("x-amzn-ErrorType: {code}\r\n"),
            format!(r#"{{"message":"{message}"}}"#),
        ),
        "logs" => {
            let code = if code == "TooManyRequestsException" { "ThrottlingException" } else { code };
            (
                "application/x-amz-json-1.1",
                String::new(),
                format!(r#"{{"__type":"{code}","message":"{message}"}}"#),
            )
        }
        _ => {
            let code = if code == "TooManyRequestsException" { "Throttling" } else { code };
            (
                "text/xml",
                String::new(),
                format!(
                    "<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>proxy</RequestId></ErrorResponse>"
                ),
            )
        }
    };
    // AWS answers query-protocol throttling with 400, not 429.
    let status = if status == 429 && service != "apigateway" { 400 } else { status };
    let response = format!(
        "HTTP/1.1 {status} Injected\r\nContent-Type: {content_type}\r\n{extra}x-amzn-RequestId: proxy\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = client.write_all(response.as_bytes());
}

const RETENTION_DAYS: &[i64] = &[
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/// The checks real AWS makes that the emulator skips; `Some((code, message))` when violated.
fn aws_rule_violation(request: &Request, op: &str, upstream: &str) -> Option<(&'static str, String)> {
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
    match op {
        "apigateway:UpdateStage" => {
            let ops = body["patchOperations"].as_array().cloned().unwrap_or_default();
            let mut enables_logging = false;
            for patch in &ops {
                let path = patch["path"].as_str().unwrap_or_default();
                let value = patch["value"].as_str().unwrap_or_default();
                let verb = patch["op"].as_str().unwrap_or_default();
                match method_setting(path) {
                    Some("logging/loglevel") => {
                        if !["OFF", "ERROR", "INFO"].contains(&value) {
                            return Some(("BadRequestException", format!("Invalid logging level: {value}")));
                        }
                        enables_logging |= value != "OFF";
                    }
                    Some("logging/dataTrace") | Some("metrics/enabled") => {
                        if !["true", "false"].contains(&value) {
                            return Some(("BadRequestException", format!("Invalid boolean: {value}")));
                        }
                        enables_logging |= path.ends_with("dataTrace") && value == "true";
                    }
                    Some("") if verb == "remove" => {}
                    _ => match path {
                        "/accessLogSettings" if verb == "remove" => {}
                        "/accessLogSettings/destinationArn" => enables_logging |= value.contains(":logs:"),
                        "/accessLogSettings/format" => {
                            let line = value.strip_suffix('\n').unwrap_or(value);
                            if line.contains('\n') || line.contains('\r') {
                                return Some(("BadRequestException", "Access Log format must be single line, new line character is allowed only at end of the format".into()));
                            }
                            if !value.contains("$context.requestId")
                                && !value.contains("$context.extendedRequestId")
                            {
                                return Some((
                                    "BadRequestException",
                                    "Access Log format must contain $context.requestId".into(),
                                ));
                            }
                        }
                        _ => return Some(("BadRequestException", format!("Invalid patch path {path}"))),
                    },
                }
            }
            if enables_logging && account_role(request, upstream).is_empty() {
                return Some((
                    "BadRequestException",
                    "CloudWatch Logs role ARN must be set in account settings to enable logging".into(),
                ));
            }
            None
        }
        "logs:PutRetentionPolicy" => {
            let days = body["retentionInDays"].as_i64().unwrap_or(-1);
            (!RETENTION_DAYS.contains(&days)).then(|| {
                ("InvalidParameterException", format!("1 validation error detected: retentionInDays {days}"))
            })
        }
        _ => None,
    }
}

/// For `/{key}/{setting}` method-setting paths (`*/*` or `~1path/METHOD`), the setting part
/// (`""` for `/{key}` itself).
fn method_setting(path: &str) -> Option<&str> {
    let rest = path.strip_prefix('/')?;
    let (key_resource, rest) = rest.split_once('/')?;
    if key_resource != "*" && !key_resource.starts_with("~1") {
        return None;
    }
    let (method, setting) = rest.split_once('/').unwrap_or((rest, ""));
    let known = ["*", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"];
    known.contains(&method).then_some(setting)
}

/// The account's role as the emulator has it, asked with the caller's own credentials.
fn account_role(request: &Request, upstream: &str) -> String {
    let probe = Request {
        method: "GET".into(),
        path: "/account".into(),
        headers: request
            .headers
            .iter()
            .filter(|(k, _)| {
                !k.eq_ignore_ascii_case("content-length") && !k.eq_ignore_ascii_case("content-type")
            })
            .cloned()
            .collect(),
        body: Vec::new(),
    };
    let response = forward(&probe, upstream);
    let text = String::from_utf8_lossy(&response);
    let body = text.split("\r\n\r\n").nth(1).unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    json["cloudwatchRoleArn"].as_str().unwrap_or_default().to_string()
}
