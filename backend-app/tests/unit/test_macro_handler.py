"""MacroHandler with a fake query class: saves that nest check the cached library, not every row."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timezone

import pytest

from radpair.auth.principal import Principal
from radpair.handlers.macro_handler import MacroCycleValidationError, MacroHandler
from radpair.macros.engine import normalize_phrase
from radpair.services import Services
from radpair.settings import Settings
from tests.support.fakes import FakeDatabase

USER = Principal("6f1c8a9e-2b7d-4c1e-9a55-0d2b8f6e4a11", "user", "jti", None, 0)
ADMIN = Principal("0d2b8f6e-4a11-4c1e-9a55-6f1c8a9e2b7d", "admin", "jti", None, 0)
NOW = datetime(2024, 5, 6, tzinfo=timezone.utc)
HEADER = "Macro Phrase,Macro Text\n"


class Library:
    """The macros table and its version counters, as the triggers keep them."""

    def __init__(self, site: dict[str, str]):
        self.rows: list[dict] = []
        self.version = 1
        self.site_version = 1
        self.calls: list[str] = []
        for phrase, text in site.items():
            self.add(phrase, text, "site", None)

    def add(self, phrase, text, scope, owner_id, **extra) -> dict:
        row = {
            "id": str(uuid.uuid4()),
            "phrase": phrase,
            "normalized_phrase": normalize_phrase(phrase),
            "text": text,
            "shortcut": None,
            "scope": scope,
            "owner_id": owner_id,
            "private": False,
            "created_at": NOW,
            "updated_at": NOW,
            **extra,
        }
        self.rows.append(row)
        self.changed(scope)
        return row

    def changed(self, scope: str) -> None:
        self.version += 1
        if scope == "site":
            self.site_version += 1

    def engine_rows(self, keep) -> list[dict]:
        return [
            {key: row[key] for key in ("id", "phrase", "text", "scope")}
            for row in self.rows
            if keep(row)
        ]

    def queries(self):
        library = self

        class Queries:
            def __init__(self, connection):
                pass

            def lock_library(self, owner_id):
                library.calls.append("lock_library")

            def library_versions(self):
                library.calls.append("library_versions")
                return library.version, library.site_version

            def site_macros_for_engine(self):
                library.calls.append("site_macros_for_engine")
                return library.engine_rows(lambda row: row["scope"] == "site")

            def user_macros_for_engine(self, user_id):
                library.calls.append("user_macros_for_engine")
                return library.engine_rows(
                    lambda row: row["scope"] == "user" and row["owner_id"] == user_id
                )

            def get(self, macro_id):
                return next((row for row in library.rows if row["id"] == macro_id), None)

            def insert(self, owner_id, scope, **values):
                return library.add(values.pop("phrase"), values.pop("text"), scope, owner_id)

            def update(self, macro_id, **values):
                row = self.get(macro_id)
                row.update(values)
                library.changed(row["scope"])
                return row

            def import_rows(self, rows, scope, owner_id, private):
                for phrase, _, text in rows:
                    library.add(phrase, text, scope, owner_id)
                return len(rows), 0

        return Queries

    def loads_of_every_site_macro(self) -> int:
        return self.calls.count("site_macros_for_engine")


def handler_for(library: Library) -> MacroHandler:
    class Handler(MacroHandler):
        macro_queries = library.queries()

    services = Services(settings=Settings(runtime_environment="UNITTEST"), database=FakeDatabase())
    return Handler(services)


def site_library(size: int = 50) -> Library:
    return Library({f"site phrase {n}": f"Site text {n}." for n in range(size)})


def test_a_second_nested_save_at_the_same_site_version_reads_no_site_macro():
    library = site_library()
    handler = handler_for(library)
    handler.create_macro({"phrase": "first", "text": "{{site phrase 1}} more"}, USER)
    assert library.loads_of_every_site_macro() == 1
    handler.create_macro({"phrase": "second", "text": "{{first}} {{site phrase 2}}"}, USER)
    handler.create_macro({"phrase": "third", "text": "{{second}}"}, USER)
    assert library.loads_of_every_site_macro() == 1
    # Each save still reads the counters under the lock, and the user's own (changed) rows.
    assert library.calls.count("lock_library") == 3
    assert library.calls.count("user_macros_for_engine") == 3


def test_an_update_that_nests_reads_no_site_macro_once_the_cache_is_current():
    library = site_library()
    handler = handler_for(library)
    created = handler.create_macro({"phrase": "mine", "text": "{{site phrase 3}}"}, USER)
    handler.update_macro(
        created["macro"]["id"], {"phrase": "mine", "text": "{{site phrase 4}}"}, USER
    )
    assert library.loads_of_every_site_macro() == 1


def test_a_save_that_does_not_nest_takes_no_lock_and_reads_no_library():
    library = site_library()
    handler_for(library).create_macro({"phrase": "plain", "text": "Plain text."}, USER)
    assert library.calls == []


def test_a_cycle_through_a_site_macro_is_refused_from_the_cached_library():
    library = Library({"b": "{{a}}"})
    handler = handler_for(library)
    handler.create_macro({"phrase": "warm", "text": "{{b}}"}, USER)
    with pytest.raises(MacroCycleValidationError) as raised:
        handler.create_macro({"phrase": "a", "text": "{{b}}"}, USER)
    assert raised.value.extra["cycle"] == ["a", "b", "a"]
    assert library.loads_of_every_site_macro() == 1


def test_a_site_change_is_seen_by_the_next_save():
    library = Library({"b": "plain"})
    handler = handler_for(library)
    handler.create_macro({"phrase": "a", "text": "{{b}}"}, USER)
    handler.create_macro({"phrase": "c", "text": "{{a}}", "scope": "site"}, ADMIN)
    site_b = next(row for row in library.rows if row["phrase"] == "b")
    site_b["text"] = "{{d}}"
    library.changed("site")
    with pytest.raises(MacroCycleValidationError) as raised:
        handler.create_macro({"phrase": "d", "text": "{{a}}"}, USER)
    assert raised.value.extra["cycle"] == ["d", "a", "b", "d"]
    # One load per site version a save met: the first (the admin's save found it cached) and
    # the one after the site changed twice (the admin's insert, then b).
    assert library.loads_of_every_site_macro() == 2


def test_an_import_that_nests_reads_no_site_macro_once_the_cache_is_current():
    library = site_library()
    handler = handler_for(library)
    handler.create_macro({"phrase": "warm", "text": "{{site phrase 0}}"}, USER)
    rows = "".join(f"imported {n},{{{{site phrase {n}}}}}\n" for n in range(5))
    answer = handler.import_csv((HEADER + rows + "loop,{{loop}}\n").encode(), {}, USER)
    assert (answer["created"], [e["error"] for e in answer["errors"]]) == (5, ["macro_cycle"])
    assert answer["errors"][0]["row"] == 7
    assert library.loads_of_every_site_macro() == 1


@pytest.mark.parametrize("count", [1, 3])
def test_every_save_reads_the_versions_under_the_lock(count):
    library = site_library()
    handler = handler_for(library)
    for n in range(count):
        handler.create_macro({"phrase": f"nest {n}", "text": "{{site phrase 1}}"}, USER)
    pairs = list(itertools.pairwise(library.calls))
    assert pairs.count(("lock_library", "library_versions")) == count
