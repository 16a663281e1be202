#!/usr/bin/env bash
# Fuzzes the pure parsers, linters and escapes of the core crate (format lint, --method parser,
# ARN parsers, escaping) for a bounded time each, and prints each target's runs and runs per
# second. A target that does not build says so; a crash or failed assertion stops the run with
# the crashing input under fuzz/artifacts/TARGET/. Not part of CI, which only checks that the
# targets build (a long run); see docs/reference/safety.md for the recorded run.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 150: four targets, 10 minutes)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-150}"
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
  if ! cargo fuzz build --sanitizer none "$target" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "fuzz: $target does not build (log: fuzz/$log)" >&2
    exit 1
  fi
  echo "fuzz: $target for ${seconds}s (log: fuzz/$log)" >&2
  if ! cargo fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 >>"$log" 2>&1; then
    tail -n 30 "$log" >&2
    if compgen -G "artifacts/$target/*" >/dev/null; then
      echo "fuzz: $target FAILED (crashing input under fuzz/artifacts/$target)" >&2
    else
      echo "fuzz: $target stopped without a crashing input (see fuzz/$log)" >&2
    fi
    exit 1
  fi
  stat() { grep -a -oE "^stat::$1:[[:space:]]+[0-9]+" "$log" | grep -oE '[0-9]+$' | tail -n 1 || true; }
  runs=$(stat number_of_executed_units)
  rss=$(stat peak_rss_mb)
  echo "fuzz: $target: ${runs:-?} runs in ${seconds}s, $(( ${runs:-0} / seconds )) runs/s, peak RSS ${rss:-?} MB" >&2
done
echo "fuzz: no crash" >&2
