"""Forms learnt from PHI slice 24 (raw speech recognition of a US community hospital), each on
examples written for this test, with clinical text beside them that must stay: lower-case
surnames after a given name, names that are words said again where the dictation points at
the person, eponym surnames after a lower-case title, spelled names, record and accession
numbers with digits and digit words mixed, typed and half-spoken clock times, spoken e-mail
addresses with spelled parts, mixed-case names, care homes and credentials."""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers
from tests.support.phi_spans import masked, untouched


def _covered(text: str, name: str) -> bool:
    """Every character of the name's one occurrence lies inside a masked span."""
    start = text.index(name)
    spans = find_identifiers(text)
    return all(
        any(s.start <= i < s.end for s in spans)
        for i in range(start, start + len(name))
        if text[i] != " "
    )


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "patient is a ninety one year old male comma name Walter o'donnell period",
            "Walter o'donnell",
        ),
        ("patient name is Lucas pemberton comma date of birth", "Lucas pemberton"),
        ("patient is Rose mae Whitaker comma medical record number", "Rose mae Whitaker"),
        ("US NECK\npt MARTA gonzalez-vidal mrn 5512234 acc us26-1187", "MARTA gonzalez-vidal"),
        ("email the patient's son Jasper baker per his request period", "Jasper baker"),
    ],
)
def test_a_lower_case_surname_after_a_given_name_is_masked_with_it(text, name):
    assert _covered(text, name)


def test_the_surname_is_masked_and_a_baker_cyst_beside_it_stays_the_cyst():
    text = "the patient's son Jasper baker per his request period baker cyst in the knee period"
    assert masked(text) == ["Jasper baker"]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Tech: Will   ordering: Dr. Sherwood\nSister at bedside per tech will.", "will"),
        ("dictated by doctor Ada Crow crow spelled C R O W period", "crow"),
        ("doctor Amy Fox dictating comma that is fox as in the animal period", "fox"),
    ],
)
def test_a_name_that_is_a_word_is_masked_again_where_the_dictation_points_at_it(text, word):
    spans = masked(text)
    assert word in spans or any(span.startswith(word + " ") for span in spans)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Tech: Will  ordering: Dr. Roe\nper tech will.\nthe tech will call the ward", "will"),
        ("doctor Ada Crow crow spelled C R O W period no crow feet deformity period", "crow"),
    ],
)
def test_the_pointed_mention_is_masked_and_the_word_elsewhere_stays(text, word):
    assert masked(text).count(word) == 1


@pytest.mark.parametrize(
    "text, name",
    [
        ("ordering doctor bell comma emergency department new paragraph", "bell"),
        ("findings discussed with doctor murphy at two ten a m period", "murphy"),
    ],
)
def test_an_eponym_surname_after_a_lower_case_title_is_the_person(text, name):
    assert name in masked(text)


def test_an_eponym_noun_after_the_title_and_surname_keeps_the_sign():
    text = "positive sonographic murphy sign period discussed with doctor murphy comma"
    assert masked(text) == ["murphy"]
    assert text.index("murphy") < find_identifiers(text)[0].start


@pytest.mark.parametrize(
    "text, letters",
    [
        ("x ray left hand period patient Nora Hale h a l e comma m r n", "h a l e"),
        ("patient Ivo Brandt b r a n d t period", "b r a n d t"),
    ],
)
def test_a_name_spelled_right_after_it_is_said_is_masked(text, letters):
    assert letters in masked(text)


def test_letters_that_do_not_spell_the_name_stay():
    text = "patient Nora Hale h a l e comma c t a of the chest period"
    assert "h a l e" in masked(text) and untouched(text, "c t a")


@pytest.mark.parametrize(
    "text, number",
    [
        ("m r n 3 3 1 8 five four one period", "3 3 1 8 five four one"),
        ("medical record number 62 four 8 one zero 7\nindication", "62 four 8 one zero 7"),
        (
            "accession C T dash two zero two five dash 1 1 4 7 0 2\nfindings",
            "C T dash two zero two five dash 1 1 4 7 0 2",
        ),
        ("accession c t a dash five five one two period", "c t a dash five five one two"),
    ],
)
def test_spoken_record_and_accession_numbers_with_digits_and_words_mixed(text, number):
    assert number in masked(text)


@pytest.mark.parametrize(
    "text, time",
    [
        ("fell from a ladder today approx 0945am\nfindings", "0945am"),
        ("exam 4/2/26 11:15p, tech on call", "11:15p"),
        ("study performed at 7 oh five a m period", "7 oh five a m"),
        ("called at 6 forty p m period", "6 forty p m"),
    ],
)
def test_typed_and_half_spoken_clock_times_are_masked(text, time):
    assert time in masked(text)


@pytest.mark.parametrize(
    "text, time, word",
    [
        ("fell today approx 0945am\nlesion 1030 mm in the series", "0945am", "1030"),
        ("exam 11:15p, 3 views of the wrist, 20 deg angulation", "11:15p", "20"),
        ("seen at 7 oh five a m period 5 cm mass at 2 o'clock", "7 oh five a m", "2 o'clock"),
    ],
)
def test_sizes_views_and_clock_positions_beside_the_times_stay(text, time, word):
    assert time in masked(text) and untouched(text, word)


def test_a_spoken_e_mail_address_with_a_spelled_part_is_masked_whole():
    text = "please copy doctor Kerr at j kerr underscore r n at example dot org comma"
    assert "j kerr underscore r n at example dot org" in masked(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("CT CHEST\npatient mcDONALD o'hara, mrn 7712093, acc 26-CT-004", "mcDONALD o'hara"),
        ("XR KNEE\nsigned dr k. wojcik 3/12/2026 1655", "k. wojcik"),
    ],
)
def test_mixed_case_and_initialled_names_in_a_typed_report_are_masked(text, name):
    assert name in masked(text)


def test_mixed_case_clinical_words_stay():
    text = "MRI PROSTATE\npatient deLEON o'hara, mrn 7712093\nmpMRI protocol, rCBV elevated"
    assert "deLEON o'hara" in masked(text)
    assert untouched(text, "mpMRI") and untouched(text, "rCBV")


@pytest.mark.parametrize(
    "text, words",
    [
        ("92-year-old female, fall at Maple Grove assisted living, hip pain.", "Maple Grove"),
        ("patient from Sunny Acres nursing home with cough.", "Sunny Acres"),
        ("Technologist: Ruth Keller, CBDT\nLumbar spine L1-L4 BMD 0.812", "CBDT"),
    ],
)
def test_care_homes_and_densitometry_credentials_are_no_names(text, words):
    assert untouched(text, words)


def test_the_person_beside_a_care_home_or_credential_is_still_masked():
    assert "Ruth Keller" in masked("Technologist: Ruth Keller, CBDT\nLumbar spine")
    assert "Ida Marsh" in masked("Pt name Ida Marsh, fall at Maple Grove assisted living.")
