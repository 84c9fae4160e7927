"""Small validators shared by the handlers: plain values in, ValidationError out."""

from __future__ import annotations

import re
import uuid

from radpair.exceptions import ValidationError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# C0 controls and DEL are never valid in text fields; tabs and line breaks only where multiline.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\t\n\r]")


def require_string(
    body: dict,
    name: str,
    *,
    min_length: int = 1,
    max_length: int = 10_000,
    required: bool = True,
    multiline: bool = False,
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
    if _CONTROL.search(value) or (not multiline and _LINE_BREAKS.search(value)):
        raise ValidationError(
            f"`{name}` must not contain control characters.", extra={"field": name}
        )
    return value


def has_control_characters(value: str, multiline: bool = False) -> bool:
    """True when `value` holds what require_string refuses (line breaks allowed if multiline)."""
    return bool(_CONTROL.search(value) or (not multiline and _LINE_BREAKS.search(value)))


def require_email(body: dict, name: str = "email") -> str:
    """A plausible email address, lowercased."""
    value = require_string(body, name, max_length=254)
    value = value.strip().lower()
    if not _EMAIL.match(value):
        raise ValidationError(f"`{name}` must be an email address.", extra={"field": name})
    return value


def require_choice(body: dict, name: str, choices: tuple[str, ...], default: str) -> str:
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
    """A canonical UUID string; 400 otherwise."""
    if not isinstance(value, str):
        raise ValidationError(f"`{name}` must be a UUID.", extra={"field": name})
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValidationError(f"`{name}` must be a UUID.", extra={"field": name}) from None


def reject_unknown_fields(body: dict, allowed: set[str]) -> None:
    """400 for fields the route does not know, so typos do not pass silently."""
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ValidationError(f"Unknown field(s): {', '.join(unknown)}.", extra={"fields": unknown})
