#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and serves the product.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
server=build/native/src/server/callsession-server
if [[ ! -x "$server" ]]; then
  echo "start: the server is not built yet (issue 3); the SDK and the core built fine." >&2
  exit 1
fi
exec "$server"
