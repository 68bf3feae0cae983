#!/usr/bin/env bash
# `npm run load:nodes`: what sharing rooms between nodes costs. One invocation, the sizes of
# scripts/load.sh (the same LOAD_* variables and defaults), two runs one after the other:
#   one node    its default configuration (rooms in-process, SQLite), exactly as `npm run load`;
#   two nodes   rooms shared through Redis, the store through PostgreSQL (a fresh database), the
#               members of every room alternating between the nodes, so every relay crosses Redis.
# Prints both JSON reports, then a table side by side; exits non-zero if either run failed or
# leaked a participant. The nodes listen on LOAD_PORT (default 18480) and the port after it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load-common.sh

# Redis and PostgreSQL of this run alone, through scripts/redis.sh and scripts/postgres.sh, on
# free ports and in folders of their own: by default those scripts share one server per checkout
# with `npm test`, which a test run may be using (and this run's `stop` would end).
services=$(mktemp -d)
trap 'rm -rf "$load_data" "$services"' EXIT # until the servers start, below
chmod 711 "$services" # as root, PostgreSQL runs as the postgres user, who must reach its folder
read -r redis_port pg_port < <(node -e '
  const net = require("node:net");
  const probes = [net.createServer(), net.createServer()];
  let open = 0;
  for (const p of probes) p.listen(0, "127.0.0.1", () => {
    if (++open < probes.length) return;
    console.log(probes.map((q) => q.address().port).join(" "));
    for (const q of probes) q.close();
  });')
own_redis() { CALLSESSION_TEST_REDIS_PORT=$redis_port TMPDIR=$services bash scripts/redis.sh "$1"; }
own_postgres() { CALLSESSION_TEST_PG_PORT=$pg_port TMPDIR=$services bash scripts/postgres.sh "$1"; }
trap 'stop_nodes; own_redis stop; own_postgres stop; rm -rf "$load_data" "$services"' EXIT
redis_url=$(own_redis start)
pg_server=$(own_postgres start)
psql "$pg_server dbname=postgres" --quiet --no-psqlrc --command 'CREATE DATABASE callsession_load'

port=${LOAD_PORT:-18480}
reports=()
failed=0
echo "== one node: rooms in-process, SQLite" >&2
start_node single "$port"
reports+=("$(run_loadgen "$port" "${load_pids[0]}")") || failed=1
stop_nodes
echo "${reports[0]}"

echo "== two nodes: rooms through Redis, PostgreSQL" >&2
# A token minted at one node must verify at the other: one signing secret.
shared=(CALLSESSION_REDIS_URL="$redis_url"
  CALLSESSION_DATABASE_URL="$pg_server dbname=callsession_load"
  CALLSESSION_SECRET="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')")
start_node node-a "$port" "${shared[@]}" # first alone: it creates the schema
start_node node-b "$((port + 1))" "${shared[@]}"
reports+=("$(run_loadgen "$port,$((port + 1))" "${load_pids[0]},${load_pids[1]}")") || failed=1
stop_nodes
echo "${reports[1]}"

# The table: a report that is not JSON (the generator stopped early) shows as dashes.
# shellcheck disable=SC2016 # the ${…} are JavaScript's
node -e '
  const parse = (text) => { try { return JSON.parse(text); } catch { return {}; } };
  const [one, two] = process.argv.slice(1).map(parse);
  const ms = (micros) => (micros === undefined ? "-" : (micros / 1000).toFixed(2));
  const fixed = (n) => (n === undefined ? "-" : n.toFixed(0));
  const ratio = (a, b) => (a === undefined || b === undefined ? "" : (b / a).toFixed(2));
  const held = (r) => (r.held === undefined ? "-" : `${r.held}/${r.connections}`);
  const rows = [
    ["", "one node", "two nodes", "two/one"],
    ["connections held", held(one), held(two), ""],
    ["relayed messages/s", fixed(one.relayedPerSecond), fixed(two.relayedPerSecond),
      ratio(one.relayedPerSecond, two.relayedPerSecond)],
    ["relay p50 (ms)", ms(one.relayP50Micros), ms(two.relayP50Micros), ""],
    ["relay p99 (ms)", ms(one.relayP99Micros), ms(two.relayP99Micros),
      ratio(one.relayP99Micros, two.relayP99Micros)],
  ];
  for (const [name, ...cells] of rows) {
    console.log(name.padEnd(20) + cells.map((cell) => cell.padStart(12)).join(""));
  }
' "${reports[@]}"
exit "$failed"
