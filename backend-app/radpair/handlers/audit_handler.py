"""The audit trail: what the handlers append, and the administrators' paged view of it."""

from __future__ import annotations


from radpair.exceptions import ForbiddenError, ValidationError
from radpair.auth.principal import Principal
from radpair.handlers.presenters import public_event
from radpair.cursors import decode_sequence_cursor, encode_sequence_cursor
from radpair.handlers.validation import parse_uuid
from radpair.queries.audit_queries import AuditQueries
from radpair.services import Services

ACTIONS = ("create", "read", "change", "sign", "addendum", "export", "delete")
RESOURCE_TYPES = ("report", "command")


class AuditHandler:
    """Reading the trail; there is no use case that changes it."""

    audit_queries = AuditQueries

    def __init__(self, services: Services):
        self.database = services.database

    def list_audit(
        self, principal: Principal, filters: dict, limit: int, cursor: str | None
    ) -> dict:
        """A page of events, newest first; administrators only."""
        if not principal.is_admin:
            raise ForbiddenError("Only administrators can read the audit trail.")
        checked: dict = {}
        for name in ("actor_id", "resource_id"):
            if filters.get(name) is not None:
                checked[name] = parse_uuid(filters[name], name)
        for name, choices in (("action", ACTIONS), ("resource_type", RESOURCE_TYPES)):
            value = filters.get(name)
            if value is not None:
                if value not in choices:
                    raise ValidationError(
                        f"`{name}` must be one of: {', '.join(choices)}.", extra={"field": name}
                    )
                checked[name] = value
        before = decode_sequence_cursor(cursor)
        with self.database.statements() as connection:
            rows = self.audit_queries(connection).list_events(checked, before, limit + 1)
        page, more = rows[:limit], len(rows) > limit
        return {
            "success": True,
            "items": [public_event(r) for r in page],
            "next_cursor": encode_sequence_cursor(page[-1]["id"]) if more else None,
        }
