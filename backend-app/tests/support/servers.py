"""Real servers for the tests: the API under gunicorn as a child process, on loopback."""

from __future__ import annotations

import socket
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping

from radpair.util_helper import util_helper

PROJECT_ROOT = Path(__file__).resolve().parents[3]
GUNICORN_CONFIG = PROJECT_ROOT / "backend-app" / "gunicorn.conf.py"


def free_port() -> int:
    """An unused loopback TCP port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, timeout_s: float = 30.0) -> None:
    """Poll `url` until it answers anything."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


class LiveServer:
    """A running gunicorn serving radpair.wsgi:app."""

    def __init__(self, process, port: int, log_path: Path):
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log_path

    def log_text(self) -> str:
        """Everything the server wrote to stdout and stderr so far."""
        return self.log_path.read_text("utf-8", errors="replace")


@contextmanager
def gunicorn_server(
    env: Mapping[str, str], log_path: Path, *, workers: int = 1, threads: int = 8
) -> Iterator[LiveServer]:
    """Start gunicorn with the repository's config plus `env`; stop it afterwards."""
    port = free_port()
    with util_helper() as util:
        full_env = util.environ()
        full_env.update(env)
        full_env.update({"HOST": "127.0.0.1", "PORT": str(port)})
        log_file = open(log_path, "w")
        process = util.spawn(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(GUNICORN_CONFIG),
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "radpair.wsgi:app",
            ],
            env=full_env,
            stdout=log_file,
            stderr=log_file,
            cwd=PROJECT_ROOT,
        )
    try:
        server = LiveServer(process, port, log_path)
        try:
            wait_until_serving(server.url + "/status")
        except OSError:
            raise RuntimeError("gunicorn did not start:\n" + server.log_text()[-3000:]) from None
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except Exception:
            process.kill()
            process.wait()
        log_file.close()
