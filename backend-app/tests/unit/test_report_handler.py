"""ReportHandler with fake query classes: the signing and addendum rules, the audit it writes."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from radpair.exceptions import ConflictError, NotFoundError, ValidationError
from radpair.auth.principal import Principal
from radpair.handlers.report_handler import ReportHandler, WarningsNotAcknowledgedError
from radpair.services import Services
from radpair.settings import Settings
from tests.support.fakes import FakeDatabase

OWNER = Principal("6f1c8a9e-2b7d-4c1e-9a55-0d2b8f6e4a11", "user", "jti", None, 0)
REPORT_ID = "0d2b8f6e-4a11-4c1e-9a55-6f1c8a9e2b7d"
NOW = datetime(2024, 5, 6, tzinfo=timezone.utc)
# The fake verifier warns once per "right" in the report text: any shape, any type.
WARNING = {"type": "some-future-kind", "message": "Side differs.", "extra": [1]}


class FakeVerifier:
    def verify(self, source, report):
        return [{**WARNING, "at": i} for i in range(report.lower().count("right"))]


class Store:
    def __init__(self, status="draft", findings="Right effusion.", acknowledgements=()):
        self.versions = [
            {
                "version": 1,
                "status": status,
                "findings": findings,
                "impression": "I.",
                "addendum": None,
                "warnings": [],
                "acknowledgements": list(acknowledgements),
                "author_id": OWNER.user_id,
                "created_at": NOW,
                "signed_at": None if status in ("draft", "preliminary") else NOW,
            }
        ]
        self.events: list[tuple] = []

    def row(self):
        current = self.versions[-1]
        return {
            "id": REPORT_ID,
            "owner_id": OWNER.user_id,
            "accession_number": "A1",
            "modality": "CT",
            "body_part": "CHEST",
            "patient_ref": "p-1",
            "source": "Left effusion.",
            "command_ids": [],
            "created_at": NOW,
            "updated_at": NOW,
            **current,
        }


def handler_for(store: Store) -> tuple[ReportHandler, FakeDatabase]:
    class Reports:
        def __init__(self, connection):
            pass

        def get_report(self, report_id, owner_id, lock=False):
            return store.row() if (report_id, owner_id) == (REPORT_ID, OWNER.user_id) else None

        def list_versions(self, report_id):
            return store.versions

        def sign_working_version(self, report_id, warnings, acknowledgements):
            store.versions[0].update(
                status="final", warnings=warnings, acknowledgements=acknowledgements, signed_at=NOW
            )
            return 1

        def insert_addendum(self, report_id, version, **values):
            store.versions.append({"version": version, "created_at": NOW, "signed_at": NOW})
            store.versions[-1].update(values)
            return 1

    class Audit:
        def __init__(self, connection):
            pass

        def record_event(self, actor_id, action, resource_type, resource_id, request_id, detail):
            store.events.append((action, resource_type, resource_id, detail))

    class Handler(ReportHandler):
        report_queries = Reports
        audit_queries = Audit

    database = FakeDatabase()
    services = Services(settings=Settings(runtime_environment="UNITTEST"), database=database)
    services.verifier = FakeVerifier()
    return Handler(services), database


def open_ids(handler) -> list[str]:
    return [w["id"] for w in handler.get_report(REPORT_ID, OWNER)["report"]["warnings"]]


def test_signing_with_every_warning_acknowledged_stores_each_acknowledgement():
    store = Store(findings="Right effusion. Right rib.")
    handler, database = handler_for(store)
    ids = open_ids(handler)
    assert len(ids) == 2
    body = {"acknowledgements": [{"warning_id": i, "note": f"ok {i}"} for i in ids]}
    answer = handler.sign_report(REPORT_ID, body, OWNER)
    assert answer["report"]["status"] == "final"
    stored = store.versions[0]["acknowledgements"]
    assert [(a["warning_id"], a["note"], a["acknowledged_by"]) for a in stored] == [
        (i, f"ok {i}", OWNER.user_id) for i in ids
    ]
    assert store.versions[0]["warnings"][0]["type"] == "some-future-kind"
    assert store.events[-1][0:3] == ("sign", "report", REPORT_ID)


@pytest.mark.parametrize("acknowledged", [0, 1])
def test_signing_with_a_warning_left_open_changes_nothing(acknowledged):
    store = Store(findings="Right effusion. Right rib.")
    handler, database = handler_for(store)
    ids = open_ids(handler)
    body = {"acknowledgements": [{"warning_id": i} for i in ids[:acknowledged]]}
    with pytest.raises(WarningsNotAcknowledgedError) as caught:
        handler.sign_report(REPORT_ID, body, OWNER)
    assert caught.value.extra["missing"] == sorted(ids[acknowledged:])
    assert store.versions[0]["status"] == "draft"
    assert [e[0] for e in store.events] == ["read"]
    assert database.rollbacks == 1


def test_a_report_without_warnings_signs_with_no_acknowledgement():
    store = Store(findings="Left effusion.")
    handler, _ = handler_for(store)
    assert handler.sign_report(REPORT_ID, {}, OWNER)["report"]["warnings"] == []
    assert store.versions[0]["acknowledgements"] == []


@pytest.mark.parametrize("status", ["final", "amended", "appended"])
def test_a_signed_report_is_never_signed_or_changed_again(status):
    handler, _ = handler_for(Store(status=status))
    with pytest.raises(ConflictError):
        handler.sign_report(REPORT_ID, {}, OWNER)
    with pytest.raises(ConflictError):
        handler.update_report(REPORT_ID, {"findings": "New."}, OWNER)


def test_an_addendum_keeps_the_acknowledgements_of_the_signed_version():
    store = Store(findings="Right effusion.")
    handler, _ = handler_for(store)
    ids = open_ids(handler)
    handler.sign_report(REPORT_ID, {"acknowledgements": [{"warning_id": ids[0]}]}, OWNER)
    answer = handler.add_addendum(REPORT_ID, {"addendum": "Stable."}, OWNER)
    assert (answer["report"]["status"], answer["report"]["version"]) == ("appended", 2)
    assert [a["warning_id"] for a in store.versions[1]["acknowledgements"]] == ids


def test_an_addendum_that_adds_a_warning_needs_it_acknowledged():
    handler, _ = handler_for(Store(status="final", findings="Left effusion."))
    with pytest.raises(WarningsNotAcknowledgedError):
        handler.add_addendum(REPORT_ID, {"addendum": "Right side too."}, OWNER)


def test_changing_the_findings_in_an_addendum_makes_it_amended():
    store = Store(status="final", findings="Left effusion.")
    handler, _ = handler_for(store)
    body = {"addendum": "Corrected.", "findings": "Small left effusion."}
    assert handler.add_addendum(REPORT_ID, body, OWNER)["report"]["status"] == "amended"
    assert store.versions[0]["findings"] == "Left effusion."


@pytest.mark.parametrize("report_id", ["nope", "00000000-0000-4000-8000-000000000000"])
def test_unknown_or_malformed_report_ids_are_not_found(report_id):
    handler, _ = handler_for(Store())
    with pytest.raises(NotFoundError):
        handler.get_report(report_id, OWNER)


@pytest.mark.parametrize(
    "body",
    [
        {"accession_number": "A1", "modality": "CT", "body_part": "CHEST"},
        {"accession_number": "A1\n", "modality": "CT", "body_part": "CHEST", "patient_ref": "p"},
        {"accession_number": "A1", "modality": "CT", "body_part": " X", "patient_ref": "p"},
    ],
)
def test_study_details_are_checked_before_any_database_work(body):
    handler, database = handler_for(Store())
    with pytest.raises(ValidationError):
        handler.create_report(body, OWNER)
    assert database.commits == database.rollbacks == 0
