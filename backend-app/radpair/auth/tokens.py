"""HS256 JWTs: issue and decode access and refresh tokens with a pinned algorithm."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import jwt

from radpair.exceptions import AuthenticationError

ALGORITHM = "HS256"
ISSUER = "radpair-api"
TOKEN_TYPES = ("access", "refresh")
VERIFIED_CACHE_SIZE = 10_000
# Instances on different hosts disagree by a little: a token issued on a host a second ahead
# must not look "issued in the future" on the next one (PyJWT checks iat and exp against it).
CLOCK_SKEW_S = 5


@dataclass(frozen=True)
class TokenClaims:
    """The verified claims of a token."""

    user_id: str
    role: str
    token_type: str
    jti: str
    issued_at: int
    expires_at: int
    refresh_jti: str | None = None


@dataclass(frozen=True)
class TokenPair:
    """A freshly issued access token and its refresh token."""

    access_token: str
    refresh_token: str
    access_expires_at: int
    refresh_expires_at: int


class TokenService:
    """Issues and verifies the service's tokens."""

    def __init__(self, secret: str, access_ttl_s: int, refresh_ttl_s: int):
        self._secret = secret
        self.access_ttl_s = access_ttl_s
        self.refresh_ttl_s = refresh_ttl_s
        # Verified claims by token: a client sends the same token many times, and the signature
        # check is the costliest CPU step of an authenticated request. Expiry is re-checked on
        # every use; revocation is checked in PostgreSQL by the caller, never cached.
        self._verified: dict[tuple[str, str], TokenClaims] = {}

    def _encode(
        self, user_id: str, role: str, kind: str, jti: str, now: int, expires: int, **extra
    ) -> str:
        claims = {"iss": ISSUER, "sub": user_id, "role": role, "type": kind, "jti": jti}
        return jwt.encode(
            {**claims, **extra, "iat": now, "exp": expires}, self._secret, algorithm=ALGORITHM
        )

    def issue_pair(self, user_id: str, role: str) -> TokenPair:
        """A new refresh token and an access token tied to it (logout revokes both)."""
        now = int(time.time())
        refresh_jti = str(uuid.uuid4())
        refresh_exp = now + self.refresh_ttl_s
        refresh = self._encode(user_id, role, "refresh", refresh_jti, now, refresh_exp)
        access, access_exp = self.issue_access(user_id, role, refresh_jti, now)
        return TokenPair(access, refresh, access_exp, refresh_exp)

    def issue_access(
        self, user_id: str, role: str, refresh_jti: str, now: int | None = None
    ) -> tuple[str, int]:
        """A new access token for the session of `refresh_jti`, and its expiry."""
        now = int(time.time()) if now is None else now
        expires = now + self.access_ttl_s
        token = self._encode(
            user_id, role, "access", str(uuid.uuid4()), now, expires, rti=refresh_jti
        )
        return token, expires

    def decode(self, token: str, expected_type: str) -> TokenClaims:
        """Verify signature, algorithm, expiry and type; 401 with a precise code otherwise."""
        cached = self._verified.get((token, expected_type))
        if cached is not None:
            if cached.expires_at > time.time():
                return cached
            self._verified.pop((token, expected_type), None)
        claims = self._decode(token, expected_type)
        if len(self._verified) >= VERIFIED_CACHE_SIZE:
            self._verified.clear()
        self._verified[(token, expected_type)] = claims
        return claims

    def _decode(self, token: str, expected_type: str) -> TokenClaims:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                leeway=CLOCK_SKEW_S,
                options={"require": ["exp", "iat", "jti", "sub", "type", "iss"]},
            )
        except jwt.ExpiredSignatureError:
            raise AuthenticationError("The token has expired.", code="token_expired") from None
        except jwt.InvalidTokenError:
            raise AuthenticationError("The token is not valid.", code="invalid_token") from None
        if claims.get("type") != expected_type:
            raise AuthenticationError(
                f"An {expected_type} token is required here.", code="wrong_token_type"
            )
        # A correctly signed token can still carry any JSON type in any claim: only the types
        # this service issues are accepted, everything else is 401 (never a 500).
        texts = ("sub", "jti", "role", "rti")
        if any(not isinstance(claims.get(name), (str, type(None))) for name in texts):
            raise AuthenticationError("The token is not valid.", code="invalid_token")
        try:
            return TokenClaims(
                user_id=str(uuid.UUID(claims["sub"])),
                role=claims.get("role") or "user",
                token_type=expected_type,
                jti=str(uuid.UUID(claims["jti"])),
                issued_at=int(claims["iat"]),
                expires_at=int(claims["exp"]),
                refresh_jti=str(uuid.UUID(claims["rti"])) if claims.get("rti") else None,
            )
        except (ValueError, TypeError, OverflowError, AttributeError):
            raise AuthenticationError("The token is not valid.", code="invalid_token") from None
