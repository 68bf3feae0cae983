#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the test suites: Debian's postgresql package, a
# data folder in the temp folder and a port, both derived from this checkout's path so that two
# checkouts never share a server (CALLSESSION_TEST_PG_PORT overrides the port).
#   postgres.sh start   starts it (initdb on first use) and prints the libpq connection string
#   postgres.sh stop    stops it
# PostgreSQL refuses to run as root, so as root the server runs as the package's postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."

checkout=$(printf %s "$PWD" | cksum | cut -d' ' -f1)
port=${CALLSESSION_TEST_PG_PORT:-$((50000 + checkout % 10000))}
# Not under the checkout: the server runs as the postgres user, who may not enter the checkout's
# parent folders (a clone under /root, say).
data=${TMPDIR:-/tmp}/callsession-postgres-$checkout
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x "$bin/pg_ctl" ]] || { echo "postgres.sh: no PostgreSQL server; scripts/setup.sh installs it" >&2; exit 1; }

as_owner=()
if [[ $(id -u) -eq 0 ]]; then as_owner=(runuser -u postgres --); fi

case "${1:-}" in
  start)
    mkdir -p "$data"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$data"
    if [[ ! -f "$data/PG_VERSION" ]]; then
      "${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >"$data.initdb.log"
    fi
    if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      # Loopback only; the socket folder is the data folder, so no system folder is needed.
      "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $data -c fsync=on" start >/dev/null
    fi
    echo "host=127.0.0.1 port=$port user=postgres"
    ;;
  stop)
    if [[ -f "$data/PG_VERSION" ]]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: postgres.sh start|stop" >&2
    exit 2
    ;;
esac
