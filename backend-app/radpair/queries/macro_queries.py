"""Raw SQL for the macro library."""

from __future__ import annotations

from typing import Iterable

from radpair.db import Queries, translated_errors


class MacroQueries(Queries):
    """The macros table and its version counters."""

    sql_file = "macros.sql"

    def library_versions(self) -> tuple[int, int]:
        """(version, site_version): cheap to read on every request."""
        row = self.fetch_one("library_versions")
        return int(row["version"]), int(row["site_version"])

    def site_macros_for_engine(self) -> list[dict]:
        """Every site macro (id, phrase, text, scope)."""
        return self.fetch_all("site_macros_for_engine")

    def user_macros_for_engine(self, user_id: str) -> list[dict]:
        """Every macro the user owns (id, phrase, text, scope)."""
        return self.fetch_all("user_macros_for_engine", user_id=user_id)

    def lock_library(self, owner_id: str | None) -> None:
        """Until the transaction ends: the site library exclusively, or a user's library
        exclusively and the site's shared (a user's view nests through site macros)."""
        if owner_id is None:
            self.execute("lock_site_library")
            return
        self.execute("share_site_library")
        self.execute("lock_user_library", owner_id=owner_id)

    def get(self, macro_id: str) -> dict | None:
        """One macro by id."""
        return self.fetch_one("get_macro", macro_id=macro_id)

    def search_visible(
        self, user_id: str, q: str | None, after: tuple[str, str] | None, limit: int
    ) -> list[dict]:
        """A page of the macros the user can see, ordered by phrase."""
        return self.fetch_all(
            "search_visible_macros",
            user_id=user_id,
            q=q,
            after_phrase=after[0] if after else None,
            after_id=after[1] if after else None,
            limit=limit,
        )

    def export_visible(self, user_id: str) -> list[dict]:
        """(phrase, text) of every macro the user can see."""
        return self.fetch_all("export_visible_macros", user_id=user_id)

    def insert(self, **values) -> dict:
        """Create a macro; UniqueViolationError on a duplicate phrase in the same scope."""
        return self.fetch_one("insert_macro", **values)

    def update(self, **values) -> dict | None:
        """Replace a macro's phrase, text, shortcut and privacy."""
        return self.fetch_one("update_macro", **values)

    def delete(self, macro_id: str) -> int:
        """Delete a macro."""
        return self.execute("delete_macro", macro_id=macro_id)

    def import_rows(
        self,
        rows: Iterable[tuple[str, str, str]],
        scope: str,
        owner_id: str | None,
        private: bool | None,
    ) -> tuple[int, int]:
        """Upsert (phrase, normalized phrase, text) rows via COPY; (created, updated).

        `private` None keeps the privacy of existing rows (new ones are public).
        """
        self.execute("create_import_table")
        self.execute("empty_import_table")
        with translated_errors():
            with self.connection.cursor() as cursor:
                with cursor.copy(
                    "COPY macro_import (phrase, normalized_phrase, text) FROM STDIN"
                ) as copy:
                    for row in rows:
                        copy.write_row(row)
        results = self.fetch_all("merge_import", scope=scope, owner_id=owner_id, private=private)
        created = sum(1 for row in results if row["inserted"])
        return created, len(results) - created
