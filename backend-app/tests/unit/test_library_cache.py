"""The per-process macro library cache: built once per version, safe under concurrent requests."""

from __future__ import annotations

import threading
from collections import OrderedDict

from radpair.macros.library_cache import MacroLibraryCache

SITE_ROWS = [{"id": "s1", "phrase": "normal chest", "text": "Lungs clear.", "scope": "site"}]
USER_ROWS = [{"id": "u1", "phrase": "my chest", "text": "Mine.", "scope": "user"}]


def counting_loader(rows):
    calls = []

    def load():
        calls.append(1)
        return rows

    return load, calls


def test_a_library_is_built_once_per_version_and_rebuilt_when_a_version_moves():
    cache = MacroLibraryCache(["insert"])
    load_site, site_calls = counting_loader(SITE_ROWS)
    load_user, user_calls = counting_loader(USER_ROWS)
    first = cache.user_library("alice", (1, 1), load_site, load_user)
    assert cache.user_library("alice", (1, 1), load_site, load_user) is first
    assert (len(site_calls), len(user_calls)) == (1, 1)
    cache.user_library("alice", (2, 1), load_site, load_user)
    assert (len(site_calls), len(user_calls)) == (1, 2)
    cache.user_library("alice", (3, 2), load_site, load_user)
    assert (len(site_calls), len(user_calls)) == (2, 3)
    assert "Mine." in first.expand("insert my chest", "keyword").expanded


def test_a_site_change_on_another_thread_during_a_lookup_does_not_fail_the_request():
    cache = MacroLibraryCache(["insert"])
    load_site, _ = counting_loader(SITE_ROWS)
    load_user, _ = counting_loader(USER_ROWS)
    cache.user_library("alice", (1, 1), load_site, load_user)

    class ClearedMidLookup(OrderedDict):
        """Lets another request change the site library between the lookup and its use."""

        def get(self, key, default=None):
            found = super().get(key, default)
            other = threading.Thread(target=cache.site_library, args=(2, load_site), daemon=True)
            other.start()
            other.join(timeout=0.2)  # blocked on the cache's lock when the lookup holds it
            return found

    cache._users = ClearedMidLookup(cache._users)
    library = cache.user_library("alice", (1, 1), load_site, load_user)
    assert "Mine." in library.expand("insert my chest", "keyword").expanded
