"""Families of identifiers learnt from PHI slices 17 and 18, each on examples written for this
test, with clinical text that must stay.

Slice 17: South Asia, Latin America, Indonesia, HL7 and DICOM dumps. Slice 18: speech-recognised
emergency reads, US and Commonwealth headers, East and South-East Asian sites.
"""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers


def _masked(text: str) -> list[tuple[str, str]]:
    return [(s.category, text[s.start : s.end]) for s in find_identifiers(text)]


# National identity, tax and social security numbers, after their key or by their shape.
S17_NATIONAL_IDS = [
    ("CPF: 052.771.348-90   RG: 33.456.789-1", [("ID", "052.771.348-90"), ("ID", "33.456.789-1")]),
    ("NIK 3171 0205 8812 0004, BPJS aktif", [("ID", "3171 0205 8812 0004")]),
    (
        "NSS: 1298 77 4410-2\nCURP: GAMR850317HDFRRL09",
        [("ID", "1298 77 4410-2"), ("ID", "GAMR850317HDFRRL09")],
    ),
    ("RFC LOAJ710203Q41 on file", [("ID", "LOAJ710203Q41")]),
    ("RUT 12.345.678-K", [("ID", "12.345.678-K")]),
    ("Cartao SUS 898 0012 4471 2203", [("ID", "898 0012 4471 2203")]),
    (
        "n i c eight eight two four one seven five five three v comma",
        [("ID", "eight eight two four one seven five five three v")],
    ),
    (
        "c p f nine eight seven dot six five four dot three two one dash zero zero period",
        [("ID", "nine eight seven dot six five four dot three two one dash zero zero")],
    ),
    # A second key between the first and the number is not part of it.
    ("Claim ICN 2231100447812 pending", [("ID", "2231100447812")]),
    # A time after a keyed id is not one of its groups.
    ("Visit: 03-Feb-2025 09:40 AM", [("ID", "03-Feb-2025"), ("TIME", "09:40 AM")]),
]

# Registrations with a medical council, and header fields "<word> No." with no colon.
S17_REGISTRATIONS = [
    ("Dr. Imran Qadir, PMDC No. 61234-P", [("NAME", "Imran Qadir"), ("ID", "61234-P")]),
    ("KMC Reg. B-20871", [("ID", "B-20871")]),
    ("MMC Reg. 2011/05/2291", [("ID", "2011/05/2291")]),
    ("CRM/MG 41882", [("ID", "41882")]),
    ("Referral no. 44719-C on file", [("ID", "44719-C")]),
    ("Signed - KMC/A/20931", [("ID", "KMC/A/20931")]),
    ("Query form QRY-00412 raised", [("ID", "QRY-00412")]),
]

# DICOM header dumps: dates, times, names and ids by value representation or attribute name.
S17_DICOM_DUMPS = [
    (
        "(0008,0022) AcquisitionDate  DA  20240102\n"
        "(0018,1000) DeviceSerialNumber  LO  MR55120\n"
        "(0020,0011) SeriesNumber  IS  7\n"
        "(0008,0080) InstitutionName  LO  CITY GENERAL",
        [("DATE", "20240102"), ("ID", "MR55120")],
    ),
    (
        "(0008,0032) TM [101530.250000]  # 14, 1 AcquisitionTime\n"
        "(0018,1000) LO [77123]  # 6, 1 DeviceSerialNumber\n"
        "(0010,1010) AS [052Y]  # 4, 1 PatientAge\n"
        "(0008,1060) PN [Okonjo]  # 6, 1 NameOfPhysiciansReadingStudy",
        [("TIME", "101530.250000"), ("ID", "77123"), ("NAME", "Okonjo")],
    ),
]

# HL7 messages: the control id, a person's id before the name, names without their degree.
S17_HL7_MESSAGES = [
    (
        "MSH|^~\\&|RIS|SITE|EHR|SITE|202401021200||ORU^R01|CTL77120|P|2.3\n"
        "OBR|1||A991|71250^CT CHEST^C4|||||||||||4471^OKAFOR^CHIDI^^^^MD",
        [
            ("ID", "202401021200"),
            ("ID", "CTL77120"),
            ("ID", "4471"),
            ("NAME", "OKAFOR^CHIDI"),
        ],
    ),
    (
        "PN: Alves Pinto^Maria^Clara; DUARTE^ANA^M^^^MD",
        [("NAME", "Alves Pinto^Maria^Clara"), ("NAME", "DUARTE^ANA^M")],
    ),
]

# Numbers said aloud: a toll-free prefix, "that's" before the digits.
S17_SPOKEN_NUMBERS = [
    (
        "their phone number is eight hundred five five five zero one nine nine period",
        [("PHONE", "eight hundred five five five zero one nine nine")],
    ),
    (
        "again that's six one seven five five five zero one two two period",
        [("ID", "six one seven five five five zero one two two")],
    ),
]

# Dates and times as sites abroad and chat logs write them.
S17_DATES_AND_TIMES = [
    (
        "Tgl: 17 Agustus 2023, kontrol 3 Oktober; data 10 de março de 2024; Datum 5. März 2024",
        [
            ("DATE", "17 Agustus 2023"),
            ("DATE", "3 Oktober"),
            ("DATE", "10 de março de 2024"),
            ("DATE", "5. März 2024"),
        ],
    ),
    ("estudio previo de marzo 2024 sin cambios", [("DATE", "marzo 2024")]),
    (
        "Booked for Tuesday 23/09 at 08:15, review on 28/10.",
        [("DATE", "23/09"), ("TIME", "08:15"), ("DATE", "28/10")],
    ),
    ("my birthday\nis 23 7 58 and dob 4 12 1962", [("DATE", "23 7 58"), ("DATE", "4 12 1962")]),
    ("[09.15] dr. Okta: CT sudah selesai", [("TIME", "09.15"), ("NAME", "Okta")]),
    ("hora de llegada: catorce quince horas", [("TIME", "catorce quince horas")]),
    ("Age/Sex: 94 / M", [("AGE", "94")]),
]

# Names of South Asia, Latin America and Indonesia, and of claims and message forms.
S17_NAMES = [
    # Initials written apart open the name; "Mst." is a form of address, "Md." part of the name.
    (
        "Patient: S. K. Priyanka Devi Ramasamy          Age: 51",
        [("NAME", "S. K. Priyanka Devi Ramasamy")],
    ),
    ("Referred by Dr. V. R. Subramanian, MD", [("NAME", "V. R. Subramanian")]),
    ("reviewed with T. R. Meenakshi today", [("NAME", "T. R. Meenakshi")]),
    # A given name that is also a word before a double-barrelled surname.
    ("Grace Adeyemi-Whitlock came to the desk.", [("NAME", "Grace Adeyemi-Whitlock")]),
    (
        "Name: Mst. Hasina Akter w/o Md. Jamal Uddin",
        [("NAME", "Hasina Akter"), ("NAME", "Md. Jamal Uddin")],
    ),
    (
        "Patient: Nasreen Bibi w/o Ghulam Sarwar, 38 yrs",
        [("NAME", "Nasreen Bibi"), ("NAME", "Ghulam Sarwar")],
    ),
    (
        "patient md shafiqul alam son of late abdur rahman comma",
        [("NAME", "md shafiqul alam"), ("NAME", "abdur rahman")],
    ),
    ("Master Rohan Iyer, 7 yrs", [("NAME", "Rohan Iyer")]),
    # Surnames joined by particles, in lower case and in capitals.
    ("paciente ana lucía torres de la vega comma", [("NAME", "ana lucía torres de la vega")]),
    (
        "Dra. Luciana Prado e Castro - CRM/SP 77120",
        [("NAME", "Luciana Prado e Castro"), ("ID", "77120")],
    ),
    # Forms of address and relatives of sites abroad, in-laws.
    ("[10.05] dr. Sekar, Sp.Rad: hasil CT sudah", [("TIME", "10.05"), ("NAME", "Sekar")]),
    ("Emergency contact (istrinya, Ratna)", [("NAME", "Ratna")]),
    ("Son-in-law Desmond will bring her.", [("NAME", "Desmond")]),
    # The people of claims forms, schedulers and message headers and sign-offs.
    ("Claimant: Lorraine Whitfield-Abara", [("NAME", "Lorraine Whitfield-Abara")]),
    (
        "Fax to Adjuster Corwin Hale at 555-201-3344",
        [("NAME", "Corwin Hale"), ("PHONE", "555-201-3344")],
    ),
    ("Checked in by T. Marchetti, receptionist", [("NAME", "T. Marchetti")]),
    ("From: Ingrid Solheimsen\nSent: Tue", [("NAME", "Ingrid Solheimsen")]),
    ("Thanks so much.\nThank you, Pru", [("NAME", "Pru")]),
    ("spelled O K O N K W O", [("NAME", "O K O N K W O")]),
    # The surname that ends the line or the sentence, a suffix, a role between title and name.
    ("Dr. Anil Kumar Bhatt\nConsultant", [("NAME", "Anil Kumar Bhatt")]),
    ("Registered to Sabine Mireille Cox.", [("NAME", "Sabine Mireille Cox")]),
    (
        "| HALVORSEN, PETER JR | 04/02/1950 |",
        [("NAME", "HALVORSEN, PETER JR"), ("DATE", "04/02/1950")],
    ),
    (
        "Ms. Whitcombe called. Nurse Practitioner Reyes agreed.",
        [("NAME", "Whitcombe"), ("NAME", "Reyes")],
    ),
    # Speech: an initial before the names, spoken punctuation before a role, a possessive.
    ("referred by doctor r anand krishnan period", [("NAME", "r anand krishnan")]),
    (
        "dictated by tomas ferreira comma radiology nurse navigator period",
        [("NAME", "tomas ferreira")],
    ),
    ("result called to doctor okonkwo's resident", [("NAME", "okonkwo")]),
]


# Digits said one by one with a spoken "dash", a spoken "colon" after the key, letters joined
# by "dash" before or after the digits; the clock times of a stroke call said aloud.
S18_SPOKEN = [
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
S18_ACCESSIONS = [
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
S18_PHONES_AND_IDS = [
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
S18_DATES_AND_TIMES = [
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

S18_NAMES = [
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


S17_CLINICAL = [
    # Margins, tumour grades, units and resuscitation are not keys of national ids.
    "CRM threatened at 1 mm; WHO CNS 2021 grade 3; the NICU 2 team; CPR 2019 guidance.",
    "Series No. 12, Image no. 45. ACR/2017 criteria. ICD-10 code S72.0; CPT-71046.",
    "requested c p t seven two one four one for back pain",
    "OBX|1|TX|71250^CT CHEST W CONTRAST^CPT4||No acute findings.",
    "(0020,0013) InstanceNumber  IS  214\n(0008,0060) Modality  CS  CT",
    # A guideline's year, a test timed by the clock, grades and fractions with no date cue.
    "Per ACR Appropriateness Criteria Acute Chest Pain (2022), CTA is appropriate.",
    "Check an 8 am cortisol. Grade 4 MAC. Stenosis 14/20 mm by NASCET.",
    "Age/Sex: 46 / F",
    # Places with their state, roles and services, desks and header words.
    "Clínica: Irapuato, Gto.",
    "Imaging center, BELO HORIZONTE/MG",
    "NURSE CASE MANAGER REVIEW",
    "Urgent gynae review; Gynae & Obs Unit-II.",
    "To: Imaging Records",
    "Patient Portal Message",
    "CT abdomen w/o contrast. MRI LUMBAR SPINE PA VIEW.",
    "Assistant Professor. Contact the desk.",
    "Long Hill-Sachs lesion. Left Lung, PA and lateral.",
    "Lung-RADS 4A (2022) and TI-RADS TR3 (2017).",
]

S18_CLINICAL = [
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
]


@pytest.mark.parametrize(
    ("text", "expected"),
    S17_NATIONAL_IDS
    + S17_REGISTRATIONS
    + S17_DICOM_DUMPS
    + S17_HL7_MESSAGES
    + S17_SPOKEN_NUMBERS
    + S17_DATES_AND_TIMES
    + S17_NAMES
    + S18_SPOKEN
    + S18_ACCESSIONS
    + S18_PHONES_AND_IDS
    + S18_DATES_AND_TIMES
    + S18_NAMES,
)
def test_identifier_families_of_slices_17_and_18_are_masked_exactly(text, expected):
    assert _masked(text) == expected


@pytest.mark.parametrize("text", S17_CLINICAL + S18_CLINICAL)
def test_clinical_text_near_the_identifier_families_of_slices_17_and_18_stays(text):
    assert _masked(text) == []
