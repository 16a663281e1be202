#!/usr/bin/env bash
# Runs the whole test suite: installs the pinned emulator if missing, then unit, SDK-level and
# end-to-end tests (the e2e harness starts its own emulator on a free loopback port).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup-emulator.sh
# Never reach for the real instance metadata service, and ignore the host's AWS settings.
export AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL \
  AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
export RUST_BACKTRACE=0
cargo test --locked "$@"
