"""GET /status and GET /status/ready."""

from __future__ import annotations

from flask import Blueprint, jsonify

from radpair.handlers.status_handler import StatusHandler
from radpair.services import current_services

bp = Blueprint("status", __name__)


@bp.get("/status")
def get_status():
    """Liveness probe and the message existing clients show."""
    return jsonify(StatusHandler(current_services()).get_status())


@bp.get("/status/ready")
def get_readiness():
    """Readiness probe: 503 until the database is reachable and migrated."""
    return jsonify(StatusHandler(current_services()).get_readiness())
