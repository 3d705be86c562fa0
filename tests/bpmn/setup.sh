#!/usr/bin/env bash
# Installs the pinned bpmn-js (package-lock.json) into tests/bpmn/node_modules for
# tests/browser/test_bpmn_js.py. Only the npm registry is used; `npm ci` is skipped when
# node_modules was installed from this very lock file, and npm's own cache is used before the
# registry (--prefer-offline: the lock file pins every version and its checksum).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "!!! npm saknas: BPMN-testet behöver Node.js. Installera: sudo apt-get install -y nodejs npm" >&2
  exit 1
fi
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" = "$lock_sum" ]; then
  exit 0
fi
npm ci --prefer-offline --no-audit --no-fund --ignore-scripts --loglevel=error
echo "$lock_sum" > node_modules/.lock-sha256
