"""Forms learnt from PHI slice 25 (hospitals of Canada, Australia, the UK and Ireland, and their
remote sites), each on examples written for this test, with the clinical text beside them that
must stay: Welsh and Gaelic particles with the article and Irish mutation, record keys after a
name, provincial health numbers, a time after a date with its month in letters, remote-site
roles, towns beside their province, hospital or landform, a team's town, staff named with their
place in brackets, elders' honorifics, initials before a bracketed name and a name in brackets
after a role."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked, masked_as, untouched


@pytest.mark.parametrize(
    "text, name",
    [
        ("Referrer: Dr Gwenllian ferch Dafydd, GP, Bethesda", "Gwenllian ferch Dafydd"),
        ("Reported by Dr Rhodri verch Ieuan, radiologist.", "Rhodri verch Ieuan"),
        ("Radiologist: Dr Mairead Nic a' Bhreatnaich.", "Mairead Nic a' Bhreatnaich"),
        ("Requested by Dr Cathal Mac an tSionnaigh, surgical SpR", "Cathal Mac an tSionnaigh"),
        ("Reported by Dr Sorcha Nic an tSaoir, radiologist", "Sorcha Nic an tSaoir"),
        ("Child: Cian Gallagher-Ó Dónaill   H&C No: 410 229 8815", "Cian Gallagher-Ó Dónaill"),
    ],
)
def test_welsh_and_gaelic_particles_with_the_article_and_mutation_are_masked_whole(text, name):
    assert name in masked(text)


def test_the_words_after_a_gaelic_surname_stay():
    text = "Discussed with Dr Eilidh Nic a' Bhàird on the ward."
    assert "Eilidh Nic a' Bhàird" in masked(text)
    assert untouched(text, "on") and untouched(text, "ward")


@pytest.mark.parametrize(
    "text, key, name",
    [
        ("1. Catriona NicIlleathain, CHI 2203117764, CT 02/02/26.", "CHI", "NicIlleathain"),
        (
            "(a) Rawiri TAKERE, UR RH771043. (b) Finn Dunleavy-Hart, UR RH118203: MRI pelvis.",
            "UR",
            "Dunleavy-Hart",
        ),
        ("0220 CXR, Callum Ferris, Hosp No. CIC0876512: no pneumothorax.", "Hosp", "Ferris"),
    ],
)
def test_a_record_key_after_a_name_and_a_comma_is_no_given_name(text, key, name):
    assert untouched(text, key)
    assert any(name in span for span in masked_as(text, "NAME"))


def test_a_given_name_and_a_surname_in_capitals_before_a_record_key_are_masked():
    text = "(c) Rawiri TAKERE, UR RH771043: CT colonography 01/02/2026."
    assert "Rawiri TAKERE" in masked(text)
    assert untouched(text, "UR")


@pytest.mark.parametrize(
    "text, number",
    [
        ("Patient: Cook, Darren   PHIN: 227 509 416", "227 509 416"),
        ("Chart 08-11902   HSN 904 318 662", "904 318 662"),
        ("Finn Keogh, UR RH220931, Medicare 5127 40983 2-1: CT liver.", "5127 40983 2-1"),
    ],
)
def test_provincial_health_numbers_and_a_number_ended_by_a_colon_are_masked(text, number):
    assert any(number in span for span in masked(text))


@pytest.mark.parametrize(
    "text, time",
    [
        ("Exam 11-FEB-2026 0925   Accession US-THO-26-2210", "0925"),
        ("Called to Dr Mele Havili-Tonga 2148. Reported: Dr K. Ng.", "2148"),
    ],
)
def test_a_24_hour_time_after_a_lettered_date_or_a_called_name_is_masked(text, time):
    assert time in masked_as(text, "TIME")


def test_a_year_after_in_following_a_call_is_no_time():
    text = "Called to Dr Ana Folau 2148. Discussed at the lung meeting; first informed in 2019."
    assert "2148" in masked_as(text, "TIME")
    assert "2019" not in masked_as(text, "TIME")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Handover from RAN Brianna (Yuendumu) via RFDS.", "Brianna"),
        ("History via AHW Rebecca, ph 08 8951 7722.", "Rebecca"),
        ("Taken 02/02/26 by MRT Connor; Acc WGH-XR-2026-0112", "Connor"),
        ("Outcomes typed by CNS Morven, ext 4-6610.", "Morven"),
        ("Cardiac physiologist Tamsin: ph 08 8951 0466.", "Tamsin"),
        ("history per nurse-in-charge Rosie, 867-979-0220", "Rosie"),
        ("Presenting radiologist: Dr K. Moose; coordinator April Meekis (ext 6741)", "April"),
    ],
)
def test_a_name_after_a_commonwealth_or_remote_site_role_is_masked(text, name):
    assert any(name in span for span in masked_as(text, "NAME"))


def test_role_abbreviations_take_only_a_given_name_after_them():
    assert "Connor" in masked_as("Taken by MRT Connor; Acc 22", "NAME")
    assert untouched("MRT Knie rechts nativ, 02.09.2024", "Knie")
    assert untouched("RAN out of contrast; CNS Lymphoma follow-up", "Lymphoma")


@pytest.mark.parametrize(
    "text, place",
    [
        ("Kuujjuaq Hospital, Nunavik Kangiqsualujjuaq QC   MRN: 204-771", "Kangiqsualujjuaq"),
        ("Comparison: CXR 09/2023 (Barrow Creek) - stable.", "Barrow Creek"),
        ("Comparison: CXR 09/2023 (Coffs Harbour) - stable.", "Coffs Harbour"),
        ("Comparison: CXR 09/2023 (Byron Bay) - stable.", "Byron Bay"),
        ("Patient: Máire Ní Chonghaile, 92 yo, Cill Rónáin", "Cill Rónáin"),
        ("CT brain (read remotely from Prince George)", "Prince George"),
        ("CT brain (read remotely from Mount Isa)", "Mount Isa"),
        ("Ysbyty Glan Clwyd, Bodelwyddan   Hospital No.: G221190X", "Glan Clwyd"),
    ],
)
def test_towns_beside_their_province_hospital_or_landform_are_no_names(text, place):
    assert untouched(text, place.split()[-1])


@pytest.mark.parametrize(
    "text, town",
    [
        ("Thrombectomy candidate, discussed with Cairns stroke team.", "Cairns"),
        ("Discussed with Darwin vascular (Dr Amy Hall) at 0140.", "Darwin"),
    ],
)
def test_the_town_of_a_team_is_no_name(text, town):
    assert untouched(text, town)
    # With a title the person is named, team or not.
    titled = text.replace(town, "Dr Okonjo")
    assert any("Okonjo" in span for span in masked_as(titled, "NAME"))


@pytest.mark.parametrize(
    "text, place",
    [
        ("Teleradiology read by Dr P.-A. Gagnon-Roy (Sherbrooke).", "Sherbrooke"),
        ("Read by Dr Kiri Walker (Kalgoorlie).", "Kalgoorlie"),
    ],
)
def test_a_staff_members_place_in_brackets_is_no_nickname(text, place):
    assert untouched(text, place)
    # A patient's nickname in brackets is still one.
    nicknamed = "Patient: Cooper, Maximilian (Maxo)   MRN: 01299871"
    assert any("Maxo" in span for span in masked_as(nicknamed, "NAME"))


@pytest.mark.parametrize(
    "text, honorific, name",
    [
        ("Patient: Aunty Doreen Tjapaltjarri-Hayes   DOB 02/02/1950", "Aunty", "Doreen"),
        ("Seen with Auntie Maisie Japanangka at the clinic.", "Auntie", "Maisie"),
    ],
)
def test_an_elders_honorific_stays_and_the_name_after_it_is_masked(text, honorific, name):
    assert untouched(text, honorific)
    assert any(name in span for span in masked_as(text, "NAME"))


@pytest.mark.parametrize(
    "text, initials",
    [
        ("Reported: TR (Dr T. Rangi-Whaanga) 05/03/26 0805", "TR"),
        ("Impression: fracture.\nDict: CMcL 05/03/2026 10:02", "CMcL"),
        ('Patient: L\'Heureux, Marie-Josée "MJ"   DOB 03-MAR-1954', "MJ"),
    ],
)
def test_initials_before_a_bracketed_name_after_dict_or_quoted_are_masked(text, initials):
    assert initials in masked_as(text, "NAME")
    # "Dictated" before a date is no cue for initials.
    assert untouched("No acute fracture. Dictated 05/06/2024, 10:02.", "Dictated")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Requested 02/02/26 by F1 doctor (Harvey), bleep 3381", "Harvey"),
        ("Discussed with medical registrar (Saoirse) at 13:40.", "Saoirse"),
    ],
)
def test_a_given_name_in_brackets_after_a_role_is_masked(text, name):
    assert name in masked_as(text, "NAME")
    # A service in brackets after a role stays.
    assert untouched("Discussed with the registrar (Orthopaedics) at 13:40.", "Orthopaedics")


@pytest.mark.parametrize(
    "text, name",
    [
        ('Patient: L\'Heureux, Marie-Josée "MJ"   DOB 03-MAR-1954', "L'Heureux"),
        ("RCMP file 2026-1189042 requested copy (Cst. Bighorn).", "Bighorn"),
        ("Outcomes to the MDM; queries to Kara on (03) 6166 0932.", "Kara"),
        ("Reporter: T. Anguyoak-MacNeil, MD", "T. Anguyoak-MacNeil"),
    ],
)
def test_french_article_surnames_police_ranks_reporters_and_query_contacts_are_masked(text, name):
    assert any(name in span for span in masked_as(text, "NAME"))


def test_a_meeting_header_in_capitals_is_no_name():
    text = "THORACIC DAC ROUNDS - IMAGING LIST 06-MAR-2026"
    assert untouched(text, "ROUNDS")


@pytest.mark.parametrize("letter", ["P", "M", "T"])
def test_a_letter_the_verifier_uses_in_codes_such_as_p1_still_starts_initials(letter):
    # The verifier's vocabulary names artery segments and sequences (P1, M1, T2); the letter of
    # such a code is no clinical word, so it cannot keep an initial out of a name.
    text = f"Fracture clinic informed - Mr {letter}. J. Byrne's team, ext 32114."
    assert any(span.startswith(f"{letter}. J.") for span in masked(text)), masked(text)
