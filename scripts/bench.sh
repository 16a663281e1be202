#!/usr/bin/env bash
# Measures the figures the README quotes, against a local emulator:
#   - time to report missing credentials when the metadata service accepts connections but never
#     answers (target: under 2 s), and with AWS_EC2_METADATA_DISABLED=true;
#   - `enable` on a fresh account, and the no-op rerun;
#   - process start (`--help`).
# Prints figures and ratios; asserts nothing (performance is measured here, not in tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"  # as scripts/test.sh: one warm build
scripts/setup-emulator.sh
cargo build --quiet --locked
BIN="$CARGO_TARGET_DIR/debug/apigw-logs"
RUNS="${RUNS:-5}"

free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
.venv/bin/python scripts/emulator.py "$PORT" >/dev/null 2>&1 &
MOTO_PID=$!
# A loopback "metadata service" that accepts connections and never answers.
SILENT_PORT="$(free_port)"
.venv/bin/python -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', $SILENT_PORT)); s.listen(64); conns = []
while True: conns.append(s.accept()[0])
" &
SILENT_PID=$!
trap 'kill $MOTO_PID $SILENT_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_REGION=us-east-1 \
  AWS_ENDPOINT_URL="http://127.0.0.1:$PORT" NO_COLOR=1
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN

# mean wall time in ms of "$@" over $RUNS runs
measure() {
  local total=0 start end
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    total=$(( total + (end - start) / 1000000 ))
  done
  echo $(( total / RUNS ))
}

ms=$(AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:$SILENT_PORT" measure "$BIN" account show)
printf 'missing credentials, silent metadata service: %5d ms  (target 2000 ms, ratio %s)\n' "$ms" \
  "$(awk "BEGIN{printf \"%.2f\", $ms/2000}")"
ms=$(AWS_EC2_METADATA_DISABLED=true measure "$BIN" account show)
printf 'missing credentials, metadata disabled:       %5d ms\n' "$ms"

export AWS_EC2_METADATA_DISABLED=true AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1
.venv/bin/python - <<'PY'
import boto3
api = boto3.client("apigateway")
rest = api.create_rest_api(name="bench")
root = api.get_resources(restApiId=rest["id"])["items"][0]["id"]
api.put_method(restApiId=rest["id"], resourceId=root, httpMethod="GET", authorizationType="NONE")
api.put_integration(restApiId=rest["id"], resourceId=root, httpMethod="GET", type="MOCK")
api.create_deployment(restApiId=rest["id"], stageName="prod")
PY
start=$(date +%s%N); "$BIN" enable --api bench --stage prod >/dev/null 2>&1; end=$(date +%s%N)
first=$(( (end - start) / 1000000 ))
rerun=$(measure "$BIN" enable --api bench --stage prod)
printf 'enable, fresh account (6 writes):              %5d ms\n' "$first"
printf 'enable, no-op rerun:                           %5d ms  (ratio to first run %s)\n' "$rerun" \
  "$(awk "BEGIN{printf \"%.2f\", $rerun/$first}")"
ms=$(measure "$BIN" --help)
printf 'process start (--help):                        %5d ms\n' "$ms"
