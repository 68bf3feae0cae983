#!/usr/bin/env bash
# `npm run load`: the real server on a loopback port with a fresh database, and the load generator
# against it. Sizes by environment: LOAD_CONNECTIONS (default 1000), LOAD_ROOM_SIZE (4),
# LOAD_SECONDS (10), LOAD_RATE (signals per client per second, 2), LOAD_CHURN (rejoins per second, 20).
# Prints the generator's JSON report; exits non-zero if a participant failed or leaked.
# scripts/load-nodes.sh measures two nodes sharing rooms through Redis against this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load-common.sh
trap 'stop_nodes; rm -rf "$load_data"' EXIT

port=${LOAD_PORT:-18480}
start_node load "$port"
run_loadgen "$port" "${load_pids[0]}"
