"""The macro library: /macros, /macros/{id}, /macros/expand, /macros/import, /macros/export."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, Response, g, jsonify, request

from radpair.exceptions import UnsupportedMediaTypeError
from radpair.handlers.macro_handler import MacroHandler
from radpair.http import json_body, login_required, read_raw_body
from radpair.limits import MAX_IMPORT_BYTES
from radpair.services import current_services

bp = Blueprint("macros", __name__)

CSV_TYPES = {"text/csv", "application/csv", "text/plain"}


def handler() -> MacroHandler:
    """A handler bound to this process's services."""
    return MacroHandler(current_services())


@bp.post("/macros/expand")
@login_required
def expand_macros():
    """Expand dictated macros in `text`."""
    return jsonify(handler().expand_text(json_body(), g.principal))


@bp.get("/macros")
@login_required
def list_macros():
    """Search the macros the caller can see."""
    return jsonify(handler().list_macros(g.principal, request.args.to_dict()))


@bp.post("/macros")
@login_required
def create_macro():
    """Create a macro."""
    return jsonify(handler().create_macro(json_body(), g.principal)), 201


# `uuid:` keeps /macros/expand, /macros/import and /macros/export out of these routes (an
# undeclared method there answers 405 with Allow); any other non-UUID id is a 404.
@bp.get("/macros/<uuid:macro_id>")
@login_required
def get_macro(macro_id: UUID):
    """One macro."""
    return jsonify(handler().get_macro(str(macro_id), g.principal))


@bp.put("/macros/<uuid:macro_id>")
@login_required
def update_macro(macro_id: UUID):
    """Replace a macro."""
    return jsonify(handler().update_macro(str(macro_id), json_body(), g.principal))


@bp.delete("/macros/<uuid:macro_id>")
@login_required
def delete_macro(macro_id: UUID):
    """Delete a macro."""
    return jsonify(handler().delete_macro(str(macro_id), g.principal))


@bp.post("/macros/import")
@login_required
def import_macros():
    """Import a `Macro Phrase,Macro Text` CSV (up to 16 MiB)."""
    if request.mimetype not in CSV_TYPES:
        raise UnsupportedMediaTypeError("Send the CSV as text/csv.")
    raw = read_raw_body(MAX_IMPORT_BYTES)
    return jsonify(handler().import_csv(raw, request.args.to_dict(), g.principal))


@bp.get("/macros/export")
@login_required
def export_macros():
    """Every macro the caller can see, as CSV."""
    body = handler().export_csv(g.principal)
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="macros.csv"'},
    )
