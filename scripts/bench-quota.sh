#!/usr/bin/env bash
# Quota benchmark: `apigw-logs enable --all-apis --all-stages` (release build) on N fresh REST
# stages (default 200) behind the project's strict AWS double at AWS's real quotas (scale 1), in
# front of a local moto server. Prints the wall time, the quota-bound minimum, their ratio, the
# throttled responses and the stages configured (read back from the emulator); asserts nothing.
#   scripts/bench-quota.sh [N ...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"  # as scripts/test.sh: one warm build
scripts/setup-emulator.sh
cargo build --release --locked --quiet --bin apigw-logs --example aws_double
free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
MOTO_PORT="$(free_port)"
.venv/bin/python scripts/emulator.py "$MOTO_PORT" >/dev/null 2>&1 &
MOTO_PID=$!
trap 'kill $MOTO_PID ${DOUBLE_PID:-} 2>/dev/null || true' EXIT
for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$MOTO_PORT") 2>/dev/null && break; sleep 0.1; done
DOUBLE_PORT="$(free_port)"
# IAM propagation: the double refuses a role younger than 5 s on UpdateAccount, as AWS may.
"$CARGO_TARGET_DIR"/release/examples/aws_double --upstream "http://127.0.0.1:$MOTO_PORT" --port "$DOUBLE_PORT" \
  --scale 1 --propagation-secs 5 >/dev/null &
DOUBLE_PID=$!
for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$DOUBLE_PORT") 2>/dev/null && break; sleep 0.1; done
export AWS_ENDPOINT_URL="http://127.0.0.1:$MOTO_PORT" AWS_EC2_METADATA_DISABLED=true \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null NO_COLOR=1
unset AWS_PROFILE APIGW_LOGS_QUOTA_SCALE
.venv/bin/python scripts/bench_quota.py "$CARGO_TARGET_DIR/release/apigw-logs" "http://127.0.0.1:$DOUBLE_PORT" "$@"
