#!/usr/bin/env bash
# The benchmark: sets everything up (as scripts/test.sh does), starts local
# hubs and the standalone JupyterLab, drives headless Chromium through the
# launch flow, and prints a table of figures with their goals, the date and
# the machine's load. Not part of the test run; takes about 10 minutes.
#
#   bash scripts/bench.sh [--no-setup]
#
# It measures the production build (as the wheel ships it), in place of the
# checkout's development build, which it builds again at the end.
#
# --no-setup: skip scripts/setup.sh (a checkout that is set up already).
# The figures (raw samples) go to .bench-results/figures.json, the table to
# .bench-results/table.md. What each figure means: docs/benchmark.md.
#
# Exits 0 whenever the bench ran, goals met or not; non-zero only if it
# could not run (set-up failed, no figure recorded).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

setup=1
for arg in "$@"; do
  case "$arg" in
    --no-setup) setup=0 ;;
    *) echo "usage: $0 [--no-setup]" >&2; exit 2 ;;
  esac
done

if [ "$setup" = 1 ] && ! bash scripts/setup.sh --browser; then
  echo "Set-up failed; the bench did not run."
  exit 1
fi
export PATH="$ROOT/.venv/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Measure what a release ships: the production bundle (minified), in place
# of the development build the set-up made (built again at the end).
printf '\n==> Production build of the extension\n'
if ! jlpm build:prod; then
  echo "The production build failed; the bench did not run."
  exit 1
fi

OUT="$ROOT/.bench-results"
FIGURES="$OUT/figures.json"
rm -rf "$OUT"
mkdir -p "$OUT"

load() { python -c 'import os; print(" ".join(f"{x:.2f}" for x in os.getloadavg()))'; }

if (exec 3<>/dev/tcp/127.0.0.1/"${NFDI_UI_TEST_PORT:-8888}") 2>/dev/null; then
  echo "Note: a server already listens on port ${NFDI_UI_TEST_PORT:-8888}; the bench uses it as its JupyterLab."
fi

started="$(date '+%F %T %Z')"
load_before="$(load)"
printf '\n==> Bench (Playwright, headless chromium; about 10 minutes)\n'
(cd ui-tests && NFDI_BENCH_OUT="$FIGURES" jlpm playwright test -c bench.config.js)
bench_status=$?
load_after="$(load)"

printf '\n==> Development build back in place\n'
if ! jlpm build >/dev/null 2>&1; then
  echo "The development build failed; run 'jlpm build' to see why."
fi

printf '\n==> Figures\n'
if ! python scripts/bench_table.py "$FIGURES" --date "$started" \
  --load-before "$load_before" --load-after "$load_after" | tee "$OUT/table.md"; then
  echo "The bench recorded no figures: it could not run."
  exit 1
fi
if [ "$bench_status" -ne 0 ]; then
  echo
  echo "Some bench steps failed (see above): their figures say 'not measured'."
fi
exit 0
