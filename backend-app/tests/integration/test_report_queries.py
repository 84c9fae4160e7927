"""Report and audit queries on PostgreSQL built by Liquibase; the database's own guarantees."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from radpair.queries.audit_queries import AuditQueries
from radpair.queries.report_queries import ReportQueries
from radpair.queries.user_queries import UserQueries

STUDY = {"accession_number": "A1", "modality": "CT", "body_part": "CHEST", "patient_ref": "p-1"}


def new_user(connection) -> str:
    email = f"r-{uuid.uuid4().hex[:8]}@example.org"
    return UserQueries(connection).insert(email, "u", "", "$argon2id$fake", "user")["id"]


def new_report(connection, owner: str) -> str:
    return ReportQueries(connection).insert_report(
        owner_id=owner, source="Left.", command_ids=[], findings="F.", impression="I.", **STUDY
    )


def signed_report(connection) -> tuple[str, str]:
    owner = new_user(connection)
    report_id = new_report(connection, owner)
    ReportQueries(connection).sign_working_version(report_id, [], [])
    return owner, report_id


def test_a_report_starts_as_a_draft_visible_to_its_owner_only(database):
    with database.transaction() as connection:
        owner, other = new_user(connection), new_user(connection)
        report_id = new_report(connection, owner)
        queries = ReportQueries(connection)
        row = queries.get_report(report_id, owner, lock=True)
        assert (row["status"], row["version"], row["findings"]) == ("draft", 1, "F.")
        assert queries.get_report(report_id, other) is None
        assert [r["id"] for r in queries.list_reports(owner, None, 10)] == [report_id]
        assert queries.list_reports(other, None, 10) == []


@pytest.mark.parametrize(("lock", "held"), [(True, True), (False, False)])
def test_a_locked_read_holds_the_report_row_until_the_transaction_ends(
    database, module_database_url, lock, held
):
    with database.transaction() as connection:
        owner = new_user(connection)
        report_id = new_report(connection, owner)
    with database.transaction() as connection:
        row = ReportQueries(connection).get_report(report_id, owner, lock=lock)
        assert row["id"] == report_id
        with psycopg.connect(module_database_url, autocommit=True) as other:
            probe = "SELECT 1 FROM reports WHERE id = %s FOR UPDATE NOWAIT"
            if held:
                with pytest.raises(psycopg.errors.LockNotAvailable):
                    other.execute(probe, (report_id,))
            else:
                assert other.execute(probe, (report_id,)).fetchall() == [(1,)]


def test_an_addendum_becomes_the_current_version_and_the_first_stays(database):
    with database.transaction() as connection:
        owner, report_id = signed_report(connection)
        queries = ReportQueries(connection)
        queries.insert_addendum(
            report_id=report_id,
            version=2,
            status="appended",
            findings="F.",
            impression="I.",
            addendum="Later.",
            warnings=[],
            acknowledgements=[],
            author_id=owner,
        )
        assert queries.get_report(report_id, owner)["status"] == "appended"
        versions = queries.list_versions(report_id)
        assert [(v["version"], v["status"], v["addendum"]) for v in versions] == [
            (1, "final", None),
            (2, "appended", "Later."),
        ]


def test_the_working_version_changes_only_until_it_is_signed(database):
    with database.transaction() as connection:
        owner, report_id = signed_report(connection)
        assert ReportQueries(connection).update_working_version(report_id, "X.", "Y.", "draft") == 0


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE report_versions SET findings = 'tampered' WHERE report_id = %(id)s",
        "DELETE FROM report_versions WHERE report_id = %(id)s",
        "DELETE FROM reports WHERE id = %(id)s",
    ],
)
def test_the_database_refuses_to_change_a_signed_version(database, statement):
    with database.transaction() as connection:
        _, report_id = signed_report(connection)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        with database.transaction() as connection:
            connection.execute(statement, {"id": report_id})
    with database.statements() as connection:
        versions = ReportQueries(connection).list_versions(report_id)
    assert versions[0]["findings"] == "F."


def record(connection, actor: str, action: str = "read", resource: str | None = None) -> str:
    resource = resource or str(uuid.uuid4())
    AuditQueries(connection).record_event(actor, action, "report", resource, "req-1", {"v": 1})
    return resource


def test_audit_events_page_newest_first_and_filter(database):
    actor = str(uuid.uuid4())
    with database.transaction() as connection:
        resource = record(connection, actor, "create")
        record(connection, actor, "read", resource)
        record(connection, actor, "export", resource)
        queries = AuditQueries(connection)
        events = queries.list_events({"resource_id": resource}, None, 10)
        assert [e["action"] for e in events] == ["export", "read", "create"]
        older = queries.list_events({"actor_id": actor}, events[0]["id"], 10)
        assert [e["action"] for e in older] == ["read", "create"]
        only = queries.list_events({"actor_id": actor, "action": "read"}, None, 10)
        assert [(e["action"], e["request_id"], e["detail"]) for e in only] == [
            ("read", "req-1", {"v": 1})
        ]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'read' WHERE actor_id = %(actor)s",
        "DELETE FROM audit_events WHERE actor_id = %(actor)s",
        "TRUNCATE audit_events",
    ],
)
def test_nobody_can_alter_or_delete_the_audit_trail_not_even_its_owner(database, statement):
    actor = str(uuid.uuid4())
    with database.transaction() as connection:
        record(connection, actor, "create")
    # The pool connects as the owner of the tables (here a superuser): still refused.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        with database.transaction() as connection:
            connection.execute(statement, {"actor": actor})
    with database.statements() as connection:
        events = AuditQueries(connection).list_events({"actor_id": actor}, None, 10)
    assert [e["action"] for e in events] == ["create"]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'read'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
    ],
)
def test_an_ordinary_role_granted_everything_still_cannot_alter_the_audit_trail(
    database, statement
):
    role = f"radpair_probe_{uuid.uuid4().hex[:10]}"
    with database.pool.connection() as connection:
        connection.autocommit = False
        try:
            connection.execute(f'CREATE ROLE "{role}" NOLOGIN')
            connection.execute(f'GRANT ALL ON audit_events TO "{role}"')
            connection.execute(f'SET LOCAL ROLE "{role}"')
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
        finally:
            # The role, its grant and the attempt vanish with the transaction.
            connection.rollback()
            connection.autocommit = True
