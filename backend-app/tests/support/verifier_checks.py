"""What a verifier says about one pair, in the forms the verifier unit tests compare."""

from __future__ import annotations

from radpair.verifier import Verifier


def types_raised(verifier: Verifier, source: str, report: str) -> set[str]:
    """The warning types raised for the pair."""
    return {w["type"] for w in verifier.verify(source, report)}


def quoted_words(verifier: Verifier, source: str, report: str, kind: str) -> list[tuple]:
    """The words each warning of this kind points at in the source and the report."""
    return [
        tuple(text[slice(*span)] if span else None for text, span in zip((source, report), spans))
        for w in verifier.verify(source, report)
        if w["type"] == kind
        for spans in [(w["source_span"], w["report_span"])]
    ]


def assert_warns_or_not(
    verifier: Verifier, source: str, report: str, kind: str | None, quoted: tuple | None
) -> None:
    """No warning at all when `kind` is None; else a warning of that kind quoting `quoted`."""
    if kind is None:
        assert types_raised(verifier, source, report) == set()
    else:
        assert quoted in quoted_words(verifier, source, report, kind)
