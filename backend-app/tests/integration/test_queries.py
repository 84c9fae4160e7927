"""Query classes against PostgreSQL built by Liquibase: named SQL, dict rows, error mapping."""

from __future__ import annotations

import csv
import re
import uuid
from pathlib import Path

import pytest

from radpair.db import Database, UniqueViolationError, load_queries
from radpair.exceptions import DatabaseUnavailableError
from radpair.macros.engine import normalize_phrase
from radpair.queries.command_queries import CommandQueries
from radpair.queries.macro_queries import MacroQueries
from radpair.queries.user_queries import LoginAttemptQueries, TokenQueries, UserQueries

ROOT = Path(__file__).resolve().parents[3]
SQL_DIR = ROOT / "backend-app" / "radpair" / "queries" / "sql"


def without_comments(sql: str) -> str:
    return "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))


@pytest.mark.parametrize("sql_file", sorted(p.name for p in SQL_DIR.glob("*.sql")))
def test_every_named_query_parses_on_the_server_and_stays_below_jit_cost(database, sql_file):
    # A statement the planner prices above jit_above_cost gets JIT-compiled on every execution
    # (hundreds of milliseconds for a short insert); the generic plan's estimate must stay below.
    queries = load_queries(sql_file)
    assert queries
    with database.transaction() as connection:
        jit_above_cost = float(connection.execute("SHOW jit_above_cost").fetchone()[0])
        connection.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        for name, sql in queries.items():
            body = without_comments(sql).strip()
            keyword = body.split(None, 1)[0].upper()
            if keyword in ("CREATE", "TRUNCATE"):
                # Utility statements (the import's temporary table) have no plan: run them.
                connection.execute(body)
            else:
                assert keyword in ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH"), name
                # PREPARE checks names, types and syntax without running anything.
                statement = body.replace("%%", "%")
                params = sorted(set(re.findall(r"%\((\w+)\)s", statement)))
                for index, param in enumerate(params, start=1):
                    statement = statement.replace(f"%({param})s", f"${index}")
                connection.execute(f"PREPARE check_{name} AS {statement}")
                arguments = f"({', '.join(['NULL'] * len(params))})" if params else ""
                plan = connection.execute(f"EXPLAIN EXECUTE check_{name}{arguments}").fetchone()
                total_cost = float(re.search(r"cost=[\d.]+\.\.([\d.]+)", plan[0]).group(1))
                assert total_cost < jit_above_cost, (name, total_cost)
                connection.execute(f"DEALLOCATE check_{name}")


def new_user(connection, email=None) -> dict:
    email = email or f"q-{uuid.uuid4().hex[:8]}@Example.org"
    return UserQueries(connection).insert(email, "u", "", "$argon2id$fake", "user")


def test_users_are_stored_lowercase_and_found_in_any_case(database):
    with database.transaction() as connection:
        user = new_user(connection, "Mixed.Case@Example.ORG")
        assert user["email"] == "mixed.case@example.org"
        found = UserQueries(connection).get_by_email("MIXED.case@example.org")
        assert found["id"] == user["id"] and found["password_hash"] == "$argon2id$fake"
        assert "password_hash" not in UserQueries(connection).get_by_id(user["id"])


def test_a_duplicate_email_becomes_the_projects_conflict_error(database):
    with database.transaction() as connection:
        new_user(connection, "dup@example.org")
    with pytest.raises(UniqueViolationError):
        with database.transaction() as connection:
            new_user(connection, "DUP@example.org")


def test_a_failed_transaction_is_rolled_back(database):
    email = f"rollback-{uuid.uuid4().hex[:6]}@example.org"
    with pytest.raises(RuntimeError):
        with database.transaction() as connection:
            new_user(connection, email)
            raise RuntimeError("handler failed")
    with database.transaction() as connection:
        assert UserQueries(connection).get_by_email(email) is None


def test_login_failures_count_inside_the_window_only(database):
    email = f"lock-{uuid.uuid4().hex[:6]}@example.org"
    with database.transaction() as connection:
        attempts = LoginAttemptQueries(connection)
        for _ in range(3):
            attempts.record_failure(email)
        connection.execute(
            "UPDATE login_failures SET failed_at = now() - interval '20 minutes' "
            "WHERE id = (SELECT min(id) FROM login_failures WHERE email = %s)",
            (email,),
        )
        failures, retry_after = attempts.recent_failures(email, 900, 5)
        assert failures == 2 and 0 < retry_after <= 900
        attempts.clear(email, 900)
        assert attempts.recent_failures(email, 900, 5) == (0, 0)


def test_revocation_is_seen_by_principal_state(database):
    with database.transaction() as connection:
        user = new_user(connection)
        tokens = TokenQueries(connection)
        jti, refresh = str(uuid.uuid4()), str(uuid.uuid4())
        assert tokens.principal_state(user["id"], jti, refresh)["revoked"] is False
        tokens.revoke(refresh, user["id"], 4102444800)
        assert tokens.principal_state(user["id"], jti, refresh)["revoked"] is True
        assert tokens.principal_state(str(uuid.uuid4()), jti, None) is None


def test_user_macro_writes_move_version_but_not_site_version(database):
    with database.transaction() as connection:
        user = new_user(connection)
        macros = MacroQueries(connection)
        version, site_version = macros.library_versions()
        macros.insert(
            phrase="p one",
            normalized_phrase="p one",
            text="t",
            shortcut=None,
            scope="user",
            owner_id=user["id"],
            private=False,
        )
        after_user = macros.library_versions()
        macros.insert(
            phrase="p two",
            normalized_phrase="p two",
            text="t",
            shortcut=None,
            scope="site",
            owner_id=None,
            private=False,
        )
        after_site = macros.library_versions()
    assert after_user == (version + 1, site_version)
    assert after_site == (version + 2, site_version + 1)


def test_import_counts_created_and_updated_rows(database):
    with database.transaction() as connection:
        user = new_user(connection)
        macros = MacroQueries(connection)
        rows = [("a b", "a b", "one"), ("c d", "c d", "two")]
        assert macros.import_rows(rows, "user", user["id"], False) == (2, 0)
        rows = [("a b", "a b", "one"), ("c d", "c d", "changed"), ("e f", "e f", "new")]
        assert macros.import_rows(rows, "user", user["id"], False) == (1, 1)


def test_sql_and_python_normalize_every_shipped_phrase_the_same(database):
    with open(ROOT / "db" / "data" / "site_macros.csv", newline="", encoding="utf-8") as f:
        phrases = [row["Macro Phrase"] for row in csv.DictReader(f)]
    phrases += ["  Normal   CHEST ", "A\u00a0b", "mixed\tTabs\nand  spaces"]
    with database.transaction() as connection:
        sql = connection.execute(
            "SELECT lower(regexp_replace(btrim(p), '\\s+', ' ', 'g')) FROM unnest(%s::text[]) p",
            (phrases,),
        ).fetchall()
    assert [row[0] for row in sql] == [normalize_phrase(p) for p in phrases]


def test_the_default_library_is_in_the_site_scope(database):
    with database.transaction() as connection:
        site = MacroQueries(connection).site_macros_for_engine()
    with open(ROOT / "db" / "data" / "site_macros.csv", newline="", encoding="utf-8") as f:
        shipped = {normalize_phrase(row["Macro Phrase"]) for row in csv.DictReader(f)}
    assert len(shipped) >= 200
    assert shipped <= {normalize_phrase(row["phrase"]) for row in site}


def test_commands_page_newest_first(database):
    with database.transaction() as connection:
        user = new_user(connection)
        queries = CommandQueries(connection)
        session = str(uuid.uuid4())
        made = [
            queries.insert_command(
                "test-request",
                new_session=i == 0,
                user_id=user["id"],
                session_id=session,
                query=f"q{i}",
                expanded_query=f"q{i}",
                response="r",
                model="m",
                mode="offline",
                latency_ms=1,
                macros=[],
                fields=[],
                warnings=[{"type": "x", "message": "y"}],
            )
            for i in range(3)
        ]
        first = queries.list_commands(user["id"], None, None, 2)
        rest = queries.list_commands(
            user["id"], session, (first[-1]["created_at"], first[-1]["id"]), 2
        )
    assert [r["id"] for r in first + rest] == [m["id"] for m in reversed(made)]
    assert first[0]["warnings"] == [{"type": "x", "message": "y"}]


def test_an_unreachable_server_becomes_database_unavailable():
    from tests.support.servers import free_port

    db = Database(f"postgresql://postgres@127.0.0.1:{free_port()}/none", min_size=0, max_size=1)
    db.pool.timeout = 1.0
    db.open()
    try:
        with pytest.raises(DatabaseUnavailableError):
            db.ping()
    finally:
        db.close()
