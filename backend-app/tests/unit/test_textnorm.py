"""One text normalisation for every caller that matches words by position."""

from __future__ import annotations

import pytest

from radpair import textnorm
from radpair.verifier import compare, context_engine, extract, get_verifier, negex

# Length-changing case folds, combining marks, no-break spaces, smart quotes, ligatures.
UNICODE_CASES = [
    "Dr. İnan",  # "İ".lower() is two characters
    "STRASSE ẞ",  # capital sharp s
    "Café",  # e + combining acute accent
    "left\u00a0side",  # no-break space
    "“quoted” and ‘single’",
    "ﬁndings",  # fi ligature
    "ΣΊΣΥΦΟΣ",  # final sigma
]


@pytest.mark.parametrize("text", UNICODE_CASES)
def test_lower_casing_keeps_every_offset(text):
    lowered = textnorm.safe_lower(text)
    assert len(lowered) == len(text)
    for original, folded in zip(text, lowered):
        # Each character stays itself or its own lower case (final sigma included).
        assert len(folded) == 1
        assert folded in (original, original.lower()) or folded.upper() == original.upper()


def test_every_caller_uses_the_one_normalisation():
    assert {
        extract.safe_lower,
        negex.safe_lower,
        context_engine.safe_lower,
        compare.safe_lower,
    } == {textnorm.safe_lower}


@pytest.mark.parametrize("prefix", UNICODE_CASES)
def test_a_negation_change_is_raised_whatever_unicode_comes_before_it(prefix):
    source = f"{prefix}. No pleural effusion."
    report = f"{prefix}. Small pleural effusion."
    warnings = get_verifier().verify(source, report)
    assert [w["type"] for w in warnings] == ["negation"]
    start, end = warnings[0]["report_span"]
    assert report[start:end] == "pleural effusion"
