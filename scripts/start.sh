#!/usr/bin/env bash
# Builds Presslens and starts the viewer on the embedded default corpus.
#   scripts/start.sh            web app, served on http://127.0.0.1:${PORT:-8080}/
#   scripts/start.sh --native   the desktop app instead
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "${1:---web}"
export NODE_PATH=/usr/share/nodejs EMSDK_PYTHON=/usr/bin/python3
if [ "${1:-}" = --native ]; then
  cmake --preset native >/dev/null && cmake --build --preset native
  exec ./build/native/presslens
fi
cmake --preset web >/dev/null && cmake --build --preset web
exec node scripts/serve.mjs build/web "${PORT:-8080}"
