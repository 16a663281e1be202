#!/usr/bin/env bash
# Regenerates the committed shell completions (completions/) and man pages (man/) from the CLI
# (a test fails when they drift).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"  # as scripts/test.sh: one warm build
cargo build --quiet
mkdir -p completions
bin="$CARGO_TARGET_DIR/debug/apigw-logs"
"$bin" completions bash > completions/apigw-logs.bash
"$bin" completions zsh > completions/_apigw-logs
"$bin" completions fish > completions/apigw-logs.fish
"$bin" completions powershell > completions/_apigw-logs.ps1
"$bin" completions elvish > completions/apigw-logs.elv
echo "completions/ updated" >&2
cargo run --quiet --example man -- man
echo "man/ updated" >&2
