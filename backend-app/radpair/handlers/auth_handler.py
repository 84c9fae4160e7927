"""Login, token refresh, logout and per-request authentication."""

from __future__ import annotations

import logging

from radpair.auth.passwords import verify_password
from radpair.auth.principal import Principal
from radpair.exceptions import (
    AuthenticationError,
    InvalidCredentialsError,
    TooManyAttemptsError,
    ValidationError,
)
from radpair.handlers.validation import require_string
from radpair.limits import MAX_EMAIL, MAX_LOGIN_PASSWORD
from radpair.queries.user_queries import LoginAttemptQueries, TokenQueries, UserQueries
from radpair.services import Services

log = logging.getLogger(__name__)

LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW_S = 15 * 60


class AuthHandler:
    """Authentication use cases."""

    # Class attributes so unit tests can swap in fake query classes.
    user_queries = UserQueries
    attempt_queries = LoginAttemptQueries
    token_queries = TokenQueries

    def __init__(self, services: Services):
        self.services = services
        self.database = services.database
        self.tokens = services.tokens

    def login(self, body: dict) -> dict:
        """Check credentials with lockout; return tokens and the user's profile."""
        email = require_string(body, "email", max_length=MAX_EMAIL)
        password = require_string(body, "password", max_length=MAX_LOGIN_PASSWORD, multiline=True)
        login_time = body.get("loginTime")
        # bool is an int subclass in Python, but JSON true/false is not a number.
        if login_time is not None and (
            not isinstance(login_time, (str, int)) or isinstance(login_time, bool)
        ):
            raise ValidationError("`loginTime` must be a string or a number.")
        email = email.strip().lower()
        with self.database.transaction() as connection:
            attempts = self.attempt_queries(connection)
            attempts.lock_email(email)
            failures, retry_after = attempts.recent_failures(
                email, LOCKOUT_WINDOW_S, LOCKOUT_FAILURES
            )
            if failures >= LOCKOUT_FAILURES:
                raise TooManyAttemptsError(
                    f"Too many failed attempts; try again in {max(retry_after, 1)} seconds.",
                    headers={"Retry-After": str(max(retry_after, 1))},
                )
            users = self.user_queries(connection)
            user = users.get_by_email(email)
            password_ok = verify_password(user["password_hash"] if user else None, password)
            if not password_ok or user["disabled"]:
                attempts.record_failure(email)
                failed = True
            else:
                attempts.clear(email, LOCKOUT_WINDOW_S)
                users.touch_last_login(user["id"])
                failed = False
        if failed:
            # Raised after the transaction so the failure count is committed.
            log.info("login failed")
            raise InvalidCredentialsError()
        pair = self.tokens.issue_pair(user["id"], user["role"])
        return {
            "success": True,
            "status": True,
            "message": "Login successful.",
            "token": pair.access_token,
            "refresh_token": pair.refresh_token,
            "token_type": "Bearer",
            "expires_in": self.tokens.access_ttl_s,
            "username": user["username"],
            "email": user["email"],
            "user_id": user["id"],
            "title": user["title"],
            "profile_picture": user["profile_picture"],
            "role": user["role"],
        }

    def authenticate(self, token: str, token_type: str) -> Principal:
        """Verify a token and check revocation and the user's state in PostgreSQL."""
        claims = self.tokens.decode(token, token_type)
        with self.database.statements() as connection:
            state = self.token_queries(connection).principal_state(
                claims.user_id, claims.jti, claims.refresh_jti
            )
        if state is None or state["disabled"]:
            raise AuthenticationError("The account is not active.", code="invalid_token")
        if state["revoked"]:
            raise AuthenticationError("The token has been revoked.", code="token_revoked")
        return Principal(
            user_id=claims.user_id,
            role=state["role"],
            jti=claims.jti,
            refresh_jti=claims.refresh_jti,
            expires_at=claims.expires_at,
            library_versions=(
                (int(state["macro_version"]), int(state["macro_site_version"]))
                if state.get("macro_version") is not None
                else None
            ),
        )

    def refresh(self, refresh_token: str) -> dict:
        """A new access token for a valid refresh token."""
        principal = self.authenticate(refresh_token, "refresh")
        token, expires_at = self.tokens.issue_access(
            principal.user_id, principal.role, principal.jti
        )
        return {
            "success": True,
            "token": token,
            "token_type": "Bearer",
            "expires_in": self.tokens.access_ttl_s,
        }

    def logout(self, principal: Principal) -> dict:
        """Revoke the access token and its refresh token; purge expired revocations."""
        with self.database.transaction() as connection:
            queries = self.token_queries(connection)
            queries.revoke(principal.jti, principal.user_id, principal.expires_at)
            if principal.refresh_jti:
                queries.revoke(
                    principal.refresh_jti,
                    principal.user_id,
                    principal.expires_at + self.tokens.refresh_ttl_s,
                )
            queries.purge_expired()
        return {"success": True, "message": "Logged out."}
