#!/usr/bin/env bash
# Apply the Liquibase changelog (db/changelog/changelog.yaml) to DATABASE_URL, or to the embedded
# PostgreSQL when DATABASE_URL is unset. Uses `liquibase` on PATH, else the npm distribution.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_python
exec "$PY" -m radpair migrate
