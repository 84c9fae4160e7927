"""Many radiologists at once: LLM-bound drafts against a stub that answers in 2 s.

For each client count (256, 512, 1,000) and each mode (JSON, SSE) the same wrk load runs twice
in one session: against the stub alone (what the model server sustains), then against the
production gunicorn drafting through that stub. The figure is the ratio of the two rates, with
p50/p99, the whole server's resident memory (peak, master and workers) and the p99 of a paced
/status probe during the load. Loopback only; every run is bounded (`seconds` each, wrk's own
timeout 10 s).
"""

from __future__ import annotations

import multiprocessing
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench.http_bench import (
    DICTATION,
    bench_database,
    create_user,
    gunicorn,
    login,
    paced,
    percentile,
    wrk,
)

STUB_DELAY_S = 2.0
CLIENTS = (256, 512, 1000)
MODES = ("json", "sse")
TARGET_RATIO = 0.85
TARGET_P99_MS = 3000
TARGET_STATUS_P99_MS = 100
TARGET_RSS_MIB = 600


def _serve_stub(delay_s: float, port_pipe, stop) -> None:
    """The stub in its own process, so its threads never share a GIL with the probe."""
    from tests.support.llm_stub import Behaviour, LLMStub

    stub = LLMStub(backlog=4096).start()
    stub.reset(default=Behaviour(delay_s=delay_s, chunked=True))
    port_pipe.send(stub.base_url)
    stop.wait()
    stub.stop()


@contextmanager
def stub_process(delay_s: float):
    """The LLM stub answering after `delay_s`, in a child process; its base URL."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    process = context.Process(target=_serve_stub, args=(delay_s, sender, stop), daemon=True)
    process.start()
    try:
        if not receiver.poll(30):
            raise RuntimeError("the LLM stub did not start")
        yield receiver.recv()
    finally:
        stop.set()
        process.join(10)
        if process.is_alive():
            process.kill()


def _peak_rss(server, stop: threading.Event, peak: list[int]) -> None:
    while not stop.is_set():
        try:
            peak[0] = max(peak[0], server.rss_kib())
        except OSError:
            pass
        stop.wait(0.5)


def load_run(server, url: str, clients: int, seconds: float, body: dict, token: str, accept: str):
    """wrk against `url` with a paced /status probe on `server` and a peak-RSS sampler."""
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
        figures = wrk(url, seconds, clients, body, token, accept=accept)
    finally:
        prober.join()
        stop.set()
        sampler.join()
    figures["status_p99_ms"] = percentile(status_ms, 99) if status_ms else None
    figures["server_rss_mib"] = round(peak[0] / 1024, 1)
    return figures


def run(
    quick: bool,
    clients: tuple[int, ...] = CLIENTS,
    modes: tuple[str, ...] = MODES,
    gunicorn_args: tuple[str, ...] = (),
) -> dict:
    """The slow-LLM load figure for every client count and mode."""
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
        stub_url = stack.enter_context(stub_process(STUB_DELAY_S))
        env = {
            "RUNTIME_ENVIRONMENT": "DEV",
            "DATABASE_URL": database_url,
            "JWT_SECRET": "b" * 40,
            "OPENAI_API_KEY": "sk-bench-stub",
            "OPENAI_BASE_URL": stub_url,
            "LLM_TIMEOUT_S": "10",
        }
        api = stack.enter_context(
            gunicorn("radpair.wsgi:app", env, log_dir, extra_args=gunicorn_args)
        )
        token = login(api.url, email)
        command = {"query": DICTATION}
        for mode in modes:
            accept = "text/event-stream" if mode == "sse" else ""
            stub_body = {
                "model": "stub-model",
                "messages": [{"role": "user", "content": DICTATION}],
                "stream": mode == "sse",
            }
            for count in clients:
                alone = wrk(stub_url + "/chat/completions", seconds, count, stub_body, "x")
                drafted = load_run(
                    api, api.url + "/process-command", count, seconds, command, token, accept
                )
                run_figures = {
                    "mode": mode,
                    "clients": count,
                    "stub_rps": alone["rps"],
                    "stub_errors": alone["errors"],
                    "drafts_rps": drafted["rps"],
                    "ratio": round(drafted["rps"] / alone["rps"], 3) if alone["rps"] else None,
                    "p50_ms": drafted.get("p50_ms"),
                    "p99_ms": drafted.get("p99_ms"),
                    "errors": drafted["errors"],
                    "status_p99_ms": drafted["status_p99_ms"],
                    "server_rss_mib": drafted["server_rss_mib"],
                }
                run_figures["meets_targets"] = bool(
                    run_figures["ratio"] is not None
                    and run_figures["ratio"] >= TARGET_RATIO
                    and (run_figures["p99_ms"] or 1e9) <= TARGET_P99_MS
                    and (run_figures["status_p99_ms"] or 1e9) <= TARGET_STATUS_P99_MS
                    and run_figures["server_rss_mib"] <= TARGET_RSS_MIB
                    and run_figures["errors"] == 0
                )
                results["runs"].append(run_figures)
                print(run_figures, flush=True)
    return results
