"""Identifier forms other than names learnt from PHI slice 22, each on examples written for this
test, with clinical text beside them that must stay: Singapore and Hong Kong phones, British and
Indian trunk numbers, extensions after "paged", bracketed check digits, ids said half in digits
and half in words, serial, provider and case numbers, ages said of the patient, spoken and dotted
times, two-digit years, military date-time groups and Julian dates."""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers
from tests.support.phi_spans import masked, untouched

PHONES = [
    # A direct line and a footer's number for questions.
    ("Requesting: Dr. Goh (Cardiology), DID 6258 9031", "6258 9031"),
    ("Enquiries: 6775 2410", "6775 2410"),
    ("For queries: 022-2414 7700 or the reporting desk.", "022-2414 7700"),
    ("Any inquiries: 6552 7120, 9 to 5.", "6552 7120"),
    # Eight digits in two fours with no key, as Singapore and Hong Kong write every phone.
    ("Son (Mr. Lau) 9876 2231, after six.", "9876 2231"),
    ("Please update her niece on 8345 6612 today.", "8345 6612"),
    # A British mobile as five digits and six.
    ("Results to be phoned to her husband on 07911 123456.", "07911 123456"),
    # An extension with its exchange digit after "paged".
    ("Vascular registrar paged 4-3321 at handover.", "4-3321"),
]


@pytest.mark.parametrize("text, phone", PHONES)
def test_phones_of_sites_abroad_are_masked(text, phone):
    assert phone in masked(text)


@pytest.mark.parametrize(
    "text, number",
    [
        # Sizes, doses and counts in two groups of four stay, as do years and "did".
        ("DLP 4512 mGy·cm total; CTDIvol 3300 1200 not recorded.", "4512"),
        ("The patient did 3 cycles, 4 weeks apart.", "3"),
        ("Platelets 3500 4500 over the week, stable.", "4500"),
        ("She did 4 flights of stairs before dyspnoea.", "4"),
        ("Series 5 image 0412 reviewed; exam 2 of 3.", "0412"),
        ("Count 9123 4567 8901 reported as one value.", "4567"),
    ],
)
def test_clinical_numbers_beside_phone_shapes_stay(text, number):
    assert untouched(text, number)


def test_the_paged_time_stays_a_time():
    spans = find_identifiers("Neurology paged 0625, arrived 0650.")
    assert [s.category for s in spans if s.end - s.start == 4][0] == "TIME"


CHECK_DIGITS = [
    ("Case no.: HN21009384(7)    Acc: XR2501170001", "HN21009384(7)"),
    ("Hospital No: 00412877(A) on the request.", "00412877(A)"),
]


@pytest.mark.parametrize("text, number", CHECK_DIGITS)
def test_a_bracketed_check_character_is_masked_with_its_number(text, number):
    assert number in masked(text)


def test_a_lettered_list_item_after_a_size_stays():
    text = "Lesions: 12 mm (A) and 9 mm (B) in segment 4."
    assert untouched(text, "(A)")


MIXED_SPOKEN_IDS = [
    ("patient m r n 4 4 1 nine 0 2 7 period", "4 4 1 nine 0 2 7"),
    ("accession 9 two 1 1 0 4 8 period", "9 two 1 1 0 4 8"),
    ("m r n 7 7 0 4 1 2 nine period", "7 7 0 4 1 2 nine"),
]


@pytest.mark.parametrize("text, number", MIXED_SPOKEN_IDS)
def test_an_id_said_half_in_digits_and_half_in_words_is_masked_whole(text, number):
    assert number in masked(text)


def test_numbers_said_in_findings_stay():
    text = "there are 3 or four small nodules at levels 2 3 and four period"
    assert masked(text) == []


KEYED_IDS = [
    ("Outside CD, device serial SN 7F22-01A9-3C received.", "7F22-01A9-3C"),
    ("Firmware read from S/N 4471Q9 on the injector.", "4471Q9"),
    ("Critical result routed to provider 2291 by the paging system.", "2291"),
    ("Safeguarding referral #2025-SG-003317 lodged.", "#2025-SG-003317"),
]


@pytest.mark.parametrize("text, number", KEYED_IDS)
def test_serial_provider_and_case_numbers_are_masked(text, number):
    assert number in masked(text)


@pytest.mark.parametrize(
    "text, number",
    [
        ("Hypointense SN 2 mm thinner on the left.", "2"),
        ("Three providers 2 weeks apart reviewed the films.", "2"),
        ("See item #12 of the protocol.", "12"),
    ],
)
def test_substantia_nigra_and_counts_stay(text, number):
    assert untouched(text, number)


AGES = [
    ("Daughter asks: pt is 94 and lives alone.", "94"),
    ("Handoff: pt 97, full code, on warfarin.", "97"),
    ("He was 91 at the time of the first scan.", "91"),
]


@pytest.mark.parametrize("text, age", AGES)
def test_an_age_said_of_the_patient_is_masked(text, age):
    assert age in masked(text)


@pytest.mark.parametrize(
    "text, number",
    [
        ("pt is 95% on room air.", "95"),
        ("pt is 92 kg, eGFR 40.", "92"),
        ("Pt is 98.6 F afebrile.", "98"),
        ("Patient 92, 93 and 94 of the cohort were excluded.", "92"),
        ("pt 95 mmHg systolic on arrival.", "95"),
    ],
)
def test_saturations_weights_and_case_numbers_stay(text, number):
    assert untouched(text, number)


TIMES = [
    ("Reported to the ward by telephone at six zero five p m period", "six zero five p m"),
    ("Date: Monday 2nd March 2026, 14.20", "14.20"),
    ("Date: 07.10.2025, 09.05", "09.05"),
    ("Date: 03/02/2026    Time of injury: 2315", "2315"),
]


@pytest.mark.parametrize("text, time", TIMES)
def test_spoken_dotted_and_field_times_are_masked(text, time):
    assert time in masked(text)


@pytest.mark.parametrize(
    "text, number",
    [
        ("Since 2019 12.30 mm growth overall.", "12.30"),
        ("Compared with March 2024, 10.25 cm now.", "10.25"),
        ("Time of flight 1200 ms acquisition.", "1200"),
        ("Reduced from 2024 14.20% to 9%.", "14.20"),
    ],
)
def test_sizes_and_durations_after_years_and_time_words_stay(text, number):
    assert untouched(text, number)


DATES = [
    ("Fall at home 23 Jan 25, right hip pain.", "23 Jan 25"),
    ("Injured 9 Oct 24\nFindings: fracture.", "9 Oct 24"),
    ("DTG of injury 220945ZMAR26 (rollover).", "220945ZMAR26"),
    ("Evacuated, DTG 031200Z JAN 26, to role 3.", "031200Z JAN 26"),
    ("Order date (Julian): 25112", "25112"),
    ("JULIAN DATE: 2026041", "2026041"),
    ("Exam date: 4 MAR 2026 (Julian 26063)", "26063"),
]


@pytest.mark.parametrize("text, date", DATES)
def test_two_digit_years_date_time_groups_and_julian_dates_are_masked(text, date):
    assert date in masked(text)


@pytest.mark.parametrize(
    "text, number",
    [
        ("Seen 3 Mar 12 hours after the fall.", "12"),
        ("Julian 400 cohort, 26 patients.", "400"),
        ("Dose 120045 units given over 24 h.", "120045"),
    ],
)
def test_hours_after_a_date_and_numbers_near_the_words_stay(text, number):
    assert untouched(text, number)
