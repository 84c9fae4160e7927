"""Reports: verify a draft against its dictation; the report lifecycle (draft, preliminary,
final, addenda), its exports (FHIR R4 DiagnosticReport, HL7 v2.5.1 ORU^R01), each step audited.

Only the owner sees a report (404 for anyone else, administrators included, like private
macros); administrators see what happened to it in the audit trail instead.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone

from radpair.cursors import decode_time_cursor, encode_time_cursor
from radpair.exceptions import ConflictError, NotFoundError, ValidationError
from radpair.logging_setup import current_request_id
from radpair.auth.principal import Principal
from radpair.handlers.presenters import iso_utc, report_study
from radpair.limits import (
    ACCESSION_NUMBER,
    BODY_PART,
    MAX_ACKNOWLEDGEMENTS,
    MAX_COMMANDS,
    MAX_NOTE,
    MAX_REPORT,
    MAX_STUDY_FIELD,
    MAX_VERSION,
    MODALITY,
    PATIENT_REF,
    WARNING_ID,
)
from radpair.handlers.validation import (
    page_limit,
    parse_uuid,
    query_int,
    reject_unknown_fields,
    require_string,
)
from radpair.queries.audit_queries import AuditQueries
from radpair.queries.report_queries import ReportQueries
from radpair.reporting import document, fhir, hl7
from radpair.services import Services

# Each pattern is also the spec's (radpair.limits), so the two cannot drift.
STUDY_FIELDS = {
    "accession_number": re.compile(ACCESSION_NUMBER),
    "modality": re.compile(MODALITY),
    "body_part": re.compile(BODY_PART),
    "patient_ref": re.compile(PATIENT_REF),
}
TEXT_FIELDS = ("findings", "impression")
_WARNING_ID = re.compile(WARNING_ID)

# The statuses each change needs the report in, and the 409 message when it is in another.
ALLOWED_STATUSES = {
    "change": (
        document.EDITABLE,
        "The report is {status}: a signed version never changes; add an addendum instead.",
    ),
    "delete": ((document.DRAFT,), "The report is {status}: only a draft can be deleted."),
    "sign": (document.EDITABLE, "The report is already signed ({status})."),
    "addendum": (document.SIGNED, "The report is {status}: sign it before adding an addendum."),
}


class ReportConflictError(ConflictError):
    """The report's status does not allow this step."""

    code = "report_status_conflict"


class WarningsNotAcknowledgedError(ConflictError):
    """Signing needs every open verifier warning acknowledged, one by one."""

    code = "warnings_not_acknowledged"
    default_message = "Acknowledge every open warning (by id) to sign."


def _iso(moment) -> str | None:
    return iso_utc(moment) if moment else None


def require_study_field(body: dict, name: str, required: bool) -> str | None:
    """One study detail, matching its pattern."""
    value = require_string(body, name, max_length=MAX_STUDY_FIELD, required=required)
    if value is not None and not STUDY_FIELDS[name].fullmatch(value):
        raise ValidationError(
            f"`{name}` must match {STUDY_FIELDS[name].pattern}.", extra={"field": name}
        )
    return value


def require_text(body: dict, name: str, required: bool) -> str | None:
    """A report section: multi-line, bounded; findings must say something."""
    findings = name == "findings"
    return require_string(
        body,
        name,
        min_length=1 if findings else 0,
        max_length=MAX_REPORT,
        multiline=True,
        not_blank=findings,
        required=required,
    )


def parse_acknowledgements(body: dict) -> tuple[dict[str, str], list[str]]:
    """({warning_id: note}, the ids given more than once) from
    `acknowledgements: [{warning_id, note?}]`."""
    items = body.get("acknowledgements")
    if items is None:
        return {}, []
    if not isinstance(items, list) or len(items) > MAX_ACKNOWLEDGEMENTS:
        raise ValidationError(
            f"`acknowledgements` must be a list of at most {MAX_ACKNOWLEDGEMENTS} objects.",
            extra={"field": "acknowledgements"},
        )
    notes: dict[str, str] = {}
    duplicate: list[str] = []
    for item in items:
        if not isinstance(item, dict):
            raise ValidationError(
                "Each acknowledgement must be an object.", extra={"field": "acknowledgements"}
            )
        reject_unknown_fields(item, {"warning_id", "note"})
        warning_id = require_string(item, "warning_id")
        if not _WARNING_ID.fullmatch(warning_id):
            raise ValidationError(
                f"`warning_id` must match {WARNING_ID}.", extra={"field": "acknowledgements"}
            )
        note = require_string(
            item, "note", min_length=0, max_length=MAX_NOTE, required=False, default=""
        )
        if warning_id in notes and warning_id not in duplicate:
            duplicate.append(warning_id)
        notes[warning_id] = note
    return notes, sorted(duplicate)


def public_version(row: dict) -> dict:
    """One version in a report's version list."""
    return {
        "version": row["version"],
        "status": row["status"],
        "created_at": iso_utc(row["created_at"]),
        "signed_at": _iso(row["signed_at"]),
    }


def addenda_of(versions: list[dict], upto: int) -> list[dict]:
    """The addenda of versions 2..upto, in order."""
    return [
        {
            "version": v["version"],
            "status": v["status"],
            "text": v["addendum"],
            "signed_at": _iso(v["signed_at"]),
        }
        for v in versions
        if v["addendum"] is not None and v["version"] <= upto
    ]


class ReportHandler:
    """Report use cases: plain values in and out, every step audited in its transaction."""

    report_queries = ReportQueries
    audit_queries = AuditQueries

    def __init__(self, services: Services):
        self.database = services.database
        self.verifier = services.verifier

    # -- verification ------------------------------------------------------------------------

    def verify_report(self, body: dict) -> dict:
        """Laterality, negation and measurement changes between source and report."""
        reject_unknown_fields(body, {"source", "report"})
        source = require_string(body, "source", min_length=0, max_length=MAX_REPORT, multiline=True)
        report = require_string(body, "report", min_length=0, max_length=MAX_REPORT, multiline=True)
        return {"success": True, "warnings": self.verifier.verify(source, report)}

    def open_warnings(self, source: str, text: str) -> list[dict]:
        """The verifier's warnings for a report text, each with its id."""
        return document.identified(self.verifier.verify(source, text))

    # -- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _report_id(report_id: str) -> str:
        try:
            return parse_uuid(report_id, "report_id")
        except ValidationError:
            raise NotFoundError("No such report.") from None

    def _audit(self, connection, principal, action, report_id, **detail) -> None:
        self.audit_queries(connection).record_event(
            principal.user_id, action, "report", report_id, current_request_id(), detail
        )

    def _load(self, queries, report_id: str, principal: Principal, lock=False) -> dict:
        row = queries.get_report(self._report_id(report_id), principal.user_id, lock=lock)
        if row is None:
            raise NotFoundError("No such report.")
        return row

    def _locked(self, queries, report_id: str, principal: Principal, change: str) -> dict:
        """The report, locked until commit, when its status allows `change`; 409 otherwise."""
        row = self._load(queries, report_id, principal, lock=True)
        statuses, refusal = ALLOWED_STATUSES[change]
        if row["status"] not in statuses:
            raise ReportConflictError(refusal.format(status=row["status"]))
        return row

    def _view(self, row: dict, versions: list[dict]) -> dict:
        addenda = addenda_of(versions, row["version"])
        text = document.report_text(
            row["findings"], row["impression"], [a["text"] for a in addenda]
        )
        editable = row["status"] in document.EDITABLE
        return {
            **report_study(row),
            "command_ids": row["command_ids"],
            "source": row["source"],
            "status": row["status"],
            "version": row["version"],
            "findings": row["findings"],
            "impression": row["impression"],
            "addenda": addenda,
            "text": text,
            # Open warnings exist only while the report can still change.
            "warnings": self.open_warnings(row["source"], text) if editable else [],
            "signed_at": _iso(versions[0]["signed_at"]),
            "created_at": iso_utc(row["created_at"]),
            "updated_at": iso_utc(row["updated_at"]),
            "versions": [public_version(v) for v in versions],
        }

    def _answer(self, queries, report_id: str, principal: Principal) -> dict:
        row = queries.get_report(report_id, principal.user_id)
        return {"success": True, "report": self._view(row, queries.list_versions(report_id))}

    def _signed_acknowledgements(
        self, principal, open_warnings: list[dict], acknowledged: tuple, carried: dict
    ) -> list[dict]:
        """The stored acknowledgements; 409 unless they match the open warnings exactly, one
        entry per warning."""
        notes, duplicate = acknowledged
        open_ids = {w["id"] for w in open_warnings}
        missing = sorted(open_ids - set(notes) - set(carried))
        stale = sorted(set(notes) - open_ids)
        if missing or stale or duplicate:
            raise WarningsNotAcknowledgedError(
                extra={
                    "warnings": open_warnings,
                    "missing": missing,
                    "unknown": stale,
                    "duplicate": duplicate,
                }
            )
        now = iso_utc(datetime.now(timezone.utc))
        stored = []
        for warning in open_warnings:
            if warning["id"] in notes:
                stored.append(
                    {
                        "warning_id": warning["id"],
                        "warning": warning,
                        "note": notes[warning["id"]],
                        "acknowledged_by": principal.user_id,
                        "acknowledged_at": now,
                    }
                )
            else:
                stored.append(carried[warning["id"]])
        return stored

    # -- lifecycle ---------------------------------------------------------------------------

    def create_report(self, body: dict, principal: Principal) -> dict:
        """A draft from the caller's commands (their dictation is the verifier's source) and
        study details; findings and impression default to the latest command's draft."""
        reject_unknown_fields(body, {*STUDY_FIELDS, *TEXT_FIELDS, "command_ids"})
        study = {name: require_study_field(body, name, True) for name in STUDY_FIELDS}
        command_ids = body.get("command_ids", [])
        if command_ids is None:
            command_ids = []
        if not isinstance(command_ids, list) or len(command_ids) > MAX_COMMANDS:
            raise ValidationError(
                f"`command_ids` must be a list of at most {MAX_COMMANDS} ids.",
                extra={"field": "command_ids"},
            )
        command_ids = list(dict.fromkeys(parse_uuid(c, "command_ids") for c in command_ids))
        findings = require_text(body, "findings", required=False)
        impression = require_text(body, "impression", required=False)
        with self.database.transaction() as connection:
            queries = self.report_queries(connection)
            commands = queries.drafting_commands(principal.user_id, command_ids)
            if len(commands) != len(command_ids):
                raise NotFoundError("No such command.", extra={"field": "command_ids"})
            if commands:
                drafted = document.split_sections(commands[-1]["response"])
                findings = drafted[0] if findings is None else findings
                impression = drafted[1] if impression is None else impression
            if findings is None or not findings.strip():
                raise ValidationError(
                    "Give `findings`, or `command_ids` whose latest draft has findings.",
                    extra={"field": "findings"},
                )
            report_id = queries.insert_report(
                owner_id=principal.user_id,
                source="\n\n".join(c["expanded_query"] for c in commands),
                command_ids=[c["id"] for c in commands],
                findings=findings,
                impression=impression or "",
                **study,
            )
            self._audit(connection, principal, "create", report_id, command_ids=command_ids)
            return self._answer(queries, report_id, principal)

    def list_reports(self, principal: Principal, query: dict) -> dict:
        """A page of the caller's reports, newest first (`limit`, `cursor`)."""
        limit = page_limit(query)
        before = decode_time_cursor(query.get("cursor"))
        with self.database.statements() as connection:
            rows = self.report_queries(connection).list_reports(
                principal.user_id, before, limit + 1
            )
        page, more = rows[:limit], len(rows) > limit
        items = [
            {
                **row,
                "created_at": iso_utc(row["created_at"]),
                "updated_at": iso_utc(row["updated_at"]),
            }
            for row in page
        ]
        next_cursor = encode_time_cursor(page[-1]["created_at"], page[-1]["id"]) if more else None
        return {"success": True, "items": items, "next_cursor": next_cursor}

    def get_report(self, report_id: str, principal: Principal) -> dict:
        """One of the caller's reports, current version, with its open warnings."""
        with self.database.transaction() as connection:
            queries = self.report_queries(connection)
            row = self._load(queries, report_id, principal)
            self._audit(connection, principal, "read", row["id"], version=row["version"])
            return {"success": True, "report": self._view(row, queries.list_versions(row["id"]))}

    def update_report(self, report_id: str, body: dict, principal: Principal) -> dict:
        """Change a draft or preliminary report; 409 once signed."""
        reject_unknown_fields(body, {*STUDY_FIELDS, *TEXT_FIELDS, "status"})
        if not body:
            raise ValidationError("Give at least one field to change.")
        study = {name: require_study_field(body, name, False) for name in STUDY_FIELDS}
        texts = {name: require_text(body, name, False) for name in TEXT_FIELDS}
        status = body.get("status")
        if status is not None and status not in document.EDITABLE:
            raise ValidationError(
                "`status` must be draft or preliminary (sign to make it final).",
                extra={"field": "status"},
            )
        with self.database.transaction() as connection:
            queries = self.report_queries(connection)
            row = self._locked(queries, report_id, principal, "change")
            if row["status"] == document.PRELIMINARY and status == document.DRAFT:
                raise ReportConflictError("A preliminary report cannot go back to draft.")
            changed = sorted(
                k for k, v in {**study, **texts, "status": status}.items() if v is not None
            )
            queries.update_report(row["id"], **{k: v or row[k] for k, v in study.items()})
            queries.update_working_version(
                row["id"],
                texts["findings"] if texts["findings"] is not None else row["findings"],
                texts["impression"] if texts["impression"] is not None else row["impression"],
                status or row["status"],
            )
            self._audit(connection, principal, "change", row["id"], fields=changed)
            return self._answer(queries, row["id"], principal)

    def delete_report(self, report_id: str, principal: Principal) -> dict:
        """Delete a draft; 409 once it was released (preliminary) or signed."""
        with self.database.transaction() as connection:
            queries = self.report_queries(connection)
            row = self._locked(queries, report_id, principal, "delete")
            queries.delete_report(row["id"], principal.user_id)
            self._audit(connection, principal, "delete", row["id"])
        return {"success": True, "message": "Report deleted."}

    def sign_report(self, report_id: str, body: dict, principal: Principal) -> dict:
        """Sign the working version as final; every open warning acknowledged, by id."""
        reject_unknown_fields(body, {"acknowledgements"})
        acknowledged = parse_acknowledgements(body)
        with self.database.transaction() as connection:
            queries = self.report_queries(connection)
            row = self._locked(queries, report_id, principal, "sign")
            text = document.report_text(row["findings"], row["impression"])
            warnings = self.open_warnings(row["source"], text)
            acknowledgements = self._signed_acknowledgements(principal, warnings, acknowledged, {})
            queries.sign_working_version(row["id"], warnings, acknowledgements)
            self._audit(
                connection,
                principal,
                "sign",
                row["id"],
                version=1,
                acknowledged=[a["warning_id"] for a in acknowledgements],
            )
            return self._answer(queries, row["id"], principal)

    def add_addendum(self, report_id: str, body: dict, principal: Principal) -> dict:
        """A new signed version: `amended` when findings or impression change, else
        `appended`. Warnings acknowledged for the previous version stay acknowledged."""
        reject_unknown_fields(body, {"addendum", *TEXT_FIELDS, "acknowledgements"})
        addendum = require_string(
            body, "addendum", max_length=MAX_REPORT, multiline=True, not_blank=True
        )
        texts = {name: require_text(body, name, False) for name in TEXT_FIELDS}
        acknowledged = parse_acknowledgements(body)
        with self.database.transaction() as connection:
            queries = self.report_queries(connection)
            row = self._locked(queries, report_id, principal, "addendum")
            versions = queries.list_versions(row["id"])
            findings = texts["findings"] if texts["findings"] is not None else row["findings"]
            impression = (
                texts["impression"] if texts["impression"] is not None else row["impression"]
            )
            changed = (findings, impression) != (row["findings"], row["impression"])
            status = document.AMENDED if changed else document.APPENDED
            addenda = [a["text"] for a in addenda_of(versions, row["version"])] + [addendum]
            text = document.report_text(findings, impression, addenda)
            warnings = self.open_warnings(row["source"], text)
            carried = {a["warning_id"]: a for a in row["acknowledgements"]}
            acknowledgements = self._signed_acknowledgements(
                principal, warnings, acknowledged, carried
            )
            version = row["version"] + 1
            queries.insert_addendum(
                report_id=row["id"],
                version=version,
                status=status,
                findings=findings,
                impression=impression,
                addendum=addendum,
                warnings=warnings,
                acknowledgements=acknowledgements,
                author_id=principal.user_id,
            )
            self._audit(
                connection, principal, "addendum", row["id"], version=version, status=status
            )
            return self._answer(queries, row["id"], principal)

    def get_version(self, report_id: str, version: int, principal: Principal) -> dict:
        """One version of the caller's report, as it was signed (or as it stands, for v1
        before signing)."""
        with self.database.transaction() as connection:
            queries = self.report_queries(connection)
            row = self._load(queries, report_id, principal)
            versions = queries.list_versions(row["id"])
            chosen = self._pick(versions, version)
            addenda = addenda_of(versions, version)
            text = document.report_text(
                chosen["findings"], chosen["impression"], [a["text"] for a in addenda]
            )
            unsigned = chosen["signed_at"] is None
            self._audit(connection, principal, "read", row["id"], version=version)
        return {
            "success": True,
            "version": {
                "report_id": row["id"],
                "version": chosen["version"],
                "status": chosen["status"],
                "findings": chosen["findings"],
                "impression": chosen["impression"],
                "addendum": chosen["addendum"],
                "addenda": addenda,
                "text": text,
                "warnings": (
                    self.open_warnings(row["source"], text) if unsigned else chosen["warnings"]
                ),
                "acknowledgements": chosen["acknowledgements"],
                "author_id": chosen["author_id"],
                "created_at": iso_utc(chosen["created_at"]),
                "signed_at": _iso(chosen["signed_at"]),
            },
        }

    @staticmethod
    def _pick(versions: list[dict], version: int) -> dict:
        for candidate in versions:
            if candidate["version"] == version:
                return candidate
        raise NotFoundError("No such version.")

    # -- export ------------------------------------------------------------------------------

    def export_view(self, report_id: str, version: int | None, principal: Principal, fmt: str):
        """The plain values an export is built from; audited as an export."""
        with self.database.transaction() as connection:
            queries = self.report_queries(connection)
            row = self._load(queries, report_id, principal)
            versions = queries.list_versions(row["id"])
            chosen = self._pick(versions, row["version"] if version is None else version)
            if chosen["status"] not in document.EXPORTABLE:
                raise ReportConflictError(
                    "A draft is not exported: make it preliminary or sign it first."
                )
            self._audit(
                connection, principal, "export", row["id"], format=fmt, version=chosen["version"]
            )
        return {
            **report_study(row),
            "version": chosen["version"],
            "status": chosen["status"],
            "findings": chosen["findings"],
            "impression": chosen["impression"],
            "addenda": addenda_of(versions, chosen["version"]),
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
            "signed_at": chosen["signed_at"],
        }

    def export_fhir(self, report_id: str, query: dict, principal: Principal) -> dict:
        """The report (or its `version`) as a FHIR R4 DiagnosticReport."""
        version = query_int(query, "version", None, 1, MAX_VERSION)
        return fhir.diagnostic_report(self.export_view(report_id, version, principal, "fhir"))

    def export_hl7(self, report_id: str, query: dict, principal: Principal) -> str:
        """The report (or its `version`) as an HL7 v2.5.1 ORU^R01 message."""
        version = query_int(query, "version", None, 1, MAX_VERSION)
        view = self.export_view(report_id, version, principal, "hl7")
        return hl7.oru_r01(view, uuid.uuid4().hex[:20], datetime.now(timezone.utc))
