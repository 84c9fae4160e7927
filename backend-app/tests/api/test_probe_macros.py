"""Abuse probes of the macro library: expansion bombs, CSV formula injection, chunked and
control-character imports, privacy on import, concurrent writers, and LIKE wildcards in `?q=`.
"""

from __future__ import annotations

import csv
import io
import threading
import uuid
from urllib.parse import quote

import psycopg
import pytest

from radpair.limits import MAX_IMPORT_BYTES
from radpair.macros.cycles import find_cycle
from radpair.macros.engine import MAX_EXPANDED_CHARS, MAX_RENDERED_CHARS, Macro
from tests.support.assertions import assert_error_shape

HEADER = "Macro Phrase,Macro Text\n"


def phrase(prefix: str = "probe") -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def short_phrase() -> str:
    """A phrase short enough to nest 1,500 times in one 20,000-character body."""
    return f"l{uuid.uuid4().hex[:5]}"


def create(client, headers, name: str, text: str, **extra):
    return client.post("/macros", json={"phrase": name, "text": text, **extra}, headers=headers)


def import_csv(client, headers, data: str, query: str = ""):
    return client.post(
        f"/macros/import{query}", data=data.encode(), content_type="text/csv", headers=headers
    )


def history_count(client, headers) -> int:
    return len(client.get("/history?limit=200", headers=headers).json["items"])


# -- expansion bombs ---------------------------------------------------------------------------


def test_saving_a_macro_that_would_render_past_the_cap_is_refused(client, auth_headers):
    headers = auth_headers()
    leaf = short_phrase()
    assert create(client, headers, leaf, "x" * 1000).status_code == 201
    response = create(client, headers, phrase("bomb"), ("{{" + leaf + "}} ") * 1500)
    assert_error_shape(response, 400, "macro_too_large")


def test_a_leaf_grown_after_the_fact_expands_capped_with_a_warning(client, auth_headers):
    headers = auth_headers()
    leaf, wide = short_phrase(), phrase("wide")
    created = create(client, headers, leaf, "x").json["macro"]
    assert create(client, headers, wide, ("{{" + leaf + "}} ") * 1500).status_code == 201
    grown = client.put(
        f"/macros/{created['id']}", json={"phrase": leaf, "text": "x" * 1000}, headers=headers
    )
    assert grown.status_code == 200  # a body that nests nothing is not re-checked on save
    body = client.post("/macros/expand", json={"text": f"insert {wide}"}, headers=headers).json
    assert len(body["expanded"]) <= MAX_RENDERED_CHARS + 20_000
    assert "expansion_too_large" in {w["type"] for w in body["warnings"]}


def test_an_imported_bomb_row_is_reported_and_skipped(client, auth_headers):
    headers = auth_headers()
    leaf, bomb = short_phrase(), phrase("bomb")
    data = f"{HEADER}{leaf},{'x' * 1000}\n{bomb},\"{('{{' + leaf + '}} ') * 1500}\"\n"
    body = import_csv(client, headers, data).json
    assert body["created"] == 1
    assert [(e["row"], e["error"]) for e in body["errors"]] == [(3, "macro_too_large")]


@pytest.mark.parametrize(
    "route, field", [("/macros/expand", "text"), ("/process-command", "query")]
)
def test_dictating_a_bomb_is_422_and_stores_nothing(client, auth_headers, route, field):
    headers = auth_headers()
    leaf, wide = phrase("leaf"), phrase("wide")
    assert create(client, headers, leaf, "x" * 990).status_code == 201
    assert create(client, headers, wide, ("{{" + leaf + "}} ") * 100).status_code == 201
    response = client.post(route, json={field: f"insert {wide}. " * 300}, headers=headers)
    assert_error_shape(response, 422, "expansion_too_large")
    assert response.json["limit"] == MAX_EXPANDED_CHARS
    assert len(response.get_data()) < 1000
    assert history_count(client, headers) == 0


# -- CSV export and import ------------------------------------------------------------------------

RISKY = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", "'=already quoted", "- No effusion."]


def test_export_defuses_formula_cells_and_the_file_imports_back_unchanged(client, auth_headers):
    headers = auth_headers()
    names = {}
    for text in RISKY:
        names[phrase("risky")] = text
    for name, text in names.items():
        assert create(client, headers, name, text).status_code == 201
    exported = client.get("/macros/export", headers=headers).get_data(as_text=True)
    rows = {row[0]: row[1] for row in csv.reader(io.StringIO(exported, newline=""))}
    for name, text in names.items():
        assert rows[name] == "'" + text
    mine = io.StringIO()
    csv.writer(mine, lineterminator="\r\n").writerows(
        [["Macro Phrase", "Macro Text"]] + [[name, rows[name]] for name in names]
    )
    again = import_csv(client, headers, mine.getvalue()).json
    assert again["errors"] == [] and again["updated"] == 0
    listed = client.get("/macros?limit=200&q=risky", headers=headers).json["macros"]
    assert {m["phrase"]: m["text"] for m in listed} == names


@pytest.mark.parametrize(
    "row",
    [
        "bell \x07 phrase,Text.",
        "tab\tphrase,Text.",
        "escape phrase,Text \x1b[31m red.",
        "delete phrase,Text \x7f.",
        "form feed phrase,Page\x0cbreak.",
        "nul phrase,Te\x00xt.",
    ],
)
def test_csv_import_refuses_the_control_characters_the_json_routes_refuse(
    client, auth_headers, row
):
    headers = auth_headers()
    body = import_csv(client, headers, f"{HEADER}{row}\n").json
    assert body["created"] == 0
    assert [e["row"] for e in body["errors"]] == [2]


def test_csv_import_keeps_line_breaks_and_tabs_inside_the_text(client, auth_headers):
    headers = auth_headers()
    body = import_csv(client, headers, f'{HEADER}{phrase()},"Line one.\n\tLine two."\n').json
    assert (body["created"], body["errors"]) == (1, [])


def test_a_chunked_import_over_the_limit_is_413_and_stores_nothing(client, auth_headers):
    headers = auth_headers()
    row = f"{phrase('chunked')},{'x' * 1000}\n"
    data = (HEADER + row * (MAX_IMPORT_BYTES // len(row) + 2)).encode()
    assert len(data) > MAX_IMPORT_BYTES
    response = client.post(
        "/macros/import",
        input_stream=io.BytesIO(data),
        content_type="text/csv",
        headers={**headers, "Transfer-Encoding": "chunked"},
        # What gunicorn sets for a chunked body: the server ends the stream, no Content-Length.
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert_error_shape(response, 413, "payload_too_large")
    assert client.get("/macros?q=chunked", headers=headers).json["macros"] == []


# (existing macro's privacy, import query) -> privacy after the import
PRIVACY = [
    (False, "?private=true", True),
    (True, "?private=false", False),
    (True, "", True),
    (False, "", False),
]


@pytest.mark.parametrize("before, query, after", PRIVACY)
def test_an_explicit_private_flag_applies_to_every_imported_row(
    client, auth_headers, before, query, after
):
    headers = auth_headers()
    name = phrase("privacy")
    existing = create(client, headers, name, "Old.", private=before).json["macro"]
    body = import_csv(client, headers, f"{HEADER}{name},New.\n", query).json
    assert (body["created"], body["updated"]) == (0, 1)
    stored = client.get(f"/macros/{existing['id']}", headers=headers).json["macro"]
    assert (stored["text"], stored["private"]) == ("New.", after)


def test_a_new_row_follows_the_flag_and_is_public_without_it(client, auth_headers):
    headers = auth_headers()
    private, public = phrase("new private"), phrase("new public")
    import_csv(client, headers, f"{HEADER}{private},Text.\n", "?private=true")
    import_csv(client, headers, f"{HEADER}{public},Text.\n")
    listed = {
        m["phrase"]: m["private"]
        for m in client.get("/macros?q=new", headers=headers).json["macros"]
    }
    assert listed[private] is True and listed[public] is False


# -- concurrent writers -------------------------------------------------------------------------


def run_together(*calls):
    """Start the calls at the same instant on their own threads; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_concurrent_imports_of_the_same_phrases_in_opposite_order_both_succeed(app, auth_headers):
    headers = auth_headers()
    names = [phrase("order") for _ in range(1500)]
    forward = HEADER + "".join(f"{n},Forward {i}.\n" for i, n in enumerate(names))
    backward = HEADER + "".join(f"{n},Backward {i}.\n" for i, n in enumerate(reversed(names)))
    for _ in range(4):
        results = run_together(
            lambda: import_csv(app.test_client(), headers, forward),
            lambda: import_csv(app.test_client(), headers, backward),
        )
        assert [r.status_code for r in results] == [200, 200], [r.json for r in results]


def test_two_concurrent_puts_never_store_a_nesting_cycle(app, auth_headers, module_database_url):
    headers = auth_headers()
    client = app.test_client()
    for _ in range(8):
        a, b = phrase("cycle a"), phrase("cycle b")
        first = create(client, headers, a, "A.").json["macro"]
        second = create(client, headers, b, "B.").json["macro"]
        results = run_together(
            lambda: app.test_client().put(
                f"/macros/{first['id']}",
                json={"phrase": a, "text": "{{" + b + "}}"},
                headers=headers,
            ),
            lambda: app.test_client().put(
                f"/macros/{second['id']}",
                json={"phrase": b, "text": "{{" + a + "}}"},
                headers=headers,
            ),
        )
        assert sorted(r.status_code for r in results) == [200, 400]
        with psycopg.connect(module_database_url) as connection:
            rows = connection.execute(
                "SELECT id::text, phrase, text, scope FROM macros WHERE id IN (%s, %s)",
                (first["id"], second["id"]),
            ).fetchall()
        stored = [Macro(*row) for row in rows]
        assert find_cycle(stored[1:], stored[0]) is None


# -- search ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["%", "_", "a%b", "x_y"])
def test_percent_and_underscore_in_q_are_literal_characters(client, auth_headers, q):
    headers = auth_headers()
    literal = f"wild {q} {uuid.uuid4().hex[:6]}"
    plain = f"wild plain {uuid.uuid4().hex[:6]}"
    create(client, headers, literal, "Text.")
    create(client, headers, plain, "Text.")
    url = f"/macros?q={quote(q)}&limit=200"
    found = [m["phrase"] for m in client.get(url, headers=headers).json["macros"]]
    assert literal in found and plain not in found
