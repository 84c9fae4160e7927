"""Forms learnt from PHI slice 26's Pacific, Indigenous and military care, each on examples
written for this test, with the words beside them that must stay: names that hold or open with
the ʻokina, ranks before names (written and said aloud), dates said with "of" and a two-digit
year, "nought" for zero in a spoken time, and places that stand where a name could (a town
after "in", a reader's town in brackets, an exam's name before its accession key)."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked, masked_as, untouched

OKINA_NAMES = [
    ("Reported by Dr. Noelani ʻIolani, MD.", "Noelani ʻIolani"),
    ("Name: ʻAna Taufaʻahau    Hosp No: TH-00231", "ʻAna Taufaʻahau"),
    ("Patient: Keoni Kaʻuhane   MRN: 5512034", "Keoni Kaʻuhane"),
    # The modifier apostrophe (U+02BC) and a left quote typed for the ʻokina.
    ("Called to Dr. Malia Kaʼeo at 0215.", "Malia Kaʼeo"),
    ("Patient: Hōkū Keli‘ikoa   MRN: 7730912", "Hōkū Keli‘ikoa"),
    ("Pt: Cpl Sefo Leiataua-Saʻena, USMC   EDIPI 1000000001", "Sefo Leiataua-Saʻena"),
    ("veteran keola kaʻaukai last four three one two", "keola kaʻaukai"),
]  # fmt: skip


@pytest.mark.parametrize("text, name", OKINA_NAMES)
def test_a_name_with_the_okina_is_masked_whole(text, name):
    assert name in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Dr. Sione Tapa referred her from Vaiola Hospital, Nukuʻalofa.", "Nukuʻalofa"),
        ("Dictated by Dr. Sione ʻUlu; the ʻokina is part of the name.", "ʻokina"),
        ("Seen by Dr. Siobhan O’Neill; Leilani left the clinic.", "left"),
    ],
)
def test_the_okina_makes_no_clinical_or_place_word_a_name(text, kept):
    assert untouched(text, kept)
    assert masked_as(text, "NAME") != []


WRITTEN_RANKS = [
    ("Escorted by PO2 Kaimana Peleke to the scanner.", "PO2", "Kaimana Peleke"),
    ("Chaperone: HM3 Lokelani Akau", "HM3", "Lokelani Akau"),
    ("Reviewed with SrA Tevita Moala today.", "SrA", "Tevita Moala"),
    ("Results given to GySgt Aperahama Tane at 1400.", "GySgt", "Aperahama Tane"),
    ("Escorted by Cdr Wiremu Parata to the scanner.", "Cdr", "Wiremu Parata"),
    ("Escorted by Spc Lavinia Fonua to the scanner.", "Spc", "Lavinia Fonua"),
    ("Escorted by Pte Rangi Whaanga to the scanner.", "Pte", "Rangi Whaanga"),
]  # fmt: skip


@pytest.mark.parametrize("text, rank, name", WRITTEN_RANKS)
def test_a_written_rank_before_a_name_stays_and_the_name_is_masked(text, rank, name):
    assert name in masked_as(text, "NAME")
    assert untouched(text, rank)


SPOKEN_RANKS = [
    ("patient is corporal tamati huata date of birth", "corporal", "tamati huata"),
    ("patient is lance corporal aroha kingi", "lance corporal", "aroha kingi"),
    ("patient is ensign keala kahananui seen today", "ensign", "keala kahananui"),
    ("please call petty officer second class mele fifita", "petty officer second class",
     "mele fifita"),
    ("results to staff sergeant losa tuilagi by phone", "staff sergeant", "losa tuilagi"),
]  # fmt: skip


@pytest.mark.parametrize("text, rank, name", SPOKEN_RANKS)
def test_a_rank_said_aloud_stays_and_the_lower_case_name_after_it_is_masked(text, rank, name):
    assert name in masked_as(text, "NAME")
    assert all(untouched(text, word) for word in rank.split())


@pytest.mark.parametrize(
    "text",
    [
        "major vessel occlusion is excluded",
        "general surgery consult recommended",
        "private insurance pending authorisation",
        "specialist review recommended period",
    ],
)
def test_ranks_that_are_ordinary_words_make_no_name_of_what_follows(text):
    assert masked(text) == []


@pytest.mark.parametrize("rank", ["1LT", "MAJ", "PO2"])
def test_a_rank_as_a_form_value_does_not_make_the_next_column_a_name(rank):
    text = f"PT NAME: AKANA, MALIA K    RANK: {rank}    DOD ID: 1234567890"
    assert "AKANA, MALIA K" in masked_as(text, "NAME")
    assert untouched(text, "DOD")
    assert untouched(text, rank)


@pytest.mark.parametrize(
    "text, date, kept",
    [
        ("performed on the fourth of june twenty six at the base", "fourth of june twenty six",
         "base"),
        ("prior study on the second of may oh nine was normal", "second of may oh nine",
         "normal"),
        ("nodule on the first of april twenty millimetres", "first of april", "millimetres"),
        ("on the 4th of July, twenty-six patients were scanned", "4th of July", "patients"),
    ],
)  # fmt: skip
def test_a_date_said_with_of_takes_a_two_digit_year_but_not_a_measure(text, date, kept):
    assert masked_as(text, "DATE") == [date]
    assert untouched(text, kept)


@pytest.mark.parametrize(
    "text, time",
    [
        ("scanned at nought four fifteen period", "nought four fifteen"),
        ("seen at nought nine hundred hours", "nought nine hundred hours"),
        ("call received at nought one five zero", "nought one five zero"),
    ],
)
def test_nought_is_a_spoken_zero_in_a_time(text, time):
    assert masked_as(text, "TIME") == [time]


def test_nought_point_in_a_measure_is_no_time():
    assert masked("lesion of nought point five centimetres") == []


@pytest.mark.parametrize(
    "text, town",
    [
        ("discussed with nurse Ruth Kakegamic in Sandy Lake by phone", "Sandy Lake"),
        ("the family lives near Cedar Hill and will attend", "Cedar Hill"),
    ],
)
def test_a_town_named_with_a_landform_after_in_or_near_is_no_name(text, town):
    assert all(untouched(text, word) for word in town.split())


def test_a_landform_surname_after_to_is_still_a_person():
    assert "Sandy Lake" in masked_as("Results given to Sandy Lake by phone.", "NAME")


def test_a_readers_town_in_brackets_after_a_role_label_stays():
    text = "Visiting sonographer: Hemi Rawiri (Rotorua)\nIndication: pain"
    assert masked_as(text, "NAME") == ["Hemi Rawiri"]
    assert untouched(text, "Rotorua")


def test_a_patients_nickname_in_brackets_is_still_masked():
    text = "Patient: Kalani Kahale (Kala)  MRN 7718820"
    assert "Kala" in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Prior exam: US Left Lower Quadrant, Acc# KMC-US-55120, 02/02/2026", "Quadrant"),
        ("Exam: CT Angiography Aorta, Acc. AB-12-3344", "Aorta"),
    ],
)
def test_an_exams_name_before_its_accession_key_is_no_name(text, kept):
    assert untouched(text, kept)
    assert masked_as(text, "ACCESSION") != []


def test_a_name_before_an_accession_key_is_still_masked():
    text = "Malakai Two Feathers, Acc# KMC-CT-10021, 03/03/2026"
    assert "Malakai Two Feathers" in masked_as(text, "NAME")
