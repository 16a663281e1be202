#!/usr/bin/env bash
# Fleet benchmark: apigw-logs (release build) against the equivalent AWS CLI script, on a local
# moto server, for N REST APIs with one stage each (default N = 20 and 200). Prints wall times,
# write calls, the (b)/(a) ratio and the emulator's floor; asserts nothing.
#   scripts/bench-fleet.sh [N ...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"  # as scripts/test.sh: one warm build
scripts/setup-emulator.sh
if [ ! -x .venv/bin/aws ]; then
  echo "bench-fleet: installing the AWS CLI into .venv (once)" >&2
  .venv/bin/pip install --quiet --disable-pip-version-check "awscli==1.46.3" >&2
fi
cargo build --release --locked --quiet
PORT="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
.venv/bin/python scripts/emulator.py "$PORT" >/dev/null 2>&1 &
MOTO_PID=$!
trap 'kill $MOTO_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
export AWS_ENDPOINT_URL="http://127.0.0.1:$PORT" AWS_EC2_METADATA_DISABLED=true \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null NO_COLOR=1
unset AWS_PROFILE
.venv/bin/python scripts/bench_fleet.py "$CARGO_TARGET_DIR/release/apigw-logs" "$@"
