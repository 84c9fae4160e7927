"""Person names learnt from PHI slice 20, each on examples written for this test, and the
clinical words of reports abroad that the name rules must leave alone."""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers


def _names(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_identifiers(text) if s.category == "NAME"]


def _masked_words(text: str) -> set[str]:
    return {
        word
        for s in find_identifiers(text)
        for word in text[s.start : s.end].replace(",", " ").split()
    }


# Punctuation said to speech recognition abroad follows a name but is never part of it.
DICTATION_COMMANDS = [
    (
        "Diktat Dr. Ruth Hallerbacher Punkt Neuer Absatz Befund folgt",
        "Ruth Hallerbacher",
        {"Punkt", "Neuer", "Absatz"},
    ),
    (
        "Patientin Frau Ottilie Brandhuber-Zach Komma geboren 1950",
        "Ottilie Brandhuber-Zach",
        {"Komma"},
    ),
    (
        "Dr. Liliana Fumagalli Punto a capo. Esame senza reperti punto.",
        "Liliana Fumagalli",
        {"Punto", "punto"},
    ),
    ("Dr. Liliana Fumagalli Virgola data odierna", "Liliana Fumagalli", {"Virgola"}),
]


@pytest.mark.parametrize("text, name, commands", DICTATION_COMMANDS)
def test_a_dictation_command_after_a_name_is_not_masked_with_it(text, name, commands):
    assert name in _names(text)
    assert not commands & _masked_words(text)


GERMAN_REPORT = (
    "Klinische Angabe: Seit 3 Wochen Schmerzen und Schwellung.\n"
    "Befund: Mäßiger Gelenkerguss mit Synovitis, kein Knochenmarködem. Innenband mit Ödem, "
    "Grad II.\nBeurteilung: Komplexer Hinterhornriss.\n"
    "Im Vergleich zur Voruntersuchung Fragestellung Lage unverändert.\n"
    "Befund an Stationsarzt Doktor Matthias Obermeier Telefon Klappe 4411 durchgegeben.\n"
    "Ende Diktat. Dr. Sabine Wendelstein-Kraus"
)


@pytest.mark.parametrize(
    "noun",
    [
        "Klinische", "Angabe", "Wochen", "Schmerzen", "Mäßiger", "Gelenkerguss", "Grad",
        "Komplexer", "Hinterhornriss", "Vergleich", "Fragestellung", "Lage", "Telefon",
        "Klappe", "Ende", "Diktat", "Stationsarzt",
    ],
)  # fmt: skip
def test_capitalised_nouns_of_a_german_report_are_not_masked_as_names(noun):
    assert noun not in _masked_words(GERMAN_REPORT)


@pytest.mark.parametrize("name", ["Matthias Obermeier", "Sabine Wendelstein-Kraus"])
def test_names_in_a_german_report_are_still_masked(name):
    assert name in _names(GERMAN_REPORT)


# Speech recognition in lower case: a given name and a surname that is also a word, an eponym
# or clinical, closed by the next field of the header said aloud.
WORD_SURNAMES_BEFORE_A_FIELD = [
    ("patient gloria hunter medical record number seven zero one", "gloria hunter"),
    ("patient harold stone m r n four seven dash two two", "harold stone"),
    ("patient edith young comma ninety three year old female", "edith young"),
    ("patient rose may comma d o b nine nine eighty eight", "rose may"),
    ("patient name bernice bell date of birth march third", "bernice bell"),
]


@pytest.mark.parametrize("text, name", WORD_SURNAMES_BEFORE_A_FIELD)
def test_a_word_surname_before_the_next_field_of_a_spoken_header_is_masked(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("patient mary fell comma ninety year old female", "fell"),
        ("patient will stone comma m r n pending", "stone"),
    ],
)
def test_a_verb_or_a_word_after_a_non_name_before_a_field_stays(text, word):
    assert word not in _masked_words(text)


# A word said and spelled right after it is a name, even one that is an English word.
SAID_AND_SPELLED = [
    ("last name ward w a r d first name robert", ["ward", "w a r d"]),
    ("patient faye king k i n g is here", ["faye king", "k i n g"]),
    ("patient surname is moss m o s s thank you", ["moss", "m o s s"]),
]


@pytest.mark.parametrize("text, names", SAID_AND_SPELLED)
def test_a_word_followed_by_its_own_spelling_is_masked_as_a_name(text, names):
    assert set(names) <= set(_names(text))


@pytest.mark.parametrize(
    "text, word",
    [("the c t c t scan and the mri m r i were reviewed", "mri"), ("the c t c t scan", "scan")],
)
def test_an_acronym_said_and_spelled_stays(text, word):
    assert word not in _masked_words(text)


# Surname first in capitals, compound or with a particle, before given names found alone.
SURNAME_BEFORE_GIVEN_NAMES = [
    (
        "| Patient Name | MENDOZA-ARRIAGA, Ana Sofía |\n| MRN | 00918273 |",
        "MENDOZA-ARRIAGA, Ana Sofía",
    ),
    ("RE:   AL-MANSOURI, Fatima Noor   DOB: 02/14/1950", "AL-MANSOURI, Fatima Noor"),
    ("PATIENT=AL-HARBI, MOHAMMED BIN KHALID | MRN=7712093", "AL-HARBI, MOHAMMED BIN KHALID"),
]


@pytest.mark.parametrize("text, name", SURNAME_BEFORE_GIVEN_NAMES)
def test_a_compound_surname_and_comma_before_given_names_is_masked_with_them(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Findings, Maria Lopez was informed.", "Findings"),
        ("Bilateral, Rose Hill reviewed", "Bilateral"),
    ],
)
def test_a_clinical_word_and_comma_before_a_name_stays(text, word):
    assert word not in _masked_words(text)
