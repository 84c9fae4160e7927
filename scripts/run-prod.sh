#!/usr/bin/env bash
# Production server: gunicorn with the repository's config (the container's command).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_python
export RUNTIME_ENVIRONMENT="${RUNTIME_ENVIRONMENT:-PROD}"
exec "$PY" -m gunicorn --config "$ROOT/backend-app/gunicorn.conf.py" "radpair.wsgi:app"
