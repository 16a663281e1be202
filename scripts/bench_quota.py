"""Quota benchmark (run by scripts/bench-quota.sh): apigw-logs enable on N fresh REST stages behind
the strict AWS double at AWS's real quotas. Prints figures and ratios; asserts nothing.

quota-bound minimum: for each quota bucket the double enforces, (calls accepted - burst) / rate,
the largest of them: no client can finish sooner without being throttled.
plan-then-apply minimum: the reads a plan needs (measured with --dry-run on a twin fleet) must all
come before the first write (everything is validated before anything is written), so the least
any such client can take is the reads' quota-bound time plus the writes' (a bucket the reads
drained has no burst left for the writes).
"""

import json
import os
import subprocess
import sys
import time
import urllib.request

BIN, DOUBLE = sys.argv[1], sys.argv[2]
sys.argv = [sys.argv[0], BIN] + sys.argv[3:]
import bench_fleet  # noqa: E402  (fresh accounts and APIs, made directly in the emulator)

SIZES = [int(n) for n in sys.argv[2:]] or [200]


def stats():
    with urllib.request.urlopen(f"{DOUBLE}/__double/stats") as answer:
        return json.load(answer)


def configured(session, api_ids):
    """Stages with execution logging on and access logging set, read from the emulator itself."""
    api = session.client("apigateway", endpoint_url=bench_fleet.ENDPOINT)
    done = 0
    for api_id in api_ids:
        stage = api.get_stage(restApiId=api_id, stageName="prod")
        level = stage.get("methodSettings", {}).get("*/*", {}).get("loggingLevel")
        done += level == "INFO" and bool(stage.get("accessLogSettings", {}).get("destinationArn"))
    return done


def delta(after, before):
    """Accepted calls per bucket between two stats snapshots, with each bucket's rate and burst."""
    out = {}
    for name, bucket in after["buckets"].items():
        old = before["buckets"].get(name, {"accepted": 0})
        out[name] = (bucket["accepted"] - old["accepted"], bucket["rate"], bucket["burst"])
    return out


def reads_minimum(reads):
    return max(max(0.0, (calls - burst) / rate) for calls, rate, burst in reads.values())


def plan_then_apply_minimum(reads, total):
    read_time = reads_minimum(reads)
    write_time = 0.0
    for name, (calls, rate, burst) in total.items():
        read_calls = reads.get(name, (0, rate, burst))[0]
        left = 0.0 if read_calls else burst
        write_time = max(write_time, max(0.0, (calls - read_calls - left) / rate))
    return read_time + write_time


def main():
    for n in SIZES:
        # The reads a plan needs, on a twin fleet in another account (the double's quotas are
        # per account, so it does not slow the measured run).
        _, twin_env, twin_session = bench_fleet.fresh_account()
        bench_fleet.create_apis(twin_session, n)
        before = stats()
        start = time.perf_counter()
        subprocess.run([BIN, "enable", "--all-apis", "--all-stages", "--dry-run", "--output", "json"],
                       env=dict(twin_env, AWS_ENDPOINT_URL=DOUBLE), capture_output=True, check=True)
        plan_wall = time.perf_counter() - start
        reads = delta(stats(), before)

        account, env, session = bench_fleet.fresh_account()
        api_ids = bench_fleet.create_apis(session, n)
        before = stats()
        env = dict(env, AWS_ENDPOINT_URL=DOUBLE)
        start = time.perf_counter()
        out = subprocess.run([BIN, "enable", "--all-apis", "--all-stages", "--yes", "--output", "json"],
                             env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = stats()
        minimum, bound_by, calls, throttled = 0.0, "-", 0, 0
        for name, bucket in after["buckets"].items():
            old = before["buckets"].get(name, {"accepted": 0, "throttled": 0})
            accepted = bucket["accepted"] - old["accepted"]
            calls += accepted + bucket["throttled"] - old["throttled"]
            throttled += bucket["throttled"] - old["throttled"]
            bound = max(0.0, (accepted - bucket["burst"]) / bucket["rate"])
            if bound > minimum:
                minimum, bound_by = bound, f"{name} ({accepted} calls at {bucket['rate']:g}/s, burst {bucket['burst']:g})"
        done = configured(session, api_ids)
        floor = plan_then_apply_minimum(reads, delta(after, before))
        print(f"N = {n}: exit {out.returncode}, configured {done}/{n}")
        print(f"  wall time            {wall:7.1f} s")
        print(f"  quota-bound minimum  {minimum:7.1f} s  bound by {bound_by}")
        print(f"  wall / minimum       {wall / minimum if minimum else float('nan'):7.2f}   (target <= 1.15)")
        print(f"  plan-then-apply min  {floor:7.1f} s  (reads before the first write, then the writes)")
        print(f"  wall / that minimum  {wall / floor if floor else float('nan'):7.2f}   (target <= 1.10)")
        print(f"  plan alone (dry run) {plan_wall:7.1f} s  (its reads' quota-bound time: {reads_minimum(reads):.1f} s)")
        print(f"  throttled responses  {throttled} of {calls} calls ({100 * throttled / max(calls, 1):.1f} %, target <= 2 %)")
        metric_calls = delta(after, before).get("monitoring:*", (0, 0, 0))[0]
        print(f"  GetMetricData calls  {metric_calls:7d}   (the plan's cost estimate)")
        if out.returncode != 0:
            print("  stderr: " + out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "")
        # The CI gate on the configured fleet: `status --all-apis`, all reads, bound by their quotas.
        # The enable above drained the buckets; a CI job's status starts with them full, as here
        # after the slowest bucket (apigateway:*, burst 40 at 10/s) has refilled.
        time.sleep(5)
        before = stats()
        start = time.perf_counter()
        audit = subprocess.run([BIN, "status", "--all-apis", "--output", "json"], env=env, capture_output=True, text=True)
        status_wall = time.perf_counter() - start
        status_reads = delta(stats(), before)
        status_min = reads_minimum(status_reads)
        status_calls = sum(calls for calls, _, _ in status_reads.values())
        print(f"  status --all-apis    {status_wall:7.1f} s  exit {audit.returncode}, {status_calls} calls; "
              f"its reads' quota-bound minimum {status_min:.1f} s, ratio {status_wall / status_min if status_min else float('nan'):.2f} (target <= 1.10)")


main()
