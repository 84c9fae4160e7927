"""The caller's command history: list (cursor pagination), get, delete."""

from __future__ import annotations

from radpair.exceptions import NotFoundError, ValidationError
from radpair.logging_setup import current_request_id
from radpair.auth.principal import Principal
from radpair.handlers.presenters import public_command
from radpair.cursors import decode_time_cursor, encode_time_cursor
from radpair.handlers.validation import page_limit, parse_uuid
from radpair.queries.command_queries import CommandQueries
from radpair.services import Services


class HistoryHandler:
    """History use cases; every query is scoped to the caller."""

    command_queries = CommandQueries

    def __init__(self, services: Services):
        self.database = services.database

    def list_history(self, principal: Principal, query: dict) -> dict:
        """A page of the caller's commands, newest first (`session_id`, `limit`, `cursor`)."""
        limit = page_limit(query)
        session_id = query.get("session_id")
        if session_id is not None:
            session_id = parse_uuid(session_id, "session_id")
        before = decode_time_cursor(query.get("cursor"))
        with self.database.statements() as connection:
            rows = self.command_queries(connection).list_commands(
                principal.user_id, session_id, before, limit + 1
            )
        page, more = rows[:limit], len(rows) > limit
        next_cursor = encode_time_cursor(page[-1]["created_at"], page[-1]["id"]) if more else None
        return {
            "success": True,
            "items": [public_command(r) for r in page],
            "next_cursor": next_cursor,
        }

    def _command_id(self, command_id: str) -> str:
        try:
            return parse_uuid(command_id, "id")
        except ValidationError:
            raise NotFoundError("No such record.") from None

    def get_history_item(self, command_id: str, principal: Principal) -> dict:
        """One of the caller's commands (the read is audited); 404 for anyone else's."""
        with self.database.statements() as connection:
            row = self.command_queries(connection).get_command(
                self._command_id(command_id), principal.user_id, current_request_id()
            )
        if row is None:
            raise NotFoundError("No such record.")
        return {"success": True, "item": public_command(row)}

    def delete_history_item(self, command_id: str, principal: Principal) -> dict:
        """Delete one of the caller's commands (audited); 404 for anyone else's."""
        with self.database.statements() as connection:
            deleted = self.command_queries(connection).delete_command(
                self._command_id(command_id), principal.user_id, current_request_id()
            )
        if not deleted:
            raise NotFoundError("No such record.")
        return {"success": True, "message": "Record deleted."}
