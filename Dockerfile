# syntax=docker/dockerfile:1
# Multi-stage build: wheels are built in the first stage; the runtime image has no compiler,
# runs as a non-root user and serves with gunicorn (scripts/run-prod.sh).

FROM python:3.11-slim-bookworm AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY backend-app/radpair backend-app/radpair
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    RUNTIME_ENVIRONMENT=PROD \
    HOST=0.0.0.0 \
    PORT=5000 \
    RADPAIR_PYTHON=python3 \
    RADPAIR_HOME=/app
# glibc's malloc is tuned by gunicorn.conf.py itself (radpair/gunicorn_support.py), not here.
RUN groupadd --system radpair && useradd --system --gid radpair --home-dir /app radpair
WORKDIR /app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
# The scripts, changelog, spec and gunicorn config are used at run time (operators run the
# scripts inside the container; /openapi.yaml serves the spec; readiness reads the changelog).
COPY --chown=radpair:radpair scripts scripts
COPY --chown=radpair:radpair db db
COPY --chown=radpair:radpair openapi openapi
COPY --chown=radpair:radpair backend-app/gunicorn.conf.py backend-app/gunicorn.conf.py
USER radpair
EXPOSE 5000
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
    CMD python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5000/status', timeout=2)"
CMD ["./scripts/run-prod.sh"]
