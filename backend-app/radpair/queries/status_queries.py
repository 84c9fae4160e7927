"""Queries about the database itself: which Liquibase changesets are applied."""

from __future__ import annotations

from radpair.db import Queries


class StatusQueries(Queries):
    """Schema state queries."""

    sql_file = "status.sql"

    def applied_changesets(self) -> set[tuple[str, str]]:
        """(id, author) of every applied changeset; empty when Liquibase never ran."""
        if not self.fetch_value("changelog_table_exists"):
            return set()
        return {(row["id"], row["author"]) for row in self.fetch_all("applied_changesets")}
