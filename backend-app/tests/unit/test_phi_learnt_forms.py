"""Families of identifiers learnt from PHI slices 15 to 18, each on examples written for this
test, with clinical text that must stay.

Slices 15 and 16: speech-recognised sites, names that are words, Commonwealth and Gulf ids, HL7
fragments. Slice 17: South Asia, Latin America, Indonesia, HL7 and DICOM dumps. Slice 18:
speech-recognised emergency reads, US and Commonwealth headers, East and South-East Asian sites.
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


S15_FORMS = [
    # Short numbers after a pager, "local" or "loc." key, written or said as words.
    (
        "doctor ines moreau comma she can be reached on pager four one seven period",
        [("NAME", "ines moreau"), ("PHONE", "four one seven")],
    ),
    (
        "Resident on duty: Kristine Joy Manalo, MD   Local 4471",
        [("NAME", "Kristine Joy Manalo"), ("PHONE", "4471")],
    ),
    (
        "REFERRING: Dr. Anne Roy, tel 604.875.4111 loc. 63318",
        [("NAME", "Anne Roy"), ("PHONE", "604.875.4111"), ("PHONE", "63318")],
    ),
    (
        "please inform doctor anna liza reyes at local three three nine one period",
        [("NAME", "anna liza reyes"), ("PHONE", "three three nine one")],
    ),
    (
        "her phone is six one seven five five five zero one nine eight extension two three four",
        [
            ("PHONE", "six one seven five five five zero one nine eight"),
            ("PHONE", "two three four"),
        ],
    ),
    # A spoken time with "p m" before "by" (a unit word after a bare number).
    (
        "discussed with doctor ines moreau at two forty p m by telephone period",
        [("NAME", "ines moreau"), ("TIME", "two forty p m")],
    ),
    (
        "results to be sent to her email mai dot vo sixty one at gmail dot com period",
        [("EMAIL", "mai dot vo sixty one at gmail dot com")],
    ),
    # Grouped ids with a check group where the field ends; header fields "<word> No:".
    (
        "MRN: 0012-884-067     Medicare: 3381 55102 2-1\nDOB: 16 Sep 1932",
        [("MRN", "0012-884-067"), ("ID", "3381 55102 2-1"), ("DATE", "16 Sep 1932")],
    ),
    (
        "Patient: Rao, Priya   Hosp No: KCH 004 118 27Q   NHS: 401 023 2137",
        [("NAME", "Rao, Priya"), ("MRN", "KCH 004 118 27Q"), ("MRN", "401 023 2137")],
    ),
    (
        "DATE: 21st May 2024     LAB NO: CT/4417/24\nNHIS NO: NHIS-ABJ-0091184-02",
        [("DATE", "21st May 2024"), ("ID", "CT/4417/24"), ("ID", "NHIS-ABJ-0091184-02")],
    ),
    (
        "DOB: 7/4/1955   SSN (last 4 only): xxx-xx-7710",
        [("DATE", "7/4/1955"), ("ID", "xxx-xx-7710")],
    ),
    # Dates: day first after a cue, a spoken comma before the year, a short weekday.
    (
        "date of birth twenty two oh nine nineteen seventy one period",
        [("DATE", "twenty two oh nine nineteen seventy one")],
    ),
    (
        "the outside study from october the ninth comma twenty twenty two comma is stable",
        [("DATE", "october the ninth comma twenty twenty two")],
    ),
    ("Exam date: Thu 14 Mar 2024 1015 hrs", [("DATE", "Thu 14 Mar 2024"), ("TIME", "1015 hrs")]),
    # Ages written with the sex, or said past one hundred.
    (
        "93F NH resident, SOB. History colon one hundred four year old male with confusion.",
        [("AGE", "93F"), ("AGE", "one hundred four")],
    ),
    # Names: a preferred name, a surname that is an eponym, Vietnamese letters, a list after
    # "Drs.", a verb of protocolling, an honorific.
    (
        'PATIENT NAME: REYES, DANIEL A. (preferred name: "Danny")',
        [("NAME", "REYES, DANIEL A."), ("NAME", "Danny")],
    ),
    (
        "REF: Hodgkin, Margaret R., MD (Oncology). History of Hodgkin lymphoma.",
        [("NAME", "Hodgkin, Margaret R")],
    ),
    (
        "Pt: NGUYỄN-ĐẶNG, Thị Lan   DOB 09/02/2003",
        [("NAME", "NGUYỄN-ĐẶNG, Thị Lan"), ("DATE", "09/02/2003")],
    ),
    (
        "Attendees: Drs. Nakamura, Ostrowski and Bello.",
        [("NAME", "Nakamura"), ("NAME", "Ostrowski"), ("NAME", "Bello")],
    ),
    (
        "Protocolled by: R. Subramaniam 2024-06-01 08:15",
        [("NAME", "R. Subramaniam"), ("DATE", "2024-06-01"), ("TIME", "08:15")],
    ),
    (
        "Next of kin: Alhaji Musa Garba (son), 0806 112 3344",
        [("NAME", "Musa Garba"), ("PHONE", "0806 112 3344")],
    ),
    (
        "Interpreter: Dariush Karimi (Farsi) present throughout.",
        [("NAME", "Dariush Karimi")],
    ),
    (
        "Interpreted by: Chen, Xiaoming MD   Tech: Dakota Bearheart, CNMT",
        [("NAME", "Chen, Xiaoming"), ("NAME", "Dakota Bearheart")],
    ),
]


# Forms learnt from slice 16 (sites in Quebec, Malaysia, Singapore, Hong Kong, the Gulf, New
# Zealand and Wales), with the text beside them that must stay.
S16_FORMS = [
    # Staff named by initials alone after a transcription or technologist key.
    (
        "Signed: Dr. Mara Quist   Transcribed: kjd",
        [("NAME", "Mara Quist"), ("NAME", "kjd")],
    ),
    ("Transcriptionist: PLW\nIndication: cough", [("NAME", "PLW")]),
    ("Technologist: RB    Transcription by: tms", [("NAME", "RB"), ("NAME", "tms")]),
    (
        "sonographer initials a k period reviewed by doctor hannah osei",
        [("NAME", "a k"), ("NAME", "hannah osei")],
    ),
    (
        "dictated by doctor nadia rahman at nine ten a m period transcribed by m b",
        [("NAME", "nadia rahman"), ("TIME", "nine ten a m"), ("NAME", "m b")],
    ),
    ("Tech: RT\nTranscribed: none", []),
    # French and Malay forms of address; the title "Dre" stays.
    ("Radiologiste: Dre Chantal Gosselin-Roy", [("NAME", "Chantal Gosselin-Roy")]),
    (
        "examen pour madame anne-marie tremblay numéro de dossier trois un huit neuf deux sept "
        "point",
        [("NAME", "anne-marie tremblay"), ("ID", "trois un huit neuf deux sept")],
    ),
    (
        "dicté par docteur jean-françois caron à dix heures vingt point",
        [("NAME", "jean-françois caron"), ("TIME", "dix heures vingt")],
    ),
    (
        "urgent finding for madam tan mei ling nric s seven six five four three two one a full "
        "stop",
        [("NAME", "tan mei ling"), ("ID", "s seven six five four three two one a")],
    ),
    ("x-ray for encik ahmad bin yusof comma", [("NAME", "ahmad bin yusof")]),
    # Hyphenated given names and surnames said in lower case.
    ("patient name min-ji kang comma seventy year old female", [("NAME", "min-ji kang")]),
    (
        "called to doctor helen whitaker-stone at extension four four one two",
        [("NAME", "helen whitaker-stone"), ("PHONE", "four four one two")],
    ),
    # French dates, times and digits said aloud; a duration and counts stay.
    (
        "examen du trois mars deux mille vingt-cinq point",
        [("DATE", "trois mars deux mille vingt-cinq")],
    ),
    (
        "rendez-vous le quinze août deux mille vingt-quatre, contrôle le trois février",
        [("DATE", "quinze août deux mille vingt-quatre"), ("DATE", "trois février")],
    ),
    ("pendant deux heures sans douleur", []),
    ("radiographie du genou gauche deux incidences point conclusion deux points arthrose", []),
    # A New Zealand NHI said as three letters and four digits.
    (
        "dictating for mrs aroha ngata nhi a b c one two three four date of birth",
        [("NAME", "aroha ngata"), ("MRN", "a b c one two three four")],
    ),
    # Hijri dates, written and said; the month alone stays.
    ("Date: 03/02/2024 (22/07/1445 H)", [("DATE", "03/02/2024"), ("DATE", "22/07/1445 H")]),
    (
        "prior study dated the second of shaban fourteen forty five full stop",
        [("DATE", "second of shaban fourteen forty five")],
    ),
    ("symptoms worse during ramadan full stop", []),
    # A Welsh month.
    ("Dyddiad / Date: 3 Mehefin 2024", [("DATE", "3 Mehefin 2024")]),
    # "poste" (extension) and "téléavertisseur" (pager) at French-speaking sites.
    ("Tél.: 450 555-0123, poste 2207", [("PHONE", "450 555-0123, poste 2207")]),
    (
        "Radiologiste de garde: Dre Julie Caron (téléavertisseur 3318)",
        [("NAME", "Julie Caron"), ("PHONE", "3318")],
    ),
    ("time of dictation oh seven fifteen full stop", [("TIME", "oh seven fifteen")]),
    # A spoken Hong Kong id with its check digit in brackets.
    (
        "h k i d a one two three four five six open bracket seven close bracket comma",
        [("ID", "a one two three four five six open bracket seven close bracket")],
    ),
    # HL7 exam codes beside a section name, and guideline years, stay.
    ("OBX|1|TX|MRBRAIN^IMPRESSION||No acute infarct.\nOBX|2|TX|MRBRAIN^DOSE||Gadobutrol", []),
    ("Per ACR 2023 guidance and WHO CNS5 2021 grade 2.", []),
    # Hospital numbers with a site prefix; an accession with two prefixes.
    (
        "Hosp. No.: UH 12-34-56   TRN: 118-400-221",
        [("MRN", "UH 12-34-56"), ("ID", "118-400-221")],
    ),
    ("RN: HKL/23/004412\nDate: 19-02-2024", [("MRN", "HKL/23/004412"), ("DATE", "19-02-2024")]),
    (
        "OBR|1|ORD-24-1100457|ACC-US-24-009912|76700^US ABDOMEN",
        [("ID", "ORD-24-1100457"), ("ID", "ACC-US-24-009912")],
    ),
    # A name in Chinese characters beside its English form.
    (
        "Patient: WONG Siu Ming (黃小明)   HKID: A765432(1)",
        [("NAME", "WONG Siu Ming"), ("NAME", "黃小明"), ("ID", "A765432(1)")],
    ),
]


S17_EARLIER_FORMS = [
    # Indonesian forms of address are titles; the header label in the next column is not a name.
    (
        "Nama: Tn. Sutrisno          Usia: 61 tahun",
        [("NAME", "Sutrisno")],
    ),
    ("pasien Ibu Suharti (RM 00-87-66-21)", [("NAME", "Suharti"), ("ID", "00-87-66-21")]),
    (
        "Adjuster: Rich Young   Tel 717-555-0129",
        [("NAME", "Rich Young"), ("PHONE", "717-555-0129")],
    ),
    ("Dra. Rosa Cantú - Cédula Profesional", [("NAME", "Rosa Cantú")]),
]


S15_CLINICAL = [
    "per fleischner society two thousand seventeen guidelines period",
    "Per Fleischner Society 2017 guidelines, follow-up CT at 3 months.",
    "Chris Hani Baragwanath Academic Hospital Department of Radiology",
    "AMINU KANO TEACHING HOSPITAL, KANO\nRadiology Request",
    "Royal Free London NHS Foundation Trust Radiology Report",
    "Subject: RE: thyroid US follow-up",
    "clinical details colon f o o s h period",
    "Series No: 4012  Image No.: 112. Local anaesthetic 10 ml; LOC 5-10 min.",
    "tumour extension two centimetres period the patient sat up period",
    "Pelvic pain since Wed. Mon through Fri clinic.",
    "pager number to follow period local recurrence 3 cm",
]

S17_EARLIER_CLINICAL = [
    "CENTRO DE DIAGNÓSTICO POR IMAGEN",
    "Çekim Tarihi / Exam",
    "Tgl Pemeriksaan:",
    "(Medicina Interna)",
    "Cairo University Hospitals (Kasr Al Ainy) - Department of Radiology",
    "Hi this is from Saint Luke's radiology",
    '  "00080020": {"vr": "DA", "Value": []},',
    "Billing: CPT 70553-26, professional component only.",
    "Under ACR TI-RADS\n(2017), a TR4 nodule of 1.5 cm",
    "Oncologic Imaging guideline\n(effective 2024), restaging PET/CT",
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
    S15_FORMS
    + S16_FORMS
    + S17_EARLIER_FORMS
    + S17_NATIONAL_IDS
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
def test_identifier_families_of_slices_15_to_18_are_masked_exactly(text, expected):
    assert _masked(text) == expected


@pytest.mark.parametrize("text", S15_CLINICAL + S17_EARLIER_CLINICAL + S17_CLINICAL + S18_CLINICAL)
def test_clinical_text_near_the_identifier_families_of_slices_15_to_18_stays(text):
    assert _masked(text) == []


# Slice 19: user names of chat and log lines, and the given names a chat calls people by.
S19_HANDLES = [
    (
        "[Mon 3/4/2024 09:12] kbhandari2: Rosalind, can you check the CT for bed 4?",
        ["kbhandari2", "Rosalind"],
    ),
    ("[09:15] t.wexler: sure, send me the accession", ["t.wexler"]),
    ("m.oduya  [10:41]  Protocol changed to noncontrast.", ["m.oduya"]),
    ("r_hallam  [10:42]  thanks\nr_hallam  [10:50]  done", ["r_hallam", "r_hallam"]),
    ("Approved by: Dr. Ingrid Solberg (isolberg), 02/03/2024", ["Ingrid Solberg", "isolberg"]),
    ("Archived by Marco Vitale, PACS admin (mvitale4)", ["Marco Vitale", "mvitale4"]),
]
S19_HANDLE_CLINICAL = [
    "[Findings] impression: no acute fracture (see series 4).",
    "Dual-energy scan (noncontrast) with water maps (rho_z) were reviewed.",
    "Nodule (lung.rads) category 3 per protocol (lungrads).",
]


def _names(text: str) -> list[str]:
    return [found for kind, found in _masked(text) if kind == "NAME"]


@pytest.mark.parametrize("text,expected", S19_HANDLES)
def test_user_names_and_chat_given_names_are_masked(text, expected):
    assert _names(text) == expected


# Slice 19: European doctors' titles and particles, and an initial and surname signing off.
S19_TITLES_AND_SIGN_OFFS = [
    ("Befund: Dr. med. Henrike Wallraff, Fachärztin", ["Henrike Wallraff"]),
    ("Skierowanie: lek. Bożena Wróblewska-Nowak, Poradnia", ["Bożena Wróblewska-Nowak"]),
    ("Verwijzer: dr. Joost van 't Veld, chirurg", ["Joost van 't Veld"]),
    ("Prelim only, attending to over-read. -- M. Achterberg", ["M. Achterberg"]),
    ("Called back to the ward. -T. Ostrander", ["T. Ostrander"]),
]
S19_TITLES_CLINICAL = [
    "Dr. med. review pending; lek. not given.",
    "Grade 2 -- C. difficile toxin negative.",
    "Disc bulge at L4-L5 --S. aureus bacteremia excluded.",
]


@pytest.mark.parametrize("text,expected", S19_TITLES_AND_SIGN_OFFS)
def test_european_titles_and_initial_sign_offs_are_masked(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", S19_HANDLE_CLINICAL + S19_TITLES_CLINICAL)
def test_clinical_text_near_user_names_titles_and_dashes_stays(text):
    assert _names(text) == []


# Slice 19: speech-recognised names after a title whose surname is also a clinical word.
S19_TITLE_WORD_SURNAMES = [
    ("findings called to doctor monica hill at the bedside", ["monica hill"]),
    ("please copy doctor gwendolyn bright in cardiology", ["gwendolyn bright"]),
]
S19_TITLE_WORD_SURNAMES_CLINICAL = [
    "discussed with doctor natalie hill sachs lesion again noted period",
    "doctor on call reviewed the bright echogenic focus period",
]


@pytest.mark.parametrize("text,expected", S19_TITLE_WORD_SURNAMES)
def test_word_surnames_after_a_title_and_a_given_name_are_masked(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", S19_TITLE_WORD_SURNAMES_CLINICAL)
def test_eponyms_and_clinical_words_after_a_title_stay(text):
    assert not any(w in " ".join(_names(text)) for w in ("sachs", "bright", "echogenic"))


# Slice 19: a 24-hour time after a date written with its month, or before "by" and a name.
S19_TIMES_AFTER_DATES = [
    ("Acquired: 09 MAR 2023 1415", [("DATE", "09 MAR 2023"), ("TIME", "1415")]),
    ("Report sent 11/04/23 2205 by fax", [("DATE", "11/04/23"), ("TIME", "2205")]),
    ("Opname 8-4-2023, 16.45 uur", [("DATE", "8-4-2023"), ("TIME", "16.45")]),
]
# Slice 19: a year first before the month's name.
S19_DATES = [("Born: 1958-Nov-21", [("DATE", "1958-Nov-21")])]
# Slice 19: an age with "yrs" after it.
S19_AGES = [("Pt is 96 yrs, COPD", [("AGE", "96")])]
# Slice 19: digit groups that end a sentence, or a field before a bracketed note.
S19_GROUPED_IDS = [
    ("Medicare 3318 50276 4 (IRN 1)", [("ID", "3318 50276 4")]),
    ("sent by courier, tracking 9261 2290 4471 0832 5519.", [("ID", "9261 2290 4471 0832 5519")]),
]
# Slice 19: national numbers after their key, the scheme maybe named in brackets after it.
S19_KEYED_IDS = [
    ("RRN 71.03.22-118.07 on file", [("ID", "71.03.22-118.07")]),
    ("SVNR 4418 120375, Zahl", [("ID", "4418 120375")]),
    ("Health Card (OHIP): 1234 567 890 AB\nDOB", [("ID", "1234 567 890 AB")]),
]
# Numbers near the slice 19 forms that are measurements, counts and durations.
S19_CLINICAL = [
    "Drain output 1500 by 4 mm tubing, 2000 mL",
    "Symptoms began 2 yrs ago; 45 pack years",
    "Series 4 image 1210 by 12 mm.",
    "Volumes 1200 3400 mL.",
    "Right kidney (RK) 11.2 cm; left (LK) 10.8 cm",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    S19_TIMES_AFTER_DATES + S19_DATES + S19_AGES + S19_GROUPED_IDS + S19_KEYED_IDS,
)
def test_identifier_families_of_slice_19_are_masked_exactly(text, expected):
    assert _masked(text) == expected


@pytest.mark.parametrize("text", S19_CLINICAL)
def test_clinical_numbers_near_the_slice_19_forms_stay(text):
    assert _masked(text) == []
