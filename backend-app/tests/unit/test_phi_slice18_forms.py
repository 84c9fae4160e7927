"""Families of identifiers learnt from PHI slice 18 (speech-recognised emergency reads, US and
Commonwealth headers, East and South-East Asian sites), each on examples written for this test,
with clinical text that must stay."""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers


def _masked(text: str) -> list[tuple[str, str]]:
    return [(s.category, text[s.start : s.end]) for s in find_identifiers(text)]


# Digits said one by one with a spoken "dash", a spoken "colon" after the key, letters joined
# by "dash" before or after the digits; the clock times of a stroke call said aloud.
SPOKEN = [
    (
        "m r n colon 4 4 1 dash 2 7 dash 9 0 3 period",
        [("MRN", "4 4 1 dash 2 7 dash 9 0 3")],
    ),
    (
        "callback phone 4 1 5 dash 5 5 5 dash 0 1 9 8 comma thanks",
        [("PHONE", "4 1 5 dash 5 5 5 dash 0 1 9 8")],
    ),
    ("accession number c t dash 7 7 3 0 1 9 4.", [("ACCESSION", "c t dash 7 7 3 0 1 9 4")]),
    (
        "accession colon 3 3 1 0 5 5 2 dash m r i period",
        [("ACCESSION", "3 3 1 0 5 5 2 dash m r i")],
    ),
    ("time colon twenty two fifteen period", [("TIME", "twenty two fifteen")]),
    (
        "last known well nineteen forty comma scan start twenty oh five period",
        [("TIME", "nineteen forty"), ("TIME", "twenty oh five")],
    ),
]

# Accession numbers: after dot leaders, a site's capitals before a year and groups, year,
# modality and serial with or without a key; the system's name is not part of one.
ACCESSIONS = [
    (
        "SERIES UID........: 1.2.3  ACCESSION.........: B2023-MR-550127",
        [("ACCESSION", "B2023-MR-550127")],
    ),
    (
        "Comparison (C2023-US-441902) and outside acc KGH 22 104 877.",
        [("ACCESSION", "C2023-US-441902"), ("ACCESSION", "KGH 22 104 877")],
    ),
    ("acc RAH 24-CT-018832 imported", [("ACCESSION", "RAH 24-CT-018832")]),
    ("Accession: PACS 44120087", [("ACCESSION", "44120087")]),
]

# Phones on hospital handsets and Asian sites' keys, an area code before a slash; ids of
# medical councils with no "No.", a health card's version code.
PHONES_AND_IDS = [
    ("Vocera 5-2290 after hours", [("PHONE", "5-2290")]),
    ("son (tel 312/555-0147) informed", [("PHONE", "312/555-0147")]),
    ("HP 8123 4471", [("PHONE", "8123 4471")]),
    ("(PMDC 55120-S)", [("ID", "55120-S")]),
    ("BMDC A-33018", [("ID", "A-33018")]),
    ("(SMC reg. M45521B)", [("ID", "M45521B")]),
    ("HCN: 8821 440 139 ZX\n", [("ID", "8821 440 139 ZX")]),
    # Hospital and admission numbers of Thai and Hong Kong sites, a check digit in brackets.
    (
        "HN: 64-220871/3      AN: 67/004412\n",
        [("MRN", "64-220871/3"), ("MRN", "67/004412")],
    ),
    ("Ward 3   HN: HN55120871(4)\n", [("MRN", "HN55120871(4)")]),
]

# Dates and times of sites abroad and ordinal days in any case.
DATES_AND_TIMES = [
    ("AT 14H20.", [("TIME", "14H20")]),
    ("Masa: 3.45 petang", [("TIME", "3.45 petang")]),
    ("Time: 08.15 น.", [("TIME", "08.15")]),
    ("the thirtieth of June, 2023", [("DATE", "thirtieth of June, 2023")]),
    ("DOB: 3RD MARCH, 1950  ", [("DATE", "3RD MARCH, 1950")]),
    ("on 2022年11月3日 seen", [("DATE", "2022年11月3日")]),
    ("Birth: 民國75年1月9日", [("DATE", "民國75年1月9日")]),
    ("검사일: 2024년 2월 19일", [("DATE", "2024년 2월 19일")]),
    ("conference on 2024. 3. 7 (Thu)", [("DATE", "2024. 3. 7")]),
    ("dated 14 ก.พ. 2565.", [("DATE", "14 ก.พ. 2565")]),
    ("Date: 1446/02/07 H", [("DATE", "1446/02/07")]),
    ("Exam: 113/01/30 (ROC)", [("DATE", "113/01/30")]),
]

NAMES = [
    ("ORDERING..........: WÓJCIK^ŁUKASZ^A^^MD", [("NAME", "WÓJCIK^ŁUKASZ^A")]),
    ("Resident: K. Oduya-Brandt, PGY-2", [("NAME", "K. Oduya-Brandt")]),
    ("Typed by: Nasreen", [("NAME", "Nasreen")]),
    ("typed by siobhan", [("NAME", "siobhan")]),
    ("technologist colon brandy okafor period", [("NAME", "brandy okafor")]),
    (
        "pt: delacroix, amelie   mrn 5510",
        [("NAME", "delacroix, amelie"), ("MRN", "5510")],
    ),
    (
        "Referring: Dr Kiprono arap Chelimo, Medicine.",
        [("NAME", "Kiprono arap Chelimo")],
    ),
    (
        "Dr Johannes (Hannes) van Rensburg, 05/05/2024",
        [("NAME", "Johannes (Hannes) van Rensburg"), ("DATE", "05/05/2024")],
    ),
    ("Name: AHMAD ZULKIFLI BIN MOHD NOOR   IC", [("NAME", "AHMAD ZULKIFLI BIN MOHD NOOR")]),
    ("Dr Wanjiru Kamau'-Njoroge; verified", [("NAME", "Wanjiru Kamau'-Njoroge")]),
    ("Mr. Tuan Le (son) called", [("NAME", "Tuan Le")]),
    ("READ BY..: Radoslaw (Radek) Nowak, MD", [("NAME", "Radoslaw (Radek) Nowak")]),
    (
        "Patient: KIMURA Sora (木村 空)   ID",
        [("NAME", "KIMURA Sora"), ("NAME", "木村 空")],
    ),
    ("scanned to PACS by R. Tanaka-Ruiz.", [("NAME", "R. Tanaka-Ruiz")]),
    ("Agreed. - P. Okonjo-Waititi", [("NAME", "P. Okonjo-Waititi")]),
    (
        "patient mai lee xiong, x-i-o-n-g, mrn",
        [("NAME", "mai lee xiong"), ("NAME", "x-i-o-n-g")],
    ),
    # In lower case: a given name no list knows before a listed surname after a relative, an
    # initial and a surname after "by".
    ("history from wife yer lor at bedside.", [("NAME", "yer lor")]),
    ("read by j. okonkwo md", [("NAME", "j. okonkwo")]),
    # A woman doctor's form of address in brackets between the title and the name.
    ("SONOLOGIST: DR. (MRS) NGOZI EZE-OKAFOR, MDCN", [("NAME", "NGOZI EZE-OKAFOR")]),
]


@pytest.mark.parametrize(
    ("text", "expected"), SPOKEN + ACCESSIONS + PHONES_AND_IDS + DATES_AND_TIMES + NAMES
)
def test_slice_18_identifier_families_are_masked_exactly(text, expected):
    assert _masked(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Places, companies and Latin anatomy are not people.
        "Location: SRI LANKA, KANDY",
        "HONG KONG SANATORIUM",
        "Asia Pacific Pte Ltd",
        "Valley Baptist Medical",
        "PORTA HEPATIS NODES",
        # A Chinese header word ending in "number" is no name.
        "Interpreter (门诊号) present",
        # Ordinals of counts, spinal levels and germs after "by".
        "seen on the second of two passes",
        "the 3rd of 4 nodules",
        "Grade 2 of 4. T. Spine films. caused by E. Coli",
        "cultures grew s. aureus, caused by s. aureus",
        # A modality after a comma is not "Mr".
        "EXAM: CT, MR ENTEROGRAPHY",
        # A fraction of three numbers with no calendar marker.
        "ratio 112/07/15 on the scale",
        "CT-guided at C5-C6, T2-MR signal",
        "C2-C3 and L4-L5 levels; 3-D recon; x-ray",
        # A time word said after "started" that is no clock time, a role word typed alone.
        "started two weeks ago",
        "Tech: Portable.",
        "an MRI an hour later",
        "Selective injections using Seldinger technique.",
    ],
)
def test_clinical_text_near_the_slice_18_identifier_families_stays(text):
    assert _masked(text) == []
