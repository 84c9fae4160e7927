"""Built macro libraries for a request or a save, from the per-process cache, and bounded expansion.

Shared by every use case that expands dictation (/macros/expand, /process-command) and by the
saves that check `{{nesting}}` against the library as expansion will see it.
"""

from __future__ import annotations

from typing import Callable

from radpair.auth.principal import Principal
from radpair.db import Database
from radpair.exceptions import ExpansionTooLargeError
from radpair.macros.engine import (
    MAX_EXPANDED_CHARS,
    TRIGGER_MODES,
    Expansion,
    ExpansionTooLarge,
    MacroLibrary,
)
from radpair.macros.library_cache import MacroLibraryCache
from radpair.queries.macro_queries import MacroQueries

TRIGGERS = TRIGGER_MODES


def expand_bounded(library: MacroLibrary, text: str, trigger: str) -> Expansion:
    """`library.expand`, with 422 when the result would pass MAX_EXPANDED_CHARS."""
    try:
        return library.expand(text, trigger)
    except ExpansionTooLarge:
        raise ExpansionTooLargeError(
            f"The dictated macros would expand to more than {MAX_EXPANDED_CHARS} characters.",
            extra={"limit": MAX_EXPANDED_CHARS},
        ) from None


class MacroLibraries:
    """The process's built libraries: rows are read only when a library's version moved."""

    macro_queries = MacroQueries

    def __init__(self, database: Database, cache: MacroLibraryCache):
        self.database = database
        self.cache = cache

    def for_principal(self, principal: Principal) -> MacroLibrary:
        """The caller's current library view (site macros under their own).

        Usually no database work: the version counters came with the token check, and the
        cached automaton is current; rows are loaded only when a version moved.
        """
        versions = principal.library_versions
        if versions is None:
            with self.database.statements() as connection:
                versions = self.macro_queries(connection).library_versions()
        return self.cache.user_library(
            principal.user_id,
            versions,
            lambda: self._load(lambda q: q.site_macros_for_engine()),
            lambda: self._load(lambda q: q.user_macros_for_engine(principal.user_id)),
        )

    def _load(self, query: Callable[[MacroQueries], list[dict]]) -> list[dict]:
        with self.database.statements() as connection:
            return query(self.macro_queries(connection))

    def locked_for_save(self, queries: MacroQueries, owner_id: str | None) -> MacroLibrary:
        """The library a save to `owner_id`'s macros (None: the site's) nests through.

        Takes the library's lock first, so the view stays current until the write commits;
        the versions are read under that lock, and rows only when the cache is behind them.
        """
        queries.lock_library(owner_id)
        versions = queries.library_versions()
        if owner_id is None:
            return self.cache.site_library(versions[1], queries.site_macros_for_engine)
        return self.cache.user_library(
            owner_id,
            versions,
            queries.site_macros_for_engine,
            lambda: queries.user_macros_for_engine(owner_id),
        )
