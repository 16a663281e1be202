#!/usr/bin/env bash
# Latency benchmark: for one REST stage, how many AWS calls `enable` (again, and on a fresh
# account), `status` and `stage show` make, and how many of them one after another, through the
# strict AWS double holding every call 100 ms (then 1 ms) in front of a local moto server.
# Prints figures and the bound beside each; asserts nothing.
#   scripts/bench-latency.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"  # as scripts/test.sh: one warm build
scripts/setup-emulator.sh
cargo build --release --locked --quiet --bin apigw-logs --example aws_double
target="$CARGO_TARGET_DIR/release"
free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
MOTO_PORT="$(free_port)"
.venv/bin/python scripts/emulator.py "$MOTO_PORT" >/dev/null 2>&1 &
pids=($!)
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$MOTO_PORT") 2>/dev/null && break; sleep 0.1; done
# Two doubles: AWS's rules, no quotas (pacing is measured by bench-quota.sh), IAM propagation off
# (its retries are AWS's time, not the tool's), and a fixed time per call.
tmp="$(mktemp -d)"
for latency in 100 1; do
  "$target/examples/aws_double" --upstream "http://127.0.0.1:$MOTO_PORT" --no-quotas --propagation-secs 0 \
    --latency-ms "$latency" > "$tmp/$latency" 2>&1 &
  pids+=($!)
done
url_of() {
  for _ in $(seq 100); do grep -q listening "$1" 2>/dev/null && break; sleep 0.1; done
  sed -n 's/^listening on //p' "$1"
}
slow="$(url_of "$tmp/100")"
fast="$(url_of "$tmp/1")"
MOTO_URL="http://127.0.0.1:$MOTO_PORT" .venv/bin/python scripts/bench_latency.py \
  "$target/apigw-logs" "$slow" "$fast" 0.1 0.001
