"""gunicorn settings for production (scripts/run-prod.sh and the container).

Why gthread: a request spends almost all its time waiting on the LLM (seconds) and very little on
CPU. Threads wait cheaply, need no monkey-patching (psycopg, the openai SDK's httpx client and
argon2 all release the GIL while they wait or hash), and keep the code plain synchronous Flask.
Sizing for the 2-core target machine: one worker per core keeps CPU-bound work parallel; 48
threads per worker lets 96 requests wait on the LLM at once (the benchmark drives 64). The
PostgreSQL pool per worker (DB_POOL_MAX) stays small because no request holds a connection while it
waits on the LLM: database work is a few short transactions per request.

gevent was measured too (BENCHMARKS.md): about 50% more requests/s on short routes, but the
worker runs one greenlet at a time, so a CPU-bound stretch (an argon2 hash, rebuilding a
100,000-macro automaton after an import, verifying a 20,000-character draft) would stall every
request of that worker, where threads keep switching. Throughput was not worth that stall.
"""

import multiprocessing
import sys

from radpair.exceptions import ConfigurationError
from radpair.gunicorn_support import LOGCONFIG, install_json_errors
from radpair.settings import Settings

try:
    _settings = Settings.from_environment()
except ConfigurationError as error:
    # A clear one-line refusal (for example PROD without DATABASE_URL), not a traceback.
    sys.exit(f"radpair-api: refusing to start: {error}")

bind = f"{_settings.host}:{_settings.port}"
worker_class = "gthread"
workers = max(2, min(multiprocessing.cpu_count(), 4))
# Every LLM-bound request holds a thread while it waits on the model, up to LLM_MAX_IN_FLIGHT;
# the rest answer short routes and the at-once 503s past that limit.
SHORT_ROUTE_THREADS = 64
threads = _settings.llm_max_in_flight + SHORT_ROUTE_THREADS
# Streaming drafts can take as long as the LLM timeout allows, plus margin.
timeout = int(max(60, _settings.llm_timeout_s * 3))
graceful_timeout = 30
keepalive = 5
# Each worker builds its app (pool threads must not cross a fork); create_app() warms the prompt,
# verifier rules and macro automaton before the worker accepts its first request.
preload_app = False
accesslog = None
errorlog = "-"
loglevel = "warning"
# gunicorn's own log lines are JSON like the app's, and its own 400/414/431 answers JSON too.
logconfig_dict = LOGCONFIG
install_json_errors()
# gunicorn sends "Server: gunicorn" without a version; the app adds no version header either.
proc_name = "radpair-api"
max_requests = 0
limit_request_line = 8190
# Slow clients: a gthread worker reads a new connection's headers on one of its threads, so
# clients trickling headers can hold every thread (gunicorn has no header timeout). Production
# runs behind nginx (deploy/nginx.conf), which buffers whole requests before passing them on.
forwarded_allow_ips = "127.0.0.1"


def post_fork(server, worker):
    """Nothing to reopen: each worker builds its own pool in create_app()."""
