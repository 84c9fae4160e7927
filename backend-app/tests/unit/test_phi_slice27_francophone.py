"""Forms learnt from PHI slice 27's reports of French-speaking sites in Europe, Quebec, the
Maghreb, West and Central Africa and Haiti, each on examples written for this test: the surname
in capitals before the given names, the French professor's title and elided particles, Belgian,
French and Maghrebi national numbers by their shape and key, numbers said in pairs, the
patient's file, and hospitals named after people and towns (with a person beside them still
masked)."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked, masked_as, untouched

SURNAME_FIRST = [
    ("Patiente: FALL Ndeye Astou, IPP 31-220418, 47 ans", "FALL Ndeye Astou"),
    ("Nom: BEN YOUSSEF Mohamed Ali   Date de naissance: 02/09/1981", "BEN YOUSSEF Mohamed Ali"),
    ("patient HADJ BRAHIM Nourredine hospital number seven four one", "HADJ BRAHIM Nourredine"),
    ("Patiente: SAINT-JUSTE Marie-Nicole, DDN 14.02.1977", "SAINT-JUSTE Marie-Nicole"),
    ("patient MAKENGO Kiese Patrick date of birth unknown", "MAKENGO Kiese Patrick"),
    ("Patient: N'DRI Koffi Serge, né le 03.04.1969", "N'DRI Koffi Serge"),
    ("Patient: LAM Siu Fai, Kenneth   MRN: 55012347", "LAM Siu Fai, Kenneth"),
    ("Patient: MEJRI Sami ben Salem   DOB: 04/07/1950", "MEJRI Sami ben Salem"),
]  # fmt: skip


@pytest.mark.parametrize("text, name", SURNAME_FIRST)
def test_a_surname_in_capitals_before_the_given_names_is_masked_whole(text, name):
    assert name in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, word",
    [
        ("patient CT Head without contrast, no acute finding", "CT"),
        ("Patient: MRI Brain with gadolinium", "Brain"),
        ("pt ALSO Noted to have a small effusion", "Noted"),
        ("Patiente: SECK Awa   Née le: 11.10.1990", "Née"),
    ],
)  # fmt: skip
def test_capitals_after_a_patient_label_that_are_no_surname_stay(text, word):
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Radiologue: Pr Anne-Claire Vasseur", "Anne-Claire Vasseur"),
        ("Prescripteur: Pr Hatem Jebali (cardiologie)", "Hatem Jebali"),
        ("please ask the midwife Aya N'Goran to call back", "Aya N'Goran"),
        ("Infirmière: Mariam M'Bodj", "Mariam M'Bodj"),
    ],
)  # fmt: skip
def test_a_french_professors_title_and_an_elided_particle_belong_to_the_name(text, name):
    assert any(name in span for span in masked_as(text, "NAME"))


@pytest.mark.parametrize(
    "text, number",
    [
        ("Patient: PEETERS Lotte   NISS: 71.11.23-208.44", "71.11.23-208.44"),
        ("Rijksregister 03.02.17-455.09 vérifié", "03.02.17-455.09"),
        ("Assurée NSS 2 81 11 75 118 042 63, mutuelle à jour", "2 81 11 75 118 042 63"),
        ("Patient: ALAOUI Driss, CIN BK552019, IPP 2026-110233", "BK552019"),
        ("national number seventy one eleven twenty three two zero eight four four",
         "seventy one eleven twenty three two zero eight four four"),
    ],
)  # fmt: skip
def test_national_numbers_are_masked_whole_by_their_shape_or_key(text, number):
    assert number in masked_as(text, "ID")


@pytest.mark.parametrize(
    "text, word",
    [
        ("CIN 2 on the prior cervical biopsy", "CIN"),
        ("room twelve forty five is free", "twelve"),
        ("Patient: ALAOUI Driss, CIN BK552019", "CIN"),
    ],
)  # fmt: skip
def test_a_national_key_or_a_short_number_said_in_pairs_stays(text, word):
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, phone",
    [
        ("her son can be reached at plus two one six ninety eight twelve thirty four fifty",
         "plus two one six ninety eight twelve thirty four fifty"),
        ("rappeler au plus three three six forty one twenty two eighteen seventy",
         "plus three three six forty one twenty two eighteen seventy"),
    ],
)  # fmt: skip
def test_an_international_phone_said_in_pairs_is_one_phone(text, phone):
    assert phone in masked_as(text, "PHONE")
    assert untouched("grade plus two edema and plus one pulses at forty five degrees", "plus")


@pytest.mark.parametrize(
    "text, number",
    [
        ("Dossier: 19/40327   Accession: TN-MAM-0091", "19/40327"),
        ("Patiente: OUEDRAOGO Awa, dossier CHUYO/26/0417", "CHUYO/26/0417"),
        ("patient Lucie Roy R A M Q R O Y L six two zero four one one", "R O Y L six two"),
    ],
)  # fmt: skip
def test_the_patients_file_number_after_dossier_or_a_spelled_key_is_masked(text, number):
    assert any(number in span for span in masked(text))


HOSPITALS = [
    ("Hôpital Louis Pasteur, Colmar - Imagerie médicale",
     ["Louis", "Pasteur", "Colmar", "Imagerie"]),
    ("CHU Hassan II, Fès - Service de radiologie", ["CHU", "Hassan", "Fès"]),
    ("CHU de Rennes - Radiologie", ["CHU", "Rennes"]),
    ("dictating from CHU de Treichville Abidjan radiology", ["Treichville", "Abidjan"]),
    ("Cliniques Universitaires de Bukavu, Radiologie", ["Cliniques", "Bukavu"]),
    ("Hôtel-Dieu de Sherbrooke - Urgences", ["Hôtel", "Dieu", "Sherbrooke"]),
    ("Centre hospitalier de l'Université Laval, Radiologie", ["Université", "Laval"]),
    ("Hôpital militaire de Constantine 1er Novembre - Imagerie", ["Novembre", "Constantine"]),
]  # fmt: skip


@pytest.mark.parametrize("text, words", HOSPITALS)
def test_a_french_hospitals_name_and_its_town_stay(text, words):
    for word in words:
        assert untouched(text, word), word


@pytest.mark.parametrize(
    "text, name",
    [
        ("CHU de Rennes Jean Dupont 52 ans", "Jean Dupont"),
        ("Centre hospitalier de Lévis Martine Gagnon radiologue", "Martine Gagnon"),
        ("Polyclinique du Lac Karim Haddad", "Karim Haddad"),
        ("Hôpital Louis Pasteur, Claire Dubois", "Claire Dubois"),
        ("Hôpital Louis Pasteur, Dr Claire Dubois", "Claire Dubois"),
        ("Hôpital Louis Pasteur Patiente: Claire Dubois", "Claire Dubois"),
        ("Hospital Central Juan Pérez", "Juan Pérez"),
    ],
)  # fmt: skip
def test_a_person_named_next_to_a_hospitals_name_stays_masked(text, name):
    assert any(name in span for span in masked_as(text, "NAME"))


def test_a_french_date_without_its_year_outside_a_hospitals_name_is_a_date():
    assert masked_as("rendez-vous le 1er novembre à 10h00", "DATE") == ["1er novembre"]
