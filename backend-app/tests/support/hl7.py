"""Reading HL7 v2 text back, independently of the code that wrote it."""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([EFSTR])\\")
_CHARACTERS = {"E": "\\", "F": "|", "S": "^", "T": "&", "R": "~"}


def unescape(value: str) -> str:
    """HL7 2.5.1 escape sequences (\\F\\ and friends) back to the characters they stand for."""
    return _ESCAPE.sub(lambda match: _CHARACTERS[match.group(1)], value)
