"""gunicorn settings for production (scripts/run-prod.sh and the container).

Why gthread: a request spends almost all its time waiting on the LLM (seconds) and very little on
CPU. Threads wait cheaply, need no monkey-patching (psycopg, the openai SDK's httpx client and
argon2 all release the GIL while they wait or hash), and keep the code plain synchronous Flask.
One worker per core keeps CPU-bound work parallel. Each worker runs LLM_MAX_IN_FLIGHT (default
512) LLM-bound requests at once plus 64 threads for short routes and for the at-once 503
`overloaded` past that limit (radpair/llm/admission.py counts per process, which a lock does
correctly for threads): 2 workers hold 1,024 drafts in flight, with no queue behind them. The
PostgreSQL pool per worker (DB_POOL_MAX) stays small because no request holds a connection while
it waits on the LLM: database work is a few short transactions per request.

Measured for issue #14 (BENCHMARKS.md, "Many radiologists at once"): stub answering in 2 s,
wrk on loopback, 2 shared cores. Memory is not the limit (~300 MiB for the whole server with
1,000 clients and 1,152 threads, once the PHI name lists are read at start-up). CPU is: a draft
costs 10-14 ms of CPU in one thread (PHI gate ~3, verifier ~3, the SDK call ~2, the rest ~2) and
14-15 ms in this server under load, a streamed one ~7 ms more, so 1,000 clients on a 2 s model
(~500 drafts/s asked) need several cores more than this machine has. Even a minimal app under
this config that only drafts through the same LLM client (bench/minimal_draft_app.py) spends
~6 ms per draft and reaches 0.30-0.44 of the stub's rate at 1,000 clients: the issue's figure
cannot be met on two cores shared with the stub and the load generator. The LLM client spreads
its threads over 16 connection pools (radpair/llm/guard.py): one pool shared by 500 threads in
flight cost ~2 ms more CPU per call. With a real model (10-20 s a draft) 1,000 in flight is
50-100 drafts/s, within one instance's CPU; with a 2 s model, size LLM_MAX_IN_FLIGHT down (~128
per worker here) so the excess gets a fast 503 instead of slowing every draft.

gevent was measured again for this (`--worker-class gevent --worker-connections 2000`, psycopg 3
cooperates with gevent by itself since 3.1.14, the SDK's httpx uses patched sockets): with the
same load it was worse, not better (256 clients: 44 drafts/s vs 68 for gthread; 1,000: 10 vs 40),
because the CPU-bound steps (verification, JSON, the SDK) run one greenlet at a time per worker
and an argon2 hash or an automaton rebuild would stall every request of the worker. Earlier
measurements (short routes +50% under gevent) did not change the choice: gthread stays.
"""

import multiprocessing
import sys

from radpair.exceptions import ConfigurationError
from radpair.gunicorn_support import LOGCONFIG, cap_malloc_retention, install_json_errors
from radpair.settings import Settings

try:
    _settings = Settings.from_environment()
except ConfigurationError as error:
    # A clear one-line refusal (for example PROD without DATABASE_URL), not a traceback.
    sys.exit(f"radpair-api: refusing to start: {error}")

# Before the workers fork, so each inherits it: flat memory with many threads and argon2 logins.
cap_malloc_retention()

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
