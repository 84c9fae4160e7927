"""User accounts: creation (admin or operator), the current user, the DEV demo account."""

from __future__ import annotations

import secrets

from radpair.auth.passwords import check_password_policy, hash_password
from radpair.db import UniqueViolationError
from radpair.exceptions import AuthenticationError, ForbiddenError, UserExistsError
from radpair.auth.principal import Principal
from radpair.handlers.presenters import public_user
from radpair.handlers.validation import (
    reject_unknown_fields,
    require_choice,
    require_email,
    require_string,
)
from radpair.limits import MAX_LOGIN_PASSWORD, MAX_TITLE, MAX_USERNAME
from radpair.queries.user_queries import UserQueries
from radpair.services import Services

DEMO_EMAIL = "demo@radpair.local"


class UserHandler:
    """User account use cases."""

    user_queries = UserQueries

    def __init__(self, services: Services):
        self.services = services
        self.database = services.database

    def create_user(self, body: dict, principal: Principal | None = None) -> dict:
        """Create a user; over HTTP only an admin may (operators use scripts/create-user.sh)."""
        if principal is not None and not principal.is_admin:
            raise ForbiddenError("Only administrators can create users.")
        reject_unknown_fields(body, {"email", "password", "username", "title", "role"})
        email = require_email(body)
        # Validated as /login validates it, so every password accepted here can log in.
        password = check_password_policy(
            require_string(body, "password", max_length=MAX_LOGIN_PASSWORD, multiline=True)
        )
        # "" means "not given", as null does (the spec sets no minimum length).
        username = require_string(
            body, "username", min_length=0, max_length=MAX_USERNAME, required=False
        )
        title = require_string(
            body, "title", min_length=0, max_length=MAX_TITLE, required=False, default=""
        )
        role = require_choice(body, "role", ("admin", "user"), "user")
        password_hash = hash_password(password)
        try:
            with self.database.transaction() as connection:
                row = self.user_queries(connection).insert(
                    email, username or email.split("@")[0], title or "", password_hash, role
                )
        except UniqueViolationError:
            raise UserExistsError(extra={"field": "email"}) from None
        return {"success": True, **public_user(row)}

    def get_me(self, principal: Principal) -> dict:
        """The caller's profile."""
        with self.database.statements() as connection:
            row = self.user_queries(connection).get_by_id(principal.user_id)
        if row is None:
            # Deleted since its token was checked: the answer authenticate() gives such a token.
            raise AuthenticationError("The account is not active.", code="invalid_token")
        return {"success": True, **public_user(row)}

    def ensure_demo_user(self) -> dict | None:
        """Create a demo admin when no user exists; its credentials, or None."""
        with self.database.statements() as connection:
            if self.user_queries(connection).count() > 0:
                return None
        password = secrets.token_urlsafe(12)
        self.create_user(
            {
                "email": DEMO_EMAIL,
                "password": password,
                "username": "demo",
                "title": "Demo Radiologist",
                "role": "admin",
            }
        )
        return {"email": DEMO_EMAIL, "password": password}
