//! `tail`: events written through the SDK into a stage's access and execution log groups come
//! back in time order, across streams, with --since, --filter and --follow.

use crate::harness::*;
use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

fn access_line(id: &str, method: &str, status: &str) -> String {
    format!(r#"{{ "requestId":"{id}", "httpMethod":"{method}", "status":"{status}" }}"#)
}

#[test]
fn tail_prints_both_log_kinds_in_order_with_since_and_filter() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    let access = format!("API-Gateway-Access-Logs_{api}/prod");
    let execution = format!("API-Gateway-Execution-Logs_{api}/prod");
    let now = now_millis();
    let (r1, r2, r3, old) = (
        access_line("r1", "GET", "200"),
        access_line("r2", "POST", "503"),
        access_line("r3", "GET", "404"),
        access_line("r0", "GET", "200"),
    );
    // Two streams, interleaved in time; one event two hours old.
    acct.put_events(
        &access,
        "stream-b",
        &[(now - 7_200_000, &old), (now - 60_000, &r1), (now - 20_000, &r3)],
    );
    acct.put_events(&access, "stream-a", &[(now - 40_000, &r2)]);
    acct.put_events(&execution, "exec", &[(now - 30_000, "(r2) Method completed with status: 503")]);

    let stage = ["tail", "--api", "orders", "--stage", "prod"];
    let run = |extra: &[&str]| {
        let args: Vec<&str> = stage.iter().chain(extra).copied().collect();
        let (code, stdout, stderr) = acct.run(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        stdout.lines().map(String::from).collect::<Vec<_>>()
    };
    assert_eq!(
        run(&["--output", "json"]),
        [r1.clone(), r2.clone(), r3.clone()],
        "10 minutes, time order, untouched"
    );
    assert_eq!(run(&["--output", "json", "--since", "3h"]), [old, r1.clone(), r2.clone(), r3.clone()]);
    assert_eq!(run(&["--output", "json", "--filter", "POST"]), std::slice::from_ref(&r2));

    let text = run(&["--utc", "--color", "never"]);
    assert_eq!(text.len(), 3);
    assert!(text[1].ends_with("Z 503 requestId=r2 httpMethod=POST"), "{text:?}");
    let times: Vec<&str> = text.iter().map(|l| l.split(' ').next().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");

    let exec = run(&["--execution", "--utc"]);
    assert_eq!(exec.len(), 1);
    assert!(exec[0].ends_with("Z (r2) Method completed with status: 503"), "{exec:?}");
}

#[test]
fn tail_explains_a_missing_group_and_follow_picks_up_new_events_until_interrupted() {
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    let access = format!("API-Gateway-Access-Logs_{api}/prod");
    acct.block_on(
        acct.logs()
            .delete_log_group()
            .log_group_name(format!("API-Gateway-Execution-Logs_{api}/prod"))
            .send(),
    )
    .unwrap();
    let (code, stdout, stderr) = acct.run(&["tail", "--api", "orders", "--stage", "prod", "--execution"]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert!(stderr.contains("does not exist yet: API Gateway creates it on the first request"), "{stderr}");

    acct.put_events(&access, "s", &[(now_millis() - 5_000, &access_line("before", "GET", "200"))]);
    let mut child = acct
        .process_at(
            double_url(),
            &["tail", "--api", "orders", "--stage", "prod", "--follow", "--output", "json"],
        )
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (lines_tx, lines) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = lines_tx.send(line.unwrap());
        }
    });
    let next = || lines.recv_timeout(Duration::from_secs(20)).expect("a line within 20 s");
    assert!(next().contains("\"before\""));
    acct.put_events(&access, "s", &[(now_millis(), &access_line("during", "GET", "200"))]);
    assert!(next().contains("\"during\""), "--follow prints events written while it runs");

    std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let stopped = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(stopped.elapsed() < Duration::from_secs(5), "--follow did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0), "Ctrl-C is how --follow ends");
    assert!(lines.try_recv().is_err(), "each event printed once");
}

#[test]
fn tail_follow_into_a_closed_pipe_stops_with_exit_0() {
    // `apigw-logs tail --follow | head -1`: the first event printed ends the run, quietly.
    let acct = Account::new();
    let api = acct.create_api("orders", "prod", &[]);
    acct.json(&["enable", "--api", "orders", "--stage", "prod"], 0);
    let access = format!("API-Gateway-Access-Logs_{api}/prod");
    acct.put_events(&access, "s", &[(now_millis() - 1_000, &access_line("r1", "GET", "200"))]);
    let mut child = acct
        .process_at(double_url(), &["tail", "--api", "orders", "--stage", "prod", "--follow"])
        .stdin(std::process::Stdio::null())
        .stdout(closed_pipe())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("tail --follow kept running with nobody reading its output");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    // No message about the pipe (the progress line is tail's usual stderr).
    assert!(!stderr.contains("pipe") && !stderr.contains("error"), "{stderr}");
}
