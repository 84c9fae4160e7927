#!/usr/bin/env bash
# Lint (black --check, flake8) and every test layer: unit, integration, api, system.
# Uses DATABASE_URL's server when set (tests create and drop their own databases on it),
# else the embedded PostgreSQL under ./var/.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_python
"$ROOT/scripts/setup-test-tools.sh"
echo "== black"
"$PY" -m black --check --quiet .
echo "== flake8"
"$PY" -m flake8
echo "== pytest"
exec "$PY" -m pytest -p no:cacheprovider "$@"
