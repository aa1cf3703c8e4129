#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing (called by `npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
