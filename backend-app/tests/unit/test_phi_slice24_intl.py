"""Forms learnt from PHI slice 24 (a teleradiology night service for Eastern Europe, the Middle
East, North and West Africa and the Caucasus), each on examples written for this test, with the
clinical text beside them that must stay: Romanian and Azerbaijani letters, a surname in
capitals before a given name, patronymic particles and Turkic patronymic endings, the Arabic
kunya, birth names, Turkish and Azerbaijani months, French ages, titles of the region, hospital
words, national-number keys and shunt valve makers."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked, masked_as, untouched


@pytest.mark.parametrize(
    "text, name",
    [
        ("Discussed with Dr. Ștefan Pîrvu at 03:10.", "Ștefan Pîrvu"),
        ("Husband Rəşad Quliyev informed by ED.", "Rəşad Quliyev"),
    ],
)
def test_names_with_romanian_comma_letters_and_the_azerbaijani_schwa_are_masked(text, name):
    assert name in masked(text)


@pytest.mark.parametrize(
    "text, surname",
    [
        ("Pacient: ȚURCANU Ana-Maria   CNP: 2850312125784", "ȚURCANU"),
        ("Pacient: DUMITRAȘCU Ioana, F, 54 y", "DUMITRAȘCU"),
        ("Beteg: SZŰCS-NÉMETH Katalin   TAJ: 044 123 987", "SZŰCS-NÉMETH"),
    ],
)
def test_a_surname_in_capitals_before_a_given_name_without_a_comma_is_masked(text, surname):
    assert any(surname in span for span in masked_as(text, "NAME"))


def test_a_national_number_key_after_a_name_in_capitals_stays():
    text = "Beteg: SZŰCS-NÉMETH Katalin   TAJ: 044 123 987"
    assert "SZŰCS-NÉMETH Katalin" in masked(text)
    assert untouched(text, "TAJ")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Radiologist: Dr. Avraham ben Shimon.", "Avraham ben Shimon"),
        ("Patient: TRABELSI Mohamed ben Salah   DOB: 02/02/1950", "TRABELSI Mohamed ben Salah"),
        (
            "Patient: Khalid ibn Saleh Al-Otaibi   National ID: 1098765432",
            "Khalid ibn Saleh Al-Otaibi",
        ),
        (
            "Patient: Levan Davitis dze Beridze   Personal No.: 01024011111",
            "Levan Davitis dze Beridze",
        ),
        (
            "Patient: Nino Levanis asuli Gelashvili   Personal No.: 0102401",
            "Nino Levanis asuli Gelashvili",
        ),
    ],
)
def test_names_joined_by_a_patronymic_particle_are_masked_whole(text, name):
    assert name in masked(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Patient: Həsənova Aynur Elçin qızı   FIN: 6TR3K8L", "Həsənova Aynur Elçin qızı"),
        ("Patient: Quliyev Rəşad Vaqif oğlu   FIN: 6TR3K8L", "Quliyev Rəşad Vaqif oğlu"),
        ("Patient: Asanova Aida Bakyt kyzy   MRN: BSK-2291", "Asanova Aida Bakyt kyzy"),
    ],
)
def test_a_turkic_patronymic_ending_goes_with_the_name(text, name):
    assert name in masked(text)


def test_an_arabic_kunya_in_brackets_after_the_name_is_masked():
    text = "Patient: Khalid ibn Saleh Al-Otaibi (Abu Faisal)   National ID: 1098765432"
    assert "Abu Faisal" in masked(text)


def test_a_georgian_nickname_after_a_patronymic_name_is_masked():
    text = "Patient: Levan Davitis dze Beridze (Leko)   Personal No.: 01024011111"
    assert "Leko" in masked(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Beteg: Kiss Anna (szül. Farkas)   TAJ: 044 123 987", "Farkas"),
        ("Pacjentka: Nowak Anna (z d. Kowalska), lat 67", "Kowalska"),
        ("Pacientka: Jana Dvořáková (roz. Malá), r.č. 585112/1234", "Malá"),
    ],
)
def test_a_birth_name_after_the_words_for_nee_is_masked(text, name):
    assert name in masked(text)


@pytest.mark.parametrize(
    "text, date",
    [
        ("Dictated 3 Mart 2025 by the night reader.", "3 Mart 2025"),
        ("Tarikh imbasan: 21 Mac 2024, 02:10.", "21 Mac 2024"),
        ("Müayinə tarixi: 12 sentyabr 2025, 23:40.", "12 sentyabr 2025"),
        ("Date: 7 fevral 2026 at 01:15.", "7 fevral 2026"),
    ],
)
def test_turkish_azerbaijani_and_malay_months_with_a_day_and_year_are_dates(text, date):
    assert date in masked_as(text, "DATE")


def test_mart_and_mac_without_a_day_are_no_month():
    assert "3 Mart 2025" in masked_as("Dictated 3 Mart 2025.", "DATE")
    assert not any("Mart" in d for d in masked_as("Dr. Mart Kask reviewed the films.", "DATE"))
    assert not any("Mac" in d for d in masked_as("Tested on the Mac 2019 workstation.", "DATE"))


@pytest.mark.parametrize(
    "text, age",
    [
        ("Âge : 94 ans", "94 ans"),
        ("Né le 02/02/1931   Âge: 95 ans   Sexe: M", "95 ans"),
    ],
)
def test_a_french_age_field_takes_its_unit(text, age):
    assert age in masked_as(text, "AGE")


def test_a_french_age_under_ninety_stays():
    assert "94 ans" in masked("Âge : 94 ans")
    assert untouched("Âge: 45 ans", "45")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Site: Spitalul Judetean Arad (night feed)", "Spitalul"),
        ("Site: Spitalul Judetean Arad (night feed)", "Arad"),
        ("Requesting: Dr. Ali Kaya, Acil Servis, Ankara", "Acil"),
        ("Referred from Szpital Miejski Torun", "Szpital"),
    ],
)
def test_hospital_and_service_words_of_the_region_are_no_name(text, word):
    assert untouched(text, word)


def test_a_doctor_at_a_hospital_of_the_region_is_still_masked():
    text = "Requesting: Dr. Ali Kaya, Acil Servis, Ankara"
    assert "Ali Kaya" in masked(text)
    assert untouched(text, "Servis")


@pytest.mark.parametrize(
    "text, title, name",
    [
        ("Reading radiologist: MUDr. Petr Král, TNS", "MUDr", "Petr Král"),
        ("consented via interpreter Malam Sani Bello.", "Malam", "Sani Bello"),
        ('Patient: Aram Karim Aziz ("Kak Aram")   Unified ID: 200811799999', "Kak", "Aram"),
    ],
)
def test_a_title_of_the_region_stays_and_the_name_after_it_is_masked(text, title, name):
    assert untouched(text, title)
    assert name in masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Patient: Zielińska Ewa, PESEL 65031207826\n",
        "Pacjent: Zielińska-Mazur Ewa, PESEL 65031207826\nData",
    ],
)
def test_a_national_number_key_after_a_comma_is_no_given_name(text):
    assert untouched(text, "PESEL")
    assert "65031207826" in masked(text)


def test_shunt_valve_makers_stay_and_a_person_so_named_is_masked():
    assert untouched("VP shunt with a Codman Hakim programmable valve, setting 110.", "Codman")
    assert untouched("VP shunt with a Codman Hakim programmable valve, setting 110.", "Hakim")
    assert "Hakim Benali" in masked("Hakim Benali, MRN 44120")
