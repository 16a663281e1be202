#!/usr/bin/env bash
# Runs the whole test suite: installs the pinned emulator (and cargo-deny) if missing, checks the
# dependency policy, then runs unit, SDK-level and
# end-to-end tests (the e2e harness starts its own emulator on a free loopback port).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup-emulator.sh
scripts/setup-cdk-check.sh
# Never reach for the real instance metadata service, and ignore the host's AWS settings.
export AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL \
  AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
export RUST_BACKTRACE=0
# Builds go to a directory outside the clone that later runs on this machine reuse: with the same
# Cargo.lock only this crate is compiled again (a clean clone otherwise rebuilds ~330 crates).
# It holds build output only; whatever the suite needs installed is installed above, so a machine
# without it passes the same way, just slower. Set CARGO_TARGET_DIR to build elsewhere.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"
echo "test: building in $CARGO_TARGET_DIR" >&2
# Supply-chain policy (deny.toml): permissive licenses, crates.io only, no OpenSSL.
# A debug build: cargo-deny's release profile (fat LTO, one codegen unit) took 3.5 minutes to
# build here, the debug one 55 s, and the check it runs takes 2 s instead of 1.
if ! cargo deny --version >/dev/null 2>&1; then
  echo "test: installing cargo-deny (once, about a minute)" >&2
  cargo install --locked --debug cargo-deny@0.20.2
fi
cargo deny --log-level error check licenses bans sources
# Formatting and lints are part of the bar: a diff or a warning fails the run.
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked --quiet -- -D warnings
# The fuzz targets build (they depend on the core crate alone, so this is cheap; without their
# default feature libFuzzer's C++ is not compiled, since nothing is linked); scripts/fuzz.sh
# runs them.
cargo check --manifest-path fuzz/Cargo.toml --bins --locked --quiet --no-default-features
# The end-to-end tests spend most of their time waiting (on the emulator, the double's latency,
# session timers), so more of them run at once than there are cores: 6 on the 2-core CI machine
# took the suite from 459 s to 277 s. The quota tests and the double's own tests measure time
# against the double's clock; other tests' load would bunch their calls (3 of 115 throttled
# once), so they run after, alone.
if [ $# -eq 0 ]; then
  RUST_TEST_THREADS="${RUST_TEST_THREADS:-6}" cargo test --workspace --locked -- --skip quotas:: --skip double::
  RUST_TEST_THREADS=1 cargo test --locked --test e2e -- quotas:: double::
else
  cargo test --workspace --locked "$@"
fi
