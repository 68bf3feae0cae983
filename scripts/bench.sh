#!/usr/bin/env bash
# `npm run bench` (or `npm run bench -- --smoke` for one iteration): builds, then measures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
node tests/bench/run.mjs "$@"
