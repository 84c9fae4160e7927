"""Tokens: HS256 pinned, typed, expiring; forged, `none`-signed and mistyped tokens are refused."""

from __future__ import annotations

import base64
import json
import time

import jwt
import pytest

from radpair.auth.tokens import TokenService
from radpair.exceptions import AuthenticationError

SECRET = "t" * 40
USER = "6f1c8a9e-2b7d-4c1e-9a55-0d2b8f6e4a11"


@pytest.fixture()
def tokens():
    return TokenService(SECRET, access_ttl_s=900, refresh_ttl_s=7 * 24 * 3600)


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_an_access_token_round_trips_with_its_claims(tokens):
    pair = tokens.issue_pair(USER, "admin")
    claims = tokens.decode(pair.access_token, "access")
    assert claims.user_id == USER
    assert claims.role == "admin"
    assert claims.refresh_jti == tokens.decode(pair.refresh_token, "refresh").jti
    assert claims.expires_at - claims.issued_at == 900


def test_lifetimes_follow_the_configuration():
    service = TokenService(SECRET, access_ttl_s=60, refresh_ttl_s=120)
    pair = service.issue_pair(USER, "user")
    assert pair.refresh_expires_at - pair.access_expires_at == 60


@pytest.mark.parametrize("issued, expected", [("access", "refresh"), ("refresh", "access")])
def test_a_token_of_the_other_type_is_refused(tokens, issued, expected):
    pair = tokens.issue_pair(USER, "user")
    token = pair.access_token if issued == "access" else pair.refresh_token
    with pytest.raises(AuthenticationError) as caught:
        tokens.decode(token, expected)
    assert caught.value.code == "wrong_token_type"


def test_a_token_signed_with_another_secret_is_refused(tokens):
    forged = TokenService("f" * 40, 900, 900).issue_pair(USER, "admin").access_token
    with pytest.raises(AuthenticationError) as caught:
        tokens.decode(forged, "access")
    assert caught.value.code == "invalid_token"


def test_an_alg_none_token_is_refused(tokens):
    claims = jwt.decode(
        tokens.issue_pair(USER, "user").access_token, options={"verify_signature": False}
    )
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
    with pytest.raises(AuthenticationError) as caught:
        tokens.decode(unsigned, "access")
    assert caught.value.code == "invalid_token"


def test_a_token_from_a_host_whose_clock_is_a_little_ahead_is_accepted(tokens):
    issued_ahead, _ = tokens.issue_access(USER, "user", None, now=int(time.time()) + 3)
    assert tokens.decode(issued_ahead, "access").user_id == USER


def test_a_token_issued_well_in_the_future_is_refused(tokens):
    from_the_future, _ = tokens.issue_access(USER, "user", None, now=int(time.time()) + 120)
    with pytest.raises(AuthenticationError) as caught:
        tokens.decode(from_the_future, "access")
    assert caught.value.code == "invalid_token"


def test_an_expired_token_is_refused(tokens):
    now = int(time.time())
    expired = jwt.encode(
        {
            "iss": "radpair-api",
            "sub": USER,
            "type": "access",
            "jti": "0b6a1f0e-3c55-4f43-9c39-3f1f2f7b2a10",
            "iat": now - 1000,
            "exp": now - 10,
        },
        SECRET,
        algorithm="HS256",
    )
    with pytest.raises(AuthenticationError) as caught:
        tokens.decode(expired, "access")
    assert caught.value.code == "token_expired"


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "eyJ.eyJ.sig", "x" * 5000])
def test_malformed_tokens_are_refused(tokens, garbage):
    with pytest.raises(AuthenticationError):
        tokens.decode(garbage, "access")


def test_an_hs512_token_with_the_right_secret_is_still_refused():
    secret = "h" * 64
    tokens = TokenService(secret, 900, 900)
    claims = jwt.decode(
        tokens.issue_pair(USER, "user").access_token, options={"verify_signature": False}
    )
    other_alg = jwt.encode(claims, secret, algorithm="HS512")
    with pytest.raises(AuthenticationError):
        tokens.decode(other_alg, "access")
