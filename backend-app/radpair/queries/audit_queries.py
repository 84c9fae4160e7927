"""The append-only audit trail."""

from __future__ import annotations

from psycopg.types.json import Jsonb

from radpair.db import Queries


class AuditQueries(Queries):
    """Raw SQL for audit events: insert and read, nothing else exists."""

    sql_file = "audit.sql"

    def record_event(
        self,
        actor_id: str,
        action: str,
        resource_type: str,
        resource_id: str,
        request_id: str,
        detail: dict | None = None,
    ) -> int:
        """Append one event."""
        return self.execute(
            "record_event",
            actor_id=actor_id,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            request_id=request_id,
            detail=Jsonb(detail or {}),
        )

    def list_events(self, filters: dict, before_id: int | None, limit: int) -> list[dict]:
        """A page of events, newest first; filters: actor_id, resource_id, action,
        resource_type (None means any)."""
        return self.fetch_all(
            "list_events",
            actor_id=filters.get("actor_id"),
            resource_id=filters.get("resource_id"),
            action=filters.get("action"),
            resource_type=filters.get("resource_type"),
            before_id=before_id,
            limit=limit,
        )
