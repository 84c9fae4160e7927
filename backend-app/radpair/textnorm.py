"""Text normalisation shared by every caller that matches words by position."""

from __future__ import annotations


def safe_lower(text: str) -> str:
    """Lower-case without changing length, so character offsets into `text` stay valid."""
    # str.lower() turns some characters into two ("İ" -> "i̇"), which would shift every
    # offset after them; those few characters keep their case instead.
    out = text.lower()
    if len(out) == len(text):
        return out
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
