"""Parsing of every request value, shared by the handlers: plain values in, ValidationError out.

Routes hand over what HTTP carried, unjudged: the JSON body as a dict, the query string as a
dict of strings (`request.args.to_dict()`), path ids as strings. Each handler reads its values
with these functions, so a route's rules live in one place and unit tests reach all of them.
"""

from __future__ import annotations

import re
import uuid

from radpair import limits
from radpair.exceptions import ValidationError

# The spec declares these very patterns (tests/unit/test_limits.py); fullmatch keeps `$` exact.
_EMAIL = re.compile(limits.EMAIL)
_UUID = re.compile(limits.UUID)
_CHARACTERS = {
    False: re.compile(limits.SINGLE_LINE),
    True: re.compile(limits.MULTILINE),
}
_NOT_BLANK = {
    False: re.compile(limits.SINGLE_LINE_NOT_BLANK),
    True: re.compile(limits.MULTILINE_NOT_BLANK),
}
# What a JSON Schema `integer` query parameter looks like on the wire (int() also takes "+5",
# " 5", "5_0" and other scripts' digits, which the spec does not admit). Longer than 18 digits
# is out of every range anyway, and int() refuses very long digit strings with ValueError.
_INTEGER = re.compile(r"-?[0-9]{1,18}")


def require_string(
    body: dict,
    name: str,
    *,
    min_length: int = 1,
    max_length: int = 10_000,
    required: bool = True,
    multiline: bool = False,
    not_blank: bool = False,
    default: str | None = None,
) -> str | None:
    """A bounded string without control characters (line breaks allowed if multiline)."""
    value = body.get(name)
    if value is None:
        if required:
            raise ValidationError(f"`{name}` is required.", extra={"field": name})
        return default
    if not isinstance(value, str):
        raise ValidationError(f"`{name}` must be a string.", extra={"field": name})
    if not min_length <= len(value) <= max_length:
        raise ValidationError(
            f"`{name}` must be {min_length} to {max_length} characters.", extra={"field": name}
        )
    if not _CHARACTERS[multiline].fullmatch(value):
        raise ValidationError(
            f"`{name}` must not contain control characters.", extra={"field": name}
        )
    if not_blank and not _NOT_BLANK[multiline].fullmatch(value):
        raise ValidationError(f"`{name}` must not be blank.", extra={"field": name})
    return value


def has_control_characters(value: str, multiline: bool = False) -> bool:
    """True when `value` holds what require_string refuses (line breaks allowed if multiline)."""
    return not _CHARACTERS[multiline].fullmatch(value)


def require_email(body: dict, name: str = "email") -> str:
    """A plausible email address (no spaces, one `@`, a dot after it), lowercased."""
    value = require_string(body, name, max_length=limits.MAX_EMAIL)
    if not _EMAIL.fullmatch(value):
        raise ValidationError(f"`{name}` must be an email address.", extra={"field": name})
    return value.lower()


def require_choice(
    body: dict, name: str, choices: tuple[str, ...], default: str | None
) -> str | None:
    """One of a fixed set of strings."""
    value = body.get(name)
    if value is None:
        return default
    if value not in choices:
        raise ValidationError(
            f"`{name}` must be one of: {', '.join(choices)}.", extra={"field": name}
        )
    return value


def require_bool(body: dict, name: str, default: bool) -> bool:
    """A JSON boolean."""
    value = body.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise ValidationError(f"`{name}` must be true or false.", extra={"field": name})
    return value


def parse_uuid(value: object, name: str) -> str:
    """A canonical UUID string from the hyphenated form `format: uuid` admits; 400 otherwise."""
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise ValidationError(f"`{name}` must be a UUID.", extra={"field": name})
    return str(uuid.UUID(value))


def reject_unknown_fields(body: dict, allowed: set[str]) -> None:
    """400 for fields the route does not know, so typos do not pass silently."""
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ValidationError(f"Unknown field(s): {', '.join(unknown)}.", extra={"fields": unknown})


def query_int(
    query: dict, name: str, default: int | None, minimum: int, maximum: int
) -> int | None:
    """An integer query-string value within bounds, or the default when absent; 400 otherwise."""
    raw = query.get(name)
    if raw is None:
        return default
    if not _INTEGER.fullmatch(raw):
        raise ValidationError(f"`{name}` must be an integer.", extra={"field": name})
    value = int(raw)
    if not minimum <= value <= maximum:
        raise ValidationError(
            f"`{name}` must be between {minimum} and {maximum}.", extra={"field": name}
        )
    return value


def query_bool(query: dict, name: str) -> bool | None:
    """A query-string `true` or `false` (any case), or None when absent; 400 otherwise."""
    raw = query.get(name)
    if raw is None:
        return None
    if raw.lower() not in ("true", "false"):
        raise ValidationError(f"`{name}` must be true or false.", extra={"field": name})
    return raw.lower() == "true"


def page_limit(query: dict) -> int:
    """A list's `limit` query value, within the page limits, or the default page when absent."""
    return query_int(
        query, "limit", limits.PAGE_LIMIT_DEFAULT, limits.PAGE_LIMIT_MIN, limits.PAGE_LIMIT_MAX
    )
