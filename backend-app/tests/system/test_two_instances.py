"""Two gunicorn instances on one database behave as one service: tokens, logout, lockout, macros."""

from __future__ import annotations

import uuid

import pytest

from tests.support.servers import ApiClient, gunicorn_server, prod_env

JWT_SECRET = "two-instances-shared-secret-" + "t" * 32
# Each instance has two workers; several fresh connections reach both workers of B.
FRESH_CONNECTIONS = 6


@pytest.fixture(scope="module")
def instances(module_database_url, tmp_path_factory):
    """Instances A and B: same database, same JWT secret, separate processes and ports."""
    env = prod_env(module_database_url, JWT_SECRET)
    logs = tmp_path_factory.mktemp("two-instances")
    with gunicorn_server(env, logs / "a.log", workers=2, threads=4) as a:
        with gunicorn_server(env, logs / "b.log", workers=2, threads=4) as b:
            assert a.port != b.port and a.process.pid != b.process.pid
            yield a, b


@pytest.fixture(scope="module")
def new_user(module_database_url):
    """Create users on the shared database; returns email and password."""
    from radpair.handlers.user_handler import UserHandler
    from radpair.settings import Settings
    from tests.support.apps import running_app

    settings = Settings(
        runtime_environment="UNITTEST", database_url=module_database_url, jwt_secret=JWT_SECRET
    )
    with running_app(settings) as app:

        def make(role: str = "user") -> dict:
            email = f"two-{uuid.uuid4().hex[:10]}@example.org"
            password = f"Two-Instances-{uuid.uuid4().hex[:8]}"
            UserHandler(app.extensions["radpair"]).create_user(
                {"email": email, "password": password, "role": role}
            )
            return {"email": email, "password": password}

        yield make


def log_in(server, user: dict) -> dict:
    """Log in on one instance; returns the login body."""
    with ApiClient(server.url) as client:
        reply = client.post("/login", {"email": user["email"], "password": user["password"]})
    assert reply.status == 200, reply.body
    return reply.json()


def on_fresh_connections(server, token: str, method: str, path: str, body=None) -> list:
    """The same request on several new connections (so every worker of `server` answers)."""
    replies = []
    for _ in range(FRESH_CONNECTIONS):
        with ApiClient(server.url, token=token) as client:
            replies.append(client.request(method, path, body))
    return replies


def expand_on(server, token: str, text: str) -> set[str]:
    """The distinct expansions of `text` the instance's workers answer."""
    replies = on_fresh_connections(server, token, "POST", "/macros/expand", {"text": text})
    assert [r.status for r in replies] == [200] * FRESH_CONNECTIONS, replies[0].body
    return {r.json()["expanded"] for r in replies}


def test_a_token_issued_by_one_instance_works_on_the_other(instances, new_user):
    a, b = instances
    session = log_in(a, new_user())

    replies = on_fresh_connections(b, session["token"], "GET", "/me")

    assert {r.status for r in replies} == {200}
    assert {r.json()["user_id"] for r in replies} == {session["user_id"]}


def test_a_refresh_token_from_one_instance_renews_on_the_other(instances, new_user):
    a, b = instances
    session = log_in(a, new_user())
    with ApiClient(b.url, token=session["refresh_token"]) as client:
        renewed = client.post("/token/refresh")
    assert renewed.status == 200
    with ApiClient(a.url, token=renewed.json()["token"]) as client:
        assert client.get("/me").json()["user_id"] == session["user_id"]


def test_logout_on_one_instance_is_honoured_by_the_other_at_once(instances, new_user):
    a, b = instances
    session = log_in(a, new_user())
    assert {r.status for r in on_fresh_connections(b, session["token"], "GET", "/me")} == {200}

    with ApiClient(a.url, token=session["token"]) as client:
        assert client.post("/logout").status == 200

    after = on_fresh_connections(b, session["token"], "GET", "/me")
    assert {r.status for r in after} == {401}
    assert {r.json()["error"] for r in after} == {"token_revoked"}
    with ApiClient(b.url, token=session["refresh_token"]) as client:
        refreshed = client.post("/token/refresh")
    assert refreshed.status == 401


def test_a_lockout_built_on_one_instance_holds_on_the_other(instances, new_user):
    a, b = instances
    user = new_user()
    with ApiClient(a.url) as client:
        for _ in range(5):
            wrong = client.post("/login", {"email": user["email"], "password": "Not-The-Pass-1"})
            assert wrong.status == 401

    with ApiClient(b.url) as client:
        # Even the right password is refused while the lockout lasts.
        locked = client.post("/login", {"email": user["email"], "password": user["password"]})

    assert locked.status == 429
    assert locked.json()["error"] == "too_many_attempts"
    assert int(locked.headers["Retry-After"]) > 0


def test_failures_on_both_instances_add_up_to_one_lockout(instances, new_user):
    a, b = instances
    user = new_user()
    for server in (a, b, a, b, a):
        with ApiClient(server.url) as client:
            assert (
                client.post("/login", {"email": user["email"], "password": "Nope-123x"}).status
                == 401
            )
    with ApiClient(b.url) as client:
        assert client.post("/login", user).status == 429


def test_a_macro_created_edited_and_deleted_on_one_instance_is_seen_by_the_other(
    instances, new_user
):
    a, b = instances
    token_a = log_in(a, user := new_user())["token"]
    token_b = log_in(b, user)["token"]
    phrase = f"twin check {uuid.uuid4().hex[:6]}"
    dictation = f"insert {phrase}"
    # Warm B's caches with the library before the macro exists.
    assert expand_on(b, token_b, dictation) == {dictation}

    with ApiClient(a.url, token=token_a) as client:
        created = client.post("/macros", {"phrase": phrase, "text": "First version."})
    assert created.status == 201, created.body
    assert expand_on(b, token_b, dictation) == {"First version."}

    macro_id = created.json()["macro"]["id"]
    with ApiClient(a.url, token=token_a) as client:
        edited = client.put(f"/macros/{macro_id}", {"phrase": phrase, "text": "Second version."})
    assert edited.status == 200, edited.body
    assert expand_on(b, token_b, dictation) == {"Second version."}

    with ApiClient(a.url, token=token_a) as client:
        assert client.delete(f"/macros/{macro_id}").status == 200
    assert expand_on(b, token_b, dictation) == {dictation}


def test_a_site_macro_edited_on_one_instance_reaches_every_user_on_the_other(instances, new_user):
    a, b = instances
    admin_token = log_in(a, new_user("admin"))["token"]
    reader_token = log_in(b, new_user())["token"]
    phrase = f"twin site {uuid.uuid4().hex[:6]}"
    dictation = f"insert {phrase}"
    assert expand_on(b, reader_token, dictation) == {dictation}

    with ApiClient(a.url, token=admin_token) as client:
        created = client.post("/macros", {"phrase": phrase, "text": "Site text.", "scope": "site"})
        assert created.status == 201, created.body
        assert expand_on(b, reader_token, dictation) == {"Site text."}
        macro_id = created.json()["macro"]["id"]
        assert client.delete(f"/macros/{macro_id}").status == 200
    assert expand_on(b, reader_token, dictation) == {dictation}
