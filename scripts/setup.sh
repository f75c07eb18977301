#!/usr/bin/env bash
# Set up everything the demo and the tests need, from a fresh clone:
# a virtualenv with JupyterLab and JupyterHub, the npm packages, the built
# extension installed in development mode, and (with --browser) Chromium.
#
# Safe to run again: steps whose inputs did not change are skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WITH_BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --browser) WITH_BROWSER=1 ;;
    *) echo "usage: $0 [--browser]" >&2; exit 2 ;;
  esac
done

step() { printf '\n==> %s\n' "$*"; }

# Skip a step when the files it depends on have not changed since it last ran.
STAMPS="$ROOT/.venv/.stamps"
stamp_ok() { [ -f "$STAMPS/$1" ] && [ "$(cat "$STAMPS/$1")" = "$(cat "${@:2}" | sha256sum)" ]; }
stamp_set() { mkdir -p "$STAMPS"; cat "${@:2}" | sha256sum > "$STAMPS/$1"; }

command -v python3 >/dev/null || { echo "python3 (3.9 or newer) is needed" >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js (20 or newer) is needed" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  step "Creating the virtualenv .venv"
  python3 -m venv .venv
fi
export PATH="$ROOT/.venv/bin:$PATH"

if ! stamp_ok python requirements-dev.txt hub/requirements.txt; then
  step "Installing Python packages (JupyterLab, JupyterHub, test tools)"
  python -m pip install --quiet --upgrade pip
  python -m pip install --quiet -r requirements-dev.txt
  stamp_set python requirements-dev.txt hub/requirements.txt
fi

if ! stamp_ok npm package.json yarn.lock || [ ! -d node_modules ]; then
  step "Installing the extension's npm packages"
  jlpm install
  stamp_set npm package.json yarn.lock
fi

if ! stamp_ok hubnpm hub/package.json hub/package-lock.json || [ ! -d hub/node_modules ]; then
  step "Installing configurable-http-proxy for the local hub"
  (cd hub && npm ci --no-audit --no-fund --loglevel=error)
  stamp_set hubnpm hub/package.json hub/package-lock.json
fi

step "Building the extension"
jlpm build

if ! python -c "import jupyterlab_nfdi_launcher" 2>/dev/null; then
  step "Installing the extension in development mode"
  python -m pip install --quiet --no-build-isolation --no-deps -e .
fi
jupyter labextension develop . --overwrite >/dev/null

if [ "$WITH_BROWSER" = 1 ]; then
  if ! stamp_ok uinpm ui-tests/package.json ui-tests/yarn.lock || [ ! -d ui-tests/node_modules ]; then
    step "Installing the UI test packages"
    (cd ui-tests && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 jlpm install)
    stamp_set uinpm ui-tests/package.json ui-tests/yarn.lock
  fi
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ]; then
      step "Installing Debian's chromium for the UI tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "The UI tests need /usr/bin/chromium: install it (e.g. 'sudo apt-get install chromium') and run again." >&2
      exit 1
    fi
  fi
fi
