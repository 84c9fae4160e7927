"""/status/ready tells operators when to run scripts/migrate.sh; /status never depends on it."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from tests.support.apps import running_app
from tests.support.assertions import assert_error_shape
from tests.conftest import database_url, drop_database


@pytest.fixture()
def empty_database(pg_server_url):
    name = f"radpair_empty_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(database_url(pg_server_url, "postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield database_url(pg_server_url, name)
    drop_database(pg_server_url, name)


def serve(settings, url):
    return running_app(settings.with_overrides(database_url=url))


def test_an_unmigrated_database_is_not_ready_and_names_the_migration_script(
    settings, empty_database
):
    with serve(settings, empty_database) as application:
        client = application.test_client()
        response = client.get("/status/ready")
        assert_error_shape(response, 503, "not_ready")
        assert "scripts/migrate.sh" in response.json["message"]
        assert response.json["pending_changesets"] > 0
        assert client.get("/status").status_code == 200


def test_a_database_missing_the_latest_changeset_is_not_ready(settings, module_database_url):
    with psycopg.connect(module_database_url, autocommit=True) as connection:
        connection.execute(
            "DELETE FROM databasechangelog WHERE orderexecuted = "
            "(SELECT max(orderexecuted) FROM databasechangelog)"
        )
    with serve(settings, module_database_url) as application:
        response = application.test_client().get("/status/ready")
        assert_error_shape(response, 503, "not_ready")
        assert response.json["pending_changesets"] == 1


def test_an_unreachable_database_is_not_ready(settings):
    from tests.support.servers import free_port

    with serve(settings, f"postgresql://postgres@127.0.0.1:{free_port()}/x") as application:
        application.extensions["radpair"].database.pool.timeout = 1.0
        client = application.test_client()
        response = client.get("/status/ready")
        assert_error_shape(response, 503, "not_ready")
        assert "scripts/migrate.sh" in response.json["message"]
        assert client.get("/status").status_code == 200
