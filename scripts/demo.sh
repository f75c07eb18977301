#!/usr/bin/env bash
# Run the demo: set everything up, then start the local NFDI-compatible hub
# with the demo user's JupyterLab pointed at it. Stop with Ctrl-C.
#
# Options are passed on to hub/localhub.py, e.g. --port 8001 or --base-url /jhub/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"

cd "$ROOT"
echo "  … Starting the local hub (it prints the URL and the login when ready; Ctrl-C stops it)"
exec "$ROOT/.venv/bin/python" hub/localhub.py --preset-token "$@"
