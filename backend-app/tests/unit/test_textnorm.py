"""One text normalisation for every caller that matches words by position."""

from __future__ import annotations

import pytest

from radpair import textnorm
from radpair.macros import engine as macro_engine
from radpair.macros.engine import Macro, MacroLibrary
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
        macro_engine.safe_lower,
    } == {textnorm.safe_lower}


@pytest.mark.parametrize("prefix", UNICODE_CASES)
def test_a_negation_change_is_raised_whatever_unicode_comes_before_it(prefix):
    source = f"{prefix}. No pleural effusion."
    report = f"{prefix}. Small pleural effusion."
    warnings = get_verifier().verify(source, report)
    assert [w["type"] for w in warnings] == ["negation"]
    start, end = warnings[0]["report_span"]
    assert report[start:end] == "pleural effusion"


@pytest.mark.parametrize("prefix", UNICODE_CASES)
def test_a_macro_is_expanded_in_place_whatever_unicode_comes_before_it(prefix):
    library = MacroLibrary([Macro("m-1", "normal chest", "NORMAL CHEST.", "site")])
    text = f"{prefix} insert normal chest then more"
    expansion = library.expand(text)
    assert expansion.expanded == f"{prefix} NORMAL CHEST. then more"
    start, end = expansion.macros[0]["start"], expansion.macros[0]["end"]
    assert text[start:end] == "insert normal chest"


@pytest.mark.parametrize("phrase", ["İnan protocol", "Dr. İnan", "ẞ test"])
def test_a_phrase_with_a_length_changing_capital_is_found_where_it_is_dictated(phrase):
    library = MacroLibrary([Macro("m-1", phrase, "BODY.", "site")])
    text = f"First. Insert {phrase.upper()} now."
    expansion = library.expand(text)
    assert expansion.expanded == "First. BODY. now."
    assert macro_engine.phrase_key(phrase) == textnorm.safe_lower(phrase)
