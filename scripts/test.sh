#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every suite. Exits non-zero
# if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

# The PostgreSQL store's suites, and the several-node suites that share rooms through Redis, run
# against real servers on loopback, started here and stopped on exit (the trap is set first, so a
# failed start still stops the other); they fail (not skip) without them.
trap 'bash scripts/postgres.sh stop; bash scripts/redis.sh stop' EXIT
CALLSESSION_TEST_POSTGRES=$(bash scripts/postgres.sh start)
export CALLSESSION_TEST_POSTGRES
CALLSESSION_TEST_REDIS=$(bash scripts/redis.sh start)
export CALLSESSION_TEST_REDIS

echo "== GoogleTest, native"
ctest --preset native
echo "== GoogleTest, wasm under node"
ctest --preset wasm
echo "== Benchmark smoke (one iteration: proves npm run bench still works; asserts no timing)"
node tests/bench/run.mjs --smoke
echo "== JavaScript: web layer and end-to-end, headless Chromium"
shopt -s nullglob
node --test --test-concurrency=1 tests/web/*.test.mjs tests/e2e/*.test.mjs
