#!/usr/bin/env bash
# Summary benchmark: generates access log files (default 5,000,000 lines, JSON and CLF presets),
# times `apigw-logs summary --file` on each (release build) and prints lines per second and peak
# resident memory against the targets. Asserts nothing; needs no emulator.
#   scripts/bench-summary.sh [LINES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"  # as scripts/test.sh: one warm build
cargo build --release --locked --quiet --bin apigw-logs
python3 scripts/bench_summary.py "$CARGO_TARGET_DIR/release/apigw-logs" "$@"
