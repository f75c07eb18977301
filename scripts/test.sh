#!/usr/bin/env bash
# Run every test: lint, jest, the local hub's pytest tests (with the packaging
# test), and the Galata UI tests in headless Debian chromium. Sets everything
# up first. Ends with "N passed, N failed"; exits non-zero if anything failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.venv/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

RESULTS="$ROOT/.test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

if ! bash scripts/setup.sh --browser; then
  echo "Set-up failed; no test ran."
  echo "0 passed, 1 failed"
  exit 1
fi

section() { printf '\n==> %s\n' "$*"; }

section "Lint (eslint, prettier, stylelint)"
if jlpm lint:check; then echo pass > "$RESULTS/lint.txt"; else echo fail > "$RESULTS/lint.txt"; fi

section "Unit tests (jest)"
jlpm jest --ci --json --outputFile="$RESULTS/jest.json"

section "Local hub and packaging (pytest)"
# Two files at a time: each process starts the local hubs its files use (each
# in its own state folder, on its own ports); the packaging test overlaps
# with the hub tests.
python -m pytest -q -p no:cacheprovider -n 2 --dist loadfile \
  --junitxml="$RESULTS/pytest.xml" hub/tests tests

section "UI tests (Galata, headless chromium)"
(cd ui-tests && PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/galata.json" \
  jlpm playwright test --reporter=list,json)

section "Summary"
python scripts/summarize.py "$RESULTS"
