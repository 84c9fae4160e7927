"""Forms learnt from PHI slice 23, each on examples written for this test, with clinical text
beside them that must stay: Nordic, Dutch, German and French hospital and department names,
header words after a role, staff initials in brackets and after a countersignature, Dutch
accession keys, Nordic and Icelandic phone words, zero-led clock times and "age at ...:"."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked, untouched

WORKPLACES = [
    ("MRI checklist - Sahlgrenska Universitetssjukhuset, Östra\nPatient: Ingrid Holm", "Sahlgr"),
    ("Radiologisk Afdeling, Odense Universitetshospital\nPatient: Karen Dahl", "Afdeling"),
    ("Report release - Kantonsspital Baden\nPatient: Meier, Urs", "Kantonsspital"),
    ("Anforderndes Krankenhaus: Kreisklinik Bad Soden\nPatient: Kaya, Ali", "Kreisklinik"),
    ("Client: Ziekenhuis Rivierenland, Tiel\nPatient: mevr. Anna Bos", "Ziekenhuis"),
    ("CT - Hôpitaux Universitaires de Genève, Service de radiologie", "Hôpitaux"),
    ("Referred by: Neurologkliniken, Dr. Viktor Lund", "Neurologkliniken"),
]


@pytest.mark.parametrize("text, word", WORKPLACES)
def test_a_hospital_or_department_abroad_is_no_name(text, word):
    assert untouched(text, word)


def test_a_person_at_a_hospital_abroad_is_still_masked():
    assert "Ingrid Holm" in masked(WORKPLACES[0][0])
    assert "Karen Dahl" in masked(WORKPLACES[1][0])


@pytest.mark.parametrize(
    "text, word",
    [
        ("Radiographer comment: lateral view not tolerated due to pain.", "comment"),
        ("RADIOGRAPHER COMMENT - MRI breast, implant protocol", "COMMENT"),
        ("ULTRASOUND - SONOGRAPHER WORKSHEET\nNHS Lothian, Royal Infirmary", "WORKSHEET"),
        ("Reporting radiologist: Dr Eva Berg, FRCR, GMC 7083421", "FRCR"),
        ("Patient: Ole Bjerregaard Poulsen, CPR 151049-1957", "CPR"),
        ("Woman: Eva-Lena Bergström   Personnummer: 670923-5046", "Personnummer"),
    ],
)
def test_header_and_key_words_beside_a_name_stay(text, word):
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, initials",
    [
        ("MTRA: Katarina Nowak-Schulz (KNS)", "KNS"),
        ("Reported by: overlæge Lars Vestergaard Holm (LVH).", "LVH"),
        ("Radiographer: Marit (MHL), tlf. 55 97 21 40", "MHL"),
        ("Radiographer: Mikael (MBj)", "MBj"),
        ("Reported by Dr. Ástríður Helgadóttir (ÁH); secretary on leave.", "ÁH"),
        ("Original report by Ole Bakke, countersigned MAH.", "MAH"),
        ("Screened by: Åsa Jönsson; second check: SvE", "SvE"),
        ("checked by MR safety officer KL.", "KL"),
    ],
)
def test_staff_initials_are_masked(text, initials):
    assert initials in masked(text)


@pytest.mark.parametrize(
    "text, word",
    [
        # Initials that do not begin and end with the name's letters are a role or a finding.
        ("Medico richiedente: dott. Marco Santangelo (MMG), tel. 02 5503", "MMG"),
        ("Echo by Dr. Lars Holm (LVH pattern).", "LVH"),
        ("Patient: Lena Vik. Findings (LVH) on the prior ECG.", "LVH"),
    ],
)
def test_bracketed_capitals_that_are_not_the_name_stay(text, word):
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Accessienummer: GV26CT003318", "GV26CT003318"),
        ("Onderzoek: CT angiografie, accessienummer AMC26CT771204", "AMC26CT771204"),
        ("Reporter: Mette Holm, radiograf, lokal 45231", "45231"),
        ("secretary Sólveig, sími 543 6610.", "543 6610"),
        ("Decedent age at the time of the event: 94. Admitted.", "94"),
    ],
)
def test_keyed_values_abroad_are_masked(text, value):
    assert value in masked(text)


def test_an_age_field_with_a_size_stays():
    assert untouched("Age at onset of symptoms: 94 mm lesion measured.", "94")


@pytest.mark.parametrize(
    "text, value",
    [
        ("Sudden onset severe headache at approximately 0630 this morning.", "0630"),
        ("Attempt 1: 0228 - ED majors, no answer.", "0228"),
        ("Supine scan 09.18, prone 09.24.", "09.18"),
        ("Screening date: 14.03.2026   Time: 08.42", "08.42"),
    ],
)
def test_zero_led_clock_times_are_masked(text, value):
    assert value in masked(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Key image 0045 shows the nodule; series 0201.", "0045"),
        ("Series 0201 reviewed.", "0201"),
        ("Nodule 0.45 cm; ratio 0.52.", "0.45"),
        ("Lesion 05.5 mm in the left lobe.", "05.5"),
    ],
)
def test_zero_led_numbers_that_are_no_time_stay(text, word):
    assert untouched(text, word)


def test_a_phone_opening_with_zero_digits_is_no_time():
    assert "0800" not in masked("Bookings on 0800 123 456 weekdays.")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Patient: dhr. Pieter W.J. Verhoeven   BSN: 618472034", "Pieter W.J. Verhoeven"),
        ("2nd reader Dr. Johan af Trolle. Consensus meeting held.", "Johan af Trolle"),
        ("Audiologist Line Østergaard applied the compression bandage.", "Line Østergaard"),
        ("Sent by Szymanski. Comparison: prior study.", "Szymanski"),
    ],
)
def test_names_after_dutch_address_swedish_particle_and_new_cues(text, name):
    assert name in masked(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("History: AF on warfarin. Sent by GP for review.", "AF"),
        ("Images sent by PACS link to the referrer.", "PACS"),
        ("Audiologist review of the cochlear implant advised.", "review"),
    ],
)
def test_clinical_words_after_the_new_cues_stay(text, word):
    assert untouched(text, word)
