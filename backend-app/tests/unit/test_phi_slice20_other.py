"""Identifier forms other than names learnt from PHI slice 20, each on examples written for this
test, with clinical text beside them that must stay: clock times as sites abroad write them,
spaced and spoken dates, short extensions, grouped ids, spoken addresses and ages."""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers


def _masked(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_identifiers(text)]


# A time written with a dot after a site's clock word, and the Flemish "11u05".
CLOCK_TIMES_ABROAD = [
    ("Undersökt 2024-05-02 kl. 09.35, svar till remittent.", "09.35"),
    ("Tutkittu klo 23.05 päivystyksessä.", "23.05"),
    ("Befund telefonisch übermittelt um 14.20 an den Stationsarzt.", "14.20"),
    ("Besproken om 9.45 met de neuroloog.", "9.45"),
    ("Badanie wykonano o godz. 7.38 na SOR.", "7.38"),
    ("Comunicato al reparto alle 16.10 telefonicamente.", "16.10"),
    ("Datum: 02-04-2024, 10u15", "10u15"),
    ("Huisarts geïnformeerd om 8u40; start behandeling.", "8u40"),
]


@pytest.mark.parametrize("text, time", CLOCK_TIMES_ABROAD)
def test_a_dotted_time_after_a_clock_word_of_a_site_abroad_is_masked(text, time):
    assert time in _masked(text)


CLOCK_WORDS_BEFORE_SIZES = [
    ("Läsion um 12.50 mm größer als im Vorbefund.", "12.50"),
    ("Tumor om 2.35 cm gegroeid.", "2.35"),
    ("Wert um 10.25,5 gestiegen.", "10.25"),
]


@pytest.mark.parametrize("text, number", CLOCK_WORDS_BEFORE_SIZES)
def test_a_size_after_a_clock_word_stays(text, number):
    assert not any(number in span for span in _masked(text))


SPACED_DAY_FIRST_DATES = [
    ("Pacient: nar. 7. 11. 1948, RČ viz výše", "7. 11. 1948"),
    ("Vyšetření: RTG hrudníku PA, 2. 4. 2024, 10:20", "2. 4. 2024"),
    ("Voraufnahme vom 15. 3.2023 zum Vergleich.", "15. 3.2023"),
]


@pytest.mark.parametrize("text, date", SPACED_DAY_FIRST_DATES)
def test_a_day_first_date_with_a_space_after_each_dot_is_masked_whole(text, date):
    assert date in _masked(text)


@pytest.mark.parametrize(
    "text",
    ["Nález: 1. 2. 3. žebro vpravo bez změn.", "Stenose 2. 3. Grades, KTI 0,56."],
)
def test_numbered_items_with_dots_are_not_a_spaced_date(text):
    assert _masked(text) == []
