#!/usr/bin/env bash
# Installs the pinned CDK (aws-cdk-lib, constructs, TypeScript; tests/cdk/package-lock.json) that
# the tests compile and synthesize `--emit cdk` code with, into git-ignored tests/cdk/node_modules.
# Idempotent: does nothing when that lock file is what is installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CDK="$ROOT/tests/cdk"
if cmp -s "$CDK/package-lock.json" "$CDK/node_modules/.installed-lock.json" 2>/dev/null; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "setup-cdk-check: npm is missing: install Node.js 20 or later with npm (the tests compile emitted CDK code)" >&2
  exit 1
fi
echo "setup-cdk-check: installing aws-cdk-lib and TypeScript into $CDK/node_modules" >&2
(cd "$CDK" && npm ci --no-audit --no-fund --loglevel=error >&2)
cp "$CDK/package-lock.json" "$CDK/node_modules/.installed-lock.json"
