"""Shared fixtures: a PostgreSQL server, a Liquibase-built template database copied per module."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from radpair import migrations
from tests.support import host

DEFAULT_PASSWORD = "Correct-Horse-42"


def in_ci() -> bool:
    """True when the CI environment variable says so (tests then use fixed seeds)."""
    return (host.env("CI") or "").strip().lower() in ("1", "true", "yes")


def _configured_server_url() -> str:
    return (host.env("TEST_DATABASE_URL") or host.env("DATABASE_URL") or "").strip()


def database_url(server_url: str, name: str) -> str:
    """The URL of another database on the same server."""
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(server_url: str) -> psycopg.Connection:
    return psycopg.connect(database_url(server_url, "postgres"), autocommit=True)


@pytest.fixture(scope="session")
def pg_server_url():
    """A PostgreSQL server the tests may create databases on (embedded when none is set)."""
    configured = _configured_server_url()
    if configured:
        yield configured
        return
    from radpair.embedded_db import EmbeddedPostgres

    embedded = EmbeddedPostgres()
    started = embedded.ensure_running()
    yield embedded.url("postgres")
    if started:
        embedded.stop()


@pytest.fixture(scope="session")
def template_database(pg_server_url):
    """A database built once by Liquibase, the template every module copies."""
    name = f"radpair_tpl_{uuid.uuid4().hex[:10]}"
    with _admin(pg_server_url) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        migrations.migrate(database_url(pg_server_url, name), quiet=True)
        yield name
    finally:
        with _admin(pg_server_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy_template(pg_server_url: str, template: str) -> str:
    """CREATE DATABASE … TEMPLATE: a fresh migrated database in milliseconds."""
    name = f"radpair_t_{uuid.uuid4().hex[:12]}"
    with _admin(pg_server_url) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return name


def drop_database(pg_server_url: str, name: str) -> None:
    """Drop a test database, closing any connection still open on it."""
    with _admin(pg_server_url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def module_database_url(pg_server_url, template_database):
    """A migrated database of the module's own."""
    name = copy_template(pg_server_url, template_database)
    yield database_url(pg_server_url, name)
    drop_database(pg_server_url, name)


@pytest.fixture(scope="module")
def settings(module_database_url):
    """UNITTEST settings pointing at the module's database."""
    from radpair.settings import Settings

    return Settings(
        runtime_environment="UNITTEST",
        database_url=module_database_url,
        jwt_secret="unit-test-secret-" + "x" * 32,
        cors_origins=("http://localhost:3000",),
    )


@pytest.fixture(scope="module")
def app(settings):
    """The Flask app on the module's database."""
    from tests.support.apps import running_app

    with running_app(settings) as application:
        yield application


@pytest.fixture()
def client(app):
    """A Flask test client."""
    return app.test_client()


@pytest.fixture(scope="module")
def make_user(app):
    """Create users directly through the handler; returns their public profile and password."""
    from radpair.handlers.user_handler import UserHandler

    def make(role: str = "user", password: str = DEFAULT_PASSWORD, email: str | None = None):
        email = email or f"user-{uuid.uuid4().hex[:8]}@example.org"
        user = UserHandler(app.extensions["radpair"]).create_user(
            {"email": email, "password": password, "role": role}
        )
        return {**user, "password": password}

    return make


@pytest.fixture(scope="module")
def login(app):
    """Log a user in through the API; returns the login response body."""

    def do_login(user: dict) -> dict:
        response = app.test_client().post(
            "/login", json={"email": user["email"], "password": user["password"]}
        )
        assert response.status_code == 200, response.json
        return response.json

    return do_login


@pytest.fixture(scope="module")
def auth_headers(make_user, login):
    """Authorization headers for a new user of the given role."""

    def headers(role: str = "user") -> dict:
        return {"Authorization": f"Bearer {login(make_user(role))['token']}"}

    return headers


@pytest.fixture(scope="module")
def stub():
    """The OpenAI-compatible stub on loopback (the one part that cannot run here)."""
    from tests.support.llm_stub import LLMStub

    server = LLMStub().start()
    yield server
    server.stop()
