"""The API under real gunicorn on loopback: HTTP basics, request ids, JSON logs, no secret leak."""

from __future__ import annotations

import json
import re
import time
import uuid

import pytest

from radpair.handlers.status_handler import STATUS_MESSAGE
from tests.support.llm_stub import Behaviour
from tests.support.assertions import assert_error_shape
from tests.support.servers import ApiClient, gunicorn_server, prod_env

JWT_SECRET = "live-server-test-secret-" + "s" * 32
REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")
LOG_WAIT_S = 10.0


def base_env(database_url: str) -> dict:
    """Production-like settings for a gunicorn instance on the module's database."""
    return prod_env(database_url, JWT_SECRET, LOG_LEVEL="INFO")


def log_records(server) -> list[dict]:
    """Every line the server logged, parsed as JSON (fails on a line that is not JSON)."""
    records = []
    for number, line in enumerate(server.log_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except ValueError:
            pytest.fail(f"log line {number} is not JSON: {line!r}")
    return records


def wait_for_log(server, predicate) -> list[dict]:
    """The parsed log once a record satisfies `predicate` (bounded wait)."""
    deadline = time.monotonic() + LOG_WAIT_S
    while True:
        records = log_records(server)
        if any(predicate(record) for record in records):
            return records
        if time.monotonic() > deadline:
            pytest.fail(f"no matching log record within {LOG_WAIT_S} s: {records[-5:]}")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def live(module_database_url, tmp_path_factory):
    """One gunicorn instance (two workers), offline LLM mode."""
    log_path = tmp_path_factory.mktemp("live") / "gunicorn.log"
    with gunicorn_server(base_env(module_database_url), log_path, workers=2, threads=8) as server:
        yield server


@pytest.fixture()
def http(live):
    """A keep-alive client for the live server."""
    with ApiClient(live.url) as client:
        yield client


@pytest.fixture(scope="module")
def account(make_user):
    """A user with a known password."""
    return make_user(password=f"Live-Server-Pass-{uuid.uuid4().hex[:8]}")


def log_in(client: ApiClient, user: dict) -> dict:
    """POST /login the way the React client does; returns the body."""
    reply = client.post(
        "/login",
        {"email": user["email"], "password": user["password"], "loginTime": "2025-01-01T08:00:00Z"},
    )
    assert reply.status == 200, reply.body
    return reply.json()


def test_status_answers_the_liveness_message_over_real_http(http):
    reply = http.get("/status")
    assert reply.status == 200
    assert reply.headers.get_content_type() == "application/json"
    assert reply.json() == {"success": True, "message": STATUS_MESSAGE}


def test_readiness_answers_ok_on_the_migrated_database(http):
    reply = http.get("/status/ready")
    assert reply.status == 200
    assert reply.json()["database"] == "ok"


@pytest.mark.parametrize("path", ["/no-such-route", "/status/nope", "/macros/a/b/c"])
def test_an_unknown_route_answers_json_404_over_http(http, path):
    assert_error_shape(http.get(path), 404, "not_found")


def test_a_protected_route_without_a_token_answers_json_401(http):
    assert_error_shape(http.get("/history"), 401, "missing_token")


def test_login_then_process_command_offline_works_through_http(http, account):
    session = log_in(http, account)
    assert session["email"] == account["email"]
    http.token = session["token"]

    reply = http.post("/process-command", {"query": "insert normal chest"})

    assert reply.status == 200, reply.body
    command = reply.json()
    assert command["success"] is True
    assert command["query"] == "insert normal chest"
    assert command["llm"]["mode"] == "offline"
    assert "The lungs are clear." in command["expanded_query"]
    assert "The lungs are clear." in command["chatgpt_response"]
    history = http.get("/history")
    assert history.status == 200
    newest = history.json()["items"][0]
    assert newest["id"] == command["id"]
    assert newest["chatgpt_response"] == command["chatgpt_response"]
    assert newest["timestamp"] == command["timestamp"]


def test_keep_alive_serves_many_requests_on_one_connection(http):
    replies = [http.get("/status") for _ in range(20)]
    assert {r.status for r in replies} == {200}
    assert {r.headers.get("Connection", "keep-alive").lower() for r in replies} == {"keep-alive"}
    assert http.opened == 1 and http.reconnects == 0


def test_every_response_carries_a_fresh_request_id(http):
    replies = [
        http.get("/status"),
        http.get("/nope"),
        http.get("/history"),
        http.post("/login", body=b"{not json", headers={"Content-Type": "application/json"}),
    ]
    assert [r.status for r in replies] == [200, 404, 401, 400]
    ids = [r.headers.get("X-Request-Id") for r in replies]
    assert all(REQUEST_ID.match(value or "") for value in ids), ids
    assert len(set(ids)) == len(ids)


def test_a_valid_client_request_id_is_echoed_and_an_invalid_one_replaced(http):
    echoed = http.get("/status", headers={"X-Request-Id": "client-abc.123_XYZ"})
    assert echoed.headers["X-Request-Id"] == "client-abc.123_XYZ"
    replaced = http.get("/status", headers={"X-Request-Id": "bad id;" + "x" * 80})
    assert REQUEST_ID.match(replaced.headers["X-Request-Id"])


@pytest.mark.parametrize(
    "method, path", [("GET", "/status"), ("GET", "/nope"), ("GET", "/me"), ("DELETE", "/status")]
)
def test_no_server_header_reveals_a_version(http, method, path):
    reply = http.request(method, path)
    for value in reply.headers.get_all("Server") or []:
        assert not re.search(r"\d", value), value
    assert reply.headers.get("X-Powered-By") is None


def test_every_log_line_is_json_and_carries_the_request_id(live, http, account):
    marker = f"log-{uuid.uuid4().hex}"
    reply = http.post(
        "/login",
        {"email": account["email"], "password": "Wrong-Password-123"},
        headers={"X-Request-Id": marker},
    )
    assert_error_shape(reply, 401, "invalid_credentials")
    http.get("/status")

    records = wait_for_log(
        live, lambda r: r.get("request_id") == marker and r.get("logger") == "radpair.access"
    )

    for record in records:
        assert {"ts", "level", "logger", "message", "request_id"} <= set(record), record
        assert isinstance(record["request_id"], str) and record["request_id"], record
    for_request = [r for r in records if r["request_id"] == marker]
    # The handler's own line ("login failed") and the access line both carry the request's id.
    assert {r["logger"] for r in for_request} >= {"radpair.access", "radpair.handlers.auth_handler"}
    access = next(r for r in for_request if r["logger"] == "radpair.access")
    assert (access["method"], access["path"], access["status"]) == ("POST", "/login", 401)
    assert isinstance(access["duration_ms"], (int, float))


def test_access_log_request_ids_match_the_response_headers(live, http):
    replies = [http.get("/status"), http.get("/nope")]
    wanted = {r.headers["X-Request-Id"] for r in replies}

    records = wait_for_log(
        live, lambda r: r.get("request_id") == replies[-1].headers["X-Request-Id"]
    )

    logged = {r["request_id"] for r in records if r["logger"] == "radpair.access"}
    assert wanted <= logged


# -- no secret ever reaches the log -------------------------------------------------------------

FAKE_API_KEY = f"radpair-fake-llm-key-{uuid.uuid4().hex}"


@pytest.fixture(scope="module")
def llm_live(module_database_url, stub, tmp_path_factory):
    """A gunicorn instance with an API key, talking to the stub, logging at DEBUG."""
    env = base_env(module_database_url)
    env.update(
        {
            "OPENAI_API_KEY": FAKE_API_KEY,
            "OPENAI_BASE_URL": stub.base_url,
            "OPENAI_MODEL": "stub-model",
            "LLM_TIMEOUT_S": "5",
            "LLM_MAX_RETRIES": "1",
            "LOG_LEVEL": "DEBUG",
        }
    )
    log_path = tmp_path_factory.mktemp("llm-live") / "gunicorn.log"
    with gunicorn_server(env, log_path, workers=1, threads=4) as server:
        yield server


def jwt_parts(token: str) -> list[str]:
    """The header-independent secret parts of a JWT: itself, its payload and its signature."""
    header, payload, signature = token.split(".")
    return [token, payload, signature]


def test_no_password_token_or_api_key_ever_appears_in_the_log(llm_live, stub, make_user):
    password = f"Log-Secret-Pass-{uuid.uuid4().hex[:10]}"
    wrong_password = f"Wrong-Secret-Pass-{uuid.uuid4().hex[:10]}"
    user = make_user(password=password)
    stub.reset()
    with ApiClient(llm_live.url) as http:
        # Failures that tempt a logger: wrong password, malformed JSON holding the password.
        wrong = http.post("/login", {"email": user["email"], "password": wrong_password})
        assert wrong.status == 401
        broken = f'{{"email": "{user["email"]}", "password": "{password}"'.encode()
        assert (
            http.post("/login", body=broken, headers={"Content-Type": "application/json"}).status
            == 400
        )

        session = log_in(http, user)
        token, refresh = session["token"], session["refresh_token"]
        http.token = token
        drafted = http.post("/process-command", {"query": "insert normal chest"})
        assert drafted.status == 200, drafted.body
        assert drafted.json()["llm"]["mode"] == "openai"
        streamed = http.post(
            "/process-command",
            {"query": "no acute findings"},
            headers={"Accept": "text/event-stream"},
        )
        assert streamed.status == 200 and b"event: done" in streamed.body
        stub.then(Behaviour(kind="error", status=500), Behaviour(kind="error", status=500))
        assert http.post("/process-command", {"query": "upstream fails"}).status == 502
        stub.then(Behaviour(kind="rate_limit"), Behaviour(kind="rate_limit"))
        assert http.post("/process-command", {"query": "upstream limits"}).status == 503

        # Tokens in places a careless access log would print: query string, forged header.
        assert http.get(f"/me?access_token={token}").status == 200
        forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        assert http.get("/me", headers={"Authorization": f"Bearer {forged}"}).status == 401
        renewed = http.post("/token/refresh", headers={"Authorization": f"Bearer {refresh}"})
        assert renewed.status == 200
        new_token = renewed.json()["token"]
        assert http.post("/logout").status == 200
        assert http.get("/me").status == 401
        marker = f"last-{uuid.uuid4().hex}"
        http.get("/status", headers={"X-Request-Id": marker})

    # The key was really used (so the grep below is meaningful).
    assert stub.requests and all(
        r["headers"].get("authorization") == f"Bearer {FAKE_API_KEY}" for r in stub.requests
    )
    wait_for_log(llm_live, lambda r: r.get("request_id") == marker)
    log = llm_live.log_text()
    assert '"path": "/process-command"' in log and '"path": "/logout"' in log
    secrets = {
        "password": password,
        "wrong password": wrong_password,
        "api key": FAKE_API_KEY,
        "forged token": forged,
    }
    for name, value in (("access", token), ("refresh", refresh), ("renewed", new_token)):
        for index, part in enumerate(jwt_parts(value)):
            secrets[f"{name} token part {index}"] = part
    leaked = [name for name, value in secrets.items() if value in log]
    assert leaked == [], f"secrets found in the server log: {leaked}"
