"""In-process apps for tests: built from settings, their connection pool always closed."""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from typing import Iterator

from flask import Flask

from radpair.app import create_app
from radpair.db import Database
from radpair.handlers.user_handler import UserHandler
from radpair.settings import Settings


@contextmanager
def running_app(settings: Settings, database: Database | None = None) -> Iterator[Flask]:
    """The app for `settings` (and `database`, if given); its pool is closed on the way out."""
    application = create_app(settings, database)
    try:
        yield application
    finally:
        application.extensions["radpair"].database.close()


# The key the drafting apps send to the LLM stub (the stub checks it arrives as a bearer token).
STUB_API_KEY = "sk-stub-0123456789abcdef"


def drafting_settings(settings: Settings, stub, **overrides) -> Settings:
    """`settings` drafting through the LLM stub: 2 s per draft, two retries, unless overridden."""
    options = dict(
        openai_api_key=STUB_API_KEY,
        openai_base_url=stub.base_url,
        openai_model="stub-model",
        llm_timeout_s=2.0,
        llm_max_retries=2,
    )
    options.update(overrides)
    return settings.with_overrides(**options)


def bearer_headers(application: Flask, prefix: str = "user") -> dict[str, str]:
    """The Authorization header of a new user of `application`, logged in."""
    from tests.conftest import DEFAULT_PASSWORD  # conftest imports this module: no cycle at load

    email = f"{prefix}-{uuid.uuid4().hex[:8]}@example.org"
    UserHandler(application.extensions["radpair"]).create_user(
        {"email": email, "password": DEFAULT_PASSWORD}
    )
    login = application.test_client().post(
        "/login", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    return {"Authorization": f"Bearer {login.json['token']}"}
