#!/usr/bin/env bash
# End-to-end demo without an AWS account: starts a local emulator, creates a REST API with a
# deployed stage, runs `apigw-logs enable`, `stage show` and `status`, then traces one request and
# summarises the stage's last hour from log lines written as API Gateway would, and stops the
# emulator.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"  # as scripts/test.sh: one warm build
scripts/setup-emulator.sh
echo "demo: building apigw-logs" >&2
cargo build --quiet --locked
BIN="$CARGO_TARGET_DIR/debug/apigw-logs"

PORT="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
.venv/bin/python scripts/emulator.py "$PORT" >/dev/null 2>&1 &
MOTO_PID=$!
trap 'kill $MOTO_PID 2>/dev/null || true' EXIT

# Everything talks to the emulator on loopback, with dummy credentials.
export AWS_ENDPOINT_URL="http://127.0.0.1:$PORT" AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo AWS_EC2_METADATA_DISABLED=true \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_SESSION_TOKEN
for _ in $(seq 100); do
  (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  sleep 0.1
done

echo "demo: emulator on $AWS_ENDPOINT_URL; creating REST API 'orders' with stage 'prod'" >&2
API_ID="$(.venv/bin/python scripts/fixture_orders.py)"

run() { echo; echo "\$ apigw-logs $*"; "$BIN" "$@"; }
run enable --api orders --stage prod
run enable --api orders --stage prod
run stage show --api orders --stage prod
run account show
run status --api orders --controls

# The emulator serves no requests: write what API Gateway would have logged for some, then read
# them back the way a user would.
echo >&2; echo "demo: writing 60 requests' access and execution lines (the emulator logs none itself)" >&2
FAILED="$(.venv/bin/python scripts/demo_requests.py "$API_ID" prod)"
run trace "$FAILED" --api orders --stage prod
run summary --api orders --stage prod --since 1h
