#!/usr/bin/env bash
# Lint (black --check, flake8) and every test layer: unit, integration, api, system.
# Uses DATABASE_URL's server when set (tests create and drop their own databases on it),
# else the embedded PostgreSQL under ./var/.
#   ./scripts/run-tests.sh            everything (what CI runs)
#   ./scripts/run-tests.sh --fast     lint, then unit + api tests not marked slow or browser
# Any other arguments go to pytest.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_python
fast=0
if [ "${1:-}" = "--fast" ]; then
    fast=1
    shift
else
    "$ROOT/scripts/setup-test-tools.sh"
fi
echo "== black"
"$PY" -m black --check --quiet .
echo "== flake8"
"$PY" -m flake8
echo "== pytest"
if [ "$fast" = "1" ]; then
    exec "$PY" -m pytest -p no:cacheprovider -m "not slow and not browser" \
        backend-app/tests/unit backend-app/tests/api "$@"
fi
exec "$PY" -m pytest -p no:cacheprovider "$@"
