#!/usr/bin/env bash
# Shared by the scripts in this folder (sourced, not run): project root, Python, database selection.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Inside the container the package is installed system-wide; elsewhere use (and create) .venv.
use_python() {
    if [ -n "${RADPAIR_PYTHON:-}" ]; then
        PY="$RADPAIR_PYTHON"
    elif python3 -c "import radpair" >/dev/null 2>&1 && [ ! -d "$ROOT/.venv" ]; then
        PY="python3"
    else
        "$ROOT/scripts/setup-venv.sh" >&2
        PY="$ROOT/.venv/bin/python"
    fi
    export PY
}

# DATABASE_URL wins; otherwise start (or reuse) the embedded PostgreSQL under ./var/.
select_database() {
    if [ -z "${DATABASE_URL:-}" ]; then
        eval "$("$PY" -m radpair db-env)"
    fi
    export DATABASE_URL
}

# Stop the embedded PostgreSQL only if this script started it.
stop_embedded_if_started() {
    if [ "${RADPAIR_EMBEDDED_STARTED:-0}" = "1" ]; then
        "$PY" -m radpair db-stop || true
    fi
}
