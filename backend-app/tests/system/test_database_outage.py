"""PostgreSQL stops under a live gunicorn: fast JSON 503s, liveness intact, recovery by itself.

This module always uses the embedded cluster under ./var (whatever DATABASE_URL says), on a
database of its own, because it stops and restarts the server. It restarts the cluster in a
`finally` and leaves it running or stopped as it found it.
"""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from radpair import migrations
from radpair.embedded_db import EmbeddedPostgres
from tests.conftest import database_url
from tests.support.servers import ApiClient, gunicorn_server, prod_env

pytestmark = pytest.mark.slow

JWT_SECRET = "database-outage-test-secret-" + "o" * 32
# The pool waits 5 s for a connection before answering 503; a request may take a little longer
# on a loaded machine, never this long.
REQUEST_BOUND_S = 20.0
RECOVERY_BOUND_S = 30.0
LOAD_THREADS = 6
# Each worker of the instance must have recovered: several fresh connections per round.
ROUND_CONNECTIONS = 6


def embedded_cluster() -> EmbeddedPostgres:
    """The project's embedded cluster under ./var/postgres."""
    return EmbeddedPostgres()


@pytest.fixture(scope="module")
def cluster():
    """The embedded cluster, running; afterwards running or stopped as it was before."""
    embedded = embedded_cluster()
    started_here = embedded.ensure_running()
    yield embedded
    if started_here:
        embedded.stop()
    else:
        embedded.ensure_running()


@pytest.fixture(scope="module")
def outage_database(cluster):
    """A database of this module's own on the embedded cluster, migrated by Liquibase."""
    name = f"radpair_outage_{uuid.uuid4().hex[:10]}"
    admin_url = cluster.url("postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = database_url(admin_url, name)
        migrations.migrate(url, quiet=True)
        yield url
    finally:
        cluster.ensure_running()
        with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def user(outage_database):
    """A user on the outage database."""
    from radpair.db import Database
    from radpair.handlers.user_handler import UserHandler
    from radpair.services import Services
    from radpair.settings import Settings

    settings = Settings(runtime_environment="UNITTEST", database_url=outage_database)
    database = Database(outage_database, min_size=0, max_size=1)
    database.open()
    try:
        account = {"email": f"outage-{uuid.uuid4().hex[:8]}@example.org"}
        account["password"] = f"Outage-Pass-{uuid.uuid4().hex[:8]}"
        UserHandler(Services(settings=settings, database=database)).create_user(dict(account))
    finally:
        database.close()
    return account


@pytest.fixture(scope="module")
def live(outage_database, tmp_path_factory):
    """One gunicorn instance (two workers) on the outage database."""
    env = prod_env(outage_database, JWT_SECRET)
    log_path = tmp_path_factory.mktemp("outage") / "gunicorn.log"
    with gunicorn_server(env, log_path, workers=2, threads=8) as server:
        yield server


# (method, path, body) a dictating client sends; every one needs the database except /status.
DATABASE_ROUTES = [
    ("GET", "/me", None),
    ("POST", "/macros/expand", {"text": "insert normal chest"}),
    ("GET", "/history", None),
    ("POST", "/process-command", {"query": "insert normal chest"}),
    ("GET", "/macros?limit=5", None),
]


def timed(client: ApiClient, method: str, path: str, body=None) -> dict:
    """One request: its status, parsed body (None if not JSON) and duration; errors recorded."""
    started = time.monotonic()
    try:
        reply = client.request(method, path, body)
    except Exception as exc:  # a timeout or a dropped connection is a finding, not a crash
        return {"path": path, "status": None, "error": repr(exc), "s": time.monotonic() - started}
    try:
        parsed = reply.json()
    except ValueError:
        parsed = None
    return {"path": path, "status": reply.status, "body": parsed, "s": time.monotonic() - started}


def load(url: str, token: str, stop: threading.Event, seed: int) -> list[dict]:
    """Requests in a loop until `stop` (bounded by count and time), on one keep-alive connection."""
    results = []
    deadline = time.monotonic() + 120
    routes = DATABASE_ROUTES + [("GET", "/status", None), ("GET", "/status/ready", None)]
    with ApiClient(url, token=token, timeout_s=REQUEST_BOUND_S) as client:
        for index in range(5000):
            if stop.is_set() or time.monotonic() > deadline:
                break
            method, path, body = routes[(seed + index) % len(routes)]
            results.append(timed(client, method, path, body))
    return results


def assert_unavailable(result: dict, code: str = "database_unavailable") -> None:
    """A 503 `{success: false, error, message}` answered within the bound."""
    assert result["status"] == 503, result
    assert result["body"]["success"] is False, result
    assert result["body"]["error"] == code, result
    assert isinstance(result["body"]["message"], str) and result["body"]["message"]
    assert result["s"] < REQUEST_BOUND_S, result


def probe_round(url: str, token: str) -> list[dict]:
    """/status/ready and every database route, each on a fresh connection."""
    results = []
    for index in range(ROUND_CONNECTIONS):
        method, path, body = DATABASE_ROUTES[index % len(DATABASE_ROUTES)]
        with ApiClient(url, token=token, timeout_s=REQUEST_BOUND_S) as client:
            results.append(timed(client, "GET", "/status/ready"))
            results.append(timed(client, method, path, body))
    return results


def test_a_database_outage_answers_503_fast_and_recovers_without_a_restart(cluster, live, user):
    with ApiClient(live.url, timeout_s=REQUEST_BOUND_S) as client:
        login = client.post("/login", {"email": user["email"], "password": user["password"]})
        assert login.status == 200, login.body
        token = login.json()["token"]
        assert client.get("/status/ready").status == 200
    assert all(r["status"] == 200 for r in probe_round(live.url, token))
    port_before = cluster.port()
    workers_before = live.worker_pids()
    assert len(workers_before) == 2

    stop_load = threading.Event()
    during, still_down = [], False
    with ThreadPoolExecutor(LOAD_THREADS) as pool:
        loads = [
            pool.submit(load, live.url, token, stop_load, seed) for seed in range(LOAD_THREADS)
        ]
        try:
            time.sleep(1.0)
            cluster.stop()
            assert not cluster.is_running()
            # What clients see while PostgreSQL is down, each check on its own connection.
            checks = [
                ("GET", "/me", None, token),
                ("POST", "/login", {"email": user["email"], "password": user["password"]}, None),
                ("POST", "/process-command", {"query": "insert normal chest"}, token),
                ("GET", "/status/ready", None, None),
                ("GET", "/status", None, None),
            ]

            def check(method, path, body, bearer):
                with ApiClient(live.url, token=bearer, timeout_s=REQUEST_BOUND_S) as client:
                    return timed(client, method, path, body)

            with ThreadPoolExecutor(len(checks)) as checkers:
                during = list(checkers.map(lambda c: check(*c), checks))
            # The cluster is shared by the work tree: nobody may have started it meanwhile.
            still_down = not cluster.is_running()
        finally:
            stop_load.set()
            cluster.ensure_running()
            restarted_at = time.monotonic()
        load_results = [result for future in loads for result in future.result()]

    assert still_down, "another process started the embedded cluster during the outage"
    me, login_down, command_down, ready_down, status_down = during
    assert_unavailable(me)
    assert_unavailable(login_down)
    assert_unavailable(command_down)
    assert_unavailable(ready_down, "not_ready")
    assert status_down["status"] == 200 and status_down["s"] < REQUEST_BOUND_S

    # Under load across the stop: only 200 or a JSON 503, never a 500, a hang or a drop.
    assert load_results
    assert [r for r in load_results if r["status"] is None] == []
    assert [r for r in load_results if r["status"] not in (200, 503)] == []
    for result in load_results:
        assert result["s"] < REQUEST_BOUND_S, result
        if result["status"] == 503:
            assert result["body"]["success"] is False and result["body"]["message"], result
            assert result["body"]["error"] in ("database_unavailable", "not_ready"), result
    assert any(r["status"] == 503 for r in load_results)
    assert all(r["status"] == 200 for r in load_results if r["path"] == "/status")

    # PostgreSQL is back on the same port; the same gunicorn recovers by itself.
    assert cluster.port() == port_before
    deadline = restarted_at + RECOVERY_BOUND_S
    rounds = []
    while True:
        rounds.append(probe_round(live.url, token))
        if all(r["status"] == 200 for r in rounds[-1]):
            break
        assert time.monotonic() < deadline, f"not recovered in {RECOVERY_BOUND_S} s: {rounds[-1]}"
        time.sleep(0.5)
    recovered_s = time.monotonic() - restarted_at
    print(
        f"outage: {len(load_results)} requests under load, "
        f"{sum(r['status'] == 503 for r in load_results)} answered 503, "
        f"slowest {max(r['s'] for r in load_results):.2f} s; "
        f"recovered {recovered_s:.1f} s after the restart ({len(rounds)} probe rounds)"
    )
    assert live.process.poll() is None
    assert live.worker_pids() == workers_before
    with ApiClient(live.url, token=token) as client:
        drafted = client.post("/process-command", {"query": "insert normal chest"})
        assert drafted.status == 200, drafted.body
        assert client.get("/history").json()["items"][0]["id"] == drafted.json()["id"]


def test_a_draft_finished_while_the_database_is_down_comes_back_unsaved_in_the_503(
    cluster, outage_database, user, stub, tmp_path
):
    from tests.support.llm_stub import Behaviour

    stub.reset(default=Behaviour(delay_s=4.0, rewrite=lambda text: "UNSAVED-DRAFT " + text))
    env = prod_env(
        outage_database,
        JWT_SECRET,
        OPENAI_API_KEY="sk-test-outage",
        OPENAI_BASE_URL=stub.base_url,
        LLM_TIMEOUT_S="30",
    )
    with gunicorn_server(env, tmp_path / "gunicorn.log", workers=1, threads=4) as server:
        with ApiClient(server.url, timeout_s=REQUEST_BOUND_S) as client:
            login = client.post("/login", {"email": user["email"], "password": user["password"]})
            token = login.json()["token"]
        with ThreadPoolExecutor(1) as pool:
            with ApiClient(server.url, token=token, timeout_s=60) as client:
                pending = pool.submit(
                    timed, client, "POST", "/process-command", {"query": "Left 6 mm nodule."}
                )
                try:
                    deadline = time.monotonic() + 20
                    while not stub.state.requests:  # the LLM is now drafting
                        assert time.monotonic() < deadline and not pending.done()
                        time.sleep(0.05)
                    cluster.stop()
                    result = pending.result(timeout=60)
                finally:
                    cluster.ensure_running()
                    stub.reset()
    assert_unavailable(result)
    assert result["body"]["chatgpt_response"].startswith("UNSAVED-DRAFT ")
    assert "Left 6 mm nodule." in result["body"]["expanded_query"]
    assert "session_id" not in result["body"]  # a new session that was never stored
