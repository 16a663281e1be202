#!/usr/bin/env bash
# Fuzzes the pure parsers and linters (format lint, --method parser, ARN parsers) for a bounded
# time each; any panic or failed assertion stops it with the crashing input under fuzz/artifacts/.
# Not part of CI (it is a long run); see README "Safety" for the recorded run.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 200: three targets, 10 minutes)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-200}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (once)" >&2
  cargo install --locked cargo-fuzz@0.13.2
fi
# cargo fuzz needs nightly-only compiler flags; this machine has only a stable toolchain, which
# accepts them when told it is bootstrapping the compiler.
export RUSTC_BOOTSTRAP=1
cd fuzz
mkdir -p logs
for target in format_lint method_spec arn escape; do
  mkdir -p "corpus/$target"
  log="logs/$target.log"
  echo "fuzz: $target for ${seconds}s (log: fuzz/$log)" >&2
  if ! cargo fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "fuzz: $target FAILED (crashing input under fuzz/artifacts/$target)" >&2
    exit 1
  fi
  grep -a -E '^(Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" >&2
done
echo "fuzz: no crash" >&2
