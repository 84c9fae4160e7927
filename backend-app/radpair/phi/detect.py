"""Finds patient and staff identifiers in dictation text with compiled regular expressions.

Why regexes and not Presidio: on the labelled corpus the hand-written rules matched or beat
Presidio's analyzer (pattern recognizers on a blank spaCy pipeline) at a small fraction of its
latency (bench/PHI_NOTES.md). Names are found by context (a title or role in any case,
"discussed with", "patient", a credential, a possessive, where the person works, an earlier
mention) or, with no context, as a given name and a surname from published name lists or
beside a word no English list knows (radpair.phi.namebook); eponyms such as "Murphy sign",
"Hill-Sachs lesion" or "Hodgkin lymphoma", drugs and devices are left alone
(radpair.phi.eponyms). Names in capitals reach the name rules through a same-length shadow text
in which they are written as names are ("DMITRI SOKOLOV" -> "Dmitri Sokolov").

Rules run in priority order; a span overlapping an already accepted one is dropped, so the first
(most specific) rule decides the category. A rule's `keep` may narrow its span (ordinary words
trimmed off a name) or drop it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, NamedTuple

from radpair.phi import namebook
from radpair.phi.leads import LeadIndex, Leads, lead_words, matches

CATEGORIES = ("NAME", "DATE", "TIME", "MRN", "ACCESSION", "ID", "PHONE", "EMAIL", "URL", "AGE")


class Span(NamedTuple):
    """One identifier: [start, end) in the text and its category."""

    start: int
    end: int
    category: str


# Latin Extended-A (Polish, Czech, Turkish, Baltic letters) and Latin Extended Additional
# (Vietnamese) mix cases letter by letter, so they count as both: "Wiśniewska", "Łukasz",
# "Şahin", "ĐẶNG".
_UP = "A-ZÀ-ÖØ-ÞĀ-žḀ-ỿ"
# Latin Extended-B holds Romanian "Ș"/"ț" (comma below) and Azerbaijani "Ə"; "ə" is in IPA.
_UP += "ƀ-ɏ"
# The ʻokina (U+02BB) and the modifier apostrophe (U+02BC) are letters of Hawaiian, Samoan and
# Tongan names ("Keliʻihoʻomalu", "Faʻamoana"): a name read up to them leaves its tail unmasked.
# They may open a name too ("ʻOfa", "ʻAkana"), so a capitalised name word may start with one.
_OKINA = "ʻʼ"
_LOW = f"a-zß-öø-ÿĀ-žḀ-ỿƀ-ɏə{_OKINA}"
_LETTER = _UP + _LOW
# Capitalized words that follow a name context but are not names.
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_NOT_NAME = (
    "The|This|That|These|Those|And|Or|But|On|At|In|Of|To|For|From|By|With|Via|Per|Who|Which|"
    "Regarding|Re|About|Today|Tonight|Yesterday|Tomorrow|Left|Right|Bilateral|No|Not|None|"
    "Normal|Findings|Impression|History|Comparison|Technique|Indication|Clinical|Exam|"
    "Emergency|Department|Radiology|Surgery|Oncology|Medicine|Team|Service|Clinic|Office|"
    "Hospital|Unit|Floor|Ward|Desk|Staff|Nurse|Nursing|Physician|Doctor|Attending|Resident|"
    "Fellow|Provider|Patient|Family|Mother|Father|Wife|Husband|Son|Daughter|Technologist|"
    "Please|Will|Was|Is|Are|Has|Had|Were|It|He|She|They|We|I|His|Her|Their|Our|Information|"
    "Name|Identification|Status|Consent|Position|Location|Age|Sex|Gender|Data|Details|Prep|"
    "Dr|Drs|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Acc|Accn|Accession|Dob|Mrn|Ref|Referring|"
    "Baby|Boy|Girl|"
    # Spanish report words at bilingual sites ("Paciente Sra. ...", "Fecha del estudio").
    "Paciente|Fecha|Estudio|Hallazgos|Impresión|Impresion|Técnica|Tecnica|Dra|Sra|Srta|Passport|"
    "Onc|Rad|Pt|General|Regional|Records|Batch|Services|Tel|Ext|Fax|Infant|BB|Discussed|"
    # Places and papers at sites abroad ("Praxis Berlin Mitte", "Haus Sonnenhof").
    "Praxis|Klinik|Klinikum|Krankenhaus|Clínica|Clinica|Hôpital|Hopital|Ziekenhuis|"
    "Huisartsenpraktijk|Pflegeheim|Haus|Mobiler|Röntgendienst|Pflegekraft|Hemsjukvård|Deportiva|"
    "Fødselsnummer|Codice|Fiscale|Teudat|Zehut|Mitte|Zuid|Noord|Oost|Sankt|Sint|"
    # Forms of address before a name: Czech and Slovak medical degrees ("MUDr. Jana Horak"),
    # Hausa "Malam" (Mr, teacher) and Kurdish "Kak" (Mr, brother).
    "MUDr|MDDr|Malam|Mallam|Kak|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# Keys of hospital and health-card numbers at Commonwealth sites that may follow a name after a
# comma ("Ewan Grant, CHI 0311329947", "Finn Fahey, UR RH530077", "Nixon, Hosp No. C0987"): a
# key, never a given name.
_RECORD_KEYS = r"UR|URN|HRN|UHID|CHI|NHS|IHI|PHN|PHIN|HSN|HCN|OHIP|RAMQ|Hosp|Medicare|Unit|Chart"
# Initials as one word, with or without a space between them ("J.K.", "R. M. Chaminda").
_INITIALS = rf"[{_UP}]\.(?:[ ]?[{_UP}]\.){{0,2}}"
# The capital lookahead first: the long exclusion is only tried where a name can start.
_NAME_WORD = (
    rf"(?=[{_OKINA}]?[{_UP}])(?!(?:{_NOT_NAME})\b)"
    # West African surnames elide a syllable the same way ("N'Guessan", "N'Diaye", "M'Bala").
    rf"(?:(?:Mc|Mac|Nic|O'|O’|D'|D’|N'|N’|M'|M’|[{_OKINA}])?[{_UP}][{_LOW}]+"
    rf"(?:[-'’](?!s\b)[{_UP}]?[{_LOW}]+)*"
    rf"|{_INITIALS})"
)
# Keys of the national numbers of Central and Eastern Europe, which may follow a name after a
# comma: Polish PESEL, Hungarian TAJ, Bulgarian EGN, Yugoslav JMBG, Croatian OIB, Slovene EMŠO;
# and of Latin America: Peru's and Argentina's DNI, Chile's RUT/RUN, Mexico's CURP, Brazil's
# CPF, Argentina's CUIL/CUIT ("Quispe Mamani, DNI 41872536": a key, never a given name).
_NATIONAL_KEYS = r"PESEL|TAJ|EGN|JMBG|OIB|EMŠO|EMSO|DNI|RUT|RUN|CURP|CPF|CUIL|CUIT"
# and of French-speaking sites: Belgium's NISS/INSZ and RRN, France's NSS, Switzerland's AVS,
# the national identity cards of the Maghreb and West Africa (CIN, CNI, CNIE), Haiti's NIF and a
# hospital's permanent patient id (IPP): "BENNANI Youssef, CIN BE784512". France's "NIR" is
# left out: "Nir" is a given name ("COHEN, Nir").
_NATIONAL_KEYS += r"|NISS|INSZ|RRN|NSS|AVS|CIN|CNI|CNIE|NIF|IPP"
# Where the context says a name follows (a title, "Patient:"), months and capitals are names too.
_NOT_LABEL_WORD = (
    "The|This|And|Or|On|At|In|Of|To|For|From|By|With|Via|Per|Who|No|Not|None|Unknown|Left|"
    "Right|Dr|Drs|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Acc|ACC|Accn|Accession|DOB|Dob|MRN|Mrn|ID|Age|"
    "Sex|Male|Female|MR|CT|US|XR|NM|PET|MRI|AP|PA|Baby|Boy|Girl|MD|DO|RN|NP|PhD|MBBS|FRCR|"
    "FRCPC|CNP|APRN|RT|LPN|CNA|PA-C|CNM|RDMS|RDCS|RVT|RRT|CPNP|FNP|DNP|PNP|ARNP|CRNA|ARRT|CNMT|"
    # Bone densitometry technologists' credentials ("Technologist: Will Baker, CBDT").
    "CBDT|CDT|"
    # Coding, billing and health-records credentials ("Coder: Lupe Ortiz, CPC", "..., RHIT").
    "CPC|CCS|CCA|COC|CPB|CRC|CDIP|RHIA|RHIT|"
    "MBChB|FRANZCR|FRCR|DMRD|DNB|RPVI|CNS|EHR|EMR|EPR|CCRP|CRA|Tel|Ext|Fax|Ph|PID|PV1|OBR|OBX|"
    "MSH|ORC|NTE|EVN|GA|SHO|CHI|BB|Infant|INFANT|RE|Re|FW|Fw|FWD|Fwd|DDN|NRIC|NHI|HKID|"
    # Turkish academic titles before "Dr." ("Doç. Dr. Elif Kaya", "Uzm. Dr.").
    "Doç|Doc|Uzm|Op|"
    # Keys of the birth date and national number that follow a name after a comma ("Ole
    # Bjerregaard Poulsen, CPR 151049-1957", "Seán Ó Ceallaigh-Brennan, D.O.B. 2nd April").
    r"CPR|D\.O\.B|Personnummer|BSN|AHV|"
    # and the national numbers of Central and Eastern Europe ("Nowak Anna, PESEL 8203...").
    rf"{_NATIONAL_KEYS}"
)
# "J.K.", "M.L.": a person named by initials alone after a role.
_INITIALS_ONLY = rf"(?:[{_UP}]\.){{2,3}}(?!\w)"
# Credentials that may stand between a role label and the name ("Sonographer: RDMS: J.K.").
_CREDENTIAL_WORD = r"(?:RDMS|RDCS|RVT|RT|RTR|ARRT|CNMT|RN|CNM|NP|PA-C|MD)"
_LABEL_WORD = (
    # A French article may open a surname ("L'Hirondelle", "L’Heureux").
    rf"(?=[{_OKINA}]?[{_UP}])(?!(?:{_NOT_LABEL_WORD})\b)"
    rf"(?:(?:Mc|Mac|O'|O’|D'|D’|L'|L’|N'|N’|M'|M’|[{_OKINA}])?[{_UP}][{_UP}{_LOW}]+"
    # An apostrophe may end a part before the hyphen ("Ochieng'-Otieno").
    rf"(?:(?:['’]-|[-'’])(?!s\b)[{_UP}{_LOW}]+)*|{_INITIALS})"
)
_PARTICLE = (
    r"(?:van|von|der|den|de|del|della|dela|delos|di|da|du|dos|das|do|la|le|los|las|bin|binti|"
    r"bint|bte|ap|"
    r"al|el|ten|ter|"
    # Dutch "'t" (of the): "van 't Hof".
    r"['’]t|"
    # Kalenjin "arap" (son of): "Kipchumba arap Rotich".
    r"arap|"
    # Swedish "af" (of): "Johan af Trolle".
    r"af|"
    # Portuguese and Spanish join two surnames with "e" and "y" ("Costa e Silva").
    r"e|y|"
    # Malay and Indian patronymics ("anak lelaki", "son of") are written in capitals too
    # ("MURUGAN A/L KRISHNAN", "Aarav S/o Ramesh Gowda").
    r"St\.?|Ste\.?|[Ss]/[Oo]|[Dd]/[Oo]|[Aa]/[Ll]|[Aa]/[Pp]|"
    # Hebrew and Maghrebi "ben"/"bat", Arabic "ibn" (son or daughter of: "Moshe ben Haim",
    # "Khalid ibn Saleh") and Georgian "dze"/"asuli" after the father's name in the genitive
    # ("Davit Levanis dze Beridze").
    r"ben|bat|ibn|dze|asuli|"
    r"Ó|O|Ní|Nic|Mac|Ua|Uí|"
    # Welsh "ferch"/"verch" (daughter of) and "ab" (son of, before a vowel): "Angharad ferch
    # Owain", "Dafydd ab Owain".
    r"ferch|verch|ab)"
)
# Words of one name are one space apart; two spaces or a tab separate the fields of a header.
_NAME_SEQ = rf"{_NAME_WORD}(?:[ \t](?:{_PARTICLE}[ \t])*{_NAME_WORD}){{0,3}}"
# A quoted nickname may stand inside the name: 'Travis "T-Bone" Kowalczyk'.
# A nickname may stand in brackets too ("Marthinus (Tinus) du Plessis"); up to five words
# ("MUHAMMAD FAIZAL BIN ABDUL RAHMAN"), and a Vietnamese surname that is also a particle may
# end it ("Mr. Quang Le", "Dr. Minh Do").
_LABEL_SEQ = (
    rf"{_LABEL_WORD}(?:[ \t](?:{_PARTICLE}[ \t])*(?:['‘\"“(][{_UP}][\w .-]{{0,14}}['’\"”)][ \t]"
    rf"(?:{_PARTICLE}[ \t])*)?{_LABEL_WORD}){{0,4}}(?:[ \t](?:Le|Lê|Do|Đỗ)(?![\w'’-]))?"
)
_RELATIVE = (
    r"(?:mother|father|wife|husband|son|daughter|spouse|guardian|caregiver|grandson|"
    r"granddaughter|grandmother|grandfather|sister|brother|aunt|uncle|niece|nephew|partner|"
    r"friend|neighbou?r|fianc[eé]e?|girlfriend|boyfriend|roommate|stepmother|stepfather)"
)
# Middle initials and "st." may stand inside a lower-case name ("leticia d. fonseca").
_LOWER_SEQ = (
    rf"[{_LOW}][{_LOW}'’-]+(?:[ \t]+(?:[{_LOW}]\.?(?=[ \t])|st\.|[{_LOW}][{_LOW}'’-]+)){{0,4}}"
    rf"(?:[ \t]+[{_LOW}]\b(?![.'’-]))?"
)
# A capitalised word that may be a name part, without a possessive "'s" ("O'Neill", "Chen").
_CAP_WORD = (
    rf"(?:[ODNM]['’]|Ma?c|Nic|Fitz|[{_OKINA}])?[{_UP}][{_LOW}]+"
    rf"(?:['’](?!s\b)[{_UP}{_LOW}][{_LOW}]+)?(?:-[{_UP}{_LOW}][{_LOW}]+)?"
)
_UNIT = (
    r"(?:ED|ER|ICU|MICU|SICU|CCU|CVICU|NICU|PICU|PACU|OR|IR|CT|MRI|EMS|floor|ward|unit|desk|"
    r"front\s+desk|nursing|radiology|pharmacy|lab|laboratory|transport|triage|registration|"
    r"admitting|reception|cath\s+lab|step-?down|telemetry|dispatch|security|bed\s+(?:control|"
    r"management)|the\s+(?:floor|unit|front)|trauma\s+bay|resus|main\s+desk|nurses'?\s+station|"
    r"blood\s+bank|scheduling|clinic|ultrasound|x-?ray|\d+\s*(?:West|East|North|South|[WENS]\b)|"
    r"ENT|GI|ortho(?:pa?edics)?|(?:neuro|general|vascular|trauma|cardiac|thoracic)?\s*surgery|"
    r"neurology|cardiology|urology|oncology|OB|GYN|OB/?GYN|peds|pa?ediatrics|medicine|trauma|"
    r"nephrology|pulmonary|pulmonology|hepatology|anesthesia|neonatology|gastro(?:enterology)?|"
    r"ha?ematology|ha?em|onc|renal|resp(?:iratory)?|endo(?:crine|crinology)?|rheum(?:atology)?|"
    r"derm(?:atology)?|psych(?:iatry)?|geriatrics|vascular|hepatobiliary|colorectal|breast|"
    r"(?:North|South|East|West)\s*\d+)\b"
)
# "SEGUN ADEWALE": two or more words in capitals (read as a name only after a cue).
_CAPS_SEQ = rf"[{_UP}][{_UP}'’-]+(?:[ \t][{_UP}][{_UP}'’-]+){{1,3}}\b"
# "Ivanova, Natalia K": a name, or a surname, a comma, given names and a middle initial (one
# space after them: "NGUYEN, Thi Hoa   A-Number" is the next field).
_SURNAME_GIVEN = (
    # The dot of a suffix read as a name word may stand before the comma ("Whitaker Sr., L").
    rf"{_LABEL_SEQ}(?:(?<=Jr|JR|Sr|SR)\.(?=,))?(?:,[ \t]*{_LABEL_SEQ}(?:[ \t][{_UP}](?![\w-])\.?)?"
    rf"(?:[ \t]+(?:JR|SR|Jr|Sr|II|III|IV)\b\.?)?)?"
)
_NAME_SEQ2 = rf"{_NAME_WORD}(?:[ \t](?:{_PARTICLE}[ \t])*{_NAME_WORD}){{1,3}}"
# Generational suffixes after a surname: a closed class ("Jr.", "SR", "III").
_NAME_SUFFIX = r"(?:Jr|JR|Sr|SR|II|III|IV)\b\.?"
# Ranks of the US services, the Coast Guard and Commonwealth forces, beyond the Army's above:
# Air Force ("SrA", "TSgt"), Marines ("GySgt", "1stLt"), Navy petty officers and corpsmen with
# their class ("PO2", "HM3"), warrant officers with their grade ("CW3", "WO2"). A closed list;
# forms that are also clinical or report words in capitals ("MG", "BG", "LS", "AB", "PO",
# "GEN", "ADM", "WO" for without, "LT" for left) are left out.
_MORE_RANKS = (
    r"Amn|A1C|SrA|TSgt|SMSgt|CMSgt|GySgt|MGySgt|SgtMaj|1stSgt|1SG|1stLt|2ndLt|1LT|2LT|"
    r"LtCol|LtCdr|Cdr|Cdre|Brig|Pte|Spc|ENS|LTJG|CAPT|RADM|VADM|CW[2-5]|WO[1-5]|PO[1-3]|"
    r"CPO|SCPO|MCPO|HM[1-3]|HMC|SLt"
)
# Ranks said aloud ("patient is lance corporal tane ngata", "call petty officer mele tonga"):
# several are ordinary words ("major", "general", "private", "specialist"), so a name in lower
# case after them must open with a listed name, as after "patient".
_SPOKEN_RANK = (
    r"(?:private(?:[ \t]+first[ \t]+class)?|(?:lance[ \t]+)?corporal|specialist|"
    r"(?:staff|master|gunnery|first|technical|senior[ \t]+master|chief[ \t]+master)[ \t]+"
    r"sergeant|sergeant(?:[ \t]+(?:first[ \t]+class|major))?|(?:second|first)[ \t]+lieutenant|"
    r"lieutenant(?:[ \t]+(?:commander|colonel|junior[ \t]+grade))?|captain|major|colonel|"
    r"brigadier(?:[ \t]+general)?|ensign|commander|commodore|(?:rear[ \t]+)?admiral|"
    r"(?:able|leading|ordinary)[ \t]+seaman|seaman|"
    r"(?:senior[ \t]+)?airman(?:[ \t]+first[ \t]+class)?|"
    r"(?:(?:master|senior)[ \t]+)?(?:chief[ \t]+)?petty[ \t]+officer"
    r"(?:[ \t]+(?:first|second|third)[ \t]+class)?|"
    r"(?:chief[ \t]+)?warrant[ \t]+officer(?:[ \t]+(?:one|two|three|four|five))?|"
    r"(?:hospital[ \t]+)?corpsman(?:[ \t]+(?:first|second|third)[ \t]+class)?)"
)
_TITLE = (
    r"(?:Drs?|Doctor|Mr|Mrs|Ms|Miss|Mx|Mister|Missus|Prof|Professor|Sister|Sr|Nurse|Det|"
    r"Detective|Officer|Sgt|Smt|Shri|Sri|Rabbi|Imam|Pastor|Rev|Reverend|Deputy|Trooper|"
    # Ranks, and titles of sites abroad ("Herr", "Mevr.", "Sra.", "Mme").
    r"Pvt|PFC|Cpl|SGT|SSgt|SSG|SFC|MSgt|Capt|Maj|MAJ|LCDR|CDR|Herr|Frau|Hr|Dhr|Mevr|"
    # Dutch forms of address are written in lower case too ("Patient: dhr. Pieter Vos").
    r"dhr|mevr|"
    r"Mevrouw|Sig|Sra|Srta|Dra|Mme|Mlle|Pani|Schwester|"
    # Army ranks as written in US and Commonwealth records ("PVT WELLS, Hunter J", "LTC Robert
    # Kessler", "LCPL Sophie Carter"), "Mdm" (Madam, Singapore and Malaysia) and "Matron" (a
    # senior nurse in Britain). Ranks in capitals take no full stop: "filed by CPT. Mother"
    # ends a sentence with the child protection team.
    r"(?:PVT|SPC|CPL|LCPL|CPT|LTC|COL)(?!\.)|LCpl|Lt|Col|Mdm|Matron|"
    # French, Quebec ("Dre" is a woman doctor) and Malay/Singapore forms of address.
    r"Dre|Docteur|Docteure|Madame|Madam|Monsieur|Mademoiselle|Encik|Puan|Cik|Tuan|"
    # "Pr" is the French professor's title ("Radiologue: Pr Jean-Luc Dufour"); in title case
    # only ("PR" is a progesterone receptor).
    r"Pr|Professeure|"
    # Nigerian honorifics for those who made the hajj ("Alhaji Sani Abubakar").
    r"Alhaji|Alhaja|Alh|Hajia|Hajiya|"
    # Indonesian forms of address ("Tn. Sutrisno", "Ibu Suharti"), Bangladeshi "Mst." (Mosammat)
    # and "Master" before a boy's name.
    r"Tn|Ny|Ibu|Bapak|Bpk|Mst|Mosammat|Master|"
    # Czech and Slovak medical degrees, Hausa "Malam" and Kurdish "Kak" (Mr).
    r"MUDr|MDDr|Malam|Mallam|Kak|"
    # Aboriginal and Torres Strait Islander elders are called "Aunty" and "Uncle" by respect.
    r"Aunty|Auntie|Uncle|"
    # Police ranks of Canada and the UK ("Cst. Ratt" of the RCMP, "Const", "Insp").
    r"Cst|Const|Constable|Insp|Inspector|"
    # Latin American professional titles: a graduate ("Lic.", "Licda."; interpreters,
    # schedulers, psychologists) and a nurse ("Enf."), said before the name as "Dr." is.
    r"Lic|Licda|Licdo|Lcda|Lcdo|Enf|"
    rf"{_MORE_RANKS})"
)
# Ranks and forms of address that a rule's name may have swallowed at its start ("Referrer: Maj
# (Dr) Edward Young RAMC", "Patient: LCPL Sophie Carter"), and the corps after a military
# doctor's name ("LTC Robert Kessler, MC"): the rank and corps say nothing of who it is, and
# a rank read as a name word leaks nothing but breaks the surrogate's grammar.
_RANK = (
    r"(?:Pvt|PVT|PFC|Cpl|CPL|LCPL|LCpl|SPC|SGT|Sgt|SSgt|SSG|SFC|MSgt|Capt|CPT|Maj|MAJ|LTC|Lt|"
    rf"Col|COL|LCDR|CDR|Mdm|Matron|{_MORE_RANKS})\.?"
)
_RANK_LEAD = re.compile(
    rf"(?:(?:{_RANK}|{_SPOKEN_RANK})[ \t]+)+(?:\((?:Dr|Prof)\.?\)[ \t]+)?(?=\S)"
)
_RANK_ONLY = re.compile(rf"{_RANK}(?:[ \t]+{_RANK})*")
# A degree after a comma is no part of the name either ("Lee Bo-ra, M.D").
_CORPS_END = re.compile(
    r"(?:,?[ \t]+(?:MC|RAMC|RAAMC|MSC|USA|USAF|USN)"
    r"|,[ \t]*(?:M\.D\.?|MD|D\.O\.?|PhD|MBBS|FRCR|FRCPC|RN|NP|PA-C))$"
)
_ROLE_NOUN = (
    r"(?:physician|provider|doctor|clinician|surgeon|resident|fellow|nurse|NP|PA|PA-C|RN|"
    r"radiologist|hospitalist|intensivist|oncologist|urologist|cardiologist|neurologist|"
    r"audiologist|"
    r"technologist|tech|sonographer|PCP|attending|registrar|consultant|midwife|therapist|"
    r"trainer|coach|physio|physiotherapist|athlete|player|agent|carer|caregiver|"
    r"pharmacist|house\s+officer|coordinator|navigator|interpreter|chaplain|social\s+worker|"
    r"team\s+member|member|detective|officer|assistant|manager|scribe|paramedic|EMT|medic|"
    r"student|intern|aide|CNA|LPN|clerk|secretary|supervisor|dispatcher|transporter|"
    r"practitioner|APP|CRNA|anesthetist|anesthesiologist|surgeon|PGY-?\d|docs?|MD|dosimetrist|"
    r"physicist|radiographer|CRA|CCRP|investigator|(?:B-)?reader|SHO|SpR|StR|FY[12]|"
    # Insurers' and schedulers' staff ("Adjuster Quentin Rich", "K. Lindgren, scheduler").
    r"adjuster|case\s+manager|scheduler|receptionist|"
    # PACS and IT staff who import, merge or fix studies ("PACS analyst Deshawn").
    r"analyst|administrator|"
    # Office staff of billing, coding and transcription ("Coder Jiwon Lee", "Editor Patrice
    # Moreau note:"); a records requester may be a firm and announces no person.
    r"coder|biller|abstractor|auditor|reviewer|editor|transcriptionist|proofreader|"
    # Commonwealth and remote-site roles: a cardiac physiologist, the nurse in charge, a remote
    # area nurse ("RAN"), an Aboriginal health worker ("AHW"), a medical radiation
    # technologist ("MRT"), a clinical nurse specialist ("CNS"), an ED "reg" (registrar); the
    # abbreviations in capitals only ("ran", "CNS lymphoma" before a clinical word).
    r"physiologist|nurse[ -]in[ -]charge|(?-i:RAN|AHW|MRT|CNS|reg|"
    # A physician assistant's and a nurse practitioner's letters said aloud ("dictated by p a
    # frank young"), in lower case only.
    r"p[ ]a|n[ ]p)|"
    # Who the patient works under or beside at a ranch, farm or plant ("ranch foreman bill
    # young"); not "employer", which names a firm.
    r"foreman|forewoman|co-?worker)"
)
_ROLE_LABEL = (
    rf"(?:{_ROLE_NOUN}|referring|ordering|reading|interpreting|dictating|requesting|"
    r"reported\s+by|read\s+by|dictated\s+by|signed\s+by|cc|copy\s+to|subject|ref|referrer|"
    r"reporter|"
    # The people of claims, insurance and post-mortem forms ("Injured worker: Hope Mbeki").
    r"staff|referral|(?:injured\s+)?worker|claimant|insured|employee|decedent|guarantor|"
    r"policy\s*holder|beneficiary|applicant|client)"
)
# "the referring physician", "surgery PA", "child protection team physician": up to four
# modifier words, but only when a role noun follows them.
# Spoken punctuation ends them ("dictated by dawn sealy comma radiology nurse").
_ROLE = (
    rf"(?:(?:the|our|their|his|her)\s+)?(?:(?:(?!(?:comma|period)\b)[\w/-]+\s+){{0,4}}?"
    rf"{_ROLE_NOUN}\b)?[,:]?\s*"
)
_NAME_VERBS = (
    r"(?:discussed|reviewed|spoke|spoken|conferred|consulted|met|talked|seen|rounded)"
    r"\s+(?:with|w/)|"
    r"(?:spoke|spoken|talked|texted|messaged|updated|told|explained|signed\s+out)\s+to|"
    # Who takes the questions on a list ("queries to Jess on (03) 6166 0931").
    r"(?:queries|questions|enquiries|inquiries)\s+to|"
    r"(?:calling|called|message|voicemail|voice\s+mail)\s+for|"
    r"(?:called|communicated|conveyed|relayed|reported|given|sent|faxed|paged|forwarded|"
    r"telephoned|discussed|provided|read\s+back|released|explained|e-?mailed|handed\s+off)\s+to|"
    r"(?:read|dictated|signed|interpreted|reviewed|ordered|referred|seen|examined|transcribed|"
    r"protocoll?ed|vetted|triaged|justified|authori[sz]ed|checked|"
    r"verified|approved|performed|requested|acknowledged|confirmed|attested|scanned|cosigned|"
    r"co-signed|supervised|overread|placed|inserted|obtained|covered|accompanied|"
    # A referral or image sent by someone names the sender ("Sent by Szymanski").
    r"sent)\s+by|"
    r"(?:notified|paged|called|informed|contacted|telephoned|messaged|texted|emailed|"
    r"d/w|attn|attention|per)\b"
)
_CREDENTIAL = (
    r"(?:,?\s+(?:MD|M\.D\.|D\.O\.|RN|NP|PA-C|PhD|MBBS|FRCR|FRCPC|FRCS|FRANZCR|CNP|APRN|DNP|"
    r"RVT|RDMS|CNMT|CNM|CPNP|FNP|PNP|ARNP|CRNA)|,\s*(?:DO|PA|RT))"
)
# Common given names: a bare "First Last" with no other context. Names that are also months,
# verbs or clinical words (May, June, Mark, Will, Grace, Hope, Page...) are left out on purpose.
_GIVEN = (
    "James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|"
    "Matthew|Anthony|Donald|Steven|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|George|Timothy|Ronald|"
    "Edward|Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|Larry|Justin|Scott|"
    "Brandon|Benjamin|Samuel|Gregory|Alexander|Patrick|Raymond|Jack|Dennis|Jerry|Tyler|"
    "Aaron|Jose|Adam|Nathan|Henry|Douglas|Zachary|Peter|Kyle|Ethan|Walter|Noah|Jeremy|Christian|"
    "Keith|Roger|Terry|Gerald|Harold|Sean|Carl|Arthur|Lawrence|Dylan|Jesse|Jordan|Bryan|"
    "Billy|Joe|Bruce|Gabriel|Logan|Albert|Willie|Alan|Juan|Wayne|Elijah|Randy|Roy|Vincent|Ralph|"
    "Eugene|Russell|Bobby|Mason|Philip|Louis|Carlos|Luis|Miguel|Ahmed|Mohammed|Muhammad|Omar|Ali|"
    "Wei|Hiroshi|Raj|Rahul|Priya|Ananya|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|"
    "Jessica|Sarah|Karen|Lisa|Nancy|Betty|Margaret|Sandra|Ashley|Kimberly|Emily|Donna|Michelle|"
    "Carol|Amanda|Dorothy|Melissa|Deborah|Stephanie|Rebecca|Sharon|Laura|Cynthia|Kathleen|Amy|"
    "Angela|Shirley|Anna|Brenda|Pamela|Emma|Nicole|Helen|Samantha|Katherine|Christine|Debra|"
    "Rachel|Carolyn|Janet|Catherine|Maria|Heather|Diane|Julie|Joyce|Victoria|Kelly|Christina|"
    "Lauren|Joan|Evelyn|Olivia|Judith|Megan|Cheryl|Martha|Andrea|Frances|Hannah|Jacqueline|Ann|"
    "Gloria|Jean|Kathryn|Alice|Teresa|Sara|Janice|Doris|Madison|Julia|Judy|Abigail|Denise|"
    "Beverly|Theresa|Marilyn|Danielle|Diana|Brittany|Natalie|Sophia|Isabella|Alexis|"
    "Kayla|Charlotte|Fatima|Aisha|Mei|Yuki|Sofia|Lucia|Elena|Ana|Carmen|Rosa|Lucy|Eleanor|Margot"
)
_UNITS = (
    r"(?:mm|cm|m|km|mL|ml|cc|L|mg|g|kg|mcg|µg|ug|HU|mGy|Gy|mSv|units?|U|IU|%|x\b|by|times|"
    r"beats|bpm|mmHg|ms|sec|seconds|minutes|min|mmol|mEq|lbs?|pounds|ft|inches|in\b|microns?|"
    r"µm|um)"
)
_MONTH = (
    r"\b(?=[AaCcDdEeFfGgHhIiJjMmNnOoRrSsTt])"
    r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    # French, for bilingual sites: "14 mars 2025".
    r"janvier|f[ée]vrier|mars|avril|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre|"
    # Welsh, for bilingual letters in Wales: "15 Gorffennaf 2024" ("Mai" and "Medi" are names).
    r"ionawr|chwefror|mawrth|ebrill|mehefin|gorffennaf|awst|hydref|tachwedd|rhagfyr)|May|MAY)"
    r"\b\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
# Thai sites count years in the Buddhist era ("4 March 2567" is 2024).
_YEAR = r"(?:1[89]\d\d|20\d\d|25[4-9]\d)"
# "March 14", "Mar 17 '25", "Feb 10-14, 2025": a month, a day (or days) and maybe a year.
_MONTH_DAY = (
    rf"{_MONTH}\s*{_DAY}(?:[-–]{_DAY})?(?:,?\s*(?:{_YEAR}|['’]\d\d\b))?"
    rf"(?!\s*{_UNITS}\b)(?![\d:])"
)
_ID_VALUE = r"(?=[A-Za-z0-9-]*\d)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
# Ids as sites write them: slash-separated parts ("MH/2024/0457821", "BL/25/004471"), digit
# groups one space apart ("485 777 3456", "2953 41870 1", "2953 71823 1-2"), a site prefix
# ("RBH 0074412", "GST 003 921 44X"); a short last group only where the field ends, a check
# digit after a dash ("4387 65 1234-5"). A group is never the hour of a time after the id
# ("Visit: 11-Nov-2024 10:20 AM").
# A colon ends a field in a list ("Medicare 4410 72856 3-2: CT liver ...").
_FIELD_END = r"(?=[ \t]{2,}|[ \t]*$|[ \t]*[\n,;)]|[ \t]+\(|:[ \t])"
_ID_GROUPED = (
    r"(?:[A-Za-z]{1,5}/)*(?=[A-Za-z0-9.-]*\d)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?"
    r"(?:/[A-Za-z0-9][A-Za-z0-9-]*)*"
    rf"(?:(?<=\d)(?:[ ]\d{{2,6}}(?![:.]\d)){{1,3}}(?:-\d{{1,2}}(?![\w/-]))?"
    rf"(?:[ ]\d(?:[/-]\d)?{_FIELD_END})?"
    # A health card's version code ends the field ("HCN: 4532 281 907 TK").
    rf"(?:[ ](?!(?:CT|MR|US|XR|CR|DX|NM|PT|MG|RF|IR|FL|AP|PA|OR|ED|ER|IP|OP)\b)"
    rf"(?-i:[A-Z]{{2}}){_FIELD_END})?)?"
    # After a site's capitals: a two-digit year before more groups ("US 24 112 908"), year,
    # modality and number ("MAH 21-MR-004418", "UCSD 25MR0019987").
    r"|(?-i:[A-Z]{2,5})(?:[ ](?-i:[A-Z])?(?:\d{3,}(?:-\d{1,3})?|\d\d(?:-\d\d){2}|\d\d(?=[ ]\d{3})"
    r"|\d\d-?(?-i:[A-Z]{2,3})-?\d{4,})){1,3}"
    rf"(?:[ ]\d{{1,3}}(?-i:[A-Z]){_FIELD_END})?"
)
# Modality codes as accession numbers hold them ("CT", "MR", "US", "CTA").
_MODALITY = r"(?:CTA?|MRA?|MRI|US|XR|CR|DX|NM|PET|PT|MG|RF|IR|FL|DXA|OT)"
_SSN_HIDDEN = r"[xX*]{3}-[xX*]{2}-"
# A key's colon may be said aloud ("m r n colon 5 5 3 ...") or follow a row of dots in a
# fixed-width header ("ACCESSION.........: A2025-CT-114092").
_KEY_TAIL = (
    # The scheme may follow in brackets ("Health Card (OHIP): 5584 219 376 KT").
    r"(?:[ \t]*\([A-Z]{2,6}\))?"
    r"\s*(?:number|num|no\.?|nr|#|id)?\s*(?:is\s+|was\s+)?(?:\.{2,}[ \t]*)?"
    r"(?:[:#=]|colon\b)?\s*(?:is\s+)?"
)
_AGE_NUM = r"(?:9\d|1[01]\d|12[0-5])"
_ORDINAL_TENS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# A zero said aloud before another digit: "oh", "zero", or the British and Commonwealth "nought"
# ("nought two thirty", "nought four slash ...").
_ZERO_WORD = r"(?:oh|zero|nought)"
# Speech recognition writes dates, times and ids as words: "january fifth twenty twenty four",
# "march the fourth", "at 3 15 pm", "m r n 7 7 0 4 1 2 9".
# British, Irish and Commonwealth speech doubles and triples a digit and says "nought" for zero
# ("four double oh seven", "triple seven two", "four four nought nought").
_DIGIT_WORD = (
    r"(?:(?:double|triple)[ \t]+)?(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine)"
)
# Digits said one by one are apart by spaces, commas, dashes or a spoken "slash", "dash" or
# "dot" ("c p f one two three dot four five six dot seven eight nine dash zero nine").
_DIGIT_SEP = r"(?:[ \t,-]+|[ \t]+(?:slash|dash|dot)[ \t]+)"
# "eight hundred five five five ...": a toll-free prefix said as a number.
_TOLL_FREE = r"(?:(?:one[ \t]+)?eight[ \t]+hundred[ \t]+)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SPOKEN_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth|"
    r"(?:twenty|thirty)[ -](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))"
)
_SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)[ -](?:oh[ -]{_ORDINAL_TENS}|{_TEEN}|{_TENS}(?:[ -]{_ORDINAL_TENS})?)"
    rf"|two[ -]thousand(?:[ -]and)?(?:[ -](?:{_TEEN}|{_TENS}(?:[ -]{_ORDINAL_TENS})?|"
    rf"{_ORDINAL_TENS}))?)"
)
# "the eighth of march twenty six": a year said by its last two digits, never a measure.
_TWO_DIGIT_YEAR = (
    rf"(?:{_TENS}(?:[ -]{_ORDINAL_TENS})?|{_ZERO_WORD}[ -]{_ORDINAL_TENS})\b"
    rf"(?![ \t]+(?:{_UNITS}|millimet(?:er|re)s?|centimet(?:er|re)s?|percent|years?|hours?)\b)"
)
_SPOKEN_DAY = rf"(?:{_SPOKEN_ORDINAL}|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th))"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_WEEKDAY_SHORT = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_HOUR_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_DAY_NUMBER = rf"(?:{_TEEN}|twenty(?:[ -]{_ORDINAL_TENS})?|thirty(?:[ -]one)?|{_ORDINAL_TENS})"
_MINUTE_WORD = (
    # "seven zero five p m": a minute's leading zero said as "zero" as well as "oh".
    rf"(?:(?:{_ZERO_WORD}|o)[ -]{_ORDINAL_TENS}|{_TEEN}"
    rf"|(?:twenty|thirty|forty|fifty)(?:[ -]{_ORDINAL_TENS})?)"
)
# "two forty seven a m", "ten oh five p m", "four thirty in the afternoon", "quarter past ten",
# "oh three hundred hours": a time of day in words.
_SPOKEN_TIME = (
    rf"(?:{_HOUR_WORD}(?:[ -]{_MINUTE_WORD})?[ \t]*(?:[ap]\.?[ \t]?m\b\.?|o['’]clock|"
    rf"in[ \t]+the[ \t]+(?:morning|afternoon|evening|night)|at[ \t]+night)"
    rf"|{_HOUR_WORD}[ -]{_MINUTE_WORD}"
    rf"|(?:(?:a[ \t]+)?quarter|half|five|ten|twenty(?:[ -]five)?)[ \t]+(?:past|to|after)[ \t]+"
    rf"{_HOUR_WORD}"
    rf"|half[ \t]+{_HOUR_WORD}"
    # "fourteen hundred twenty": the minutes may follow the hundred.
    rf"|{_ZERO_WORD}[ -]?{_ORDINAL_TENS}[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?{_MINUTE_WORD})?"
    rf"(?:[ \t]+hours)?"
    rf"|{_ZERO_WORD}[ -]{_ORDINAL_TENS}[ -](?:{_MINUTE_WORD}|{_ZERO_WORD}[ -]{_ORDINAL_TENS})"
    rf"|(?:{_TEEN}|twenty(?:[ -](?:one|two|three))?)[ -]{_MINUTE_WORD}"
    rf"|(?:{_TEEN}|twenty(?:[ -](?:one|two|three))?)[ \t]+hundred"
    rf"(?:[ \t]+(?:and[ \t]+)?{_MINUTE_WORD})?(?:[ \t]+hours)?)"
)
# After a key ("id number", "folder number") four digits said as words are enough.
# The spelling alphabet: "mike four four seven ...", "trauma yankee ...".
_NATO = (
    r"alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|lima|"
    r"mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|x-?ray|yankee|"
    r"zulu"
)
# Letters may stand between the digits ("one e g four t e five m k seven two", a Medicare
# number) or before them with a dash ("q a dash two four dash zero three one nine").
_SPOKEN_KEYED_ID = (
    rf"(?:(?:[a-z]|{_NATO})[ \t]+(?:dash[ \t]+)?){{0,6}}{_DIGIT_WORD}"
    rf"(?:{_DIGIT_SEP}(?:{_DIGIT_WORD}|[a-z](?![\w'’]))){{3,}}\b"
    # "r five four three two one nine open bracket three close bracket": a Hong Kong id's check.
    rf"(?:[ \t]+open[ \t]+(?:bracket|parenthesis)[ \t]+(?:{_DIGIT_WORD}|[a-z])[ \t]+close[ \t]+"
    rf"(?:bracket|parenthesis)\b)?"
)
# Digits said in pairs and singly, with at least one pair ("forty eight zero nine eleven two
# two three four five"): a Belgian national number or a phone read as French speakers read them.
_PAIR_WORD = rf"(?:{_TENS}(?:[ -]{_ORDINAL_TENS})?|{_TEEN}|{_DIGIT_WORD})\b"
_SPOKEN_PAIRS = (
    rf"(?=(?:{_DIGIT_WORD}[ \t,-]+)*(?:{_TENS}|{_TEEN})\b)"
    rf"{_PAIR_WORD}(?:[ \t,-]+{_PAIR_WORD}){{3,15}}+"
)
# Numbers of a date said aloud after a date cue (month, day, then a year of two or four).
_DATE_CUE = (
    r"(?:date(?:[ \t]+of[ \t]+(?:service|birth|exam|examination|injury|study|procedure))?|"
    r"dated|d[ \t]o[ \t]b|dob|birth[ \t]+date|born|birthday)"
)
_SPOKEN_MONTH_NUMBER = rf"(?:{_ZERO_WORD}[ \t]+)?{_HOUR_WORD}"
_SPOKEN_DAY_NUMBER = (
    rf"(?:{_ZERO_WORD}[ \t]+{_ORDINAL_TENS}|(?:one|two)[ \t]+{_DIGIT_WORD}|"
    rf"three[ \t]+(?:zero|one)|{_DAY_NUMBER})"
)
_SPOKEN_YEAR_NUMBER = (
    rf"(?:{_SPOKEN_YEAR}|{_TENS}(?:[ -]{_ORDINAL_TENS})?|{_ZERO_WORD}[ \t]+{_ORDINAL_TENS}|"
    rf"{_DIGIT_WORD}[ \t]+{_DIGIT_WORD}(?:[ \t]+{_DIGIT_WORD}[ \t]+{_DIGIT_WORD})?)"
)
_SPOKEN_DATE_SEP = r"[ \t]+(?:slash|dash)[ \t]+"
# Before the year of a date said aloud: a comma, written or spoken ("the fourth comma twenty").
_YEAR_SEP = r"(?:,?[ \t]+|[ \t]+(?i:comma)[ \t]+)"
# Months of sites abroad that English lacks, in full: Indonesian and Malay, Portuguese, Spanish
# ("mayo" is also the clinic), Italian, Dutch, German and Turkish ("Mac", "Mart" and "Mayo" are
# left out: a complex, a name and a clinic).
_INTL_MONTH = (
    r"(?:januari|februari|maret|mei|juni|juli|agustus|oktober|desember|julai|ogos|disember|"
    r"janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"enero|febrero|marzo|abril|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    r"diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|maart|"
    r"augustus|januar|februar|m[äa]rz|dezember|ocak|[şs]ubat|nisan|may[ıi]s|haziran|temmuz|"
    r"a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k|"
    # Azerbaijani (and Uzbek, Kazakh in Latin letters) months.
    r"yanvar|fevral|aprel|iyun|iyul|avqust|avgust|sentyabr|oktyabr|noyabr|dekabr)"
)
# The words of the text index that those months hold: the index splits a word at a letter
# outside ASCII, so "março" is found as "mar", "Ağustos" as "ustos", "Kasım" as "kas".
_INTL_MONTH_WORDS = frozenset(
    """januari februari maret mei juni juli agustus oktober desember julai ogos disember janeiro
    fevereiro marco maio junho julho setembro outubro novembro dezembro enero febrero marzo abril
    junio julio agosto septiembre setiembre octubre noviembre diciembre gennaio febbraio aprile
    maggio giugno luglio settembre ottobre dicembre maart augustus januar februar marz maerz
    dezember ocak subat nisan mayis haziran temmuz agustos eylul ekim kasim aralik mar rz ubat may
    ustos eyl kas aral yanvar fevral aprel iyun iyul avqust avgust sentyabr oktyabr noyabr
    dekabr""".split()
)
# Spanish dates and numbers said aloud at bilingual sites.
_ES_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)"
)
_ES_DIGIT = r"(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
_PT_DIGIT = r"(?:zero|um|uma|dois|duas|tr[eê]s|quatro|cinco|seis|sete|oito|nove)"
_PT_UNIT = r"(?:um|uma|dois|duas|tr[eê]s|quatro|cinco|seis|sete|oito|nove)"
_PT_NUMBER = (
    rf"(?:(?:vinte|trinta)(?:[ \t]+e[ \t]+{_PT_UNIT})?|{_PT_UNIT}|primeiro|dez|onze|doze|treze|"
    r"catorze|quatorze|quinze|dez[ae]sseis|dez[ae]ssete|dezoito|dez[ae]nove)"
)
_PT_MONTH = (
    r"(?:janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|"
    r"dezembro)"
)
_ES_DAY = (
    rf"\d{{1,2}}|primero|{_ES_DIGIT}|diez|once|doce|trece|catorce|quince|diecis[eé]is|diecisiete|"
    r"dieciocho|diecinueve|veinte|veinti\w+|treinta(?:[ \t]+y[ \t]+uno)?"
)
_ES_YEAR = (
    r"(?:dos[ \t]+mil|mil[ \t]+novecientos)(?:[ \t]+(?:y[ \t]+)?(?:uno|dos|tres|cuatro|cinco|seis|"
    r"siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci\w+|veinte|veinti\w+|treinta|"
    r"cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)){0,2}"
)
# A Spanish cardinal's words ("treinta", "cuatrocientos", "mil", "millones").
_ES_CARDINAL = (
    r"(?:un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|"
    r"quince|dieci[a-zé]+|veinte|veinti[a-zéó]+|treinta|cuarenta|cincuenta|sesenta|setenta|"
    r"ochenta|noventa|cien|ciento|quinient[oa]s|[a-z]+cient[oa]s|mil|mill[oó]n|millones)"
)
_ES_THOUSANDS = re.compile(r"(?i)\b(?:mil|mill[oó]n|millones)\b")
_PART_OF_DAY_ES = re.compile(r"(?i)\bde[ \t]+la[ \t]+(?:mañana|tarde|noche|madrugada)\b")
_ES_HOUR = (
    r"(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
    r"diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|veintiuna?|veintid[oó]s|veintitr[eé]s)"
)
_ES_MINUTE = (
    r"(?:(?:y[ \t]+)?(?:media|cuarto)|(?:y[ \t]+)?(?:cinco|diez|quince|veinte|veinticinco|treinta|"
    r"cuarenta|cincuenta)(?:[ \t]+y[ \t]+(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?)"
)
# French dates, times and numbers said aloud at Quebec sites ("quinze avril deux mille
# vingt-quatre", "quatorze heures dix", "deux trois quatre cinq six").
_FR_MONTH = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre)"
)
# The tokens (ASCII letters) a French month word begins with, for the date rule's `needs`.
_FR_MONTH_TOKENS = frozenset(
    "janvier fevrier f mars avril mai juin juillet aout ao septembre octobre novembre decembre "
    "d".split()
)
_FR_DIGIT = r"(?:z[ée]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf)"
_FR_TEEN = r"(?:dix(?:-sept|-huit|-neuf)?|onze|douze|treize|quatorze|quinze|seize)"
# 1 to 99 in words: "vingt-quatre", "trente et un", "quatre-vingt-dix-neuf".
_FR_NUMBER = (
    rf"(?:(?:vingt|trente|quarante|cinquante|soixante|quatre-vingts?)"
    rf"(?:[ -]et[ -](?:un|onze)|-(?:{_FR_TEEN}|{_FR_DIGIT}))?|{_FR_TEEN}|{_FR_DIGIT})"
)
_FR_DAY = rf"(?:premier|1er|\d{{1,2}}|{_FR_NUMBER})"
_FR_YEAR = rf"(?:deux[ -]mille(?:[ -]{_FR_NUMBER})?|mille[ -]neuf[ -]cents?(?:[ -]{_FR_NUMBER})?)"
# German and Italian dates, times and ages said aloud at sites with speech recognition
# ("dritten März neunzehnhundertzweiunddreißig", "sieben Uhr fünfzehn", "zweiundneunzig Jahre",
# "quattordici luglio millenovecentosessantatré").
_DE_UNIT = r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)"
_DE_ORDINAL = (
    rf"(?:(?:ers|zwei|drit|vier|fünf|sechs|sieb(?:en)?|ach|neun|zehn|elf|zwölf|"
    rf"(?:drei|vier|fünf|sech|sieb|acht|neun)zehn)te|(?:{_DE_UNIT}und)?zwanzigste|"
    rf"(?:einund)?drei(?:ß|ss)igste)[nrs]?"
)
_DE_MONTH = (
    r"(?:januar|jänner|februar|feber|märz|maerz|april|mai|juni|juli|august|september|oktober|"
    r"november|dezember)"
)
_DE_YEAR = r"(?:neunzehnhundert|zweitausend)[a-zäöüß]*"
_DE_NUMBER = (
    rf"(?:null|eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
    rf"(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|(?:{_DE_UNIT}und)?"
    rf"(?:zwanzig|drei(?:ß|ss)ig|vierzig|fünfzig))"
)
_IT_NUMBER = (
    r"(?:uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|"
    r"quattordici|quindici|sedici|diciassette|diciotto|diciannove|"
    r"(?:venti|trenta|quaranta|cinquanta)(?:uno|due|tr[eéè]|quattro|cinque|sei|sette|nove)?|"
    r"vent|trent|quarant|cinquant)(?:otto|uno)?"
)
_IT_MONTH = (
    r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
    r"dicembre)"
)
_IT_YEAR = r"(?:mille(?:novecento|ottocento)|duemila)[a-zàèéìòù]*"
# The index's words of those: it splits a word at a letter outside ASCII, so the longest ASCII
# part stands for it ("fünfundneunzig" is "nfundneunzig", "novantatré" is "novantatr").
_AGE_WORDS_ABROAD = frozenset(
    max(re.findall("[a-z0-9]+", word), key=len)
    for word in ["neunzig", "hundert", "cento", "noventa", "vingt", "novanta", "novantuno"]
    + ["novantotto"]
    + [u + "undneunzig" for u in "ein zwei drei vier fünf sechs sieben acht neun".split()]
    + ["hundert" + u for u in "ein eins zwei drei vier fünf sechs sieben acht neun".split()]
    + ["novanta" + u for u in "due tré tre quattro cinque sei sette nove".split()]
)
# Ages of 90 and over as the languages of those sites say them, before their word for years.
_AGE_WORD_ABROAD = (
    rf"(?:(?:{_DE_UNIT}und)?neunzig|hundert(?:{_DE_UNIT}|und{_DE_UNIT})?|"
    r"novant(?:a|uno|otto|adue|atr[eé]|aquattro|acinque|asei|asette|anove)|cento|"
    # "noventa y un años", Portuguese "noventa e três anos".
    r"noventa(?:[ \t]+[ye][ \t]+(?:uno|un|um|dos|dois|tres|tr[eê]s|cuatro|quatro|cinco|seis|"
    r"siete|sete|ocho|oito|nueve|nove))?|"
    r"quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf))"
)
# Hijri months, for dates at Gulf sites ("14 Rajab 1445", "fourteenth of rajab fourteen forty
# four").
_HIJRI_MONTH = (
    r"(?:muharram|safar|rabi['’ʿ]?[ -]?(?:al|ul)[ -]?(?:awwal|thani|akhir)|"
    r"jumad[ai][ -]?(?:al|ul)[ -]?(?:awwal|ula|thani|akhirah?)|rajab|sha['’]?ban|"
    r"rama[dz]h?an|shawwal|dhu[ -]?al[ -]?(?:qa['’]?dah|qi['’]?dah|hijjah))"
)
_HIJRI_YEAR = (
    rf"(?:1[34]\d\d|fourteen[ \t]+(?:{_TENS}(?:[ -]{_ORDINAL_TENS})?|{_TEEN}|oh[ \t]+"
    rf"{_ORDINAL_TENS})|thirteen[ \t]+(?:{_TENS}(?:[ -]{_ORDINAL_TENS})?|{_TEEN}))"
)
# Words the spoken forms need: a month, a number said as a word, "dot" of an address.
_MONTH_WORDS = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december""".split()
)
_NUMBER_WORDS = frozenset(
    """zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty quarter half""".split()
)
_AGE_WORDS = frozenset("ninety hundred nonagenarian centenarian nineties 90s".split())
_WORD_START = re.compile(r"\b[^\W\d_]")
_CAPITAL_START = re.compile(rf"\b[{_UP}]")


def _speech_text(text: str) -> bool:
    """Text as front-end speech recognition writes it: almost no capitals, so names come in
    lower case too ("patient is amara chukwuemeka"). The lower-case name rules only run here."""
    global _speech_last
    last = _speech_last  # one read: another thread may replace it meanwhile
    if last[0] is text:
        return last[1]
    speech = len(_CAPITAL_START.findall(text)) * 10 <= len(_WORD_START.findall(text))
    _speech_last = (text, speech)
    return speech


# The last text asked about and the answer: several rules' preconditions ask.
_speech_last: tuple[str | None, bool] = (None, False)


_DIGIT_WORDS_SET = frozenset(
    "zero oh nought one two three four five six seven eight nine double triple".split()
)
_HAS_SLASH_DATE = re.compile(r"\d/\d")
_HAS_SPOKEN_DATE = re.compile(
    r"(?i)\b(?:nineteen|twenty|thousand)\b|\d[ \t]\d\d?[ \t](?:19|20)\d\d"
)
# "4 25 this afternoon", "fourteen twenty hours": what a spoken time may end with.
_TIME_OF_DAY = (
    r"(?:[ \t]+(?i:this[ \t]+(?:morning|afternoon|evening)|tonight|"
    r"in[ \t]+the[ \t]+(?:morning|afternoon|evening)|hours|hrs))?"
)
_CARDINAL_WORD = rf"(?:{_DIGIT_WORD}|{_TEEN}|{_TENS}|hundred|thousand|million|and)"
# Spelled letters before an id ("c t a four four seven ..."), then digits one by one
# ("7 7 0 4 1 2 9") or as words ("four four eight one two").
_MIXED_SEP = r"[ \t]+(?:dash[ \t]+)?"
_SPACED_ID = (
    # Letters may be joined to the digits by a spoken dash and follow them after one ("x r
    # dash 5 5 0 3 ...", "9 9 1 2 0 4 8 8 dash c t a").
    rf"(?:(?:(?:[a-z]|{_NATO})[ \t]){{0,6}}(?:(?<=[a-z][ \t])dash[ \t]+)?"
    # Speech recognition writes some digits of one number as digits and some as words ("3 3 0
    # eight 1 2 5", "44 seven 1 nine", "u s dash two zero two six dash 0 0 9 9"): a run of
    # single digits (or pairs) in either form, at least one of each, maybe with spoken dashes.
    # Each digit word must end as a word: "one" is not "o" and "ne".
    rf"(?:(?=(?:\d\d?{_MIXED_SEP})+{_DIGIT_WORD}\b|(?:{_DIGIT_WORD}{_MIXED_SEP})+\d)"
    rf"(?:\d\d?|{_DIGIT_WORD})\b(?:{_MIXED_SEP}(?:\d\d?|{_DIGIT_WORD})\b){{4,15}}+"
    rf"(?![ \t]*\d)"
    # "m r a dash four four three two": spelled letters and a spoken dash before four digits.
    rf"|(?<=[a-z][ \t])dash[ \t]+{_DIGIT_WORD}(?:[ \t]+{_DIGIT_WORD}){{3,}}"
    rf"|\d(?:(?:[ \t]|[ \t]+(?:dash|slash)[ \t]+)\d){{4,}}"
    rf"(?:[ \t]+dash(?:[ \t]+[a-z](?![\w'’])){{1,4}})?"
    rf"|(?:slash[ \t]+)?{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD}){{4,}}"
    # "four million seven hundred twelve thousand three hundred eighty eight"
    rf"|(?:{_CARDINAL_WORD}[ \t]+)*(?:million|thousand)(?:[ \t]+{_CARDINAL_WORD})+)"
    # "z b n seven seven one two": three letters and four digits (a New Zealand NHI), the
    # letters maybe in the spelling alphabet and two digits maybe said as one ("kilo lima mike
    # eight one double two").
    rf"|(?:(?:[a-z]|{_NATO})[ \t]){{3}}{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD}){{2,3}})\b"
)
# What ends a spoken time or a bare ordinal day: punctuation, a spoken "period", or a word that
# cannot be a unit ("at 4 20 period", "on the 12th, ...").
_SPOKEN_END = (
    r"(?=[ \t]*(?:$|[.,;:)\n]|(?i:period|comma|full\s+stop|new\s+(?:line|paragraph)|"
    r"today|tonight|this|on|with|to|by|hours?|hrs)\b))"
)


def _initials(alternation: str) -> str:
    """A lookahead for the first letters of an alternation of words, in either case: the
    case-insensitive alternation is then only tried where one of its words can start."""
    letters = set(re.findall(r"(?:^|\||\(\?:)([A-Za-z])", alternation))
    return "(?=[" + "".join(sorted(letters | {c.swapcase() for c in letters})) + "])"


class _Rule(NamedTuple):
    category: str
    pattern: re.Pattern
    group: str | int
    # False drops the match; a (start, end) pair narrows it ("PA [Chest] view" keeps nothing).
    keep: Callable[[re.Match], bool | tuple[int, int] | None] | None = None
    # What the text must hold before the rule is tried at all (one of these words, a match of
    # this cheap pattern, or a test of the whole text): the spoken forms' long alternations only
    # run where they can match.
    needs: frozenset[str] | re.Pattern | Callable[[str], bool] | None = None
    # The words a match can begin with (read from the pattern): absent all, the rule is skipped.
    leads: Leads | None = None
    # A name rule that must see capitals as written, not the shadow text's names.
    raw: bool = False


def _rule(
    category: str,
    pattern: str,
    group: str | int = 0,
    flags: int = 0,
    keep=None,
    needs: frozenset[str] | re.Pattern | Callable[[str], bool] | None = None,
    raw: bool = False,
) -> _Rule:
    compiled = re.compile(pattern, flags)
    return _Rule(category, compiled, group, keep, needs, lead_words(compiled), raw)


# Words that number images, series, slices and other things with zero-padded digits.
_NUMBERED_BEFORE = re.compile(
    r"(?i)\b(?:image|images|img|im|series|se|slice|slices|frame|seq|sequence|no|nr|number|lot|"
    r"batch|code|ref|page|room|bed|bay|level|ext|x)\.?[ \t#:]*$"
)
# After a four-digit time no unit follows ("at 0231 by Dr. Greene" is a time, "2330 by 4" not).
_NOT_A_SIZE_AFTER = rf"(?!\s*(?!(?:by|x)\b){_UNITS}\b)(?!\s*(?:by|x)\s*\d)"
_DIGIT_WORDS = re.compile(
    r"(?i)\b(?:(double|triple)[ \t]+)?(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|"
    r"nine)\b"
)
_REPEATS = {"double": 2, "triple": 3}


def _digit_count(text: str) -> int:
    """Digits written as digits or said as words ("four four one two", "double oh" is two)."""
    said = sum(
        _REPEATS.get(m.group(1).lower(), 1) if m.group(1) else 1
        for m in _DIGIT_WORDS.finditer(text)
    )
    return sum(c.isdigit() for c in text) + said


# Numbers said two digits at a time ("forty eight zero nine eleven ...", "sixty one forty five
# twelve eighty"), as French-speaking and Belgian speakers read national numbers and phones: a
# ten or a teen stands for two digits, a ten and a unit for two.
_PAIR_WORDS = re.compile(
    r"(?i)\b(?:(?P<t>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|"
    r"four|five|six|seven|eight|nine)\b)?|(?P<n>ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen))\b"
)


def _pair_digit_count(text: str) -> int:
    """Digits of a number said partly in pairs ("forty eight zero nine" is four)."""
    pairs = list(_PAIR_WORDS.finditer(text))
    return _digit_count(_PAIR_WORDS.sub(" ", text)) + 2 * len(pairs)


# Pagers, bleeps and extensions may have three digits ("bleep 334").
_SHORT_NUMBER_KEYS = frozenset(
    """pager page beeper bleep ext extension téléavertisseur teleavertisseur wew wewn sein bip
    bipper durchwahl klappe nebenstelle interno int anexo ramal toestel locator busca
    dahili""".split()
)


# A phone number just before ("... two two six zero extension thirty one", "... 2260 ext 31").
_NUMBER_BEFORE = re.compile(
    r"(?i)(?:\d|\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine))[ \t,]*$"
)


# A unit right after a number makes it a size, not a phone ("040 555 01 23 mm").
# The unit ends its word on the number's line ("... 4-6620\nLocal accession" is no litre).
_SIZE_AFTER = re.compile(rf"[ \t]*{_UNITS}(?!\w)")


def _keyed_phone(match: re.Match) -> tuple[int, int] | None:
    """A number after a phone key, three digits for pagers and extensions, four or more else,
    not a size; "area code" is part of the number said after it."""
    key = match.group("k").lower()
    short = key in _SHORT_NUMBER_KEYS or key.startswith("paged") or match.group("x")
    minimum = 3 if short else 4
    if _digit_count(match.group("v")) < minimum:
        return None
    if _SIZE_AFTER.match(match.string, match.end("v")):
        return None
    start = match.start("k") if key.startswith("area") else match.start("v")
    return start, match.end("v")


def _with_glued_key(match: re.Match) -> tuple[int, int]:
    """The id, with its key when the two are written as one word ("MRN0048821", "ACC88213407"):
    the word is the identifier."""
    start = match.start("v")
    if start > 0 and match.string[start - 1].isalnum():
        return match.start(), match.end("v")
    return start, match.end("v")


# Keys and degrees that head columns and fields ("Priority,Accession,MRN,Patient,DOB",
# "Venkataraman, MD, NPI 1639284751"): beside a comma they are never a surname or given name.
_COLUMN_KEYS = frozenset("mrn dob acc npi ssn csn fin dea md phd mbbs rn np patient".split())
# Numbered things in a report that are not identifiers ("Series No: 4012").
_NOT_ID_FIELDS = frozenset(
    """series image img slice frame view level page figure table sequence phase station segment
    item question step option line version cycle dose fraction lesion nodule target pass core
    run acquisition""".split()
)
_FIELD_WORD_BEFORE = re.compile(r"(\w+)\.?[ \t]*$")


def _numbered_field(match: re.Match) -> bool:
    """A header field "<word> No: <id>" with an id of four digits, or three and a letter, whose
    word is not a numbered part of the study ("Series No", "Image No")."""
    value = match.group("v")
    digits = _digit_count(value)
    if digits < 3 or (digits == 3 and not any(c.isalpha() for c in value)):
        return False
    before = _FIELD_WORD_BEFORE.search(match.string, max(0, match.start() - 30), match.start())
    return not before or before.group(1).lower() not in _NOT_ID_FIELDS


def _enough_digits(minimum: int):
    return lambda match: sum(c.isdigit() for c in match.group(0)) >= minimum


# A DICOM JSON attribute's tag ("00080020": {"vr": "DA", ...}) and a CPT code with its
# modifier ("CPT 70553-26") name what a value is, not whose.
_DICOM_JSON_KEY = re.compile(r'"\s*:\s*\{\s*"vr"')
_CPT_BEFORE = re.compile(r"\bCPT[ \t#:]*$")


# "DCF-00877", "REL-55821": capitals, a dash and five digits name a form or a case.
_PREFIXED_FIVE = re.compile(r"#?(?!CPT|ICD)[A-Z]{2,5}-\d{5}")


def _long_id(match: re.Match) -> bool:
    """Six digits or more (five after a prefix of capitals), unless a DICOM JSON tag or a CPT
    code."""
    text, start = match.string, match.start()
    if text[start - 1 : start] == '"' and _DICOM_JSON_KEY.match(text, match.end()):
        return False
    if _CPT_BEFORE.search(text, max(0, start - 8), start):
        return False
    digits = sum(c.isdigit() for c in match.group(0))
    return digits >= 6 or (digits == 5 and bool(_PREFIXED_FIVE.fullmatch(match.group(0))))


# Particles of surnames in any case ("van der Berg", "De La Cruz", "Al-Hassan" is one word).
_PARTICLE_ANY = (
    r"(?:[Vv]an|[Vv]on|[Dd]er|[Dd]en|[Dd]e|[Dd]el|[Dd]ella|[Dd]i|[Dd]a|[Dd]u|[Dd]os|[Dd]as|[Tt]e|"
    r"N[ií]|Nic|[OÓ]|Ua|"
    r"[Ll]a|[Ll]e|[Tt]er|[Tt]en|[Dd]elos|[Dd]ela|[Bb]in|[Bb]inti|[Bb]int|[Bb]te|ap|[Ii]bn|"
    r"[Aa]bu|[Aa]l|"
    r"[Ee]l|St\.?|arap|af|['’]t|ben|bat|dze|asuli|ferch|verch|ab|"
    r"Ste\.?|[Ll]os|[Ll]as|[Ss]/[Oo]|[Dd]/[Oo]|[Aa]/[Ll]|[Aa]/[Pp])"
)
_PARTICLE_WORDS = frozenset(
    "van von der den de del della di da du dos das la le ter ten te dela delos bin binti bint "
    "bte ap "
    "ibn abu al arap af ben bat dze asuli "
    "el st ste los las "
    "ní ni nic ó ua ferch verch".split()
)
# The records and billing offices that sign after a name ("Released by Ann Roe, HIM, 3/14/26"):
# health information management, release of information, utilisation management, clinical
# documentation integrity, patient financial services.
_OFFICE_UNITS = frozenset("HIM ROI UM CDI PFS".split())
# Words of roles and services: beside a name they are context, never part of it.
_ROLE_WORDS = frozenset(
    """physician provider doctor clinician surgeon resident fellow nurse np pa rn radiologist
    hospitalist intensivist oncologist urologist cardiologist neurologist technologist tech
    sonographer pcp attending registrar consultant midwife therapist pharmacist coordinator
    navigator interpreter chaplain worker member detective officer practitioner assistant
    manager charge scribe student intern staff team service ortho neuro gyn obgyn ent gi ir
    icu micu sicu picu nicu ccu pacu ems er ed or float bey hanım hanim physio physiotherapist
    athlete player agent carer caregiver coach trainer adjuster scheduler receptionist gynae
    gynaecology gynecology obstetrics obs paeds peds pgy colorectal vascular thoracic
    hepatobiliary surg neurosurg onc coder biller abstractor auditor reviewer editor
    transcriptionist proofreader requester requestor""".split()
)
# Languages an interpreter speaks: "Dariush Karimi (Farsi)" names the language, not a nickname.
_LANGUAGES = frozenset(
    """arabic farsi persian dari pashto urdu hindi punjabi bengali gujarati tamil telugu nepali
    spanish portuguese french italian german russian ukrainian polish romanian albanian greek
    turkish kurdish armenian hebrew yiddish somali amharic tigrinya oromo swahili yoruba igbo hausa
    mandarin cantonese vietnamese korean japanese tagalog ilocano thai khmer lao hmong burmese
    karen haitian creole asl bsl""".split()
)
_SPAN_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")


# "fraser gilchrist that's golf india ...": a contraction said before a spelling ends the name.
_SAID_BEFORE_SPELLING = frozenset("that it this here there".split())


def _contraction_said(word: str) -> bool:
    """ "that's", "it's": the name said before it has ended."""
    plain = word.lower()
    return plain[-2:] in ("'s", "’s") and plain[:-2] in _SAID_BEFORE_SPELLING


# Chile's RUT and RUN are keys when said in lower case or written in capitals; "Rut" and "Run"
# are given names ("Rut Fernández", "Run Li").
_CASED_KEYS = frozenset("rut RUT run RUN".split())


def _not_name_part(word: str) -> bool:
    """A role, header, clinical or common English word that a name span should not end with
    ("Brendan Gallagher, [Esq]")."""
    if word in _CASED_KEYS:
        return True
    plain = word.lower()
    if plain in _PARTICLE_WORDS or len(plain) < 2:
        return False
    return (
        plain in _ROLE_WORDS
        or plain in _HEADER_NOT_PART
        or plain in _DICTATION_COMMANDS
        or namebook.is_plain_word(plain)
    )


_COMMA_GIVEN = re.compile(rf",[ \t]*(?P<g>{_CAP_WORD})(?:[ \t]+[{_UP}]\b\.?)?")


# Titles written in full: a full stop after one ends a sentence ("... Assistant Professor.
# Contact NICU"), it abbreviates nothing.
_FULL_TITLES = frozenset(
    """doctor professor nurse sister officer detective deputy trooper pastor reverend rabbi imam
    mister missus madam madame monsieur mademoiselle master""".split()
)
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
# A role between a title and the name ("Nurse Practitioner Reyes"); short ones ("Ed", "Gi")
# are given names too.
_ROLE_AT = re.compile(
    rf"(?i)(?:(?:{'|'.join(sorted(w for w in _ROLE_WORDS if len(w) > 4))})[ \t]+)+(?=[^\W\d_])"
)
# After a title and a name of two words or more, the word that ends the line is the surname
# even when it is also an English word ("Dr. Prakash Raj Pant").
_LINE_ENDS = re.compile(r"[ \t]*(?:$|\n|[,;|])")


# Three spaces or a tab part the columns of a form.
_COLUMN_GAP = re.compile(r"\t|[ ]{3}")


def _after_title(match: re.Match) -> tuple[int, int] | None:
    """The name after a title, ordinary words after it trimmed; "Mr"/"Ms" before a clinical
    word is a modality or a disease ("MR Brain", "Ms Follow-Up"), "Master" before one a file;
    a common word before a role is part of the role ("NURSE CASE MANAGER")."""
    title = match.group("t").lower()
    if title in _FULL_TITLES and match.string[match.end("t") : match.end("t") + 1] == ".":
        return None
    if match.group("t") == "MR" and match.group("v").isupper():
        return None  # "CT, MR ENTEROGRAPHY": only names the shadow text wrote as names
    if _COLUMN_GAP.search(match.string, match.end("t"), match.start("v")) and _RANK_ONLY.fullmatch(
        match.group("t")
    ):
        return None  # "RANK: 1LT    DOD ID: ...": the rank is a field's value, the next column
    kept = _trimmed(match, lead=False)
    role = _ROLE_AT.match(match.string, *kept) if kept else None
    if role:
        kept = role.end(), kept[1]  # "Nurse [Practitioner] Reyes": the role, then the name
    if kept and title in ("mr", "ms", "master"):
        first = _SPAN_WORD.match(match.string, kept[0])
        if first and any(namebook.is_clinical(p) for p in re.split(r"[-‐]", first.group())):
            return None
        if title == "master" and not (first and _could_be_name(first.group())):
            return None
    if kept:
        words = _SPAN_WORD.findall(match.string, *kept)
        after = _NEXT_WORD.match(match.string, kept[1])
        if after and after.group(1).lower() in _ROLE_WORDS:
            if len(words) == 1 and namebook.is_common(words[0]):
                return None
        elif after and after.end() == match.end("v") and len(words) >= 2:
            if _line_end_surname(after.group(1)) and _LINE_ENDS.match(match.string, after.end()):
                kept = kept[0], after.end()
    given = _COMMA_GIVEN.match(match.string, kept[1]) if kept else None
    if given and given.group("g").lower() not in _NOT_PART:
        # "SGT Dominguez, Rafael A.": the surname, then a listed given name after the comma.
        if namebook.is_ever_given(given.group("g")) and not namebook.is_clinical(given.group("g")):
            return kept[0], given.end()
    return kept


def _line_end_surname(word: str) -> bool:
    """A word that may end a name as its surname: not clinical, a role or a header word, and
    not common in English."""
    plain = word.lower()
    if plain in _NOT_PART or namebook.is_clinical(plain) or namebook.is_eponym(plain):
        return False
    return not namebook.is_common(plain)


def _header_name(match: re.Match) -> tuple[int, int] | None:
    """The name in a message's header line, without a role before it ("To: Adjuster Quentin
    Rich"); a single word only if it can be a name ("To: Imaging Records" is a desk)."""
    kept = _no_plain_words(match, lead=True)
    words = _SPAN_WORD.findall(match.string, *kept) if kept else []
    if len(words) == 1 and not _could_be_name(words[0]):
        return None
    return kept


_PATIENT_BEFORE = re.compile(r"(?i)\b(?:patient|pt|name)[ \t,:]*$")


_ROLE_ABBREVIATION = re.compile(r"(?:RAN|AHW|MRT|CNS|reg)\b")


def _after_role(match: re.Match) -> tuple[int, int] | None:
    """The name after a role noun ("sonographer Brooke Ashford"), not a clinical word alone
    after an ambiguous role ("PA VIEW"); in lower case as after a title ("dosimetrist crystal
    lane"), and "md" after a patient cue abbreviates Muhammad ("patient md rafiqul islam")."""
    if (
        _ROLE_ABBREVIATION.match(match.group())
        and match.group("v")
        and not namebook.is_ever_given(_SPAN_WORD.match(match.group("v")).group())
    ):
        return None  # "MRT Knie": German for an MRI; the abbreviations only before a given name
    if match.group("v"):
        return _trimmed(
            match,
            lambda w: _could_be_name(w) and not namebook.is_clinical(w)
            # "Radiographer comment:": a header word after the role, no one's name
            and w.lower() not in _HEADER_NOT_PART,
        )
    kept = _lower_name(match, group="lv", after_title=True)
    if kept and match.group()[:2] == "md":
        if _PATIENT_BEFORE.search(match.string, max(0, match.start() - 12), match.start()):
            return match.start(), kept[1]
    return kept


def _after_muhammad(match: re.Match) -> tuple[int, int] | None:
    """ "Md. Abul Kalam": the abbreviation and the names after it, if the first of them can
    be a name."""
    kept = _trimmed(match, lead=False)
    words = list(_SPAN_WORD.finditer(match.string, *kept)) if kept else []
    if len(words) < 2 or not _could_be_name(words[1].group()):
        return None
    return kept


# A team after a single word, or its service with the doctor named in brackets ("Darwin
# trauma (Dr Hartnett)"): the word is the town or hospital the team is at.
_TEAM_AFTER = re.compile(
    rf"[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?:team|service)\b"
    rf"|[ \t]+{_UNIT}[ \t]*\((?:Drs?|Mr|Mrs|Ms|Prof)\b"
)


def _after_verb(match: re.Match) -> tuple[int, int] | None:
    """The name after "discussed with", "referred by"...: "Young, Daniel" whole when its
    second part is a name too, else the part before the comma ("Brown, [Chest radiograph]")."""
    if not match.group("v"):
        return _lower_name(match, unknown_ok=False, group="lv") or _lower_given_at_work(match)
    if namebook.is_criteria(match.group("v").split()[0]):
        return None  # "per Fleischner Society 2017 guidelines"
    if (
        " " not in match.group("v")
        and not _TITLE_JUST_BEFORE.search(
            match.string, max(0, match.start("v") - 12), match.start("v")
        )
        and _TEAM_AFTER.match(match.string, match.end("v"))
    ):
        return None  # "discussed with Townsville stroke team": the town of a team
    whole = _no_plain_words(match)
    if whole or not match.group("c"):
        return whole
    return _no_plain_words(match, end=match.start("c"))


def _no_plain_words(
    match: re.Match, end: int | None = None, lead: bool = False
) -> tuple[int, int] | None:
    """The name trimmed of ordinary words at its ends (of roles before it too when `lead`), if
    no word inside is clinical or common English ("Patient Intubated", "Whole-Body Bone Scan,
    3 hours" are not names)."""
    if _INSTITUTION_WORD.search(match.string, match.start("v"), match.end("v")):
        return None  # "called to Main Street Pharmacy": a place
    kept = _trimmed(match, lead=lead, end=end)
    if kept is None:
        return None
    for word in _SPAN_WORD.findall(match.string, *kept):
        if any(namebook.is_not_name(p) for p in _parts(word) if len(p) > 1):
            return None
        if word.lower() in _HEADER_NOT_PART:
            return None  # "Patient Portal Message"
    return kept


def _caps_staff(match: re.Match) -> tuple[int, int] | None:
    """A name in capitals with no listed word beside it: every word a name as the shadow text
    reads one ("OGUNLEYE"), none an acronym or clinical word ("CT HEAD")."""
    if not all(_caps_level(w) > 0 for w in match.group("v").split()):
        return None
    return _no_plain_words(match)


def _no_clinical_word(match: re.Match) -> bool:
    """True unless a word of the name is radiology vocabulary that no list holds as a name
    ("Upper Quadrant", "Aorta"); ordinary words may be names ("Raylene Marie Two Bulls")."""
    return not any(
        namebook.is_clinical(word) and not namebook.is_ever_name(word)
        for word in _SPAN_WORD.findall(match.string, *match.span("v"))
    )


def _named_after_cue(match: re.Match) -> tuple[int, int] | None:
    """ "Patient Okafor", "mother, Lin Mei"; not the next sentence after "pt." ("pt. Small R
    effusion"): after a full stop a single common word is not a name."""
    kept = _no_plain_words(match)
    if kept and match.string[: match.start("v")].rstrip().endswith("."):
        words = _SPAN_WORD.findall(match.string, *kept)
        if len(words) == 1 and namebook.is_common(words[0]):
            return None
    return kept


def _not_name_lead(word: str) -> bool:
    """A role or clinical word that may stand before a name ("Practitioner", "Chest")."""
    plain = word.lower()
    if len(plain) < 2 or plain in _PARTICLE_WORDS:
        return False
    return plain in _ROLE_WORDS or (
        namebook.is_clinical(plain) and not namebook.is_ever_name(plain)
    )


_VIETNAMESE_SURNAMES = frozenset("Le Lê Do Đỗ".split())
# The short East Asian surnames as written in a header: capitalised or in capitals.
_ASIAN_SHORT_CASED = "(?:{})".format(
    "|".join(sorted({f(w) for w in namebook.ASIAN_SHORT_SURNAMES for f in (str.title, str.upper)}))
)


def _trimmed(
    match: re.Match, single=None, lead: bool = True, end: int | None = None
) -> tuple[int, int] | None:
    """The name in the match without ordinary words after it ("Dr. Young [at bedside]") and,
    when `lead`, without role or clinical words before it ("nurse [practitioner] Smith");
    `single` must accept a name of one word ("nurse [Okafor]" but not "PA [Chest]")."""
    start, end = match.start("v"), match.end("v") if end is None else end
    words = list(_SPAN_WORD.finditer(match.string, start, end))
    for index, word in enumerate(words[1:], 1):
        if _contraction_said(word.group()):
            del words[index:]
            break
    while (
        len(words) > 1
        and _not_name_part(words[-1].group())
        and words[-2].group().lower() not in _PARTICLE_WORDS  # "de Wet", "van Dam"
    ):
        words.pop()
    # A capitalised "Le" or "Do" ending the name is a Vietnamese surname ("Mr. Quang Le").
    while (
        len(words) > 1
        and words[-1].group().lower() in _PARTICLE_WORDS
        and words[-1].group() not in _VIETNAMESE_SURNAMES
    ):
        words.pop()
    while lead and len(words) > 1 and _not_name_lead(words[0].group()):
        words.pop(0)
    if not words:
        return None
    if single is not None and len(words) == 1 and not single(words[0].group()):
        return None
    return words[0].start(), words[-1].end()


def _lower_name(
    match: re.Match,
    unknown_ok: bool = True,
    after_title: bool = False,
    group: str = "v",
    listed_first: bool = False,
) -> tuple[int, int] | None:
    """A lower-case name after a cue ("doctor patel", "nurse de vries"): listed names rare as
    words; words no list knows when `unknown_ok` (not after "discussed with"); a given name
    that is also a word when a surname follows ("hope castellanos"); after a title also a
    surname that is a word ("doctor king", "doctor will black"). With `listed_first` (a weak
    cue such as "patient") the first word must be a listed name."""
    start = match.start(group)
    raw = list(_SPAN_WORD.finditer(match.string, start, match.end(group)))
    words = [
        found
        for index, found in enumerate(raw)
        if (found.group() not in _PARTICLE_WORDS or _vietnamese_part(raw, index))
        and (index == 0 or len(found.group()) > 1)
    ]
    kept_end, first, vouched = None, None, False
    for index, found in enumerate(words):
        word = found.group()
        if kept_end is None and index > 2:
            break
        following = words[index + 1].group() if index + 1 < len(words) else ""
        if index == 0 and _asian_surname_first(word, following, after_title):
            # "doctor an nguyen", "mister ng kwok wai": a short surname that is a word or an
            # acronym, vouched for by the cue and the name after it.
            first, kept_end, vouched = word, found.end(), True
            continue
        if first is not None and word in namebook.VIETNAMESE_MIDDLES and following:
            kept_end, vouched = found.end(), True  # "le van [hung]": the given name follows
            continue
        if word in _ROLE_WORDS or word in _PAIR_STOP or _contraction_said(word):
            break
        if index > 0 and word in _CASED_KEYS:
            break  # "... soto pizarro rut uno dos": the key of the number said next
        if namebook.is_criteria(word) and _GUIDELINE_AFTER.match(match.string, found.end()):
            break  # "per fleischner guidelines": a guideline, not a person
        if first is not None and word in _VERBS_AFTER_NAME and not vouched:
            break
        if index == 0 and word in _MUHAMMAD and namebook.is_lower_name(following):
            first, kept_end = word, found.end()  # "md rafiqul islam"
            continue
        # "patient rose may comma d o b", "patient harold stone m r n": a given name and a
        # surname that are words, closed by the next field of a header said aloud.
        before_field = (
            index == 0
            and bool(following)
            and (
                _surname_before_field(word, following, match.string, words[index + 1].end())
                # "for patient rose hunter" and the line ends: the name is all the cue names.
                or _surname_before_field(
                    word, following, match.string, words[index + 1].end(), _LINE_CLOSES
                )
            )
        )
        if first is None and listed_first and not namebook.is_lower_name(word, False):
            # "leontyne baptiste-charles": a word no list knows, then a listed surname.
            unknown_given = namebook.is_unknown(word) and namebook.is_lower_name(following)
            if not (unknown_given or before_field or _given_before_surname(word, following)):
                break
        common_ok = after_title and (
            first is None or namebook.is_ever_given(first) or namebook.is_lower_name(first)
        )
        if vouched:
            # "grace delacroix": the surname that made the given name before it a name.
            first, kept_end, vouched = first or word, found.end(), False
            continue
        name_ok = (
            namebook.is_lower_name(word, unknown_ok)
            or (common_ok and namebook.is_lower_surname(word))
            or (
                after_title
                and index <= 1
                and (first is None) == (index == 0)
                and _common_surname_after_title(first, word, match.string, found.end())
            )
            # "doctor baker comma": after a title an eponym's surname is the person, unless
            # the eponym's noun follows ("doctor murphy sign" stays the sign).
            or (
                after_title
                and first is None
                and namebook.is_eponym(word)
                and not namebook.is_criteria(word)
                and not _EPONYM_USE_AHEAD.match(match.string, found.end())
            )
        )
        vouched = not name_ok and (
            before_field
            or _given_before_surname(word, following, after_title and first is None)
            # "summer faith rivera", "mary grace o'malley": two given names that are words.
            or (
                index + 2 < len(words)
                and namebook.is_ever_given(word)
                and not namebook.is_clinical(word)
                and _given_before_surname(following, words[index + 2].group())
            )
            # "doctor olumide bakare": after a title, a word no English list holds (a given
            # name the lists lack) before a name.
            or (
                after_title
                and first is None
                and _rare_word(word)
                and namebook.is_lower_name(following)
                and following not in _PAIR_STOP
            )
        )
        # A surname that is a word ends the name: "doctor ellen hill [end] of dictation".
        word_surname = (
            after_title
            and index == 1
            and not (name_ok or vouched)
            and _word_surname_after_title(first, word, match.string, found.end())
        )
        if not (
            name_ok
            or vouched
            or _surname_after_rare_given(first, word, after_title)
            or (index == 1 and _surname_before_field(first, word, match.string, found.end()))
            or word_surname
            # "nurse navigator faith hope period": a surname that is also a word, where the
            # phrase ends after the given name and it.
            or (
                after_title
                and index == 1
                and first is not None
                and _name_word_ending_phrase(word)
                and _PHRASE_END.match(match.string, found.end())
            )
            # "tobenna eze", "henrietta van wyk": a short surname no list knows, after a name.
            or (
                first is not None
                and unknown_ok
                and len(word) == 3
                and _VOWEL.search(word)
                and namebook.is_unknown(word)
            )
        ):
            break
        first = first or word
        kept_end = found.end()
        if word_surname:
            break
    if kept_end is None:
        return None
    if _PARTICLE_NEXT.match(match.string, kept_end):
        # "ana lucía torres de la vega": surnames past the words the cue's pattern reaches.
        kept_end = _more_lower_names(match.string, kept_end, 2)
    if match.string[kept_end - 2 : kept_end] in ("'s", "’s"):
        return start, kept_end - 2  # "doctor buenaventura's resident": the name, not its "'s"
    initial = _LOWER_INITIAL_AT_END.match(match.string, kept_end)
    return start, initial.end() if initial else kept_end


def _vietnamese_part(words: list[re.Match], index: int) -> bool:
    """A particle word that is part of a Vietnamese name: "le" or "do" before a middle name
    ("le van hung"), or "van" between a surname and a given name."""
    word = words[index].group()
    after = words[index + 1].group() if index + 1 < len(words) else ""
    if word in namebook.VIETNAMESE_MIDDLES:
        before = words[index - 1].group() if index else ""
        return bool(before and after) and before in namebook.ASIAN_SHORT_SURNAMES
    return word in namebook.ASIAN_SHORT_SURNAMES and after in namebook.VIETNAMESE_MIDDLES


def _asian_surname_first(word: str, following: str, after_title: bool) -> bool:
    """A short East Asian surname opening a lower-case name after a cue, with a Vietnamese
    middle name or a name after it; one that is also an English word only after a title."""
    if word not in namebook.ASIAN_SHORT_SURNAMES or not following:
        return False
    if following in namebook.VIETNAMESE_MIDDLES:
        return True
    if word in namebook.ASIAN_SURNAMES_THAT_ARE_WORDS and not after_title:
        return False
    if following in _PAIR_STOP or following in _ROLE_WORDS or following in _VERBS_AFTER_NAME:
        return False
    return namebook.is_lower_name(following) and not namebook.is_clinical(following)


def _lower_name_before_key(match: re.Match) -> tuple[int, int] | None:
    """A lower-case name after "patient" whose every word the name rule accepts."""
    kept = _lower_name(match, unknown_ok=False, listed_first=True)
    return kept if kept and kept[1] == match.end("v") else None


def _lower_name_after_initial(match: re.Match) -> tuple[int, int] | None:
    """A lower-case name after a title, with the initial written before it ("dr h. ostrowski")."""
    kept = _lower_name(match, after_title=True)
    if kept and match.group("i"):
        return match.start("i"), kept[1]
    return kept


_PARTICLE_NEXT = re.compile(rf"[ \t]+{_PARTICLE}[ \t]")
# "Md." and "Mohd" abbreviate Muhammad, the first word of a name ("Md. Abul Kalam").
_MUHAMMAD = frozenset({"md", "mohd", "muhd"})
# Verbs that follow a name in speech and are surnames too ("doctor arun prakash reading for",
# "patient mary fell").
_VERBS_AFTER_NAME = frozenset(
    """reading dictating reporting covering speaking calling here fell falls fallen states stated
    works worked went said says knows lives reports reported denies presents complains underwent
    returned returns arrived came has had is was will may can did does got gets walked tripped
    slipped hit struck seen noted""".split()
)


def _surname_after_rare_given(first: str | None, word: str, after_title: bool) -> bool:
    """ "patricia price", after a title "abigail young": a listed surname that is also a word,
    after a given name that is rare as a word (not "will young", "grace long")."""
    if first is None:
        return False
    # "jun-seo park": a hyphenated given name whose parts are given names.
    rare_given = all(namebook.is_ever_given(p) for p in first.split("-")) and (
        namebook.is_lower_name(first, unknown_ok=False)
    )
    if not (rare_given or namebook.is_unknown(first)):
        return False
    if word in _VERBS_AFTER_NAME or namebook.is_clinical(word) or namebook.is_eponym(word):
        return False
    if not after_title and namebook.is_very_common(word):
        return False
    return word in namebook.surnames()


# The next field of a header said aloud after a name: its key ("m r n", "medical record
# number", "date of birth", "d o b", "date of service", "patient number", "ninety three year
# old") or the name spelled out; speech recognition may break the line between them.
_FIELD_KEY_AFTER = re.compile(
    r"(?:[ \t]*,|[ \t]+comma)?(?:[ \t]*\n[ \t]*|[ \t]+)"
    r"(?:m[ \t]?r[ \t]?n|medical[ \t]+record|d[ \t]?o[ \t]?b|patient[ \t]+(?:number|id)\b|"
    r"date[ \t]+of[ \t]+(?:birth|service|injury)|born|accession|a[ \t]c[ \t]c|age|aged|"
    r"(?:[a-z]+[ \t-]+){1,3}years?[ \t-]+old|spelled|(?:[a-z][ \t]+){2,}[a-z])\b"
)


_LINE_CLOSES = re.compile(r"[ \t]*(?:\n|$)")


def _surname_before_field(
    first: str | None, word: str, text: str, end: int, closes: re.Pattern = _FIELD_KEY_AFTER
) -> bool:
    """ "patient edith young comma ninety three year old", "patient gloria hunter medical
    record number": after a name cue, a given name and a listed surname that is a word, an
    eponym or clinical ("hunter", "stone", "may"), where the next field's key follows."""
    if first is None or first in _PAIR_STOP or first in _VERBS_AFTER_NAME:
        return False
    if not (namebook.is_ever_given(first) or namebook.is_nickname(first)):
        return False
    if namebook.is_clinical(first):
        return False
    if word in _PAIR_STOP or word in _ROLE_WORDS or not namebook.is_ever_surname(word):
        return False
    if word in _VERBS_AFTER_NAME and word not in _MODAL_SURNAMES:
        return False  # "patient mary fell comma": what she did
    return closes.match(text, end) is not None


# Verbs after a name that are surnames as often ("rose may", "alice will").
_MODAL_SURNAMES = frozenset({"may", "will"})


def _word_surname_after_title(first: str | None, word: str, text: str, end: int) -> bool:
    """ "doctor ellen hill", "doctor laura bright": after a title and a given name rare as a
    word, a listed surname that is also a clinical word or an eponym, unless an eponym's noun
    follows it ("hill sachs")."""
    if first is None or word in _VERBS_AFTER_NAME:
        return False
    if not namebook.is_ever_surname(word) or _EPONYM_USE_AHEAD.match(text, end):
        return False
    if namebook.is_ever_given(first) and namebook.is_lower_name(first, unknown_ok=False):
        return True
    # "doctor rusty stone urology": a given name that is a word, or a pet name, when the
    # doctor's service or the end of the phrase follows the surname.
    if not (namebook.is_ever_given(first) or namebook.is_nickname(first)):
        return False
    if namebook.is_very_common(first) or first in _PAIR_STOP:
        return False
    return bool(_SERVICE_AFTER.match(text, end) or _PHRASE_END.match(text, end))


_SERVICE_AFTER = re.compile(rf"[ \t]+(?i:{_UNIT})")


def _common_surname_after_title(first: str | None, word: str, text: str, end: int) -> bool:
    """ "baby girl young" at the end of a line, "p a frank young", "foreman bill young": after
    a title or role, a surname among the commonest English words, alone where the phrase ends
    or after a given name that is not itself among them."""
    if word in _PAIR_STOP or word in _ROLE_WORDS or word in _VERBS_AFTER_NAME:
        return False
    if not namebook.is_ever_surname(word) or namebook.is_clinical(word):
        return False
    if first is None:
        return _PHRASE_END.match(text, end) is not None
    if not (namebook.is_ever_given(first) or namebook.is_nickname(first)):
        return False
    return namebook.not_both_common(first, word)


def _rare_word(word: str) -> bool:
    """A word that English barely uses and that is not clinical or an eponym."""
    return (
        len(word) > 3
        and namebook.english_frequency().get(word, 0) < namebook.RARE
        and not namebook.is_clinical(word)
        and not namebook.is_eponym(word)
    )


def _name_word_ending_phrase(word: str) -> bool:
    """A listed name that is also a word, not a verb, role or clinical word ("hope", "king")."""
    if word in _PAIR_STOP or word in _ROLE_WORDS or word in _VERBS_AFTER_NAME:
        return False
    return namebook.is_ever_name(word) and not namebook.is_clinical(word)


_PHRASE_END = re.compile(
    r"[ \t]*(?:$|[.,;:\n]|(?:period|comma|full[ \t]+stop|new[ \t]+(?:line|paragraph))\b)"
)
_GUIDELINE_AFTER = re.compile(
    r"(?i)[ \t]+(?:guidelines?|criteria|classification|score|scale|grade|recommendations?|"
    r"system|society|\d{4}|two[ \t]+thousand|nineteen|twenty)\b"
)
# "buckley ambrose t", "terrence mcallister junior": an initial or a suffix that ends the name.
_LOWER_INITIAL_AT_END = re.compile(
    r"[ \t]+(?:[a-z]\.?(?=[ \t]*(?:$|\n|,|period\b|comma\b))|junior\b|senior\b|jr\b\.?|"
    r"sr\b\.?|the[ \t]+(?:second|third|fourth)\b|i{2,3}\b|iv\b)"
)


_VOWEL = re.compile(r"[aeiouy]")


def _given_before_surname(given: str, surname: str, after_title: bool = False) -> bool:
    """ "hope castellanos", after a title "will black": a given name that is also a word,
    followed by a surname (after a title, any listed surname that is not clinical)."""
    if not surname or surname in _PAIR_STOP or surname in _ROLE_WORDS:
        return False
    if not namebook.is_ever_given(given) or namebook.is_clinical(given):
        return False
    return namebook.is_lower_name(surname) or (after_title and namebook.is_lower_surname(surname))


_AT_WORK = re.compile(
    rf"(?P<g>[{_LOW}]+)[ \t]+(?:from|in|at|on|of)[ \t]+(?:the[ \t]+)?(?i:{_UNIT})"
)


def _lower_given_at_work(match: re.Match) -> tuple[int, int] | None:
    """ "discussed with grant from ent": a given name that is also a word, made a name by
    where the person works."""
    found = _AT_WORK.match(match.string, match.start("lv"))
    if not found:
        return None
    given = found.group("g")
    if given in _PAIR_STOP or given in _ROLE_WORDS or namebook.is_clinical(given):
        return None
    return found.span("g") if namebook.is_ever_given(given) else None


def _given_at_work(match: re.Match) -> bool:
    """ "Maria from the ED": a listed given name, or an unknown word opening a sentence (not a
    drug: "given Zosyn in the ED")."""
    word = match.group("v")
    if namebook.is_ever_given(word) and namebook.could_be_name(word):
        return True
    before = match.string[max(0, match.start("v") - 3) : match.start("v")]
    return namebook.is_unknown(word) and (not before.strip() or before.rstrip()[-1:] in ".;:\n")


# Species of germs written after their genus's initial ("caused by E. Coli").
_SPECIES = frozenset(
    """coli difficile pylori aureus pneumoniae influenzae faecalis faecium tuberculosis albicans
    aeruginosa jirovecii pyogenes agalactiae epidermidis cloacae mirabilis fumigatus
    neoformans""".split()
)


def _initial_surname(name: str) -> bool:
    """ "J. Dorvil": the surname after the initials may be a name and is no clinical word or
    germ ("T. Spine", "C. Difficile")."""
    surname = name.replace(".", " ").split()[-1]
    plain = surname.lower()
    return _could_be_name(surname) and not (namebook.is_clinical(plain) or plain in _SPECIES)


def _could_be_name(word: str) -> bool:
    """namebook.could_be_name for each hyphenated part ("Al-Hassan", "Garcia-Moreno"), not a
    role ("MD   Tech: ..." names no one)."""
    parts = _parts(word)
    if word.lower() in _ROLE_WORDS or word.lower() in _LANGUAGES:
        return False
    return bool(parts) and all(namebook.could_be_name(p) for p in parts)


def _possessor(word: str) -> bool:
    """A given name or unknown word before "'s mother" (not "Today's", "Wilms'")."""
    return (
        word.lower() not in _NOT_PART
        and namebook.could_be_name(word)
        and not namebook.is_eponym(word)
    )


def _parts(word: str) -> list[str]:
    """The hyphenated parts of a name word, particles left out ("Al-Farsi" -> ["Farsi"])."""
    return [p for p in re.split(r"[-‐]", word) if p and p.lower() not in _PARTICLE_WORDS]


def _reads_as_name(first: str, second: str) -> bool:
    """Two capitalised words, in either order, that read as a person's name: a given name and
    a surname of the lists, names rare as English words, or words that no list knows."""
    first_parts, second_parts = _parts(first), _parts(second)
    if not first_parts or not second_parts:
        return False
    a, b = first_parts[0], second_parts[0]
    if a.lower() in _PAIR_STOP or b.lower() in _PAIR_STOP:
        return False
    if _ROMAN.fullmatch(b) or _ROMAN.fullmatch(a):
        return False
    if namebook.is_eponym(a) and (namebook.is_eponym(b) or len(b) < 3):
        return False
    if namebook.is_person_name(a, b) and namebook.not_both_common(a, b):
        return True
    if namebook.is_person_name(b, a) and namebook.not_both_common(b, a):
        return True
    if all(namebook.is_name_like(w) for w in first_parts + second_parts):
        return True
    # "Gwendolyn Adebayo-Price": a listed given name and a double-barrelled surname, one part
    # name-like and the other a surname that is also a word; "Hope Delacroix-Mbeki": a given
    # name that is also a word before a double-barrelled surname whose parts are both name-like.
    if (
        len(second_parts) > 1
        and namebook.is_name_like(a)
        and any(namebook.is_name_like(p) for p in second_parts)
        and all(namebook.is_ever_name(p) or namebook.is_name_like(p) for p in second_parts)
    ):
        return True
    if (
        len(second_parts) > 1
        and namebook.is_ever_given(a)
        and not namebook.is_clinical(a)
        and all(namebook.is_name_like(p) for p in second_parts)
    ):
        return True
    # Names that are also words or clinical terms: "Rose Hill", "Hill, Rose", "Mark Stone".
    return a not in _NOT_GIVEN and (
        (namebook.is_word_name(a, b) and namebook.not_both_common(a, b))
        or (namebook.is_word_name(b, a) and namebook.not_both_common(b, a))
    )


_ROMAN = re.compile(r"(?i)[ivx]+[a-c]?")
# Capitalised words that open sentences and are also listed given names.
_NOT_GIVEN = frozenset("Will May Can Mark Chance Hope Grant Long Young Small Major Page".split())


def _pair(match: re.Match) -> tuple[int, int] | None:
    """A given name and a surname with no context ("Lars Lindqvist"), with the particles and
    surname words around them ("Joost van der Linden", "DOS SANTOS INES A")."""
    if not _reads_as_name(match.group("g"), match.group("s")):
        return None
    if _german(match.string) and not (
        _german_given(match.group("g"))
        or (_german_given(match.group("s")) and namebook.is_ever_surname(match.group("g")))
    ):
        return None  # "Klinische Angabe", "Stauung Grad": German nouns, not names
    if _STATE_AFTER.match(match.string, match.end("v")):
        return None  # "PORTO ALEGRE/RS", "São Paulo/SP": a city and its state
    if _place_pair(match.string, match.start("v"), match.end("v")):
        return None
    return _widen(match.string, match.start("v"), match.end("v"))


_STATE_AFTER = re.compile(r"/[A-Z]{2}\b")
# Commonwealth sites name a town with its province, state or territory ("Eeyou Istchee QC"),
# or after the hospital's name and a comma ("Chisasibi Hospital, Eeyou Istchee"; Welsh
# "Ysbyty", Scottish Gaelic "Ospadal" and Irish "Ospidéal" are a hospital).
_PROVINCE_AFTER = re.compile(
    r"[ \t]*,?[ \t]+(?:QC|ON|NU|NT|BC|AB|SK|MB|NS|NB|NL|PE|YT|QLD|NSW|VIC|WA|SA|TAS|ACT)(?![\w-])"
)
_SITE_BEFORE = re.compile(
    r"\b(?:(?:Hospitals?|Infirmary|Centre|Center|Clinic|Campus|Health|Institute)[ \t]*,"
    r"|Ysbyty|Ospadal|Ospid[ée]al)[ \t]+$"
)
# Towns named with a landform ("Tennant Creek", "Sioux Lookout") or after an Irish or Scottish
# Gaelic place word ("Cill Chiaráin" is Kilkieran, "Baile", "Inis", "Dún"); landforms that are
# also surnames ("Lake", "Downs", "Heads") are left out.
_PLACE_NOUNS = frozenset(
    """creek falls springs harbour harbor inlet lookout rapids narrows cove bay island islands
    crossing junction plains""".split()
)
_GAELIC_PLACE_HEADS = frozenset(
    """cill baile inis dún dun béal beal gleann cnoc carraig achadh ceann cluain tobar droichead
    caisleán mainistir ráth lios inbhir""".split()
)
# "read remotely from Prince Rupert", "flown to Port Hedland": a town whose first word is a
# landmark or a title, after a word of movement or place.
_TOWN_HEADS = frozenset("port mount cape point prince fort saint sault".split())
_TOWN_CUE_BEFORE = re.compile(r"\b(?:from|to|in|at|near|via)[ \t]+$")
# Landforms that are also surnames make a town only where a person cannot stand: "works in Sandy
# Lake", "lives near Cedar Hill"; after "to", "at" or "from" they may be a person ("results
# given to Sandy Lake").
_SURNAME_LANDFORMS = frozenset(
    "lake lakes river rivers hill hills downs heads ridge valley".split()
)
_PLACE_ONLY_CUE_BEFORE = re.compile(r"\b(?:in|near)[ \t]+$")


def _place_pair(text: str, start: int, end: int) -> bool:
    """Two capitalised words that the words around them, or their own, make a town."""
    words = _PLACE_WORD.findall(text, start, end)
    if not words:
        return False
    if words[-1].lower() in _PLACE_NOUNS or words[0].lower() in _GAELIC_PLACE_HEADS:
        return True
    if words[0].lower() in _TOWN_HEADS and _TOWN_CUE_BEFORE.search(text, max(0, start - 8), start):
        return True
    if words[-1].lower() in _SURNAME_LANDFORMS and _PLACE_ONLY_CUE_BEFORE.search(
        text, max(0, start - 8), start
    ):
        return True
    return bool(
        _PROVINCE_AFTER.match(text, end) or _SITE_BEFORE.search(text, max(0, start - 24), start)
    )


# German words that English, Dutch and the Romance languages do not write in lower case.
_GERMAN_WORD = re.compile(
    r"(?<![\w-])(?:und|nicht|keine?[nmrs]?|ohne|zur|zum|vom|eine[nmrs]?|über|mit|dem|ist|sind|"
    r"wird|bei|sowie|nach|seit|oder|auch)(?![\w-])"
)


def _german(text: str) -> bool:
    """A text in German (three of its commonest lower-case words), where every noun has a
    capital: there two capitalised words no list knows are mostly nouns, not a name."""
    global _german_last
    last = _german_last  # one read: another thread may replace it meanwhile
    if last[0] is text:
        return last[1]
    found = set()
    for match in _GERMAN_WORD.finditer(text):
        found.add(match.group())
        if len(found) >= 3:
            break
    _german_last = (text, len(found) >= 3)
    return len(found) >= 3


# The last text asked about and the answer: the name rules ask once per candidate name.
_german_last: tuple[str | None, bool] = (None, False)


# German report words that the lists also hold as given names ("Lage" position, "Grad" grade).
_GERMAN_NOT_GIVEN = frozenset("im am lage grad ende links rechts seite art".split())


def _german_given(word: str) -> bool:
    """In a German text, a word or a hyphenated part of it that is a listed given name and not
    a clinical or German report word ("Florian", "Klaus-Dieter")."""
    return any(
        namebook.is_ever_given(part)
        and not namebook.is_clinical(part)
        and part.lower() not in _GERMAN_NOT_GIVEN
        for part in _parts(word)
    )


# Latin abbreviations and drug timings that look like initials ("e.g.", "b.i.d.").
_NOT_INITIALS = frozenset(
    "e.g. i.e. a.m. p.m. b.i.d. t.i.d. q.i.d. q.d. n.b. c.f. v.s. d.o. m.d. r.n.".split()
)


_GIVEN_BEFORE_INITIAL = re.compile(rf"(?<![\w'’-])(?P<g>[{_LOW}]{{3,}})[ \t]+$")


_CUE_BEFORE_INITIAL = re.compile(r"(?:\bby|:)[ \t]+$")


def _initials_name(match: re.Match) -> tuple[int, int] | None:
    """Initials before a surname: two or more, or one after a listed given name, and the
    surname a name (not "e.g. mild", "s. aureus")."""
    initials = re.sub(r"\s", "", match.group("i"))
    if initials in _NOT_INITIALS or initials[:4] in _NOT_INITIALS:
        return None
    surname = match.group("s")
    before = _GIVEN_BEFORE_INITIAL.search(match.string, max(0, match.start() - 30), match.start())
    given = before.group("g") if before else None
    if surname in _PAIR_STOP or surname in _ROLE_WORDS or namebook.is_eponym(surname):
        return None
    if surname in _SPECIES:
        return None
    if not (namebook.is_lower_name(surname) or namebook.is_lower_surname(surname)):
        return None
    if given and namebook.is_ever_given(given) and namebook.is_lower_name(given, False):
        return before.start("g"), match.end("s")
    if initials.count(".") >= 2 or _CUE_BEFORE_INITIAL.search(
        match.string, max(0, match.start() - 4), match.start()
    ):
        return match.start("i"), match.end("s")  # "dictated by a. okafor"
    return None


# Words said between the letters of a spelled name ("d e space j o n g", "a ring a k e s s o n").
_SPELLING_MARK = r"(?:apostrophe|hyphen|dash|space|ring|umlaut|accent|acute|grave|cedilla|tilde)"
# Acronyms that speech recognition spells letter by letter, alone or run together.
_SPELLED_ACRONYMS = frozenset(
    """pet ct cta ctpa mr mri mra mrcp mrv us xr gi mdt ent icu ed er or ir nm spect suv ivc svc
    pe dvt tia cva copd chf ap pa rv lv cbd ercp hida kub ett ng og picc iv im po prn tmj acl pcl
    mcl lcl tfcc ac si ti rads bi li lung aspects dexa ob gyn ua uti mca aca pca ica eca cca sma
    ima csf ln lad lcx rca ef hcc rcc ptx cxr avn oa ra ms als gcs dod id ssn mrn dob recist
    irb dibh imrt vmat sbrt mrecist psma dotatate fdg nric esr crp foosh""".split()
)


def _acronyms_only(letters: str) -> bool:
    """The letters split wholly into known acronyms ("petct" = PET + CT)."""
    reachable = [True] + [False] * len(letters)
    for end in range(2, len(letters) + 1):
        reachable[end] = any(
            reachable[start] and letters[start:end] in _SPELLED_ACRONYMS
            for start in range(max(0, end - 8), end - 1)
        )
    return reachable[-1]


_FIRST_DIGIT_WORD = re.compile(rf"(?i)\b{_DIGIT_WORD}\b")


# Codes spelled before digits that name a procedure or a diagnosis, not a person.
_SPELLED_CODES = frozenset({"cpt", "icd", "hcpcs"})


def _spoken_digits(match: re.Match) -> tuple[int, int] | None:
    """Digits said one by one, with the spelled letters before them unless a letter may be a
    word ("i h i eight zero ..." keeps the digits; "a five ..." too); not a code ("c p t seven
    zero five five three")."""
    first = _FIRST_DIGIT_WORD.search(match.string, match.start(), match.end())
    if first:
        spelled = match.string[match.start() : first.start()]
        if re.sub(r"[^a-z]", "", spelled.lower()) in _SPELLED_CODES:
            return None
    if not _SPELLED_WORDS.search(match.group()):
        return match.span()
    digits = match.string[first.start() : match.end()] if first else ""
    return (first.start(), match.end()) if _digit_count(digits) >= 5 else None


_HL7_CODE_FIELD = re.compile(r"(?m)^(?:OBX\|\d*\|[A-Z]{0,3}|OBR\|\d*\|[^|\n]*\|[^|\n]*)\|$")


# Degrees and credentials that close a caret name ("FENWICK^DAVID^L^^^MD"): not part of it.
# The prefix (XCN-6) and degree (XCN-7) components that end an HL7 name: titles, not the name.
_CARET_DEGREES = frozenset("MD DO PHD MBBS RN NP PA DDS DMD FRCR FRCPC DR MR MRS MS PROF".split())


def _caret_person(family: str, given: str, text: str, at: int) -> bool:
    """A family and a given name as HL7 and DICOM write them ("PRICE^LAURA", "Ferreira
    Lima^Joao"); "CTA^CT ANGIO", "71046^XR CHEST" are codes and exams."""
    parts = family.split() + [given]
    if any(p.upper() in _ACRONYMS or p.lower() in _SPELLED_ACRONYMS for p in parts):
        return False
    if _HL7_CODE_FIELD.search(text, 0, at):
        return False  # "CTABPEL^IMPRESSION": an exam code and a section (OBR-4, OBX-3)
    return not any(namebook.is_clinical(p) for p in parts) or _could_be_name(parts[0])


def _caret_name(match: re.Match) -> tuple[int, int] | None:
    """A caret name without the empty and degree components that end it."""
    components = match.group().split("^")
    if not _caret_person(components[0], components[1], match.string, match.start()):
        return None
    while len(components) > 2 and (
        not components[-1] or components[-1].upper().rstrip(".") in _CARET_DEGREES
    ):
        components.pop()
    return match.start(), match.start() + len("^".join(components))


_DICTATING_INITIALS = re.compile(r"[A-Z]{2,4}|[A-Z]Ma?c[A-Z]|[A-Z][a-z][A-Z]")


def _staff_initials(match: re.Match) -> bool:
    """Initials, not a word, credential or modality ("Tech: RT", "Transcribed: none"); or a
    given name that no clinical or common word spells ("Typed by: Shazia")."""
    if match.group()[:4].lower() == "dict" and not (
        match.group("v") and _DICTATING_INITIALS.fullmatch(match.group("v"))
    ):
        return False  # "dictated by dr. noor": only initials in capitals after "Dict:"
    if match.group("n"):
        word = match.group("n")
        if word.lower() in _HEADER_NOT_PART:
            return False  # "SONOGRAPHER WORKSHEET": the form's title
        return (namebook.is_ever_given(word) or namebook.is_unknown(word.lower())) and not (
            namebook.is_clinical(word) or namebook.is_common(word)
        )
    letters = match.group("v").replace(" ", "").replace("\t", "")
    if letters.upper() in _ACRONYMS or re.fullmatch(_CREDENTIAL_WORD, letters.upper()):
        return False
    return namebook.english_frequency().get(letters.lower(), 0) < namebook.RARE


def _spelled_name(match: re.Match) -> tuple[int, int] | None:
    """A name spelled out (five letters or more, not a spelled acronym or word such as
    "a s p e c t s"), or "o apostrophe brien" with the given name before it."""
    if not match.group("o"):
        letters = "".join(c for c in match.group() if c.isalpha() and c.islower())
        letters = re.sub(_SPELLING_MARK, "", letters)
        if len(letters) < 5 or namebook.is_clinical(letters) or namebook.is_plain_word(letters):
            return None
        if _acronyms_only(letters):
            return None  # "p e t c t", "g i m d t": acronyms spelled out
        return match.span()
    given = match.group("g")
    if given and namebook.is_ever_given(given):
        return match.span()
    return match.start("o"), match.end()


def _said_and_spelled(match: re.Match) -> tuple[int, int] | None:
    """The spelling of the word said before it ("king [k i n g]"), not of an acronym ("c t
    c t"); the word itself and a given name before it are added by `_spelled_back`."""
    word = match.group("w")
    if re.sub(r"[^a-z]", "", match.group("sp")) != word or _acronyms_only(word):
        return None
    return match.span("sp")


def _nickname(match: re.Match) -> tuple[int, int] | None:
    """ "also known as sally": a given name, a word or not, or a pet name no list knows
    ("goes by papo", "aka chuy")."""
    word = match.group("lv")
    if word in _PAIR_STOP or namebook.is_clinical(word):
        return None
    if not (namebook.is_ever_given(word) or namebook.is_unknown(word)):
        return None
    return match.span("lv")


def _lower_pair(match: re.Match) -> tuple[int, int] | None:
    """ "marcus oyelaran", "sandeep kaur-gill": a listed given name that is not an English
    word, then a surname that is a listed name rare as a word or a word no list knows."""
    given, surname = match.group("g"), match.group("s")
    if len(given) < 4 or given in _PAIR_STOP or surname in _PAIR_STOP:
        return None  # three letters in lower case are mostly abbreviations ("nat eval")
    if not (namebook.is_ever_given(given) and namebook.is_lower_name(given, unknown_ok=False)):
        return None
    if surname not in _ROLE_WORDS and _surname_word(surname):
        end = match.end("s")
    else:
        # "isabella grace montgomery-achebe": a middle name that is also a word.
        after = _NEXT_LOWER_WORD.match(match.string, match.end("s"))
        if not (after and namebook.is_ever_given(surname) and _surname_word(after.group("w"))):
            return None
        end = after.end("w")
    # "esperanza quintero villalobos", "maría fernanda lópez de los santos": more surnames.
    end = _more_lower_names(match.string, end, 2, lambda word: word not in _PAIR_STOP)
    suffix = _LOWER_SUFFIX.match(match.string, end)
    return match.start("g"), suffix.end() if suffix else end


def _pair_before_field(match: re.Match) -> tuple[int, int] | None:
    """ "for bill hunter date of birth": a given name and a surname that are words, where the
    next field's key follows them."""
    given, surname = match.group("g"), match.group("s")
    if not _surname_before_field(given, surname, match.string, match.end("s")):
        return None
    return match.start("g"), match.end("s")


_LOWER_MIDDLE_INITIAL = re.compile(r"[ \t]+[a-z]\.?(?=[ \t])")
_LOWER_SUFFIX = re.compile(
    r"[ \t]+(?:junior|senior|jr\b\.?|sr\b\.?|the[ \t]+(?:second|third|fourth)\b)"
)
_NEXT_LOWER_WORD = re.compile(rf"[ \t]+(?P<w>[{_LOW}][{_LOW}'’]+(?:-[{_LOW}]+)?)(?![\w'’-])")


def _surname_word(word: str) -> bool:
    """A lower-case surname: a listed name rare as a word or a word no list knows."""
    return namebook.is_lower_name(word, unknown_ok=True) and not namebook.is_eponym(word)


_MORE_SURNAME = re.compile(rf"[ \t]+(?:{_PARTICLE_ANY}[ \t]+)*(?P<w>{_CAP_WORD})\b")
_INITIAL_AT_END = re.compile(rf"[ \t]+[{_UP}]\.?(?=[ \t]*(?:$|\n|[,;|]))")
_PARTICLES_BEFORE = re.compile(rf"(?:\b{_PARTICLE_ANY}[ \t]+)+$")


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """A name with the surname words, particles and middle initial that follow it and the
    particles before it."""
    german = None
    for _ in range(2):
        more = _MORE_SURNAME.match(text, end)
        parts = _parts(more.group("w")) if more else []
        if not parts or not (
            all(namebook.is_name_like(p) for p in parts) or _surname_ending_sentence(text, more)
        ):
            break
        if german is None:
            german = _german(text)
        if german and not all(namebook.is_ever_name(p) for p in parts):
            break  # "Florian Gruber [Telefon Klappe]": German nouns after a name
        # A header label after a name's column ("Adjuster: Rich Young   Tel 717-...").
        if more.group("w").lower() in _PAIR_STOP:
            break
        if _EPONYM_USE_AHEAD.match(text, more.end()):
            break
        end = more.end()
    initial = _INITIAL_AT_END.match(text, end)
    if initial:
        end = initial.end()
    before = _PARTICLES_BEFORE.search(text, max(0, start - 24), start)
    if before:
        start = before.start()
    return start, end


_SENTENCE_ENDS = re.compile(r"[ \t]*(?:$|\n|[.;,)])")


def _surname_ending_sentence(text: str, more: re.Match) -> bool:
    """ "identified as Marcus Tyrell Banks.": a listed surname that is also a word, where the
    sentence ends after it (not clinical, not a header or role word, not very common)."""
    word = more.group("w")
    if word.lower() in _NOT_PART or namebook.is_clinical(word) or namebook.is_eponym(word):
        return False
    frequent = namebook.english_frequency().get(word.lower(), 0) >= namebook.FAIRLY_COMMON
    return (
        namebook.is_ever_name(word)
        and not frequent
        and bool(_SENTENCE_ENDS.match(text, more.end()))
    )


_RECORD_KEY = re.compile(rf"(?i:{_RECORD_KEYS})")


def _surname_first(match: re.Match) -> tuple[int, int] | None:
    """ "Ivanova, Natalia" or "van den Broek, Pieter": a surname, a comma, a given name."""
    last, given = match.group("s").split()[-1], match.group("g")
    if _RECORD_KEY.fullmatch(given):
        return None  # "Grant, UR RH530077": the key of the number after the name
    if not any(namebook.is_listed(p) for p in _parts(last) + _parts(given)):
        return None  # two words no list knows: "Lipitor, Metformin", "Aphe, Nonperipheral"
    if (
        len(given) <= 3
        and not namebook.is_listed(given)
        and match.string[match.end("g") :][:1] == "."
    ):
        return None  # "León, Gto.": a city and its state's abbreviation
    if not _reads_as_name(given, last):
        return None
    if _place_pair(match.string, match.start("v"), match.end("v")):
        return None  # "Ysbyty Gwynedd, Bangor": the hospital and its town
    if _german(match.string) and not _german_given(given):
        return None  # "Ödem, Grad I.": a German noun and a grade
    # "Chen, Xiao Ming": a second given name, when it is a name and not the next word.
    second = match.group("g2")
    if second and all(namebook.is_name_like(p) for p in _parts(second)):
        return match.start("v"), match.end("g2")
    return match.span("v")


# A surname that is also an eponym ("Dr. Baker ... Baker cyst"): the eponym use stays.
_EPONYM_NOUN = (
    r"(?:sign|cyst|disease|syndrome|lymphoma|fracture|malformation|classification|score|"
    r"criteria|views?|procedure|test|lesion|nodes?|nodule|line|lines|angle|triangle|space|canal|"
    r"duct|nerve|tumou?r|type|grade|class|scale|stage|phenomenon|effect|law|ring|zone|index|"
    r"maneuver|position|method|operation|pouch|hernia|shunt|deformity|fascia|body|bodies|cells?|"
    r"sarcoma|ulcer|diverticulum|esophagus|glands?|fat|pad|joint|bone|capsule|membrane|layer|"
    r"area|point|injury|injuries|thyroiditis|fragment|abscess|contracture|palsy|anomaly|"
    r"physiology|circulation|filter|catheter|ligament|fissure|incision|technique|dementia|"
    r"arteritis|granulomatosis|hump|changes|tear|equivalent|pattern|dislocation|complex|neuroma|"
    r"sinus|gyrus|foramen|cave|repair|anastomosis|flare|colitis|ileitis|classification|"
    r"tenderness|triad|notch|plaque|bands?|fixation|nail|plate|approach|guidelines?|society|"
    r"recommendations?|rules?|spaces?|aqueduct|wrap|stump|encephalopathy|polyps?|esophagectomy|"
    r"gastrectomy|prosthesis|fundoplication|myotomy|drain|tubes?|rods?|pins?|wires?|frame|"
    r"valve|device|stents?|(?:hemi)?arthroplasty|osteotomy|fixator|limb|loop)"
)
# "Dr. Lee's cell" is a phone, not a Hurthle-cell kind of eponym.
# "Groote Schuur Hospital", "Peter MacCallum Cancer Centre": a place named after a person.
_INSTITUTION = (
    r"(?:Hospitals?|Infirmary|Institute|Medical|Cancer|Memorial|Hospice|Centre|Center|"
    r"University|Foundation|Trust|Campus|Children['’]s|Women['’]s|Health|Clinic|Pharmacy|"
    r"Services|Regional|Records|Nursing|NH|SNF|Rehab|Manor|Lodge|Hospice)"
)
_INSTITUTION_WORD = re.compile(rf"\b{_INSTITUTION}\b")
# "Chris Hani Baragwanath Academic Hospital", "Royal Free London NHS Foundation Trust",
# "AMINU KANO TEACHING HOSPITAL": up to two words between the person and the institution.
_EPONYM_AFTER = (
    rf"[-–][A-Z]|s?\s+{_EPONYM_NOUN}\b|['’]s?\s+(?!cells?\b){_EPONYM_NOUN}\b"
    rf"|[ \t]+(?:(?:{_CAP_WORD}|[{_UP}]{{2,}})[ \t]+){{0,2}}"
    rf"(?:{_INSTITUTION}|{_INSTITUTION.upper()})\b"
)
_EPONYM_USE = rf"(?!{_EPONYM_AFTER})"
_EPONYM_USE_AHEAD = re.compile(_EPONYM_AFTER)


# Breast and joint reports give places as clock-face positions ("mass at 10:00, 6 cm from the
# nipple", "labral tear 12:00 to 2:00"): a place the draft needs, not a time to mask.
_SERVICE = re.compile(rf"(?i){_UNIT}")
# "informed in 2019": a year after its preposition, not a time.
_YEAR_CUE_BEFORE = re.compile(r"\b(?i:in|since|of|from|year)[ \t]+$")
_CLOCK_TEXT = re.compile(
    r"(?i)\b(?:breasts?|BI-?RADS|mammo\w*|nipple|areola\w*|labr(?:um|al)|glenoid|acetabul\w*)\b"
)
_CLOCK_FACE = re.compile(r"(?:1[0-2]|[1-9]):[03]0")
_OCLOCK = re.compile(r"o['’]clock")
_CLOCK_PLACE_AFTER = re.compile(
    r"(?i)[ \t,]*(?:position|axis|(?:anterior|middle|mid|posterior)[ \t]+depth|"
    r"(?:\d+(?:\.\d+)?|\w+)[ \t]*(?:cm|centimeters?)[ \t]+"
    r"(?:from|fn)|fn\b|ftn\b|to[ \t]+\d{1,2}(?::[03]0|[ \t]*o['’]clock))"
)
_CLOCK_TIME_CUE = re.compile(
    r"(?i)\b(?:called|discussed|d/w|paged|notified|given|communicated|telephoned|spoke|spoken|"
    r"conveyed|relayed|informed|contacted|performed|started|completed|arrived|scanned|injected|"
    r"administered|dictated|signed|read|reviewed|today|yesterday|tonight|morning|evening|"
    r"afternoon|am|pm|hours|hrs|on|relation|per|scheduled|booked|appointment|arrival|tomorrow)\b"
)
_SENTENCE_BEFORE = re.compile(r"[^.\n]*$")
# "a mass in the left breast at 2 o'clock": the organ right before names a place on it.
_CLOCK_PLACE_BEFORE = re.compile(
    r"(?i)\b(?:breasts?|nipple|areola|axilla|labrum|glenoid|acetabulum)[ \t]+(?:at[ \t]+)?$"
)


def _clock_position(match: re.Match) -> bool:
    """A clock-face time ("10:00", "2:30") in a breast or joint report, with no word of
    communication or timing in its sentence: a position, not a time of day."""
    face = match.group("v") if "v" in match.re.groupindex else match.group()
    oclock = bool(_OCLOCK.search(face))
    if not (oclock or _CLOCK_FACE.fullmatch(face)):
        return False
    text = match.string
    sentence = _SENTENCE_BEFORE.search(text, max(0, match.start() - 120), match.start())
    after = text[match.end() : match.end() + 24]
    if _CLOCK_PLACE_AFTER.match(after) or _CLOCK_PLACE_BEFORE.search(
        text, max(0, match.start() - 24), match.start()
    ):
        return True
    if _CLOCK_TIME_CUE.search(sentence.group()) or _CLOCK_TIME_CUE.match(after.lstrip()):
        return False
    # "fistula at 6 o'clock": a position wherever no word says it is a time.
    return oclock or bool(_CLOCK_TEXT.search(text))


# Spelled letters that are words, not an id's prefix ("a one two three four five").
_SPELLED_WORDS = re.compile(r"(?i)^(?:[a-z][ \t])*?(?:a|i)[ \t](?!\d)")
_LEADING_THE = re.compile(r"(?i)the[ \t]+")
# "Fleischner 2017", "McDonald 2017", "WHO 2021 classification": the year of a guideline.
_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*)[ \t\n,(]*$")
_GUIDELINE_WORDS = frozenset(
    """criteria guideline guidelines classification version revised edition update consensus
    statement system who acr esur sru ajcc tnm rads lugano bethesda mcdonald society effective
    modification""".split()
)


_LINE_BEFORE = re.compile(r"[^\n]*$")
_GUIDELINE_NOUN_AFTER = re.compile(
    r"(?i)[ \t]+(?:guidance|guidelines?|criteria|classification|grade|recommendations?|"
    r"consensus|update|edition|lexicon)\b"
)


def _guideline_year(match: re.Match) -> bool:
    """A year right after a guideline, score or eponym name, before a guideline's noun ("SCCT
    2022 guidance", "WHO CNS5 2021 grade 4"), or in brackets after a guideline's title on its
    line ("ACR Appropriateness Criteria Low Back Pain (2021)"), is no date of the patient's
    care."""
    if _GUIDELINE_NOUN_AFTER.match(match.string, match.end()):
        return True
    text, start = match.string, match.start()
    if text[start - 1 : start] == "(" and text[match.end() : match.end() + 1] == ")":
        line = _LINE_BEFORE.search(text, max(0, start - 80), start).group()
        if any(_guideline_word(w.lower()) for w in _WORDS_BEFORE.findall(line)):
            return True
    before = _WORD_BEFORE.search(match.string, max(0, match.start() - 40), match.start())
    if not before:
        return False
    word = before.group(1).lower()
    return _guideline_word(word) or namebook.is_eponym(word)


def _guideline_word(word: str) -> bool:
    """A word that names a guideline, a classification or a reporting system ("criteria",
    "Lung-RADS", "Fleischner")."""
    return word in _GUIDELINE_WORDS or word.endswith("rads") or namebook.is_criteria(word)


def _without_the(match: re.Match) -> tuple[int, int]:
    """A spoken date without its "the" ("on the fifth of june" masks "fifth of june")."""
    the = _LEADING_THE.match(match.string, match.start())
    return (the.end() if the else match.start()), match.end()


_NEXT_CAP_WORD = re.compile(rf"[ \t]+(?P<w>{_CAP_WORD})\b")


def _month_as_given_name(match: re.Match) -> bool:
    """ "June Whitaker", "April Ng": a month that is a given name before a listed surname."""
    after = _NEXT_CAP_WORD.match(match.string, match.end())
    if after and _ROLE_JUST_BEFORE.search(match.string, max(0, match.start() - 30), match.start()):
        return True  # "coordinator June Sainnawap": a role names the person after it
    return bool(after) and namebook.is_person_name(match.group(), after.group("w"))


_ROLE_JUST_BEFORE = re.compile(rf"(?<![\w-])(?i:{_ROLE_NOUN})[ \t]+$")


def _lower_surname_ok(word: str) -> bool:
    """A lower-case word that can be a surname after a strong cue: a listed name not among the
    commonest words, or a word no list knows; not a role, context or clinical word."""
    if word in _PAIR_STOP or word in _ROLE_WORDS or namebook.is_eponym(word):
        return False
    if namebook.is_clinical(word) and not namebook.is_ever_name(word):
        return False
    return namebook.is_lower_name(word) or namebook.is_lower_surname(word)


_CONTRACTION = re.compile(r"['’](?:s|m|re|ve|ll|d|t)$")


def _spoken_surname_first(match: re.Match) -> tuple[int, int] | None:
    """ "hollis comma jerome": surname words that read as names, then a listed given name or
    a word no list knows (a second given name only when listed and rare as a word)."""
    surname = [w for w in match.group("s").split() if w != "hyphen" and w not in _PARTICLE_WORDS]
    given = match.group("g")
    if not (
        _lower_surname_ok(surname[-1])
        # "murphy comma bridget": an eponym is a surname when a given name follows.
        or (namebook.is_eponym(surname[-1]) and namebook.is_ever_given(given))
    ):
        return None
    if given in _PAIR_STOP or given in _ROLE_WORDS or namebook.is_clinical(given):
        return None
    if _CONTRACTION.search(given):
        return None  # "kang comma that's k a n g"
    if not (namebook.is_ever_given(given) or namebook.is_unknown(given)):
        return None
    start = match.start("s")
    if len(surname) == 2 and not (_lower_surname_ok(surname[0]) or namebook.is_eponym(surname[0])):
        start = match.end("s") - len(surname[-1])
    end = match.end("g")
    # "maria jose", "jean francois", "maria de los angeles": more given names, rare as words.
    after_particle = False
    for word in _SPAN_WORD.finditer(match.string, end, match.end("rest")):
        plain = word.group()
        if plain in _PARTICLE_WORDS:
            after_particle = True
            continue
        if plain in _PAIR_STOP or plain in _ROLE_WORDS or namebook.is_clinical(plain):
            break
        if namebook.is_common(plain) or not (
            namebook.is_ever_name(plain) or namebook.is_unknown(plain)
        ):
            break
        if not (
            after_particle
            or namebook.is_ever_given(plain)
            or namebook.is_lower_name(plain, unknown_ok=True)
        ):
            break
        end, after_particle = word.end(), False
    return start, end


def _relative_given(match: re.Match) -> tuple[int, int] | None:
    """ "daughter grace": a listed given name after a relative, not a common verb or clinical
    word ("mother reports", "son will"), with a surname after it when one follows."""
    word = match.group("lv")
    if word in _PAIR_STOP or word in _ROLE_WORDS or namebook.is_clinical(word):
        return None
    end = match.end("lv")
    if not namebook.is_ever_given(word) or word in _VERBS_AFTER_NAME:
        # A given name no list knows before a listed surname ("husband chue xiong").
        after = _NEXT_WORD.match(match.string, end)
        if namebook.is_unknown(word) and after and _lower_surname_ok(after.group(1)):
            return match.start("lv"), after.end()
        return None  # "daughter hope" is a name; "son will", "mother may" are not
    initial = _LOWER_MIDDLE_INITIAL.match(match.string, end)
    at = initial.end() if initial else end
    more = _more_lower_names(match.string, at)
    if more == at:
        more = _word_surname_before_verb(match.string, at)
    if match.group("is") and more == at:
        return None  # "mother is here", "son is young": what the relative is, not a name
    return match.start("lv"), (more if more > at else end)


# What a relative named in lower case does next: "wife faith hunter was notified",
# "grandmother rose page is his legal guardian", "son junior field will take him".
_PERSON_VERB_AFTER = re.compile(
    r"[ \t]+(?:is|was|will|has|had|says|said|present|reports|states|called|brought|drove|"
    r"came|signed|agrees|agreed|knows|asked|wants)\b"
)


def _word_surname_before_verb(text: str, end: int) -> int:
    """Where a relative's name ends when a surname that is a word follows the given name and a
    verb follows both ("faith [hunter] was notified"); `end` when none does."""
    after = _NEXT_LOWER_WORD.match(text, end)
    if not after:
        return end
    word = after.group("w")
    if word in _PAIR_STOP or word in _ROLE_WORDS or word in _VERBS_AFTER_NAME:
        return end
    if not namebook.is_ever_surname(word) or namebook.is_very_common(word):
        return end
    closes = _PERSON_VERB_AFTER.match(text, after.end("w")) or _PHRASE_END.match(
        text, after.end("w")
    )
    if not closes:
        return end
    return after.end("w")


_PARENTS_NAMED = (
    rf"(?<![\w.])(?:parents|(?:mom|mother)[ \t]+and[ \t]+(?:dad|father)|"
    rf"(?:dad|father)[ \t]+and[ \t]+(?:mom|mother)|grandparents|guardians)[ \t]+"
    rf"(?:are|were)[ \t]+(?P<a>[{_LOW}]{{3,}})[ \t]+and[ \t]+(?P<b>[{_LOW}]{{3,}})"
    rf"(?:[ \t]+(?P<s>[{_LOW}]{{3,}}))?\b"
)


def _given_said_of_person(word: str) -> bool:
    """A listed given name or a pet name, not a context, role or clinical word."""
    if word in _PAIR_STOP or word in _ROLE_WORDS or namebook.is_clinical(word):
        return False
    return namebook.is_ever_given(word) or namebook.is_nickname(word)


def _parents_named(match: re.Match) -> int | None:
    """Where the second name ends when both words after "parents are" read as given names,
    with the surname they share after the second ("wade and hope young"); None for "parents
    are here and will call"."""
    first, second, surname = match.group("a", "b", "s")
    if not _given_said_of_person(first) or first in _VERBS_AFTER_NAME:
        return None
    if not _given_said_of_person(second):
        return None
    if (
        surname is not None
        and surname not in _PAIR_STOP
        and surname not in _VERBS_AFTER_NAME
        and namebook.is_ever_surname(surname)
        and not namebook.is_clinical(surname)
    ):
        return match.end("s")
    return None if second in _VERBS_AFTER_NAME else match.end("b")


def _more_lower_names(text: str, end: int, limit: int = 3, surname=None) -> int:
    """Where a lower-case name ends with the names after it and the particles between them
    ("ana paula [dos santos]", "maría fernanda lópez [de los santos]"); `surname` tells which
    words may be one (by default `_lower_surname_ok`)."""
    surname = surname or _lower_surname_ok
    for _ in range(limit):
        after = _NEXT_LOWER_NAME.match(text, end)
        if not (after and surname(after.group("w")) and namebook.is_lower_name(after.group("w"))):
            break
        end = after.end("w")
    return end


_NEXT_LOWER_NAME = re.compile(
    rf"(?:[ \t]+{_PARTICLE})*[ \t]+(?P<w>[{_LOW}][{_LOW}'’]+(?:-[{_LOW}]+)?)(?![\w'’-])"
)


# Words before an identifier that say what kind it is.
_ID_KEYS = (
    r"(?:patient\s+id|pt\.?\s+id|identifier|ID|SSN|social\s+security|"
    r"insurance|member|membership|policy|subscriber|encounter|visit|account|acct|order|"
    r"requisition|bill|invoice|authori[sz]ation|prior\s+auth|auth|i[ \t.]d|subject|"
    # A payer's pre-approval of an exam ("preauth # 55812", "Pre-cert: 7741093").
    r"pre-?auth(?:ori[sz]ation)?|pre-?cert(?:ification)?|"
    r"participant|group|randomi[sz]ation|screening\s+(?:no\.?|number)|interpreter|"
    r"last\s*(?:4|four)|"
    r"CSN|FIN|NHS|health\s+card|health\s+plan|licen[cs]e|device|study\s+id|claim|"
    # A device's serial number, its abbreviation after the word or alone ("disc serial SN
    # 4C19-77B2-0A", "S/N 88213"); "SN" alone is the substantia nigra.
    r"serial(?:[ \t]+(?-i:SN|S/N))?|(?-i:S/N)|"
    # A clinician's number in an audit log ("PAGE SENT to provider 1174"): it names the person.
    r"provider|"
    r"specimen|case|beneficiary|medicaid|medicare|passport|NPI|DEA|badge|employee|"
    r"enrollment|reference|ref|ticket|booking|barcode|wristband|bed|room|MBI|HICN|lot|batch|"
    r"job|emp|practice\s+code|GP\s+code|ICN|EDIPI|PHN|aadhaa?r|card|protocol|site|IRB|"
    # Provincial health numbers: Manitoba's PHIN and Saskatchewan's HSN.
    r"PHIN|HSN|"
    r"i[ \t]r[ \t]b|randomi[sz]ation\s+code|"
    r"transmittal|request|release|NRIC|PPS|p[ \t]p[ \t]s|"
    r"patient\s+(?:number|no)|"
    # National identity, tax and social security numbers of sites abroad ("CPF: 384.927.116-05",
    # "CURP: ...", "NIK: 3578 0412 ...", "NSS: 4387 65 1234-5", "n i c nine one two ..."); short
    # keys that are words or clinical abbreviations ("CI", "CNS", "CPR", "run", "sin") are left out.
    r"HCN|CPF|CNPJ|SUS|CURP|RFC|NSS|IMSS|DNI|NIE|NIF|CUIL|CUIT|RUT|NIK|KTP|NIC|CNIC|NID|NIN|BVN|"
    r"PESEL|BSN|AHV|RRN|SVNR|iqama|emirates\s+id|civil\s+id|c[ \t]p[ \t]f|n[ \t]i[ \t][ck]|"
    r"c[ \t]u[ \t]r[ \t]p|n[ \t]s[ \t]s|"
    # Belgium's national number (NISS, INSZ, "registre national"), said or written, and the
    # identity cards of the Maghreb and West Africa ("CIN BE784512", "CNI 112456789"); the
    # key "CIN" needs three digits, so "CIN 2" (a cervical lesion's grade) is never one.
    r"NISS|INSZ|CIN|CNIE|CNI|national\s+(?:number|id|register(?:\s+number)?)|"
    r"num[ée]ro\s+national|registre\s+national)"
)

# A second key between the first and the number ("Claim ICN 2224045118230").
_LEADING_KEY = re.compile(rf"(?i){_ID_KEYS}[ \t]+(?=\d)")


_TIME_AFTER_HOUR = re.compile(r"[:.h]\d")


def _pairs_enough(value: str) -> bool:
    """A number said partly in pairs is an id only when it is long ("room twelve forty five"
    is not one)."""
    return not _PAIR_WORDS.search(value) or _pair_digit_count(value) >= 8


def _keyed_id(match: re.Match) -> tuple[int, int] | None:
    """An id after its key: three digits or more (a trial site's two with a leading zero,
    "Site 07"), without a second key word before it."""
    digits = _digit_count(match.group("v"))
    if (
        not _pairs_enough(match.group("v"))
        or digits < 3
        and not (
            digits == 2
            and match.group("v")[:1] == "0"
            and match.group().lower().startswith("site")
            # "on site 09:40": the hour of a time
            and not _TIME_AFTER_HOUR.match(match.string, match.end("v"))
        )
    ):
        return None
    start, end = _with_glued_key(match)
    lead = _LEADING_KEY.match(match.string, start, end)
    return (lead.end() if lead else start), end


# A line of a DICOM header dump: "(0018,1000) DeviceSerialNumber  LO  CT98412" as text dumps
# write it, "(0008,0031) TM [091544.000000]  # 14, 1 SeriesTime" as dcmdump does, or
# "(0010,0020) PatientID: MRN0048821".
_DICOM_LINE = (
    r"(?m)\([0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\)[ \t]+"
    r"(?:(?P<n>[A-Za-z]+)[ \t]*:?[ \t]+(?:(?P<vr>[A-Z]{2})[ \t]+)?(?P<v>[^\s\[#][^\n]*?)"
    r"|(?P<vr2>[A-Z]{2})[ \t]+\[(?P<v2>[^\]\n]+)\][ \t]+#[^\n]*?(?P<n2>[A-Za-z]+))[ \t]*$"
)
# Which attributes say whose the study is, by value representation or by the attribute's name.
_DICOM_KINDS = (
    ("DATE", ("DA", "DT"), re.compile(r"Date$")),
    ("TIME", ("TM",), re.compile(r"Time$")),
    ("NAME", ("PN",), re.compile(r"(?:Patient|Physicians?|Operators|Performing)s?Name$")),
    ("ID", (), re.compile(r"(?:ID|IDs|Number|Numbers|Address)$")),
)
# Attributes that number parts of the study, not people ("SeriesNumber IS 3").
_DICOM_NOT_IDS = re.compile(r"(?:Series|Instance|Acquisition|Image|Temporal|Echo|Stack)Number$")


def _dicom_value(kind: int):
    """A keep for one kind of attribute: the value's span when the line's VR or name is it."""
    category, representations, names = _DICOM_KINDS[kind]

    def keep(match: re.Match) -> tuple[int, int] | None:
        group = "v" if match.group("v") is not None else "v2"
        name = match.group("n") or match.group("n2")
        representation = match.group("vr") or match.group("vr2")
        if representation in ("IS", "DS", "AS", "CS", "UI", "US", "FD", "FL", "SQ"):
            return None  # numbers, ages, codes and uids: not whose (uids have their own rule)
        if representation in representations or (
            not any(representation in other[1] for other in _DICOM_KINDS)
            and names.search(name)
            and not _DICOM_NOT_IDS.search(name)
        ):
            return match.span(group)
        return None

    return keep


def _dicom_dump_rules() -> tuple[_Rule, ...]:
    """The four rules that read a DICOM dump's dates, times, names and ids."""
    return tuple(
        _rule(category, _DICOM_LINE, keep=_dicom_value(kind))
        for kind, (category, _, _) in enumerate(_DICOM_KINDS)
    )


# A user name: lower case, with dots, underscores or digits ("jmorales3", "p.raghunathan",
# "dtran_md", "klindgren").
_HANDLE = r"[a-z][a-z0-9]*(?:[._][a-z0-9]+)*(?![\w@.-])"
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_HANDLE_SHAPE = re.compile(r"[a-z][a-z0-9]*(?:[._][a-z0-9]+)*")
_HANDLE_LETTERS = re.compile(r"[a-z]+")
_WORDS_OF_LINE = re.compile(rf"[{_UP}][{_LOW}]+(?:[-‐][{_UP}][{_LOW}]+)?")
_LINE_BEFORE_HANDLE = re.compile(r"[^\n]{0,120}$")


# A capitalised word just inside quotes: the nickname rules need one.
_QUOTED_CAPITAL = re.compile(r"[\"“][A-Z]")


def _chat_given(word: str) -> bool:
    """A listed given name that is no English, clinical or role word ("Bobby", not "Findings"
    or "Will")."""
    plain = word.lower()
    if plain in _NOT_PART or namebook.is_common(plain) or namebook.is_clinical(plain):
        return False
    return namebook.is_ever_given(word)


def _handle_ok(handle: str) -> bool:
    """A user name rather than a word ("note:", "system:"): with a dot, an underscore or a
    digit, or a word that no English list holds."""
    if re.search(r"[._\d]", handle):
        return len(handle) > 3
    return len(handle) > 4 and not namebook.is_common(handle) and not namebook.is_clinical(handle)


def _handle_of_name(match: re.Match) -> bool:
    """A user name in parentheses that spells a name word of its line with one or two initials
    before it ("(emarchetti)" after "Elise Marchetti", "(sopitt)" after "Oyelaran-Pitt")."""
    handle = match.group("v")
    letters = "".join(_HANDLE_LETTERS.findall(handle.removesuffix("_md")))
    line = _LINE_BEFORE_HANDLE.search(match.string, 0, match.start())
    for word in _WORDS_OF_LINE.findall(line.group() if line else ""):
        plain = word.lower()
        for part in {plain.replace("-", "").replace("‐", ""), *re.split("[-‐]", plain)}:
            if len(part) >= 4 and part != letters and letters.endswith(part):
                if 1 <= len(letters) - len(part) <= 2:
                    return True
    return False


# A user name made of one or two initials and a surname, with a number to tell namesakes apart
# ("jpatel", "rjacobsen", "hkim3", "mjgarcia").
_INITIALS_SURNAME_HANDLE = re.compile(r"(?P<i>[a-z]{1,2}?)(?P<s>[a-z]{3,})\d{0,3}")


def _initials_surname_handle(handle: str) -> bool:
    """Initials and a listed surname ("jpatel", "hkim3"), as departments make user names, and
    no English or clinical word ("across", "abide")."""
    match = _INITIALS_SURNAME_HANDLE.fullmatch(handle)
    if not match:
        return False
    word = _HANDLE_LETTERS.match(handle).group()
    if namebook.english_frequency().get(word, 0) or namebook.is_clinical(word):
        return False
    for cut in (1, 2):
        surname = word[cut:]
        if len(surname) >= 3 and namebook.is_ever_surname(surname):
            if not namebook.is_very_common(surname):
                return True
    return False


def _user_handle(match: re.Match) -> bool:
    """The user name after a user key or "by": initials and a surname, or after a user key any
    name with a dot, an underscore or a digit ("User: dtran_md")."""
    handle = match.group("v")
    if _initials_surname_handle(handle):
        return True
    return (
        match.group("k") is not None and _handle_ok(handle) and bool(re.search(r"[._\d]", handle))
    )


# The labels of the patient's name on French forms and in French speech ("Patiente:", "Nom
# et prénom:", "Nom de naissance:"), and the English ones.
_FR_PATIENT_LABEL = (
    r"patiente?|patient\(e\)|pt|name|patient[ \t]+name|"
    r"nom(?:[ \t]+(?:et[ \t]+pr[ée]noms?|du[ \t]+patient|de[ \t]+la[ \t]+patiente|"
    r"de[ \t]+naissance|de[ \t]+famille|d['’]usage))?"
)
# A surname in capitals: particles ("BEN", "HADJ", "NGO", "AÏT") are words of it, hyphens join
# its parts ("SAINT-FLEUR") and an elided particle may open it ("N'GUESSAN").
_CAPS_SURNAME = rf"(?:[NMDL]['’])?[{_UP}][{_UP}'’]+(?:-[{_UP}][{_UP}'’]+)*"
# A given name in title case, hyphenated or not ("Marie-Lourdes", "Khady").
_GIVEN_WORD = rf"(?:[DLNM]['’])?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)*"


def _surname_first_in_capitals(match: re.Match) -> tuple[int, int] | None:
    """A surname in capitals and given names after a patient label; not a modality, a
    clinical abbreviation or, after a label without a colon, an English word in capitals
    ("patient CT Head", "pt ALSO Noted")."""
    colon = ":" in match.group("c")
    words = [w for w in re.split(r"[ \t]+", match.group("s")) if w]
    named = [w for w in words if w.lower() not in _PARTICLE_WORDS]
    if not named or not any(len(w) >= 3 for w in named):
        return None
    for word in named:
        plain = word.lower()
        if word in _ACRONYMS or plain in _NOT_PART - {"saint"} or namebook.is_clinical(plain):
            return None
        if not colon and namebook.is_common(plain):
            return None
    given = _SPAN_WORD.match(match.string, match.end("s") + 1)
    if given is None or given.group().lower() in _NOT_PART or namebook.is_clinical(given.group()):
        return None
    kept = _trimmed(match, lead=False)
    if kept is None or kept[1] <= match.end("s"):
        return None
    more = _COMMA_GIVEN.match(match.string, kept[1])
    if (
        more
        and more.group("g").lower() not in _NOT_PART
        and namebook.is_ever_given(more.group("g"))
    ):
        return kept[0], more.end()  # "TAN Wei Ming, Jonathan": an English name after a comma
    return kept


_RULES: tuple[_Rule, ...] = (
    # A name spelled in the spelling alphabet ("that's golf india lima charlie ..."): four such
    # words in a row spell, and no digit follows them as in an id ("zulu kilo romeo four ...").
    _rule(
        "NAME",
        rf"(?i)(?<![\w'’-])(?:{_NATO})(?:[ \t]+(?:{_NATO})){{3,}}(?![\w'’-])"
        rf"(?![ \t]+(?:{_DIGIT_WORD}\b|\d))",
    ),
    # "KOWALCZYK^TERESA^M", "SMITH^JOHN", "Ferreira Lima^Joao^Paulo": a person's name as HL7 and
    # DICOM write it, up to the degree ("FENWICK^DAVID^L^^^MD": family, given, middle, suffix,
    # prefix, degree).
    _rule(
        "NAME",
        # Letters of any Latin alphabet: "KRZYŻANOWSKI^PIOTR^J".
        rf"(?<![{_LETTER}'’-])[{_LETTER}][{_LETTER}'’-]+(?:[ ][{_LETTER}][{_LETTER}'’-]+){{0,2}}"
        rf"\^[{_LETTER}][{_LETTER}'’-]*(?:\^[{_LETTER}.'’-]*){{0,5}}(?![\w^])",
        keep=_caret_name,
        needs=re.compile(rf"[{_LETTER}]\^[{_LETTER}]"),
    ),
    # "|3344^MBEKI^THANDO": the id of a person before the name in an HL7 field.
    _rule(
        "ID",
        r"(?<=[|~^])[A-Za-z]?\d{3,}"
        r"(?=\^(?P<f>[A-Za-z][A-Za-z'’ -]*)\^(?P<g>[A-Za-z][A-Za-z'’-]*))",
        keep=lambda m: _caret_person(m.group("f"), m.group("g"), m.string, m.start()),
        needs=re.compile(r"[|~^][A-Za-z]?\d{3,}\^[A-Za-z]"),
    ),
    # "MSH|^~\\&|RIS|...|ORU^R01|58813|P|2.3": an HL7 message's control id (MSH-10).
    _rule(
        "ID",
        r"(?m)^MSH\|(?:[^|\n]*\|){8}(?P<v>[^|\n]*\d[^|\n]*)",
        "v",
        keep=lambda m: _digit_count(m.group("v")) >= 3,
    ),
    # "2025-03-12T07:10:00": an ISO date and time, one identifier.
    _rule(
        "DATE",
        rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d"
        r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?\b",
    ),
    # East Asian dates: "2023年9月12日", a Republic of China year ("民國68年4月2日"), Korean
    # "2023년 11월 8일" and "2023. 11. 14".
    _rule(
        "DATE",
        r"(?:民國|民国)?\d{2,4}[ ]?年[ ]?\d{1,2}[ ]?月(?:[ ]?\d{1,2}[ ]?日)?"
        r"|\d{4}[ ]?년[ ]?\d{1,2}[ ]?월(?:[ ]?\d{1,2}[ ]?일)?"
        rf"|(?<![\w.]){_YEAR}\.[ ](?:0?[1-9]|1[0-2])\.[ ](?:0?[1-9]|[12]\d|3[01])\b",
        # The rules below start with a digit, where the cue index cannot narrow them: each
        # first asks for what its dates or times must hold.
        needs=re.compile(r"[年년]|\d\.[ ]\d"),
    ),
    # A Hijri date in digits ("1445/09/12 H"), a Republic of China year before its marker
    # ("112/07/15 (ROC)").
    _rule(
        "DATE",
        r"(?<![\w./-])(?:1[34]\d\d|1[01]\d(?=/\d\d/\d\d[ \t]*\((?:ROC|民國|民国)\)))"
        r"/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\w/-])",
        needs=re.compile(r"(?<![\w/])1[0-4]\d\d?/\d"),
    ),
    # Thai dates: a day, an abbreviated Thai month and a Buddhist-era year ("9 มี.ค. 2510").
    _rule(
        "DATE",
        r"(?<![\w.])\d{1,2}[ \t]*(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)"
        r"\.[ \t]*(?:25\d\d|\d\d)\b",
        needs=re.compile(r"[\u0e00-\u0e7f]"),
    ),
    # A day as an ordinal, "of" and the month ("the twenty-first of October, 2024", "12TH
    # FEBRUARY, 2024"), whatever the case.
    _rule(
        "DATE",
        rf"(?i)(?<![\w-])(?:{_WEEKDAY},?[ \t]+(?:the[ \t]+)?)?"
        rf"(?:{_SPOKEN_ORDINAL}|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th))"
        rf"[ \t]+(?:of[ \t]+)?{_MONTH}"
        rf"(?:,?[ \t]+(?:{_YEAR}|{_SPOKEN_YEAR})|[ \t]+{_TWO_DIGIT_YEAR})?(?![\w-])",
        # Tried anywhere (a day may be digits): only in a text that names a month.
        needs=_MONTH_WORDS
        | frozenset(
            """janvier fevrier vrier avril juin juillet aout ao septembre octobre novembre
            decembre cembre mai ionawr chwefror mawrth ebrill mehefin gorffennaf awst hydref
            tachwedd rhagfyr""".split()
        ),
    ),
    # "S23.07.09", "Reiwa 7.03.14": a Japanese era date.
    _rule(
        "DATE",
        r"\b(?:[MTSHR]|Meiji|Taisho|Showa|Heisei|Reiwa)[ ]?\d{1,2}[./](?:0?[1-9]|1[0-2])[./]"
        r"(?:0?[1-9]|[12]\d|3[01])\b",
    ),
    _rule("EMAIL", r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"),
    _rule(
        "EMAIL",
        # The address may be spelled letter by letter: "w o c o n n e l l at u h c c dot e d u";
        # its parts may end in numbers said as words ("lan dot tran eighty two at ..."), and a
        # part after a dot or an underscore may be spelled too ("p holt underscore m d at").
        rf"(?i)\b(?:[a-z][ \t]+){{0,20}}[a-z0-9]+"
        rf"(?:[ \t]+(?:dot|underscore|dash)[ \t]+(?:[a-z][ \t]+){{0,8}}[a-z0-9]+){{0,4}}"
        rf"(?:[ \t]+(?=[tfsenzo])(?:{_TENS}|{_TEEN}|{_DIGIT_WORD})\b){{0,4}}"
        r"[ \t]+at[ \t]+(?:[a-z0-9][ \t]+){0,12}"
        r"[a-z0-9-]+(?:[ \t]+[a-z0-9-]+)?(?:[ \t]+dot[ \t]+[a-z0-9-]+){0,4}[ \t]+dot[ \t]+"
        r"(?:com|org|net|edu|gov|io|health|info|us|uk|ca|au|de|fr|nl|[a-z](?:[ \t][a-z]){1,2})\b",
        needs=frozenset({"dot"}),
    ),
    _rule(
        "URL",
        r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]}]"
        r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|health|info|biz|us|uk|ca|au|de|fr|nl)"
        r"\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]}])?",
        # Each address holds "://", "www." or a dot before two letters of its domain (the
        # letters that match a-z without case included), found without trying every word.
        needs=re.compile("://|[wW]{3}\\.|\\.[A-Za-z\u0130\u0131\u017f\u212a]{2}"),
    ),
    # "h t t p s colon slash slash portal dot example dot org slash ...": an address said aloud,
    # to the end of its sentence.
    _rule(
        "URL",
        r"(?im)\b(?:h[ \t]*t[ \t]*t[ \t]*p[ \t]*s?[ \t]+colon[ \t]+slash[ \t]+slash|"
        r"w[ \t]*w[ \t]*w[ \t]+dot)[ \t]+.*?(?=[ \t]+(?:period|comma|full[ \t]+stop)\b|[ \t]*$)",
        needs=frozenset({"slash", "dot"}),
    ),
    # "image share dot valleyhealth dot org slash patient slash ...": an address said aloud
    # without its scheme, from the words of its host to the end of its sentence.
    _rule(
        "URL",
        r"(?im)\b(?:(?!(?:the|a|an|at|via|on|to|from|link|portal|website|site|is|colon|visit|see|"
        r"and|or|in|go|my|our|your|of)\b)[a-z0-9-]+[ \t]+)?[a-z0-9-]+(?:[ \t]+dot[ \t]+[a-z0-9-]+)*"
        r"[ \t]+dot[ \t]+(?:com|org|net|edu|gov|health|info|io|us|uk|ca|au|de|fr|nl)\b"
        r"(?:[ \t]+slash[ \t]+.*?(?=[ \t]+(?:period|comma|full[ \t]+stop)\b|[ \t]*$))?",
        needs=re.compile(r"dot[ \t]+(?:com|org|net|edu|gov|health|info|io|us|uk|ca|au|de|fr|nl)\b"),
    ),
    _rule(
        "MRN",
        rf"(?i)(?<!\w)(?=[MmHhCcRrUuFfIiOoNnAaDd])"
        # "Dossier: 26/11872", "IPP 290123456": the patient's file at French-speaking sites.
        rf"(?:dossier|IPP|MRN|m\.?[ \t]r\.?[ \t]n\b\.?|MR\s*#|MR\s+(?:no\.?|number)|"
        rf"med(?:ical)?\s+rec(?:ord)?s?|"
        rf"(?:hospital|hosp|chart|record|unit|registration|reg|folder|file|clinic|IP|OP|CR|o[ \t]p)"
        rf"\.?\s+(?:number|no\.?|#)|UR\s*(?:number|no\.?|#)|URN|UR|UHID|CRN|NHS|CHI|IHI|"
        rf"clinic\s+folder|folder|RAMQ|r[ \t]a[ \t]m[ \t]q|OHIP|NAM|NHI|IPD|OPD|n[ \t]h[ \t]i|"
        rf"i[ \t]h[ \t]i|"
        rf"u[ \t]r[ \t]n|H&C|"
        rf"u[ \t]h[ \t]i[ \t]d|"
        # "RN: HKL/24/118904": the registration number at Malaysian sites (a nurse is "RN,").
        rf"(?-i:RN)(?=[ \t]*:)|"
        # "HN: 65-012345/2", "AN: 66/021877": the hospital and admission numbers of Thai and
        # Hong Kong sites, with a check digit in brackets ("HN19004527(3)").
        rf"(?-i:HN|AN)(?=[ \t]*:))(?![A-Za-z])"
        rf"{_KEY_TAIL}(?P<v>(?:{_SPACED_ID}|{_ID_GROUPED})(?:\(\d\))?)(?![\w/-])",
        "v",
        keep=_with_glued_key,
    ),
    _rule(
        "ACCESSION",
        rf"(?i)\b(?=[Aa])(?:accession|accessions|acc|accn|acsn"
        # Dutch and Scandinavian sites' key: "Accessienummer: GV26CT003318".
        rf"|accessienummer|accessienr|accessionsnummer|accessionsnr)\.?{_KEY_TAIL}"
        # The system that numbers it is not part of it ("Accession: RIS 25MR004417").
        rf"(?:(?:RIS|PACS|EHR|EMR)[ \t]+)?" rf"(?P<v>{_SPACED_ID}|{_ID_GROUPED})(?![\w/-])",
        "v",
        keep=_with_glued_key,
    ),
    # With no key: a year, a modality and a serial joined by dashes names one study
    # ("A2024-CT-098817", "24-MR-0041187", a site's prefix first: "KBH-25-US-10442").
    _rule(
        "ACCESSION",
        rf"(?<![\w/-])(?:[A-Z]{{1,5}}-)?[A-Z]?(?:20)?\d\d-{_MODALITY}-\d{{4,}}(?![\w/-])",
        needs=re.compile(rf"\d-{_MODALITY}-\d"),
    ),
    # National numbers of French-speaking countries by their shape, with or without a key: a
    # Belgian NISS ("58.03.12-345.67": birth date, serial, check) and a French NIR in its
    # printed groups ("1 64 05 99 412 087 36": sex, year, month, department, commune, serial,
    # key), which the keyed rule below would cut after four groups.
    _rule(
        "ID",
        r"(?<![\w.,+-])\d\d\.[0-5]\d\.[0-3]\d[-.]\d{3}\.\d\d(?![\w-]|\.\d)"
        r"|(?<![\w.,+-])[1-478][ ]\d\d[ ](?:0[1-9]|1[0-2]|[2-9]\d)[ ](?:\d\d|2[ABab])[ ]\d{3}"
        r"[ ]\d{3}(?:[ ]\d\d)?(?![\w-]|[.,]\d)",
        needs=re.compile(r"\d\.[0-5]\d\.[0-3]\d[-.]\d|\d[ ]\d\d[ ]\d\d[ ]\w\w[ ]\d{3}[ ]"),
    ),
    _rule(
        "ID",
        rf"(?i)(?<!\w){_initials(_ID_KEYS)}{_ID_KEYS}(?![a-z])"
        rf"{_KEY_TAIL}(?P<v>{_SPOKEN_PAIRS}|{_SPOKEN_KEYED_ID}|\d(?:[ \t]\d){{2,}}\b|{_ID_GROUPED})"
        rf"(?![\w/-])",
        "v",
        keep=_keyed_id,
    ),
    # A medical council's registration with no "No." ("PMDC 48213-P", "BMDC A-51207", "MMC
    # 55721", "SMC reg. M12345A", "MDCN/R/48213" is read by the slash rule).
    _rule(
        "ID",
        r"\b(?:PMDC|BMDC|MMC|SMC|MDCN|NMC|MCI|KMPDC|HPCSA|GMC|IMC|MCNZ|AHPRA|CPSO|CMQ|SLMC|NMDC)"
        r"(?:[ \t]+(?i:reg(?:istration|n)?|no|number)\.?)?[ \t]*[:#]?[ \t]*"
        r"(?P<v>[A-Z]?-?\d{4,}(?:-[A-Z])?|[A-Z]{1,3}\d{4,}[A-Z]?)(?![\w/-])",
        "v",
    ),
    # Registrations of Spanish- and Portuguese-speaking doctors with no state: Peru's "CMP 45872
    # RNE 23115", Argentina's "MN 118.452", Brazil's "CRM 112.908", Portugal's "OM 48213"; a
    # Colombian citizen's card "C.C. 31.987.654". Thousands may be dotted, no unit follows
    # ("CRM 2 mm" is a margin).
    _rule(
        "ID",
        r"\b(?:CMP|RNE|MN|MP|OM|CRM|C\.C\.)[ \t]*(?:n[ºo°]\.?[ \t]*)?[:#]?[ \t]*"
        r"(?P<v>\d{1,3}(?:\.\d{3})+|\d{4,6})(?![\w/-]|[.,]\d|[ \t]*(?:mm|cm|%))",
        "v",
        needs=re.compile(
            r"\b(?:CMP|RNE|MN|MP|OM|CRM|C\.C\.)[ \t]*(?:n[ºo°]\.?[ \t]*)?[:#]?[ \t]*\d"
        ),
    ),
    # "CRM-SP 98431", "CRM/RS 34127", "CRM-RJ 52.81234-7": a doctor's registration with a
    # Brazilian council and its state, with its check digit ("CRM threatened" in a rectal MRI
    # is a margin, and has no state after it).
    _rule(
        "ID",
        r"\b(?:CRM|CRO|COREN|CRF|CRN|CRP|CREFITO)[-/ ](?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|"
        r"PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)[ \t]*(?:n[ºo°]\.?[ \t]*)?[:#]?[ \t]*"
        r"(?P<v>\d[\d.]{2,}\d(?:-\d)?)(?![\w/-])",
        "v",
    ),
    # A health insurer's member number in spaced groups after its key and the insurer's name
    # ("Obra social: OSDE 61 234567 8 01", "Carteirinha Unimed 0 123 456789012 3"): each group
    # alone is too short for an id, so the key says where the number starts and ends.
    _rule(
        "ID",
        r"(?i:\b(?:obra[ \t]+social|afiliado|afiliada|carteirinha|carnet|credencial)\b)"
        r"[ \t]*(?:n[ºo°]\.?[ \t]*)?:?[ \t]*(?:[A-Z][A-Za-z]{1,9}[ \t]+)?"
        r"(?P<v>\d{1,6}(?:[ \t]\d{1,12}){1,5})(?![\w.,/-])",
        "v",
        keep=lambda m: sum(c.isdigit() for c in m.group("v")) >= 8,
    ),
    # Mobile numbers of Peru and Spain in three groups of three after a Spanish phone key
    # ("cel. 959 412 873", "Citas: 955 731 228", "móvil 612 345 678").
    _rule(
        "PHONE",
        r"(?i:\b(?:cel|cell|celular|m[oó]vil|whatsapp|tel[eé]fono|telf|tel|fono|citas)\b)\.?:?"
        r"[ \t]*(?P<v>\d{3}[ .]\d{3}[ .]\d{3})(?![\w-]|[ .]\d)",
        "v",
    ),
    # "LAB NO: US/3391/24", "NHIS No.: NHIS-LAG-0087726-03": a header field named by any word
    # and "No."; an abbreviation with its full stop needs no colon ("PMDC No. 45821-P", "Referral
    # no. 88214-B", a council's "BMDC Reg. A-48721", "PRC Lic. No. 0098765").
    _rule(
        "ID",
        r"\b(?:(?<=\w[ \t.])|(?<=\w\.[ \t]))"
        r"(?:(?:No|NO|Nr|NR|Number|NUMBER)\b\.?[ \t]*[:#]|(?:No|NO|no|Nr|NR|Reg|REG|Regn|Lic)\.)"
        rf"[ \t]*(?P<v>{_ID_GROUPED})(?![\w/-])",
        "v",
        keep=_numbered_field,
    ),
    # "Nº processo: 1182 440", "Nº utente SNS: 284 517 903", "N° d'examen : ...", "Nr badania:
    # ...": the number sign of sites abroad before the field's words and its colon.
    _rule(
        "ID",
        r"(?<!\w)(?:N[º°]|N\.º|Nr\.?|Núm\.?)[ \t]*(?:d['’]|de[ \t]+|do[ \t]+|da[ \t]+)?"
        r"(?P<f>[^\W\d_]+)(?:[ \t]+[^\W\d_]+){0,2}[ \t]*(?:\([A-Za-z]{2,6}\)[ \t]*)?:[ \t]*"
        # A longer number in groups is left whole to the rules of its shape.
        rf"(?P<v>{_ID_GROUPED})(?![\w/-]|[ ]\d)",
        "v",
        keep=lambda m: _digit_count(m.group("v")) >= 4
        and m.group("f").lower() not in _NOT_ID_FIELDS,
        needs=re.compile(r"N[º°]|N\.º|\bNr\b|Núm"),
    ),
    *_dicom_dump_rules(),
    # "m as in mary r as in robert four four zero two nine one": letters said with a word for
    # each, and the digits after them.
    _rule(
        "ID",
        rf"(?i)\b(?:[a-z][ \t]+as[ \t]+in[ \t]+[a-z]+(?:[ \t]+|,[ \t]*)){{1,8}}"
        rf"(?:{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD})*\b)?",
        keep=lambda m: (m.start(), m.start() + len(m.group().rstrip(" \t,"))),
        needs=frozenset({"as"}),
    ),
    # "TRAUMA ZULU 4471", "trauma yankee two two zero nine": an unidentified patient's alias.
    _rule(
        "ID",
        rf"(?i)\b(?:trauma|alias|unknown|unidentified)[ \t]+(?:{_NATO})[ \t]+"
        rf"(?:\d{{2,}}|{_DIGIT_WORD}(?:[ \t]+{_DIGIT_WORD})+)\b",
        needs=re.compile(r"(?i)trauma|alias|unknown|unidentified"),
    ),
    # "RN: Pennington, M" in a tracking board's column: a surname and an initial standing
    # alone between columns.
    _rule(
        "NAME",
        rf"(?m)(?<=[ \t]{{2}})(?P<s>{_CAP_WORD}),[ ][{_UP}]\.?(?=[ \t]{{2,}}|[ \t]*$)",
        keep=lambda m: not (
            m.group("s").lower() in _NOT_PART
            or namebook.is_clinical(m.group("s"))
            or namebook.is_common(m.group("s"))
        ),
        needs=re.compile(rf"[{_LETTER}],[ ][{_UP}]\.?(?:[ \t]{{2}}|[ \t]*$)", re.M),
    ),
    # "m. hardesty rn -> a. begaye rn": an initial and a surname in lower case, signed with a
    # credential, as handoff notes sign them.
    _rule(
        "NAME",
        r"(?<![\w.])[a-z]\.[ \t]?[a-z]{2,}(?:[-'’][a-z]{2,})?(?=[ \t]*,?[ \t]*"
        r"(?:rn|lpn|np|pa-c|cna|emt|rt|rrt|md|aprn|crna)\b(?![.\w/-]))",
        keep=lambda m: not namebook.is_common(m.group()[2:].strip()),
        needs=frozenset("rn lpn np pa cna emt rt rrt md aprn crna".split()),
    ),
    # "TRAUMA, DELTA", "Trauma Echo": the alias alone, as a tracking board lists it; not a tier
    # of trauma activation ("trauma alpha activation").
    _rule(
        "NAME",
        rf"(?i)\b(?:trauma|unknown|unidentified)(?:,[ \t]*|[ \t]+)(?:{_NATO})\b"
        r"(?![ \t]+(?:activation|activated|alert|page|paged|team|call|level|response|criteria|"
        r"tier|bay|room)\b)(?![ \t,-]*\d)",
        needs=re.compile(r"(?i)trauma|unknown|unidentified"),
    ),
    # "SSN (last 4): 7731", "last four of social three three one nine".
    _rule(
        "ID",
        rf"(?i)\blast[ \t]*(?:4|four)(?:[ \t]+(?:digits[ \t]+)?(?:of[ \t]+)?(?:the[ \t]+)?"
        rf"(?:social|ssn|ss#|social[ \t]+security))?(?:[ \t]+only)?\)?[ \t]*[:#]?[ \t]*"
        rf"(?:is[ \t]+)?"
        rf"(?P<v>(?:{_SSN_HIDDEN})?\d{{4}}|{_DIGIT_WORD}(?:[ \t]+{_DIGIT_WORD}){{3}})\b",
        "v",
        needs=re.compile(r"(?i)last"),
    ),
    # Letters and a birth date in one code: "SPSGPP52C12F839K" (an Italian codice fiscale),
    # "HESG900812MGTRNL04" (a Mexican CURP), "HESG900812AB3" (a Mexican RFC).
    _rule(
        "ID",
        # One run of four capitals first: a word that has none fails at once.
        r"\b[A-Z]{4}(?:[A-Z]{2}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]|\d{6}(?:[HM][A-Z]{5}[A-Z\d]\d|"
        r"[A-Z\d]{3}))\b",
    ),
    # "2 38 07 69 123 456 78", "3578 0412 0566 0003", "700 5012 3478 9654": twelve digits or more
    # in groups (a French NIR, an Indonesian NIK, a Brazilian health card); a "+" before is a
    # phone's country code.
    _rule(
        "ID",
        rf"(?<![\w.,+])\d{{1,4}}(?:[ ]\d{{2,4}}){{3,}}(?![\w,]|\.\d)(?!\s*{_UNITS}\b)",
        keep=_enough_digits(12),
    ),
    # Digits in thousands and a check digit: "384.927.116-05" (a Brazilian CPF), "1.458.772-3",
    # "12.345.678-K" (a Chilean RUT), "12.345.678/0001-90" (a CNPJ).
    _rule(
        "ID",
        r"(?<![\w.,/-])\d{1,3}(?:\.\d{3}){2,4}(?:/\d{4})?-[\dKkXx]{1,2}(?![\w.-])",
    ),
    # "DMC/R/07731", "OPD/2024/33871": a site's letters and a number in slash-separated parts,
    # with no key before it (five digits or more: "ACR/2017" is a guideline).
    _rule(
        "ID",
        r"(?<![\w/.-])[A-Z]{1,5}(?:/[A-Z0-9]{1,5})*/\d{4,}(?:/\d{1,6})*(?![\w/-])",
        keep=_enough_digits(5),
        needs=re.compile(r"[A-Z]/(?:[A-Z0-9]{1,5}/)*\d{4}"),
    ),
    # "d n i treinta y dos millones cuatrocientos mil ciento diez": a national number said as
    # one Spanish cardinal after its key; thousands or millions make it an id, not a measure.
    _rule(
        "ID",
        rf"(?i)\b(?:d[ \t.]?n[ \t.]?i|rut|run|c[eé]dula|documento|c[ \t.]?c|pasaporte)\.?:?"
        rf"[ \t]+(?P<v>{_ES_CARDINAL}(?:[ \t]+(?:y[ \t]+)?{_ES_CARDINAL}){{3,}})\b",
        "v",
        keep=lambda m: _ES_THOUSANDS.search(m.group("v")) is not None,
        needs=_ES_THOUSANDS,
    ),
    # "cuatro cuatro uno nueve ocho dos": digits said one by one in Spanish.
    # A spoken "guion" joins groups ("uno guion cero tres cuatro cinco"), and a prefix in
    # capitals may come first ("RX guion cuatro cinco cero nueve uno").
    _rule(
        "ID",
        rf"(?i)(?:\b(?-i:[A-Z]{{1,4}})[ \t]+gui[oó]n[ \t]+)?\b{_ES_DIGIT}"
        rf"(?:(?:[ \t,-]+|[ \t]+gui[oó]n[ \t]+)(?:{_ES_DIGIT}|{_DIGIT_WORD})){{4,}}\b",
        needs=frozenset({"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho"}),
    ),
    # Portuguese digits said one by one ("prontuário nove oito sete seis cinco quatro").
    _rule(
        "ID",
        rf"(?i)\b{_PT_DIGIT}(?:(?:[ \t,-]+|[ \t]+(?:tra[cç]o|h[ií]fen)[ \t]+){_PT_DIGIT}){{4,}}\b",
        needs=re.compile(r"(?i)\b(?:dois|duas|tr[eê]s|quatro|sete|oito|nove)\b"),
    ),
    # An extension or a pager said in Spanish digits ("a la extensión tres dos cero cinco").
    _rule(
        "PHONE",
        rf"(?i)\b(?:extensi[oó]n|anexo|interno|busca|ramal)[ \t]+"
        rf"(?P<v>{_ES_DIGIT}(?:[ \t]+{_ES_DIGIT}){{2,}})\b",
        "v",
        needs=re.compile(r"(?i)extensi|anexo|interno|busca|ramal"),
    ),
    _rule(
        "ID",
        rf"(?i)\b{_FR_DIGIT}(?:[ \t,-]+{_FR_DIGIT}){{4,}}\b",
        needs=frozenset({"deux", "trois", "quatre", "cinq", "sept", "huit", "neuf"}),
    ),
    # "one point two point eight four zero point ...": a DICOM uid said aloud.
    _rule(
        "ID",
        # Bounded, possessive runs: a long run of number words must not make this quadratic.
        rf"(?i)\b{_DIGIT_WORD}\b(?:[ \t]+{_DIGIT_WORD}\b){{0,11}}+"
        rf"(?:[ \t]+point[ \t]+{_DIGIT_WORD}\b(?:[ \t]+{_DIGIT_WORD}\b){{0,11}}+){{3,16}}",
        needs=frozenset({"point"}),
    ),
    # "123-45-6789", and "xxx-xx-4921" with all but the last four hidden.
    _rule("ID", rf"(?<![\w*-])(?:\d{{3}}-\d{{2}}-|{_SSN_HIDDEN})\d{{4}}\b"),
    # "2024 barra 88413", "2023 slash 004417": a number with its slash said aloud (Italian,
    # Spanish and Portuguese "barra", German "Schrägstrich"); a month and a year is a date's.
    _rule(
        "ID",
        # Not two parts of a date of three ("4 slash 19 slash 2022").
        r"(?i)(?<![\w.])(?<!(?:slash|barra)[ \t])\d{2,}[ \t]+(?:barra|slash|schrägstrich)[ \t]+"
        r"\d{4,}(?![\w.])(?![ \t]+(?:slash|barra)\b)",
        keep=lambda m: not re.fullmatch(r"(?i)(?:0?[1-9]|1[0-2])\D+(?:19|20)\d\d", m.group()),
        needs=frozenset({"barra", "slash", "schr"}),
    ),
    # "A123456(7)": a Hong Kong identity card number with its check digit.
    _rule("ID", r"\b[A-Z]{1,2}\d{6}\([0-9A]\)"),
    # "#88213", "#2026-CP-044918": a case or report number after its sign, with a code of
    # capitals between its parts.
    _rule("ID", r"(?<![\w#])#[A-Za-z]{0,5}-?\d{4,}(?:-(?:[A-Z]{1,5}-)?\d+)*\b"),
    _rule(
        "PHONE",
        r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
        # "poste" is the extension at French-speaking sites ("514 555-0187 poste 3").
        r"(?:,?\s*(?:x|ext\.?|extension|poste)\s*\d{1,6})?(?![\w-])",
    ),
    _rule(
        "PHONE",
        r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\w-])",
        keep=_enough_digits(8),
    ),
    # "plus two one two six sixty one forty five twelve eighty": an international number said
    # with its country code digit by digit and the rest in pairs, as French speakers say it.
    _rule(
        "PHONE",
        rf"(?i)(?<![\w-])plus[ \t]+(?:{_DIGIT_WORD}[ \t]+){{1,3}}{_SPOKEN_PAIRS}",
        keep=lambda m: _pair_digit_count(m.group()) >= 9,
        needs=frozenset({"plus"}),
    ),
    _rule(
        "PHONE",
        r"(?i)(?<!\w)(?=[PpTtMmFfCcRrSsEeBbAaHhGgLlVvWwKkDdIiNnQq])"
        # A pager called to: "paged directly to 3-0917".
        r"(?P<k>paged(?:[ \t]+directly)?[ \t]+(?:to|at|on)|"
        # Extensions and pagers of sites abroad: Polish "wew.", Dutch "sein", French "bip",
        # German "Durchwahl" and "Klappe", Italian "interno", Spanish "anexo", a "locator".
        r"wew|wewn|sein|bip|bipper|durchwahl|klappe|nebenstelle|interno|int(?=\.)|anexo|ramal|"
        r"toestel|"
        # The Spanish pager ("busca 5631") and the Turkish extension ("dahili 2271").
        r"busca|dahili|" r"locator|"
        # Portuguese and Spanish: "contacto 912 345 678", "telemóvel", "teléfono".
        r"contacto|contato|telefone|tel[ée]fono|telem[óo]vel|celular|"
        r"phone|telephone|tel|ph|mob|fax|facsimile|t[ée]l[ée]c|pager|page|"
        r"beeper|bleep|cell|mobile|callback|call\s*back|call|contact|reach|reached|switchboard|"
        # "local" and "loc." are the extension at sites in the Philippines and Canada.
        r"ext|extension|local|loc|area\s+code|telefon|tlf|handy|gsm|m[oó]vil|cellulare|"
        # Nordic extensions ("lokal 45231") and the Icelandic phone ("sími 543 6610").
        r"lokal|s[ií]mi|" r"t[ée]l[ée]avertisseur|"
        # Hospital handsets and Asian sites' phones ("Vocera 7-3321", "PHS 6021", "HP 9123 4560").
        r"vocera|spectralink|ascom|phs|handphone|hp|"
        # A direct line ("DID 6321 4477", Singapore and Hong Kong) and a footer's number for
        # questions ("Enquiries: 6394 1234", "For queries: 044-4917 6600"); "did" is a verb.
        r"(?-i:DID)|enquiries|enquiry|inquiries|inquiry|queries)\.?"
        # The extension's word after the phone's: "tel. wew. 2314", "Telefon Klappe 4 5 8 2 1".
        r"(?:[ \t]*(?P<x>wew|wewn|durchwahl|klappe|interno|anexo|ramal|toestel|ext)\b\.?)?"
        r"\s*(?:number|no\.?|#)?\s*(?:is\s+)?[:#]?\s*(?:(?:us|me|him|her|them)\s+)?"
        r"(?:at\s+|on\s+)?"
        # Digits said one by one with a spoken "dash" ("6 1 3 dash 5 5 5 dash 0 1 1 2"), an
        # area code before a slash ("619/555-0135").
        r"(?P<v>\d(?:(?:[ \t]+|[ \t]+dash[ \t]+)\d){6,}\b|\d{3}/\d{3}-\d{4}\b"
        r"|\(?\d[\d(). \t-]{1,}\d(?:\s*(?:x|ext\.?)\s*\d{1,6})?(?![\w-])"
        rf"|(?i:(?:plus[ \t]+)?{_TOLL_FREE}?{_DIGIT_WORD}"
        rf"(?:(?:[ \t,-]+|[ \t]+comma[ \t]+){_DIGIT_WORD}){{2,}})\b)",
        "v",
        keep=_keyed_phone,
    ),
    _rule("PHONE", r"(?<![\w.-])\d{3}-\d{4}(?:\s*(?i:x|ext\.?)\s*\d{1,6})?(?![\w-])"),
    # "five five five ... two six zero extension thirty one": an extension said after a number.
    _rule(
        "PHONE",
        rf"(?i)\b(?:ext|extension)\.?[ \t]+(?P<v>(?:{_DIGIT_WORD}|{_TEEN}|{_TENS})"
        rf"(?:[ \t-]+(?:{_DIGIT_WORD}|{_TEEN}|{_TENS})){{0,4}})\b",
        "v",
        keep=lambda m: bool(_NUMBER_BEFORE.search(m.string, max(0, m.start() - 24), m.start())),
        needs=frozenset({"extension", "ext"}),
    ),
    # Numbers with a trunk prefix ("020 7946 0552", "0491 572 665") and bare extensions
    # ("x2291", "x4-6617").
    _rule(
        "PHONE",
        # The trunk prefix may end in a dash ("044-4917 6600", Chennai), a British number may
        # be five digits and six ("07700 900461").
        r"(?<![\w+.-])(?:(?:0\d{1,4}|\(0\d{1,4}\))[ ]|0\d{2,4}-)\d{3,4}[ ]\d{3,4}"
        r"(?:\s*(?i:x|ext\.?|extension)\s*\d{1,6})?"
        r"(?![\w-]|\.\d)"
        r"|(?<![\w+.-])0\d{4}[ ]\d{6}(?![\w-]|\.\d)",
    ),
    _rule("PHONE", r"(?<![\w.])x\d[\d-]{2,6}\d(?![\w-])"),
    # "(Mrs. Kwok) 9123 4567", "on 6321 4477": eight digits in two fours, as Singapore and Hong
    # Kong write every phone (no trunk prefix), right after a person in brackets or "on", "at",
    # "or", "via" (two lab values in a row have none of these before them); a year starts with
    # 1 or 2, a longer grouped id or a size does not stop after two groups.
    _rule(
        "PHONE",
        r"(?:(?<=\)[ ])|(?<=\b(?:on|at|or)[ ])|(?<=\bvia[ ]))"
        rf"[3-9]\d{{3}}[ ]\d{{4}}(?![\w/:-]|[.,]\d|[ ]\d)(?![ \t]*{_UNITS}\b)",
        needs=re.compile(r"(?<!\d)[3-9]\d{3}[ ]\d{4}(?!\d)"),
    ),
    # "paged 5-2218", "bleeped 3-0917": an extension with its exchange digit, after the verb
    # ("paged 0625" is a time, left to the time rules).
    _rule(
        "PHONE",
        r"(?i)\b(?:paged|bleeped)[ \t]+(?P<v>\d{1,2}-\d{4})(?![\w-])",
        "v",
        needs=re.compile(r"(?i)(?:paged|bleeped)[ \t]+\d{1,2}-\d"),
    ),
    # "06 12 34 56 78" (France), "040 555 01 23" (Germany), "plus four nine eight nine ...".
    _rule(
        "PHONE",
        rf"(?<![\w.,])0\d{{1,4}}(?:[ ]\d{{2,4}}){{2,4}}(?![\w,]|\.\d)(?!\s*{_UNITS})",
        keep=_enough_digits(9),
    ),
    _rule(
        "PHONE",
        rf"(?i)\bplus[ \t]+{_DIGIT_WORD}(?:[ \t,-]+{_DIGIT_WORD}){{7,14}}\b",
        needs=frozenset({"plus"}),
    ),
    # "619/555-0135" as well as "619/555/0135".
    _rule("PHONE", r"(?<![\w./-])\d{3}/\d{3}[/-]\d{4}(?![\w/-])"),
    # "five five five dot four eight two dot nine one zero three": a number said with its dots.
    _rule(
        "PHONE",
        rf"(?i)\b{_DIGIT_WORD}(?:[ \t]+{_DIGIT_WORD}){{2}}[ \t]+dot[ \t]+{_DIGIT_WORD}"
        rf"(?:[ \t]+{_DIGIT_WORD}){{2}}[ \t]+dot[ \t]+{_DIGIT_WORD}(?:[ \t]+{_DIGIT_WORD}){{3}}\b",
        needs=frozenset({"dot"}),
    ),
    # After a bare "number" (no kind said: "p p s number", "patient number"), four digits or more;
    # tried after the phone rules so that "callback number ..." stays a phone.
    _rule(
        "ID",
        rf"(?i)(?<!\w)number{_KEY_TAIL}"
        rf"(?P<v>{_SPOKEN_PAIRS}|{_SPOKEN_KEYED_ID}|\d(?:[ \t]\d){{3,}}\b|{_ID_GROUPED})"
        rf"(?![\w/-])",
        "v",
        keep=lambda m: _digit_count(m.group("v")) >= 4 and _pairs_enough(m.group("v")),
        needs=frozenset({"number"}),
    ),
    # Strong name contexts first: after a title or "Patient:", even "June" is a name.
    _rule(
        "NAME",
        # Indonesian and Malaysian sites write "dr." and "drg." in lower case ("dr. Wulan").
        rf"(?<!\w)(?P<t>{_TITLE}|DRS?|DOCTOR|MRS|MISS|PROF|NURSE|dr|drg|"
        # "HUSBAND, MR BABATUNDE BANJO": in capitals only after a comma, where no study is named.
        # Polish "lek." (physician) in lower case, as "dr." is.
        rf"(?<=,[ ])MR|lek)\b\.?\s+"
        # German and Swiss doctors' degree after the title: "Dr. med. Lukas Steiner".
        rf"(?:med\.[ \t]+)?"
        # A woman doctor's form of address in brackets: "DR. (MRS) FOLASADE ...".
        rf"(?:\((?i:mrs|ms|miss|mr)\)[ \t]+)?"
        rf"(?P<v>(?>(?:{_PARTICLE_ANY}[ \t])*{_LABEL_SEQ})){_EPONYM_USE}",
        "v",
        keep=_after_title,
    ),
    # "From: Beatriz Albuquerque", "Reply from: Kendra Oyelaran, RN": the people in the header
    # lines of a message.
    _rule(
        "NAME",
        rf"(?m)^(?:From|To|Cc|CC|Reply[ \t]+from|Sent[ \t]+by)[ \t]*:[ \t]*(?:{_TITLE}\b\.?\s+)?"
        rf"(?P<v>{_NAME_SEQ}(?:,[ \t]*{_NAME_SEQ})?)",
        "v",
        keep=_header_name,
    ),
    # "Thank you, Bea", "Regards,\nTomasz": a writer signs a message.
    _rule(
        "NAME",
        rf"\b(?:Thank[ \t]+you|Thanks|Regards|Best[ \t]+regards|Kind[ \t]+regards|Sincerely|"
        rf"Cheers|Best[ \t]+wishes)[,!.]?[ \t]*\n?[ \t]*"
        rf"(?P<v>{_CAP_WORD}(?:[ \t]{_CAP_WORD})?)(?=[ \t]*(?:$|\n|[.!]))",
        "v",
        keep=lambda m: _trimmed(m, lambda w: _could_be_name(w) and not namebook.is_common(w)),
    ),
    # Speech recognition writes titles and names in lower case: "discussed with doctor patel".
    _rule(
        "NAME",
        rf"(?<!\w)(?:[Dd]rs?|DR|[Dd]octor|DOCTOR|[Mm]rs?|[Mm]s|[Mm]x|[Mm]iss|[Mm]ister|[Mm]issus|"
        rf"[Nn]urse|NURSE|"
        rf"[Ss]ister|"
        rf"[Pp]rof|[Pp]rofessor|[Ss]mt|[Ss]hri|[Hh]err|[Ff]rau|[Pp]ani?|[Mm]evrouw|[Mm]eneer|"
        rf"[Dd]hr|[Mm]evr|[Ss]ignora|[Ss]ignor|[Ss]eñora|[Ss]eñor|[Rr]abbi|[Oo]fficer|"
        rf"[Dd]octeure?|[Dd]re|[Mm]adame?|[Mm]onsieur|[Mm]ademoiselle|[Ee]ncik|[Pp]uan|[Tt]uan)"
        rf"\b\.?[ \t]+(?P<i>[{_LOW}]\.[ \t]+)?"
        rf"(?=(?P<v>{_LOWER_SEQ}))",
        "v",
        keep=_lower_name_after_initial,
    ),
    # A newborn registered before naming: "TRAN, Baby Boy", "Okafor, Baby Girl B" (a twin).
    # The surname is the family's; "Baby Boy" with it is how the chart names the child.
    _rule(
        "NAME",
        rf"(?<![\w'’-])(?P<v>{_LABEL_WORD}(?:[ -]{_LABEL_WORD})?,[ \t]*(?:Baby|BABY)[ \t]+"
        rf"(?:Boy|Girl|BOY|GIRL)(?:[ \t]+(?:[A-C]|[12])(?![\w-]))?)",
        "v",
        keep=lambda m: not namebook.is_clinical(_SPAN_WORD.match(m.group("v")).group().lower()),
        needs=re.compile(r"(?i),[ \t]*baby[ \t]+(?:boy|girl)"),
    ),
    # "Patiente: SECK Khady", "Nom: BEN SALAH Mohamed Amine", "patient HADJ AHMED Rachid":
    # French-speaking sites write the surname first in capitals (with its particles) and the
    # given names after it, with or without a colon after the label.
    _rule(
        "NAME",
        rf"(?<![\w.])(?=[PpNn])(?i:{_FR_PATIENT_LABEL})(?P<c>[ \t]*:[ \t]*|[ \t]+)"
        rf"(?:(?:{_TITLE})\.?[ \t]+)?"
        rf"(?P<v>(?P<s>{_CAPS_SURNAME}(?:[ \t]{_CAPS_SURNAME}){{0,3}})"
        rf"(?:[ \t](?:{_PARTICLE}[ \t])*{_GIVEN_WORD}){{1,3}})(?![\w'’-])",
        "v",
        keep=_surname_first_in_capitals,
        raw=True,
    ),
    _rule(
        "NAME",
        # The person a form is about goes by other labels in prisons, workplaces and the
        # forces ("Inmate: WARD, Anthony L.", "Worker: Dale Ward", "Service member: ...").
        # French forms say "Patiente" and "Nom" ("Nom: BENNANI Youssef").
        rf"(?<!\w)(?=[PpNnSsIiWwDdCcEeMmVv])(?i:(?:patiente?|pt|patient\s+name|name|nom|surname|"
        rf"infant|"
        rf"inmate|prisoner|detainee|(?:injured\s+)?worker|employee|claimant|"
        rf"(?:service\s+)?member|veteran))\s*:[ \t]*"
        rf"(?:{_TITLE}\b\.?\s+|Baby\s+(?:Boy|Girl)\s+)?"
        rf"(?P<v>(?:{_PARTICLE_ANY}[ \t]+)*{_SURNAME_GIVEN})",
        "v",
    ),
    # One separator throughout: "2026-6/18" is the end of one date and the start of the next
    # in a range ("3/20/2026-6/18/2026").
    _rule(
        "DATE",
        rf"\b{_YEAR}(?P<s>[-/.])(?:0?[1-9]|1[0-2])(?P=s)(?:0?[1-9]|[12]\d|3[01])(?:\b|(?=T\d))",
    ),
    _rule(
        "DATE",
        r"(?<![\w-])(?:0?[1-9]|[12]\d|3[01])-(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
        r"[a-z]*-(?:\d{4}|\d{2})(?![\w-])",
    ),
    # "1988-Mar-07": the year first, as some Canadian headers write it.
    _rule(
        "DATE",
        rf"(?<![\w-]){_YEAR}-(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
        r"-(?:0?[1-9]|[12]\d|3[01])(?![\w-])",
        # It starts with a digit, which the cue index cannot narrow: only where a month is.
        needs=frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec".split()),
    ),
    # "10/07/1445 H": a Hijri date, with its era.
    _rule(
        "DATE",
        r"(?<![\w./-])\d{1,2}[/-]\d{1,2}[/-]1[34]\d\d[ \t]?(?:AH|H)\b",
        needs=re.compile(r"/1[34]\d\d[ \t]?A?H\b"),
    ),
    # A range of two dates joined by a hyphen ("valid 3/20/2026-6/18/2026") is two dates.
    _rule(
        "DATE",
        r"(?:(?<![\w./-])|(?<=/\d\d-)|(?<=/\d{4}-))\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})"
        r"(?![\w/]|-(?!\d{1,2}/\d{1,2}/\d\d))",
    ),
    # The month in Roman numerals ("4/III/2024", "19-VI-1962", "2.XI.2023"), as Spain, Latin
    # America and Central Europe write it.
    _rule(
        "DATE",
        rf"(?<![\w./-])(?:0?[1-9]|[12]\d|3[01])(?P<s>[/.-])(?:I{{1,3}}|IV|VI{{0,3}}|IX|XI{{0,2}})"
        rf"(?P=s)(?:{_YEAR}|\d{{2}})(?![\w/-])",
        needs=re.compile(r"[/.-][IVX]{1,4}[/.-]\d"),
    ),
    # The Republic of China's years (Taiwan): "111/02/15" is 15 February 2022.
    # Only where a date is expected: after a study, a date word or a field ("ratio 112/07/15").
    _rule(
        "DATE",
        r"(?:\b(?i:since|and|on|dated?|from|until|before|after|of|exam|study|comparison|"
        r"(?:LD)?CT|MRI?|US|CXR)|[:,(]|(?m:^))[ \t]*"
        r"(?P<v>(?<![\w./-])1[01]\d/(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01]))(?![\w/-])",
        "v",
        needs=re.compile(r"(?<![\w./-])1[01]\d/[01]\d/"),
    ),
    _rule("DATE", rf"(?<![\w./-])\d{{1,2}}\.\d{{1,2}}\.{_YEAR}(?!\w|\.\d)"),
    # Czech, Slovak and German write a space after each dot: "4. 5. 1950", "12. 10. 2023".
    _rule(
        "DATE",
        rf"(?<![\w./-])(?:0?[1-9]|[12]\d|3[01])\.[ \t](?:0?[1-9]|1[0-2])\.[ \t]?{_YEAR}"
        r"(?!\w|\.\d)",
        needs=re.compile(r"\d\.[ \t]\d\d?\.[ \t]?[12]\d\d\d"),
    ),
    # "10.02.24", "03.14.25": a date with a two-digit year (never a version: no fourth part).
    _rule(
        "DATE",
        r"(?<![\w./-])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|[12]\d|3[01])\.\d\d(?![\w-]|\.\d)",
        keep=lambda m: min(int(p) for p in m.group().split(".")[:2]) <= 12,
    ),
    _rule("DATE", rf"(?<![\w./-])(?:0?[1-9]|1[0-2])/{_YEAR}(?![\w/-])"),
    # "041530ZDEC26", "181200Z JUN 26": a military date-time group (day, hour and minute, the
    # zone letter, month and year) names the moment of an injury or an order.
    _rule(
        "DATE",
        r"(?<![\w-])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d[ ]?[A-Z][ ]?"
        r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:[ ]?\d{2}(?:\d{2})?)?(?![\w-])",
        needs=re.compile(r"\d{6}[ ]?[A-Z][ ]?[A-Za-z]{3}"),
    ),
    # "Julian 26324", "JULIAN DATE: 26173": an ordinal date (year and day of the year), as
    # military and logistics systems write dates.
    _rule(
        "DATE",
        r"(?i)\bjulian(?:[ \t]+(?:date|day))?[ \t]*\)?[ \t]*[:#=]?[ \t]*"
        r"(?P<v>(?:\d\d|(?:19|20)\d\d)(?:00[1-9]|0[1-9]\d|[12]\d\d|3[0-5]\d|36[0-6]))(?![\w.-])",
        "v",
        needs=re.compile(r"(?i)julian"),
    ),
    # "10NOV24", "08JAN2025": the military date-time group's date.
    _rule(
        "DATE",
        r"(?i)(?<![\w-])(?:0?[1-9]|[12]\d|3[01])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
        r"(?:\d{4}|\d{2})(?![\w-])",
    ),
    _rule(
        "DATE",
        # The weekday as its own branch: an optional group in front would be tried everywhere.
        rf"\b(?=[MmTtWwFfSs])(?i:{_WEEKDAY}|{_WEEKDAY_SHORT}\.?),?[ \t]+"
        rf"(?:{_MONTH_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s*{_YEAR})?)"
        rf"|{_MONTH_DAY}"
        # "17 Feb 26": a year of two digits, where the clause or the line ends after it.
        rf"|\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s*{_YEAR}|[ \t]+\d\d(?=[ \t]*(?:[,;)\n]|$)))?"
        rf"|{_MONTH},?\s*{_YEAR}\b",
    ),
    _rule(
        "DATE",
        r"\b(?=[odfsbautpegrlytmwODFSBAUTPEGRLYTMW])"
        r"(?i:on|dated|from|since|of|before|after|until|through|thru|to|and|prior|study|exam|"
        r"dictated|transcribed|signed|given|read|seen|performed|done|last|yesterday|today|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
        # Schedules shorten the weekday ("Tue 4/7", "Thurs. 4/9"); "sat" and "sun" are words.
        r"(?:mon|tue|tues|wed|thu|thur|thurs|fri)\.?|(?-i:Sat|Sun|SAT|SUN)\.?)[ \t]*\(?[ \t]*"
        # Day first where the day cannot be a month ("Sunday 14/07").
        r"(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
        r"|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\w/])"
        r"|(?<![\w./-])(?P<w>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))"
        r"(?=[ \t,]+(?:(?i:at)[ \t]+)?(?:[01]\d|2[0-3]):?[0-5]\d\b)",
        keep=lambda m: m.span("v") if m.group("v") else m.span("w"),
        needs=_HAS_SLASH_DATE,
    ),
    # After a date cue, month, day and year said as numbers: "date of service three slash
    # fourteen", "d o b two dash nine dash one three", "dated eleven fifteen twenty three",
    # "date of birth twelve oh four nineteen seventy".
    _rule(
        "DATE",
        rf"(?i)\b{_DATE_CUE}[ \t]+(?:is[ \t]+)?"
        rf"(?P<v>{_SPOKEN_MONTH_NUMBER}{_SPOKEN_DATE_SEP}{_SPOKEN_DAY_NUMBER}"
        rf"(?:{_SPOKEN_DATE_SEP}{_SPOKEN_YEAR_NUMBER})?)\b"
        rf"|\b(?:on|from|since)[ \t]+(?P<w>{_SPOKEN_MONTH_NUMBER}{_SPOKEN_DATE_SEP}"
        rf"{_SPOKEN_DAY_NUMBER}{_SPOKEN_DATE_SEP}{_SPOKEN_YEAR_NUMBER})\b",
        keep=lambda m: m.span("v") if m.group("v") else m.span("w"),
        needs=frozenset({"slash", "dash"}),
    ),
    # Day first where sites write it so: "date of birth nineteen oh six nineteen eighty eight".
    _rule(
        "DATE",
        rf"(?i)\b{_DATE_CUE}[ \t]+(?:is[ \t]+)?"
        rf"(?P<v>(?:{_SPOKEN_MONTH_NUMBER}[ \t]+{_SPOKEN_DAY_NUMBER}"
        rf"|{_SPOKEN_DAY_NUMBER}[ \t]+{_SPOKEN_MONTH_NUMBER})[ \t]+{_SPOKEN_YEAR_NUMBER})\b",
        "v",
        needs=frozenset({"date", "dated", "dob", "b", "birth", "born", "service", "birthday"}),
    ),
    # "comparison from oh six oh two twenty three", "previous study on eleven twenty two twenty
    # three", "signed oh nine oh four twenty four": month, day and year said as numbers after a
    # word that leads to a date (a year of two words, never digits that could be an id's).
    _rule(
        "DATE",
        rf"(?i)\b(?:on|from|since|dated|signed|before|after|until|through|prior|previous|"
        rf"comparison|performed|done|dictated|"
        # or after the study compared: "bone scan oh four oh one twenty three".
        rf"scan|study|exam|examination|ultrasound|radiograph|films?|mri|c[ \t]t|m[ \t]r[ \t]i)"
        rf"[ \t]+"
        rf"(?P<v>{_SPOKEN_MONTH_NUMBER}[ \t]+{_SPOKEN_DAY_NUMBER}[ \t]+"
        rf"(?:{_SPOKEN_YEAR}|{_TENS}(?:[ -]{_ORDINAL_TENS})?|{_ZERO_WORD}[ \t]+{_ORDINAL_TENS}))\b"
        rf"(?![ \t-]+(?:{_DIGIT_WORD}|{_TEEN}|{_TENS}|hundred|thousand|point)\b)"
        rf"(?![ \t]+(?:{_UNITS}|millimeters?|centimeters?|millimetres?|centimetres?|percent)\b)",
        "v",
        needs=frozenset(
            """on from since dated signed before after until through prior previous comparison
            performed done dictated scan study exam examination ultrasound radiograph film films
            mri t i""".split()
        ),
    ),
    # "my birthday is 4 12 62", "d o b 23 7 1958": a date said as numbers after a date cue.
    _rule(
        "DATE",
        rf"(?i)\b{_DATE_CUE}\s+(?:is\s+|was\s+|of\s+)?"
        r"(?P<v>(?:[12]\d|3[01]|0?[1-9])[ \t](?:[12]\d|3[01]|0?[1-9])[ \t](?:19|20)?\d\d)"
        r"(?![\w./-])",
        "v",
        keep=lambda m: min(int(p) for p in m.group("v").split()[:2]) <= 12,
        needs=re.compile(r"\d[ \t]\d\d?[ \t]\d\d"),
    ),
    # A month named in the site's language, with a day or a year beside it: "5 Agustus 2024",
    # "10 de março de 2024", "marzo 2024", "12 Kasım 2023".
    _rule(
        "DATE",
        rf"(?i)\b(?:{_DAY}[ \t.-]*(?:de[ \t]+)?{_INTL_MONTH}\b\.?"
        rf"(?:[ \t,.-]*(?:del?[ \t]+)?{_YEAR}\b)?"
        rf"|{_INTL_MONTH}[ \t]+(?:{_DAY},?[ \t]+|del?[ \t]+)?{_YEAR}\b)",
        needs=_INTL_MONTH_WORDS,
    ),
    # Turkish and Azerbaijani "Mart" and Malay "Mac" (March) are also a name and a word, so they
    # are a month only between a day and a year: "15 Mart 2026", "3 Mac 2024".
    _rule(
        "DATE",
        rf"(?i)\b{_DAY}[ \t.-]*(?:mart|mac)\b\.?[ \t,.-]*{_YEAR}\b",
        needs=frozenset({"mart", "mac"}),
    ),
    # Spanish: "3 de marzo de 2025", "catorce de marzo de dos mil veinticinco".
    _rule(
        "DATE",
        rf"(?i)\b(?:{_ES_DAY})[ \t]+de[ \t]+{_ES_MONTH}"
        rf"(?:[ \t]+del?[ \t]+(?:\d{{4}}|{_ES_YEAR}))?\b",
        needs=re.compile(r"(?i)\bde[ \t]"),
    ),
    _rule(
        "DATE",
        rf"(?i)\b{_FR_DAY}[ \t]+{_FR_MONTH}(?P<y>[ \t]+(?:\d{{4}}|{_FR_YEAR}))?\b",
        # The month follows a space and ends its word, so its token is in the text's words; the
        # index splits "août", "février" and "décembre" at the accent, so their heads count.
        needs=_FR_MONTH_TOKENS,
        keep=lambda m: m.group("y") is not None or not _names_institution(m),
    ),
    # "am dritten März neunzehnhundertzweiunddreißig", "vom elften April zweitausendvierundzwanzig".
    _rule(
        "DATE",
        rf"(?i)(?<![\w-]){_DE_ORDINAL}[ \t]+{_DE_MONTH}(?:[ \t]+(?:{_DE_YEAR}|{_YEAR}))?(?![\w-])",
        needs=frozenset(
            """januar nner februar feber rz marz maerz april mai juni juli august september oktober
            november dezember""".split()
        ),
    ),
    # "il quattordici luglio millenovecentosessantatré", "primo marzo duemilaventiquattro".
    _rule(
        "DATE",
        rf"(?i)(?<![\w-])(?:primo|{_IT_NUMBER})[ \t]+{_IT_MONTH}"
        rf"(?:[ \t]+(?:{_IT_YEAR}|{_YEAR}))?(?![\w-])",
        needs=frozenset(
            """gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
            dicembre""".split()
        ),
    ),
    # "um sieben Uhr fünfzehn", "um 7 Uhr 40": a German time said with its "Uhr" ("bei zwei Uhr"
    # is a place on a clock face, so the hour alone only after "um" or "gegen").
    _rule(
        "TIME",
        rf"(?i)(?<![\w-])(?=[0-9NnEeZzDdVvFfSsAa])(?:{_DE_NUMBER}|[01]?\d|2[0-3])[ \t]+uhr[ \t]+"
        rf"(?:{_DE_NUMBER}|[0-5]?\d)"
        rf"(?![\w-])(?![ \t]*(?:{_UNITS}|minuten|sekunden)\b)"
        rf"|(?:(?<=\bum[ \t])|(?<=\bgegen[ \t]))(?:{_DE_NUMBER}|[01]?\d|2[0-3])[ \t]+uhr\b",
        needs=frozenset({"uhr"}),
    ),
    # "alle ore sette e quindici", "ore quattordici e trenta": an Italian time said aloud.
    _rule(
        "TIME",
        rf"(?i)\b(?:alle[ \t]+)?ore[ \t]+(?P<v>(?:{_IT_NUMBER}|mezzogiorno|mezzanotte)"
        rf"(?:[ \t]+e[ \t]+(?:{_IT_NUMBER}|mezza|un[ \t]+quarto))?)(?![\w-])",
        "v",
        needs=frozenset({"ore"}),
    ),
    # "zweiundneunzig Jahre", "novantadue anni", "noventa y dos años": the number is the age.
    _rule(
        "AGE",
        rf"(?i)(?<![\w-])(?P<v>{_AGE_WORD_ABROAD})"
        rf"(?=[ \t]+(?:jahre?n?|jährig\w*|anni|años|anos|ans)\b)"
        rf"|(?<![\w-])(?:{_AGE_WORD_ABROAD})jährig\w*",
        keep=lambda m: m.span("v") if m.group("v") else m.span(),
        needs=_AGE_WORDS_ABROAD,
    ),
    # "vinte e nove de fevereiro de dois mil e vinte e quatro": a date said in Portuguese.
    _rule(
        "DATE",
        rf"(?i)\b{_PT_NUMBER}[ \t]+de[ \t]+{_PT_MONTH}"
        rf"(?:[ \t]+de[ \t]+(?:dois[ \t]+mil(?:[ \t]+e[ \t]+{_PT_NUMBER})?|"
        rf"mil[ \t]+novecentos(?:[ \t]+e[ \t]+\w+(?:[ \t]+e[ \t]+{_PT_UNIT})?)?|\d{{4}}))?\b",
        needs=re.compile(rf"(?i)\bde[ \t]+{_PT_MONTH}\b"),
    ),
    # "às seis e quinze", "às vinte e uma e trinta": a time said in Portuguese.
    _rule(
        "TIME",
        rf"(?i)(?<!\w)(?:às|pelas)[ \t]+(?P<v>{_PT_NUMBER}(?:[ \t]+e[ \t]+(?:meia|{_PT_NUMBER}|"
        rf"(?:quarenta|cinquenta)(?:[ \t]+e[ \t]+{_PT_UNIT})?))?(?:[ \t]+horas)?)\b",
        "v",
        needs=re.compile(r"(?i)(?<!\w)(?:às|pelas)[ \t]+[a-zê]"),
    ),
    # "a las diecisiete treinta", "hora del dictado nueve y media": a time said in Spanish.
    _rule(
        "TIME",
        rf"(?i)\b(?:a[ \t]+las?|hora(?:[ \t]+del?[ \t]+\w+)?:?)[ \t]+"
        rf"(?P<v>{_ES_HOUR}(?:[ \t]+{_ES_MINUTE})?(?:[ \t]+horas)?"
        # The part of the day is part of the time said ("a las nueve y cuarto de la noche").
        rf"(?:[ \t]+de[ \t]+la[ \t]+(?:mañana|tarde|noche|madrugada))?)\b",
        "v",
        needs=frozenset({"las", "la", "hora"}),
    ),
    # "ocho y media de la noche", "tres de la tarde": the part of the day makes a Spanish hour
    # said with no "a las" a time (an English sentence may say "at" before it).
    _rule(
        "TIME",
        rf"(?i)\b{_ES_HOUR}(?:[ \t]+{_ES_MINUTE})?[ \t]+de[ \t]+la[ \t]+"
        r"(?:mañana|tarde|noche|madrugada)\b",
        needs=_PART_OF_DAY_ES,
    ),
    # "quatorze heures dix", "à deux heures et quart": a time said in French, after "à" or "vers"
    # ("pendant deux heures" is a duration).
    _rule(
        "TIME",
        # The hour needs its word ("à trois" alone is no time), as the rule's `needs` says.
        rf"(?i)(?:(?<=\bà[ \t])|(?<=\bvers[ \t]))(?:{_FR_NUMBER}[ \t]+heures?\b|midi\b|minuit\b)"
        rf"(?:[ \t]+(?:et[ \t]+(?:quart|demie)|moins[ \t]+(?:le[ \t]+)?quart|"
        rf"{_FR_NUMBER}))?\b",
        needs=frozenset({"heures", "heure", "midi", "minuit"}),
    ),
    # "14 Rajab 1445", "fourteenth of rajab fourteen forty four": Hijri dates.
    _rule(
        "DATE",
        rf"(?i)\b(?:(?:{_SPOKEN_DAY}|\d{{1,2}})[ \t]+(?:of[ \t]+)?{_HIJRI_MONTH}"
        rf"(?:,?[ \t]+{_HIJRI_YEAR})?|{_HIJRI_MONTH}[ \t]+{_HIJRI_YEAR})(?:[ \t]*A\.?H\b\.?)?",
        needs=frozenset(
            """muharram safar rabi jumada jumadi rajab sha shaban ramadan ramadhan ramazan shawwal
            dhu""".split()
        ),
    ),
    # "seventeen march nineteen seventy three": a day said as a number, a month and a year.
    _rule(
        "DATE",
        rf"(?i)\b{_DAY_NUMBER}[ \t]+(?:of[ \t]+)?{_MONTH}[ \t]+{_SPOKEN_YEAR}\b",
        needs=_MONTH_WORDS,
    ),
    _rule(
        "DATE",
        rf"(?<![\w'’])(?=[adefjmnostwADEFJMNOSTW])(?:(?i:(?:{_WEEKDAY}|{_SPOKEN_YEAR}),?[ \t]+)?"
        rf"(?:{_MONTH}|\b(?i:may)(?=[ \t]+(?i:the[ \t]+)?{_SPOKEN_ORDINAL}))"
        rf"[ \t]+(?:(?i:the)[ \t]+)?(?i:{_SPOKEN_DAY})(?:{_YEAR_SEP}(?i:{_SPOKEN_YEAR}))?\b"
        rf"|\b(?i:(?:{_WEEKDAY},?[ \t]+)?the[ \t]+)?(?i:{_SPOKEN_ORDINAL})[ \t]+"
        rf"(?:(?i:of[ \t]+)?{_MONTH}|(?i:of[ \t]+may)\b)"
        rf"(?:{_YEAR_SEP}(?:{_YEAR}|(?i:{_SPOKEN_YEAR})))?"
        rf"|{_MONTH}[ \t]+(?i:of[ \t]+)?(?i:{_SPOKEN_YEAR})\b)",
        keep=_without_the,
        needs=_MONTH_WORDS,
    ),
    # "february twenty eight", "march fifteen twenty twenty five": a month and a cardinal day.
    _rule(
        "DATE",
        rf"(?i)\b(?:january|february|march|april|june|july|august|september|october|november|"
        rf"december)[ \t]+{_DAY_NUMBER}\b(?![ -](?:{_SPOKEN_ORDINAL}|{_ORDINAL_TENS})\b)"
        rf"(?:,?[ \t]+{_SPOKEN_YEAR}\b)?"
        rf"(?![ \t]+(?:{_UNITS}|millimeters?|centimeters?|millimetres?|centimetres?|percent)\b)",
        needs=_MONTH_WORDS,
    ),
    # "tuesday the fourteenth": a weekday and a day of the month.
    _rule(
        "DATE",
        rf"(?i)\b{_WEEKDAY},?[ \t]+(?:the[ \t]+)?{_SPOKEN_DAY}\b",
        needs=frozenset(
            {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
        ),
    ),
    # "4 slash 19 slash 2022", "12 slash 2024": the slashes said as words.
    _rule(
        "DATE",
        r"(?i)(?<![\w.])\d{1,2}[ \t]+slash[ \t]+\d{1,2}(?:[ \t]+slash[ \t]+(?:\d{4}|\d{2}))?\b"
        r"|(?<![\w.])(?:0?[1-9]|1[0-2])[ \t]+slash[ \t]+(?:19|20)\d\d\b",
        needs=frozenset({"slash"}),
    ),
    # "nine slash seventeen slash ninety four", "oh four slash oh nine slash nineteen seventy
    # eight": a slash date said in words.
    _rule(
        "DATE",
        rf"(?i)\b(?:{_ZERO_WORD}[ \t]+)?{_HOUR_WORD}[ \t]+slash[ \t]+"
        rf"(?:{_ZERO_WORD}[ \t]+{_ORDINAL_TENS}|{_DAY_NUMBER})[ \t]+slash[ \t]+"
        rf"(?:{_SPOKEN_YEAR}|{_TENS}(?:[ -]{_ORDINAL_TENS})?|{_ZERO_WORD}[ \t]+{_ORDINAL_TENS})\b",
        needs=frozenset({"slash"}),
    ),
    # "ten twelve nineteen sixty", "4 4 1928", "7 19 2025": month, day and year said apart.
    _rule(
        "DATE",
        rf"(?i)(?=[otfsen\d])(?:\b{_HOUR_WORD}[ \t]+(?:slash[ \t]+)?{_DAY_NUMBER}[ \t]+"
        rf"(?:slash[ \t]+)?{_SPOKEN_YEAR}\b"
        rf"|\b{_SPOKEN_ORDINAL}[ \t]+of[ \t]+the[ \t]+{_SPOKEN_ORDINAL}"
        rf"(?:[ \t]+(?:{_SPOKEN_YEAR}|{_TENS}(?:[ -]{_ORDINAL_TENS})?))?\b"
        r"|(?<![\w./-])(?:1[0-2]|0?[1-9])[ \t](?:[12]\d|3[01]|0?[1-9])[ \t](?:19|20)\d\d"
        r"(?![\w./-]))",
        needs=_HAS_SPOKEN_DATE,
    ),
    _rule(
        "DATE",
        rf"\b(?=[OoFfSsDdBbAaUuTtYy])"
        rf"(?i:on|from|since|dated|before|after|until|through|by|yesterday|today)[ \t]+"
        rf"(?i:the)[ \t]+"
        rf"(?P<v>(?i:{_SPOKEN_DAY})){_SPOKEN_END}",
        "v",
    ),
    _rule(
        "DATE",
        # A month alone is part of a date; a weekday alone is not (Safe Harbor lists dates).
        r"\b(?:January|February|March|April|June|July|August|September|October|November|"
        r"December)\b",
        keep=lambda m: not _month_as_given_name(m),
    ),
    _rule(
        "TIME",
        r"(?:(?<=\dT)|(?<![\w:.]))(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?"
        r"(?:\s*(?i:[ap]\.m\.|[ap]\.?\s?m\b|hours|hrs|h\b))?(?!\w|:\d)"
        r"(?!\s*(?:dilution|ratio))",
        keep=lambda m: not _clock_position(m),
        # Every match holds these four characters: texts without them are not scanned.
        needs=re.compile(r"\d[:h][0-5]\d"),
    ),
    _rule(
        "TIME",
        r"(?<![\w.])(?:1[0-2]|0?[1-9])[ \t][0-5]\d[ \t]*(?i:[ap]\.m\.|[ap]\.?[ \t]?m\b)",
    ),
    _rule(
        "TIME",
        r"(?<!\w)(?=[Aa@])(?i:at|@|around|approximately|about)[ \t]+"
        r"(?P<v>(?:[01]?\d|2[0-3])[ \t][0-5]\d" + _TIME_OF_DAY + ")" + _SPOKEN_END,
        "v",
    ),
    # "at zero three five zero": a 24-hour time said digit by digit.
    _rule(
        "TIME",
        rf"(?i)(?<!\w)(?:at|around|approximately|about)[ \t]+"
        rf"(?P<v>(?:(?:(?:{_ZERO_WORD}|one)[ \t]+{_DIGIT_WORD}"
        rf"|two[ \t]+(?:{_ZERO_WORD}|one|two|three))"
        rf"[ \t]+(?:{_ZERO_WORD}|one|two|three|four|five)[ \t]+{_DIGIT_WORD}"
        rf"|(?:[01][ \t]\d|2[ \t][0-3])[ \t][0-5][ \t]\d)(?:[ \t]+(?:hours|hrs))?)" + _SPOKEN_END,
        "v",
    ),
    _rule(
        "TIME",
        rf"(?i)(?<!\w)(?=[AaBbUuSsTtLlOo@])(?:at|@|around|about|approximately|"
        # "since twenty twenty one" is a year unless hours or "p m" follow.
        rf"(?:by|until|since|before|after)(?![ \t]+twenty[ -]twenty(?:[ -]{_ORDINAL_TENS}\b)?+"
        rf"(?![ \t]+(?:hours|hrs|[ap]\.?[ \t]?m)\b))|"
        rf"time(?:[ \t]+of[ \t]+(?:exam|study|scan|injury|arrival|call|procedure|"
        rf"dictation|report|transcription))?(?::|[ \t]+colon)?|"
        # The clock times of a stroke call said aloud: "last known well twenty one ten", "scan
        # start twenty two oh two", "onset ...".
        rf"last[ \t]+(?:known[ \t]+)?(?:well|normal|seen(?:[ \t]+(?:well|normal))?)|"
        rf"(?:scan[ \t]+)?start(?:ed)?|onset)[ \t]+"
        rf"(?:(?:approximately|about|around)[ \t]+)?(?P<v>{_SPOKEN_TIME}{_TIME_OF_DAY})\b"
        rf"(?![ \t,-]+{_DIGIT_WORD}\b)(?![ \t-]+(?:{_TEEN}|{_TENS})\b)"
        # After "p m" no size can follow: "at two forty p m by telephone" is a time.
        rf"(?:(?<=m)(?<=[ap][ \t.]m|[ap]\.m|[ \t][ap]m)"
        # "at ten to twelve by doctor hartley": "by" before a word, not a number, is no size.
        rf"|(?=[ \t]+by[ \t]+(?!(?:{_DIGIT_WORD}|{_TEEN}|{_TENS}|point|and|a|an)\b)[a-z])"
        rf"|(?![ \t]+(?:{_UNITS}|millimeters?|centimeters?|millimetres?|centimetres?|percent|"
        rf"milli(?:liter|litre|gram)s?|micrograms?|weeks?|days?|months?|years?|levels?|vessels?|"
        rf"views?|o['’]clock|times)\b))",
        "v",
        keep=lambda m: not _clock_position(m),
        needs=_NUMBER_WORDS,
    ),
    # "8 oh five a m", "6 forty p m": speech recognition writes the hour in digits, the
    # minutes in words.
    _rule(
        "TIME",
        rf"(?i)(?<![\w.])(?:1[0-2]|[1-9])[ \t]+{_MINUTE_WORD}[ \t]*[ap]\.?[ \t]?m\b\.?",
        needs=re.compile(rf"(?i)\d[ \t]+(?:oh|o|zero|{_TEEN}|twenty|thirty|forty|fifty)\b"),
    ),
    _rule(
        "TIME",
        rf"(?i)\b{_HOUR_WORD}(?:[ -]{_MINUTE_WORD})?[ \t]*[ap]\.?[ \t]?m\b\.?",
        needs=_NUMBER_WORDS,
    ),
    _rule(
        "TIME",
        r"(?<![\w.:])(?:1[0-2]|0?[1-9])[ \t]*o['’]clock\b",
        keep=lambda m: not _clock_position(m),
        needs=frozenset({"clock"}),
    ),
    # "07/05 0730", "15 APR 2024 1330": a time in 24-hour digits right after a date.
    _rule(
        "TIME",
        r"(?<![\w.])\d{1,4}"
        r"(?:[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?P<m>[ \t][A-Za-z]{3,9}\.?[ \t]+\d{4})"
        # "04-MAR-2026 1035": the month in letters between dashes.
        r"|-(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-(?:\d{4}|\d{2}))"
        r",?[ \t]+(?:(?i:at)[ \t]+)?(?P<v>(?:[01]\d|2[0-3])[0-5]\d)\b"
        # After "15 APR 2024" a time with its unit is left to the rules below, which mask both.
        r"(?(m)(?![ \t]*(?i:hours|hrs|hr|h)\b))" + _NOT_A_SIZE_AFTER,
        "v",
    ),
    # Digits said one by one: "1 4 3 0 hours", "2 0 5 p m", "6 oh 5 p m", and "11.20 hrs".
    _rule(
        "TIME",
        r"(?i)(?=\d)(?<![\w.])"
        r"(?:(?:[01][ \t]?\d|2[ \t]?[0-3])[ \t]?[0-5][ \t]?\d[ \t]*(?:hours|hrs|h)\b"
        r"|(?:1[ \t]?[0-2]|[1-9])[ \t](?:oh[ \t])?(?:[0-5][ \t]?\d|\d)[ \t]*[ap][ \t.]?m\b\.?"
        r"|(?:[01]?\d|2[0-3])[.:][0-5]\d[ \t]*(?:hours|hrs|uhr)\b"
        # Dutch "09.12 uur": the word is the clock's, left in the text as "hours" is not.
        r"|(?:[01]?\d|2[0-3])[.:][0-5]\d(?=[ \t]*uur\b)"
        # Military "0140Z" and "2300 local".
        r"|(?:[01]\d|2[0-3])[0-5]\d(?:Z\b|[ \t]+(?:local|zulu)\b))",
    ),
    # Not a test timed by the clock ("8 am cortisol").
    _rule(
        "TIME",
        r"(?<![\w.])(?:1[0-2]|0?[1-9])\s*(?i:[ap]\.m\.|[ap][ \t]?m\b)"
        r"(?![ \t]+(?i:cortisol|testosterone|glucose|levels?|dos(?:e|es|ing))\b)",
    ),
    # "[08.45] dr. Wulan: ...": the time of a message in a chat log.
    _rule("TIME", r"(?m)^\[(?P<v>(?:[01]\d|2[0-3])[.:][0-5]\d)\]", "v"),
    # "2:30P", "10:40a": a scheduler's or a hurried typist's time.
    _rule("TIME", r"(?<![\w.:])(?:1[0-2]|0?[1-9]):[0-5]\d[APap]\b"),
    # "1030am", "930 pm": a 12-hour time typed without its colon.
    _rule("TIME", r"(?<![\w.:])(?:1[0-2]|0?[1-9])[0-5]\d[ \t]?(?i:[ap]\.m\.|[ap]\.?m\b)"),
    _rule("TIME", r"(?<![\w.])(?:1[0-2]|0?[1-9])\.[0-5]\d\s*(?i:[ap]\.m\.|[ap]\.?m\b)"),
    _rule(
        "TIME",
        r"\b(?=[CcAaSsEeBbPpTt])"
        r"(?i:called|available|arrived|arrival|started|completed|ended|began|performed|timed)"
        r"\s+(?P<v>(?:[01]\d|2[0-3])[0-5]\d)\b(?!\s*" + _UNITS + ")",
        "v",
    ),
    _rule("TIME", r"(?<![\w.])(?:[01]\d|2[0-3])[0-5]\d\s*(?i:hours|hrs|hr|h)\b"),
    # "10H35" (South Africa, France), Flemish and Dutch "11u05", a time with the Thai "น." or
    # Malay "pagi"/"petang" after it ("13.20 น.", "10.20 pagi").
    _rule(
        "TIME",
        r"(?<![\w.:])(?:[01]\d|2[0-3])[hH][0-5]\d\b"
        r"|(?<![\w.:,])(?:[01]?\d|2[0-3])u[0-5]\d\b"
        r"|(?<![\w.:])(?:[01]?\d|2[0-3])[.:][0-5]\d"
        r"(?:[ \t]*(?i:pagi|petang|malam)\b|(?=[ \t]*น\.))",
        needs=re.compile(r"\d[hHu]\d|น\.|(?i:pagi|petang|malam)"),
    ),
    # A time written with a dot after the clock word of a site abroad: Scandinavian "kl. 08.55",
    # Finnish "klo 22.14", German "um 13.40", Dutch "om 9.15", Polish "godz. 7.38", Italian
    # "alle 10.30" (a size has its unit after it).
    _rule(
        "TIME",
        r"(?i)(?<![\w.])(?:kl|klo|kello|um|gegen|om|godz|ore|alle|a[ \t]+las|saat)\.?[ \t]+"
        rf"(?P<v>(?:[01]?\d|2[0-3])\.[0-5]\d)(?!\d|[.,]\d|[ \t]*{_UNITS}\b)",
        "v",
    ),
    # "Tuesday 9th June 2026, 10.45", "01.09.2026, 07.55": a time with a dot right after a date's
    # year (after its month or its last separator), as British and European headers write it.
    _rule(
        "TIME",
        rf"(?:{_MONTH}[ \t]+|(?<=\d)[./-])(?:19|20)\d\d,?[ \t]+"
        rf"(?P<v>(?:[01]\d|2[0-3])\.[0-5]\d)(?!\d|[.,]\d|[ \t]*(?:%|{_UNITS}\b))",
        "v",
        needs=re.compile(r"(?:19|20)\d\d,?[ \t]+[0-2]\d\.[0-5]\d"),
    ),
    # English "at" only before an hour of two digits ("at 02.40").
    _rule(
        "TIME",
        rf"(?i)(?<![\w.])at[ \t]+(?P<v>(?:[01]\d|2[0-3])\.[0-5]\d)"
        rf"(?!\d|[.,]\d|[ \t]*{_UNITS}\b)",
        "v",
        needs=re.compile(r"\d\.[0-5]\d"),
    ),
    _rule(
        "TIME",
        # "Time of scan: 1552": the field names what was timed.
        r"(?:\b(?i:at|time(?:[ \t]+of[ \t]+[a-z]+)?|eta|etd|lkw|lsw|"
        r"last[ \t]+(?:known|seen)[ \t]+well)[ \t]*:?|@)\s*"
        r"(?P<v>(?:[01]\d|2[0-3])[0-5]\d)\b" + _NOT_A_SIZE_AFTER,
        "v",
        # The four digits of every match: most texts have none, and skip the cue words' scan.
        needs=re.compile(r"[0-2]\d[0-5]\d"),
    ),
    # A clock time before ten in 24-hour form, with or without its dot ("at approximately
    # 0630", "Attempt 1: 0228", "Supine scan 09.18"): no size, count or level is written with
    # a leading zero. Not one of a group of digits (a phone's "0800 123 456"), nor an image or
    # series number ("image 0045").
    _rule(
        "TIME",
        r"(?<![\w.,/:#+-])(?<!\d[ \t])0\d\.?[0-5]\d(?![\w/:-]|[.,]\d|[ \t]*\d)" + _NOT_A_SIZE_AFTER,
        keep=lambda m: not _NUMBERED_BEFORE.search(m.string, max(0, m.start() - 12), m.start()),
        needs=re.compile(r"(?<![\w.])0\d\.?[0-5]\d(?!\w)"),
    ),
    # Handoff notes' clock times in four digits: "NPO since 2300", "pain since ~2200", "called
    # us 0612", "paged 0625"; after "since" not a year ("since 2019").
    _rule(
        "TIME",
        r"(?:\b(?P<c>(?i:since|paged|called[ \t]+(?:us|me|him|her|them|back)))[ \t]*~?|~)[ \t]*"
        r"(?P<v>(?:[01]\d|2[0-3])[0-5]\d)\b(?![.,/:-]\d)" + _NOT_A_SIZE_AFTER,
        "v",
        keep=lambda m: "~" in m.group()
        or not (m.group("c").lower() == "since" and m.group("v")[:2] in ("19", "20")),
        needs=re.compile(r"[0-2]\d[0-5]\d"),
    ),
    # "Called to Dr Haana Edenshaw-Brown 2202.": a 24-hour time right after the name a result
    # was called or given to, ending the sentence.
    _rule(
        "TIME",
        r"\b(?i:called|phoned|telephoned|discussed|notified|informed|paged|conveyed|relayed)\b"
        rf"[^\n.;]{{1,60}}?[{_LOW}][ \t]+(?P<v>(?:[01]\d|2[0-3])[0-5]\d)(?=[ \t]*(?:[.;]|$))",
        "v",
        keep=lambda m: not _YEAR_CUE_BEFORE.search(
            m.string, max(0, m.start("v") - 8), m.start("v")
        ),
        needs=re.compile(r"[a-z][ \t]+[0-2]\d[0-5]\d[ \t]*(?:[.;]|$)", re.M),
    ),
    # "090Y" (a DICOM age), "96yo", "97F": the age and its unit or sex are one word.
    _rule("AGE", r"\b0?(?:9\d|1[01]\d)Y\b|(?<![\w.-])(?:9\d|1[01]\d)(?:(?i:yo|y/o|yrs?)|[MF])\b"),
    _rule(
        "AGE",
        rf"(?i)(?<![\w.-])(?P<v>{_AGE_NUM})(?:\s*-?\s*(?:year|yr)s?[\s-]*old|\s*-?\s*y(?:ear)?s?\b"
        rf"|\s*y/?o\b|\s*y\.o\.|\s*years?\s+of\s+age|\s*(?:yo|y)?\s*(?-i:[MF])\b"
        rf"|\s*-?\s*year\b|\s*yrs?\b(?![ \t]+(?:ago|before|after|later|prior)\b))",
        "v",
    ),
    _rule("AGE", rf"(?i)\b(?:aged?|age:)\s*[~≈]?\s*(?P<v>{_AGE_NUM})\b(?!\s*{_UNITS}\b)", "v"),
    # "Decedent age at the time of the event: 94", "Age at death: 93": an age field whose key
    # says when the age was reached is still the patient's age.
    _rule(
        "AGE",
        rf"(?i)\bage[ \t]+at[ \t]+(?:[a-z]+[ \t]+){{0,5}}[a-z]+[ \t]*:[ \t]*(?P<v>{_AGE_NUM})\b"
        rf"(?![.,]\d|[ \t]*(?:{_UNITS}|%)\b)",
        "v",
    ),
    # The word for age at sites abroad: Finnish "Ikä 91 v.", German "Alter: 93", Dutch
    # "leeftijd", Italian "età", Spanish "edad", Portuguese "idade", Polish "wiek", Czech "věk",
    # Swedish "ålder", Danish and Norwegian "alder", French "âge", Malay and Indonesian "umur".
    _rule(
        "AGE",
        # The first letters first: the case-blind alternation is only tried where a word starts.
        r"(?i)(?<!\w)(?=[IiAaLlEeWwVvÅåÂâUu])"
        r"(?:ikä|alter|leeftijd|età|edad|idade|wiek|věk|ålder|alder|âge|umur|usia)"
        # French writes "ans" as part of the age ("Âge : 92 ans"), as the rule for "92 ans" does.
        rf"[ \t]*:?[ \t]*(?P<v>{_AGE_NUM}(?:[ \t]*ans(?!\w))?)\b(?![.,]\d|[ \t]*(?:{_UNITS}|%)\b)",
        "v",
        # The words of the text index that those hold ("ikä" is "ik", "věk" is "v", "âge" "ge").
        needs=frozenset("ik alter leeftijd et edad idade wiek v lder alder ge umur usia".split()),
    ),
    # "Age/Sex: 93 / F", "Age/Gender: 91Y/M": a header's combined field.
    _rule("AGE", rf"(?i)\bage[ \t]*/[ \t]*(?:sex|gender)[ \t]*:?[ \t]*(?P<v>{_AGE_NUM})\b", "v"),
    # "she's 91", "pt is 93 and confused", "pt 96, DNR/DNI": a number of ninety or more said of
    # the patient with no unit is the age (bare after "pt" only before a comma or a stop). Portal
    # messages say it of a relative or of the writer ("my wife is 97", "Dad turned 92", "I'm 94").
    _rule(
        "AGE",
        rf"(?i)\b(?:(?:she|he|patient|pt)(?:['’]?s|[ \t]+(?:is|was|turned|turns))"
        rf"|(?:{_RELATIVE}|mom|mum|dad|grandma|grandpa)(?:['’]s|[ \t]+(?:is|was|turned|turns))"
        rf"|i(?:['’]m|[ \t]+am|[ \t]+turned)"
        rf"|pt(?=[ \t]+{_AGE_NUM}[ \t]*[,;]))"
        # "in" before a word is no inch ("she is 97 in May").
        rf"[ \t]+(?P<v>{_AGE_NUM})\b(?![.,]\d)"
        rf"(?![ \t]*(?:%|(?![ \t]*in[ \t]+[A-Za-z])(?:{_UNITS}|percent)\b))"
        r"(?![ \t]+(?:hours?|days?|weeks?|months?|miles?|minutes?)\b)",
        "v",
    ),
    # "96 Jahre", "90 ans", "93 años", "91 jaar": an age in the site's language.
    _rule(
        "AGE",
        rf"(?<![\w.-]){_AGE_NUM}[ \t]*-?[ \t]*(?i:jahre?n?|j\.|ans|años|anos|anni|jaar|jr|år|ar|"
        # Finnish "v." for "vuotta".
        rf"yaş|yas|lat|let|vuotta|(?-i:v)\.)(?!\w)",
    ),
    _rule(
        "AGE",
        rf"(?i)(?=[nhoic])"
        rf"(?:\b(?:ninety(?:[- ]{_ORDINAL_TENS})?"
        rf"|(?:one\s+)?hundred(?:\s+and\s+\w+|\s+(?:{_ORDINAL_TENS}|{_TEEN}))?)"
        rf"(?=[- ]years?[- ]old|[- ]year\b|[ \t]+years?[ \t]+of[ \t]+age\b"
        rf"|[ \t]+(?:yo|y/o|y\.o\.)(?!\w))"
        rf"|(?:(?<=\bage[ \t])|(?<=\baged[ \t]))"
        rf"(?:ninety(?:[- ]{_ORDINAL_TENS})?|(?:one[ \t]+)?hundred(?:[ \t]+and)?"
        rf"(?:[ \t]+(?:{_ORDINAL_TENS}|{_TEEN}))?)\b"
        rf"|\b(?:nonagenarian|centenarian)\b"
        rf"|\b(?:in\s+(?:his|her|their)\s+)(?:90s|nineties)\b)",
        needs=_AGE_WORDS,
    ),
    # "Discussed with Dr. Adaeze Nwosu", "d/w charge nurse maria lopez".
    _rule(
        "NAME",
        rf"(?<!\w){_initials(_NAME_VERBS)}(?i:{_NAME_VERBS}):?\s+{_ROLE}(?:{_TITLE}\b\.?\s+)?"
        rf"(?:(?P<v>(?>{_NAME_SEQ}(?P<c>,[ \t]*{_NAME_SEQ}(?:[ \t]+[{_UP}]\b\.?)?)?))"
        rf"{_EPONYM_USE}|(?=(?P<lv>{_LOWER_SEQ})))",
        "v",
        keep=_after_verb,
    ),
    _rule(
        "NAME",
        rf"(?<!\w)(?i:(?:patient|pt\.?|patient's\s+name|patient\s+name|name|surname|"
        rf"first\s+name|last\s+name|mother|father|wife|husband|son|daughter|spouse|"
        rf"guardian|caregiver|next\s+of\s+kin|kin|infant|baby|newborn|neonate|twin\s+[AB]|"
        rf"grandson|granddaughter|grandmother|grandfather|sister|brother|aunt|uncle|niece|"
        rf"nephew|partner|friend|baby\s+boy|baby\s+girl|"
        # Nurses' shorthand for relatives in chats and notes ("dtr Lucía (HCPOA)").
        rf"dtr|dau|gdtr|gdau|"
        # Relatives in the languages of sites abroad ("anaknya, Dewi": her child).
        rf"anak(?:nya)?|istri(?:nya)?|suami(?:nya)?|hij[oa]|espos[oa]|filh[oa]|marido|"
        rf"herman[oa]|irm[ãa]o?|m[ãa]e|madre)(?:-in-law)?)(?!\w)"
        rf"\s*(?:is\s+|:\s*|,\s*|\(\s*)?(?:{_TITLE}\b\.?\s+)?"
        rf"(?P<v>(?>{_NAME_SEQ}(?:,[ \t]*{_NAME_SEQ}(?:[ \t]+[{_UP}]\b\.?)?)?|{_CAPS_SEQ}))"
        rf"{_EPONYM_USE}",
        "v",
        keep=_named_after_cue,
    ),
    # "Transcribed: dlr", "Transcriptionist: KLB", "Technologist: HG", "transcribed by r j",
    # "sonographer initials t w": staff named by initials alone where a field or sentence ends.
    _rule(
        "NAME",
        r"(?i)(?<!\w)(?=[TtSsRrCcOoDd])"
        r"(?:transcri(?:bed|ption|ptionist)(?:[ \t]+by)?|typed[ \t]+by|"
        r"technologist|tech|sonographer|radiographer|"
        # Who countersigned or checked a report or checklist ("countersigned MAH", "second
        # check: SvE", "checked by MR safety officer KL").
        r"countersigned|co-?signed|second[ \t]+check(?:ed)?(?:[ \t]+by)?|officer|"
        # A dictating radiologist's initials before the date ("Dict: DMcK 05/03/2026").
        r"dict(?:ated)?\b(?:[ \t]+by)?)" r"(?:[ \t]+initials)?[ \t]*:?[ \t]*"
        # or the typist's given name alone ("Typed by: Shazia", "typed by aoife"); a particle
        # may stand between initials ("SvE": Sven von Essen).
        r"(?P<v>(?-i:[A-Z]{2,4}|[A-Z]Ma?c[A-Z]|[A-Z][a-z][A-Z]|[a-z]{2,4}|[a-z](?:[ \t][a-z]){1,2})"
        r"|(?<=[ \t:])(?P<n>[^\W\d_]{3,})(?![ \t]*,))"
        r"(?=[ \t]*(?:$|\n|[.,;/)]|[ \t]{2}|(?:period|full[ \t]+stop|comma)\b)"
        r"|[ \t]+\d{1,2}[/.-]\d{1,2}[/.-]\d)",
        "v",
        keep=_staff_initials,
    ),
    _rule(
        "NAME",
        # A plural label lists staff ("Technologists: Kayleigh and Marco R.").
        rf"(?<!\w){_initials(_ROLE_LABEL)}(?i:{_ROLE_LABEL})(?i:s)?"
        rf"(?:(?:\.{{2,}})?\s*:|[ \t]+[-–](?=[ \t]))[ \t]*"
        rf"(?:{_CREDENTIAL_WORD}[ \t]*:?[ \t]+)?(?:{_TITLE}\b\.?\s+)?"
        rf"(?P<v>{_INITIALS_ONLY}|(?:{_PARTICLE}[ \t]+)*{_SURNAME_GIVEN})",
        "v",
        # "Subject: Query #Q-1187": an e-mail's subject names the paperwork, not a person.
        keep=lambda m: _trimmed(m, lambda w: _could_be_name(w) and not namebook.is_office_word(w)),
    ),
    # A header line that opens with a name next to the study's identifiers:
    # "Ottoline Barrett, MRN 00441298, 12/15/2026" or "Agnes Whitlock-Moore | Dec 8, 2026".
    _rule(
        "NAME",
        rf"(?m)^[ \t]*(?:{_TITLE}\b\.?\s+)?(?P<v>{_NAME_SEQ2})[ \t]*[,;|][ \t]*"
        rf"(?=(?i:MRN|MR\b|DOB|D\.O\.B|acc|accession|ID\b|age|aged)|\d|{_MONTH})",
        "v",
        keep=_no_plain_words,
    ),
    _rule(
        "NAME",
        # A chat asks about the patient before the number ("for Castellanos-Ruiz? MRN ...").
        rf"\b(?P<v>{_NAME_SEQ2})[ \t]*[,;(?][ \t]*"
        # or the key of a Commonwealth record or health card ("Ewan Grant, CHI 0311329947").
        rf"(?=(?:MRN|DOB|D\.O\.B|Acc\b|ACC\b|Accession|(?:{_RECORD_KEYS})[ \t]*(?:No\.?[ \t]*)?"
        rf"[:#]?[ \t]*[A-Z]{{0,3}}\d))",
        "v",
        # "US Right Upper Quadrant, Acc# ...": the exam's name, not the patient's, stands
        # before the key too.
        keep=_no_clinical_word,
        # The key after every match (the shadow text only lowers letters, so the text has it).
        needs=re.compile(rf"MRN|DOB|D\.O\.B|A[cC][cC]|,[ \t]*(?:{_RECORD_KEYS})\b"),
    ),
    # A surname alone before the record number ("for Castellanos-Ruiz? MRN 30918276", "bed 4
    # Okonkwo-Hill, MRN ..."): every part a listed name that is no English or clinical word.
    _rule(
        "NAME",
        # Not the given name of "Field, Martha (MRN ...": the rules of the whole name read it.
        rf"(?<![\w'’-])(?<!,)(?<!,[ \t])(?P<v>{_NAME_WORD})[ \t]*[,;(?][ \t]*"
        rf"(?=(?:MRN|MR[ \t]*#)[ \t:#]*\d)",
        "v",
        keep=lambda m: all(
            namebook.is_ever_name(p) and not namebook.is_common(p) and not namebook.is_clinical(p)
            for p in _parts(m.group("v"))
        )
        and not namebook.is_eponym(m.group("v")),
        needs=re.compile(r"[,;(?][ \t]*MR(?:N|[ \t]*#)"),
    ),
    # "Hemi WAAKA, UR RH442109": a given name and a surname in capitals (as Australian and New
    # Zealand lists write it) before the key of a record number.
    _rule(
        "NAME",
        rf"(?<![\w'’-])(?P<v>(?P<g>{_CAP_WORD})[ \t]+(?P<s>[{_UP}][{_UP}'’-]+))[ \t]*[,;(][ \t]*"
        rf"(?=(?:MRN|DOB|{_RECORD_KEYS})[ \t]*(?:No\.?[ \t]*)?[:#]?[ \t]*[A-Z]{{0,3}}\d)",
        "v",
        keep=lambda m: _caps_level(m.group("s")) > 0
        and _could_be_name(m.group("g"))
        and not namebook.is_clinical(m.group("g")),
        # The comma first: the scan for it is quick.
        needs=re.compile(rf",[ \t]*(?:MRN|DOB|{_RECORD_KEYS})\b"),
    ),
    # "ADEBOLA OGUNLEYE (PGY-4)", "PREP BY: CHIDI OKAFOR": words in capitals that no list
    # knows, before a trainee's year or a credential, or after a "by" label at the line's end;
    # an all-capitals list gives the shadow text no listed word to vouch for them.
    _rule(
        "NAME",
        rf"\b(?P<v>{_CAPS_SEQ})(?=[ \t]*\([ \t]*(?:PGY-?\d|R[1-7]\b|"
        rf"(?i:fellow|resident|intern|attending)\b)|,[ \t]*(?:MD|DO|RN|NP|PA-C|PhD)\b)",
        "v",
        keep=_caps_staff,
        needs=re.compile(r"[A-Z]{2}(?:[ \t]*\((?:PGY|R\d|[FRIA])|,[ \t]*(?:MD|DO|RN|NP|PA|PhD)\b)"),
    ),
    _rule(
        "NAME",
        rf"(?i:\bby)[ \t]*:[ \t]*(?P<v>{_CAPS_SEQ})(?=[ \t]*(?:$|\n|\())",
        "v",
        keep=_caps_staff,
    ),
    # "SEGUN ADEWALE, age 2": words in capitals that no list knows, before the patient's age
    # or identifiers.
    _rule(
        "NAME",
        rf"\b(?P<v>{_CAPS_SEQ})[ \t]*[,;(][ \t]*"
        rf"(?=(?i:MRN|DOB|D\.O\.B|acc|accession|aged?)\b|\d{{1,3}}[ \t-]*(?i:y\b|yo\b|years?\b))",
        "v",
        keep=_no_plain_words,
    ),
    _rule(
        "NAME",
        # A credential after the name, or its role after a comma ("K. Lindgren, scheduler"); a
        # clinical word alone before one is a view ("Lung, PA and lateral").
        rf"\b(?P<v>{_NAME_SEQ})(?:{_CREDENTIAL}|,[ \t]+(?:(?:the|our|a)[ \t]+)?"
        rf"(?:[\w/-]+[ \t]+){{0,2}}?(?i:{_ROLE_NOUN}))(?![\w-])",
        "v",
        keep=lambda m: _trimmed(m, lambda w: _could_be_name(w) and not namebook.is_clinical(w)),
    ),
    # A role noun right before a name, no colon: "sonographer Brooke Ashford".
    _rule(
        "NAME",
        # "night IR fellow is Ravi": who holds the role, named after "is" or "was".
        rf"(?<!\w){_initials(_ROLE_NOUN)}(?i:{_ROLE_NOUN})(?:,?[ \t]+(?:(?:is|was)[ \t]+)?"
        rf"(?:{_TITLE}\b\.?[ \t]+)?"
        rf"(?P<v>{_INITIALS_ONLY}|(?>(?:{_PARTICLE_ANY}[ \t]+)*{_NAME_SEQ})){_EPONYM_USE}"
        rf"|(?=(?:[ \t]*:|[ \t]+colon)?[ \t]+(?P<lv>{_LOWER_SEQ})))",
        "v",
        keep=_after_role,
    ),
    # The name in brackets after a role ("by F1 doctor (Austin)", "medical registrar (Niamh)"):
    # a given name of the lists, not a service or a language.
    _rule(
        "NAME",
        rf"(?<!\w){_initials(_ROLE_NOUN)}(?i:{_ROLE_NOUN})[ \t]*\([ \t]*(?P<v>{_CAP_WORD})[ \t]*\)",
        "v",
        keep=lambda m: namebook.is_ever_given(m.group("v"))
        and _could_be_name(m.group("v"))
        and not _SERVICE.fullmatch(m.group("v")),
        needs=re.compile(rf"\([ \t]*[{_UP}][{_LOW}]+[ \t]*\)"),
    ),
    # A given name with where the person works: "Maria from the ED", "Joost (charge nurse)".
    _rule(
        "NAME",
        rf"\b(?P<v>{_NAME_WORD})(?:['’]s)?[ \t]+(?:from|in|at|on|with|of)[ \t]+(?:the[ \t]+)?"
        rf"{_UNIT}",
        "v",
        keep=_given_at_work,
    ),
    _rule(
        "NAME",
        rf"\b(?P<v>{_NAME_SEQ})[ \t]*\((?:the[ \t]+)?(?:[\w/-]+[ \t]+){{0,2}}?"
        rf"(?i:{_ROLE_NOUN}|charge)\)",
        "v",
        keep=lambda m: _trimmed(m, _could_be_name),
    ),
    # "Family (Rukhsana, daughter) updated", "(Grant, RN)".
    _rule(
        "NAME",
        rf"\((?P<v>{_NAME_SEQ}),[ \t]*(?:(?:his|her|their|the|pt'?s|patient'?s)[ \t]+)?"
        rf"(?i:{_RELATIVE}|{_ROLE_NOUN}|charge\s+nurse)\b",
        "v",
        keep=lambda m: _trimmed(m, _could_be_name),
    ),
    # "CHAN Tai Man (陳大文)": a name in Chinese or Korean characters beside its English form.
    # Not a header word in Chinese that ends in "number" ("(住院号)", an inpatient number).
    # Family and given name may stand apart, the given name in kana ("(佐藤 春樹)", "(高橋 ウメ)").
    _rule(
        "NAME",
        r"\((?P<v>[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,4}"
        r"(?:[ \u3000][\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,4})?)(?<!号)\)",
        "v",
        keep=lambda m: len(m.group("v").replace(" ", "").replace("\u3000", "")) >= 2,
    ),
    # An initial and a surname after "by" or a signature's dash at the end of a line ("loaded
    # to PACS by J. Dorvil", "- L. Ferreira-Hohaia").
    _rule(
        "NAME",
        # or opening brackets before a comma and the person's office ("(R. Castillo, Patient
        # Relations)").
        rf"(?:\b(?i:by)[ \t]+|(?<=[ \t.])[-–—]{{1,2}}[ \t]*|\((?=[^,)\n]{{3,40}},))"
        rf"(?P<v>[{_UP}]\.[ \t]?(?:[{_UP}]\.[ \t]?)?"
        rf"{_CAP_WORD})(?![\w'’-])",
        "v",
        keep=lambda m: _initial_surname(m.group("v"))
        and (m.group()[:1] != "(" or m.string[m.end() : m.end() + 1] == ","),
        # The initial of every match, after a space, a bracket or the dash itself (the shadow
        # text keeps capitals where they were).
        needs=re.compile(rf"[ \t\-–—(][{_UP}]\."),
    ),
    # A name said and then spelled with hyphens ("vang, v-a-n-g"): the spelling is the name too
    # (the word before it is left to the name rules).
    _rule(
        "NAME",
        rf"(?i)(?<![\w'’-])(?P<w>[{_LETTER}]{{2,}}),?[ \t]+"
        rf"(?P<sp>[a-z](?:-[a-z]){{1,}})(?![\w'’-])",
        keep=lambda m: m.group("w").lower() == m.group("sp").replace("-", "").lower()
        and m.span("sp"),
        needs=re.compile(r"(?<![\w-])[A-Za-z]-[A-Za-z](?:-|\b)"),
    ),
    # A maiden name: "(née Gillespie)", "maiden name Okoro", and the birth-name words of German
    # ("geb."), Hungarian ("szül."), Czech ("roz."), Polish ("z d.", "z domu") and Romanian.
    _rule(
        "NAME",
        rf"(?i:\bn[ée]e|\bmaiden[ \t]+name:?|\bformerly|\bgeb\.|\bszül\.|\broz\.|\bz[ \t]?d\."
        rf"|\bz[ \t]+domu|\bn[ăa]scut[ăa])[ \t]+(?P<v>{_CAP_WORD}(?:-{_CAP_WORD})?)"
        rf"|(?i:\bmaiden[ \t]+name)(?:[ \t]+is)?[ \t]+(?P<lv>[{_LOW}][{_LOW}'’-]+)",
        keep=lambda m: (
            (_could_be_name(m.group("v")) and m.span("v"))
            if m.group("v")
            else (_lower_surname_ok(m.group("lv")) and m.span("lv"))
        ),
    ),
    # "Malin's mother reports", "Yaw Owusu's prior CT".
    _rule(
        "NAME",
        rf"\b(?P<v>{_CAP_WORD}(?:[ \t]{_CAP_WORD})?)['’]s?[ \t]+(?:{_RELATIVE}|mom|dad|parents?|"
        rf"family|nurse|doctor|PCP|physician|prior|previous|note|chart|images?|scans?|studies|"
        rf"study|exam|report|team|room|bed|care)\b",
        "v",
        keep=lambda m: _trimmed(m, _possessor),
        # The possessive of every match: most texts have none, and skip the capitals' scan.
        needs=re.compile(r"['’]s?[ \t]"),
    ),
    # "SMITH, ROBERT J  MRN ..." or "'Montgomery, Eugene - 89113404'": surname, given name,
    # next to the study's identifiers.
    _rule(
        "NAME",
        rf"(?P<v>\b(?!(?i:patient|pt|name|subject)\b)[{_UP}][{_UP}{_LOW}'’-]+"
        rf"(?:[ \t]+[{_UP}][{_UP}{_LOW}'’-]+)?,[ \t]*"
        rf"(?!(?i:MRN|DOB|ACC|ID|{_NATIONAL_KEYS}|{_RECORD_KEYS})\b)"
        rf"[{_UP}][{_UP}{_LOW}'’-]+\b(?:[ \t]+[{_UP}]\b\.?)?)[ \t]*[-–,;|(/]?[ \t]*\n?[ \t]*"
        rf"(?=(?i:MRN|MR\s*#|DOB|ACC|accession|ID\b)|\d{{5,}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})",
        "v",
        keep=lambda m: not any(
            namebook.is_not_name(w)
            or w.lower() in _ROLE_WORDS
            or w in _OFFICE_UNITS
            or w.lower() in _COLUMN_KEYS
            for w in _SPAN_WORD.findall(m.group("v"))
            if len(w) > 1
        ),
    ),
    _rule(
        "NAME",
        rf"\b(?=[{_UP}])(?P<v>(?>(?:{_GIVEN})(?:[ \t]+{_NAME_WORD}){{1,2}}))\b{_EPONYM_USE}",
        "v",
    ),
    # "Md. Abul Kalam", "Mohd Faizal": the abbreviation of Muhammad opens the name ("MD" in
    # capitals is a degree).
    _rule(
        "NAME",
        rf"(?<![\w.])(?P<v>(?:Md|Mohd|MOHD|Muhd)\.?[ \t]+{_LABEL_SEQ})",
        "v",
        keep=_after_muhammad,
    ),
    # Any given name followed by a surname from the published lists ("Hollis Grey").
    # Surname first ("Ivanova, Natalia", "De La Cruz, Maria"), then a given name and a surname
    # ("Lars Lindqvist"); names in capitals reach these rules through the shadow text.
    _rule(
        "NAME",
        # A generational suffix may stand between the surname and the comma ("BROWN JR.,
        # DESHAWN", "McCloskey III, Patrick"): lists sorted by surname write it so.
        rf"\b(?P<v>(?P<s>(?:{_PARTICLE_ANY}[ \t]+)*{_CAP_WORD})(?:[ \t]+{_NAME_SUFFIX})?,"
        rf"[ \t]*(?P<g>{_CAP_WORD})"
        rf"(?:[ \t]+[{_UP}]\b\.?)?)(?:[ \t]+(?P<g2>{_CAP_WORD})\b)?",
        "v",
        keep=_surname_first,
        # The comma and the given name's capital of every match (capitals in the shadow text
        # are capitals in the text).
        needs=re.compile(rf",[ \t]*[{_UP}]"),
    ),
    # "DO Thi Kim Anh", "Le Van Minh": a short Vietnamese surname that is also a word, a
    # credential or a particle ("DO", "Le"), then a middle name that says a Vietnamese name
    # follows and the given names.
    _rule(
        "NAME",
        rf"(?<![\w'’-])(?P<v>{_ASIAN_SHORT_CASED}[ \t]+(?:Thi|Van|Thị|Văn|THI|VAN|THỊ|VĂN)"
        rf"(?:[ \t]+{_CAP_WORD}){{1,3}})(?![\w'’-])",
        "v",
        keep=lambda m: _trimmed(m, lead=False),
        needs=frozenset({"thi", "van"}),
        raw=True,
    ),
    # The given name and the surname one space apart: two spaces or a tab part the columns of a
    # header or a dump ("InstitutionName  LO  CITY GENERAL").
    _rule(
        "NAME",
        rf"\b(?P<v>(?P<g>{_CAP_WORD})[ \t]"
        rf"(?:\({_CAP_WORD}\)[ \t]+|['‘\"“][{_UP}][\w .-]{{0,14}}['’\"”][ \t]+)?"
        rf"(?:[{_UP}]\.?[ \t]+)?"
        rf"(?:{_PARTICLE_ANY}[ \t]+)*"
        rf"(?P<s>{_CAP_WORD}(?:-{_CAP_WORD})?))\b{_EPONYM_USE}",
        "v",
        keep=_pair,
    ),
    # A word said and then spelled letter by letter ("grace king k i n g", "last name ward w a
    # r d"): a spelling confirms a name, even one that is a word.
    _rule(
        "NAME",
        rf"(?<![\w'’-])(?P<w>[{_LOW}]{{2,}})[ \t]+(?P<sp>[a-z](?:[ \t]+[a-z]){{1,}})(?![\w'’-])",
        keep=_said_and_spelled,
        needs=_speech_text,
    ),
    # Names spelled out letter by letter ("t a l l b e a r", "o apostrophe d o n o g h u e") and
    # a spoken apostrophe ("tyler o apostrophe brien").
    _rule(
        "NAME",
        rf"(?<![\w'’])(?:[a-z](?:[ \t]+{_SPELLING_MARK})?[ \t]+){{3,}}[a-z](?![\w'’])"
        r"|(?<![\w'’])(?:(?P<g>[a-z]{3,})[ \t]+)?(?P<o>[od])[ \t]+apostrophe[ \t]+[a-z]{2,}\b",
        keep=_spelled_name,
        needs=_speech_text,
    ),
    # "that's k a n g", "spelled t r a n": a short name spelled right after a cue.
    _rule(
        "NAME",
        rf"(?i)\b(?:spelled|spelling|that['’]s|that[ \t]+is)[ \t]+(?:it['’]s[ \t]+)?"
        rf"(?P<v>(?:[a-z](?:[ \t]+{_SPELLING_MARK})?[ \t]+){{2,}}[a-z])(?![\w'’])",
        "v",
        keep=lambda m: not _acronyms_only(re.sub(r"[^a-z]", "", m.group("v").lower())),
        # Written text too when a spelling is said ("spelled A C H E B E").
        needs=lambda text: _speech_text(text) or "spell" in text.lower(),
    ),
    # The name a patient goes by: "(goes by TJ)", '("Nia")', "also known as sally".
    _rule(
        "NAME",
        rf"(?i:\((?:goes[ \t]+by|aka|a\.k\.a\.?|known[ \t]+as|prefers|nickname:?|"
        rf"preferred(?:[ \t]+name)?:?)[ \t]+[\"“'‘]?|"
        rf"\([ \t]*[\"“'‘])(?P<v>{_CAP_WORD}|[{_UP}]{{2,3}})[\"”'’]?\)"
        rf"|(?i:also[ \t]+known[ \t]+as|goes[ \t]+by|a\.?k\.?a\.?)[ \t]+(?P<lv>[{_LOW}]{{3,}})\b",
        keep=lambda m: m.span("v") if m.group("v") else _nickname(m),
    ),
    # The same in running text with the nickname quoted ('who prefers "Bill"', 'goes by
    # "Bobbie"'), and a doctor's nickname quoted between title and surname ('Dr. "Mac"
    # McAllister'): the quotes and the cue make a nickname of any capitalised word.
    _rule(
        "NAME",
        rf"(?i:prefers|prefers[ \t]+to[ \t]+be[ \t]+called|goes[ \t]+by|known[ \t]+as|"
        rf"nicknamed|preferred[ \t]+name:?)[ \t]+[\"“](?P<v>{_CAP_WORD})[\"”]",
        "v",
        keep=lambda m: m.group("v").lower() not in _NOT_PART,
        needs=_QUOTED_CAPITAL,
    ),
    _rule(
        "NAME",
        rf"(?<!\w)(?:{_TITLE})\.?[ \t]+[\"“](?P<v>{_CAP_WORD}[\"”][ \t]+{_NAME_WORD})",
        "v",
        keep=lambda m: _line_end_surname(m.group("v").split()[-1]),
        needs=_QUOTED_CAPITAL,
    ),
    # "patient name hollis comma jerome", "patient alvarez castillo comma maria jose": the
    # surname, a spoken comma and the given names.
    _rule(
        "NAME",
        rf"(?<![\w.])(?:patient|pt|name|named|resident)(?:[ \t]+name)?(?:[ \t]+is)?[ \t]+"
        rf"(?P<v>(?P<s>[{_LOW}][{_LOW}'’-]+(?:[ \t]+hyphen[ \t]+[{_LOW}][{_LOW}'’-]+)?"
        rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)?(?!comma\b)[{_LOW}][{_LOW}'’-]+)?)"
        rf"[ \t]+comma[ \t]+(?P<g>[{_LOW}][{_LOW}'’-]+)"
        rf"(?P<rest>(?:[ \t]+(?:{_PARTICLE}[ \t]+)*[{_LOW}][{_LOW}'’-]+){{0,3}}))",
        keep=_spoken_surname_first,
        needs=lambda text: "comma" in text and _speech_text(text),
    ),
    # "pt: lachance, mateo   mrn ...": a header typed in lower case, the surname, a comma and
    # the given names up to the end of the field; after "patient:" even words are names ("rose,
    # river"), not clinical ones.
    _rule(
        "NAME",
        rf"(?<![\w.])(?:patient|pt|name|patient[ \t]+name)[ \t]*:[ \t]*"
        rf"(?P<v>[{_LOW}][{_LOW}'’-]+,[ \t]*[{_LOW}][{_LOW}'’-]+(?:[ \t][{_LOW}][{_LOW}'’-]+)?)"
        rf"{_FIELD_END}",
        "v",
        keep=lambda m: not any(
            namebook.is_clinical(w) or w in _NOT_PART for w in _SPAN_WORD.findall(m.group("v"))
        ),
    ),
    # "daughter grace reports", "partner tomas present": a relative's given name in lower case.
    _rule(
        "NAME",
        rf"(?<![\w.])(?:{_RELATIVE}|mom|dad|grandma|grandpa|granny|nana)(?:-in-law)?[ \t]+"
        rf"(?:comma[ \t]+|(?P<is>is|was)[ \t]+)?(?P<lv>[{_LOW}]{{3,}})\b",
        keep=_relative_given,
        needs=_speech_text,
    ),
    # "parents are wade and hope young", "mom and dad are lane and will young": two relatives
    # named together, the first by the given name, the second with the surname they share.
    _rule(
        "NAME",
        rf"{_PARENTS_NAMED}",
        "a",
        keep=lambda m: _parents_named(m) and m.span("a"),
        needs=_speech_text,
    ),
    _rule(
        "NAME",
        rf"{_PARENTS_NAMED}",
        "b",
        keep=lambda m: _parents_named(m) and (m.start("b"), _parents_named(m)),
        needs=_speech_text,
    ),
    # "doctor k wojcik", "nurse j. okafor": a title, one initial and a surname.
    _rule(
        "NAME",
        rf"(?<![\w.])(?:dr|doctor|nurse|mr|mrs|ms|prof|professor)\.?[ \t]+"
        rf"(?P<v>[{_LOW}]\.?[ \t]+(?P<s>[{_LOW}][{_LOW}'’-]{{2,}}))(?![\w'’-])",
        "v",
        # "doctor g anand kumar": an initial, a given name and the surname after it.
        keep=lambda m: _lower_surname_ok(m.group("s"))
        and (m.start("v"), _more_lower_names(m.string, m.end("s"), limit=1)),
        needs=_speech_text,
    ),
    # Speech recognition in lower case: "patient name jamal whitehorse", "patient is amara
    # chukwuemeka", and a given name with a surname anywhere ("for marcus oyelaran"); a newborn
    # named by the family ("baby girl ramirez", "infant of chiamaka okafor") as after a title.
    _rule(
        "NAME",
        rf"(?<!\w)(?=[PpFfLlGgMmSsNnBbIi])"
        rf"(?i:(?:patient(?:['’]s)?|first|last|given|family|middle)[ \t]+name(?:[ \t]+is)?|"
        rf"surname(?:[ \t]+is)?|patient[ \t]+is|name[ \t]+is|for[ \t]+patient|named|"
        rf"(?P<baby>(?:baby|bb)[ \t]+(?:boy|girl)(?:[ \t]+[ab])?|infant[ \t]+of))\b[ \t,:]*"
        rf"(?:colon[ \t]+)?(?=(?P<v>{_LOWER_SEQ}))",
        "v",
        keep=lambda m: _lower_name(m, unknown_ok=True, after_title=bool(m.group("baby"))),
        needs=_speech_text,
    ),
    # "Hi this is Becky, ...": a writer names herself.
    _rule(
        "NAME",
        rf"(?i:\bthis[ \t]+is)[ \t]+(?P<v>{_CAP_WORD})(?=[ \t]*,|[ \t]+(?:from|with|calling)\b)",
        "v",
        keep=lambda m: _could_be_name(m.group("v")) and not namebook.is_common(m.group("v")),
    ),
    # "hi this is ginny from pine hollow radiology": a caller names herself.
    _rule(
        "NAME",
        rf"(?<![\w.])(?:this|it)[ \t]+is[ \t]+(?P<lv>[{_LOW}]{{3,}})"
        rf"(?=[ \t]+(?:from|with|at|calling|in)\b)",
        keep=_nickname,
        needs=_speech_text,
    ),
    # "pt buckley ambrose", "patient gustavo ramirez ochoa": a weaker cue, so the first word
    # must be a listed name.
    _rule(
        "NAME",
        # Spanish and Portuguese "paciente", Indonesian "pasien".
        rf"(?<![\w.])(?:(?:patient|pt|veteran|paciente|pasien)(?:[ \t]+is)?[ \t]+"
        rf"(?:{_SPOKEN_RANK}[ \t]+)?|{_SPOKEN_RANK}[ \t]+)(?=(?P<v>{_LOWER_SEQ}))",
        "v",
        keep=lambda m: _lower_name(m, unknown_ok=True, listed_first=True),
        needs=_speech_text,
    ),
    # A typed report may still carry a name in lower case when a field's key closes it
    # ("patient mcKENZIE o'brien, mrn 6600184"): the whole name must read as one.
    _rule(
        "NAME",
        rf"(?<![\w.])(?:patient|pt)[ \t]*:?[ \t]+(?=(?P<v>{_LOWER_SEQ})[ \t]*,?[ \t]+"
        rf"(?i:mrn|dob|d\.o\.b\.?|acc|accession|age|sex)\b)",
        "v",
        keep=_lower_name_before_key,
    ),
    # "j. r. t. ellsworth", "m. k. santos", "leticia d. fonseca": initials and a surname.
    _rule(
        "NAME",
        rf"(?<![\w.])(?P<i>(?:[{_LOW}]\.[ \t]?){{1,3}})"
        rf"(?P<s>[{_LOW}][{_LOW}'’]{{2,}}(?:-[{_LOW}]+)?)(?![\w'’-])",
        keep=_initials_name,
        needs=_speech_text,
    ),
    # "ultrasound for penny baker patient number", "series on rusty field date of service": an
    # exam said to be for or on a given name (or a pet name) and a surname, both words, that
    # the next field of a header said aloud closes.
    _rule(
        "NAME",
        rf"(?<![\w.])(?:for|on)[ \t]+(?:little[ \t]+)?(?P<g>[{_LOW}]{{3,}})[ \t]+"
        rf"(?P<s>[{_LOW}][{_LOW}'’]+)(?![\w'’-])",
        keep=_pair_before_field,
        needs=_speech_text,
    ),
    _rule(
        "NAME",
        rf"(?<![\w'’-])(?P<g>[{_LOW}]{{4,}})(?=[ \t]+(?:[{_LOW}][ \t]+)?"
        rf"(?:(?:van|von|de|del|della|di|da|du|la|le|der|den|ten|ter|el|al|bin|st\.?)[ \t]+){{0,2}}"
        rf"(?P<s>[{_LOW}][{_LOW}'’]+(?:-[{_LOW}]+)?)(?![\w'’-]))",
        "g",
        keep=_lower_pair,
        needs=_speech_text,
    ),
    _rule(
        "ID",
        # "ACC-US-24-007781": a site's prefix may stand before the kind's.
        # A check part after a slash (a Czech birth number "505504/0127"), a birth date's six
        # digits and the serial a space after where the field ends (a Norwegian "031166 48213").
        r"(?<![\w.-])#?[A-Za-z]{0,5}(?:-[A-Za-z]{1,5})?-?\d[\d-]{3,}\d[A-Za-z]{0,3}"
        r"(?:/\d{3,4}(?=[\s,;)]|$)|(?<=(?<![\d-])\d{6})[ ]\d{4,5}(?=[ \t]*(?:$|[\n,;)])))?"
        r"(?![\w-]|\.\w)" + rf"(?!\s*{_UNITS}\b)",
        keep=_long_id,
        # The digit run of every match, found far faster than the pattern tries each word.
        needs=re.compile(r"\d[\d-]{3,}\d"),
    ),
    # "25-CT-771204", "1.2.840.55112.4471" (a DICOM study uid), and digits said one by one with
    # no key before them ("at five five five two one two ...").
    _rule(
        "ID",
        r"(?<![\w.-])\d{1,4}-[A-Za-z]{1,5}-\d{4,}(?![\w-])",
        needs=re.compile(r"-[A-Za-z]{1,5}-\d"),
    ),
    _rule(
        "ID",
        r"(?<![\w.])\d+(?:\.\d+){3,}(?![\w.])",
        keep=_enough_digits(8),
        needs=re.compile(r"\.\d+\.\d+\.\d"),
    ),
    _rule(
        "ID",
        # Not the "s" of "that's" before the digits.
        rf"(?i)(?<![\w'’-])(?:[a-z][ \t]){{0,6}}{_TOLL_FREE}?{_DIGIT_WORD}"
        rf"(?:{_DIGIT_SEP}{_DIGIT_WORD}){{4,}}\b",
        keep=_spoken_digits,
        needs=_DIGIT_WORDS_SET,
    ),
    _rule(
        "ID",
        r"(?i)(?<![\w-])(?:[a-z][ \t]){0,4}\d(?:[ \t]\d){5,}\b",
        needs=re.compile(r"\d[ \t]\d[ \t]\d[ \t]\d[ \t]\d"),
    ),
    _rule(
        "DATE",
        rf"(?<![\w.-]){_YEAR}(?![\w-]|\.\d)(?!\s*{_UNITS}\b)",
        keep=lambda m: not _guideline_year(m),
    ),
    # Chat and log lines name their writer by a user name: "[Tue 2/20 06:52] jmorales3: ok",
    # "s.okafor  [13:02]  Anyone ...".
    _rule(
        "NAME",
        rf"\[[^\]\n]{{3,40}}\][ \t]+(?P<v>{_HANDLE})(?=:[ \t])",
        "v",
        keep=lambda m: _LINE_START.search(m.string, 0, m.start()) is not None
        and _handle_ok(m.group("v")),
    ),
    _rule(
        "NAME",
        rf"(?m)^(?P<v>{_HANDLE})[ \t]+\[\d{{1,2}}:\d\d(?::\d\d)?\]",
        "v",
        keep=lambda m: _handle_ok(m.group("v")),
        needs=re.compile(r"[ \t]\[\d{1,2}:\d\d"),
    ),
    # A chat or text-message line opens with its time and its writer, often by given name alone
    # ("[14:12] Bobby (ortho PA, 555-0177): family here?", "14:20 Bobby: ok"): a listed given
    # name that is no English word, right before the colon or the bracket of the writer's role.
    _rule(
        "NAME",
        rf"(?m)^[ \t]*(?:\[\d{{1,2}}:\d\d(?::\d\d)?\]|\d{{1,2}}:\d\d(?::\d\d)?)[ \t]+"
        rf"(?P<v>{_CAP_WORD})(?=[ \t]*(?::[ \t]|\())",
        "v",
        keep=lambda m: _chat_given(m.group("v")),
        needs=re.compile(r":\d\d\]?[ \t]+[A-Z]\w+[ \t]*[:(]"),
    ),
    # A letter or message greets its reader by given name ("Hi Priya,", "Hello Tomasz"): a
    # listed given name that is no English word, before a comma or the line's end.
    _rule(
        "NAME",
        rf"(?m)(?:^|(?<=[.!?][ \t]))[ \t]*(?:Hi|Hey|Hello|Dear)[ \t]+(?P<v>{_CAP_WORD})"
        rf"(?=[ \t]*(?:[,!]|$))",
        "v",
        keep=lambda m: _chat_given(m.group("v")),
        needs=frozenset({"hi", "hey", "hello", "dear"}),
    ),
    # "exported by jpatel", "User: hkim3", "reader=rjacobsen": the user who did something,
    # named by the user name a department makes of initials and a surname.
    _rule(
        "NAME",
        r"(?i:(?P<k>\b(?:user(?:[ \t]*name|[ \t]*id)?|login|operator|reader|author|owner|"
        r"exported[ \t]+by|uploaded[ \t]+by|printed[ \t]+by|logged[ \t]+by)[ \t]*[:=#]"
        r"|\b(?:by|user|reader)[ \t]+))[ \t]*"
        rf"(?P<v>{_HANDLE})",
        "v",
        keep=_user_handle,
        needs=frozenset({"by", "user", "login", "operator", "reader", "author", "owner"}),
    ),
    # A user name addressed with "@" in a chat ("@jwu_pharm", "@hzhou", "@kmorrow-rad"); no word
    # stands before the "@" as in an e-mail address, and "@ 10:00" (at) has no name after it.
    _rule(
        "NAME",
        r"(?<![\w.@])@(?P<v>[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*)(?![\w@.-]|\.\w)",
        "v",
        keep=lambda m: _handle_ok(m.group("v").replace("-", ".")),
        needs=re.compile(r"@[a-z]"),
    ),
    # "Tomas Reyes (treyes2)", "Dr A. Kowalski (a.kowalski)": a user name after a name, made of
    # initials and a name word of the same line.
    _rule("NAME", rf"\((?P<v>{_HANDLE})\)", "v", keep=lambda m: _handle_of_name(m)),
)
_NAME_PARTS = re.compile(rf"[{_UP}][{_UP}{_LOW}'’-]{{2,}}|[{_LOW}][{_LOW}'’-]{{2,}}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")
# A given name of two letters ("Jo Pemberton ... Jo to contact the daughter"): said again as
# written, when it is no English word ("Ed", "Al", "Do" are) or clinical abbreviation.
_SHORT_PART = re.compile(rf"(?<![\w'’.-])[{_UP}][{_LOW}](?![\w'’.-])")


def _short_given(part: str) -> bool:
    """A two-letter given name that no English or clinical list holds ("Jo", "Bo")."""
    plain = part.lower()
    if plain in _NOT_PART or namebook.is_common(plain) or namebook.is_clinical(plain):
        return False
    return namebook.is_ever_given(part)


# A word as a later mention of a name: "O'Neill", "Whitlock-Moore", "Chen" of "Chen's".
_MENTION_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:['’-](?!s\b)[^\W\d_]+)*")
# Quebec report words and numbers, and id keys said right after a lower-case name ("madame
# marie-claude bouchard numéro de dossier", "goh siew lan nric", "al-rashid file number"): kept
# out of the capitalised rules' exclusion, which every capital in a text tries.
_SPOKEN_NOT_PART = frozenset(
    """numéro numero dossier heure heures examen dicté dictée deux trois quatre cinq sept huit
    neuf dix onze douze treize quatorze quinze seize vingt trente mille midi minuit nric nhi hkid
    ddn file care""".split()
)
# Punctuation and layout said to speech recognition in German, Dutch, Italian, Spanish,
# Portuguese and French ("Pfeifenberger Punkt Neuer Absatz", "Aigner Komma geboren", "punto a
# capo"): written out when not understood, they follow names but are never part of one.
_DICTATION_COMMANDS = frozenset(
    """punkt komma doppelpunkt semikolon strichpunkt absatz neuer neue zeile fragezeichen
    ausrufezeichen bindestrich schrägstrich klammer anführungszeichen punt puntkomma alinea
    nieuwe regel punto virgola capo paragrafo punti puntos párrafo parrafo aparte ponto vírgula
    virgula parágrafo pontos virgule paragraphe ligne""".split()
)
# Header labels, institution words and forms of address of sites abroad and of US paperwork
# ("CENTRO DE DIAGNÓSTICO", "Çekim Tarihi", "Tgl Pemeriksaan", "Cédula Profesional", "Patient
# Portal", "Brendan Gallagher, Esq."): beside a name they are context, never part of it. Kept
# out of the capitalised rules' exclusion, like the spoken words above.
_HEADER_NOT_PART = frozenset(
    """centro center centre diagnóstico diagnostico diagnósticos imagem imagen imagens vida
    clínica clinica hospitalar universitário universitario serviço servicio radiologia
    radiología laudo exame examen idade edad sexo anos años prontuário prontuario médico medico
    médica medica tratante cédula cedula profesional medicina interna saúde salud são
    çekim tarihi tarih hastane hastanesi yaş doç dikte rapor
    usia tgl tanggal pemeriksaan nama dokter pengirim ibu bapak rumah sakit instalasi tahun
    kasr portal contact esq saint ip hi hey hello
    informe nota adenda addenda comunicación comunicacion hallazgo hallazgos corrección
    correccion filiación filiacion seguimiento relatório relatorio mamografía mamografia
    tomografía tomografia ultrasonido ecografía ecografia ultrassonografia resonancia
    ressonância ressonancia magnética magnetica tiroides tireoide imágenes imagenes ortopedia
    traumatología traumatologia urología urologia columna coluna departamento
    comment comments kommentar worksheet personnummer fallnr externe geb
    dni curp cpf cuil cuit matrícula matricula
    imagerie radiologie radiodiagnostic médicale medicale département departement urgences
    sénologie senologie""".split()
)
# Places, the words of a company's or hospital's name, and Latin anatomy that the name rules
# read as a person ("SRI LANKA, COLOMBO", "Ho Chi Minh", "NightHawk Asia Pte Ltd", "Valley
# Baptist", "PORTA HEPATIS"): a name span made of these words alone is dropped. Each may be
# part of a name beside other words ("Kong Wei Ming" stays a name).
_PLACE_WORDS = frozenset(
    """sri lanka colombo kandy hong kong kowloon ho chi minh hanoi saigon city chattogram
    chittagong dhaka karachi lahore nairobi lagos accra kampala singapore asia pacific gulf
    pte ltd llc inc plc sdn bhd gmbh valley baptist methodist presbyterian adventist lutheran
    porta hepatis tele read ordering asst centre center diagnostic
    aarau aarhus umeå solna malmö göteborg uppsala cardiff wales lothian royal devon exeter
    amsterdam utrecht rotterdam ede vallei heidelberg genève zürich bild
    sa hpcsa gmc imc mcnz ahpra frcr frcs frcp frcpc franzcr mbchb mbbs""".split()
)
# Hospital and department words of Nordic, Dutch, German and French sites, alone or ending a
# compound ("Universitetssjukhuset", "Kantonsspital", "Kreisklinik", "Neurologkliniken",
# "Radiologisk Afdeling", "Hôpitaux Universitaires"): a name span that opens or closes with
# one names a workplace, never a person.
_INSTITUTION_ABROAD = re.compile(
    r"(?i)\w*(?:sjukhus(?:et)?|sjukehus(?:et)?|sykehus(?:et)?|sygehus(?:et)?|hospital(?:et)?"
    r"|spital|klinikum|klinik(?:en|ken)?|ziekenhuis|lazarett(?:et)?)|afdeling(?:en)?"
    r"|avdeling(?:en)?|avdelningen|hôpitaux|universitaires?|medische|beeldvorming|nachtdienst"
    # Romanian, Polish, Czech, Hungarian, South Slavic and Turkish hospital and service words
    # ("Spitalul Judetean Cluj", "Szpital Miejski", "Acil Servis" is the emergency service).
    r"|spitalul|szpital|nemocnice|nemocnica|kórház|bolnica|hastane(?:si)?|acil|servis(?:i)?"
    r"|jude[tţț]ean[aă]?"
    r"|\w*radiologi(?:e|sk|ska)?|verbund"
    # Welsh, Scottish Gaelic and Irish hospitals ("Ysbyty Gwynedd", "Ospadal nan Eilean").
    r"|ysbyty|ospadal|ospid[eé]al"
    # Spanish and Portuguese private hospitals and outpatient clinics ("Sanatorio Güemes").
    r"|sanatorio|cl[ií]nica|policl[ií]nic[oa]"
    # French hospitals, clinics and universities ("Cliniques Universitaires de Kinshasa",
    # "Hôtel-Dieu de Lévis", "Université de Montréal"); "Hôtel" only with its circumflex, as
    # the spelling alphabet's "hotel" may open a spelled name.
    r"|(?:poly)?cliniques?|h[ôo]pital|institut|universit[ée]|h[ôÔ]tel"
)
_PLACE_WORD = re.compile(r"[^\W\d_]+")
# The legal form that ends a company's name; no person's name holds one.
_COMPANY_WORDS = frozenset("pty ltd llc inc plc gmbh bhd pte".split())


def _without_rank(text: str, start: int, end: int) -> tuple[int, int]:
    """A name span without a military rank before it, a corps after it, or the place of work
    whose first word a comma put after the name ("Tim Young, Garrison Health")."""
    if end - start <= 6 and _RANK_ONLY.fullmatch(text, start, end):
        return start, start  # "Lt Col": the rank alone, after a rank as a title
    lead = _RANK_LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    if text[end - 1].isupper() or text[end - 1] == ".":
        corps = _CORPS_END.search(text, start, end)
        if corps and corps.start() > start:
            end = corps.start()
    comma = text.rfind(",", start, end)
    if comma > start and _INSTITUTION_NEXT.match(text, end):
        end = comma
    return start, end


_INSTITUTION_NEXT = re.compile(rf"[ ]{_INSTITUTION}\b")


def _only_place_words(text: str, start: int, end: int) -> bool:
    """A name span whose every word is a place, company or Latin anatomy word, or that opens
    with "Fort" or "Camp": a military post named after a person ("FORT JACKSON", "Camp
    Lejeune"), which is where the patient serves, not who the patient is."""
    words = _PLACE_WORD.findall(text, start, end)
    if words and words[0].lower() in ("fort", "camp"):
        return True
    if words and (
        _INSTITUTION_ABROAD.fullmatch(words[0]) or _INSTITUTION_ABROAD.fullmatch(words[-1])
    ):
        return True
    if any(w.lower() in _COMPANY_WORDS for w in words):
        return True  # "Stonecraft Benchtops Pty Ltd": an employer, named with its legal form
    return bool(words) and all(w.lower() in _PLACE_WORDS for w in words)


# "fall at Willow Creek assisted living", "from Sunny Acres nursing home": a care home named
# like a person, where the patient lives; the kind of home said after it in lower case.
_CARE_HOME_AFTER = re.compile(
    r"[ \t]+(?:assisted[ \t]+living|nursing[ \t]+(?:home|facility)|skilled[ \t]+nursing|"
    r"senior[ \t]+living|retirement[ \t]+(?:home|community|village)|care[ \t]+home|"
    r"group[ \t]+home|memory[ \t]+care)\b"
)
_PLACE_CUE_BEFORE = re.compile(r"\b(?:at|from|of|to|in)[ \t]+$")


# Latin American hospitals are named after saints, founders and places and followed by their
# town ("Clínica San Rafael, Monterrey", "Hospital Pablo Tobón Uribe, Medellín", "Sanatorio
# Güemes, Buenos Aires"): capitalised words after the head word of a hospital's name, or the
# town after that name and a comma, name the workplace, not a person. A title or a patient
# label between them ends the hospital's name ("Hospital Central, Dr. Ana Ruiz").
_INSTITUTION_HEAD = (
    r"(?:Hospital|Hospitalario|Cl[ií]nica|Sanatorio|Policl[ií]nic[oa]|Instituto|Fundaci[oó]n|"
    r"Centro[ \t]+M[ée]dico|Casa[ \t]+de[ \t]+Sa[uú]de|Santa[ \t]+Casa|"
    # French-speaking sites name theirs the same way, head first ("Hôpital Charles Nicolle",
    # "CHU Habib Bourguiba", "Centre hospitalier de l'Université de Montréal"): a university
    # hospital's initials (CHU, CHUM, CHR, EHU) in capitals are a head too.
    r"H[ôo]pital|H[ôo]pitaux|H[ôo]tel-Dieu|(?:Poly)?[Cc]liniques?|Institut|Universit[ée]|"
    r"Centre[ \t]+[Hh]ospitalier|CHU[A-Z]?|CHRU?|EHU)"
)
_INSTITUTION_HEAD_AT = re.compile(rf"\b{_INSTITUTION_HEAD}")


def _head_end(text: str, before: re.Match) -> int:
    """Where the head word of the hospital's name that `before` found ends."""
    head = _INSTITUTION_HEAD_AT.match(text, before.start())
    return head.end() if head else before.start()


_INSTITUTION_NAME_BEFORE = re.compile(
    rf"\b{_INSTITUTION_HEAD}(?:[ ](?:(?!(?:{_TITLE}|Paciente|Patiente?|Pt|Name|Nombre|Nom)\b)"
    rf"{_CAP_WORD}|D['’]{_CAP_WORD}|de|del|la|las|los|da|do|das|dos|y|e|"
    # French joining words and the adjectives of a hospital's kind, and an elided article
    # before the next word ("de l'Université", "d'Oran").
    rf"du|des|et|universitaires?|hospitali(?:er|[eè]re)|r[ée]gional|g[ée]n[ée]ral|militaire|"
    rf"central|principal|national|provincial|d[ée]partemental|europ[ée]en|"
    rf"(?:de[ ])?[dlDL]['’]{_CAP_WORD}))*(?:,?[ ]|[ ](?:de[ ])?[dlDL]['’])$"
)


def _names_institution(match: re.Match) -> bool:
    """A match that goes on a hospital's name on its line ("EHU d'Oran 1er Novembre" is named
    after a day)."""
    start = match.start()
    line = max(match.string.rfind("\n", 0, start) + 1, start - 100)
    return _INSTITUTION_NAME_BEFORE.search(match.string, line, start) is not None


# A saint a hospital is named after ("Clínica San Rafael", "Hospital São José").
_SAINT = r"(?:San|Santa|Santo|S[ãa]o|Saint|St\.?|Virgen|Se[ñn]ora[ \t]+de(?:l|[ \t]+la)?)"
_SAINT_BEFORE = re.compile(rf"\b{_SAINT}[ ]$")
_SAINT_FIRST = re.compile(rf"{_SAINT}[ ]")
_CAP_WORD_BEFORE = re.compile(rf"{_CAP_WORD}[ ]$")
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _ever_surname_unaccented(word: str) -> bool:
    """The surname list holds the word, or the word without its accents ("Pérez")."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return namebook.is_ever_surname(word) or namebook.is_ever_surname(bare)


# What follows a person's name and never a hospital's on its line: an age, a number, a role,
# a credential or a birth key ("CHU de Brest Jean Dupont 45 ans", "... Pierre Gagnon
# radiologue").
_PERSON_AFTER = re.compile(
    rf"[ \t]*,?[ \t]*(?:\(?\d|(?i:{_ROLE_NOUN}|radiologue|radiologiste|m[ée]decin|interne|"
    r"infirmi[eè]re?|manipulat(?:eur|rice)|secr[ée]taire|sage-femme|urgentologue|prescripteur|"
    r"n[ée]e?|ddn|dob|[âa]ge|ans|aged)\b|(?:MD|RN|PhD|MBBS)\b)"
)
_NAME_RUN_WORD = re.compile(rf"{_CAP_WORD}|[^\W\d_]+")


def _person_inside(text: str, head_end: int, end: int) -> bool:
    """A given name and a surname after other words of a hospital's name ("Centre hospitalier
    de Lévis Pierre Gagnon", "Hospital Central Juan Pérez"): a person named after the
    hospital, whose name opens the hospital's only when it comes first ("Hôpital Charles
    Nicolle") or after a particle or a saint ("Ibn Sina", "Saint-Louis"); the town after a
    comma is no part of it."""
    comma = text.find(",", head_end, end)
    words = _NAME_RUN_WORD.findall(text, head_end, end if comma < 0 else comma)
    for i in range(1, len(words) - 1):
        word, before, after = words[i], words[i - 1], words[i + 1]
        if not (word[0].isupper() and after[0].isupper()):
            continue
        if before.lower() in _PARTICLE_WORDS or _SAINT_FIRST.match(before + " "):
            continue
        if namebook.is_ever_given(word) and not namebook.is_clinical(word):
            return True
    return False


def _in_institution_name(text: str, start: int, end: int | None = None) -> bool:
    """A name span that goes on a hospital's name, or is the town after it, on one line; not
    a person named after the hospital's name (fails closed)."""
    line = max(text.rfind("\n", 0, start) + 1, start - 100)
    before = _INSTITUTION_NAME_BEFORE.search(text, line, start)
    if before is None:
        return False
    if end is not None and (
        _PERSON_AFTER.match(text, end) or _person_inside(text, _head_end(text, before), end)
    ):
        return False
    if _SAINT_FIRST.match(text, start) or _SAINT_BEFORE.search(text, line, start):
        return True
    first = _FIRST_WORD.match(text, start)
    if first is None or first.group()[0].islower() or first.group()[1:2] in "'’":
        return True  # a particle or an elided one ("de Buenos Aires", "Copa D'Or")
    if before.group().rstrip().endswith(","):
        # The town after the name ("Sanatorio Mitre, Rosario"; many towns are given names),
        # unless a surname follows as it does a person's ("Hospital Central, Juan Pérez").
        after = _SURNAME_AFTER.match(text, first.end())
        return after is None or not _ever_surname_unaccented(after.group("w"))
    if not _CAP_WORD_BEFORE.search(text, line, before.start()):
        return True  # the words a hospital is named by, after its head ("Sanatorio Mitre")
    # A given name after an English hospital's name is a person on the same line ("Mercy
    # Hospital John Smith"), not the hospital's name.
    return not namebook.is_ever_given(first.group())


def _care_home(text: str, start: int, end: int) -> bool:
    """A name span that a place word before and the kind of care home after make a home."""
    return bool(
        _CARE_HOME_AFTER.match(text, end)
        and _PLACE_CUE_BEFORE.search(text, max(0, start - 8), start)
    )


# One lookup of a text's words for every rule's leads.
_LEAD_INDEX = LeadIndex([rule.leads for rule in _RULES])


_NOT_PART = (
    frozenset(w.lower() for w in _NOT_NAME.split("|"))
    | _PARTICLE_WORDS
    | _ROLE_WORDS
    | _SPOKEN_NOT_PART
    | _HEADER_NOT_PART
    | _DICTATION_COMMANDS
)
# Beside a given name these are context, not a surname; months may still be names.
_PAIR_STOP = _NOT_PART - {m.lower() for m in _MONTHS} - {"will"}
# Text with no capital, digit or cue word has nothing to mask (many log lines). Speech
# recognition writes everything in lower case with numbers as words, so the cues of its
# spoken names, dates, times and ids count too.
_FAST_SKIP = re.compile(
    rf"[\d@A-Z]|www|://|\b(?:dr|doctor|mrs?|ms|with|per|by|to|d/w|at|on|of|for|patient|pt|"
    rf"paciente|pasien|"
    rf"name|named|age|aged|dot|accession|number|mrn|ext|extension|phone|pager|bleep|date|birth|"
    rf"born|dated|dob|slash|hora|{_RELATIVE}|mom|dad|parents|grandma|grandpa|"
    rf"zero|one|two|three|four|five|six|seven|eight|nine|"
    rf"{_ES_MONTH}|{_ES_DIGIT}|{_PT_DIGIT}|{_FR_MONTH}|{_FR_DIGIT}|docteure?|{_HIJRI_MONTH}|"
    rf"{_IT_MONTH}|"
    rf"ore|{_PT_MONTH}|las|às|"
    rf"novant\w*|noventa)\b"
    rf"|(?i:\b{_ROLE_NOUN}\b)"
)
# Two or more words in capitals side by side: a line typed with caps lock ("DMITRI SOKOLOV").
_CAPS_RUN = re.compile(
    rf"\b[{_UP}][{_UP}'’-]+(?:[ \t,]+[{_UP}][{_UP}'’-]+\b|[ \t]*,[ \t]*[{_UP}][{_LOW}])"
    rf"|\b[{_UP}][{_UP}'’-]{{4,}}[ ][{_UP}][{_LOW}]"
)
# "IVANOVA, Svetlana": a surname in capitals before a comma and a given name; Romanian,
# Hungarian and Turkish headers drop the comma ("ȘTEFĂNESCU Maria", "ÖZTÜRK Mehmet").
_GIVEN_AFTER_COMMA = re.compile(rf"(?:[ \t]*,[ \t]*|[ ])(?P<g>[{_UP}][{_LOW}]+)\b")
_CAPS_WORD = re.compile(rf"\b[{_UP}][{_UP}'’-]*[{_UP}]\b")
_RUN_GAP = re.compile(r"[ \t,]+")
# Capitals that stay capitals in the shadow text: credentials, modalities, units, labels.
_ACRONYMS = frozenset(
    """MD DO RN NP PA LPN CNA RT PHD MRN DOB ACC ID SSN ED ER OR IR ICU EMS CT MR MRI US XR NM
    PET AP LAT PE DVT CVA TIA MVA MVC GSW LOC GCS CHF COPD CAD HTN DM CKD UTI BMI IV IM PO NPO
    SOB CP ABD RUQ LUQ RLQ LLQ BP HR RR PCP ENT GI OB GYN CC RE AM PM EKG ECG EHR EMR EPR PACS
    RIS""".split()
)
# A national number's key ("TAJ", "EGN") may also be a listed name; beside a name in capitals it
# would be read as one.
_ACRONYMS |= frozenset(_NATIONAL_KEYS.split("|"))
# Record keys of Commonwealth sites ("UR", "CHI", "HRN"), a territory's code ("Iqaluit NU"),
# a remote area nurse ("RAN") and a centre's initials ("DAC ROUNDS"): some are listed names too
# ("Ur", "Nu", "Ran"), which a name in capitals elsewhere must not make one. Codes that are
# also staff initials ("AB", "MB") are left out.
_ACRONYMS |= frozenset("UR URN HRN CHI IHI PHN PHIN HSN HCN OHIP RAMQ NU RAN AHW DAC".split())
# A French university hospital's initials ("CHU de Brest", "CHUM"): also listed surnames, which
# would make the hospital's town a person's name.
_ACRONYMS |= frozenset("CHU CHUM".split())


def find_identifiers(text: str) -> list[Span]:
    """Every identifier in the text, sorted, non-overlapping."""
    return find_in_texts([text])[0]


# A left quote between two letters is an ʻokina typed from a keyboard without one
# ("Keli‘ihoʻomalu"); a right quote there stays an apostrophe ("O’Neill").
_QUOTE_AS_OKINA = re.compile(r"(?<=[^\W\d_])‘(?=[^\W\d_])")


def _with_okina(text: str) -> str:
    """The text with every left quote inside a word written as the ʻokina (same length)."""
    return _QUOTE_AS_OKINA.sub("ʻ", text) if "‘" in text else text


def find_in_texts(texts: list[str]) -> list[list[Span]]:
    """Identifiers of several texts (one prompt): a name found in one is masked in all."""
    texts = [_with_okina(text) for text in texts]
    scans = [_scan(text) for text in texts]
    parts = {
        form
        for text, (spans, _) in zip(texts, scans)
        for span in spans
        if span.category == "NAME"
        for part in _NAME_PARTS.findall(text[span.start : span.end])
        if part.lower() not in _NOT_PART
        for form in _forms(part)
    }
    parts |= {
        part
        for text, (spans, _) in zip(texts, scans)
        for span in spans
        if span.category == "NAME"
        for part in _SHORT_PART.findall(text, span.start, span.end)
        if _short_given(part)
    }
    words = {
        part.lower()
        for text, (spans, _) in zip(texts, scans)
        for span in spans
        if span.category == "NAME"
        for part in _NAME_PARTS.findall(text[span.start : span.end])
        if part.lower() not in parts
        and part.lower() not in _PAIR_STOP
        and namebook.is_ever_name(part)
    }
    givens = {
        word
        for text, (spans, _) in zip(texts, scans)
        for span in spans
        if span.category == "NAME"
        for word in _SPAN_WORD.findall(text, span.start, span.end)[:1]
        if word.islower() and word not in parts and _given_said_of_person(word)
    }
    results = []
    for text, (spans, taken) in zip(texts, scans):
        # A later mention may carry more of the name than the first ("mum pham [thi thu]").
        if parts:
            spans.extend(_with_asian_tail(text, s, taken) for s in _mentions(text, parts, taken))
        if words:
            found = _word_mentions(text, words, taken)
            spans.extend(_with_asian_tail(text, s, taken) for s in found)
        if givens:
            spans.extend(_given_mentions(text, givens, taken))
        if "hyphen" in text or "dash" in text:
            spans = [_with_spoken_hyphen(text, span, taken) for span in spans]
        spans.sort()
        results.append(spans)
    return results


def _caps_level(word: str) -> int:
    """2 for a word in capitals that a name list holds ("SOKOLOV"), 1 for a long word that no
    list knows ("NWACHUKWU"), 0 for clinical words and acronyms ("SPINE", "HIDA", "KUB")."""
    if word in _ACRONYMS:
        return 0
    level = 2
    for part in re.split(r"[-‐]", word.replace("’", "'")):
        plain = part.lower()
        bare = plain[2:] if plain[1:2] == "'" else plain
        if not bare or plain in _PARTICLE_WORDS:
            continue
        if namebook.is_ever_name(bare):
            if namebook.is_very_common(bare):
                return 0
            continue
        if namebook.is_not_name(bare) or not (len(bare) >= 5 and namebook.is_unknown(bare)):
            return 0
        level = 1
    return level


# Speech recognition may write a name it half knows in mixed case ("mcKENZIE", "deLEON").
_MIXED_CASE = re.compile(r"(?<![\w'’-])[a-z]{1,3}[A-Z]{3,}(?![\w'’-])")


def _without_mixed_case(text: str) -> str:
    """The text with listed names in mixed case written in lower case ("mcKENZIE" ->
    "mckenzie"), for the lower-case name rules; "mpMRI" and "rCBV" are no names and stay."""
    if not _MIXED_CASE.search(text):
        return text
    return _MIXED_CASE.sub(
        lambda m: m.group().lower() if namebook.is_ever_name(m.group()) else m.group(), text
    )


def _shadow(text: str) -> str:
    """The text with names in capitals written as names are ("DMITRI SOKOLOV" -> "Dmitri
    Sokolov"), the same length, for the name rules. Only runs of two or more capitalised words
    (or a surname in capitals before ", Given") are touched; a word no list knows only beside a
    listed one ("NIAMH O'NEILL", not "SPECT, REGADENOSON") or before a given name ("IVANOVA,
    Svetlana"); credentials, modalities and clinical words stay in capitals."""
    text = _without_mixed_case(text)
    if not _CAPS_RUN.search(text):
        return text
    words = list(_CAPS_WORD.finditer(text))
    levels = [_caps_level(w.group()) for w in words]
    # A particle alone vouches for no word beside it: "AVISO DE RESULTADO" is a heading.
    vouch = [
        level == 2 and w.group().lower() not in _PARTICLE_WORDS for w, level in zip(words, levels)
    ]
    out = list(text)
    for i, word in enumerate(words):
        if levels[i] == 0:
            continue
        after_comma = _GIVEN_AFTER_COMMA.match(text, word.end())
        before_given = bool(after_comma) and namebook.is_ever_given(after_comma.group("g"))
        if levels[i] == 1 and not before_given:
            before = (
                i > 0
                and vouch[i - 1]
                and _RUN_GAP.fullmatch(text, words[i - 1].end(), word.start())
            )
            after = (
                i + 1 < len(words)
                and vouch[i + 1]
                and _RUN_GAP.fullmatch(text, word.end(), words[i + 1].start())
            )
            if not (before or after):
                continue
        value = word.group()
        lower = "".join(
            c if k == 0 or value[k - 1] in "'’-" else c.lower() for k, c in enumerate(value)
        )
        if len(lower) == len(value):
            out[word.start() : word.end()] = lower
    return "".join(out)


def _scan(text: str) -> tuple[list[Span], bytearray]:
    taken = bytearray(len(text))
    spans: list[Span] = []
    if not _FAST_SKIP.search(text):
        return spans, taken
    shadow = _shadow(text)
    present: dict[object, bool] = {}
    every_begin_at, words = _LEAD_INDEX.starts(text)
    for rule, begin_at in zip(_RULES, every_begin_at):
        if begin_at == []:
            continue
        if rule.needs is not None:
            if rule.needs not in present:
                if isinstance(rule.needs, frozenset):
                    present[rule.needs] = words is None or not rule.needs.isdisjoint(words)
                elif isinstance(rule.needs, re.Pattern):
                    present[rule.needs] = rule.needs.search(text) is not None
                else:
                    present[rule.needs] = rule.needs(text)
            if not present[rule.needs]:
                continue
        on = shadow if rule.category == "NAME" and not rule.raw else text
        for match in matches(rule.pattern, on, begin_at):
            if rule.keep is None:
                start, end = match.span(rule.group)
            else:
                kept = rule.keep(match)
                if not kept:
                    continue
                start, end = match.span(rule.group) if kept is True else kept
            if rule.category == "NAME" and start >= 0:
                if (
                    _only_place_words(text, start, end)
                    or _care_home(text, start, end)
                    or _in_institution_name(text, start, end)
                ):
                    continue
                start, end = _without_rank(text, start, end)
            if start < 0 or start == end or any(taken[start:end]):
                continue
            spans.append(_claim(taken, start, end, rule.category))
    spans = [
        _with_check_character(
            text,
            _with_dialling_code(
                text,
                _with_iberian_surname(
                    shadow,
                    _with_suffix(
                        shadow,
                        _with_given_name(
                            shadow,
                            _with_surname_before(
                                shadow,
                                _with_gaelic_surname(
                                    text, _with_lower_surname(text, span, taken), taken
                                ),
                                taken,
                            ),
                            taken,
                        ),
                        taken,
                    ),
                    taken,
                ),
                taken,
            ),
            taken,
        )
        for span in spans
    ]
    spans = [_with_given_before_hyphen(text, span, taken) for span in spans]
    spans = [
        _with_asian_surname_before(text, _with_asian_tail(text, span, taken), taken)
        for span in spans
    ]
    spans += _spelled_back(text, spans, taken) + _listed_after_drs(shadow, spans, taken)
    spans += _spelled_after(text, spans, taken)
    spans += _relations_after(shadow, spans, taken)
    spans += _nicknames_after(shadow, spans, taken)
    if _KNOWN_AS_CUE.search(text):
        spans += _initials_nicknames(text, spans, taken)
    if _CJK_NAME_CHAR.search(text):
        spans += _script_names(text, spans, taken)
    spans += _initials_after(text, spans, taken)
    spans += _initials_before(text, spans, taken)
    spans += _handle_mentions(text, spans, taken)
    spans += _handles_of_names(text, spans, taken)
    if "," in text:
        spans += _csv_fields(text, spans, taken)
    if "_" in text:
        spans += _file_name_fields(text, taken)
    return spans, taken


_TAIL_WORDS = re.compile(r"[ \t]+([^\W\d_]+)")


def _tail_word_ok(word: str) -> bool:
    """A word that may go on a name found: listed or unknown, not a context or clinical word."""
    plain = word.lower()
    if plain in _PAIR_STOP or plain in _ROLE_WORDS or plain in _VERBS_AFTER_NAME:
        return False
    if namebook.is_clinical(plain) or namebook.is_very_common(plain):
        return False
    return namebook.is_ever_name(plain) or namebook.is_unknown(plain)


_ASIAN_TAIL_FIRST = (
    namebook.VIETNAMESE_MIDDLES | namebook.HMONG_CLANS | namebook.ASIAN_SHORT_SURNAMES
)
_HMONG_CLAN_NEXT = re.compile(
    r"[ \t]+(?i:{})(?![\w'’-])".format("|".join(sorted(namebook.HMONG_CLANS)))
)


def _hmong_middle(word: str) -> bool:
    """A word that may stand between a Hmong given name and the clan name ("yer", "nou")."""
    if word in namebook.HMONG_GIVEN:
        return True
    return (
        namebook.is_ever_given(word) and word not in _PAIR_STOP and not namebook.is_clinical(word)
    )


def _with_asian_tail(text: str, span: Span, taken: bytearray) -> Span:
    """A name found with the rest of an East or South-East Asian name after it: a Vietnamese
    middle name and the given names ("pham [thi thu]"), a Hmong middle name and the clan name
    ("mai [yer vang]"), a short surname after a given name ("jessica [ng]")."""
    if span.category != "NAME":
        return span
    # Most names end where no such word follows: one cheap look before reading more.
    first = _TAIL_WORDS.match(text, span.end)
    if not first or (
        first.group(1).lower() not in _ASIAN_TAIL_FIRST
        and not _HMONG_CLAN_NEXT.match(text, first.end())
    ):
        return span
    words = []
    at = span.end
    for _ in range(4):
        after = _TAIL_WORDS.match(text, at)
        if not after or any(taken[after.start(1) : after.end(1)]):
            break
        words.append(after)
        at = after.end()
    if not words:
        return span
    plain = [w.group(1).lower() for w in words]
    last = _SPAN_WORD.findall(text, span.start, span.end)[-1:] or [""]
    end = None
    if plain[0] in namebook.VIETNAMESE_MIDDLES and len(plain) > 1 and _tail_word_ok(plain[1]):
        end = words[1].end()
        if len(plain) > 2 and namebook.is_lower_name(plain[2], unknown_ok=False):
            end = words[2].end()  # "nguyen thi thu ha": two given names
    elif len(plain) > 1 and plain[1] in namebook.HMONG_CLANS and _hmong_middle(plain[0]):
        end = words[1].end()  # "mai [yer vang]": a middle name and the clan
    elif plain[0] in namebook.HMONG_CLANS and not namebook.is_very_common(plain[0]):
        if namebook.is_ever_given(last[0]) and words[0].group(1).islower():
            end = words[0].end()  # "mai [vang]"
    elif (
        plain[0] in namebook.ASIAN_SHORT_SURNAMES
        and plain[0] not in namebook.ASIAN_SURNAMES_THAT_ARE_WORDS
        and words[0].group(1).islower()
        and namebook.is_ever_given(last[0])
        and not (
            len(plain) > 1
            and namebook.is_clinical(plain[1])
            and not namebook.is_very_common(plain[1])
        )
    ):
        end = words[0].end()  # "jessica [ng]", not "ng tube"
    if end is None:
        return span
    taken[span.end : end] = b"\x01" * (end - span.end)
    return Span(span.start, end, "NAME")


_CAPS_SURNAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<s>[{_UP}]{{2,6}}),?[ \t]+$")


def _with_asian_surname_before(text: str, span: Span, taken: bytearray) -> Span:
    """Given names found with the surname in capitals before them that the rules keep out as a
    credential or word ("DO Thi Kim Anh", "LE Van Minh"): a Vietnamese middle name opens the
    given names, or the surname is a short East Asian one."""
    if span.category != "NAME" or span.start < 2:
        return span
    before = _CAPS_SURNAME_BEFORE.search(text, max(0, span.start - 10), span.start)
    if not before or any(taken[before.start() : span.start]):
        return span
    first = _SPAN_WORD.match(text, span.start)
    surname = before.group("s").lower()
    middle = first is not None and first.group().lower() in namebook.VIETNAMESE_MIDDLES
    if not (middle and surname in namebook.ASIAN_SHORT_SURNAMES):
        return span
    return _grown_back(taken, span, before.start())


_KNOWN_AS = re.compile(
    r"[ \t]+(?:also[ \t]+)?(?:known[ \t]+as|goes[ \t]+by|aka|a[ \t]k[ \t]a)[ \t]+"
    r"(?P<i>[a-z]{2,3})(?![\w'’-])"
)


_KNOWN_AS_CUE = re.compile(r"known|goes|\baka\b|\ba k a\b")


def _initials_nicknames(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """Initials a person goes by, said after the name they abbreviate ("jose mari reyes known
    as jm"): the letters are the initials of the given names or of the given name and surname."""
    found = []
    for span, after in _matches_after_names(text, spans, _KNOWN_AS):
        start, end = after.span("i")
        words = [
            w.lower()
            for w in _SPAN_WORD.findall(text, span.start, span.end)
            if w.lower() not in _PARTICLE_WORDS
        ]
        if len(words) < 2 or any(taken[start:end]):
            continue
        letters = after.group("i")
        initials = "".join(w[0] for w in words)
        if letters in (initials[: len(letters)], initials[0] + initials[-1], initials):
            found.append(_claim(taken, start, end, "NAME"))
    return found


# Han characters (CJK unified ideographs and extension A) and Hangul syllables: how Chinese,
# Japanese and Korean names are written beside their romanised form.
_CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CJK_NAME_CHAR = re.compile(f"[{_CJK_CHARS}]")
_CJK_NAME = rf"[{_CJK_CHARS}]{{2,4}}(?:[ \u3000][{_CJK_CHARS}]{{1,3}})?"
# After a name: its closing bracket, a comma or a space, then the name in characters, maybe in
# brackets ("Yu Ka Ho (Ken), 余家豪", "Kim Min-ji 김민지", "Wang Lei (王磊)").
_CJK_AFTER_NAME = re.compile(
    rf"[)）]?[ \t]*[,，]?[ \t]*[(（]?(?P<c>{_CJK_NAME})(?![{_CJK_CHARS}])[)）]?"
)
# Before a name, or after a name's cue ("王磊 (Wang Lei)", "Patient: 김민지", "Dr 陳大文").
_CJK_BEFORE_NAME = re.compile(rf"(?<![{_CJK_CHARS}])(?P<c>{_CJK_NAME})[ \t]*[(（]?[ \t]*$")
_CJK_AFTER_CUE = re.compile(
    rf"(?i:\b(?:patient|pt|name|dr|doctor|mr|mrs|ms|miss|mother|father|wife|husband|son|"
    rf"daughter|contact)\b\.?[ \t]*:?[ \t]*)(?P<c>{_CJK_NAME})(?![{_CJK_CHARS}])"
)


def _script_names(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """A name written in Han characters or Hangul beside its romanised form found, or after a
    name's cue: two to four characters, maybe a space and a given name after the surname."""
    found = []
    for span in spans:
        if span.category != "NAME":
            continue
        after = _CJK_AFTER_NAME.match(text, span.end)
        # A nickname in brackets may stand between the name and its characters.
        if not after:
            continue
        start, end = after.span("c")
        if not any(taken[start:end]):
            found.append(_claim(taken, start, end, "NAME"))
    for span in spans:
        if span.category != "NAME":
            continue
        before = _CJK_BEFORE_NAME.search(text, max(0, span.start - 14), span.start)
        if before and not any(taken[before.start("c") : before.end("c")]):
            found.append(_claim(taken, before.start("c"), before.end("c"), "NAME"))
    for cue in _CJK_AFTER_CUE.finditer(text):
        start, end = cue.span("c")
        if not any(taken[start:end]):
            found.append(_claim(taken, start, end, "NAME"))
    return found


_HANDLE_TOKEN = re.compile(r"(?<![\w.@/-])[a-z]{4,}(?:[._-]?(?:[a-z]{2,5}|\d{1,3}))?(?![\w@/-])")
_ASCII_WORD = re.compile(r"[a-z]+")


def _handle_forms(name: str) -> set[str]:
    """The user names a person's name makes: first initial and surname ("Sofia Vorobyova" ->
    "svorobyova"), surname first when a comma says so ("ACHEBE, Desmond" -> "dachebe")."""
    if "," in name:
        surname_part, _, given_part = name.partition(",")
        surnames, givens = _SPAN_WORD.findall(surname_part), _SPAN_WORD.findall(given_part)
    else:
        words = _SPAN_WORD.findall(name)
        givens, surnames = words[:1], words[1:]
    if not givens or not surnames:
        return set()
    surname = "".join(_ASCII_WORD.findall(surnames[-1].lower()))
    given = givens[0].lower()
    if len(surname) < 3 or not given[:1].isascii() or not given[:1].isalpha():
        return set()
    return {given[0] + surname}


def _handles_of_names(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """Lower-case user names made of a found name's initial and surname ("CREATED by user
    svorobyova (Sofia Vorobyova, MD)", "ACKNOWLEDGED by dachebe via Voalte" after "Desmond
    Achebe"), with a suffix of their own ("kmorrow-rad", "hzhou2"); messaging and paging logs
    name their users so, and such a word is never clinical."""
    forms = set()
    for span in spans:
        if span.category == "NAME":
            forms |= _handle_forms(text[span.start : span.end])
    forms = {form for form in forms if form in text}
    if not forms:
        return []
    found = []
    for match in _HANDLE_TOKEN.finditer(text):
        start, end = match.span()
        word = _ASCII_WORD.match(text, start).group()
        if word not in forms or any(taken[start:end]):
            continue
        if namebook.is_common(word) or namebook.is_clinical(word):
            continue  # "aorta" of "Aaron Orta" stays anatomy
        found.append(_claim(taken, start, end, "NAME"))
    return found


# A header row of a comma-separated export names its columns ("study_id,site,scan_date,reader,
# mrn"): a value below it is what its column says, whatever its shape ("rjacobsen" a reader,
# "Site 07" a site's number). Columns by their normalised header, first match wins.
_CSV_HEADER = re.compile(
    r"(?m)^[ \t]*[A-Za-z][\w #/.-]{0,30}(?:,[ \t]*[A-Za-z][\w #/.-]{0,30}){2,}[ \t]*$"
)
_CSV_FIELD = re.compile(r'[ \t]*(?P<v>"(?:[^"\n]|"")*"|[^,\n]*)')
_CSV_COLUMNS = (
    ("MRN", re.compile(r"(?:patient_?)?(?:mrn|mr_?(?:no|num|number)|medical_?record)\w*")),
    ("DATE", re.compile(r"dob|d_?o_?b|\w*birth\w*|\w*date\w*")),
    (
        "NAME",
        re.compile(
            r"reader\w*|user(?:_?name|_?id)?|radiologist|reviewer|technologist|tech|author|"
            r"operator|\w+_by|patient(?:_?name)?|pt_?name|(?:full_|first_|last_)?name"
        ),
    ),
    ("ID", re.compile(r"site(?:_?(?:id|no|num|number))?")),
)
_CSV_DATE = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
)
_DIGIT_RUN = re.compile(r"\d+")


def _csv_columns(header: str) -> list[str | None]:
    """The category of each column a header row names, None for the others."""
    kinds = []
    for field in header.split(","):
        key = re.sub(r"[ #/.-]+", "_", field.strip().lower()).strip("_")
        kinds.append(next((kind for kind, name in _CSV_COLUMNS if name.fullmatch(key)), None))
    return kinds


def _csv_value(kind: str, value: str) -> tuple[int, int] | None:
    """Where in a field's value its identifier stands, if the value has the column's shape."""
    if kind == "MRN":
        return (0, len(value)) if _digit_count(value) >= 4 else None
    if kind == "DATE":
        date = _CSV_DATE.search(value)
        return date.span() if date else None
    if kind == "ID":
        digits = _DIGIT_RUN.search(value)
        return digits.span() if digits else None
    words = _SPAN_WORD.findall(value)
    if not words:
        return None
    if len(words) == 1 and _HANDLE_SHAPE.fullmatch(value):
        return (0, len(value)) if _initials_surname_handle(value) or _handle_ok(value) else None
    if all(_could_be_name(w) and not namebook.is_clinical(w) for w in words):
        return 0, len(value)
    return None


def _csv_row(text: str, at: int, end: int) -> list[tuple[int, int]]:
    """Where each field of the row between `at` and `end` stands (quoted commas kept)."""
    fields = []
    while True:
        field = _CSV_FIELD.match(text, at, end)
        fields.append(field.span("v"))
        at = field.end()
        if at >= end or text[at] != ",":
            return fields
        at += 1


def _csv_fields(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """The values of a comma-separated export, each masked as what its header column says."""
    found = []
    for header in _CSV_HEADER.finditer(text):
        kinds = _csv_columns(header.group())
        if not any(kinds):
            continue
        at = header.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            fields = _csv_row(text, at, end)
            if len(fields) != len(kinds):
                break
            for kind, (start, stop) in zip(kinds, fields):
                value = text[start:stop].strip().strip('"')
                if not kind or not value:
                    continue
                offset = text.index(value, start, stop)
                where = _csv_value(kind, value)
                if where is None:
                    continue
                a, b = offset + where[0], offset + where[1]
                if not any(taken[a:b]):
                    found.append(_claim(taken, a, b, kind))
                elif kind in ("MRN", "DATE") and (a, b, "ID") in spans:
                    # An id of no kind that the header names ("mrn", "dob").
                    spans[spans.index(Span(a, b, "ID"))] = Span(a, b, kind)
            at = end + 1
    return found


# A file name that joins its parts with underscores, as exports and scanners name files after
# the patient ("LINDGREN_ASTRID_MRN48820014_20260301.dcm").
_FILE_NAME = re.compile(
    r"(?<![\w./-])[A-Za-z0-9]+(?:_[A-Za-z0-9-]+)+"
    r"(?:\.(?i:dcm|dicom|nii|nrrd|png|jpe?g|tiff?|pdf|zip|csv|txt|mp4|avi)\b|(?=_?\d{6}))"
)
_FILE_PART = re.compile(r"[A-Za-z0-9-]+")
_FILE_KEYED = re.compile(r"(?i)(?:mrn|mr|pid|id)-?\d{5,}")


def _file_name_fields(text: str, taken: bytearray) -> list[Span]:
    """The patient's name, record number and dates inside an underscore-joined file name."""
    found = []
    for match in _FILE_NAME.finditer(text):
        parts = list(_FILE_PART.finditer(text, match.start(), match.end()))
        for i, part in enumerate(parts):
            value, (start, end) = part.group(), part.span()
            if any(taken[start:end]):
                continue
            if _FILE_KEYED.fullmatch(value):
                found.append(_claim(taken, start, end, "MRN"))
            elif _CSV_DATE.fullmatch(value):
                found.append(_claim(taken, start, end, "DATE"))
            elif value.isdigit() and len(value) >= 6:
                found.append(_claim(taken, start, end, "ID"))
            elif i + 1 < len(parts) and _file_name_pair(value, parts[i + 1].group()):
                end = parts[i + 1].end()
                if not any(taken[start:end]):
                    found.append(_claim(taken, start, end, "NAME"))
    return found


def _file_name_pair(first: str, second: str) -> bool:
    """Two parts of a file name that read as a surname and a given name ("LINDGREN_ASTRID")."""
    words = (first, second)
    if not all(w.isalpha() and len(w) > 1 for w in words):
        return False
    if not all(_caps_level(w.upper()) > 0 for w in words):
        return False
    return any(namebook.is_ever_name(w) for w in words)


_CHAT_SPEAKER = re.compile(
    rf"(?m)^\[[^\]\n]{{3,40}}\][ \t]+{_HANDLE}:[ \t]|^{_HANDLE}[ \t]+\[\d{{1,2}}:\d\d"
)
_CHAT_GIVEN = re.compile(rf"(?<![\w'’-])[{_UP}][{_LOW}]{{2,}}(?![\w'’-])")


def _handle_mentions(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """Every other use of a user name found ("@jmorales3", a later "jmorales3:"), and in a chat
    between users the listed given names they call each other by ("hey Priya", "(Greg, pager")."""
    handles = {
        text[span.start : span.end]
        for span in spans
        if span.category == "NAME"
        and _HANDLE_SHAPE.fullmatch(text, span.start, span.end)
        and re.search(r"[._\d]", text[span.start : span.end])
    }
    if not handles:
        return []
    found = []
    pattern = "|".join(re.escape(handle) for handle in sorted(handles, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w.@])(?:{pattern})(?![\w@]|\.\w)", text):
        start, end = match.span()
        if not any(taken[start:end]):
            found.append(_claim(taken, start, end, "NAME"))
    if not _CHAT_SPEAKER.search(text):
        return found
    for match in _CHAT_GIVEN.finditer(text):
        word, (start, end) = match.group(), match.span()
        if any(taken[start:end]) or word.lower() in _PAIR_STOP or word.lower() in _ROLE_WORDS:
            continue
        if namebook.is_ever_given(word) and namebook.is_lower_name(word.lower(), False):
            found.append(_claim(taken, start, end, "NAME"))
    return found


_SPELLED_TOKEN = re.compile(rf"[a-z]|{_SPELLING_MARK}")
_WORDS_BEFORE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


_SPELLING_CUES = frozenset("spelled spelling that's that is it's".split())


def _second_surname_before_spelling(text: str, end: int, spelling: int, taken: bytearray) -> int:
    """The end of a spelled surname with the second surname said before its spelling ("luis
    colon rivera spelled c o l o n"): Iberian names carry two."""
    words = [
        w
        for w in _WORDS_BEFORE.finditer(text, end, spelling)
        if w.group().lower() not in _SPELLING_CUES
    ]
    if (
        len(words) == 1
        and namebook.is_lower_name(words[0].group().lower())
        and not any(taken[end : words[0].end()])
    ):
        return words[0].end()
    return end


def _spelled_run(text: str, words: list[re.Match], last: int, letters: str) -> int | None:
    """The index of the first of the words ending at `last` that the letters spell: one word,
    or a whole name of up to four short words spelled in one run ("vang xiong v a n g x i o n
    g", "le van hung l e v a n h u n g")."""
    joined = ""
    for index in range(last, max(-1, last - 4), -1):
        if index < last and text[words[index].end() : words[index + 1].start()].strip():
            return None
        joined = re.sub(r"[^a-z]", "", words[index].group().lower()) + joined
        if joined == letters:
            # Several words only when none is a plain English or clinical word on its own and
            # the letters are many, so a phrase is never read as a spelled name.
            if index < last and (
                len(letters) < 6
                or any(namebook.is_clinical(w.group()) for w in words[index : last + 1])
            ):
                return None
            return index
        if len(joined) >= len(letters):
            return None
    return None


def _spelled_back(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """The word a spelling confirms ("park ji-hoon comma spelled p a r k", "joy baptiste spelled
    b a p t i s t e"), with a given name just before it."""
    found = []
    for span in spans:
        tokens = text[span.start : span.end].split()
        if span.category != "NAME" or len(tokens) < 2:
            continue
        if not all(_SPELLED_TOKEN.fullmatch(token) for token in tokens):
            continue
        letters = "".join(token for token in tokens if len(token) == 1)
        words = list(_WORDS_BEFORE.finditer(text, max(0, span.start - 80), span.start))[-10:]
        for index in range(len(words) - 1, -1, -1):
            word = words[index]
            first = _spelled_run(text, words, index, letters)
            if first is None:
                continue
            start, end = words[first].start(), word.end()
            index = first
            before = words[index - 1] if index else None
            if (
                before
                and not text[before.end() : start].strip()
                and _given_word(before.group().lower())
                and not any(taken[before.start() : before.end()])
            ):
                start = before.start()  # a given name a rule masked already is left as it is
            end = _second_surname_before_spelling(text, end, span.start, taken)
            if not any(taken[start:end]):
                found.append(_claim(taken, start, end, "NAME"))
            break
    return found


def _claim(taken: bytearray, start: int, end: int, category: str) -> Span:
    """The span of a category found at start..end, marked as taken so no later rule reads it."""
    taken[start:end] = b"\x01" * (end - start)
    return Span(start, end, category)


def _grown_back(taken: bytearray, span: Span, start: int, category: str | None = None) -> Span:
    """The span grown back to start (a surname, title or code before it), the added part marked
    taken so no later rule reads it."""
    taken[start : span.start] = b"\x01" * (span.start - start)
    return Span(start, span.end, category or span.category)


def _matches_after_names(text: str, spans: list[Span], pattern: re.Pattern):
    """Each name found, with what the pattern matches right after it, where it matches."""
    for span in spans:
        if span.category == "NAME":
            after = pattern.match(text, span.end)
            if after:
                yield span, after


# "patient jasmine wood w o o d": the speaker spells a name right after saying it.
# Two letters too, in lower case and after a cue or right after the name, when they spell a
# word of it ("kenny ng that's n g", "doctor an nguyen a n"): short East Asian surnames.
_LETTERS_AFTER = re.compile(
    r"[ \t]+(?:(?:that['’]s|that[ \t]+is|spelled|spelt)[ \t]+)?"
    r"(?P<l>[A-Za-z](?:[ \t]+[A-Za-z]){2,}|[a-z][ \t]+[a-z])(?![\w'’.-])"
)


def _spelled_after(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """The letters spelled just after a name found, when they spell one of its words."""
    found = []
    for span, after in _matches_after_names(text, spans, _LETTERS_AFTER):
        if any(taken[after.start("l") : after.end("l")]):
            continue
        letters = "".join(after.group("l").split()).lower()
        words = {re.sub(r"[^a-z]", "", w.lower()) for w in _SPAN_WORD.findall(text, *span[:2])}
        if letters not in words:
            continue
        start, end = after.span("l")
        found.append(_claim(taken, start, end, "NAME"))
    return found


def _given_word(word: str) -> bool:
    """A listed given name that is not a context, role or clinical word."""
    if word in _PAIR_STOP or word in _ROLE_WORDS or namebook.is_clinical(word):
        return False
    return namebook.is_ever_given(word)


_DRS_BEFORE = re.compile(
    rf"\b(?:Drs|DRS|Doctors)\.?[ \t]+$|(?<!\w)(?i:{_ROLE_NOUN})s[ \t]*:[ \t]*$"
)
_NEXT_IN_LIST = re.compile(
    rf"[ \t]*(?:,|,?[ \t]+(?:and|&))[ \t]+(?:Drs?\.?[ \t]+)?(?P<w>{_CAP_WORD})(?![\w'’-])"
    rf"(?:[ \t]+[{_UP}]\.(?!\w))?"
)


def _listed_after_drs(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """The other names of a list after "Drs." or a plural role label ("Drs. Nakamura,
    Ostrowski, Bello", "Technologists: Kayleigh and Marco R.")."""
    found = []
    for span in spans:
        if span.category != "NAME" or not _DRS_BEFORE.search(
            text, max(0, span.start - 40), span.start
        ):
            continue
        end = span.end
        for _ in range(8):
            after = _NEXT_IN_LIST.match(text, end)
            if not after:
                break
            word = after.group("w")
            start, end = after.start("w"), after.end()
            if word.lower() in _NOT_PART or not _could_be_name(word) or any(taken[start:end]):
                break
            found.append(_claim(taken, start, end, "NAME"))
    return found


# A nickname right after a name: 'Brookhart-Solis, Anneliese (Annie)', 'Zhang, Yichen "Ethan"'.
# An Arabic kunya ("father" or "mother of" the eldest son) is a nickname of two words: "Khalid
# Al-Otaibi (Abu Faisal)", "Fatima Haddad (Umm Youssef)".
_KUNYA = r"(?:Abu|Abou|Umm|Oum|Um)[ \t]+"
# A quoted nickname may open brackets that go on ('("Liz", body attending on call)').
_NICKNAME_AFTER = re.compile(
    rf"[ \t]*(?:\([ \t]*[\"“]?(?P<p>(?:{_KUNYA})?{_CAP_WORD})[\"”]?[ \t]*\)"
    rf"|\([ \t]*[\"“](?P<pq>{_CAP_WORD})[\"”][ \t]*[,;]"
    rf"|[\"“](?P<q>{_CAP_WORD}|[{_UP}]{{2,3}})[\"”])"
)
# A quoted nickname just before the full name ('from: "Bobby" Roberto Castellano').
_NICKNAME_BEFORE = re.compile(rf"[\"“](?P<q>{_CAP_WORD})[\"”][ \t]*$")


# A doctor's or a role's name before the brackets: staff are named with where they read or
# work ("Dr Tremblay-Côté (Montréal)", "RAN Kelsey (Galiwin'ku)", "Sonographer: Karen Whitfield
# (Auckland)"), patients with a nickname.
_STAFF_BEFORE = re.compile(
    rf"(?:\b(?:Drs?|Dre|Doctor|Prof)\.?|(?i:{_ROLE_NOUN}):?)[ \t]+(?:[{_UP}]\.-?[ \t]?){{0,2}}$"
)


def _nicknames_after(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """The nickname in parentheses or quotes just after a name found, masked as a name too."""
    found = []
    for span, after in _matches_after_names(text, spans, _NICKNAME_AFTER):
        group = next(g for g in ("p", "pq", "q") if after.group(g))
        start, end = after.span(group)
        word = after.group(group).split()[-1]
        if (
            word.lower() in _NOT_PART
            # Quoted capitals are initials the person goes by ('Jean-Baptiste "JB"').
            or not (_could_be_name(word) or group == "q" and word.isupper())
            or _SERVICE.fullmatch(word)
            or any(taken[start:end])
        ):
            continue  # "Dr Mokoena (Trauma)": a service, not a nickname
        if (
            group == "p"
            and not namebook.is_ever_given(word)
            and not _hypocorism(word, text[span.start : span.end])
            and _STAFF_BEFORE.search(text, max(0, span.start - 40), span.start)
        ):
            continue  # "Dr Tremblay (Montréal)", "Kelsey (Galiwin'ku)": where the person is
        found.append(_claim(taken, start, end, "NAME"))
    for span in spans:
        if span.category != "NAME":
            continue
        before = _NICKNAME_BEFORE.search(text, max(0, span.start - 30), span.start)
        if not before or any(taken[before.start("q") : before.end("q")]):
            continue
        word = before.group("q")
        if word.lower() in _NOT_PART or not _could_be_name(word) or _SERVICE.fullmatch(word):
            continue
        found.append(_claim(taken, before.start("q"), before.end("q"), "NAME"))
    return found


def _hypocorism(word: str, name: str) -> bool:
    """A pet form of the given name: no English word, opening as the given name does ("Lucho"
    for Luis, "Rodo" for Rodolfo); a town in brackets rarely shares two letters with it."""
    given = _SPAN_WORD.search(name.split(",")[-1]) or _SPAN_WORD.search(name)
    if not given or given.group()[:2].lower() != word[:2].lower():
        return False
    return namebook.english_frequency().get(word.lower(), 0) < namebook.RARE


# Staff initials in brackets after the name they abbreviate ("Katarina Nowak-Schulz (KNS)",
# "Radiographer: Marit (MHL)", "Mikael (MBj)"): reports sign so, and the letters identify the
# person as the name does.
_INITIALS_AFTER = re.compile(rf"[ \t]*\((?P<i>[{_UP}]{{2,4}}|[{_UP}]{{2,3}}[{_LOW}])\)")


def _initials_after(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """Bracketed initials just after a name found, when they begin with its first letter and
    end with its surname's."""
    found = []
    for span, after in _matches_after_names(text, spans, _INITIALS_AFTER):
        start, end = after.span("i")
        letters = after.group("i")
        words = _SPAN_WORD.findall(text, span.start, span.end)
        capitals = [c for c in letters if c.isupper()]
        if (
            not words
            or words[0][0].upper() != letters[0]
            # With a surname, the last capital is its initial ("Marco Santangelo (MMG)": the
            # Italian GP's role, not his initials).
            or len(words) > 1
            and capitals[-1] != re.split(r"[-‐]", words[-1])[-1][:1].upper()
            or letters.upper() in _ACRONYMS
            or any(taken[start:end])
        ):
            continue
        found.append(_claim(taken, start, end, "NAME"))
    return found


# Initials just before the bracketed name they abbreviate ("Reported: AJ (Dr A. Jordan-Kingi)").
_INITIALS_BEFORE = re.compile(
    rf"(?<![\w'’.-])(?P<i>[{_UP}]{{2,4}}|[{_UP}]Ma?c[{_UP}])[ \t]*\([ \t]*"
    r"(?:(?:Drs?|Dre|Mr|Mrs|Ms|Prof)\.?[ \t]+)?$"
)


def _initials_before(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """Initials before a bracketed name found, when they begin with its first letter and end
    with the initial of a part of its surname."""
    found = []
    for span in spans:
        if span.category != "NAME" or span.start < 3:
            continue
        before = _INITIALS_BEFORE.search(text, max(0, span.start - 24), span.start)
        if not before:
            continue
        start, end = before.span("i")
        letters = before.group("i")
        words = _SPAN_WORD.findall(text, span.start, span.end)
        capitals = [c for c in letters if c.isupper()]
        if (
            len(words) < 2
            or words[0][0].upper() != letters[0]
            or capitals[-1] not in {p[:1].upper() for p in re.split(r"[-‐]", words[-1]) if p}
            or letters.upper() in _ACRONYMS
            or any(taken[start:end])
        ):
            continue
        found.append(_claim(taken, start, end, "NAME"))
    return found


_SPOKEN_HYPHEN = re.compile(rf"[ \t]+(?:hyphen|dash)[ \t]+(?P<w>[{_LOW}][{_LOW}'’]+)\b")


def _with_spoken_hyphen(text: str, span: Span, taken: bytearray) -> Span:
    """ "ezra goldfarb hyphen levi": the second part of a double-barrelled surname said with a
    spoken hyphen belongs to the name."""
    if span.category != "NAME":
        return span
    after = _SPOKEN_HYPHEN.match(text, span.end)
    if not after or any(taken[span.end : after.end()]) or not _lower_surname_ok(after.group("w")):
        return span
    taken[span.end : after.end()] = b"\x01" * (after.end() - span.end)
    return Span(span.start, after.end(), "NAME")


# Speech recognition writes a surname it does not know in lower case after a given name it does
# ("Agnes o'malley", "Marcus smythe", "Grace ann Miller"): one space, then the rest of the name.
_NEXT_NAME_WORD = re.compile(rf" (?P<w>[{_LETTER}][{_LETTER}'’]*(?:-[{_LETTER}]+)*)(?![\w'’.-])")


def _lower_surname_word(text: str, word: str, end: int) -> bool:
    """A word that goes on a given name found alone: a listed name rare as a word, or a
    surname that names a sign ("baker") where no eponym's noun follows it."""
    plain = word.lower()
    if plain in _NOT_PART or plain in _ROLE_WORDS or plain in _VERBS_AFTER_NAME:
        return False
    if namebook.is_lower_name(plain, unknown_ok=False):
        return True
    return (
        namebook.is_eponym(plain)
        and not namebook.is_common(plain)
        and not namebook.is_criteria(plain)
        and not _EPONYM_USE_AHEAD.match(text, end)
    )


def _with_lower_surname(text: str, span: Span, taken: bytearray) -> Span:
    """A given name found alone with the lower-case surname after it ("Hazel o'connell",
    "ELENA vasquez-brand"), and a capitalised surname after a lower-case middle name."""
    if span.category != "NAME" or not namebook.is_ever_given(text[span.start : span.end]):
        return span
    end = span.end
    for _ in range(2):
        after = _NEXT_NAME_WORD.match(text, end)
        if not after or any(taken[end : after.end()]):
            break
        word = after.group("w")
        if word[0].islower() or word[1:2].isupper() and not word.isupper():
            if not _lower_surname_word(text, word, after.end()):
                break
        elif end == span.end or not namebook.is_ever_surname(word) or _not_name_part(word):
            break  # a capitalised word goes on only after a lower-case middle name
        end = after.end()
    if end == span.end:
        return span
    taken[span.end : end] = b"\x01" * (end - span.end)
    return Span(span.start, end, "NAME")


_GIVEN_BEFORE = re.compile(rf"(?<![\w.'’-])(?P<g>{_CAP_WORD}) $")


_TITLE_WORD = re.compile(rf"{_TITLE}|DRS?|DOCTOR|MRS|MISS|PROF")


def _with_given_name(text: str, span: Span, taken: bytearray) -> Span:
    """A surname found alone ("Dawson (surgery resident)") with the given name just before it
    ("Will Dawson"), when that word is a listed given name and does not open a sentence."""
    if span.category != "NAME" or span.start < 2:
        return span
    before = _GIVEN_BEFORE.search(text, max(0, span.start - 30), span.start)
    if not before or any(taken[before.start() : span.start]):
        return span
    given = before.group("g")
    if given.lower() in _PAIR_STOP or not namebook.is_ever_given(given):
        return span
    if namebook.is_clinical(given) or _RANK_LEAD.match(text, before.start(), span.end):
        return span  # "Maj Young": a rank, not a given name
    opening = _SENTENCE_START.search(text, max(0, before.start() - 3), before.start())
    # After a field's colon a given name rare in English opens the value ("Paciente: Francisca
    # Andrea Muñoz Contreras"); after a full stop it may open a sentence.
    if opening and not (
        ":" in opening.group()
        and not namebook.is_common(given)
        and not _TITLE_WORD.fullmatch(given)
    ):
        return span
    return _grown_back(taken, span, before.start())


# "Maria Conceição [dos Reis]", "Magalhães dos Santos [Teixeira]": an Iberian surname goes on
# after a particle, and one more surname may follow a particle's.
_PARTICLE_SURNAME_AFTER = re.compile(
    rf"[ ](?:(?:d[oa]s?|de|del|y|e|i)[ ])+(?P<w>{_CAP_WORD})(?![\w'’-])"
)
_SURNAME_AFTER = re.compile(rf"[ ](?P<w>{_CAP_WORD})(?![\w'’-])")
_ENDS_WITH_PARTICLE_SURNAME = re.compile(rf"[ \t](?:d[oa]s?|de|del)[ \t]+{_CAP_WORD}$")


# An Iberian name has two given names and two surnames ("Diana Marcela Restrepo [Uribe]",
# "Thiago Henrique [Albuquerque]"): after two given names a rule found, the capitalised words
# that close the field are the surnames, up to four words in all.
_FIELD_CLOSES = re.compile(r"[ \t]{2,}|[ \t]*(?:$|\n|[,;)]|\.(?!\w))")


def _after_two_given(text: str, span: Span) -> re.Match | None:
    """The surname that closes the field after a name opening with two given names."""
    words = text[span.start : span.end].split()
    if not 2 <= len(words) <= 3 or not all(
        (namebook.is_ever_given(w) or index == 0 and namebook.is_unknown(w))
        and not namebook.is_common(w)
        for index, w in enumerate(words[:2])
    ):
        return None  # a first given name no list knows may open it ("Thiago Henrique")
    after = _SURNAME_AFTER.match(text, span.end)
    if after is None or not _FIELD_CLOSES.match(text, after.end()):
        return None
    return after


def _with_iberian_surname(text: str, span: Span, taken: bytearray) -> Span:
    """A name of two words or more with the surname after a particle that followed it, or
    the second surname closing the field after two given names."""
    if span.category != "NAME" or " " not in text[span.start : span.end]:
        return span
    end = span.end
    after = _PARTICLE_SURNAME_AFTER.match(text, end)
    if after is None and _ENDS_WITH_PARTICLE_SURNAME.search(text, span.start, end):
        after = _SURNAME_AFTER.match(text, end)
    if after is None:
        after = _after_two_given(text, span)
    if after is None:
        return span
    word = after.group("w")
    if (
        word.lower() in _NOT_PART
        or namebook.is_clinical(word)
        or namebook.is_common(word)
        or any(taken[end : after.end()])
    ):
        return span
    taken[end : after.end()] = b"\x01" * (after.end() - end)
    return Span(span.start, after.end(), "NAME")


# "GUTIERREZ-SALAZAR, [Ana Lucía]", "AL-OTAIBI, [MOHAMMED BIN KHALID]": a surname and a comma
# before given names that a rule found alone (in the shadow text, capitals written as names).
_SURNAME_BEFORE = re.compile(
    rf"(?<![\w.'’-])(?P<s>(?:{_PARTICLE_ANY}[ \t-])?{_CAP_WORD}(?:-{_CAP_WORD})*),[ \t]*$"
)


def _with_surname_before(text: str, span: Span, taken: bytearray) -> Span:
    """Given names found alone with the surname and comma before them, when every part of
    that word is a name or a word no list knows (not "Findings, Maria", "Bilateral, Rose")."""
    if span.category != "NAME" or span.start < 3:
        return span
    comma = span.start - 1
    while comma > 0 and text[comma] in " \t":
        comma -= 1
    if text[comma] != ",":
        return span
    before = _SURNAME_BEFORE.search(text, max(0, span.start - 40), span.start)
    if not before or any(taken[before.start() : span.start]):
        return span
    parts = [p for p in re.split(r"[-‐ \t]", before.group("s")) if p]
    names = [p for p in parts if p.lower() not in _PARTICLE_WORDS]
    if not names or any(
        p.lower() in _NOT_PART
        or namebook.is_clinical(p)
        or not (namebook.is_ever_name(p) or namebook.is_unknown(p))
        for p in names
    ):
        return span
    return _grown_back(taken, span, before.start())


_SUFFIX_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:Jr|JR|Sr|SR|II|III)\b\.?|[ \t]+IV\b(?=[ \t]*(?:$|[\n,.;|]))"
    # Turkic patronymics end the name with "son" or "daughter" of the father's given name before
    # them ("Aliyev Rashad Vagif oğlu", "Asanova Aida Bakyt kyzy").
    r"|[ \t]+(?i:o[ğg]lu|ogly|q[ıi]z[ıi]|k[ıi]z[ıi]|kyzy|uulu|uly)(?![\w'’-])"
)


# A country code or an area code in brackets just before a phone ("+52 664 381 9027",
# "(011) 4959-0200", "+57 (602) 331 9090"): rules that read the local number leave it out.
_DIALLING_BEFORE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ \t]+\(?\d{1,4}\)|\+\d{1,3}|\(\d{1,4}\))[ \t]+$"
)


_LOCAL_NUMBER = re.compile(r"\d{3,4}[ -]\d{4}")


def _with_dialling_code(text: str, span: Span, taken: bytearray) -> Span:
    """A phone with the country or area code written before it; a number read as an id with
    an area code before it is a phone ("al (011) 4959-0200")."""
    if span.category not in ("PHONE", "ID") or span.start < 3:
        return span
    window = max(0, span.start - 16)
    before = _DIALLING_BEFORE.search(text, window, span.start)
    if not before or before.start() == window and window and text[window - 1].isalnum():
        return span
    if span.category == "ID" and not (
        before.group().startswith("(") and _LOCAL_NUMBER.fullmatch(text, span.start, span.end)
    ):
        return span
    if any(taken[before.start() : span.start]):
        return span
    return _grown_back(taken, span, before.start(), "PHONE")


# A check character in brackets right after a number ("HN24005571(3)", "C668812(A)"), as Hong
# Kong and other sites write hospital and identity numbers: it is part of the number.
_CHECK_AFTER = re.compile(r"\([0-9A-Z]\)(?![\w(])")


def _with_check_character(text: str, span: Span, taken: bytearray) -> Span:
    """An id, record or accession number with its bracketed check character after it."""
    if span.category not in ("ID", "MRN", "ACCESSION"):
        return span
    after = _CHECK_AFTER.match(text, span.end)
    if not after or any(taken[span.end : after.end()]):
        return span
    taken[span.end : after.end()] = b"\x01" * (after.end() - span.end)
    return Span(span.start, after.end(), span.category)


# Welsh, Irish and Scottish Gaelic surnames after a given name: a patronymic particle ("ferch
# Owain", "ap Rhys"), a clan particle with the article ("Nic a' Phearsain", "Mac an tSaoir",
# "Nic an tSaoi") whose next word may take an Irish initial mutation before its capital
# ("tSaoir", "hUiginn", "bhFlannagáin"), or the particle after a hyphen ("McCloskey-Ó Néill").
_GAELIC_PARTICLE = r"(?:ferch|verch|ap|ab|Mac|Nic|Mhic|N[ií]|[OÓ]|U[ií]|Ua)"
_GAELIC_ARTICLE = r"(?:an|a['’]|na)"
_GAELIC_WORD = rf"(?:t|h|n|bh|mb|gc|nd|ng|bp|dt)?{_CAP_WORD}"
_GAELIC_TAIL = re.compile(
    rf"(?:[ \t]+|-)(?P<p>{_GAELIC_PARTICLE})[ \t]+(?:{_GAELIC_ARTICLE}[ \t]+)?{_GAELIC_WORD}"
    rf"(?![\w'’-])"
)
# The particle already ends the span ("Pádraig Mac" before "an tSaoir").
_GAELIC_PARTICLES = frozenset("ferch verch ap ab Mac Nic Mhic Ní Ni Ó O Uí Ui Ua".split())
_GAELIC_END = re.compile(rf"(?<![\w'’-]){_GAELIC_PARTICLE}$")
_GAELIC_ARTICLE_TAIL = re.compile(
    rf"[ \t]+(?:{_GAELIC_ARTICLE}[ \t]+{_GAELIC_WORD}|{_GAELIC_WORD})(?![\w'’-])"
)


def _with_gaelic_surname(text: str, span: Span, taken: bytearray) -> Span:
    """A name with the Welsh or Gaelic particle, article and mutated surname after it."""
    if span.category != "NAME":
        return span
    last = text[max(span.start, span.end - 6) : span.end].rsplit(None, 1)[-1:]
    if last and last[0] in _GAELIC_PARTICLES and _GAELIC_END.search(text, span.start, span.end):
        after = _GAELIC_ARTICLE_TAIL.match(text, span.end)
    else:
        after = _GAELIC_TAIL.match(text, span.end)
        # "O" and "ap" alone are no particles after a hyphen ("Smith-O Brien" is unusual).
        if after and text[span.end] == "-" and after.group("p") in ("O", "ap", "ab"):
            after = None
    if not after or any(taken[span.end : after.end()]):
        return span
    taken[span.end : after.end()] = b"\x01" * (after.end() - span.end)
    return Span(span.start, after.end(), "NAME")


def _with_suffix(text: str, span: Span, taken: bytearray) -> Span:
    """A name with the suffix after it ("PRICE, REGINALD JR", "Hollis Grey III")."""
    if span.category != "NAME":
        return span
    after = _SUFFIX_AFTER.match(text, span.end)
    if not after or any(taken[span.end : after.end()]):
        return span
    taken[span.end : after.end()] = b"\x01" * (after.end() - span.end)
    return Span(span.start, after.end(), "NAME")


_GIVEN_BEFORE_HYPHEN = re.compile(rf"(?<![\w'’-])(?P<g>[{_UP}][{_LOW}]+)-$")


def _with_given_before_hyphen(text: str, span: Span, taken: bytearray) -> Span:
    """A name found from the second half of a hyphenated given name, with its first half
    ("Sherry-[Ann Gomes]": "sherry" alone reads as a word, so the name rules start after it)."""
    if span.category != "NAME" or text[span.start - 1 : span.start] != "-":
        return span
    before = _GIVEN_BEFORE_HYPHEN.search(text, max(0, span.start - 20), span.start)
    if not before or any(taken[before.start() : span.start]):
        return span
    if not namebook.is_ever_given(before.group("g")) or namebook.is_clinical(before.group("g")):
        return span
    return _grown_back(taken, span, before.start(), "NAME")


# "Rokeya Begum w/o Md. Abul Kalam", "Akter d/o Abdul Malek": the husband or father named after
# a name ("s/o" and "d/o" inside a name are its particles).
_RELATION_AFTER = re.compile(
    rf"[ \t]+(?:[SsDdWw]/[Oo]|[Aa]/[LlPp]|(?:son|daughter|wife|husband)[ \t]+of)[ \t]+"
    rf"(?:(?i:late)[ \t]+)?"
    rf"(?P<v>(?:(?:Md|Mohd|Muhd)\.?[ \t]+)?{_LABEL_SEQ})"
)


_RELATION_AFTER_LOWER = re.compile(
    rf"[ \t]+(?:[sdw]/o|(?:son|daughter|wife|husband)[ \t]+of)[ \t]+(?:late[ \t]+)?"
    rf"(?=(?P<v>{_LOWER_SEQ}))"
)


def _relations_after(text: str, spans: list[Span], taken: bytearray) -> list[Span]:
    """The husband or father named after a name found ("w/o", "son of late"), in capitals or
    in lower case as after a title ("md shafiqul alam son of late abdur rahman")."""
    found = []
    for span in spans:
        if span.category != "NAME":
            continue
        after = _RELATION_AFTER.match(text, span.end)
        kept = _trimmed(after, _could_be_name, lead=False) if after else None
        if not after:
            after = _RELATION_AFTER_LOWER.match(text, span.end)
            kept = _lower_name(after, after_title=True) if after else None
        if not kept or any(taken[kept[0] : kept[1]]):
            continue
        taken[kept[0] : kept[1]] = b"\x01" * (kept[1] - kept[0])
        found.append(Span(kept[0], kept[1], "NAME"))
    return found


def _forms(part: str) -> tuple[str, ...]:
    """How a name part may be written again: as found, capitalised, in capitals, and in lower
    case when that cannot be an ordinary word ("Patel", "PATEL", "patel"; not "young")."""
    lower = part.lower()
    forms = {part, lower[:1].upper() + lower[1:], part.upper()}
    if namebook.is_lower_name(lower) and not namebook.is_eponym(lower):
        forms.add(lower)
    elif part == lower:
        return ()
    return tuple(forms)


# A name that is also a word ("will", "stone", "bird") said again in lower case by speech
# recognition is the person only where the dictation points at it: after a title or a role,
# or where the speaker explains or spells it ("that is bird as in the animal", "stone spelled").
_POINTED_BEFORE = re.compile(
    r"(?i)(?:\b(?:drs?|doctor|mr|mrs|ms|mister|missus|nurse|tech|technologist|sonographer|"
    r"radiologist|resident|fellow)\.?|\bthat[ \t]+is|\bthat['’]s)[ \t]+$"
)
_POINTED_AFTER = re.compile(r"[ \t]+(?:spelled|as[ \t]+in)\b")


def _word_mentions(text: str, words: set[str], taken: bytearray) -> list[Span]:
    """Lower-case mentions of a found name's part that is an ordinary word, where the
    dictation points at the person ("per tech will.", "Eli Stone stone spelled S T O N E")."""
    found = []
    for match in _MENTION_WORD.finditer(text):
        word = match.group()
        if word not in words:
            continue
        start, end = match.span()
        if any(taken[start:end]) or _EPONYM_USE_AHEAD.match(text, end):
            continue
        if not (
            _POINTED_BEFORE.search(text, max(0, start - 16), start)
            or _POINTED_AFTER.match(text, end)
        ):
            continue
        if word in _VERBS_AFTER_NAME and not _PHRASE_END.match(text, end):
            continue  # "the tech will call": the verb, not the tech named Will
        found.append(_claim(taken, start, end, "NAME"))
    return found


# Who the speaker told or spoke with: a given name said in full earlier ("bubba carter") is
# the person there again ("i told bubba", "let faith know", "discussed with summer").
_TOLD_BEFORE = re.compile(
    r"\b(?:told|let|informed|notified|updated|asked|reassured|"
    r"(?:discussed|reviewed|spoke|spoken|talked|met)[ \t]+with|(?:spoke|spoken|talked)[ \t]+to)"
    r"[ \t]+$"
)
# The name after one just masked and "and" ("told [bill] and jose", "aunt [marsha] and bubba").
_AND_BEFORE = re.compile(r"(?<=[^\W\d_])[ \t]+and[ \t]+$")
_AND_AFTER = re.compile(r"[ \t]+and\b")


def _given_mentions(text: str, givens: set[str], taken: bytearray) -> list[Span]:
    """Lower-case given names said again after a name in full ("bubba carter ... i told
    bubba"), where the speaker tells or speaks with the person, or names them beside another
    person just masked; a word in its own sense stays ("rose to 12 mm", "we will follow")."""
    found = []
    for match in _MENTION_WORD.finditer(text):
        word = match.group()
        if word not in givens:
            continue
        start, end = match.span()
        if any(taken[start:end]):
            continue
        before = max(0, start - 24)
        after_and = _AND_BEFORE.search(text, before, start)
        if not (
            _TOLD_BEFORE.search(text, before, start) or (after_and and taken[after_and.start() - 1])
        ):
            continue
        if word in _VERBS_AFTER_NAME and not (
            _PHRASE_END.match(text, end) or _AND_AFTER.match(text, end)
        ):
            continue  # "told him we will call": the verb
        found.append(_claim(taken, start, end, "NAME"))
    return found


_TITLE_JUST_BEFORE = re.compile(r"(?<!\w)(?:Drs?|Dr\.|Doctor|Mr|Mrs|Ms|Prof)\.?[ \t]+$")
# What a person found by name does, said right after it at a sentence's start ("Frank was told
# results", "Rose says"): a name even where it is a common word.
_SAID_OF_PERSON_AFTER = re.compile(
    r"[ \t]+(?:was[ \t]+(?:told|informed|notified|called|given|seen|updated)|says|said|"
    r"reports|states|agrees|agreed|understands|asked|knows|wants|called|told)\b"
)


def _mentions(text: str, parts: set[str], taken: bytearray) -> list[Span]:
    """Other mentions of a surname or given name already found in a name context."""
    found = []
    for match in _MENTION_WORD.finditer(text):
        if match.group() not in parts:
            continue
        start, end = match.span()
        if any(taken[start:end]):
            continue
        # "@Dr. Dube drain in": after a title the word is the person even before an eponym's
        # noun; elsewhere "Dube drain" would be the device.
        if _EPONYM_USE_AHEAD.match(text, end) and not _TITLE_JUST_BEFORE.search(
            text, max(0, start - 12), start
        ):
            continue
        if (
            _SENTENCE_START.search(text, max(0, start - 3), start)
            and namebook.is_common(match.group())
            and not _SAID_OF_PERSON_AFTER.match(text, end)
        ):
            continue  # "Dr. Young ... Young adult with pain"; not "Frank was told results"
        found.append(_claim(taken, start, end, "NAME"))
    return found
