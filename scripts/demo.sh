#!/usr/bin/env bash
# Run the demo: set everything up, then start the local NFDI-compatible hub
# with the demo user's JupyterLab pointed at it. Stop with Ctrl-C.
#
# The spawned JupyterLabs' page token may list, start and stop the user's
# servers and reach them (--page-token-scopes), so the extension needs no
# pasted token. Options are passed on to hub/localhub.py, e.g. --port 8001,
# --base-url /jhub/, or --preset-token to write demo's API token into the
# extension's settings as well.
#
# The password and the API tokens are random, drawn on the first start and
# kept in hub/.state/credentials.json (mode 0600); the hub prints the login
# when it is ready. Run as root, the hub is told --allow-root (its servers and
# their terminals then run as root too), and this script says so.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"

cd "$ROOT"
extra=()
if [ "$(id -u)" -eq 0 ]; then
  echo "  ! Running as root: the hub gets --allow-root, so its servers and their terminals run as root too."
  extra+=(--allow-root)
fi
echo "  … Starting the local hub (it prints the URL and the login when ready; Ctrl-C stops it)"
exec "$ROOT/.venv/bin/python" hub/localhub.py --page-token-scopes 'servers!user,access:servers' ${extra[@]+"${extra[@]}"} "$@"
