#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and serves the product. The server
# prints its ready line with the demo meeting's URL; Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
server=build/native/src/server/callsession-server
if [[ ! -x "$server" ]]; then
  echo "start: the server is not built yet (issue 3); the SDK and the core built fine." >&2
  exit 1
fi
# The default store is ./data/callsession.db; CALLSESSION_DB may point elsewhere.
mkdir -p "$(dirname "${CALLSESSION_DB:-data/callsession.db}")"
echo "start: http${CALLSESSION_TLS_CERT:+s}://127.0.0.1:${PORT:-8080}/ starts a meeting; Ctrl-C stops the server."
# exec: the server is the foreground process, so Ctrl-C reaches it directly and its exit code is ours.
exec "$server"
