"""Cross-cutting HTTP concerns as one WSGI middleware: request ids, security headers, CORS, and
the access log.

Doing this below Flask (instead of before/after-request hooks and flask-cors) keeps it to a few
microseconds per request, which matters for /status and other cheap routes.
"""

from __future__ import annotations

import itertools
import re
import secrets
import time
from typing import Iterable

from werkzeug.wsgi import ClosingIterator

from radpair.logging_setup import log_access, request_id_var

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type, Accept, X-Request-Id"
EXPOSED_HEADERS = "X-Request-Id, Retry-After"
PREFLIGHT_MAX_AGE = "600"
USER_ID_KEY = "radpair.user_id"


class RequestMiddleware:
    """Wraps the Flask WSGI app."""

    def __init__(self, app, cors_origins: Iterable[str]):
        self.app = app
        self.cors_origins = frozenset(cors_origins)
        # A random per-process prefix and a counter: unique ids without a syscall per request.
        prefix = secrets.token_hex(8)
        # next() on itertools.count is atomic under the GIL; a generator expression is not (two
        # threads calling next() at once get "generator already executing").
        self._prefix = prefix
        self._counter = itertools.count(1)

    def __call__(self, environ, start_response):
        """Handle one request."""
        started = time.perf_counter()
        incoming = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = (
            incoming
            if incoming and _VALID_REQUEST_ID.match(incoming)
            else f"{self._prefix}{next(self._counter):016x}"
        )
        environ["radpair.request_id"] = request_id
        token = request_id_var.set(request_id)
        origin = environ.get("HTTP_ORIGIN")
        allowed_origin = origin if origin in self.cors_origins else None
        method = environ.get("REQUEST_METHOD", "")
        status_holder = ["000"]

        # Vary on every answer: it differs by Origin, so no cache may reuse it across origins.
        extra = [
            ("X-Request-Id", request_id),
            ("X-Content-Type-Options", "nosniff"),
            ("Vary", "Origin"),
        ]
        if allowed_origin:
            extra += [
                ("Access-Control-Allow-Origin", allowed_origin),
                ("Access-Control-Expose-Headers", EXPOSED_HEADERS),
            ]

        def stamped_start_response(status, headers, exc_info=None):
            status_holder[0] = status[:3]
            headers.extend(extra)
            if not any(name.lower() == "cache-control" for name, _ in headers):
                headers.append(("Cache-Control", "no-store"))
            return start_response(status, headers, exc_info)

        def finish():
            log_access(
                request_id,
                method,
                environ.get("PATH_INFO", ""),
                int(status_holder[0]) if status_holder[0].isdigit() else None,
                round((time.perf_counter() - started) * 1000, 2),
                environ.get(USER_ID_KEY),
            )
            request_id_var.reset(token)

        try:
            if method == "OPTIONS" and environ.get("HTTP_ACCESS_CONTROL_REQUEST_METHOD"):
                body = self._preflight(allowed_origin, stamped_start_response)
            else:
                body = self.app(environ, stamped_start_response)
        except BaseException:
            finish()
            raise
        # Logged when the server closes the body, so a streamed answer keeps its request id
        # and its full duration.
        return ClosingIterator(body, finish)

    @staticmethod
    def _preflight(allowed_origin: str | None, start_response):
        """Answer a CORS preflight: allowed origins get the grant, others get none."""
        if allowed_origin is None:
            start_response("204 No Content", [("Content-Length", "0")])
            return [b""]
        start_response(
            "204 No Content",
            [
                ("Access-Control-Allow-Methods", ALLOWED_METHODS),
                ("Access-Control-Allow-Headers", ALLOWED_HEADERS),
                ("Access-Control-Max-Age", PREFLIGHT_MAX_AGE),
                ("Content-Length", "0"),
            ],
        )
        return [b""]
