#!/usr/bin/env bash
# Run the demo: set everything up, then start the local NFDI-compatible hub
# with the demo user's JupyterLab pointed at it. Stop with Ctrl-C.
#
# The spawned JupyterLabs' page token may list, start and stop the user's
# servers and reach them (--page-token-scopes), so the extension needs no
# pasted token. Options are passed on to hub/localhub.py, e.g. --port 8001,
# --base-url /jhub/, or --preset-token to write demo's API token into the
# extension's settings as well.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"

cd "$ROOT"
echo "  … Starting the local hub (it prints the URL and the login when ready; Ctrl-C stops it)"
exec "$ROOT/.venv/bin/python" hub/localhub.py --page-token-scopes 'servers!user,access:servers' "$@"
