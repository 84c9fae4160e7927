"""The one error handler: every failure becomes `{success: false, error, message}` JSON."""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from radpair.exceptions import (
    MethodNotAllowedError,
    NotFoundError,
    PayloadTooLargeError,
    RadpairError,
    ValidationError,
)

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: ("bad_request", "The request could not be understood."),
    401: ("unauthorized", "Authentication is required."),
    403: ("forbidden", "You are not allowed to do this."),
    404: (NotFoundError.code, "No route matches this URL."),
    405: (MethodNotAllowedError.code, "The method is not allowed for this route."),
    413: (PayloadTooLargeError.code, "The request body is too large."),
    415: ("unsupported_media_type", "The request body has an unsupported content type."),
    429: ("too_many_requests", "Too many requests."),
}


def render_error(error: RadpairError):
    """The JSON response for a project exception."""
    response = jsonify(error.to_dict())
    response.status_code = error.status
    for name, value in error.headers.items():
        response.headers[name] = value
    return response


def init_app(app: Flask) -> None:
    """Register the error handlers on the app."""

    @app.errorhandler(RadpairError)
    def handle_radpair_error(error: RadpairError):
        if error.status >= 500:
            log.warning("request failed: %s", error.code)
        return render_error(error)

    @app.errorhandler(HTTPException)
    def handle_http_exception(error: HTTPException):
        code, message = _HTTP_CODES.get(error.code or 500, ("http_error", error.description))
        response = render_error(_status_error(error.code or 500, code, message))
        if error.code == 405 and getattr(error, "valid_methods", None):
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(UnicodeDecodeError)
    def handle_bad_encoding(error: UnicodeDecodeError):
        return render_error(ValidationError("The request is not valid UTF-8."))

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        # Logged with its traceback for operators; the client never sees internals.
        log.exception("unhandled error")
        return render_error(RadpairError())


def _status_error(status: int, code: str, message: str) -> RadpairError:
    error = RadpairError(message)
    error.status = status
    error.code = code
    return error
