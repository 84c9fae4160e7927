"""Many radiologists at once: LLM-bound drafts against a stub that answers in 2 s.

For each client count (256, 512, 1,000) and each mode (JSON, SSE) the same wrk load runs in one
session against the stub alone (what the model server sustains, asked exactly what the service
asks it: the same prompt), then against the production gunicorn drafting through that stub, and
with `floor` against a minimal app under the same gunicorn that drafts through the same LLM
client and does nothing else (bench/minimal_draft_app.py). The figure is the ratio of the rates,
with p50/p99, the whole server's resident memory (peak, master and workers), the p99 of a paced
/status probe during the load, and the CPU each process spends per draft: read from /proc in a
steady window (from WINDOW_START_S to the last second), divided by the stub's answers in that
window. Loopback only; every run is bounded (`seconds` each, wrk's own timeout 10 s).
"""

from __future__ import annotations

import multiprocessing
import resource
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.http_bench import (
    BENCH_DIR,
    DICTATION,
    bench_database,
    create_user,
    gunicorn,
    login,
    paced,
    percentile,
    post_json,
    wrk,
)
from radpair.llm.prompts import build_messages
from tests.support.servers import cpu_seconds, process_tree, processes_named

STUB_DELAY_S = 2.0
CLIENTS = (256, 512, 1000)
MODES = ("json", "sse")
TARGET_RATIO = 0.85
TARGET_P99_MS = 3000
TARGET_STATUS_P99_MS = 100
TARGET_RSS_MIB = 600
# The CPU window starts once every client is connected and waiting on its first answer.
WINDOW_START_S = 4.0
# Before each run, wait (at most this long) for the last run's unfinished drafts to drain.
SETTLE_S = 30.0


def _serve_stub(delay_s: float, port_pipe, stop, seen) -> None:
    """The stub in its own process, so its threads never share a GIL with the probe."""
    from tests.support.llm_stub import Behaviour, LLMStub

    stub = LLMStub(backlog=4096).start()
    stub.reset(default=Behaviour(delay_s=delay_s, chunked=True))
    port_pipe.send(stub.base_url)
    while not stop.wait(0.05):
        seen.value = len(stub.state.requests)
    stub.stop()


@dataclass
class StubProcess:
    """The running stub: where it listens, its pid, and how many requests it has received."""

    url: str
    pid: int
    seen: object

    def requests_seen(self) -> int:
        """Requests received so far (one per draft)."""
        return self.seen.value


@contextmanager
def stub_process(delay_s: float):
    """The LLM stub answering after `delay_s`, in a child process."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    seen = context.Value("q", 0, lock=False)
    process = context.Process(target=_serve_stub, args=(delay_s, sender, stop, seen), daemon=True)
    process.start()
    try:
        if not receiver.poll(30):
            raise RuntimeError("the LLM stub did not start")
        yield StubProcess(receiver.recv(), process.pid, seen)
    finally:
        stop.set()
        process.join(10)
        if process.is_alive():
            process.kill()


def settle(watched: dict) -> None:
    """Wait until the watched processes are idle: the last run's drafts have drained."""
    pids = [pid for find in watched.values() for pid in find()]
    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline:
        before = cpu_seconds(pids)
        time.sleep(1.0)
        if cpu_seconds(pids) - before < 0.05:
            return


def _cpu_window(watched: dict, stub: StubProcess, seconds: float, out: dict) -> None:
    def snapshot():
        cpu = {name: cpu_seconds(find()) for name, find in watched.items()}
        return cpu, stub.requests_seen(), time.monotonic()

    time.sleep(WINDOW_START_S)
    cpu_a, seen_a, at_a = snapshot()
    time.sleep(max(1.0, seconds - WINDOW_START_S - 1))
    cpu_b, seen_b, at_b = snapshot()
    drafts = seen_b - seen_a
    out["window_drafts_s"] = round(drafts / (at_b - at_a), 1)
    out["cpu_ms_per_draft"] = {
        name: round((cpu_b[name] - cpu_a[name]) / max(drafts, 1) * 1000, 2) for name in cpu_a
    }


def measured_wrk(url, seconds, clients, body, token, accept, watched, stub) -> dict:
    """wrk against `url`, with the CPU per draft of the watched processes and of wrk itself."""
    window: dict = {}
    sampler = threading.Thread(target=_cpu_window, args=(watched, stub, seconds, window))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler.start()
    try:
        figures = wrk(url, seconds, clients, body, token, accept=accept)
    finally:
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrk_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    window["cpu_ms_per_draft"]["wrk"] = round(
        wrk_cpu / max(figures.get("requests", 0), 1) * 1000, 2
    )
    return {**figures, **window}


def _peak_rss(server, stop: threading.Event, peak: list[int]) -> None:
    while not stop.is_set():
        try:
            peak[0] = max(peak[0], server.rss_kib())
        except OSError:
            pass
        stop.wait(0.5)


def load_run(server, url, clients, seconds, body, token, accept, watched, stub) -> dict:
    """measured_wrk against `url` with a paced /status probe on `server` and a peak-RSS sampler."""
    status_ms: list[float] = []
    peak = [0]
    stop = threading.Event()
    sampler = threading.Thread(target=_peak_rss, args=(server, stop, peak), daemon=True)

    def probe():
        with urllib.request.urlopen(server.url + "/status", timeout=10) as response:
            response.read()

    def probing():
        time.sleep(min(3.0, seconds / 3))  # once every client is connected and waiting
        status_ms.extend(paced(probe, 20, seconds - min(3.0, seconds / 3) - 1, workers=8))

    prober = threading.Thread(target=probing, daemon=True)
    sampler.start()
    prober.start()
    try:
        figures = measured_wrk(url, seconds, clients, body, token, accept, watched, stub)
    finally:
        prober.join()
        stop.set()
        sampler.join()
    figures["status_p99_ms"] = percentile(status_ms, 99) if status_ms else None
    figures["server_rss_mib"] = round(peak[0] / 1024, 1)
    return figures


def _prompt(api_url: str, token: str) -> str:
    """The expanded dictation the service sends the model (one draft, which also warms up)."""
    answer = post_json(api_url + "/process-command", {"query": DICTATION}, token)
    # With identifiers masked, the stub would be asked something else than build_messages says.
    if answer["phi_masked"]:
        raise RuntimeError("the bench dictation must hold no identifiers")
    return answer["expanded_query"]


def _figures(mode: str, count: int, alone: dict, drafted: dict) -> dict:
    figures = {
        "mode": mode,
        "clients": count,
        "stub_rps": alone["rps"],
        "stub_errors": alone["errors"],
        "stub_cpu_ms_per_request": alone["cpu_ms_per_draft"],
        "drafts_rps": drafted["rps"],
        "ratio": round(drafted["rps"] / alone["rps"], 3) if alone["rps"] else None,
        "p50_ms": drafted.get("p50_ms"),
        "p99_ms": drafted.get("p99_ms"),
        "errors": drafted["errors"],
        "status_p99_ms": drafted["status_p99_ms"],
        "server_rss_mib": drafted["server_rss_mib"],
        "window_drafts_s": drafted["window_drafts_s"],
        "cpu_ms_per_draft": drafted["cpu_ms_per_draft"],
    }
    figures["meets_targets"] = bool(
        figures["ratio"] is not None
        and figures["ratio"] >= TARGET_RATIO
        and (figures["p99_ms"] or 1e9) <= TARGET_P99_MS
        and (figures["status_p99_ms"] or 1e9) <= TARGET_STATUS_P99_MS
        and figures["server_rss_mib"] <= TARGET_RSS_MIB
        and figures["errors"] == 0
    )
    return figures


def run(
    quick: bool,
    clients: tuple[int, ...] = CLIENTS,
    modes: tuple[str, ...] = MODES,
    gunicorn_args: tuple[str, ...] = (),
    floor: bool = False,
) -> dict:
    """The slow-LLM load figure for every client count and mode (and the floor app's, if asked)."""
    seconds = 8 if quick else 12
    results: dict = {
        "stub_delay_s": STUB_DELAY_S,
        "seconds": seconds,
        "gunicorn_args": list(gunicorn_args),
        "runs": [],
    }
    with ExitStack() as stack:
        log_dir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        database_url = stack.enter_context(bench_database())
        email = create_user(database_url)
        stub = stack.enter_context(stub_process(STUB_DELAY_S))
        env = {
            "RUNTIME_ENVIRONMENT": "DEV",
            "DATABASE_URL": database_url,
            "JWT_SECRET": "b" * 40,
            "OPENAI_API_KEY": "sk-bench-stub",
            "OPENAI_BASE_URL": stub.url,
            "LLM_TIMEOUT_S": "10",
        }
        api = stack.enter_context(
            gunicorn("radpair.wsgi:app", env, log_dir, extra_args=gunicorn_args)
        )
        servers = {"service": api}
        if floor:
            servers["floor"] = stack.enter_context(
                gunicorn(
                    "minimal_draft_app:app",
                    env,
                    log_dir,
                    chdir=BENCH_DIR,
                    extra_args=gunicorn_args,
                )
            )
        token = login(api.url, email)
        expanded = _prompt(api.url, token)
        database = database_url.rsplit("/", 1)[1]
        stub_only = {"stub": lambda: [stub.pid]}
        everything = {
            **stub_only,
            **{
                name: (lambda s=server: process_tree(s.process.pid))
                for name, server in servers.items()
            },
        }
        for mode in modes:
            accept = "text/event-stream" if mode == "sse" else ""
            stub_body = {
                "model": "stub-model",
                "messages": build_messages([], expanded),
                "temperature": 0,
                "stream": mode == "sse",
            }
            for count in clients:
                settle(everything)
                alone = measured_wrk(
                    stub.url + "/chat/completions",
                    seconds,
                    count,
                    stub_body,
                    "x",
                    "",
                    stub_only,
                    stub,
                )
                for name, server in servers.items():
                    settle(everything)
                    watched = {
                        "server": lambda s=server: process_tree(s.process.pid),
                        **stub_only,
                        "postgres": lambda: processes_named(database),
                    }
                    body, auth = (
                        ({"query": DICTATION}, token)
                        if name == "service"
                        else ({"query": expanded}, "")
                    )
                    drafted = load_run(
                        server,
                        server.url + "/process-command",
                        count,
                        seconds,
                        body,
                        auth,
                        accept,
                        watched,
                        stub,
                    )
                    run_figures = {"server": name, **_figures(mode, count, alone, drafted)}
                    results["runs"].append(run_figures)
                    print(run_figures, flush=True)
    return results
