"""Summary benchmark (run by scripts/bench-summary.sh): generates access log files of N lines in
the JSON and CLF presets, then times `apigw-logs summary --file` (release build) on each and
prints lines per second and peak resident memory. Prints figures; asserts nothing."""

import os
import random
import re
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1]
LINES = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000_000
TARGETS = {"json": 300_000, "clf": 150_000}
JSON = ('{{ "requestId":"{id}", "ip": "{ip}", "caller":"-", "user":"-", "requestTime":"{time}", '
        '"httpMethod":"{method}", "resourcePath":"{path}", "status":"{status}", "protocol":"HTTP/1.1", '
        '"responseLength":"{length}" }}\n')
CLF = '{ip} - - [{time}] "{method} {path} HTTP/1.1" {status} {length} {id}\n'


def generate(path, template, n):
    rng = random.Random(7)
    ips = [f"198.51.{rng.randrange(256)}.{rng.randrange(256)}" for _ in range(50_000)]
    paths = ["/pets", "/pets/{id}", "/orders", "/orders/{id}/items", "/health"]
    statuses = ["200"] * 80 + ["201"] * 5 + ["404"] * 8 + ["500"] * 4 + ["503"] * 3
    with open(path, "w", buffering=1 << 20) as out:
        for i in range(n):
            out.write(template.format(
                id=f"{i:08x}-1111-4222-8333-{rng.randrange(1 << 48):012x}",
                ip=ips[rng.randrange(len(ips))],
                time=f"06/Dec/2026:{(i // 3600) % 24:02}:{(i // 60) % 60:02}:{i % 60:02} +0000",
                method="GET" if i % 3 else "POST",
                path=paths[i % len(paths)],
                status=statuses[i % len(statuses)],
                length=i % 2048,
            ))


def run(name, path):
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-v", BIN, "summary", "--file", path, "--format", name, "--output", "json"],
                         capture_output=True, text=True)
    wall = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"summary failed: {out.stderr}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1))
    return wall, rss_kb


def main():
    print(f"machine: {os.cpu_count()} cores; apigw-logs summary --file (release build), {LINES:,} lines per file")
    with tempfile.TemporaryDirectory() as tmp:
        for name, template in (("json", JSON), ("clf", CLF)):
            path = os.path.join(tmp, f"{name}.log")
            generate(path, template, LINES)
            size = os.path.getsize(path)
            wall, rss_kb = run(name, path)
            rate = LINES / wall
            print(f"  {name:4}  {size / 1e6:7.0f} MB  {wall:6.2f} s  {rate:10,.0f} lines/s (target >= {TARGETS[name]:,}: "
                  f"{rate / TARGETS[name]:.2f}x)  peak RSS {rss_kb / 1024:5.1f} MB (target < 64 MB)")
            os.remove(path)


main()
