#!/usr/bin/env bash
# `npm run load`: the real server on a loopback port with a fresh database, and the load generator
# against it. Sizes by environment: LOAD_CONNECTIONS (default 1000), LOAD_ROOM_SIZE (4),
# LOAD_SECONDS (10), LOAD_RATE (signals per client per second, 2), LOAD_CHURN (rejoins per second, 20).
# Prints the generator's JSON report; exits non-zero if a participant failed or leaked.
set -euo pipefail
cd "$(dirname "$0")/.."
server=build/native/src/server/callsession-server
loadgen=build/native/tests/load/callsession-loadgen
[[ -x $server && -x $loadgen ]] || { bash scripts/setup.sh; cmake --preset native >/dev/null; cmake --build --preset native >/dev/null; }

data=$(mktemp -d)
port=${LOAD_PORT:-18480}
key=load-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
ulimit -n 65536 2>/dev/null || true
# Load measures speed, not policy: from one address it goes far past the per-address limits.
CALLSESSION_MAX_CONNECTIONS_PER_ADDRESS=0 CALLSESSION_LOGINS_PER_MINUTE=0 \
  CALLSESSION_TOKENS_PER_MINUTE=0 CALLSESSION_JOINS_PER_MINUTE=0 \
  PORT=$port CALLSESSION_DB=$data/load.db CALLSESSION_AUTH_KEY=$key "$server" >"$data/server.out" 2>"$data/server.log" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do grep -q "callsession ready" "$data/server.out" && break; sleep 0.05; done

"$loadgen" --port="$port" --auth-key="$key" --server-pid="$server_pid" \
  --connections="${LOAD_CONNECTIONS:-1000}" --room-size="${LOAD_ROOM_SIZE:-4}" \
  --seconds="${LOAD_SECONDS:-10}" --rate="${LOAD_RATE:-2}" --churn="${LOAD_CHURN:-20}"
