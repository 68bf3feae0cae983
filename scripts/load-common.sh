# shellcheck shell=bash
# Sourced (not run) by scripts/load.sh and scripts/load-nodes.sh: the binaries, server nodes with
# the per-address and per-user limits off, and the load generator at the sizes of the environment
# (LOAD_CONNECTIONS, LOAD_ROOM_SIZE, LOAD_SECONDS, LOAD_RATE, LOAD_CHURN). The caller cds to the
# checkout first, sets -euo pipefail, and calls stop_nodes and removes $load_data on exit.
server=build/native/src/server/callsession-server
loadgen=build/native/tests/load/callsession-loadgen
[[ -x $server && -x $loadgen ]] || { bash scripts/setup.sh; cmake --preset native >/dev/null; cmake --build --preset native >/dev/null; }

# The servers' databases and logs.
load_data=$(mktemp -d)
load_key=load-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
load_pids=()
load_names=()
# Every connection is a file descriptor in the generator and in a server.
ulimit -n 65536 2>/dev/null || true

# start_node NAME PORT [VARIABLE=value...]: a server on PORT with the extra environment, its output
# in $load_data/NAME.out and .log; returns once it is ready, and fails (showing its log) if it
# never gets there. Its pid is appended to load_pids.
start_node() {
  local name=$1 port=$2
  shift 2
  # Load measures speed, not policy: from one address it goes far past the per-address limits.
  env CALLSESSION_MAX_CONNECTIONS_PER_ADDRESS=0 CALLSESSION_LOGINS_PER_MINUTE=0 \
    CALLSESSION_TOKENS_PER_MINUTE=0 CALLSESSION_JOINS_PER_MINUTE=0 \
    PORT="$port" CALLSESSION_DB="$load_data/$name.db" CALLSESSION_AUTH_KEY="$load_key" "$@" \
    "$server" >"$load_data/$name.out" 2>"$load_data/$name.log" &
  load_pids+=($!)
  load_names+=("$name")
  for _ in $(seq 200); do
    grep -qs "callsession ready" "$load_data/$name.out" && return 0
    sleep 0.05
  done
  echo "load: server $name did not start:" >&2
  cat "$load_data/$name.log" >&2
  return 1
}

# Ends the nodes started so far, and waits for them.
stop_nodes() {
  local pid
  for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${load_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  load_pids=()
  load_names=()
}

# run_loadgen PORTS PIDS: the generator against the nodes on PORTS (comma-separated), reporting
# the memory of PIDS (the same order); prints its JSON report and returns its status.
run_loadgen() {
  local status=0 name
  "$loadgen" --ports="$1" --auth-key="$load_key" --server-pid="$2" \
    --connections="${LOAD_CONNECTIONS:-1000}" --room-size="${LOAD_ROOM_SIZE:-4}" \
    --seconds="${LOAD_SECONDS:-10}" --rate="${LOAD_RATE:-2}" --churn="${LOAD_CHURN:-20}" || status=$?
  # A failed run says why from the servers' side while their logs still exist: why each ended
  # connections (counted), and its last lines about the node itself (not one request or socket).
  if ((status)); then
    for name in "${load_names[@]}"; do
      echo "load: server $name ended connections with:" >&2
      grep -o 'websocket ended: .*' "$load_data/$name.log" | sort | uniq -c | sort -rn >&2 || true
      awk '$2 !~ /^[a-z][0-9]+$/' "$load_data/$name.log" | tail -n 10 >&2
    done
  fi
  return "$status"
}
