"""Login, refresh, logout, lockout and /users through HTTP against PostgreSQL."""

from __future__ import annotations

import base64
import json
import time

import jwt
import pytest

from tests.support.assertions import assert_error_shape
from tests.conftest import DEFAULT_PASSWORD

SECRET_ROUTES = [
    ("get", "/me"),
    ("post", "/logout"),
    ("post", "/users"),
    ("post", "/macros/expand"),
    ("get", "/macros"),
    ("post", "/macros"),
    ("post", "/macros/import"),
    ("get", "/macros/export"),
    ("get", "/macros/00000000-0000-4000-8000-000000000000"),
    ("post", "/process-command"),
    ("get", "/history"),
    ("get", "/history/00000000-0000-4000-8000-000000000000"),
    ("post", "/reports/verify"),
]


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_login_returns_the_fields_the_react_client_reads(client, make_user):
    user = make_user()
    response = client.post(
        "/login",
        json={"email": user["email"].upper(), "password": DEFAULT_PASSWORD, "loginTime": "now"},
    )
    assert response.status_code == 200
    body = response.json
    assert body["success"] is True and body["status"] is True
    for key in ("message", "token", "refresh_token", "username", "email", "title"):
        assert isinstance(body[key], str), key
    assert body["user_id"] == user["user_id"]
    assert "profile_picture" in body and "password_hash" not in body


@pytest.mark.parametrize(
    "body, status",
    [
        ({}, 400),
        ({"email": "a@b.org"}, 400),
        ({"password": "x"}, 400),
        ({"email": 5, "password": "x"}, 400),
        ({"email": "a@b.org", "password": ["x"]}, 400),
        ({"email": "a@b.org", "password": "x", "loginTime": {"t": 1}}, 400),
    ],
)
def test_login_rejects_malformed_bodies_with_400(client, body, status):
    assert_error_shape(client.post("/login", json=body), status)


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b'"text"', b"\xff\xfe", b""])
def test_login_rejects_a_body_that_is_not_a_json_object(client, raw):
    response = client.post("/login", data=raw, content_type="application/json")
    assert_error_shape(response, 400)


def test_wrong_password_and_unknown_email_get_the_same_401(client, make_user):
    user = make_user()
    wrong = client.post("/login", json={"email": user["email"], "password": "Nope-Nope-42"})
    unknown = client.post("/login", json={"email": "ghost@example.org", "password": "Nope-42-x"})
    for response in (wrong, unknown):
        assert_error_shape(response, 401, "invalid_credentials")
    assert wrong.json["message"] == unknown.json["message"]


def test_unknown_email_costs_a_hash_verification_like_a_wrong_password(client, make_user):
    user = make_user()

    def timed(email):
        started = time.perf_counter()
        client.post("/login", json={"email": email, "password": "Nope-Nope-42"})
        return time.perf_counter() - started

    known = min(timed(user["email"]) for _ in range(2))
    unknown = min(timed(f"ghost{i}@example.org") for i in range(2))
    # Both verify an argon2 hash; without the dummy hash the unknown case would be ~100x faster.
    assert unknown > known / 4


def test_five_failures_lock_the_account_even_for_the_right_password(client, make_user):
    user = make_user()
    for _ in range(5):
        response = client.post("/login", json={"email": user["email"], "password": "Bad-pass-9"})
        assert response.status_code == 401
    locked = client.post("/login", json={"email": user["email"], "password": DEFAULT_PASSWORD})
    assert_error_shape(locked, 429, "too_many_attempts")
    assert 1 <= int(locked.headers["Retry-After"]) <= 900


def test_the_lockout_ends_when_the_window_passes(client, make_user, app):
    user = make_user()
    for _ in range(5):
        client.post("/login", json={"email": user["email"], "password": "Bad-pass-9"})
    with app.extensions["radpair"].database.transaction() as connection:
        connection.execute(
            "UPDATE login_failures SET failed_at = failed_at - interval '16 minutes' "
            "WHERE email = %s",
            (user["email"],),
        )
    response = client.post("/login", json={"email": user["email"], "password": DEFAULT_PASSWORD})
    assert response.status_code == 200


def test_refresh_gives_a_new_working_access_token(client, make_user, login):
    session = login(make_user())
    refreshed = client.post("/token/refresh", headers=bearer(session["refresh_token"]))
    assert refreshed.status_code == 200
    new_token = refreshed.json["token"]
    assert new_token != session["token"]
    assert client.get("/me", headers=bearer(new_token)).status_code == 200


def test_an_access_token_is_not_a_refresh_token_and_vice_versa(client, make_user, login):
    session = login(make_user())
    as_refresh = client.post("/token/refresh", headers=bearer(session["token"]))
    as_access = client.get("/me", headers=bearer(session["refresh_token"]))
    for response in (as_refresh, as_access):
        assert_error_shape(response, 401, "wrong_token_type")


def test_logout_revokes_the_access_token_and_its_refresh_token(client, make_user, login):
    session = login(make_user())
    assert client.post("/logout", headers=bearer(session["token"])).status_code == 200
    assert_error_shape(client.get("/me", headers=bearer(session["token"])), 401, "token_revoked")
    refreshed = client.post("/token/refresh", headers=bearer(session["refresh_token"]))
    assert_error_shape(refreshed, 401, "token_revoked")


def test_logout_purges_expired_revocations(client, make_user, login, app):
    with app.extensions["radpair"].database.transaction() as connection:
        connection.execute(
            "INSERT INTO revoked_tokens (jti, expires_at) "
            "VALUES ('00000000-0000-4000-8000-000000000001', now() - interval '1 day')"
        )
    session = login(make_user())
    client.post("/logout", headers=bearer(session["token"]))
    with app.extensions["radpair"].database.transaction() as connection:
        left = connection.execute(
            "SELECT count(*) FROM revoked_tokens WHERE expires_at < now()"
        ).fetchone()[0]
    assert left == 0


def test_me_returns_the_user_without_the_hash(client, make_user, login):
    user = make_user()
    me = client.get("/me", headers=bearer(login(user)["token"]))
    assert me.status_code == 200
    assert me.json["email"] == user["email"]
    assert "password_hash" not in me.json and "password" not in json.dumps(me.json)


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _bad_tokens(valid: str, user_id: str) -> dict[str, str]:
    claims = jwt.decode(valid, options={"verify_signature": False})
    now = int(time.time())
    return {
        "forged": jwt.encode(claims, "another-secret-" + "y" * 32, algorithm="HS256"),
        "none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}.",
        "expired": jwt.encode(
            {**claims, "iat": now - 7200, "exp": now - 3600},
            "unit-test-secret-" + "x" * 32,
            algorithm="HS256",
        ),
        "malformed": "not.a.jwt",
        "garbage": "x" * 300,
    }


@pytest.mark.parametrize("method, path", SECRET_ROUTES)
def test_private_routes_refuse_requests_without_a_token(client, method, path):
    assert_error_shape(getattr(client, method)(path, json={}), 401)


@pytest.mark.parametrize("kind", ["forged", "none", "expired", "malformed", "garbage"])
@pytest.mark.parametrize("method, path", [("get", "/me"), ("post", "/process-command")])
def test_private_routes_refuse_bad_tokens(client, make_user, login, kind, method, path):
    user = make_user()
    token = _bad_tokens(login(user)["token"], user["user_id"])[kind]
    response = getattr(client, method)(path, json={"query": "x"}, headers=bearer(token))
    assert_error_shape(response, 401)


def test_only_admins_create_users(client, auth_headers):
    body = {"email": "new-user@example.org", "password": "Fresh-Stone-88"}
    assert_error_shape(client.post("/users", json=body, headers=auth_headers("user")), 403)
    created = client.post("/users", json=body, headers=auth_headers("admin"))
    assert created.status_code == 201
    assert created.json["email"] == "new-user@example.org" and created.json["role"] == "user"
    login = client.post("/login", json={"email": body["email"], "password": body["password"]})
    assert login.status_code == 200


def test_empty_optional_profile_fields_mean_not_given(client, auth_headers):
    body = {"email": "Plain.Name@example.org", "password": "Fresh-Stone-88"}
    created = client.post(
        "/users", json={**body, "username": "", "title": ""}, headers=auth_headers("admin")
    )
    assert created.status_code == 201, created.json
    assert created.json["username"] == "plain.name" and created.json["title"] == ""


@pytest.mark.parametrize(
    "body, code",
    [
        ({"email": "weak@example.org", "password": "password123"}, "invalid_request"),
        ({"email": "short@example.org", "password": "Ab1!"}, "invalid_request"),
        ({"email": "not-an-email", "password": "Fresh-Stone-88"}, "invalid_request"),
        (
            {"email": "r@example.org", "password": "Fresh-Stone-88", "role": "root"},
            "invalid_request",
        ),
        ({"email": "x@example.org", "password": "Fresh-Stone-88", "extra": 1}, "invalid_request"),
    ],
)
def test_user_creation_validates_its_input(client, auth_headers, body, code):
    assert_error_shape(client.post("/users", json=body, headers=auth_headers("admin")), 400, code)


def test_an_existing_email_answers_409_in_any_case(client, auth_headers, make_user):
    user = make_user()
    body = {"email": user["email"].upper(), "password": "Fresh-Stone-88"}
    response = client.post("/users", json=body, headers=auth_headers("admin"))
    assert_error_shape(response, 409, "user_exists")
