#!/usr/bin/env bash
# Builds everything: native (core, server, test suites) and wasm (the SDK and the core suite for
# node), then the web layer into build/web.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # emcc loads Debian's acorn from here

cmake --preset native >/dev/null
cmake --build --preset native
cmake --preset wasm >/dev/null
cmake --build --preset wasm
node web/sdk/build.mjs   # the SDK bundles: build/web/sdk/
node web/build.mjs       # React layer and pages: build/web/ (production) and build/web-dev/
