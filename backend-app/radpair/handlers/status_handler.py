"""Liveness and readiness."""

from __future__ import annotations

from radpair import migrations
from radpair.exceptions import DatabaseUnavailableError, NotReadyError
from radpair.queries.status_queries import StatusQueries
from radpair.services import Services

STATUS_MESSAGE = "public api-radpair status check endpoint is operational"


class StatusHandler:
    """Answers whether the process is alive and whether it can serve requests."""

    def __init__(self, services: Services):
        self.services = services

    def get_status(self) -> dict:
        """Liveness: the process answers; no dependency is touched."""
        return {"success": True, "message": STATUS_MESSAGE}

    def get_readiness(self) -> dict:
        """Readiness: the database answers and every changeset of the changelog is applied."""
        try:
            with self.services.database.statements() as connection:
                applied = StatusQueries(connection).applied_changesets()
        except DatabaseUnavailableError:
            raise NotReadyError(
                "The database is unreachable. Check DATABASE_URL, then run scripts/migrate.sh.",
                extra={"database": "unreachable"},
            ) from None
        missing = [c for c in migrations.expected_changesets() if c not in applied]
        if missing:
            raise NotReadyError(
                f"{len(missing)} database changeset(s) are not applied; run scripts/migrate.sh.",
                extra={"database": "behind", "pending_changesets": len(missing)},
            )
        return {"success": True, "message": "ready", "database": "ok"}
