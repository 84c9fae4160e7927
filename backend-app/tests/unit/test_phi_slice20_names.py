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
