"""A bounded soak on loopback: 20,000 mixed keep-alive requests, zero errors, flat memory."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support.servers import ApiClient, gunicorn_server, prod_env, rss_kib

pytestmark = pytest.mark.slow

TOTAL_REQUESTS = 20_000
QUARTERS = 4
CLIENT_THREADS = 16
USERS = 4
# Memory may not grow by this fraction between the end of the first and of the last quarter.
MAX_RSS_GROWTH = 0.10
# A hard stop so the soak can never run away; it normally takes a fraction of this.
SOAK_DEADLINE_S = 400.0
REQUEST_TIMEOUT_S = 30.0
# Per 200 requests: one login (argon2 is deliberately slow), the rest what a dictating client does.
MIX = ["login"] * 1 + ["status"] * 39 + ["expand"] * 60 + ["process"] * 50 + ["history"] * 50
assert len(MIX) == 200
# One argon2 hash's memory (radpair/auth/passwords.py). Retained by glibc, these blocks make a
# worker's memory jump by this much from one burst of logins to the next.
ARGON2_BLOCK_KIB = 19 * 1024
LOGINS_PER_BURST = 100
LOGIN_BURSTS = 4


@pytest.fixture(scope="module")
def live(module_database_url, tmp_path_factory):
    """One gunicorn instance as deployed (two workers), offline LLM mode."""
    # gunicorn.conf.py caps glibc's arenas and mmap threshold (radpair/gunicorn_support.py):
    # uncapped, retained argon2 blocks grow RSS in 19 MiB steps whatever the application does,
    # hiding what a leak check is about.
    env = prod_env(module_database_url, "soak-test-secret-" + "k" * 32)
    log_path = tmp_path_factory.mktemp("soak") / "gunicorn.log"
    with gunicorn_server(env, log_path, workers=2, threads=CLIENT_THREADS) as server:
        yield server


@pytest.fixture(scope="module")
def accounts(live, make_user):
    """Users with their access tokens."""
    users = []
    with ApiClient(live.url) as client:
        for _ in range(USERS):
            user = make_user()
            reply = client.post("/login", {"email": user["email"], "password": user["password"]})
            assert reply.status == 200, reply.body
            users.append({**user, "token": reply.json()["token"]})
    return users


class Soak:
    """The request schedule, one keep-alive connection per client thread, and the tally."""

    def __init__(self, url: str, accounts: list[dict]):
        self.url = url
        self.accounts = accounts
        self.local = threading.local()
        self.clients: list[ApiClient] = []
        self.lock = threading.Lock()
        self.errors: list[str] = []
        self.counts: dict[str, int] = {}
        self.deadline = time.monotonic() + SOAK_DEADLINE_S

    def client(self) -> ApiClient:
        """This thread's connection."""
        client = getattr(self.local, "client", None)
        if client is None:
            client = ApiClient(self.url, timeout_s=REQUEST_TIMEOUT_S)
            self.local.client = client
            with self.lock:
                self.clients.append(client)
        return client

    def request(self, index: int) -> None:
        """Send request number `index` of the schedule and check its answer."""
        kind = MIX[index % len(MIX)]
        account = self.accounts[index % len(self.accounts)]
        client = self.client()
        if time.monotonic() > self.deadline:
            self.fail(index, kind, "soak deadline passed")
            return
        token = {"Authorization": f"Bearer {account['token']}"}
        try:
            if kind == "status":
                reply = client.get("/status")
                ok = reply.status == 200 and reply.json()["success"] is True
            elif kind == "login":
                reply = client.post(
                    "/login",
                    {
                        "email": account["email"],
                        "password": account["password"],
                        "loginTime": "2025-01-01T08:00:00Z",
                    },
                )
                ok = reply.status == 200 and bool(reply.json()["token"])
            elif kind == "expand":
                text = f"Study {index}. insert normal chest"
                reply = client.post("/macros/expand", {"text": text}, headers=token)
                ok = reply.status == 200 and "The lungs are clear." in reply.json()["expanded"]
            elif kind == "process":
                query = f"insert normal chest. Nodule of {index % 9 + 2} mm in the right lung."
                reply = client.post("/process-command", {"query": query}, headers=token)
                ok = reply.status == 200 and reply.json()["query"] == query
            else:
                reply = client.get("/history?limit=20", headers=token)
                ok = reply.status == 200 and len(reply.json()["items"]) <= 20
        except Exception as exc:  # counted, reported below: the soak must see every failure
            self.fail(index, kind, repr(exc))
            return
        if not ok:
            self.fail(index, kind, f"{reply.status} {reply.body[:200]!r}")
            return
        with self.lock:
            self.counts[kind] = self.counts.get(kind, 0) + 1

    def fail(self, index: int, kind: str, detail: str) -> None:
        """Record a failed request."""
        with self.lock:
            self.errors.append(f"#{index} {kind}: {detail}")

    def close(self) -> None:
        """Close every client connection."""
        for client in self.clients:
            client.close()

    @property
    def reconnects(self) -> int:
        """Idle keep-alive connections the server closed and the clients reopened."""
        return sum(client.reconnects for client in self.clients)


def test_twenty_thousand_mixed_requests_with_zero_errors_and_flat_memory(live, accounts):
    soak = Soak(live.url, accounts)
    quarter = TOTAL_REQUESTS // QUARTERS
    rss_kib, seconds = [], []
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(CLIENT_THREADS) as pool:
            for number in range(QUARTERS):
                begun = time.monotonic()
                indexes = range(number * quarter, (number + 1) * quarter)
                list(pool.map(soak.request, indexes, chunksize=25))
                seconds.append(time.monotonic() - begun)
                rss_kib.append(live.rss_kib())
    finally:
        soak.close()
    elapsed = time.monotonic() - started

    total = sum(soak.counts.values()) + len(soak.errors)
    print(
        f"\nsoak: {total} requests in {elapsed:.1f} s = {total / elapsed:.0f} req/s; "
        f"errors {len(soak.errors)}; connections {sum(c.opened for c in soak.clients)}, "
        f"reconnects {soak.reconnects}; by kind {soak.counts}; "
        f"quarters {[round(s, 1) for s in seconds]} s; "
        f"RSS at each quarter's end {[round(k / 1024, 1) for k in rss_kib]} MiB "
        f"({len(live.worker_pids())} workers)"
    )
    assert total == TOTAL_REQUESTS
    assert soak.errors == [], f"{len(soak.errors)} errors, first: {soak.errors[:5]}"
    assert soak.counts["login"] == TOTAL_REQUESTS // len(MIX)
    assert live.process.poll() is None
    assert rss_kib[-1] < rss_kib[0] * (1 + MAX_RSS_GROWTH), rss_kib


def test_once_warm_no_burst_of_concurrent_logins_moves_worker_memory_by_an_argon2_block(
    module_database_url, make_user, tmp_path
):
    env = prod_env(module_database_url, "burst-test-secret-" + "k" * 32)
    users = [make_user() for _ in range(USERS)]

    def login(index: int) -> int:
        user = users[index % len(users)]
        with ApiClient(live.url, timeout_s=REQUEST_TIMEOUT_S) as client:
            return client.post(
                "/login", {"email": user["email"], "password": user["password"]}
            ).status

    samples: list[dict[int, int]] = []
    with gunicorn_server(env, tmp_path / "gunicorn.log", workers=2, threads=CLIENT_THREADS) as live:
        # The first burst starts each worker's threads, pool connections and second arena.
        for _ in range(1 + LOGIN_BURSTS):
            with ThreadPoolExecutor(CLIENT_THREADS) as pool:
                statuses = list(pool.map(login, range(LOGINS_PER_BURST)))
            assert statuses == [200] * LOGINS_PER_BURST
            samples.append({pid: rss_kib(pid) for pid in live.worker_pids()})

    warm = samples[1:]
    assert all(sample.keys() == warm[0].keys() for sample in warm)
    spread = {pid: max(s[pid] for s in warm) - min(s[pid] for s in warm) for pid in warm[0]}
    print(f"\nworker RSS spread over {LOGIN_BURSTS} warm bursts of logins: {spread} KiB")
    assert max(spread.values()) < ARGON2_BLOCK_KIB // 2, samples
