"""GET /history, GET /history/{id}, DELETE /history/{id}."""

from __future__ import annotations

from flask import Blueprint, g, jsonify, request

from radpair.handlers.history_handler import HistoryHandler
from radpair.http import login_required, query_int
from radpair.services import current_services

bp = Blueprint("history", __name__)


@bp.get("/history")
@login_required
def list_history():
    """The caller's commands, newest first."""
    return jsonify(
        HistoryHandler(current_services()).list_history(
            g.principal,
            request.args.get("session_id"),
            query_int("limit", 50, 1, 200),
            request.args.get("cursor"),
        )
    )


@bp.get("/history/<command_id>")
@login_required
def get_history_item(command_id: str):
    """One of the caller's commands."""
    return jsonify(HistoryHandler(current_services()).get_history_item(command_id, g.principal))


@bp.delete("/history/<command_id>")
@login_required
def delete_history_item(command_id: str):
    """Delete one of the caller's commands."""
    return jsonify(HistoryHandler(current_services()).delete_history_item(command_id, g.principal))
