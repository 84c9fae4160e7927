"""What the PHI gate masks in a text, in the forms the PHI unit tests compare."""

from __future__ import annotations

from radpair.phi import find_identifiers


def masked(text: str) -> list[str]:
    """The texts of every span the gate masks."""
    return [text[s.start : s.end] for s in find_identifiers(text)]


def masked_as(text: str, category: str) -> list[str]:
    """The texts of the spans the gate masks as the category given."""
    return [text[s.start : s.end] for s in find_identifiers(text) if s.category == category]


def untouched(text: str, word: str) -> bool:
    """True when no masked span holds the word."""
    return not any(word in span for span in masked(text))
