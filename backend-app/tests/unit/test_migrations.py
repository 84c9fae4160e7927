"""How the service hands a DATABASE_URL to Liquibase."""

from __future__ import annotations

import pytest

from radpair.migrations import jdbc_arguments


def test_the_password_goes_through_the_environment_never_the_command_line():
    arguments, environment = jdbc_arguments("postgresql://radpair:s%40cret-Pw@db.internal:6543/app")
    assert arguments == [
        "--url=jdbc:postgresql://db.internal:6543/app",
        "--username=radpair",
    ]
    assert not any("cret" in argument for argument in arguments)
    assert environment == {"LIQUIBASE_COMMAND_PASSWORD": "s@cret-Pw"}


def test_a_url_without_password_sets_no_password_and_keeps_its_options():
    arguments, environment = jdbc_arguments("postgresql://127.0.0.1/radpair?sslmode=require")
    assert arguments == [
        "--url=jdbc:postgresql://127.0.0.1:5432/radpair?sslmode=require",
        "--username=postgres",
    ]
    assert environment == {}


@pytest.mark.parametrize("url", ["mysql://u:p@h/db", "sqlite:///x.db", "not a url"])
def test_a_url_that_is_not_postgresql_is_refused(url):
    with pytest.raises(ValueError):
        jdbc_arguments(url)
