"""Keyset cursors for every paged list, each a format its spec pattern describes exactly.

Every string a pattern admits decodes to a position in its ordering, so a cursor is either
refused by the pattern (400) or answered with a page; none can crash a query.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from radpair import limits
from radpair.exceptions import ValidationError

_MACRO_CURSOR = re.compile(limits.MACRO_CURSOR)
_TIME_CURSOR = re.compile(limits.HISTORY_CURSOR)
_SEQUENCE_CURSOR = re.compile(limits.AUDIT_CURSOR)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)


def _invalid_cursor() -> ValidationError:
    return ValidationError("`cursor` is not valid.", extra={"field": "cursor"})


def encode_macro_cursor(normalized_phrase: str, macro_id: str) -> str:
    """The cursor after a macro: its normalized phrase as UTF-8 hex, a dot, its id."""
    return f"{normalized_phrase.encode('utf-8').hex()}.{macro_id}"


def decode_macro_cursor(cursor: str | None) -> tuple[str, str] | None:
    """(normalized phrase, id) of a macro cursor; 400 when the pattern refuses it.

    Every string the pattern admits is a position: bytes that are not UTF-8, or a NUL that
    PostgreSQL cannot compare, decode to U+FFFD.
    """
    if cursor is None:
        return None
    if len(cursor) > limits.MAX_MACRO_CURSOR or not _MACRO_CURSOR.fullmatch(cursor):
        raise _invalid_cursor()
    phrase, _, macro_id = cursor.partition(".")
    text = bytes.fromhex(phrase).decode("utf-8", errors="replace").replace("\x00", "\ufffd")
    return text, macro_id


def encode_time_cursor(created_at: datetime, row_id: str) -> str:
    """The cursor after a row ordered by time: microseconds since the epoch, a dot, its id."""
    return f"{(created_at - _EPOCH) // _MICROSECOND}.{row_id}"


def decode_time_cursor(cursor: str | None) -> tuple[datetime, str] | None:
    """(time, id) of a time cursor (history, reports); 400 when the pattern refuses it."""
    if cursor is None:
        return None
    if not _TIME_CURSOR.fullmatch(cursor):
        raise _invalid_cursor()
    micros, _, row_id = cursor.partition(".")
    return _EPOCH + int(micros) * _MICROSECOND, row_id


def encode_sequence_cursor(row_id: int) -> str:
    """The cursor after a row ordered by a sequence number (the audit trail)."""
    return str(row_id)


def decode_sequence_cursor(cursor: str | None) -> int | None:
    """The sequence number of a sequence cursor; 400 when the pattern refuses it."""
    if cursor is None:
        return None
    if not _SEQUENCE_CURSOR.fullmatch(cursor):
        raise _invalid_cursor()
    # Every sequence number is a bigint, below 2^63: a larger cursor lies past them all.
    return int(cursor) if int(cursor) < 2**63 else None
