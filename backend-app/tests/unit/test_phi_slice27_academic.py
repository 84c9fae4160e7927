"""Forms learnt from PHI slice 27's academic department paperwork, each on examples written for
this test, with the words beside them that must stay: generational suffixes before the comma of
a sorted name, names in capitals beside a trainee's year, user names made of initials and a
surname, values of a comma-separated export read by their header, underscore-joined file names,
nicknames around a name, greetings, and the keys, titles and drugs that are no one's name."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked, masked_as, untouched

SUFFIX_BEFORE_COMMA = [
    ("| 2 | OKAFOR JR., DANIEL | 10293847 | CT chest |", "OKAFOR JR., DANIEL"),
    ("4) DONNELLY III, FERGUS - MRN 55012398 - CT A/P", "DONNELLY III, FERGUS"),
    ("Patient: Whitaker Sr., Lionel  DOB 02/11/1950", "Whitaker Sr., Lionel"),
]


@pytest.mark.parametrize("text, name", SUFFIX_BEFORE_COMMA)
def test_a_generational_suffix_between_surname_and_comma_stays_inside_the_name(text, name):
    assert name in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, name, kept",
    [
        ("CASE LIST\nPREPARED BY: OLUWADAMILOLA ADEYINKA (PGY-3)", "OLUWADAMILOLA ADEYINKA", "PGY"),
        ("READ BY: CHIAMAKA NWOSU-EZE", "CHIAMAKA NWOSU-EZE", "READ"),
        ("SLIDES: TEMITOPE OYEBANJI, MD", "TEMITOPE OYEBANJI", "SLIDES"),
    ],
)
def test_a_name_in_capitals_beside_a_trainee_year_or_after_a_by_label_is_masked(text, name, kept):
    assert name in masked_as(text, "NAME")
    assert untouched(text, kept)


@pytest.mark.parametrize(
    "text", ["SEEN BY: VASCULAR SURGERY (R2)", "CT ABDOMEN (PGY-2 review)", "BY: CT ANGIOGRAPHY"]
)
def test_services_and_exams_in_capitals_beside_a_trainee_year_stay(text):
    assert masked_as(text, "NAME") == []


USER_NAMES = [
    ("Report list exported 2026-01-04 by tnakamura", "tnakamura"),
    ("Printed 01/05/2026  |  User: dokonkwo2", "dokonkwo2"),
    ("QC checklist signed by mjgallagher", "mjgallagher"),
    ("Login: r.fontaine_md", "r.fontaine_md"),
]


@pytest.mark.parametrize("text, handle", USER_NAMES)
def test_a_user_name_of_initials_and_a_surname_after_a_user_key_or_by_is_masked(text, handle):
    assert handle in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Confirmed by ultrasound and by report.", "ultrasound"),
        ("Reached by across the skywalk.", "across"),
        ("Fluid aspirated by hand.", "hand"),
    ],
)
def test_words_after_by_that_spell_no_user_name_stay(text, kept):
    assert untouched(text, kept)


CSV_EXPORT = (
    "subject_id,site_no,visit,exam_date,reader,mrn_internal,result\n"
    "KNEE-301-0012,Site 04,V2,20251103,apetrov,61230987,KL grade 3; medial osteophytes\n"
    "KNEE-301-0019,Site 04,V1,20251105,swilloughby2,61288410,KL grade 1\n"
    "# monitor query re: KL grade at V2"
)


@pytest.mark.parametrize(
    "value, category",
    [
        ("apetrov", "NAME"),
        ("swilloughby2", "NAME"),
        ("61230987", "MRN"),
        ("20251103", "DATE"),
        ("04", "ID"),
    ],
)
def test_a_value_of_a_comma_separated_export_is_masked_as_its_header_column_says(value, category):
    assert value in masked_as(CSV_EXPORT, category)


@pytest.mark.parametrize("kept", ["Site", "V2", "KL", "medial", "osteophytes", "query"])
def test_the_other_columns_and_lines_of_a_comma_separated_export_stay(kept):
    assert untouched(CSV_EXPORT, kept)


@pytest.mark.parametrize(
    "text, name, number, date",
    [
        (
            "Scrub before upload: HALVORSEN_INGRID_MRN30045512_20251212.dcm",
            "HALVORSEN_INGRID",
            "MRN30045512",
            "20251212",
        ),
        ("Export: okafor_chidi_mr55102934_20240630.zip", "okafor_chidi", "mr55102934", "20240630"),
    ],
)
def test_an_underscore_joined_file_name_gives_up_its_name_number_and_date(text, name, number, date):
    assert name in masked_as(text, "NAME")
    assert number in masked_as(text, "MRN")
    assert date in masked_as(text, "DATE")
    assert untouched(text, "Scrub") and untouched(text, "Export")


@pytest.mark.parametrize(
    "text, site",
    [("Enrolled at Site 03, subject 903-0011.", "03"), ("Site 09 coordinator emailed.", "09")],
)
def test_a_trial_site_number_with_a_leading_zero_is_masked_and_a_time_on_site_is_not(text, site):
    assert site in masked_as(text, "ID")
    assert "09" not in masked_as("Rep on site 09:40 for the device.", "ID")
    assert masked("Biopsy site 2 cm from the nipple.") == []


NICKNAMES = [
    ('To: Dr. Katherine Oduya ("Kit", neuro attending tonight)', "Kit"),
    ('Handoff from: "Manny" Emmanuel Castaneda, to: Dr. Rhee', "Manny"),
    ("Tech: Rodolfo Villalobos (Rodo)", "Rodo"),
]


@pytest.mark.parametrize("text, nickname", NICKNAMES)
def test_a_nickname_quoted_before_a_name_or_opening_its_brackets_is_masked(text, nickname):
    assert nickname in masked_as(text, "NAME")


def test_a_nickname_found_once_is_masked_where_the_sign_off_repeats_it():
    text = 'Sign-out (from: "Manny" Emmanuel Castaneda)\nPage me with questions - Manny'
    assert masked_as(text, "NAME").count("Manny") == 2


@pytest.mark.parametrize(
    "text, town",
    [
        ("Sonographer: Karen Whitfield (Auckland)", "Auckland"),
        ("Tech: Kiri Moana (Kaitaia)", "Kaitaia"),
    ],
)
def test_a_town_in_brackets_after_a_staff_name_is_no_nickname(text, town):
    assert untouched(text, town)


@pytest.mark.parametrize(
    "text, name, kept",
    [
        ("Thanks,\nHi Anneliese, I reviewed the outside MRI.", "Anneliese", "Hi"),
        ("Hello Tomasz,\nthe CT is read.", "Tomasz", "Hello"),
    ],
)
def test_the_given_name_a_greeting_addresses_is_masked_without_the_greeting(text, name, kept):
    assert name in masked_as(text, "NAME")
    assert untouched(text, kept)


@pytest.mark.parametrize("text", ["Hello Team,\nsee below", "Hi All, thanks", "Dear Colleague,"])
def test_a_greeting_to_a_group_masks_nothing(text):
    assert masked_as(text, "NAME") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Scheduling: Mary-Jo Pellegrini, 555-0134", "Mary-Jo Pellegrini"),
        ("Reply (T. Okonkwo, Patient Relations): called the son.", "T. Okonkwo"),
        ("can someone protocol the MRCP for Villanueva-Ortiz? MRN 20117734", "Villanueva-Ortiz"),
    ],
)
def test_names_with_a_hyphenated_given_name_an_initial_or_a_lone_surname_are_masked(text, name):
    assert name in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, kept",
    [
        ("growth (E. Coli, sensitive to ceftriaxone)", "Coli"),
        ("CT Head, MRN 30918276", "Head"),
        ("Case 2: Fairbanks, Harriet (MRN 20031177)", "Fairbanks, Harriet"),
    ],
)
def test_a_germ_a_clinical_word_or_a_sorted_name_is_not_read_as_a_lone_surname(text, kept):
    names = masked_as(text, "NAME")
    assert kept in names if "," in kept else untouched(text, kept)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Priority,Accession,MRN,Patient,DOB,Exam", "MRN,Patient"),
        ("Ordering: Leandra Mbatha, MD, NPI 1447788990", "MD, NPI"),
        ("Subject: Query #Q-5521 - visit 4 read", "Query"),
        ("Agent: iopamidol 370, 90 mL IV.", "iopamidol"),
        ("Given gadobutrol 7 mL, no reaction.", "gadobutrol"),
    ],
)
def test_column_keys_office_words_and_contrast_agents_are_no_names(text, kept):
    assert all(kept not in span for span in masked_as(text, "NAME"))


def test_an_hl7_name_is_masked_without_its_prefix_component():
    text = "PV1|1|I|3E^301^A||||1447788990^OYELARAN^FOLAKE^T^^DR"
    assert "OYELARAN^FOLAKE^T" in masked_as(text, "NAME")
    assert all(not span.endswith("DR") for span in masked_as(text, "NAME"))
