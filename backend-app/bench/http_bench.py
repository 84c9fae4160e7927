"""HTTP benchmarks against the production server (gunicorn, repo config), side by side.

Every figure is a ratio of two measurements taken in the same run, interleaved in rounds, so the
noise of a shared 2-core machine hits both sides alike.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.support import host
from tests.support.llm_stub import Behaviour, LLMStub
from tests.support.servers import gunicorn_server

BENCH_DIR = Path(__file__).resolve().parent
POST_SCRIPT = BENCH_DIR / "wrk" / "post_json.lua"
PASSWORD = "Bench-Password-42"
DICTATION = (
    "CT chest with contrast. insert normal ct chest. Comparison none. There is a 6 mm nodule "
    "in the right upper lobe. No pleural effusion. Small hiatal hernia."
)


@contextmanager
def gunicorn(
    app_spec: str,
    env: dict[str, str],
    log_dir: Path,
    chdir: Path | None = None,
    extra_args: tuple[str, ...] = (),
):
    """Production gunicorn (the config's workers and threads) for `app_spec`."""
    log = log_dir / f"gunicorn-{uuid.uuid4().hex[:6]}.log"
    with gunicorn_server(
        {**env, "LOG_LEVEL": "INFO"},
        log,
        workers=None,
        threads=None,
        app_spec=app_spec,
        chdir=chdir,
        extra_args=extra_args,
    ) as server:
        yield server


def wrk(
    url: str,
    seconds: float,
    connections: int,
    body: dict | None = None,
    token: str | None = None,
    accept: str = "",
) -> dict:
    """Run wrk; requests/s, latency percentiles (ms) and error count."""
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    env = host.environ()
    if body is not None:
        argv += ["-s", str(POST_SCRIPT)]
        env.update({"WRK_BODY": json.dumps(body), "WRK_TOKEN": token or "", "WRK_ACCEPT": accept})
    result = host.run(argv + [url], env=env, timeout=seconds + 60)
    return parse_wrk(result.stdout)


def parse_wrk(output: str) -> dict:
    """Requests/s, latency percentiles and errors from wrk's text output."""
    figures = {"errors": 0}
    for line in output.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            figures["rps"] = float(parts[1])
        elif " requests in " in line:
            figures["requests"] = int(parts[0])
        elif len(parts) == 2 and parts[0] in ("50%", "75%", "90%", "99%"):
            figures[f"p{parts[0][:-1]}_ms"] = _ms(parts[1])
        elif "Non-2xx or 3xx responses:" in line:
            figures["errors"] += int(parts[-1])
        elif line.strip().startswith("Socket errors:"):
            figures["errors"] += sum(int(x.rstrip(",")) for x in parts[3::2])
    return figures


def _ms(value: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if value.endswith(unit):
            return round(float(value[: -len(unit)]) * factor, 3)
    return float(value)


def side_by_side(measure_a, measure_b, rounds: int) -> tuple[list[dict], list[dict]]:
    """Interleave A and B for `rounds` rounds, alternating which goes first."""
    a_runs, b_runs = [], []
    for index in range(rounds):
        order = [(measure_a, a_runs), (measure_b, b_runs)]
        for measure, runs in order if index % 2 == 0 else reversed(order):
            runs.append(measure())
    return a_runs, b_runs


def rps_ratio(first: tuple, second: tuple, rounds: int, target: float) -> dict:
    """Median requests/s of two named measurements taken side by side, and their ratio."""
    (name_a, measure_a), (name_b, measure_b) = first, second
    runs_a, runs_b = side_by_side(measure_a, measure_b, rounds)
    rps_a, rps_b = median_of(runs_a, "rps"), median_of(runs_b, "rps")
    return {
        f"{name_a}_rps": rps_a,
        f"{name_b}_rps": rps_b,
        "ratio": round(rps_a / rps_b, 3),
        "errors": sum(run["errors"] for run in runs_a + runs_b),
        "target": target,
    }


def median_of(runs: list[dict], key: str) -> float:
    """Median of one figure over runs."""
    return statistics.median(run[key] for run in runs)


@contextmanager
def bench_database():
    """A fresh migrated database for the benchmark, dropped afterwards."""
    import psycopg

    from radpair import migrations

    server = (host.env("DATABASE_URL") or "").strip()
    embedded = None
    if not server:
        from radpair.embedded_db import EmbeddedPostgres

        embedded = EmbeddedPostgres()
        started = embedded.ensure_running()
        server = embedded.url("postgres")
    name = f"radpair_bench_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(server)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        migrations.migrate(url, quiet=True)
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if embedded is not None and started:
            embedded.stop()


def create_user(database_url: str) -> str:
    """A user for the benchmark; returns its email."""
    from radpair.db import Database
    from radpair.handlers.user_handler import UserHandler
    from radpair.services import Services
    from radpair.settings import Settings

    email = f"bench-{uuid.uuid4().hex[:6]}@example.org"
    database = Database(database_url, min_size=0, max_size=1)
    database.pool.open(wait=True, timeout=30)
    try:
        settings = Settings(runtime_environment="DEV", database_url=database_url)
        UserHandler(Services(settings, database)).create_user(
            {"email": email, "password": PASSWORD}
        )
    finally:
        database.close()
    return email


def post_json(url: str, body: dict, token: str | None = None, timeout: float = 30) -> dict:
    """POST JSON and decode the answer (raises on HTTP errors)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def login(base_url: str, email: str) -> str:
    """An access token."""
    return post_json(base_url + "/login", {"email": email, "password": PASSWORD})["token"]


def paced(fn, per_second: float, seconds: float, workers: int = 16) -> list[float]:
    """Call fn at a fixed rate for `seconds`; the latency of each call in ms."""
    latencies: list[float] = []
    lock = threading.Lock()

    def timed():
        started = time.perf_counter()
        fn()
        with lock:
            latencies.append((time.perf_counter() - started) * 1000)

    interval = 1.0 / per_second
    deadline = time.perf_counter() + seconds
    next_at = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        while next_at < deadline:
            pool.submit(timed)
            next_at += interval
            time.sleep(max(0.0, next_at - time.perf_counter()))
    return latencies


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))], 2)


def run(quick: bool) -> dict:
    """All HTTP figures: status overhead, process-command cost, slow LLM, logins."""
    seconds = 3 if quick else 6
    rounds = 3 if quick else 5
    results: dict = {}
    with ExitStack() as stack:
        log_dir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        database_url = stack.enter_context(bench_database())
        email = create_user(database_url)
        base_env = {
            "RUNTIME_ENVIRONMENT": "DEV",
            "DATABASE_URL": database_url,
            "OPENAI_API_KEY": "",
            "JWT_SECRET": "b" * 40,
        }
        api = stack.enter_context(gunicorn("radpair.wsgi:app", base_env, log_dir))
        bare = stack.enter_context(gunicorn("bare_app:app", base_env, log_dir, chdir=BENCH_DIR))
        token = login(api.url, email)

        # 1. /status against a bare Flask endpoint under the same gunicorn settings.
        results["status_vs_bare"] = rps_ratio(
            ("api", lambda: wrk(api.url + "/status", seconds, 16)),
            ("bare", lambda: wrk(bare.url + "/status", seconds, 16)),
            rounds,
            target=0.80,
        )

        # 2. Authenticated /process-command (offline) against the project's own /status.
        command = {"query": DICTATION}
        results["process_command_vs_status"] = rps_ratio(
            (
                "process_command",
                lambda: wrk(api.url + "/process-command", seconds, 16, command, token),
            ),
            ("status", lambda: wrk(api.url + "/status", seconds, 16)),
            rounds,
            target=0.50,
        )

        # 3. Slow LLM: a stub that answers after 1 s; 64 clients for 15 s.
        stub = LLMStub().start()
        stack.callback(stub.stop)
        stub.reset(default=Behaviour(delay_s=1.0))
        llm_env = {
            **base_env,
            "OPENAI_API_KEY": "sk-bench-stub",
            "OPENAI_BASE_URL": stub.base_url,
            "LLM_TIMEOUT_S": "10",
        }
        llm_api = stack.enter_context(gunicorn("radpair.wsgi:app", llm_env, log_dir))
        llm_token = login(llm_api.url, email)
        slow = wrk(llm_api.url + "/process-command", 15, 64, command, llm_token)
        results["slow_llm"] = {
            "clients": 64,
            "seconds": 15,
            "rps": slow["rps"],
            "ratio_to_ideal_64": round(slow["rps"] / 64, 3),
            "p50_ms": slow.get("p50_ms"),
            "p99_ms": slow.get("p99_ms"),
            "errors": slow["errors"],
            "server_rss_mb": round(llm_api.rss_kib() / 1024, 1),
            "target": 0.85,
        }

        # 4. Logins: 20/s in parallel; /status p99 under a paced probe, with and without them.
        def probe():
            with urllib.request.urlopen(api.url + "/status", timeout=10) as response:
                response.read()

        def one_login():
            post_json(api.url + "/login", {"email": email, "password": PASSWORD})

        probe_seconds = 5 if quick else 10
        baseline = paced(probe, 50, probe_seconds)
        login_thread = threading.Thread(
            target=lambda: results.setdefault("_logins", paced(one_login, 20, probe_seconds))
        )
        login_thread.start()
        under_load = paced(probe, 50, probe_seconds)
        login_thread.join()
        logins = results.pop("_logins")
        results["logins"] = {
            "logins_per_s": 20,
            "login_p50_ms": percentile(logins, 50),
            "status_p99_ms_idle": percentile(baseline, 99),
            "status_p99_ms_with_logins": percentile(under_load, 99),
            "target_p99_ms": 50,
        }
    return results
