"""POST /reports/verify."""

from __future__ import annotations

from flask import Blueprint, jsonify

from radpair.handlers.report_handler import ReportHandler
from radpair.http import json_body, login_required
from radpair.services import current_services

bp = Blueprint("reports", __name__)


@bp.post("/reports/verify")
@login_required
def verify_report():
    """Laterality, negation and measurement changes between a dictation and its draft."""
    return jsonify(ReportHandler(current_services()).verify_report(json_body()))
