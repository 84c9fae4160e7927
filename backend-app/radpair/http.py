"""What the blueprints read from HTTP itself: the body, within its limit, and the bearer token.

The values inside (body fields, query-string values) are parsed by the handlers, with
radpair.handlers.validation.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from flask import g, request

from radpair.exceptions import (
    AuthenticationError,
    InvalidJSONError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
)
from radpair.handlers.auth_handler import AuthHandler
from radpair.limits import MAX_JSON_BYTES
from radpair.services import current_services


def read_raw_body(limit: int = MAX_JSON_BYTES) -> bytes:
    """The request body, refusing anything over `limit` bytes with 413."""
    length = request.content_length
    if length is not None and length > limit:
        raise PayloadTooLargeError(f"The request body must be at most {limit} bytes.")
    data = request.stream.read(limit + 1) if length is None else request.get_data(cache=True)
    if len(data) > limit:
        raise PayloadTooLargeError(f"The request body must be at most {limit} bytes.")
    return data


def json_body(limit: int = MAX_JSON_BYTES) -> dict[str, Any]:
    """The body as a JSON object; 400 when it is not one, 413 when it is too big."""
    raw = read_raw_body(limit)
    mimetype = request.mimetype or ""
    if mimetype and mimetype != "application/json" and not mimetype.endswith("+json"):
        raise UnsupportedMediaTypeError("Send the body as application/json.")
    try:
        body = json.loads(raw.decode("utf-8")) if raw else None
        if b"\\u" in raw:
            # A \u escape can smuggle in a lone surrogate, which PostgreSQL cannot store.
            json.dumps(body, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        raise InvalidJSONError("The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise InvalidJSONError()
    return body


def bearer_token() -> str:
    """The token of an `Authorization: Bearer` header; 401 when absent or malformed."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError("Send `Authorization: Bearer <token>`.", code="missing_token")
    return token.strip()


def login_required(view):
    """Reject the request with 401 unless it carries a valid, unrevoked access token."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        principal = AuthHandler(current_services()).authenticate(bearer_token(), "access")
        g.principal = principal
        request.environ["radpair.user_id"] = principal.user_id
        return view(*args, **kwargs)

    wrapper.login_required = True
    return wrapper
