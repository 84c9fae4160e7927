"""A report's text and statuses: plain values, no database."""

from __future__ import annotations

import hashlib
import json
import re

DRAFT, PRELIMINARY, FINAL, AMENDED, APPENDED = (
    "draft",
    "preliminary",
    "final",
    "amended",
    "appended",
)
STATUSES = (DRAFT, PRELIMINARY, FINAL, AMENDED, APPENDED)
# The working version (version 1 before signing) is the only one that can change.
EDITABLE = (DRAFT, PRELIMINARY)
SIGNED = (FINAL, AMENDED, APPENDED)
# What leaves the service: everything but a draft nobody has released yet.
EXPORTABLE = (PRELIMINARY, FINAL, AMENDED, APPENDED)

# One to one: the report's status is already FHIR's DiagnosticReport.status vocabulary.
FHIR_STATUS = {PRELIMINARY: "preliminary", FINAL: "final", AMENDED: "amended", APPENDED: "appended"}
# HL7 table 0123 (OBR-25) and 0085 (OBX-11): an addendum replaces a final result, i.e. C.
HL7_STATUS = {PRELIMINARY: "P", FINAL: "F", AMENDED: "C", APPENDED: "C"}

_HEADING = re.compile(r"^[ \t]*(FINDINGS|IMPRESSION)[ \t]*:[ \t]*", re.IGNORECASE | re.MULTILINE)


def split_sections(draft: str) -> tuple[str, str]:
    """(findings, impression) of a drafted text; all of it is findings without headings."""
    parts = _HEADING.split(draft)
    if len(parts) == 1:
        return draft.strip(), ""
    sections = {"FINDINGS": [], "IMPRESSION": []}
    preamble = parts[0].strip()
    if preamble:
        sections["FINDINGS"].append(preamble)
    for heading, body in zip(parts[1::2], parts[2::2]):
        if body.strip():
            sections[heading.upper()].append(body.strip())
    return "\n\n".join(sections["FINDINGS"]), "\n\n".join(sections["IMPRESSION"])


def report_text(findings: str, impression: str, addenda: list[str] = ()) -> str:
    """The report as one text, the one the verifier checks and the exports carry."""
    text = f"FINDINGS:\n{findings}\n\nIMPRESSION:\n{impression}"
    for addendum in addenda:
        text += f"\n\nADDENDUM:\n{addendum}"
    return text


def warning_id(warning: dict) -> str:
    """A stable id for a verifier warning: the same text gives the same warning, the same id."""
    canonical = json.dumps(warning, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def identified(warnings: list[dict]) -> list[dict]:
    """Warnings with their ids (duplicates collapse: one acknowledgement covers both)."""
    seen: dict[str, dict] = {}
    for warning in warnings:
        seen.setdefault(warning_id(warning), {"id": warning_id(warning), **warning})
    return list(seen.values())


def unacknowledged(open_warnings: list[dict], acknowledged_ids: set[str]) -> list[dict]:
    """The open warnings not among the acknowledged ids."""
    return [w for w in open_warnings if w["id"] not in acknowledged_ids]
