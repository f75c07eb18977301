#!/usr/bin/env bash
# Set up everything the demo and the tests need, from a fresh clone:
# a virtualenv with JupyterLab and JupyterHub, the npm packages, the built
# extension installed in development mode, and (with --browser) Chromium.
#
# Prints one line per step with the time it took; the tools' own output
# (pip, jlpm, npm, apt-get, jupyter) goes to .setup.log. When a step fails it
# shows the end of that log and exits non-zero.
#
# Safe to run again: steps whose inputs did not change are skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LOG="$ROOT/.setup.log"
STAMPS="$ROOT/.venv/.stamps"
LOG_TAIL_LINES=30

# On a terminal a step's "…" line is replaced by its result line.
if [ -t 1 ]; then REWRITE=$'\r\033[K'; else REWRITE=''; fi

# --- Output -----------------------------------------------------------------

# step_started HINT: say what a long step is doing before it starts.
step_started() {
  if [ -n "$REWRITE" ]; then printf '  … %s' "$1"; else printf '  … %s\n' "$1"; fi
}

step_done() { printf '%s  ✓ %-56s %4d s\n' "$REWRITE" "$1" "$2"; }

step_skipped() { printf '  ✓ %-56s skipped (%s)\n' "$1" "${2:-up to date}"; }

# step_failed TITLE SECONDS STATUS: show the end of the log and stop.
step_failed() {
  printf '%s  ✗ %-56s failed after %d s\n' "$REWRITE" "$1" "$2"
  printf '\n--- last %d lines of %s ---\n' "$LOG_TAIL_LINES" "$LOG"
  tail -n "$LOG_TAIL_LINES" "$LOG"
  printf -- '---\nSet-up failed (exit code %d). The whole log: %s\n' "$3" "$LOG"
  exit "$3"
}

# run_step TITLE HINT COMMAND [ARGS...]: run COMMAND (a function or a program)
# with its output in the log. HINT, if not empty, is shown while it runs.
run_step() {
  local title=$1 hint=$2 started=$SECONDS status
  shift 2
  [ -z "$hint" ] || step_started "$hint"
  printf '\n===== %s (%s)\n$ %s\n' "$title" "$(date '+%F %T')" "$*" >>"$LOG"
  # A subshell with its own `set -e`, outside any `if`, so that the first
  # failing command inside a step function fails the step.
  set +e
  (set -e; "$@") >>"$LOG" 2>&1 </dev/null
  status=$?
  set -e
  if [ "$status" -ne 0 ]; then step_failed "$title" $((SECONDS - started)) "$status"; fi
  step_done "$title" $((SECONDS - started))
}

die() { echo "$*" >&2; exit 1; }

# --- Skipping steps whose inputs did not change --------------------------------

stamp_ok() { [ -f "$STAMPS/$1" ] && [ "$(cat "$STAMPS/$1")" = "$(cat "${@:2}" | sha256sum)" ]; }
stamp_set() { mkdir -p "$STAMPS"; cat "${@:2}" | sha256sum >"$STAMPS/$1"; }

# --- The steps ----------------------------------------------------------------

install_python_packages() {
  python -m pip install --progress-bar off --upgrade pip
  python -m pip install --progress-bar off -r requirements-dev.txt
}

install_hub_npm_packages() { (cd hub && npm ci --no-audit --no-fund --loglevel=error); }

install_ui_test_packages() { (cd ui-tests && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 jlpm install); }

# After `jlpm build`: the editable install need not build again.
install_development_mode() {
  if ! python -m pip show --quiet jupyterlab-nfdi-launcher 2>/dev/null; then
    SKIP_JUPYTER_BUILDER=1 python -m pip install --progress-bar off --no-build-isolation --no-deps -e .
  fi
  jupyter labextension develop . --overwrite
}

install_chromium() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
}

setup_python() {
  if [ -x .venv/bin/python ]; then
    step_skipped "Python virtualenv (.venv)" "exists"
  else
    run_step "Python virtualenv (.venv)" "" python3 -m venv .venv
  fi
  export PATH="$ROOT/.venv/bin:$PATH"

  local title="Python packages (JupyterLab, JupyterHub, test tools)"
  if stamp_ok python requirements-dev.txt hub/requirements.txt; then
    step_skipped "$title"
  else
    run_step "$title" "Installing Python packages (first run takes ~2 min)" install_python_packages
    stamp_set python requirements-dev.txt hub/requirements.txt
  fi
}

setup_npm() {
  local title="npm packages of the extension"
  if stamp_ok npm package.json yarn.lock && [ -d node_modules ]; then
    step_skipped "$title"
  else
    run_step "$title" "Installing the extension's npm packages (first run takes ~2 min)" jlpm install
    stamp_set npm package.json yarn.lock
  fi

  title="configurable-http-proxy for the local hub"
  if stamp_ok hubnpm hub/package.json hub/package-lock.json && [ -d hub/node_modules ]; then
    step_skipped "$title"
  else
    run_step "$title" "Installing configurable-http-proxy (npm)" install_hub_npm_packages
    stamp_set hubnpm hub/package.json hub/package-lock.json
  fi
}

# The editable install is there and JupyterLab's link points at our build.
development_mode_ok() {
  local link=".venv/share/jupyter/labextensions/jupyterlab-nfdi-launcher"
  [ -L "$link" ] &&
    [ "$(readlink -f "$link")" = "$(readlink -f jupyterlab_nfdi_launcher/labextension)" ] &&
    python -m pip show --quiet jupyterlab-nfdi-launcher 2>/dev/null
}

setup_extension() {
  run_step "Extension build (TypeScript, labextension)" \
    "Building the extension (TypeScript, labextension)" jlpm build

  local title="Extension installed in development mode"
  if development_mode_ok; then
    step_skipped "$title"
  else
    run_step "$title" "" install_development_mode
  fi
}

setup_browser() {
  local title="npm packages of the UI tests (Galata)"
  if stamp_ok uinpm ui-tests/package.json ui-tests/yarn.lock && [ -d ui-tests/node_modules ]; then
    step_skipped "$title"
  else
    run_step "$title" "Installing the UI tests' npm packages" install_ui_test_packages
    stamp_set uinpm ui-tests/package.json ui-tests/yarn.lock
  fi

  title="Chromium for the UI tests"
  if [ -x /usr/bin/chromium ]; then
    step_skipped "$title" "installed"
  elif [ "$(id -u)" = 0 ]; then
    run_step "$title" "Installing Debian's chromium (apt-get)" install_chromium
  else
    die "The UI tests need /usr/bin/chromium: install it (e.g. 'sudo apt-get install chromium') and run again."
  fi
}

# --- Main ---------------------------------------------------------------------

main() {
  local with_browser=0 arg
  for arg in "$@"; do
    case "$arg" in
      --browser) with_browser=1 ;;
      *) echo "usage: $0 [--browser]" >&2; exit 2 ;;
    esac
  done

  command -v python3 >/dev/null || die "python3 (3.9 or newer) is needed"
  command -v node >/dev/null || die "Node.js (20 or newer) is needed"

  : >"$LOG"
  echo "Setting up (the tools' output goes to ${LOG#"$ROOT"/})"
  setup_python
  setup_npm
  setup_extension
  if [ "$with_browser" = 1 ]; then setup_browser; fi
  echo "Set-up done in $SECONDS s."
}

main "$@"
