#!/usr/bin/env bash
# Production server: gunicorn with the repository's config (the container's command).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_python
export RUNTIME_ENVIRONMENT="${RUNTIME_ENVIRONMENT:-PROD}"
# glibc gives every thread its own malloc arena; with 48 threads per worker that grows memory in
# ~19 MiB steps for tens of thousands of requests. Two arenas keep it flat at about half the size.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$PY" -m gunicorn --config "$ROOT/backend-app/gunicorn.conf.py" "radpair.wsgi:app"
