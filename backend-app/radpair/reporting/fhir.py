"""A report version as a FHIR R4 DiagnosticReport (JSON)."""

from __future__ import annotations

import base64
from datetime import datetime, timezone

from radpair.reporting.document import FHIR_STATUS, report_text

LOINC = "http://loinc.org"
V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
ACCESSION_SYSTEM = "urn:radpair:accession"
USER_SYSTEM = "urn:radpair:user"
IMAGING_STUDY = {"system": LOINC, "code": "18748-4", "display": "Diagnostic imaging study"}


def instant(moment: datetime) -> str:
    """A FHIR instant: UTC with a Z, seconds always present."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def diagnostic_report(view: dict) -> dict:
    """The DiagnosticReport of one exportable version (see ReportHandler.export_view)."""
    text = report_text(view["findings"], view["impression"], [a["text"] for a in view["addenda"]])
    issued = view["signed_at"] or view["updated_at"]
    resource = {
        "resourceType": "DiagnosticReport",
        "id": view["id"],
        "meta": {"versionId": str(view["version"]), "lastUpdated": instant(issued)},
        "identifier": [
            {
                "use": "usual",
                "type": {
                    "coding": [{"system": V2_0203, "code": "ACSN", "display": "Accession ID"}]
                },
                "system": ACCESSION_SYSTEM,
                "value": view["accession_number"],
            }
        ],
        "status": FHIR_STATUS[view["status"]],
        "category": [{"coding": [{"system": V2_0074, "code": "RAD", "display": "Radiology"}]}],
        "code": {"coding": [IMAGING_STUDY], "text": f"{view['modality']} {view['body_part']}"},
        "subject": {"reference": f"Patient/{view['patient_ref']}"},
        "effectiveDateTime": instant(view["created_at"]),
        "issued": instant(issued),
        "resultsInterpreter": [{"identifier": {"system": USER_SYSTEM, "value": view["owner_id"]}}],
        "presentedForm": [
            {
                "contentType": "text/plain; charset=utf-8",
                "data": base64.b64encode(text.encode("utf-8")).decode("ascii"),
                "title": f"{view['modality']} {view['body_part']} report",
                "creation": instant(issued),
            }
        ],
    }
    if view["impression"].strip():
        resource["conclusion"] = view["impression"]
    return resource
