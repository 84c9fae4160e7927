"""Forms learnt from PHI slice 28's rural US dictations in raw lower-case speech recognition,
where names are ordinary English words ("faith", "rose", "hunter", "young", "will"), each on
examples written for this test: a given name and a surname before the next field said aloud or
at a line's end, relatives and parents named, a given name said again after "told" or beside a
name just masked, pet names ("bubba", "rusty"), a surname among the commonest words after a
title or role, and a capitalised given name that opens a sentence. In every row the same words
in their ordinary sense stay unmasked."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked_as, untouched


@pytest.mark.parametrize(
    "text, name, word",
    [
        ("knee for joy hunter date of birth may second she will follow", "joy hunter", "will"),
        ("exam on dusty cash date of service june first for summer camp", "dusty cash", "camp"),
        ("for penny stone patient number four four one skip lesions none", "penny stone", "skip"),
        ("patient name hope field\nd o b april ninth no hope of rest", "hope field", "rest"),
        ("wrist for little grant page age four page the fellow if worse", "grant page", "fellow"),
        ("ct on bubba marsh medical record eight one the stone rose to six", "bubba marsh", "rose"),
    ],
)  # fmt: skip
def test_a_given_name_and_a_surname_that_are_words_before_the_next_spoken_field_are_masked(
    text, name, word
):
    assert name in masked_as(text, "NAME")
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, name, word",
    [
        ("chest film for patient faith bishop\nthe effusion rose slightly", "faith bishop", "rose"),
        ("hip views for patient rose hunter\npatient will return in a week", "rose hunter", "will"),
    ],
)  # fmt: skip
def test_a_patients_name_of_two_words_closing_the_spoken_line_is_masked(text, name, word):
    assert name in masked_as(text, "NAME")
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, name, word",
    [
        ("her husband grant cash was told and the mass rose in size", "grant cash", "rose"),
        ("his grandmother faith hunter is here and mother is here too", "faith hunter", "here"),
        ("dad is wade stone\nhe says the pain rose after lifting", "wade stone", "rose"),
        ("son junior field will drive him and we will follow", "junior field", "follow"),
        ("i called grandma joy at noon the son is young and well", "joy", "young"),
    ],
)  # fmt: skip
def test_a_relatives_given_name_and_a_surname_that_is_a_word_are_masked(text, name, word):
    assert name in masked_as(text, "NAME")
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, names, word",
    [
        ("parents are dale and faith young we hope to go", ["dale", "faith young"], "hope"),
        ("mom and dad are rose and bill carter and will stay", ["rose", "bill carter"], "will"),
    ],
)  # fmt: skip
def test_parents_named_together_are_masked_with_the_surname_they_share(text, names, word):
    found = masked_as(text, "NAME")
    assert all(name in found for name in names)
    assert untouched(text, word)
    assert masked_as("parents are here and will call back tomorrow", "NAME") == []


@pytest.mark.parametrize(
    "text, name, times, word",
    [
        ("ankle for bubba hunter age nine i told bubba we will splint it", "bubba", 2, "will"),
        ("patient name summer page d o b june first i let summer know", "summer", 2, "know"),
        ("for penny cash age two husband rusty cash present\ntold penny and rusty it heals",
         "rusty", 2, "heals"),
        ("mom and dad are joy and will bishop\ni told will and joy which will follow",
         "will", 2, "follow"),
    ],
)  # fmt: skip
def test_a_given_name_said_again_after_told_or_beside_a_masked_name_is_masked(
    text, name, times, word
):
    # Every time the name is said, in full or alone; never the word in its own sense.
    assert sum(span.split().count(name) for span in masked_as(text, "NAME")) == times
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, name, word",
    [
        ("report on baby boy young\nyoung adult sized heart", "young", "adult"),
        ("dictated by p a frank young at noon chest p a and lateral", "frank young", "lateral"),
        ("farm foreman bill young brought him in frank blood in the stool", "bill young", "blood"),
        ("called doctor rusty stone urology for a stone in the ureter", "rusty stone", "ureter"),
    ],
)  # fmt: skip
def test_a_surname_among_the_commonest_words_after_a_title_or_role_is_masked(text, name, word):
    assert name in masked_as(text, "NAME")
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Patient: Frank Hollis\nFrank was told of the result. Frank blood in the stool.", "blood"),
        ("Patient: Hope Marsh\nHope says the pain eased. Hope remains for recovery.", "remains"),
    ],
)  # fmt: skip
def test_a_common_given_name_that_opens_a_sentence_with_a_verb_of_saying_is_masked(text, word):
    name = text.split()[1]
    assert masked_as(text, "NAME").count(name) == 1  # said again, not the word opening the last
    assert untouched(text, word)
