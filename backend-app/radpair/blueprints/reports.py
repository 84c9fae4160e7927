"""POST /reports/verify, and the report lifecycle: /reports, /reports/{id}, sign, addenda,
versions, FHIR and HL7 v2 exports."""

from __future__ import annotations

import json

from uuid import UUID

from flask import Blueprint, Response, g, jsonify, request

from radpair.handlers.report_handler import ReportHandler
from radpair.http import json_body, login_required
from radpair.services import current_services

bp = Blueprint("reports", __name__)

FHIR_JSON = "application/fhir+json"
HL7_V2 = "application/hl7-v2; charset=utf-8"


def handler() -> ReportHandler:
    """The handler for this request."""
    return ReportHandler(current_services())


@bp.post("/reports/verify")
@login_required
def verify_report():
    """Laterality, negation and measurement changes between a dictation and its draft."""
    return jsonify(handler().verify_report(json_body()))


@bp.post("/reports")
@login_required
def create_report():
    """A new draft report of the caller's."""
    return jsonify(handler().create_report(json_body(), g.principal)), 201


@bp.get("/reports")
@login_required
def list_reports():
    """The caller's reports, newest first."""
    return jsonify(handler().list_reports(g.principal, request.args.to_dict()))


# `uuid:` keeps /reports/verify out of these routes (an undeclared method there answers 405
# with Allow); any other non-UUID id is a 404.
@bp.get("/reports/<uuid:report_id>")
@login_required
def get_report(report_id: UUID):
    """One of the caller's reports."""
    return jsonify(handler().get_report(str(report_id), g.principal))


@bp.put("/reports/<uuid:report_id>")
@login_required
def update_report(report_id: UUID):
    """Change a draft or preliminary report."""
    return jsonify(handler().update_report(str(report_id), json_body(), g.principal))


@bp.delete("/reports/<uuid:report_id>")
@login_required
def delete_report(report_id: UUID):
    """Delete a draft report."""
    return jsonify(handler().delete_report(str(report_id), g.principal))


@bp.post("/reports/<uuid:report_id>/sign")
@login_required
def sign_report(report_id: UUID):
    """Sign the report as final, acknowledging its open warnings."""
    return jsonify(handler().sign_report(str(report_id), json_body(), g.principal))


@bp.post("/reports/<uuid:report_id>/addenda")
@login_required
def add_addendum(report_id: UUID):
    """A new signed version of a signed report."""
    return jsonify(handler().add_addendum(str(report_id), json_body(), g.principal)), 201


@bp.get("/reports/<uuid:report_id>/versions/<int:version>")
@login_required
def get_report_version(report_id: UUID, version: int):
    """One version of the caller's report."""
    return jsonify(handler().get_version(str(report_id), version, g.principal))


@bp.get("/reports/<uuid:report_id>/export/fhir")
@login_required
def export_fhir(report_id: UUID):
    """The report as a FHIR R4 DiagnosticReport."""
    resource = handler().export_fhir(str(report_id), request.args.to_dict(), g.principal)
    return Response(json.dumps(resource, ensure_ascii=False), content_type=FHIR_JSON)


@bp.get("/reports/<uuid:report_id>/export/hl7")
@login_required
def export_hl7(report_id: UUID):
    """The report as an HL7 v2.5.1 ORU^R01 message."""
    message = handler().export_hl7(str(report_id), request.args.to_dict(), g.principal)
    return Response(message, content_type=HL7_V2)
