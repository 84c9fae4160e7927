"""Operator scripts as an operator runs them: create-user.sh and migrate.sh on a real database."""

from __future__ import annotations

import psycopg
import pytest

from tests.support.servers import PROJECT_ROOT, run_command

SCRIPTS = PROJECT_ROOT / "scripts"


def create_user(database_url: str, password: str, *args: str):
    return run_command(
        [str(SCRIPTS / "create-user.sh"), "--password-stdin", *args],
        timeout_s=180,
        env={"DATABASE_URL": database_url},
        input_text=password + "\n",
    )


def test_migrate_is_idempotent_on_an_up_to_date_database(module_database_url):
    result = run_command(
        [str(SCRIPTS / "migrate.sh")], timeout_s=180, env={"DATABASE_URL": module_database_url}
    )
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


def test_create_user_makes_a_user_who_can_log_in(module_database_url):
    from argon2 import PasswordHasher

    result = create_user(
        module_database_url,
        "Night-Shift-Reader-9",
        "--email",
        "Night@Example.org",
        "--role",
        "admin",
        "--username",
        "night",
    )
    assert result.returncode == 0, result.stderr
    assert "night@example.org" in result.stdout
    assert "Night-Shift-Reader-9" not in result.stdout + result.stderr
    with psycopg.connect(module_database_url) as connection:
        row = connection.execute(
            "SELECT role, username, password_hash FROM users WHERE email = 'night@example.org'"
        ).fetchone()
    assert row[0] == "admin" and row[1] == "night"
    assert PasswordHasher().verify(row[2], "Night-Shift-Reader-9")


@pytest.mark.parametrize(
    "email, password, message",
    [
        ("taken@example.org", "Another-Good-Pass-1", "user_exists"),
        ("weak@example.org", "password123", "too common"),
        ("short@example.org", "abc", "8 to 128"),
        ("not-an-email", "Another-Good-Pass-1", "email"),
    ],
)
def test_create_user_fails_clearly_with_a_non_zero_exit(
    module_database_url, email, password, message
):
    first = create_user(module_database_url, "First-Good-Pass-1", "--email", "taken@example.org")
    assert first.returncode == 0 or "user_exists" in first.stderr
    result = create_user(module_database_url, password, "--email", email)
    assert result.returncode != 0
    assert message in result.stderr
    assert password not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "env, message",
    [
        ({"DATABASE_URL": "", "JWT_SECRET": "p" * 40}, "PROD requires DATABASE_URL"),
        (
            {"DATABASE_URL": "postgresql://postgres@127.0.0.1:1/x", "JWT_SECRET": "short"},
            "JWT_SECRET of at least 32 bytes",
        ),
    ],
)
def test_run_prod_refuses_to_start_without_its_secrets(env, message):
    result = run_command(
        [str(SCRIPTS / "run-prod.sh")],
        timeout_s=60,
        env={"RUNTIME_ENVIRONMENT": "PROD", "PORT": "1", **env},
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
