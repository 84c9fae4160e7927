"""Real servers for the tests: the API under gunicorn as a child process, on loopback."""

from __future__ import annotations

import functools
import http.client
import json
import socket
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence
from urllib.parse import urlsplit

from tests.support import host

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

    def worker_pids(self) -> list[int]:
        """The pids of the master's descendants (the workers), sorted."""
        return sorted(process_tree(self.process.pid)[1:])

    def rss_kib(self) -> int:
        """Resident memory of the master and every worker, in KiB."""
        return process_tree_rss_kib(self.process.pid)


def prod_env(database_url: str, jwt_secret: str, **extra: str) -> dict[str, str]:
    """Settings of a production instance on a test database: offline LLM, no CORS origins."""
    return {
        "RUNTIME_ENVIRONMENT": "PROD",
        "DATABASE_URL": database_url,
        "JWT_SECRET": jwt_secret,
        "OPENAI_API_KEY": "",
        "OPENAI_BASE_URL": "",
        "CORS_ORIGINS": "",
        **extra,
    }


@contextmanager
def gunicorn_server(
    env: Mapping[str, str],
    log_path: Path,
    *,
    workers: int | None = 1,
    threads: int | None = 8,
    app_spec: str = "radpair.wsgi:app",
    chdir: Path | None = None,
    extra_args: tuple[str, ...] = (),
) -> Iterator[LiveServer]:
    """Start gunicorn with the repository's config plus `env`; stop it afterwards.

    `workers` or `threads` of None keep the config file's production values.
    """
    port = free_port()
    full_env = host.environ()
    full_env.update(env)
    full_env.update({"HOST": "127.0.0.1", "PORT": str(port)})
    log_file = open(log_path, "w")
    argv = [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONFIG)]
    if workers is not None:
        argv += ["--workers", str(workers)]
    if threads is not None:
        argv += ["--threads", str(threads)]
    if chdir is not None:
        argv += ["--chdir", str(chdir)]
    argv += list(extra_args)
    process = host.spawn(
        argv + [app_spec],
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


# -- HTTP client ------------------------------------------------------------------------------

# What a keep-alive connection raises when the server closed it while it sat idle.
_STALE_CONNECTION_ERRORS = (
    http.client.RemoteDisconnected,
    ConnectionResetError,
    ConnectionAbortedError,
    BrokenPipeError,
)


@dataclass(frozen=True)
class Reply:
    """One HTTP response: status, headers and body."""

    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)

    # The names of a Flask test response, so one set of assertions serves both.
    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.status

    @property
    def mimetype(self) -> str:
        """The content type without parameters."""
        return self.headers.get_content_type()

    def get_json(self) -> Any:
        """The body parsed as JSON."""
        return self.json()


class ApiClient:
    """A keep-alive HTTP/1.1 JSON client for one server: one connection, used by one thread."""

    def __init__(self, base_url: str, *, token: str | None = None, timeout_s: float = 30.0):
        parts = urlsplit(base_url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.token = token
        self.timeout_s = timeout_s
        self.reconnects = 0
        self.opened = 0
        self._connection: http.client.HTTPConnection | None = None
        self._reused = False

    def __enter__(self) -> "ApiClient":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (the next request opens a new one)."""
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        self._reused = False

    def request(
        self,
        method: str,
        path: str,
        json_body: Any = None,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
    ) -> Reply:
        """Send one request; a keep-alive connection the server closed is reopened once."""
        all_headers = {"Accept": "application/json"}
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        if json_body is not None:
            body = json.dumps(json_body).encode()
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        for attempt in range(2):
            if self._connection is None:
                self._connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout_s
                )
                self.opened += 1
            reused = self._reused
            try:
                self._connection.request(method, path, body=body, headers=all_headers)
                response = self._connection.getresponse()
                data = response.read()
            except _STALE_CONNECTION_ERRORS:
                self.close()
                if reused and attempt == 0:
                    self.reconnects += 1
                    continue
                raise
            except BaseException:
                self.close()
                raise
            self._reused = True
            if response.will_close:
                self.close()
            return Reply(response.status, response.headers, data)
        raise AssertionError("unreachable")

    def get(self, path: str, **kwargs) -> Reply:
        """GET `path`."""
        return self.request("GET", path, **kwargs)

    def post(self, path: str, json_body: Any = None, **kwargs) -> Reply:
        """POST `json_body` to `path`."""
        return self.request("POST", path, json_body, **kwargs)

    def put(self, path: str, json_body: Any = None, **kwargs) -> Reply:
        """PUT `json_body` to `path`."""
        return self.request("PUT", path, json_body, **kwargs)

    def delete(self, path: str, **kwargs) -> Reply:
        """DELETE `path`."""
        return self.request("DELETE", path, **kwargs)


# -- processes --------------------------------------------------------------------------------


def process_tree(pid: int) -> list[int]:
    """`pid` followed by all its living descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: the fields follow the last ")".
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree: list[int] = []
    pending = [pid]
    while pending:
        current = pending.pop(0)
        if current in tree:
            continue
        tree.append(current)
        pending.extend(sorted(children.get(current, [])))
    return tree


def rss_kib(pid: int) -> int:
    """VmRSS of one process in KiB (0 when it has none or has exited)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def process_tree_rss_kib(pid: int) -> int:
    """Total VmRSS of `pid` and its descendants, in KiB."""
    return sum(rss_kib(member) for member in process_tree(pid))


def cpu_seconds(pids: Sequence[int]) -> float:
    """User plus system CPU time the processes have used so far (exited ones count 0)."""
    ticks = host.clock_ticks()
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        # utime and stime are fields 14 and 15; the command name before them may hold spaces.
        fields = stat.rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def processes_named(fragment: str) -> list[int]:
    """Pids whose command line contains `fragment` (PostgreSQL backends name their database)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if fragment.encode() in command:
                found.append(int(entry.name))
    return found


def run_command(
    argv: Sequence[str],
    *,
    timeout_s: float,
    env: Mapping[str, str] | None = None,
    input_text: str | None = None,
    cwd: Path | None = None,
):
    """Run a command to completion (killed after `timeout_s`), output captured, never raising."""
    full_env = host.environ()
    full_env.update(env or {})
    return host.run(
        list(argv),
        env=full_env,
        check=False,
        timeout=timeout_s,
        cwd=cwd or PROJECT_ROOT,
        input_text=input_text,
    )


def run_node(
    script: Path,
    args: Sequence[str] = (),
    *,
    timeout_s: float,
    env: Mapping[str, str] | None = None,
    input_text: str | None = None,
):
    """Run a node script in its folder to completion (killed after `timeout_s`), output captured."""
    return run_command(
        ["node", str(script), *args],
        timeout_s=timeout_s,
        env=env,
        input_text=input_text,
        cwd=script.parent,
    )


# -- static files -----------------------------------------------------------------------------


class StaticServer:
    """A directory served over HTTP on a loopback port, remembering the paths asked for."""

    def __init__(self, directory: Path):
        paths: list[str] = []

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self):
                paths.append(self.path)
                super().do_GET()

            def log_message(self, *args):
                """Quiet: tests assert on `paths` instead."""

        self.paths = paths
        self.server = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(directory))
        )
        self.server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@contextmanager
def static_server(directory: Path) -> Iterator[StaticServer]:
    """Serve `directory` from its own loopback origin; stop afterwards."""
    server = StaticServer(directory)
    server.thread.start()
    try:
        yield server
    finally:
        server.server.shutdown()
        server.server.server_close()
        server.thread.join(timeout=10)


# -- nginx ------------------------------------------------------------------------------------


def nginx_binary() -> str | None:
    """Debian's nginx, if installed (scripts/setup-test-tools.sh installs it)."""
    import shutil

    found = shutil.which("nginx")
    if found is None and Path("/usr/sbin/nginx").exists():
        found = "/usr/sbin/nginx"
    return found


@contextmanager
def nginx_server(upstream_port: int, folder: Path) -> Iterator[int]:
    """deploy/nginx.conf as the compose file runs it, in front of a loopback port; its port."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed")
    port = free_port()
    site = (PROJECT_ROOT / "deploy" / "nginx.conf").read_text()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};")
    site = site.replace("http://api:5000", f"http://127.0.0.1:{upstream_port}")
    (folder / "site.conf").write_text(site)
    # As root, nginx would hand its workers to `nobody`, who cannot write the temp folders.
    user = "user root;" if host.is_root() else ""
    temp = " ".join(
        f"{kind}_temp_path {folder}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"{user}\nworker_processes 1;\npid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log warn;\nevents {{ worker_connections 1024; }}\n"
        f"http {{ access_log off; {temp} include {folder}/site.conf; }}\n"
    )
    argv = [binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
    log_file = open(folder / "stderr.log", "w")
    process = host.spawn(argv, stderr=log_file)
    try:
        try:
            wait_until_serving(f"http://127.0.0.1:{port}/status", timeout_s=15)
        except OSError:
            raise RuntimeError(
                "nginx did not start:\n" + (folder / "stderr.log").read_text()[-2000:]
            ) from None
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except Exception:
            process.kill()
            process.wait()
        log_file.close()
