"""Identifier forms other than names learnt from PHI slice 20, each on examples written for this
test, with clinical text beside them that must stay: clock times as sites abroad write them,
spaced and spoken dates, short extensions, grouped ids, spoken addresses and ages."""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers
from tests.support.phi_spans import masked

# A time written with a dot after a site's clock word, and the Flemish "11u05".
CLOCK_TIMES_ABROAD = [
    ("Undersökt 2024-05-02 kl. 09.35, svar till remittent.", "09.35"),
    ("Tutkittu klo 23.05 päivystyksessä.", "23.05"),
    ("Befund telefonisch übermittelt um 14.20 an den Stationsarzt.", "14.20"),
    ("Besproken om 9.45 met de neuroloog.", "9.45"),
    ("Badanie wykonano o godz. 7.38 na SOR.", "7.38"),
    ("Comunicato al reparto alle 16.10 telefonicamente.", "16.10"),
    ("Datum: 02-04-2024, 10u15", "10u15"),
    ("Huisarts geïnformeerd om 8u40; start behandeling.", "8u40"),
]


@pytest.mark.parametrize("text, time", CLOCK_TIMES_ABROAD)
def test_a_dotted_time_after_a_clock_word_of_a_site_abroad_is_masked(text, time):
    assert time in masked(text)


CLOCK_WORDS_BEFORE_SIZES = [
    ("Läsion um 12.50 mm größer als im Vorbefund.", "12.50"),
    ("Tumor om 2.35 cm gegroeid.", "2.35"),
    ("Wert um 10.25,5 gestiegen.", "10.25"),
]


@pytest.mark.parametrize("text, number", CLOCK_WORDS_BEFORE_SIZES)
def test_a_size_after_a_clock_word_stays(text, number):
    assert not any(number in span for span in masked(text))


SPACED_DAY_FIRST_DATES = [
    ("Pacient: nar. 7. 11. 1948, RČ viz výše", "7. 11. 1948"),
    ("Vyšetření: RTG hrudníku PA, 2. 4. 2024, 10:20", "2. 4. 2024"),
    ("Voraufnahme vom 15. 3.2023 zum Vergleich.", "15. 3.2023"),
]


@pytest.mark.parametrize("text, date", SPACED_DAY_FIRST_DATES)
def test_a_day_first_date_with_a_space_after_each_dot_is_masked_whole(text, date):
    assert date in masked(text)


@pytest.mark.parametrize(
    "text",
    ["Nález: 1. 2. 3. žebro vpravo bez změn.", "Stenose 2. 3. Grades, KTI 0,56."],
)
def test_numbered_items_with_dots_are_not_a_spaced_date(text):
    assert masked(text) == []


SPOKEN_NUMBER_DATES = [
    ("comparison c t from oh three oh nine twenty two period", "oh three oh nine twenty two"),
    ("prior study on twelve fourteen twenty one showed the same", "twelve fourteen twenty one"),
    ("comparison bone scan oh seven oh two twenty four period", "oh seven oh two twenty four"),
    ("electronically signed oh one fifteen twenty five at noon", "oh one fifteen twenty five"),
]


@pytest.mark.parametrize("text, date", SPOKEN_NUMBER_DATES)
def test_a_month_day_and_two_word_year_said_after_a_date_word_are_masked(text, date):
    assert date in masked(text)


SPOKEN_NUMBERS_THAT_ARE_NOT_DATES = [
    "the lesion on two twelve twenty millimeters images period",
    "on one two three four five the digits were read back",
    "study on three views period",
]


@pytest.mark.parametrize("text", SPOKEN_NUMBERS_THAT_ARE_NOT_DATES)
def test_numbers_said_after_a_date_word_without_a_date_shape_stay(text):
    assert not any(span.category == "DATE" for span in find_identifiers(text)), masked(text)


@pytest.mark.parametrize(
    "text, time",
    [
        ("called to stroke team at fourteen hundred twenty comma", "fourteen hundred twenty"),
        ("scan start oh nine hundred and fifteen period", "oh nine hundred and fifteen"),
    ],
)
def test_minutes_after_a_spoken_hundred_hours_are_part_of_the_time(text, time):
    assert time in masked(text)


def test_a_spoken_hundred_before_a_unit_stays():
    assert masked("infused at fifteen hundred twenty milliliters per hour") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("nodule unchanged since twenty twenty one period", []),
        ("stable before twenty twenty two comma", []),
        ("no change since twenty twenty one hours period", ["twenty twenty one hours"]),
    ],
)
def test_a_year_said_after_since_is_not_a_time_unless_hours_follow(text, expected):
    assert masked(text) == expected


EXTENSIONS_AFTER_LOCAL_WORDS = [
    ("Skierowanie: lek. Jan Nowak, SOR, tel. wew. 4417", "4417"),
    ("Aanvrager: dr. Bakker, neuroloog, sein 3382", "3382"),
    ("Le Dr Martin (neurologie, bip 42 118) a été informé.", "42 118"),
    ("Befund an Stationsarzt Telefon Klappe 3 7 1 9 0 durchgegeben", "3 7 1 9 0"),
    ("Rückruf unter Durchwahl 2281 erbeten.", "2281"),
    ("Surgery was paged directly to 4-2218 at 1738h.", "4-2218"),
    ("IR on call paged via locator 77-1043.", "77-1043"),
    ("Requesting physician: Dra. Costa, contacto 913 222 417", "913 222 417"),
    ("Médico: Dr. Ruiz, teléfono 612 448 902", "612 448 902"),
]


@pytest.mark.parametrize("text, number", EXTENSIONS_AFTER_LOCAL_WORDS)
def test_a_short_extension_after_a_local_phone_word_is_masked(text, number):
    assert number in masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Der Befund wird sein 3 cm großer Herd bleiben.",
        "Klappe: Aortenklappe 22 mm, Mitralklappe unauffällig.",
        "tel. wew. 12",
    ],
)
def test_sizes_and_short_numbers_after_a_local_phone_word_stay(text):
    assert masked(text) == []


GROUPED_AND_CHECKED_IDS = [
    ("RČ: 615312/0448   ID pacienta v NIS: 1000412", "615312/0448"),
    ("Re: patient, f. 21.04.1958, fødselsnr. 210458 33917", "210458 33917"),
    ("Data de nascimento: 19-XI-1956   Nº processo: 2291 118", "2291 118"),
    ("Nº utente SNS: 301 442 876   NIF: 213 884 056", "301 442 876"),
    ("N° d'examen : IRM-LS-0219845", "IRM-LS-0219845"),
    ("Nr badania: 4471 2209", "4471 2209"),
]


@pytest.mark.parametrize("text, number", GROUPED_AND_CHECKED_IDS)
def test_ids_with_a_check_part_or_after_a_number_sign_are_masked_whole(text, number):
    assert number in masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nº série: 4, imagem 87, corte 3 mm.",
        "Nr. Segment: 2241, Läsion 2 cm.",
        "Dose 123456 mGy in 3 fractions.",
    ],
)
def test_numbered_parts_of_a_study_after_a_number_sign_stay(text):
    assert masked(text) == []


AGES_IN_LOCAL_PHRASING = [
    ("Ikä 93 v. Lähettävä lääkäri: LL Virtanen", "93"),
    ("Pt: Jansen, geb. 05-01-1929, 95 jr", "95 jr"),
    ("Alter: 92, weiblich", "92"),
    ("Paziente di età 97, allettata", "97"),
    ("Edad: 91 años", "91"),
]


@pytest.mark.parametrize("text, age", AGES_IN_LOCAL_PHRASING)
def test_an_age_over_89_after_a_local_age_word_or_before_its_unit_is_masked(text, age):
    assert any(age in span for span in masked(text))


@pytest.mark.parametrize(
    "text",
    ["Alter Befund: Läsion 95 mm.", "Wiek kostny 96%.", "Ikä 45 v., ei muutosta."],
)
def test_sizes_and_young_ages_after_a_local_age_word_stay(text):
    assert masked(text) == []


SPOKEN_ADDRESSES_WITHOUT_SCHEME = [
    (
        "images shared via the portal link image share dot lakeside dot org slash patient slash "
        "k l four four two period",
        "image share dot lakeside dot org slash patient slash k l four four two",
    ),
    ("see the portal mychart dot northwell dot edu period", "mychart dot northwell dot edu"),
]


@pytest.mark.parametrize("text, address", SPOKEN_ADDRESSES_WITHOUT_SCHEME)
def test_a_web_address_said_aloud_without_its_scheme_is_masked(text, address):
    assert address in masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "punctate dot like foci in the white matter period",
        "the dot sign of the cord period",
    ],
)
def test_the_word_dot_in_clinical_speech_stays(text):
    assert masked(text) == []


GERMAN_AND_ITALIAN_SPOKEN_FORMS = [
    (
        "Patientin geboren am fünften Juni neunzehnhundertachtundzwanzig Komma",
        "fünften Juni neunzehnhundertachtundzwanzig",
    ),
    (
        "Aufnahme vom zwölften Mai zweitausendvierundzwanzig",
        "zwölften Mai zweitausendvierundzwanzig",
    ),
    ("durchgegeben um acht Uhr zwanzig Punkt", "acht Uhr zwanzig"),
    ("Untersuchung um neun Uhr Punkt", "neun Uhr"),
    ("einundneunzig Jahre Komma Patientennummer", "einundneunzig"),
    (
        "nata il ventidue ottobre millenovecentotrenta punto",
        "ventidue ottobre millenovecentotrenta",
    ),
    ("esame eseguito il primo aprile duemilaventiquattro", "primo aprile duemilaventiquattro"),
    ("comunicato alle ore sette e quindici punto", "sette e quindici"),
    ("paziente di novantatré anni virgola", "novantatré"),
]


@pytest.mark.parametrize("text, span", GERMAN_AND_ITALIAN_SPOKEN_FORMS)
def test_german_and_italian_dates_times_and_ages_said_aloud_are_masked(text, span):
    assert span in masked(text)


GERMAN_AND_ITALIAN_CLINICAL_WORDS = [
    "Herdbefund bei zwei Uhr in der linken Mamma",
    "Kontrolle in drei Monaten, zweiundzwanzig Jahre nach Operation",
    "lesione di tre centimetri al terzo medio",
    "controllo tra sei mesi, ore di digiuno",
]


@pytest.mark.parametrize("text", GERMAN_AND_ITALIAN_CLINICAL_WORDS)
def test_clock_places_durations_and_young_ages_said_in_german_or_italian_stay(text):
    assert masked(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("numero prenotazione 2024 barra 77120 punto", ["2024 barra 77120"]),
        ("número de pedido 2023 barra 004417 punto", ["2023 barra 004417"]),
        ("comparison 4 slash 19 slash 2022 period", ["4 slash 19 slash 2022"]),
    ],
)
def test_a_number_with_its_slash_said_aloud_is_masked_whole(text, expected):
    assert masked(text) == expected


def test_a_spoken_slash_between_small_numbers_stays():
    assert masked("grado 2 barra 3 della classificazione punto") == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("Imported by: Film Library, ext. 6-2291\nLocal accession assigned", "6-2291"),
        ("Richiedente: Pronto Soccorso, int. 4471", "4471"),
        ("Result called to Dr Mäkinen at 02.40.", "02.40"),
    ],
)
def test_an_extension_before_a_new_line_and_a_dotted_time_after_at_are_masked(text, number):
    assert number in masked(text)


@pytest.mark.parametrize(
    "text",
    ["SUV max measured at 12.50 mm in the node.", "Contrast at 2.40 mL per second."],
)
def test_a_decimal_after_at_stays(text):
    assert masked(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Her screening mammogram on February 20, 2024 was read as a mass in the left breast at "
        "2 o'clock, middle depth.",
        "Called on 03/04 about the nipple at 10 o'clock finding.",
        "Read today: focal asymmetry at 4 o'clock, posterior depth.",
    ],
)
def test_a_clock_position_beside_the_breast_or_its_depth_stays_despite_a_time_word(text):
    assert not any("o'clock" in span for span in masked(text))


def test_a_time_in_o_clock_after_a_call_is_still_masked():
    assert "2 o'clock" in masked("Results called to the ward at 2 o'clock.")
