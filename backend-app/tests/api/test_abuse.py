"""Hostile input, tokens, ownership and headers: a clean 4xx answer, and nothing changes."""

from __future__ import annotations

import base64
import json
import re
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import jwt
import psycopg
import pytest
import yaml

from radpair.blueprints.docs import OPENAPI_FILE
from radpair.http import MAX_JSON_BYTES
from tests.support.assertions import assert_error_shape

TABLES = ("users", "macros", "commands", "sessions")
NO_SUCH_ID = "00000000-0000-4000-8000-000000000000"
ALLOWED_ORIGIN = "http://localhost:3000"  # the conftest settings' only CORS origin
INJECTIONS = [
    "' OR 1=1 --",
    "'; DROP TABLE users; --",
    '" OR ""="',
    "1; SELECT pg_sleep(10) --",
    "') UNION SELECT password_hash FROM users --",
    "%(user_id)s $1 ?",
]
CONTROL_CHARACTERS = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b[2J", "\x7f"]
LINE_BREAKS = ["\n", "\r", "\t"]
REPORT_STUDY = {
    "accession_number": "A1",
    "modality": "CT",
    "body_part": "CHEST",
    "patient_ref": "p1",
}
INVALID_UTF8 = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80"]


# -- the database must not change ----------------------------------------------------------------


def table_digests(database_url: str) -> dict[str, tuple[int, str]]:
    """Row count and a digest of the content of each main table; fails if `users` is gone."""
    digests = {}
    with psycopg.connect(database_url) as connection:
        assert connection.execute("SELECT to_regclass('public.users')").fetchone()[0] == "users"
        for table in TABLES:
            digests[table] = connection.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f"FROM {table} t"
            ).fetchone()
    return digests


@contextmanager
def unchanged(database_url: str) -> Iterator[None]:
    """Assert that the block neither adds, removes nor changes a row of the main tables."""
    before = table_digests(database_url)
    yield
    assert table_digests(database_url) == before


def row_counts(database_url: str) -> dict[str, int]:
    """Rows in each main table."""
    return {table: count for table, (count, _) in table_digests(database_url).items()}


# -- the people and objects the tests attack -----------------------------------------------------


def bearer(token: str) -> dict:
    """Authorization headers for a token."""
    return {"Authorization": f"Bearer {token}"}


def unique(prefix: str) -> str:
    """A phrase or address part no other test uses."""
    return f"{prefix} {uuid.uuid4().hex[:10]}"


@dataclass
class People:
    """Alice owns things, Bob tries to reach them, an admin is around; tokens and objects."""

    alice: dict
    alice_id: str
    bob: dict
    admin: dict
    public_macro: dict
    private_macro: dict
    site_macro: dict
    record: dict
    report: dict


@pytest.fixture(scope="module")
def people(app, make_user, login) -> People:
    """Three accounts; Alice has a public and a private macro and a stored command."""
    client = app.test_client()

    def headers(role: str) -> tuple[dict, str]:
        user = make_user(role)
        return bearer(login(user)["token"]), user["user_id"]

    def macro(headers: dict, **extra) -> dict:
        body = {"phrase": unique("abuse phrase"), "text": "Original text.", **extra}
        response = client.post("/macros", json=body, headers=headers)
        assert response.status_code == 201, response.json
        return response.json["macro"]

    alice, alice_id = headers("user")
    admin, _ = headers("admin")
    record = client.post("/process-command", json={"query": "Alice dictates."}, headers=alice)
    assert record.status_code == 200, record.json
    report = client.post(
        "/reports", json={**REPORT_STUDY, "command_ids": [record.json["id"]]}, headers=alice
    )
    assert report.status_code == 201, report.json
    return People(
        alice=alice,
        alice_id=alice_id,
        bob=headers("user")[0],
        admin=admin,
        public_macro=macro(alice, shortcut="ap"),
        private_macro=macro(alice, private=True),
        site_macro=macro(admin, scope="site"),
        record=record.json,
        report=report.json["report"],
    )


# -- every string field of every JSON route ------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """One request: method, path, headers and a JSON body that is valid as it stands."""

    method: str
    path: str
    headers: dict
    body: dict

    def send(self, client, body: Any = None, raw: bytes | None = None):
        """Send it with `body` (or raw bytes) in place of the valid body."""
        data = raw if raw is not None else json.dumps(self.body if body is None else body)
        return getattr(client, self.method)(
            self.path, data=data, content_type="application/json", headers=self.headers
        )


VALID_REQUESTS: dict[str, Callable[[People], Request]] = {
    # Well-formed credentials that match no account: the baseline answer is 401.
    "login": lambda p: Request(
        "post",
        "/login",
        {},
        {
            "email": f"nobody-{uuid.uuid4().hex[:8]}@example.org",
            "password": "Wrong-Pass-42",
            "loginTime": "2026-01-01T08:00:00Z",
        },
    ),
    "create user": lambda p: Request(
        "post",
        "/users",
        p.admin,
        {
            "email": f"{uuid.uuid4().hex[:12]}@example.org",
            "password": "Fresh-Stone-88",
            "username": "new user",
            "title": "Dr",
            "role": "user",
        },
    ),
    "create macro": lambda p: Request(
        "post",
        "/macros",
        p.alice,
        {"phrase": unique("abuse new"), "text": "Text.", "shortcut": "sc", "scope": "user"},
    ),
    "update macro": lambda p: Request(
        "put",
        f"/macros/{p.public_macro['id']}",
        p.alice,
        {"phrase": p.public_macro["phrase"], "text": "Text.", "shortcut": "sc"},
    ),
    "expand": lambda p: Request(
        "post", "/macros/expand", p.alice, {"text": "insert normal chest", "trigger": "keyword"}
    ),
    "process command": lambda p: Request(
        "post",
        "/process-command",
        p.alice,
        {"query": "No acute findings.", "session_id": p.record["session_id"], "trigger": "bare"},
    ),
    "verify": lambda p: Request(
        "post", "/reports/verify", p.alice, {"source": "Left effusion.", "report": "Right."}
    ),
    "create report": lambda p: Request(
        "post",
        "/reports",
        p.alice,
        {**REPORT_STUDY, "findings": "Left effusion.", "impression": "Effusion."},
    ),
    "addendum": lambda p: Request(
        "post",
        f"/reports/{p.report['id']}/addenda",
        p.alice,
        {"addendum": "Later.", "findings": "Left effusion.", "impression": "Effusion."},
    ),
}

# (route, field, single line): every string field the JSON routes read.
STRING_FIELDS = [
    ("login", "email", True),
    ("login", "password", False),
    ("login", "loginTime", True),
    ("create user", "email", True),
    ("create user", "password", False),
    ("create user", "username", True),
    ("create user", "title", True),
    ("create user", "role", True),
    ("create macro", "phrase", True),
    ("create macro", "text", False),
    ("create macro", "shortcut", True),
    ("create macro", "scope", True),
    ("update macro", "phrase", True),
    ("update macro", "text", False),
    ("update macro", "shortcut", True),
    ("update macro", "scope", True),
    ("expand", "text", False),
    ("expand", "trigger", True),
    ("process command", "query", False),
    ("process command", "session_id", True),
    ("process command", "trigger", True),
    ("verify", "source", False),
    ("verify", "report", False),
    ("create report", "accession_number", True),
    ("create report", "modality", True),
    ("create report", "body_part", True),
    ("create report", "patient_ref", True),
    ("create report", "findings", False),
    ("create report", "impression", False),
    ("addendum", "addendum", False),
    ("addendum", "findings", False),
    ("addendum", "impression", False),
]
FIELD_IDS = [f"{route}-{field}" for route, field, _ in STRING_FIELDS]
REQUIRED = {
    ("login", "email"),
    ("login", "password"),
    ("create user", "email"),
    ("create user", "password"),
    ("create macro", "phrase"),
    ("create macro", "text"),
    ("update macro", "phrase"),
    ("update macro", "text"),
    ("expand", "text"),
    ("process command", "query"),
    ("verify", "source"),
    ("verify", "report"),
    ("create report", "accession_number"),
    ("create report", "modality"),
    ("create report", "body_part"),
    ("create report", "patient_ref"),
    ("addendum", "addendum"),
}


def rejected_string_status(route: str, field: str) -> int:
    """400, except loginTime: informational and unchecked, so only the credentials decide (401)."""
    return 401 if (route, field) == ("login", "loginTime") else 400


def test_the_field_table_names_every_property_of_every_json_request_body():
    spec = yaml.safe_load(OPENAPI_FILE.read_text("utf-8"))
    request_schemas = {
        "login": "LoginRequest",
        "create user": "CreateUserRequest",
        "create macro": "MacroWrite",
        "update macro": "MacroWrite",
        "expand": "ExpandRequest",
        "process command": "ProcessCommandRequest",
        "verify": "VerifyRequest",
        "create report": "CreateReportRequest",
        "addendum": "AddendumRequest",
    }
    # Lists (command ids, acknowledgements) are not string fields: the report tests cover them.
    documented = {
        (route, name)
        for route, schema_name in request_schemas.items()
        for name, prop in spec["components"]["schemas"][schema_name]["properties"].items()
        if not {"boolean", "array"}
        & set(prop.get("type") if isinstance(prop.get("type"), list) else [prop.get("type")])
        and name not in ("command_ids", "acknowledgements")
    }
    assert documented == {(route, field) for route, field, _ in STRING_FIELDS}


@pytest.mark.parametrize("route, field, single_line", STRING_FIELDS, ids=FIELD_IDS)
def test_control_characters_in_a_string_field_are_refused(
    client, people, module_database_url, route, field, single_line
):
    hostile = CONTROL_CHARACTERS + (LINE_BREAKS if single_line else [])
    with unchanged(module_database_url):
        for character in hostile:
            request = VALID_REQUESTS[route](people)  # a new login address each time: no lockout
            response = request.send(client, {**request.body, field: f"a{character}b"})
            assert response.status_code == rejected_string_status(route, field), repr(character)
            assert_error_shape(response, response.status_code)


@pytest.mark.parametrize("route, field, single_line", STRING_FIELDS, ids=FIELD_IDS)
def test_wrong_json_types_in_a_string_field_are_400(
    client, people, module_database_url, route, field, single_line
):
    request = VALID_REQUESTS[route](people)
    wrong = [1.5, ["a"], {"a": "b"}, True, False]
    wrong += [] if field == "loginTime" else [5]  # loginTime is a string or an integer
    wrong += [None] if (route, field) in REQUIRED else []
    with unchanged(module_database_url):
        for value in wrong:
            response = request.send(client, {**request.body, field: value})
            assert response.status_code == 400, (value, response.json)
            assert_error_shape(response, 400)


@pytest.mark.parametrize("route, field, single_line", STRING_FIELDS, ids=FIELD_IDS)
def test_a_megabyte_value_is_refused_and_one_over_the_body_limit_is_413(
    client, people, module_database_url, route, field, single_line
):
    request = VALID_REQUESTS[route](people)
    with unchanged(module_database_url):
        within = request.send(client, {**request.body, field: "x" * (MAX_JSON_BYTES - 4096)})
        over = request.send(client, {**request.body, field: "x" * MAX_JSON_BYTES})
    assert_error_shape(within, rejected_string_status(route, field))
    assert_error_shape(over, 413, "payload_too_large")


@pytest.mark.parametrize("route, field, single_line", STRING_FIELDS, ids=FIELD_IDS)
def test_invalid_utf8_and_lone_surrogates_in_a_string_field_are_400(
    client, people, module_database_url, route, field, single_line
):
    request = VALID_REQUESTS[route](people)
    marker = "MARKER-" + uuid.uuid4().hex
    template = json.dumps({**request.body, field: marker}).encode()
    bodies = [template.replace(marker.encode(), b"a" + bad + b"b") for bad in INVALID_UTF8]
    # Valid UTF-8 and valid JSON, but a lone UTF-16 surrogate no UTF-8 consumer can store.
    bodies += [
        template.replace(marker.encode(), rb"a\ud800b"),
        template.replace(marker.encode(), rb"\udfff"),
    ]
    with unchanged(module_database_url):
        for raw in bodies:
            response = request.send(client, raw=raw)
            assert response.status_code == 400, (raw[-60:], response.json)
            assert_error_shape(response, 400)


@pytest.mark.parametrize("route", sorted(VALID_REQUESTS))
def test_bodies_that_are_not_a_json_object_are_400(client, people, module_database_url, route):
    request = VALID_REQUESTS[route](people)
    raws = [b"", b"null", b"[]", b'"text"', b"42", b"{", b"{'a': 1}", b"[" * 100_000]
    raws += [b'{"a": 1' + b"0" * 5000 + b"}", b"\xef\xbb\xbf{}", b"{}" + b" garbage"]
    with unchanged(module_database_url):
        for raw in raws:
            response = request.send(client, raw=raw)
            assert response.status_code == 400, (raw[:40], response.json)
            assert_error_shape(response, 400)


# (route, field, status for an injection string, reads back what was stored)
INJECTION_TARGETS = [
    ("login", "email", 401, None),
    ("login", "password", 401, None),
    ("login", "loginTime", 401, None),
    ("create user", "email", 400, None),
    ("create user", "username", 201, lambda body: body["username"]),
    ("create user", "title", 201, lambda body: body["title"]),
    ("create user", "role", 400, None),
    ("create macro", "phrase", 201, lambda body: body["macro"]["phrase"]),
    ("create macro", "text", 201, lambda body: body["macro"]["text"]),
    ("create macro", "shortcut", 201, lambda body: body["macro"]["shortcut"]),
    ("update macro", "text", 200, lambda body: body["macro"]["text"]),
    ("expand", "text", 200, lambda body: body["expanded"]),
    ("expand", "trigger", 400, None),
    ("process command", "query", 200, lambda body: body["query"]),
    ("process command", "session_id", 400, None),
    ("verify", "source", 200, None),
    ("verify", "report", 200, None),
]
CREATES = {"create user": "users", "create macro": "macros", "process command": "commands"}


@pytest.mark.parametrize(
    "route, field, status, read_back",
    INJECTION_TARGETS,
    ids=[f"{route}-{field}" for route, field, *_ in INJECTION_TARGETS],
)
def test_sql_injection_strings_are_only_ever_data(
    client, people, module_database_url, route, field, status, read_back
):
    for injection in INJECTIONS:
        request = VALID_REQUESTS[route](people)
        value = f"{injection} {uuid.uuid4().hex[:6]}" if field == "phrase" else injection
        before = row_counts(module_database_url)
        response = request.send(client, {**request.body, field: value})
        assert response.status_code == status, (value, response.json)
        if read_back:
            assert read_back(response.json) == value
        expected = dict(before)
        if status < 300 and route in CREATES:
            expected[CREATES[route]] += 1
        assert row_counts(module_database_url) == expected, value


def test_a_user_created_with_an_injection_password_logs_in_with_exactly_that_password(
    client, people
):
    email = f"{uuid.uuid4().hex[:12]}@example.org"
    password = "'; DROP TABLE users; --"
    created = client.post(
        "/users", json={"email": email, "password": password}, headers=people.admin
    )
    assert created.status_code == 201, created.json
    assert client.post("/login", json={"email": email, "password": password}).status_code == 200
    wrong = client.post("/login", json={"email": email, "password": "' OR 1=1 --"})
    assert_error_shape(wrong, 401, "invalid_credentials")


def macro_cursor(phrase: str, macro_id: str) -> str:
    """A /macros cursor in the API's encoding: UTF-8 hex of the phrase, a dot, the id."""
    return f"{phrase.encode('utf-8', 'surrogatepass').hex()}.{macro_id}"


QUERY_ABUSE = [
    ("/macros", {"limit": "' OR 1=1 --"}, 400),
    ("/macros", {"limit": "-1"}, 400),
    ("/macros", {"limit": "1e3"}, 400),
    ("/macros", {"limit": "0x10"}, 400),
    ("/macros", {"limit": "9" * 40}, 400),
    ("/macros", {"limit": "\x00"}, 400),
    ("/macros", {"limit": ""}, 400),
    ("/macros", {"limit": "+5"}, 400),
    ("/macros", {"cursor": "' OR 1=1 --"}, 400),
    ("/macros", {"cursor": "%%%"}, 400),
    ("/macros", {"cursor": ""}, 400),
    ("/macros", {"cursor": "abc." + NO_SUCH_ID}, 400),
    ("/macros", {"cursor": "61.ABCDEF00-0000-4000-8000-000000000000"}, 400),
    ("/macros", {"cursor": macro_cursor("a", "' OR 1=1 --")}, 400),
    ("/macros", {"cursor": "61" * 1601 + "." + NO_SUCH_ID}, 400),
    # Whatever the pattern admits is a position: a NUL or a lone surrogate is no database error.
    ("/macros", {"cursor": macro_cursor("a\x00", NO_SUCH_ID)}, 200),
    ("/macros", {"cursor": macro_cursor("\ud800", NO_SUCH_ID)}, 200),
    ("/macros", {"cursor": macro_cursor("' OR 1=1 --", NO_SUCH_ID)}, 200),
    ("/macros", {"q": "' OR 1=1 --"}, 200),
    ("/macros", {"q": "'; DROP TABLE users; --"}, 200),
    ("/macros", {"q": "%"}, 200),
    ("/macros", {"q": "_"}, 200),
    ("/macros", {"q": "\x00"}, 400),
    ("/macros", {"q": "x" * 201}, 400),
    ("/history", {"limit": "' OR 1=1 --"}, 400),
    ("/history", {"limit": "201"}, 400),
    ("/history", {"cursor": "' OR 1=1 --"}, 400),
    ("/history", {"cursor": "-1." + NO_SUCH_ID}, 400),
    ("/history", {"cursor": "9" * 17 + "." + NO_SUCH_ID}, 400),
    ("/history", {"cursor": "1767225600000000.' OR 1=1 --"}, 400),
    ("/history", {"cursor": "2026-01-01T00:00:00." + NO_SUCH_ID}, 400),
    ("/history", {"cursor": "0." + NO_SUCH_ID}, 200),
    ("/history", {"cursor": "9" * 16 + "." + NO_SUCH_ID}, 200),
    ("/history", {"session_id": "' OR 1=1 --"}, 400),
    ("/history", {"session_id": "\x00"}, 400),
    ("/history", {"session_id": NO_SUCH_ID.replace("-", "")}, 400),
    ("/history", {"session_id": "{" + NO_SUCH_ID + "}"}, 400),
    ("/history", {"session_id": NO_SUCH_ID + "' OR 1=1 --"}, 400),
]


@pytest.mark.parametrize("path, query, status", QUERY_ABUSE)
def test_query_string_abuse_is_refused_or_treated_as_plain_data(
    client, people, module_database_url, path, query, status
):
    with unchanged(module_database_url):
        response = client.get(path, query_string=query, headers=people.bob)
    assert response.status_code == status, response.json
    if status == 400:
        assert_error_shape(response, 400)
    elif path == "/macros":
        # Bob sees site macros, public macros and his own: never Alice's private one.
        assert all(not m["private"] for m in response.json["macros"])


# -- tokens -----------------------------------------------------------------------------------


def claims_for(user_id: str, token_type: str = "access", **changes) -> dict:
    """The claims the service puts in a token, with changes."""
    now = int(time.time())
    claims = {
        "iss": "radpair-api",
        "sub": user_id,
        "role": "admin",
        "type": token_type,
        "jti": str(uuid.uuid4()),
        "rti": str(uuid.uuid4()),
        "iat": now,
        "exp": now + 600,
    }
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not None}


def unsigned(claims: dict) -> str:
    """An `alg: none` token."""

    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


@pytest.fixture(scope="module")
def bad_tokens(app, settings, people, make_user, login, module_database_url):
    """For each way a token can be bad: an access token and a refresh token of that kind."""
    client = app.test_client()
    secret = settings.jwt_secret
    alice = people.alice_id

    def signed(claims: dict, key: str = secret, algorithm: str = "HS256") -> str:
        return jwt.encode(claims, key, algorithm=algorithm)

    def both(make: Callable[[str], str]) -> dict[str, str]:
        return {kind: make(kind) for kind in ("access", "refresh")}

    revoked = login(make_user())
    assert client.post("/logout", headers=bearer(revoked["token"])).status_code == 200
    disabled_user = make_user()
    disabled = login(disabled_user)
    with psycopg.connect(module_database_url) as connection:
        connection.execute(
            "UPDATE users SET disabled = true WHERE id = %s", (disabled_user["user_id"],)
        )
    now = int(time.time())
    return {
        "forged": both(lambda t: signed(claims_for(alice, t), "another-secret-" + "y" * 32)),
        "alg none": both(lambda t: unsigned(claims_for(alice, t))),
        "expired": both(lambda t: signed(claims_for(alice, t, iat=now - 7200, exp=now - 3600))),
        "HS384": both(lambda t: signed(claims_for(alice, t), algorithm="HS384")),
        "wrong issuer": both(lambda t: signed(claims_for(alice, t, iss="someone-else"))),
        "no expiry": both(lambda t: signed(claims_for(alice, t, exp=None))),
        "no type": both(lambda t: signed(claims_for(alice, t, type=None))),
        "subject injection": both(lambda t: signed(claims_for("' OR 1=1 --", t))),
        "unknown user": both(lambda t: signed(claims_for(str(uuid.uuid4()), t))),
        # Correctly signed, with a claim of a type the service never issues (was a 500).
        "numeric rti": both(lambda t: signed(claims_for(alice, t, rti=12345))),
        "object rti": both(lambda t: signed(claims_for(alice, t, rti={"id": alice}))),
        "numeric sub": both(lambda t: signed(claims_for(alice, t, sub=12345))),
        "list jti": both(lambda t: signed(claims_for(alice, t, jti=[alice]))),
        "numeric role": both(lambda t: signed(claims_for(alice, t, role=7))),
        "wrong type": {"access": login(make_user())["refresh_token"]},
        "revoked": {"access": revoked["token"], "refresh": revoked["refresh_token"]},
        "disabled user": {"access": disabled["token"], "refresh": disabled["refresh_token"]},
    }


# Every operation that needs an access token, with a body that would succeed for Alice.
SECURED_REQUESTS = [
    ("post", "/logout", None),
    ("get", "/me", None),
    ("post", "/users", {"email": "forged@example.org", "password": "Fresh-Stone-88"}),
    ("post", "/macros/expand", {"text": "insert normal chest"}),
    ("get", "/macros", None),
    ("post", "/macros", {"phrase": "forged phrase", "text": "Forged."}),
    ("get", "/macros/{macro}", None),
    ("put", "/macros/{macro}", {"phrase": "forged phrase", "text": "Forged."}),
    ("delete", "/macros/{macro}", None),
    ("post", "/macros/import", "Macro Phrase,Macro Text\nforged phrase,Forged.\n"),
    ("get", "/macros/export", None),
    ("post", "/process-command", {"query": "Forged."}),
    ("get", "/history", None),
    ("get", "/history/{record}", None),
    ("delete", "/history/{record}", None),
    ("post", "/reports/verify", {"source": "a", "report": "b"}),
    ("get", "/reports", None),
    ("post", "/reports", {**REPORT_STUDY, "findings": "Forged."}),
    ("get", "/reports/{report}", None),
    ("put", "/reports/{report}", {"findings": "Forged."}),
    ("delete", "/reports/{report}", None),
    ("post", "/reports/{report}/sign", {}),
    ("post", "/reports/{report}/addenda", {"addendum": "Forged."}),
    ("get", "/reports/{report}/versions/{version}", None),
    ("get", "/reports/{report}/export/fhir", None),
    ("get", "/reports/{report}/export/hl7", None),
    ("get", "/audit", None),
]


def send_secured(client, people: People, method: str, path: str, body, headers: dict):
    """One of SECURED_REQUESTS aimed at Alice's objects."""
    path = path.format(
        macro=people.public_macro["id"],
        record=people.record["id"],
        report=people.report["id"],
        version=1,
    )
    if isinstance(body, str):
        return getattr(client, method)(path, data=body, content_type="text/csv", headers=headers)
    return getattr(client, method)(path, json=body, headers=headers)


def test_the_secured_request_table_covers_every_operation_that_needs_an_access_token():
    spec = yaml.safe_load(OPENAPI_FILE.read_text("utf-8"))
    secured = {
        (method, path)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and operation.get("security", spec["security"])
    }
    secured.discard(("post", "/token/refresh"))  # takes a refresh token: see the refresh tests
    table = {
        (
            m,
            p.replace("{macro}", "{macro_id}")
            .replace("{record}", "{command_id}")
            .replace("{report}", "{report_id}"),
        )
        for m, p, _ in SECURED_REQUESTS
    }
    assert table == secured


ACCESS_KINDS = [
    "forged",
    "alg none",
    "expired",
    "HS384",
    "wrong issuer",
    "no expiry",
    "no type",
    "subject injection",
    "unknown user",
    "numeric rti",
    "object rti",
    "numeric sub",
    "list jti",
    "numeric role",
    "wrong type",
    "revoked",
    "disabled user",
]


@pytest.mark.parametrize("kind", ACCESS_KINDS)
def test_a_bad_access_token_is_401_on_every_secured_route_and_changes_nothing(
    client, people, bad_tokens, module_database_url, kind
):
    headers = bearer(bad_tokens[kind]["access"])
    with unchanged(module_database_url):
        for method, path, body in SECURED_REQUESTS:
            response = send_secured(client, people, method, path, body, headers)
            assert response.status_code == 401, (method, path, response.json)
            assert_error_shape(response, 401)


REFRESH_KINDS = [k for k in ACCESS_KINDS if k != "wrong type"]


@pytest.mark.parametrize("kind", REFRESH_KINDS)
def test_a_bad_refresh_token_gets_no_access_token(client, bad_tokens, kind):
    response = client.post("/token/refresh", headers=bearer(bad_tokens[kind]["refresh"]))
    assert_error_shape(response, 401)
    assert "token" not in response.json


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer    "},
        {"Authorization": "Basic YWxpY2U6cGFzcw=="},
        {"Authorization": "Token abc.def.ghi"},
        {"Authorization": "Bearer a.b.c extra"},
        {"Authorization": "Bearer ' OR 1=1 --"},
        {"Authorization": "Bearer " + "A" * 8000},
        {"Cookie": "token=abc.def.ghi"},
    ],
)
def test_malformed_authorization_headers_are_401(client, headers):
    assert_error_shape(client.get("/me", headers=headers), 401)


def test_a_token_in_the_query_string_is_ignored(client, people):
    token = people.alice["Authorization"].split(" ", 1)[1]
    assert_error_shape(client.get("/me", query_string={"access_token": token}), 401)
    assert_error_shape(client.get("/me", query_string={"token": token}), 401)


def test_the_role_comes_from_the_database_not_from_the_token(client, people, settings):
    claims = claims_for(people.alice_id, role="admin")
    headers = bearer(jwt.encode(claims, settings.jwt_secret, algorithm="HS256"))
    response = client.post(
        "/users",
        json={"email": f"{uuid.uuid4().hex[:12]}@example.org", "password": "Fresh-Stone-88"},
        headers=headers,
    )
    assert_error_shape(response, 403, "forbidden")


def test_logout_also_revokes_access_tokens_refreshed_from_the_same_session(
    client, make_user, login
):
    session = login(make_user())
    refreshed = client.post("/token/refresh", headers=bearer(session["refresh_token"])).json
    assert client.get("/me", headers=bearer(refreshed["token"])).status_code == 200
    assert client.post("/logout", headers=bearer(session["token"])).status_code == 200
    assert_error_shape(client.get("/me", headers=bearer(refreshed["token"])), 401, "token_revoked")


# -- ownership ---------------------------------------------------------------------------------


# (whose macro, who asks, method, expected status)
MACRO_OWNERSHIP = [
    ("private_macro", "bob", "get", 404),
    ("private_macro", "bob", "put", 404),
    ("private_macro", "bob", "delete", 404),
    ("private_macro", "admin", "put", 404),
    ("private_macro", "admin", "delete", 404),
    ("public_macro", "bob", "get", 200),
    ("public_macro", "bob", "put", 403),
    ("public_macro", "bob", "delete", 403),
    ("site_macro", "bob", "put", 403),
    ("site_macro", "bob", "delete", 403),
    ("site_macro", "alice", "delete", 403),
]


@pytest.mark.parametrize("macro_name, caller, method, status", MACRO_OWNERSHIP)
def test_nobody_reads_changes_or_deletes_a_macro_that_is_not_theirs(
    client, people, module_database_url, macro_name, caller, method, status
):
    macro = getattr(people, macro_name)
    body = {"phrase": macro["phrase"], "text": "Hijacked."} if method == "put" else None
    with unchanged(module_database_url):
        response = getattr(client, method)(
            f"/macros/{macro['id']}", json=body, headers=getattr(people, caller)
        )
    assert response.status_code == status, response.json
    if status >= 400:
        assert_error_shape(response, status)


def test_another_users_private_macro_never_shows_in_search_export_or_expansion(client, people):
    phrase = people.private_macro["phrase"]
    listed = client.get("/macros", query_string={"q": phrase}, headers=people.bob).json
    assert listed["macros"] == []
    exported = client.get("/macros/export", headers=people.bob).get_data(as_text=True)
    assert phrase not in exported and people.public_macro["phrase"] in exported
    expanded = client.post(
        "/macros/expand", json={"text": f"insert {phrase}"}, headers=people.bob
    ).json
    assert expanded["macros"] == [] and "Original text." not in expanded["expanded"]


def test_importing_another_users_phrase_creates_an_own_macro_and_leaves_theirs_alone(
    client, people
):
    phrase = people.private_macro["phrase"]
    response = client.post(
        "/macros/import",
        data=f"Macro Phrase,Macro Text\n{phrase},Bob's text.\n",
        content_type="text/csv",
        headers=people.bob,
    )
    assert response.status_code == 200 and response.json["created"] == 1, response.json
    alices = client.get(f"/macros/{people.private_macro['id']}", headers=people.alice).json
    assert alices["macro"]["text"] == "Original text."
    assert alices["macro"]["owner_id"] == people.alice_id


# Bob aims at Alice's stored command and at her session.
HISTORY_OWNERSHIP = {
    "read a record": lambda c, p: c.get(f"/history/{p.record['id']}", headers=p.bob),
    "delete a record": lambda c, p: c.delete(f"/history/{p.record['id']}", headers=p.bob),
    "dictate into a session": lambda c, p: c.post(
        "/process-command",
        json={"query": "Bob joins.", "session_id": p.record["session_id"]},
        headers=p.bob,
    ),
}


@pytest.mark.parametrize("action", sorted(HISTORY_OWNERSHIP))
def test_nobody_reaches_another_users_history_or_session(
    client, people, module_database_url, action
):
    with unchanged(module_database_url):
        response = HISTORY_OWNERSHIP[action](client, people)
    assert_error_shape(response, 404, "not_found")


def test_filtering_history_by_another_users_session_shows_nothing(client, people):
    response = client.get(
        "/history", query_string={"session_id": people.record["session_id"]}, headers=people.bob
    )
    assert response.status_code == 200 and response.json["items"] == []


# -- headers -----------------------------------------------------------------------------------


def header_names(value: str | None) -> set[str]:
    """The lower-cased names of a comma list header."""
    return {name.strip().lower() for name in (value or "").split(",") if name.strip()}


def test_a_preflight_from_an_allowed_origin_is_granted(client):
    response = client.options(
        "/process-command",
        headers={
            "Origin": ALLOWED_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type",
        },
    )
    assert 200 <= response.status_code < 300
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    allowed = header_names(response.headers.get("Access-Control-Allow-Headers"))
    assert {"authorization", "content-type"} <= allowed
    assert "POST" in response.headers.get("Access-Control-Allow-Methods", "")


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "http://localhost:3000.evil.example",
        "http://evil.example/http://localhost:3000",
        "http://localhost:30000",
        "https://localhost:3000",
        "http://127.0.0.1:3000",  # a DEV default, but not in this app's CORS_ORIGINS
        "null",
    ],
)
def test_other_origins_get_no_cors_grant(client, people, origin):
    preflight = client.options(
        "/process-command",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type",
        },
    )
    actual = client.get("/me", headers={**people.alice, "Origin": origin})
    for response in (preflight, actual):
        assert "Access-Control-Allow-Origin" not in response.headers
        assert "Access-Control-Allow-Headers" not in response.headers
        assert "Access-Control-Allow-Credentials" not in response.headers
    assert actual.status_code == 200


def test_an_allowed_origin_can_read_the_answer_and_its_request_id(client, people):
    response = client.get("/me", headers={**people.alice, "Origin": ALLOWED_ORIGIN})
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "x-request-id" in header_names(response.headers.get("Access-Control-Expose-Headers"))


VERSION_LEAK = re.compile(r"(werkzeug|python|flask|gunicorn|gevent)\s*/?\s*\d", re.I)


def lockout(client) -> Any:
    """A 429: five failed logins for one address, then a sixth try."""
    email = f"locked-{uuid.uuid4().hex[:8]}@example.org"
    for _ in range(5):
        client.post("/login", json={"email": email, "password": "Wrong-Pass-42"})
    return client.post("/login", json={"email": email, "password": "Wrong-Pass-42"})


# (what, request) -> every response, success or error, carries the same protective headers.
RESPONSES = {
    "200 json": lambda c, p: c.get("/status"),
    "201 json": lambda c, p: c.post(
        "/macros", json={"phrase": unique("hdr"), "text": "x"}, headers=p.alice
    ),
    "400": lambda c, p: c.post("/login", json={}),
    "401": lambda c, p: c.get("/me"),
    "403": lambda c, p: c.post("/users", json={}, headers=p.alice),
    "404 route": lambda c, p: c.get("/no/such/route"),
    "404 object": lambda c, p: c.get(f"/macros/{NO_SUCH_ID}", headers=p.alice),
    "405": lambda c, p: c.delete("/status"),
    "413": lambda c, p: c.post(
        "/login", data=b"{" + b" " * MAX_JSON_BYTES + b"}", content_type="application/json"
    ),
    "415": lambda c, p: c.post("/login", data="x", content_type="text/plain"),
    "429": lambda c, p: lockout(c),
    "csv": lambda c, p: c.get("/macros/export", headers=p.alice),
    "yaml": lambda c, p: c.get("/openapi.yaml"),
    "html": lambda c, p: c.get("/docs"),
    "static asset": lambda c, p: c.get("/docs/assets/swagger-ui.css"),
    "event stream": lambda c, p: c.post(
        "/process-command",
        json={"query": "Streamed."},
        headers={**p.alice, "Accept": "text/event-stream"},
    ),
    "preflight": lambda c, p: c.options(
        "/macros", headers={"Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "GET"}
    ),
    "head": lambda c, p: c.head("/status"),
}


@pytest.mark.parametrize("kind", sorted(RESPONSES))
def test_every_response_has_nosniff_a_request_id_and_no_server_version(client, people, kind):
    with RESPONSES[kind](client, people) as response:
        response.get_data()
        headers = response.headers
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,64}", headers.get("X-Request-Id", ""))
    assert "X-Powered-By" not in headers
    leaks = [f"{name}: {value}" for name, value in headers.items() if VERSION_LEAK.search(value)]
    assert leaks == []
    assert all(not re.search(r"\d", value) for value in headers.getlist("Server"))


def test_an_unexpected_500_also_has_nosniff_and_a_request_id(settings):
    from tests.support.apps import running_app

    with running_app(settings) as fresh:

        @fresh.get("/boom-for-abuse-test")
        def boom():
            raise RuntimeError("internal detail")

        response = fresh.test_client().get("/boom-for-abuse-test")
    assert_error_shape(response, 500, "internal_error")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-Id"])
