"""The audit trail: what the handlers append, and the administrators' paged view of it."""

from __future__ import annotations


from radpair.exceptions import ForbiddenError
from radpair.auth.principal import Principal
from radpair.handlers.presenters import public_event
from radpair.cursors import decode_sequence_cursor, encode_sequence_cursor
from radpair.handlers.validation import page_limit, parse_uuid, require_choice
from radpair.queries.audit_queries import AuditQueries
from radpair.services import Services

ACTIONS = ("create", "read", "change", "sign", "addendum", "export", "delete")
RESOURCE_TYPES = ("report", "command")


class AuditHandler:
    """Reading the trail; there is no use case that changes it."""

    audit_queries = AuditQueries

    def __init__(self, services: Services):
        self.database = services.database

    def list_audit(self, principal: Principal, query: dict) -> dict:
        """A page of events, newest first; administrators only.

        Query: `actor_id`, `resource_id`, `action`, `resource_type` filters; `limit`, `cursor`.
        """
        limit = page_limit(query)
        if not principal.is_admin:
            raise ForbiddenError("Only administrators can read the audit trail.")
        checked: dict = {}
        for name in ("actor_id", "resource_id"):
            if query.get(name) is not None:
                checked[name] = parse_uuid(query[name], name)
        for name, choices in (("action", ACTIONS), ("resource_type", RESOURCE_TYPES)):
            value = require_choice(query, name, choices, None)
            if value is not None:
                checked[name] = value
        before = decode_sequence_cursor(query.get("cursor"))
        with self.database.statements() as connection:
            rows = self.audit_queries(connection).list_events(checked, before, limit + 1)
        page, more = rows[:limit], len(rows) > limit
        return {
            "success": True,
            "items": [public_event(r) for r in page],
            "next_cursor": encode_sequence_cursor(page[-1]["id"]) if more else None,
        }
