#!/usr/bin/env bash
# Benchmarks, each a ratio measured side by side in one run: macro engine vs the prototype,
# /status vs bare Flask, /process-command vs /status, a slow LLM with 64 clients, logins vs
# /status latency, the verifier's scores, and drafts with 256/512/1,000 clients against a 2 s
# stub vs the stub alone (`--only load [--clients 256] [--modes json] [--floor]` runs that part
# alone; `--floor` adds a minimal app drafting through the same LLM client). `--quick` finishes in
# under 3 minutes.
# Results: backend-app/bench/results/latest.json and a table on stdout (see BENCHMARKS.md).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_python
"$ROOT/scripts/setup-test-tools.sh"
cd "$ROOT/backend-app"
exec "$PY" -m bench.run_all "$@"
