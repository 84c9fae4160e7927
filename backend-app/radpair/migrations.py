"""Liquibase: find or install the CLI, run `update`, list the changesets the changelog expects."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from radpair.settings import PROJECT_ROOT
from radpair.util_helper import util_helper

CHANGELOG = PROJECT_ROOT / "db" / "changelog" / "changelog.yaml"
LIQUIBASE_NPM_VERSION = "4.28.1"
LIQUIBASE_CACHE = PROJECT_ROOT / "var" / "tools" / "liquibase"
_NPM_LAUNCHER = LIQUIBASE_CACHE / "node_modules" / "liquibase" / "dist" / "liquibase" / "liquibase"


@lru_cache(maxsize=None)
def expected_changesets(changelog: Path = CHANGELOG) -> tuple[tuple[str, str], ...]:
    """(id, author) of every changeset the changelog includes, in order."""
    found: list[tuple[str, str]] = []
    document = yaml.safe_load(changelog.read_text("utf-8"))
    for entry in document.get("databaseChangeLog", []):
        if "include" in entry:
            found.extend(expected_changesets(changelog.parent / entry["include"]["file"]))
        elif "changeSet" in entry:
            found.append((str(entry["changeSet"]["id"]), str(entry["changeSet"]["author"])))
    return tuple(found)


def jdbc_arguments(database_url: str) -> tuple[list[str], dict[str, str]]:
    """Liquibase connection arguments for a libpq URL, and the environment for its password.

    The password goes through LIQUIBASE_COMMAND_PASSWORD, never the command line, where any
    local user could read it in the process list.
    """
    parts = urlsplit(database_url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise ValueError("DATABASE_URL must be a postgresql:// URL")
    host = parts.hostname or "127.0.0.1"
    port = parts.port or 5432
    database = parts.path.lstrip("/") or "postgres"
    query = f"?{parts.query}" if parts.query else ""
    arguments = [
        f"--url=jdbc:postgresql://{host}:{port}/{database}{query}",
        f"--username={unquote(parts.username or 'postgres')}",
    ]
    environment = {"LIQUIBASE_COMMAND_PASSWORD": unquote(parts.password)} if parts.password else {}
    return arguments, environment


def liquibase_launcher() -> str:
    """`liquibase` from PATH, else the official npm distribution cached under var/tools."""
    on_path = shutil.which("liquibase")
    if on_path:
        return on_path
    if not _NPM_LAUNCHER.exists():
        LIQUIBASE_CACHE.mkdir(parents=True, exist_ok=True)
        with util_helper() as util:
            util.run(
                [
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--silent",
                    "--prefix",
                    str(LIQUIBASE_CACHE),
                    f"liquibase@{LIQUIBASE_NPM_VERSION}",
                ],
                capture=False,
            )
    return str(_NPM_LAUNCHER)


def migrate(database_url: str, *, quiet: bool = False) -> None:
    """Apply the changelog with `liquibase update`."""
    connection, connection_env = jdbc_arguments(database_url)
    argv = [
        liquibase_launcher(),
        "--show-banner=false",
        f"--search-path={CHANGELOG.parent.parent}",
        "--changelog-file=changelog/changelog.yaml",
        *connection,
        "--log-level=WARNING",
        "update",
    ]
    with util_helper() as util:
        env = util.environ()
        env.setdefault("JAVA_OPTS", "-Xshare:auto -XX:TieredStopAtLevel=1")
        env.update(connection_env)
        result = util.run(argv, env=env, check=False, capture=quiet)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout or "").strip()[-2000:] if quiet else ""
        raise RuntimeError(f"liquibase update failed (exit {result.returncode}) {detail}")
