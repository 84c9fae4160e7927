"""GET /audit: the append-only audit trail, for administrators."""

from __future__ import annotations

from flask import Blueprint, g, jsonify, request

from radpair.handlers.audit_handler import AuditHandler
from radpair.http import login_required
from radpair.services import current_services

bp = Blueprint("audit", __name__)


@bp.get("/audit")
@login_required
def list_audit():
    """A page of audit events, newest first."""
    return jsonify(AuditHandler(current_services()).list_audit(g.principal, request.args.to_dict()))
