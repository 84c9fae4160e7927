#!/usr/bin/env bash
# Development server: sets up .venv, selects the database (embedded PostgreSQL under ./var/ unless
# DATABASE_URL is set), migrates, creates a demo account if there is no user, serves on HOST:PORT.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_python
export RUNTIME_ENVIRONMENT="${RUNTIME_ENVIRONMENT:-DEV}"
select_database
trap stop_embedded_if_started EXIT
"$PY" -m radpair migrate
if [ "$RUNTIME_ENVIRONMENT" = "DEV" ]; then
    "$PY" -m radpair ensure-demo-user
fi
echo "radpair-api: serving on http://${HOST:-127.0.0.1}:${PORT:-5000} (docs at /docs)"
"$PY" -m radpair serve-dev
