#!/usr/bin/env bash
# Sets everything up (idempotent) and runs the whole test suite, Qt offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen OMP_THREAD_LIMIT=1
exec .venv/bin/python -m pytest "$@"
