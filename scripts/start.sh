#!/usr/bin/env bash
# Sets everything up (idempotent) and starts the program; arguments go to `vanthu`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/vanthu "$@"
