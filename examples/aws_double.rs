//! The strict AWS double of the end-to-end tests (`tests/e2e/faults.rs`) as a server, for
//! benchmarks: AWS's validation rules and quotas (rates times `--scale`) in front of an emulator.
//!
//! ```text
//! cargo run --example aws_double -- --upstream http://127.0.0.1:5000 --port 5001 --scale 20 --propagation-secs 2
//! cargo run --example aws_double -- --upstream http://127.0.0.1:5000 --latency-ms 100 --no-quotas
//! ```
//!
//! Prints `listening on http://127.0.0.1:PORT` once ready and serves until killed.
//! `GET /__double/stats` answers with the accepted and throttled calls per quota bucket.

// A test tool, not the CLI: std's print macros are fine here (clippy.toml is for the CLI's output).
#![allow(clippy::disallowed_macros)]

#[allow(dead_code)]
#[path = "../tests/e2e/faults.rs"]
mod faults;

use std::io::Write as _;
use std::time::Duration;

const USAGE: &str = "usage: aws_double --upstream URL [--port P] [--scale F] [--propagation-secs S] [--latency-ms MS] [--no-quotas]";

fn main() {
    let mut upstream = None;
    let (mut port, mut scale, mut propagation, mut latency_ms, mut quotas) =
        (0u16, 1.0f64, 2.0f64, 0u64, true);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--no-quotas" {
            quotas = false;
            continue;
        }
        let value = args.next().unwrap_or_else(|| fail(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--upstream" => upstream = Some(value),
            "--port" => port = parse(&flag, &value),
            "--scale" => scale = parse(&flag, &value),
            "--propagation-secs" => propagation = parse(&flag, &value),
            "--latency-ms" => latency_ms = parse(&flag, &value),
            _ => fail(&format!("unknown flag {flag}")),
        }
    }
    let upstream = upstream.unwrap_or_else(|| fail("--upstream is required"));
    if !(scale > 0.0 && propagation >= 0.0) {
        fail("--scale must be positive and --propagation-secs not negative");
    }
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .unwrap_or_else(|e| fail(&format!("cannot listen on 127.0.0.1:{port}: {e}")));
    let double = faults::Proxy::listen(listener, &upstream, scale);
    double.role_propagation(Duration::from_secs_f64(propagation));
    double.latency(Duration::from_millis(latency_ms));
    if !quotas {
        double.without_quotas();
    }
    println!("listening on {}", double.url);
    std::io::stdout().flush().unwrap();
    loop {
        std::thread::park();
    }
}

fn parse<T: std::str::FromStr>(flag: &str, value: &str) -> T {
    value.parse().unwrap_or_else(|_| fail(&format!("invalid value for {flag}: {value}")))
}

fn fail(message: &str) -> ! {
    eprintln!("aws_double: {message}\n{USAGE}");
    std::process::exit(2);
}
