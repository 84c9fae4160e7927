"""The project's exceptions: each carries its HTTP status and error code."""

from __future__ import annotations


class RadpairError(Exception):
    """Base class: an error the API renders as `{success: false, error, message}`."""

    status = 500
    code = "internal_error"
    default_message = "The server could not complete the request."

    def __init__(self, message: str | None = None, *, headers=None, extra=None):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def to_dict(self) -> dict:
        """The JSON body for this error."""
        body = {"success": False, "error": self.code, "message": self.message}
        body.update(self.extra)
        return body


class ConfigurationError(RadpairError):
    """The environment does not describe a runnable service."""

    code = "configuration_error"


class ValidationError(RadpairError):
    """The request body or parameters are malformed."""

    status = 400
    code = "invalid_request"
    default_message = "The request is not valid."


class InvalidJSONError(ValidationError):
    """The body is not a JSON object."""

    code = "invalid_json"
    default_message = "The request body must be a JSON object."


class AuthenticationError(RadpairError):
    """No valid credentials or token."""

    status = 401
    code = "unauthorized"
    default_message = "Authentication is required."

    def __init__(self, message=None, *, code=None, **kwargs):
        super().__init__(message, **kwargs)
        if code:
            self.code = code


class InvalidCredentialsError(AuthenticationError):
    """Wrong email or password (the same answer for both)."""

    code = "invalid_credentials"
    default_message = "The email or password is incorrect."


class ForbiddenError(RadpairError):
    """Authenticated, but not allowed."""

    status = 403
    code = "forbidden"
    default_message = "You are not allowed to do this."


class NotFoundError(RadpairError):
    """The resource does not exist or is not visible to the caller."""

    status = 404
    code = "not_found"
    default_message = "The requested resource was not found."


class MethodNotAllowedError(RadpairError):
    """The route exists but not with this method."""

    status = 405
    code = "method_not_allowed"
    default_message = "The method is not allowed for this route."


class ConflictError(RadpairError):
    """The request conflicts with stored state."""

    status = 409
    code = "conflict"
    default_message = "The request conflicts with existing data."


class UserExistsError(ConflictError):
    """The email is taken."""

    code = "user_exists"
    default_message = "A user with this email already exists."


class MacroExistsError(ConflictError):
    """The caller already has a macro with this phrase in this scope."""

    code = "macro_exists"
    default_message = "A macro with this phrase already exists."


class PayloadTooLargeError(RadpairError):
    """The body exceeds the route's limit."""

    status = 413
    code = "payload_too_large"
    default_message = "The request body is too large."


class ExpansionTooLargeError(RadpairError):
    """The dictation's macros would expand past the per-request cap."""

    status = 422
    code = "expansion_too_large"
    default_message = "The dictated macros would expand to too much text."


class UnsupportedMediaTypeError(RadpairError):
    """The body has the wrong content type."""

    status = 415
    code = "unsupported_media_type"
    default_message = "The request body has an unsupported content type."


class TooManyAttemptsError(RadpairError):
    """Login lockout after repeated failures."""

    status = 429
    code = "too_many_attempts"
    default_message = "Too many failed login attempts; try again later."


class DatabaseUnavailableError(RadpairError):
    """PostgreSQL cannot be reached right now."""

    status = 503
    code = "database_unavailable"
    default_message = "The database is unavailable; retry shortly."


class OverloadedError(RadpairError):
    """The process already serves LLM_MAX_IN_FLIGHT drafts: refused at once, not queued."""

    status = 503
    code = "overloaded"
    default_message = "The service is drafting as many reports as it can; retry shortly."


class NotReadyError(RadpairError):
    """The service is up but its database is unreachable or not migrated."""

    status = 503
    code = "not_ready"


class LLMError(RadpairError):
    """Base for upstream model failures; the body keeps the expansion so no work is lost."""

    status = 502
    code = "llm_unavailable"
    default_message = "The language model service is unavailable."


class LLMUnavailableError(LLMError):
    """Upstream 5xx or connection failure."""


class LLMTimeoutError(LLMError):
    """Upstream did not answer within LLM_TIMEOUT_S."""

    status = 504
    code = "llm_timeout"
    default_message = "The language model did not answer in time."


class LLMRateLimitedError(LLMError):
    """Upstream answered 429."""

    status = 503
    code = "llm_rate_limited"
    default_message = "The language model service is rate limiting requests; retry later."


class PHIGateError(LLMError):
    """Identifiers could not be removed, so the dictation was not sent (the gate fails closed)."""

    status = 503
    code = "phi_gate_unavailable"
    default_message = (
        "Identifiers could not be removed from the dictation, so it was not sent to the "
        "language model; retry or report the problem."
    )
