"""Per-process cache of built macro libraries, kept current by version counters in PostgreSQL.

The site automaton (up to 100,000+ phrases) is rebuilt only when `site_version` moves; a user's
overlay (their own macros over the site's) is rebuilt when `version` moves. Reading the two
counters is one cheap query per request, so an edit on any instance is seen by the next request
on every instance.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Sequence

from radpair.macros.engine import Macro, MacroLibrary

MAX_CACHED_USERS = 512


def to_macros(rows: list[dict]) -> list[Macro]:
    """Engine entries from query rows."""
    return [Macro(id=r["id"], phrase=r["phrase"], text=r["text"], scope=r["scope"]) for r in rows]


class MacroLibraryCache:
    """Built libraries by version; thread-safe."""

    def __init__(self, trigger_words: Sequence[str]):
        self.trigger_words = tuple(trigger_words)
        self._lock = threading.Lock()
        self._site: tuple[int, MacroLibrary] | None = None
        self._users: OrderedDict[str, tuple[int, MacroLibrary]] = OrderedDict()

    def site_library(self, site_version: int, load_site: Callable[[], list[dict]]) -> MacroLibrary:
        """The site library at `site_version`, built once."""
        cached = self._site
        if cached and cached[0] == site_version:
            return cached[1]
        with self._lock:
            if self._site and self._site[0] == site_version:
                return self._site[1]
            library = MacroLibrary(to_macros(load_site()), self.trigger_words)
            self._site = (site_version, library)
            self._users.clear()
            return library

    def user_library(
        self,
        user_id: str,
        versions: tuple[int, int],
        load_site: Callable[[], list[dict]],
        load_user: Callable[[], list[dict]],
    ) -> MacroLibrary:
        """The user's view (own macros over the site's) at these versions."""
        version, site_version = versions
        site = self.site_library(site_version, load_site)
        with self._lock:
            # Under the lock: another thread may clear or evict this entry at any moment.
            cached = self._users.get(user_id)
            if cached and cached[0] == version:
                self._users.move_to_end(user_id)
                return cached[1]
        user_rows = load_user()
        library = site.with_overlay(to_macros(user_rows)) if user_rows else site
        with self._lock:
            self._users[user_id] = (version, library)
            self._users.move_to_end(user_id)
            while len(self._users) > MAX_CACHED_USERS:
                self._users.popitem(last=False)
        return library
