"""POST /process-command: JSON, or Server-Sent Events with `Accept: text/event-stream`."""

from __future__ import annotations

import json
from contextlib import closing

from flask import Blueprint, Response, g, jsonify, request, stream_with_context

from radpair.handlers.command_handler import CommandHandler
from radpair.http import json_body, login_required
from radpair.services import current_services

bp = Blueprint("commands", __name__)


def sse(event: str, data: dict) -> str:
    """One Server-Sent Events message."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def sse_stream(events):
    """The events as SSE text; closing this closes `events` (a client that left)."""
    with closing(events):
        for event, data in events:
            yield sse(event, data)


@bp.post("/process-command")
@login_required
def process_command():
    """Expand the dictation, draft the report, verify it, store it, answer."""
    handler = CommandHandler(current_services())
    body = json_body()
    if request.accept_mimetypes.best == "text/event-stream":
        events = handler.open_stream(body, g.principal)
        return Response(
            stream_with_context(sse_stream(events)),
            mimetype="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )
    return jsonify(handler.draft(body, g.principal))
