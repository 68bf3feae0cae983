#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every suite. Exits non-zero
# if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

# The PostgreSQL store's suites run against a real server on loopback, started here and stopped on
# exit; they fail (not skip) without it.
CALLSESSION_TEST_POSTGRES=$(bash scripts/postgres.sh start)
export CALLSESSION_TEST_POSTGRES
trap 'bash scripts/postgres.sh stop' EXIT

echo "== GoogleTest, native"
ctest --preset native
echo "== GoogleTest, wasm under node"
ctest --preset wasm
echo "== Benchmark smoke (one iteration: proves npm run bench still works; asserts no timing)"
node tests/bench/run.mjs --smoke
echo "== JavaScript: web layer and end-to-end, headless Chromium"
shopt -s nullglob
node --test --test-concurrency=1 tests/web/*.test.mjs tests/e2e/*.test.mjs
