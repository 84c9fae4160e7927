"""GET /history, GET /history/{id}, DELETE /history/{id}."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, g, jsonify, request

from radpair.handlers.history_handler import HistoryHandler
from radpair.http import login_required
from radpair.services import current_services

bp = Blueprint("history", __name__)


@bp.get("/history")
@login_required
def list_history():
    """The caller's commands, newest first."""
    return jsonify(
        HistoryHandler(current_services()).list_history(g.principal, request.args.to_dict())
    )


# A non-UUID id matches no route: 404, as the spec's `format: uuid` declares.
@bp.get("/history/<uuid:command_id>")
@login_required
def get_history_item(command_id: UUID):
    """One of the caller's commands."""
    return jsonify(
        HistoryHandler(current_services()).get_history_item(str(command_id), g.principal)
    )


@bp.delete("/history/<uuid:command_id>")
@login_required
def delete_history_item(command_id: UUID):
    """Delete one of the caller's commands."""
    return jsonify(
        HistoryHandler(current_services()).delete_history_item(str(command_id), g.principal)
    )
