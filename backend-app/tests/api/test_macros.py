"""The macro contract through HTTP: matching rules, per-user overrides, library CRUD, CSV."""

from __future__ import annotations

import csv
import io
import uuid

import pytest

from tests.support.assertions import assert_error_shape


@pytest.fixture(scope="module")
def admin(auth_headers):
    return auth_headers("admin")


@pytest.fixture()
def user(auth_headers):
    return auth_headers("user")


def new_phrase(prefix: str = "test phrase") -> str:
    return f"{prefix} {uuid.uuid4().hex[:6]}"


def make_macro(client, headers, phrase, text, **extra) -> dict:
    response = client.post(
        "/macros", json={"phrase": phrase, "text": text, **extra}, headers=headers
    )
    assert response.status_code == 201, response.json
    return response.json["macro"]


def expand(client, headers, text, trigger=None) -> dict:
    body = {"text": text} if trigger is None else {"text": text, "trigger": trigger}
    response = client.post("/macros/expand", json=body, headers=headers)
    assert response.status_code == 200, response.json
    return response.json


@pytest.fixture(scope="module")
def site_macros(client_factory, admin):
    """Site macros used by the rule tests."""
    client = client_factory()
    make_macro(
        client, admin, "aortic calcification", "Atherosclerotic aortic calcification.", scope="site"
    )
    make_macro(client, admin, "aorta", "AORTA-MACRO", scope="site")
    make_macro(client, admin, "clear lungs", "The lungs are clear.", scope="site")
    make_macro(client, admin, "clear lungs bilaterally", "Both lungs are clear.", scope="site")
    return True


@pytest.fixture(scope="module")
def client_factory(app):
    return app.test_client


# Rule 1: case, whitespace, word boundaries, punctuation.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("INSERT Clear   Lungs", "The lungs are clear."),
        ("insert\tclear\n lungs.", "The lungs are clear.."),
        ("(insert clear lungs)", "(The lungs are clear.)"),
        ("insert clear lungsx", "insert clear lungsx"),
        ("reinsert clear lungs", "reinsert clear lungs"),
    ],
)
def test_rule_1_case_whitespace_boundaries_and_punctuation(
    client, user, site_macros, text, expected
):
    assert expand(client, user, text)["expanded"] == expected


def test_rule_1_a_phrase_never_matches_inside_a_longer_word(client, user, site_macros):
    result = expand(client, user, "The aortic root is normal. aortas", trigger="bare")
    assert result["expanded"] == "The aortic root is normal. aortas"
    assert result["macros"] == []


# Rule 2: keyword vs bare.
def test_rule_2_dictating_the_aorta_is_normal_never_inserts_a_macro(client, user, site_macros):
    result = expand(client, user, "The aorta is normal. No aortic calcification.")
    assert result["expanded"] == "The aorta is normal. No aortic calcification."
    assert result["macros"] == []


def test_rule_2_the_trigger_word_and_phrase_are_replaced_together(client, user, site_macros):
    result = expand(client, user, "Chest: macro clear lungs Done.")
    assert result["expanded"] == "Chest: The lungs are clear. Done."
    span = result["macros"][0]
    assert (span["start"], span["end"]) == (7, 24)
    assert result["expanded"][span["expanded_start"] : span["expanded_end"]] == (
        "The lungs are clear."
    )


def test_rule_2_bare_mode_expands_every_occurrence(client, user, site_macros):
    result = expand(client, user, "clear lungs; clear lungs", trigger="bare")
    assert result["expanded"] == "The lungs are clear.; The lungs are clear."
    assert len(result["macros"]) == 2


# Rule 3: leftmost-longest, text kept exactly, no rescanning.
def test_rule_3_the_longest_phrase_at_a_start_wins(client, user, site_macros):
    result = expand(client, user, "insert clear lungs bilaterally.")
    assert result["expanded"] == "Both lungs are clear.."


def test_rule_3_text_outside_spans_is_kept_exactly(client, user, site_macros):
    text = "  Odd   spacing,\tkept!  insert clear lungs  trailing  "
    result = expand(client, user, text)
    assert result["expanded"] == "  Odd   spacing,\tkept!  The lungs are clear.  trailing  "


def test_rule_3_expanded_text_is_not_rescanned(client, admin, user, site_macros):
    phrase = new_phrase("echo")
    make_macro(client, admin, phrase, "Please insert clear lungs later.", scope="site")
    result = expand(client, user, f"insert {phrase}")
    assert result["expanded"] == "Please insert clear lungs later."


# Rule 4: a user's macro overrides the site's, for that user only; private is invisible.
def test_rule_4_a_users_macro_overrides_the_site_macro_for_that_user_only(
    client, auth_headers, site_macros
):
    owner, other = auth_headers(), auth_headers()
    make_macro(client, owner, "Clear  Lungs", "My own clear lungs text.")
    assert expand(client, owner, "insert clear lungs")["expanded"] == "My own clear lungs text."
    assert expand(client, other, "insert clear lungs")["expanded"] == "The lungs are clear."


def test_rule_4_private_macros_are_invisible_to_everyone_else(client, auth_headers, admin):
    owner, other = auth_headers(), auth_headers()
    phrase = new_phrase("secret")
    macro = make_macro(client, owner, phrase, "Private body.", private=True)
    assert expand(client, other, f"insert {phrase}")["macros"] == []
    for headers in (other, admin):
        assert_error_shape(client.get(f"/macros/{macro['id']}", headers=headers), 404)
        listed = client.get(f"/macros?q={phrase}", headers=headers).json["macros"]
        assert listed == []
    assert client.get(f"/macros/{macro['id']}", headers=owner).status_code == 200


# Rule 5: pick lists and blanks.
def test_rule_5_pick_lists_take_the_first_option_and_blanks_warn(client, user):
    phrase = new_phrase("effusion")
    make_macro(client, user, phrase, "A [small|moderate|large] effusion measuring __ cm.")
    result = expand(client, user, f"insert {phrase}")
    assert result["expanded"] == "A small effusion measuring __ cm."
    kinds = sorted(field["type"] for field in result["fields"])
    assert kinds == ["blank", "pick_list"]
    pick = next(f for f in result["fields"] if f["type"] == "pick_list")
    assert pick["options"] == ["small", "moderate", "large"]
    assert result["expanded"][pick["start"] : pick["end"]] == "small"
    assert [w["type"] for w in result["warnings"]] == ["unfilled_blank"]


# Rule 6: nesting, cycles, unknown phrases.
def test_rule_6_nested_macros_expand_and_unknown_ones_stay_with_a_warning(client, user):
    inner, outer = new_phrase("inner"), new_phrase("outer")
    make_macro(client, user, inner, "Inner text.")
    make_macro(client, user, outer, f"Start. {{{{{inner}}}}} {{{{no such phrase}}}} End.")
    result = expand(client, user, f"insert {outer}")
    assert result["expanded"] == "Start. Inner text. {{no such phrase}} End."
    assert [w["type"] for w in result["warnings"]] == ["unknown_nested_macro"]


def test_rule_6_saving_a_cycle_is_refused(client, user):
    first, second = new_phrase("first"), new_phrase("second")
    make_macro(client, user, first, "A")
    made = make_macro(client, user, second, f"B {{{{{first}}}}}")
    response = client.put(
        f"/macros/{made['id']}",
        json={"phrase": second, "text": f"{{{{{second}}}}}"},
        headers=user,
    )
    assert_error_shape(response, 400, "macro_cycle")
    first_id = client.get(f"/macros?q={first}", headers=user).json["macros"][0]["id"]
    response = client.put(
        f"/macros/{first_id}",
        json={"phrase": first, "text": f"loop {{{{{second}}}}}"},
        headers=user,
    )
    assert_error_shape(response, 400, "macro_cycle")


# Library routes.
def test_site_macros_are_admin_only_and_duplicates_conflict(client, user, admin):
    phrase = new_phrase("site")
    body = {"phrase": phrase, "text": "Site text.", "scope": "site"}
    assert_error_shape(client.post("/macros", json=body, headers=user), 403)
    assert client.post("/macros", json=body, headers=admin).status_code == 201
    assert_error_shape(client.post("/macros", json=body, headers=admin), 409, "macro_exists")


def test_others_get_403_on_public_macros_they_do_not_own(client, auth_headers):
    owner, other = auth_headers(), auth_headers()
    macro = make_macro(client, owner, new_phrase("shared"), "Shared.")
    assert client.get(f"/macros/{macro['id']}", headers=other).status_code == 200
    update = {"phrase": macro["phrase"], "text": "Hijacked."}
    assert_error_shape(client.put(f"/macros/{macro['id']}", json=update, headers=other), 403)
    assert_error_shape(client.delete(f"/macros/{macro['id']}", headers=other), 403)
    assert client.get(f"/macros/{macro['id']}", headers=owner).json["macro"]["text"] == "Shared."


def test_an_edit_is_visible_to_the_next_expansion(client, user):
    phrase = new_phrase("edit")
    macro = make_macro(client, user, phrase, "Before.")
    assert expand(client, user, f"insert {phrase}")["expanded"] == "Before."
    client.put(f"/macros/{macro['id']}", json={"phrase": phrase, "text": "After."}, headers=user)
    assert expand(client, user, f"insert {phrase}")["expanded"] == "After."
    client.delete(f"/macros/{macro['id']}", headers=user)
    assert expand(client, user, f"insert {phrase}")["macros"] == []


@pytest.mark.parametrize("cleared", ["", None])
def test_an_empty_or_null_shortcut_clears_it(client, user, cleared):
    phrase = new_phrase("shortcut")
    created = client.post(
        "/macros", json={"phrase": phrase, "text": "T.", "shortcut": "nc"}, headers=user
    )
    assert created.status_code == 201 and created.json["macro"]["shortcut"] == "nc"
    macro_id = created.json["macro"]["id"]
    update = {"phrase": phrase, "text": "T.", "shortcut": cleared}
    assert client.put(f"/macros/{macro_id}", json=update, headers=user).status_code == 200
    assert client.get(f"/macros/{macro_id}", headers=user).json["macro"]["shortcut"] is None
    client.delete(f"/macros/{macro_id}", headers=user)


def test_search_pages_with_a_cursor_without_gaps_or_repeats(client, user):
    prefix = f"page{uuid.uuid4().hex[:6]}"
    for i in range(7):
        make_macro(client, user, f"{prefix} item {i}", f"Body {i}.")
    seen, cursor = [], None
    while True:
        url = f"/macros?q={prefix}&limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=user).json
        seen += [m["phrase"] for m in page["macros"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(f"{prefix} item {i}" for i in range(7))


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=201", "limit=abc", "cursor=%%%", "cursor=WyJ4Il0"]
)
def test_bad_search_parameters_are_400(client, user, query):
    assert_error_shape(client.get(f"/macros?{query}", headers=user), 400)


@pytest.mark.parametrize(
    "body",
    [
        {"phrase": "", "text": "x"},
        {"phrase": " \u3000 ", "text": "x"},
        {"phrase": "ok phrase"},
        {"phrase": "ok phrase", "text": ""},
        {"phrase": "ok phrase", "text": 5},
        {"phrase": "ok phrase", "text": "x", "private": "yes"},
        {"phrase": "ok phrase", "text": "x", "scope": "global"},
        {"phrase": "x" * 201, "text": "x"},
        {"phrase": "ok phrase", "text": "x", "owner_id": "someone"},
    ],
)
def test_macro_bodies_are_validated(client, user, body):
    assert_error_shape(client.post("/macros", json=body, headers=user), 400)


@pytest.mark.parametrize("macro_id", ["not-a-uuid", str(uuid.uuid4())])
def test_unknown_macro_ids_are_404(client, user, macro_id):
    assert_error_shape(client.get(f"/macros/{macro_id}", headers=user), 404)


def test_the_default_library_is_loaded_on_a_fresh_database(client, user):
    result = expand(client, user, "insert normal chest")
    assert result["macros"] and result["macros"][0]["scope"] == "site"
    listed = client.get("/macros?limit=200", headers=user).json["macros"]
    assert len([m for m in listed if m["scope"] == "site"]) >= 100


def test_the_prototype_csv_format_imports_and_exports(client, auth_headers):
    headers = auth_headers()
    phrase = new_phrase("imported")
    data = (
        "Macro Phrase,Macro Text\n"
        f'{phrase},"Line one, with comma.\nLine two ""quoted""."\n'
        ",missing phrase\n"
        f"{phrase},duplicate\n"
        "only one column\n"
    )
    response = client.post(
        "/macros/import", data=data.encode(), content_type="text/csv", headers=headers
    )
    assert response.status_code == 200, response.json
    assert response.json["created"] == 1 and response.json["updated"] == 0
    assert [e["row"] for e in response.json["errors"]] == [4, 5, 6]
    assert expand(client, headers, f"insert {phrase}")["expanded"].startswith("Line one, with")
    again = client.post(
        "/macros/import",
        data=f"Macro Phrase,Macro Text\n{phrase},New body.\n".encode(),
        content_type="text/csv",
        headers=headers,
    ).json
    assert (again["created"], again["updated"]) == (0, 1)
    exported = client.get("/macros/export", headers=headers)
    assert exported.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(exported.get_data(as_text=True))))
    assert rows[0] == ["Macro Phrase", "Macro Text"]
    assert [phrase, "New body."] in rows


@pytest.mark.parametrize(
    "data, content_type, status",
    [
        (b"Phrase,Text\na b,c\n", "text/csv", 400),
        (b"\xff\xfe\x00bad", "text/csv", 400),
        (b"Macro Phrase,Macro Text\n", "application/json", 415),
    ],
)
def test_bad_imports_are_rejected(client, user, data, content_type, status):
    response = client.post("/macros/import", data=data, content_type=content_type, headers=user)
    assert_error_shape(response, status)


def test_importing_site_macros_is_admin_only(client, user):
    response = client.post(
        "/macros/import?scope=site",
        data=b"Macro Phrase,Macro Text\n",
        content_type="text/csv",
        headers=user,
    )
    assert_error_shape(response, 403)


def test_a_csv_of_100000_macros_imports_in_one_request(client, auth_headers):
    headers = auth_headers()
    lines = ["Macro Phrase,Macro Text"] + [
        f"bulk phrase {i} alpha,Bulk body number {i}." for i in range(100_000)
    ]
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) < 16 * 1024 * 1024
    response = client.post("/macros/import", data=data, content_type="text/csv", headers=headers)
    assert response.status_code == 200, response.json
    assert response.json["created"] == 100_000 and response.json["errors"] == []
    result = expand(client, headers, "insert bulk phrase 99999 alpha and insert normal chest")
    assert result["expanded"].startswith("Bulk body number 99999.")
    assert len(result["macros"]) == 2


def test_imported_rows_that_would_make_a_cycle_are_rejected_and_the_rest_kept(client, auth_headers):
    headers = auth_headers()
    a, b, c = new_phrase("cyc a"), new_phrase("cyc b"), new_phrase("cyc c")
    data = (
        "Macro Phrase,Macro Text\n"
        f"{a},A then {{{{{b}}}}}\n"
        f"{b},B then {{{{{a}}}}}\n"
        f"{c},C then {{{{{a}}}}}\n"
    )
    response = client.post(
        "/macros/import", data=data.encode(), content_type="text/csv", headers=headers
    )
    assert response.status_code == 200
    assert [(e["row"], e["error"]) for e in response.json["errors"]] == [
        (2, "macro_cycle"),
        (3, "macro_cycle"),
    ]
    assert response.json["created"] == 1
    assert expand(client, headers, f"insert {c}")["expanded"] == f"C then {{{{{a}}}}}"
