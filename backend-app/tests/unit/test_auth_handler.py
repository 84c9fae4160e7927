"""AuthHandler with fake query classes: credentials, lockout and revocation logic."""

from __future__ import annotations


import pytest

from radpair.auth.passwords import hash_password
from radpair.exceptions import AuthenticationError, InvalidCredentialsError, TooManyAttemptsError
from radpair.handlers.auth_handler import LOCKOUT_FAILURES, AuthHandler
from radpair.services import Services
from radpair.settings import Settings
from tests.support.fakes import FakeDatabase

USER_ID = "6f1c8a9e-2b7d-4c1e-9a55-0d2b8f6e4a11"
PASSWORD = "Correct-Horse-42"


class FakeStore:
    """State shared by the fake query classes of one test."""

    def __init__(self):
        self.failures: dict[str, int] = {}
        self.revoked: set[str] = set()
        self.user = {
            "id": USER_ID,
            "email": "rad@example.org",
            "username": "rad",
            "title": "Dr",
            "profile_picture": None,
            "password_hash": hash_password(PASSWORD),
            "role": "user",
            "disabled": False,
        }


def fake_handler(store: FakeStore) -> tuple[AuthHandler, FakeDatabase]:
    class Users:
        def __init__(self, connection):
            pass

        def get_by_email(self, email):
            return store.user if email == store.user["email"] else None

        def touch_last_login(self, user_id):
            store.user["last_login"] = True

    class Attempts:
        def __init__(self, connection):
            pass

        def lock_email(self, email):
            pass

        def recent_failures(self, email, window_s, limit):
            return min(store.failures.get(email, 0), limit), 600

        def record_failure(self, email):
            store.failures[email] = store.failures.get(email, 0) + 1

        def clear(self, email, window_s):
            store.failures.pop(email, None)

    class Tokens:
        def __init__(self, connection):
            pass

        def principal_state(self, user_id, jti, refresh_jti):
            revoked = jti in store.revoked or refresh_jti in store.revoked
            return {
                "role": store.user["role"],
                "disabled": store.user["disabled"],
                "revoked": revoked,
            }

        def revoke(self, jti, user_id, expires_at):
            store.revoked.add(jti)

        def purge_expired(self):
            return 0

    class Handler(AuthHandler):
        user_queries = Users
        attempt_queries = Attempts
        token_queries = Tokens

    database = FakeDatabase()
    settings = Settings(runtime_environment="UNITTEST", jwt_secret="k" * 40)
    return Handler(Services(settings=settings, database=database)), database


def test_the_right_password_returns_both_tokens_and_the_profile():
    store = FakeStore()
    handler, database = fake_handler(store)
    answer = handler.login({"email": "RAD@example.org ", "password": PASSWORD})
    assert answer["success"] is True and answer["status"] is True
    assert answer["user_id"] == USER_ID and answer["token"] and answer["refresh_token"]
    assert "password_hash" not in answer
    assert database.commits == 1


@pytest.mark.parametrize("email", ["rad@example.org", "nobody@example.org"])
def test_a_wrong_password_and_an_unknown_email_fail_the_same_way(email):
    handler, _ = fake_handler(FakeStore())
    with pytest.raises(InvalidCredentialsError) as caught:
        handler.login({"email": email, "password": "Wrong-Horse-42"})
    assert caught.value.status == 401 and caught.value.code == "invalid_credentials"


def test_failures_are_committed_before_the_401_is_raised():
    store = FakeStore()
    handler, database = fake_handler(store)
    with pytest.raises(InvalidCredentialsError):
        handler.login({"email": "rad@example.org", "password": "Wrong-Horse-42"})
    assert store.failures == {"rad@example.org": 1}
    assert database.commits == 1 and database.rollbacks == 0


def test_after_five_failures_even_the_right_password_is_locked_out():
    store = FakeStore()
    handler, _ = fake_handler(store)
    for _ in range(LOCKOUT_FAILURES):
        with pytest.raises(InvalidCredentialsError):
            handler.login({"email": "rad@example.org", "password": "Wrong-Horse-42"})
    with pytest.raises(TooManyAttemptsError) as caught:
        handler.login({"email": "rad@example.org", "password": PASSWORD})
    assert caught.value.status == 429
    assert caught.value.headers["Retry-After"] == "600"


def test_a_success_clears_earlier_failures():
    store = FakeStore()
    handler, _ = fake_handler(store)
    store.failures["rad@example.org"] = LOCKOUT_FAILURES - 1
    handler.login({"email": "rad@example.org", "password": PASSWORD})
    assert "rad@example.org" not in store.failures


def test_a_disabled_account_cannot_log_in():
    store = FakeStore()
    store.user["disabled"] = True
    handler, _ = fake_handler(store)
    with pytest.raises(InvalidCredentialsError):
        handler.login({"email": "rad@example.org", "password": PASSWORD})


def test_logout_revokes_the_access_token_and_its_refresh_token():
    store = FakeStore()
    handler, _ = fake_handler(store)
    answer = handler.login({"email": "rad@example.org", "password": PASSWORD})
    principal = handler.authenticate(answer["token"], "access")
    handler.logout(principal)
    assert principal.jti in store.revoked and principal.refresh_jti in store.revoked
    for token, kind in ((answer["token"], "access"), (answer["refresh_token"], "refresh")):
        with pytest.raises(AuthenticationError) as caught:
            handler.authenticate(token, kind)
        assert caught.value.code == "token_revoked"
