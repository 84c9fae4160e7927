"""Users, login failures and token revocations."""

from __future__ import annotations

from radpair.db import Queries


class UserQueries(Queries):
    """Raw SQL for the users table."""

    sql_file = "users.sql"

    def get_by_email(self, email: str) -> dict | None:
        """The user with this email (any case), hash included."""
        return self.fetch_one("get_user_by_email", email=email)

    def get_by_id(self, user_id: str) -> dict | None:
        """The user with this id, without the hash."""
        return self.fetch_one("get_user_by_id", user_id=user_id)

    def insert(self, email: str, username: str, title: str, password_hash: str, role: str) -> dict:
        """Create a user; UniqueViolationError when the email exists."""
        return self.fetch_one(
            "insert_user",
            email=email,
            username=username,
            title=title,
            password_hash=password_hash,
            role=role,
        )

    def touch_last_login(self, user_id: str) -> None:
        """Record a successful login."""
        self.execute("touch_last_login", user_id=user_id)

    def count(self) -> int:
        """How many users exist."""
        return int(self.fetch_value("count_users"))


class LoginAttemptQueries(Queries):
    """Failed-login bookkeeping shared by every instance."""

    sql_file = "users.sql"

    def lock_email(self, email: str) -> None:
        """Serialize concurrent logins for one email until the transaction ends."""
        self.execute("lock_login_email", email=email)

    def recent_failures(self, email: str, window_s: int, limit: int) -> tuple[int, int]:
        """(failures in the window, seconds until the oldest of the last `limit` leaves it)."""
        row = self.fetch_one("recent_login_failures", email=email, window_s=window_s, limit=limit)
        return int(row["failures"]), int(row["retry_after_s"] or 0)

    def record_failure(self, email: str) -> None:
        """Count one failed login."""
        self.execute("record_login_failure", email=email)

    def clear(self, email: str, window_s: int) -> None:
        """Forget this email's failures and every failure older than the window."""
        self.execute("clear_login_failures", email=email, window_s=window_s)


class TokenQueries(Queries):
    """Token revocation."""

    sql_file = "users.sql"

    def principal_state(self, user_id: str, jti: str, refresh_jti: str | None) -> dict | None:
        """The user's role and disabled flag, and whether the token was revoked."""
        return self.fetch_one(
            "principal_state", user_id=user_id, jti=jti, refresh_jti=refresh_jti or jti
        )

    def revoke(self, jti: str, user_id: str, expires_at: int) -> None:
        """Revoke one token id until it would have expired anyway."""
        self.execute("revoke_token", jti=jti, user_id=user_id, expires_at=expires_at)

    def purge_expired(self) -> int:
        """Delete revocations of tokens that have expired."""
        return self.execute("purge_expired_revocations")
