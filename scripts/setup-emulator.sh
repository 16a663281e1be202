#!/usr/bin/env bash
# Installs the pinned AWS emulator (moto server, with cfn-lint) into a git-ignored venv at .venv/.
# Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
MOTO_VERSION="5.2.6"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

if [ -x "$VENV/bin/moto_server" ] && "$VENV/bin/python" -c "import moto,sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
  exit 0
fi
echo "setup-emulator: installing moto[server]==$MOTO_VERSION into $VENV" >&2
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2
"$VENV/bin/moto_server" --help >/dev/null
echo "setup-emulator: ready ($VENV/bin/moto_server)" >&2
