#!/usr/bin/env bash
# A throwaway Redis server on loopback for the test suites: Debian's redis-server package, a data
# folder in the temp folder and a port, both derived from this checkout's path so that two
# checkouts never share a server (CALLSESSION_TEST_REDIS_PORT overrides the port).
#   redis.sh start   starts it and prints its URL (redis://127.0.0.1:PORT)
#   redis.sh stop    stops it
# Nothing is persisted: the suites only use pub/sub and short-lived keys.
set -euo pipefail
cd "$(dirname "$0")/.."

checkout=$(printf %s "$PWD" | cksum | cut -d' ' -f1)
# 40000-49999: clear of postgres.sh's 50000-59999, so the two never collide for one checkout.
port=${CALLSESSION_TEST_REDIS_PORT:-$((40000 + checkout % 10000))}
data=${TMPDIR:-/tmp}/callsession-redis-$checkout
server=/usr/bin/redis-server
cli=/usr/bin/redis-cli
[[ -x "$server" && -x "$cli" ]] || { echo "redis.sh: no Redis server; scripts/setup.sh installs it" >&2; exit 1; }

ping() { [[ $("$cli" -h 127.0.0.1 -p "$port" ping 2>/dev/null) == PONG ]]; }

case "${1:-}" in
  start)
    if ! ping; then
      mkdir -p "$data"
      # Loopback only, no snapshots or append-only file; daemonized, so this script can return
      # while the server keeps running until `stop`.
      "$server" --daemonize yes --port "$port" --bind 127.0.0.1 --dir "$data" --save '' \
        --appendonly no --pidfile "$data/redis.pid" --logfile "$data/server.log" >/dev/null
      for _ in $(seq 100); do ping && break; sleep 0.1; done
      ping || { echo "redis.sh: the server did not answer on port $port; see $data/server.log" >&2; exit 1; }
    fi
    echo "redis://127.0.0.1:$port"
    ;;
  stop)
    "$cli" -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
    # A clean shutdown removes the pidfile. One left names a server that refused (redis-cli exits 0
    # on an error reply) or no longer answers: it is ended by its pid, if that is still a Redis
    # server (a stale file could name any process by now).
    if [[ -f "$data/redis.pid" ]]; then
      pid=$(cat "$data/redis.pid")
      if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == redis-server ]]; then
        kill "$pid"
        for _ in $(seq 50); do [[ -d /proc/$pid ]] || break; sleep 0.1; done
      fi
      rm -f "$data/redis.pid"
    fi
    ;;
  *)
    echo "usage: redis.sh start|stop" >&2
    exit 2
    ;;
esac
