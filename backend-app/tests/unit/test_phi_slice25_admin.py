"""Forms learnt from PHI slice 25's administrative text around US radiology reports (scheduling,
prior authorisation, billing and coding queries, release of information, transcription QA,
portal messages), each on examples written for this test, with the office words beside them
that must stay: office staff before a name, paperwork words after a role, a records office and
coding credentials after a name, date ranges joined by a hyphen, short weekdays before a date,
ages said of a relative or of the writer, and pre-authorisation numbers."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked, masked_as, untouched

OFFICE_STAFF = [
    ("Coder Minh-Anh Tran asks whether modifier 26 applies.", "Coder", "Minh-Anh Tran"),
    ("Editor Solange Fournier note: dictated left, images show right.", "Editor",
     "Solange Fournier"),
    ("Biller Rosalind Achterberg flagged the claim for review.", "Biller",
     "Rosalind Achterberg"),
    ("Abstractor Henrike Solberg returned the chart.", "Abstractor", "Henrike Solberg"),
    ("Proofreader Odalys Quintero: please verify laterality.", "Proofreader",
     "Odalys Quintero"),
]  # fmt: skip


@pytest.mark.parametrize("text, role, name", OFFICE_STAFF)
def test_the_name_after_an_office_role_is_masked_and_the_role_stays(text, role, name):
    assert name in masked_as(text, "NAME")
    assert untouched(text, role)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Radiologist prelim: no displaced fracture.", "prelim"),
        ("Response to the referring clinician query regarding the adnexa.", "query"),
        ("Physician query sent; awaiting answer.", "query"),
        ("Technologist overread pending.", "overread"),
    ],
)
def test_paperwork_words_after_a_role_are_no_name(text, word):
    assert untouched(text, word)


def test_a_requester_line_after_a_next_of_kin_heading_keeps_the_word_and_masks_the_person():
    text = "RECORDS REQUEST - next of kin\nRequester: Ilse Vandermeer (sister)"
    assert "Ilse Vandermeer" in masked_as(text, "NAME")
    assert untouched(text, "Requester")


def test_a_records_requester_may_be_a_firm_and_neither_word_is_masked():
    text = "RECORDS REQUEST - next of kin\nRequester: Brightwater Injury Law Group, attn: paralegal"
    assert untouched(text, "Requester")
    assert untouched(text, "Brightwater")


@pytest.mark.parametrize(
    "text, name, office",
    [
        ("Released by Imelda Castro, HIM, 2/11/26.", "Imelda Castro", "HIM"),
        ("Released by Tomasz Wrona, ROI, 02/12/2026.", "Tomasz Wrona", "ROI"),
        ("Query closed by Ines Barreto, CDI, 3/3/26.", "Ines Barreto", "CDI"),
    ],
)
def test_a_records_office_after_a_name_and_a_comma_is_no_given_name(text, name, office):
    assert name in masked_as(text, "NAME")
    assert untouched(text, office)


@pytest.mark.parametrize(
    "text, name, credential",
    [
        ("Coordinator: Lupe Ortiz, CPC", "Lupe Ortiz", "CPC"),
        ("Manager: Ulla Brandt, RHIA", "Ulla Brandt", "RHIA"),
        ("Analyst: Tomasz Wrona, RHIT", "Tomasz Wrona", "RHIT"),
    ],
)
def test_a_coding_or_records_credential_after_a_name_stays(text, name, credential):
    assert name in masked_as(text, "NAME")
    assert untouched(text, credential)


@pytest.mark.parametrize(
    "text, dates",
    [
        ("Auth valid 4/1/2026-6/30/2026 for MRI.", ["4/1/2026", "6/30/2026"]),
        ("Eligibility 1/5/26-3/31/26 confirmed.", ["1/5/26", "3/31/26"]),
    ],
)
def test_a_range_of_two_dates_joined_by_a_hyphen_is_two_dates(text, dates):
    assert masked_as(text, "DATE") == dates


def test_an_iso_date_keeps_one_separator_throughout():
    assert masked_as("Imaged 2025-11-30 and 2025/12/01.", "DATE") == ["2025-11-30", "2025/12/01"]
    assert "2026-5/14" not in masked("valid 2/10/2026-5/14/2026")


@pytest.mark.parametrize(
    "text, date",
    [
        ("Rescheduled from Tue 5/12 to a later slot.", "5/12"),
        ("Chart prep for Mon 3/30; NPO after midnight.", "3/30"),
        ("Open slot Thurs. 4/16 in the morning.", "4/16"),
        ("Add-on Sat 6/13 if the scanner is free.", "6/13"),
    ],
)
def test_a_month_and_day_after_a_short_weekday_is_a_date(text, date):
    assert date in masked_as(text, "DATE")


def test_sat_as_a_verb_before_a_fraction_is_no_date():
    text = "Add-on Sat 6/13; last time the patient sat 1/2 of the exam."
    assert masked_as(text, "DATE") == ["6/13"]


@pytest.mark.parametrize(
    "text, age",
    [
        ('"My husband is 94 and gets confused after scans."', "94"),
        ("Her father's 101 and lives alone.", "101"),
        ("Mom turned 92 in the spring.", "92"),
        ("She is 97 in May, and the scan tired her.", "97"),
        ("I'm 96, do I still need the mammogram?", "96"),
        ("The patient turned 93 last week.", "93"),
    ],
)
def test_an_age_over_89_said_of_a_relative_or_of_the_writer_is_masked(text, age):
    assert age in masked_as(text, "AGE")


@pytest.mark.parametrize(
    "text",
    [
        "My father is 99; my mother is 95 miles away from the clinic.",
        "Her husband is 92 kg; her mother is 99.",
        "My wife is 90% better since the injection. I'm 99.",
    ],
)
def test_a_distance_weight_or_share_after_a_relative_is_no_age(text):
    assert masked_as(text, "AGE") == ["99"]


@pytest.mark.parametrize(
    "text, number",
    [
        ("Precert obtained, preauth # 66190.", "66190"),
        ("Pre-cert 55209 valid 30 days.", "55209"),
        ("Precertification 77120 on file.", "77120"),
    ],
)
def test_a_number_after_a_pre_authorisation_key_is_masked(text, number):
    assert number in masked_as(text, "ID")


def test_pre_authorisation_without_a_number_is_left():
    text = "Preauthorization required for MRI lumbar spine; preauth # 40917 issued."
    assert masked(text) == ["40917"]
