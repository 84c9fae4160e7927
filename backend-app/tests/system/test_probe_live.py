"""Reliability probes against real gunicorn (and the deploy nginx): expansion bombs leave a
worker's memory flat, slow-header clients do not starve nginx-fronted gunicorn, gunicorn's own
refusals and log lines are JSON, and a chunked import over the limit is 413.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import uuid

import pytest

from radpair.limits import MAX_IMPORT_BYTES
from tests.support.assertions import assert_error_shape
from tests.support.servers import (
    ApiClient,
    gunicorn_server,
    nginx_binary,
    nginx_server,
    prod_env,
    rss_kib,
)

pytestmark = pytest.mark.slow

JWT_SECRET = "probe-live-test-secret-" + "p" * 32
BOMB_ATTEMPTS = 100
SLOW_SOCKETS = 200


@pytest.fixture(scope="module")
def live(module_database_url, tmp_path_factory):
    """One gunicorn worker with 8 threads, offline LLM mode."""
    log_path = tmp_path_factory.mktemp("probe") / "gunicorn.log"
    env = prod_env(module_database_url, JWT_SECRET, LOG_LEVEL="INFO")
    with gunicorn_server(env, log_path, workers=1, threads=8) as server:
        yield server


@pytest.fixture(scope="module")
def token(live, make_user):
    user = make_user()
    with ApiClient(live.url) as client:
        reply = client.post("/login", {"email": user["email"], "password": user["password"]})
    assert reply.status == 200, reply.body
    return reply.json()["token"]


def raw_exchange(port: int, data: bytes, timeout_s: float = 10.0) -> tuple[int, dict, bytes]:
    """Send raw bytes, read the whole answer (the server closes): status, headers, body."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout_s) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


# -- expansion bombs ---------------------------------------------------------------------------


def test_a_worker_stays_flat_through_a_hundred_bomb_attempts(live, token):
    with ApiClient(live.url, token=token) as client:
        leaf, wide, bomb = (f"{name}{uuid.uuid4().hex[:5]}" for name in ("l", "w", "b"))
        created = client.post("/macros", {"phrase": leaf, "text": "x"}).json()["macro"]
        assert client.post("/macros", {"phrase": wide, "text": ("{{" + leaf + "}} ") * 1500})
        # Grown after the fact (a body that nests nothing is not re-checked on save) ...
        grown = client.put(f"/macros/{created['id']}", {"phrase": leaf, "text": "x" * 1000})
        assert grown.status == 200
        # ... but a third level over it is refused.
        refused = client.post("/macros", {"phrase": bomb, "text": ("{{" + wide + "}} ") * 1500})
        assert_error_shape(refused, 400, "macro_too_large")
        attempts = [
            ("/macros/expand", {"text": f"insert {wide}. " * 300}, 422),
            ("/process-command", {"query": f"insert {wide}. " * 300}, 422),
            ("/macros/expand", {"text": f"insert {wide}."}, 200),
        ]
        for path, body, status in attempts:  # warm: the capped rendering is built and cached
            assert client.post(path, body).status == status
        (worker,) = live.worker_pids()
        start = rss_kib(worker)
        for attempt in range(BOMB_ATTEMPTS):
            path, body, status = attempts[attempt % len(attempts)]
            reply = client.post(path, body)
            assert reply.status == status, reply.body[:300]
            assert len(reply.body) < 250_000
        end = rss_kib(worker)
    assert end <= start * 1.10, (start, end)


# -- gunicorn's own answers and log lines --------------------------------------------------------

GUNICORN_REFUSALS = [
    pytest.param(b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, id="long-line"),
    pytest.param(
        b"GET /status HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n", 431, id="header"
    ),
    pytest.param(b"\x16\x03\x01garbage\r\n\r\n", 400, id="garbage"),
]


@pytest.mark.parametrize("request_bytes, status", GUNICORN_REFUSALS)
def test_gunicorns_own_refusals_are_json(live, request_bytes, status):
    got, headers, body = raw_exchange(live.port, request_bytes)
    assert got == status
    assert headers["content-type"] == "application/json"
    parsed = json.loads(body)
    assert parsed["success"] is False and parsed["error"] and parsed["message"]
    assert b"aaaa" not in body and b"bbbb" not in body  # the bad input is not echoed


def test_gunicorns_own_log_lines_are_json(live):
    raw_exchange(live.port, b"\x16\x03\x01garbage\r\n\r\n")
    deadline = time.monotonic() + 10
    while "Invalid request" not in live.log_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    lines = [line for line in live.log_text().splitlines() if line.strip()]
    assert any("Invalid request" in line for line in lines)
    for line in lines:
        record = json.loads(line)
        assert {"ts", "level", "logger", "message"} <= set(record)


# -- chunked import ------------------------------------------------------------------------------


def test_a_chunked_import_over_the_limit_is_413_json_through_gunicorn(live, token):
    row = f"chunk {uuid.uuid4().hex[:6]},{'x' * 1000}\n".encode()

    def body():
        yield b"Macro Phrase,Macro Text\n"
        for _ in range(MAX_IMPORT_BYTES // len(row) + 2):
            yield row

    connection = http.client.HTTPConnection("127.0.0.1", live.port, timeout=60)
    try:
        connection.request(
            "POST",
            "/macros/import",
            body=body(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"},
            encode_chunked=True,
        )
        response = connection.getresponse()
        status, content = response.status, response.read()
    except (BrokenPipeError, ConnectionResetError):
        pytest.fail("the server cut the upload instead of answering 413")
    finally:
        connection.close()
    assert status == 413
    assert json.loads(content)["error"] == "payload_too_large"


# -- slow headers --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nginx(live, tmp_path_factory):
    """Debian's nginx with the deploy config in front of `live` (skipped without nginx)."""
    if nginx_binary() is None:
        pytest.skip("nginx is not installed (scripts/setup-test-tools.sh installs it)")
    with nginx_server(live.port, tmp_path_factory.mktemp("nginx")) as port:
        yield port


def trickle_headers(port: int, stop: threading.Event, sockets: list) -> None:
    """Open SLOW_SOCKETS connections that send one header line every 2 s, never finishing."""
    for _ in range(SLOW_SOCKETS):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"GET /status HTTP/1.1\r\nHost: slow\r\n")
        sockets.append(sock)
    n = 0
    while not stop.wait(2):
        n += 1
        for sock in sockets:
            try:
                sock.sendall(f"X-Slow-{n}: {n}\r\n".encode())
            except OSError:
                pass


def test_slow_header_clients_do_not_starve_nginx_fronted_gunicorn(nginx):
    stop, sockets = threading.Event(), []
    attacker = threading.Thread(target=trickle_headers, args=(nginx, stop, sockets), daemon=True)
    attacker.start()
    try:
        while attacker.is_alive() and len(sockets) < SLOW_SOCKETS:
            time.sleep(0.05)
        assert len(sockets) == SLOW_SOCKETS
        answers = []
        for _ in range(5):
            with ApiClient(f"http://127.0.0.1:{nginx}", timeout_s=10) as client:
                answers.append(client.get("/status").status)
            time.sleep(1)
        assert answers == [200] * 5
    finally:
        stop.set()
        attacker.join(timeout=10)
        for sock in sockets:
            sock.close()


def test_the_deploy_nginx_answers_its_own_refusals_as_json(nginx):
    got, headers, body = raw_exchange(
        nginx, b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    assert got in (400, 414)
    assert headers["content-type"] == "application/json"
    assert json.loads(body)["success"] is False
