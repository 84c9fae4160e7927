"""Identifiers learnt from PHI slice 21, each on examples written for this test: British and
Commonwealth speech, reports from Spanish and Portuguese sites, and the clinical words of those
reports that the rules must leave alone."""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers


def _masked(text: str) -> list[tuple[str, str]]:
    return [(s.category, text[s.start : s.end]) for s in find_identifiers(text)]


def _masked_words(text: str) -> set[str]:
    return {
        word
        for s in find_identifiers(text)
        for word in text[s.start : s.end].replace(",", " ").split()
    }


# Speech abroad doubles and triples digits and says "nought" for zero.
DOUBLED_DIGITS = [
    (
        "hospital number six two double oh four one nine full stop",
        "MRN",
        "six two double oh four one nine",
    ),
    (
        "u r n triple four one oh two eight six\nfindings normal",
        "MRN",
        "triple four one oh two eight six",
    ),
    (
        "accession number c t one nought nought double seven three two full stop",
        "ACCESSION",
        "c t one nought nought double seven three two",
    ),
    (
        "rang the registrar on her mobile oh seven nine double one four two eight three six",
        "PHONE",
        "oh seven nine double one four two eight three six",
    ),
    (
        "n h i bravo echo lima double six two one\nct head",
        "MRN",
        "bravo echo lima double six two one",
    ),
    (
        "n h i golf hotel tango four four one two\nct head",
        "MRN",
        "golf hotel tango four four one two",
    ),
]


@pytest.mark.parametrize(("text", "category", "value"), DOUBLED_DIGITS)
def test_a_number_said_with_double_triple_or_nought_is_masked_whole(text, category, value):
    assert (category, value) in _masked(text)


# A surname spelled in the spelling alphabet, after a contraction that ends the name said.
SPELLING_ALPHABET = [
    (
        "patient surname mcandrew that's mike charlie alpha november delta romeo echo whiskey",
        "mike charlie alpha november delta romeo echo whiskey",
        "mcandrew",
    ),
    (
        "patient mister ewan tosh it's tango oscar sierra hotel\nct head",
        "tango oscar sierra hotel",
        "ewan tosh",
    ),
]


@pytest.mark.parametrize(("text", "spelling", "name"), SPELLING_ALPHABET)
def test_a_name_spelled_in_the_spelling_alphabet_is_masked_and_the_contraction_is_not(
    text, spelling, name
):
    masked = _masked(text)
    assert ("NAME", spelling) in masked
    assert ("NAME", name) in masked
    assert "that's" not in _masked_words(text) and "that" not in _masked_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "echo delta findings unchanged on the alpha angle measurement",
        "x-ray of the left hand obtained in the golf clinic",
    ],
)
def test_spelling_alphabet_words_in_plain_prose_are_not_masked(text):
    assert find_identifiers(text) == []


# Report titles of Spanish and Portuguese sites, in capitals: no name in them.
REPORT_TITLES = [
    "NOTA DE COMUNICACIÓN DE HALLAZGO URGENTE\nPaciente: Lucía Benítez",
    "INFORME DE TOMOGRAFÍA DE CONTROL\nServicio de Radiología",
    "ADENDA AL INFORME DE ECOGRAFÍA ABDOMINAL\nSin cambios",
    "RELATÓRIO DE RESSONÂNCIA MAGNÉTICA DO JOELHO\nIndicação: dor",
    "CORRECCIÓN DE FILIACIÓN DEL ESTUDIO\nSe corrige",
]


@pytest.mark.parametrize("text", REPORT_TITLES)
def test_a_spanish_or_portuguese_report_title_in_capitals_is_not_masked(text):
    title = text.split("\n")[0].split()
    assert not _masked_words(text) & set(title)


# A country code or an area code in brackets written before a phone belongs to it.
DIALLING_CODES = [
    ("Teléfono móvil de la madre: +52 818 342 9911.", "+52 818 342 9911"),
    ("Tel. consultorio +57 (604) 448 2210 para dudas", "+57 (604) 448 2210"),
    ("Se avisó al médico al (011) 4781-3320 sin respuesta.", "(011) 4781-3320"),
    ("Informes: (33) 3615-2200, horario matutino", "(33) 3615-2200"),
]


@pytest.mark.parametrize(("text", "phone"), DIALLING_CODES)
def test_a_phone_is_masked_with_its_country_or_area_code(text, phone):
    assert ("PHONE", phone) in _masked(text)


@pytest.mark.parametrize(
    "text", ["Nodule (3) 4.5 mm in segment 6", "Lesion (2) 1234 measured on series 4"]
)
def test_a_number_in_brackets_before_a_measurement_is_not_a_dialling_code(text):
    assert not any(c == "PHONE" for c, _ in _masked(text))


# Clock times of handoff notes in four digits after a cue.
HANDOFF_TIMES = [
    ("NPO since 0100, reassess later", "0100"),
    ("pain since ~1930 last night", "1930"),
    ("rad read (called us 0745): no fracture", "0745"),
    ("ortho paged 1610, awaiting reply", "1610"),
    ("plans OR ~0830 tomorrow", "0830"),
]


@pytest.mark.parametrize(("text", "time"), HANDOFF_TIMES)
def test_a_four_digit_clock_time_after_a_handoff_cue_is_masked(text, time):
    assert ("TIME", time) in _masked(text)


@pytest.mark.parametrize(
    "text", ["Knee pain since 2019, worse on stairs", "Blood loss ~1200 mL intraoperatively"]
)
def test_a_year_or_a_volume_after_a_handoff_cue_is_not_a_time(text):
    assert not any(c == "TIME" for c, _ in _masked(text))


# Digits said in Spanish and Portuguese, with a spoken "guion" between groups.
SPOKEN_IBERIAN = [
    (
        "cédula dos guion cero cuatro uno uno guion cero nueve ocho siete punto",
        "ID",
        "dos guion cero cuatro uno uno guion cero nueve ocho siete",
    ),
    (
        "número de solicitud TC guion seis dos cero uno ocho punto",
        "ID",
        "TC guion seis dos cero uno ocho",
    ),
    ("prontuário três oito dois sete um nove ponto", "ID", "três oito dois sete um nove"),
    ("se avisa al doctor a la extensión cuatro uno cero dos punto", "PHONE", "cuatro uno cero dos"),
    ("Solicitante: Dr. Ortega (Cirugía), busca 4417", "PHONE", "4417"),
    ("Referring: Dr. Aydın (Neurology), dahili 3315", "PHONE", "3315"),
]


@pytest.mark.parametrize(("text", "category", "value"), SPOKEN_IBERIAN)
def test_spanish_and_portuguese_spoken_digits_and_extension_keys_are_masked(text, category, value):
    assert (category, value) in _masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "dos nódulos de cinco milímetros, uno en cada lóbulo",
        "se busca 3 lesiones adicionales sin éxito",
    ],
)
def test_spanish_number_words_in_prose_are_not_masked(text):
    assert find_identifiers(text) == []


# An unidentified patient's alias, alone on a tracking board or in a note.
@pytest.mark.parametrize(
    ("text", "alias"),
    [
        ("14   TRAUMA, FOXTROT     --  M    CT HEAD FINAL", "TRAUMA, FOXTROT"),
        ("Registered as: TRAUMA, KILO   temp MRN 9900412", "TRAUMA, KILO"),
        ("notes: Trauma Victor brought by EMS, GCS 14.", "Trauma Victor"),
    ],
)
def test_a_trauma_alias_without_digits_is_masked_as_a_name(text, alias):
    assert ("NAME", alias) in _masked(text)


@pytest.mark.parametrize(
    "text", ["Trauma alpha activation at arrival.", "Called as a trauma bravo level response."]
)
def test_a_trauma_activation_tier_is_not_masked(text):
    assert find_identifiers(text) == []


# Doctors' registrations abroad and a Colombian citizen's card, thousands maybe dotted.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Informado por Dr. Ríos - CMP 51209 RNE 30117", "51209"),
        ("Informado por Dr. Ríos - CMP 51209 RNE 30117", "30117"),
        ("Firma: Dra. Arrieta - MN 104.377", "104.377"),
        ("Médico executor: Dr. Sato - CRM 98.114", "98.114"),
        ("Cédula profissional OM 52290.", "52290"),
        ("Paciente: Luz Ocampo   C.C. 52.118.903", "52.118.903"),
    ],
)
def test_a_doctors_registration_or_citizen_card_abroad_is_masked(text, value):
    assert ("ID", value) in _masked(text)


@pytest.mark.parametrize(
    "text", ["Tumour 3 mm from the CRM 2 mm anteriorly.", "Clear CRM 12 mm, EMVI negative."]
)
def test_a_circumferential_resection_margin_is_not_a_registration(text):
    assert find_identifiers(text) == []


# Dates with a Roman month, a Buddhist-era year or a Republic of China year.
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Fecha estudio: 12/IX/2023, sin cambios", "12/IX/2023"),
        ("Data badania 3.XI.2024 r.", "3.XI.2024"),
        ("pain since 7 January 2568, haematuria", "7 January 2568"),
        ("Comparison: LDCT 110/11/03 and 112/05/28.", "110/11/03"),
        ("Comparison: LDCT 110/11/03 and 112/05/28.", "112/05/28"),
    ],
)
def test_a_date_with_a_roman_month_or_a_non_gregorian_year_is_masked(text, date):
    assert ("DATE", date) in _masked(text)


@pytest.mark.parametrize(
    "text", ["BP 118/76/80 on three readings", "Grade III/IV lesion, segment VI"]
)
def test_blood_pressures_and_roman_grades_are_not_dates(text):
    assert not any(c == "DATE" for c, _ in _masked(text))


# Dates, times and ages said in Spanish and Portuguese.
@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        (
            "exame realizado hoje vinte e um de março de dois mil e vinte e cinco ponto",
            "DATE",
            "vinte e um de março de dois mil e vinte e cinco",
        ),
        ("comparação com radiografia de ontem doze de outubro ponto", "DATE", "doze de outubro"),
        ("exame realizado às sete e quarenta e cinco ponto", "TIME", "sete e quarenta e cinco"),
        (
            "tomada el lunes a las ocho y media de la mañana punto",
            "TIME",
            "ocho y media de la mañana",
        ),
        ("se llamó a las veintiuna cuarenta punto", "TIME", "veintiuna cuarenta"),
        ("paciente de noventa y un años coma", "AGE", "noventa y un"),
        ("doente de noventa e três anos vírgula", "AGE", "noventa e três"),
    ],
)
def test_dates_times_and_ages_said_in_spanish_or_portuguese_are_masked(text, category, value):
    assert (category, value) in _masked(text)


@pytest.mark.parametrize(
    "text", ["as duas lesões medem cinco milímetros", "quatro de cinco nódulos são calcificados"]
)
def test_portuguese_number_words_in_findings_are_not_dates_or_times(text):
    assert find_identifiers(text) == []


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("dictated at ten to twelve by doctor rhys evans", "ten to twelve"),
        ("seen at quarter past nine by the registrar full stop", "quarter past nine"),
    ],
)
def test_a_spoken_time_before_by_and_a_word_is_masked(text, time):
    assert ("TIME", time) in _masked(text)


def test_a_size_said_with_by_is_not_a_time():
    assert not any(c == "TIME" for c, _ in _masked("a cyst at ten by twelve millimetres"))


def test_a_french_hour_without_its_word_is_not_a_time():
    assert not any(c == "TIME" for c, _ in _masked("lésion cotée à trois sur l'échelle"))


# Iberian names: the first given name after a field's colon, the surname after a particle.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Paciente: Valentina Andrea Soto Contreras   RUT: 17.221.904-3",
            "Valentina Andrea Soto Contreras",
        ),
        ("Pacient: Núria Ferrer i Soler, 54 anys", "Núria Ferrer i Soler"),
        (
            "Utente: Joaquim Luís Ferreira dos Santos Carvalho\nIdade: 70",
            "Joaquim Luís Ferreira dos Santos Carvalho",
        ),
    ],
)
def test_an_iberian_name_is_masked_whole(text, name):
    assert ("NAME", name) in _masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Radiologiste: Dre Sophie Lavoie\nTél.: 819 555 0101",
        "Name: Jan de Vries   Hosp No: NL-4471",
    ],
)
def test_a_title_or_a_column_after_a_name_is_not_part_of_it(text):
    assert not {"Dre", "Hosp"} & _masked_words(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("-- j. yellowhorse rn -> k. tsinajinnie rn", "j. yellowhorse"),
        ("-- j. yellowhorse rn -> k. tsinajinnie rn", "k. tsinajinnie"),
        ("report given by d. okonkwo, np at 0700", "d. okonkwo"),
    ],
)
def test_a_lower_case_initial_and_surname_signed_with_a_credential_is_a_name(text, name):
    assert ("NAME", name) in _masked(text)


def test_an_abbreviation_before_a_credential_is_not_a_name():
    assert not any(c == "NAME" for c, _ in _masked("pt seen by the rn at bedside, e.g. rn aware"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("07   CT HEAD FINAL      Abernethy, K     Stidham\n", "Abernethy, K"),
        ("09   CXR PRELIM         LANKFORD, J      Ashworth\n", "LANKFORD, J"),
    ],
)
def test_a_surname_and_initial_alone_in_a_board_column_is_a_name(text, name):
    assert ("NAME", name) in _masked(text)


def test_a_side_and_a_letter_in_a_board_column_are_not_a_name():
    assert not any(c == "NAME" for c, _ in _masked("12   XR HAND   Left, R   prelim\n"))
