"""The PHI gate: what it masks, what it leaves alone, how surrogates come back, how it fails."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from radpair.exceptions import PHIGateError
from radpair.llm.prompts import build_messages
from radpair.logging_setup import JsonFormatter
from radpair.phi import PhiGate, find_identifiers
from radpair.phi import gate as gate_module
from radpair.phi import namebook
from tests.support.bench import load_bench

PLANTED = [
    ("Findings discussed with Dr. Maria Alvarez by phone.", "NAME", "Maria Alvarez"),
    ("Results called to Nurse Okafor.", "NAME", "Okafor"),
    ("Communicated to referring physician Dr. Lee.", "NAME", "Lee"),
    ("Read by Samuel Brennan, MD.", "NAME", "Samuel Brennan"),
    ("Patient John Smith presents with cough.", "NAME", "John Smith"),
    ("Patient: April May; MRN: 00649920", "NAME", "April May"),
    ("Ottoline Barrett, MRN 00441298, 12/15/2026", "NAME", "Ottoline Barrett"),
    ("Technologist: Carla Nuñez.", "NAME", "Carla Nuñez"),
    ("Compared with 12/02/2026.", "DATE", "12/02/2026"),
    ("Prior study of 2025-11-30 is available.", "DATE", "2025-11-30"),
    ("Comparison March 3, 2025.", "DATE", "March 3, 2025"),
    ("Performed 2 Dec 2026.", "DATE", "2 Dec 2026"),
    ("Called at 14:35.", "TIME", "14:35"),
    ("Called at 2:35 PM to the ED.", "TIME", "2:35 PM"),
    ("Scanned at 0830 hours.", "TIME", "0830 hours"),
    ("MRN: 00123456.", "MRN", "00123456"),
    ("Medical record number 4471-2290.", "MRN", "4471-2290"),
    ("Accession ACC-2026-778812.", "ACCESSION", "ACC-2026-778812"),
    ("Acc# CT-26-0088413 reviewed.", "ACCESSION", "CT-26-0088413"),
    ("Insurance ID 987654321.", "ID", "987654321"),
    ("SSN 123-45-6789 on file.", "ID", "123-45-6789"),
    ("Reference 20240311775 attached.", "ID", "20240311775"),
    ("Call back at 555-123-4567 please.", "PHONE", "555-123-4567"),
    ("Fax (555) 234-9876 ext 12.", "PHONE", "(555) 234-9876 ext 12"),
    ("Paged at pager 4-5567.", "PHONE", "4-5567"),
    ("Send to j.smith@example.org today.", "EMAIL", "j.smith@example.org"),
    ("See https://pacs.example.org/study/7788 now.", "URL", "https://pacs.example.org/study/7788"),
    ("A 94-year-old man with dyspnea.", "AGE", "94"),
    ("Aged 101, fall.", "AGE", "101"),
    # Spoken and international forms (front-end speech recognition, sites abroad).
    ("compared to prior from january fifth twenty twenty four period", "DATE",
     "january fifth twenty twenty four"),
    ("Compared with March the fourth, the effusions increased.", "DATE", "March the fourth"),
    ("dictated on the twenty third of may at noon", "DATE", "twenty third of may"),
    ("date of birth one slash fifteen slash nineteen seventy nine period", "DATE",
     "one slash fifteen slash nineteen seventy nine"),
    ("date of birth 4 4 1928 and mrn", "DATE", "4 4 1928"),
    ("Date: 14 mars 2025 / March 14, 2025", "DATE", "14 mars 2025"),
    # An ISO date and time is one token, masked whole as a date.
    ("Procedure start: 2025-11-02T16:20", "DATE", "2025-11-02T16:20"),
    ("Procedure date 2025-11-02, start 16:20", "TIME", "16:20"),
    ("ADDENDUM 1/7/25 09:12: outside images reviewed.", "TIME", "09:12"),
    ("called to doctor ali at two forty seven a m on", "TIME", "two forty seven a m"),
    ("findings discussed with grant from ent at 3 15 pm period", "TIME", "3 15 pm"),
    ("relayed to the surgeon at oh three hundred hours", "TIME", "oh three hundred hours"),
    ("brought in on the fifth at twenty one forty period", "TIME", "twenty one forty"),
    ("d/w ortho pa 07/05 0730 acc 1234567", "TIME", "0730"),
    ("patient name jamal whitehorse comma m r n 7 7 0 4 1 2 9 period", "MRN", "7 7 0 4 1 2 9"),
    ("accession number c t a four four seven one nine zero two", "ACCESSION",
     "c t a four four seven one nine zero two"),
    ("NHS No: 485 777 3456   Hosp No: RX1234567", "MRN", "485 777 3456"),
    ("UHID: MH/2024/0457821   Age/Sex: 62/M", "MRN", "MH/2024/0457821"),
    ("Insurance Policy No.: P/171100/01/2025/008812", "ID", "P/171100/01/2025/008812"),
    ("Study ID 1.2.840.55112.4471 stored.", "ID", "1.2.840.55112.4471"),
    ("navigator at five five five two one two seven seven four nine", "ID",
     "five five five two one two seven seven four nine"),
    ("reached at extension five five two three period", "PHONE", "five five two three"),
    ("Discussed with Dr Lindgren (ED) on 0491 572 665.", "PHONE", "0491 572 665"),
    ("Navigator: Rochelle Fontenot, RN, x2291", "PHONE", "x2291"),
    ("Referred by Dr Gallagher (pager 178).", "PHONE", "178"),
    ("report sent to q dot okonkwo at mailbox dot example dot com", "EMAIL",
     "q dot okonkwo at mailbox dot example dot com"),
    ("patient mrs violet hargreaves age ninety one", "AGE", "ninety one"),
    ("Read remotely by Dr. Darko 11/04/2024 @ 2315.", "TIME", "2315"),
    ("Date: 11/20/2024   Time: 0912", "TIME", "0912"),
    ("Patient: Ivanova, Yekaterina S. (goes by Katya)  MRN 33910284", "NAME", "Katya"),
    ('Patient: Xiong, Pa Nhia ("Nia"), 3 y/o F. Nia swallowed a battery.', "NAME", "Nia"),
    ("Transcribed by: K. Ashworth 11/02/2023.", "NAME", "K. Ashworth"),
    ("Patient: Brookhart-Solis, Anneliese (Annie)   Chart: SM-0044187", "NAME", "Annie"),
    ("patient name is ansel v henninger that's h e n n i n g e r period", "NAME",
     "h e n n i n g e r"),
    ("time out at 2 0 5 p m comma lidocaine injected", "TIME", "2 0 5 p m"),
    ("dictated at 1 4 3 0 hours period", "TIME", "1 4 3 0 hours"),
    ("compared with c t head 7 slash 2 slash 2025 period", "DATE", "7 slash 2 slash 2025"),
    ("called doctor mensah at four oh six five five five zero one four two at nine", "ID",
     "four oh six five five five zero one four two"),
    ("LKW 2330 on 04/08/2025. Discussed at 0231 by Dr. Greene.", "TIME", "0231"),
    ("Biopsy scheduled 8/29 at 07:30 for the left breast 2:00 mass.", "TIME", "07:30"),
    ("date of birth nine slash seventeen slash ninety four period", "DATE",
     "nine slash seventeen slash ninety four"),
    ("birth date oh four slash oh nine slash nineteen seventy eight comma", "DATE",
     "oh four slash oh nine slash nineteen seventy eight"),
    ("birth date seventeen march nineteen seventy three comma", "DATE",
     "seventeen march nineteen seventy three"),
    ("callback number five five five four one four two two six zero extension thirty one",
     "PHONE", "thirty one"),
    ("medicare number one e g four t e five m k seven two period", "ID",
     "one e g four t e five m k seven two"),
    ("q a ticket number q a dash two four dash zero three one nine period", "ID",
     "q a dash two four dash zero three one nine"),
    ("Medicare MBI: 4TX7-EK2-MP81", "ID", "4TX7-EK2-MP81"),
    ("A 14.5 Fr catheter (lot no. 7CV22D0419) was placed.", "ID", "7CV22D0419"),
    ("Clinic No. MWC-20602   Exam 03/19/2024", "MRN", "MWC-20602"),
    ("discussed with doctor lee at ten past four this afternoon", "TIME",
     "ten past four this afternoon"),
    ("questions to t jameel at meridiantelerad dot example dot net", "EMAIL",
     "t jameel at meridiantelerad dot example dot net"),
    ("images at h t t p s colon slash slash pacs dot example dot net slash k i period", "URL",
     "h t t p s colon slash slash pacs dot example dot net slash k i"),
    ("Folder No: GSH 0934412-7   DOB: 03 Nov 1979", "MRN", "GSH 0934412-7"),
    ("Patient: Hemi PARATA   NHI: ZAB4721   DOB: 09/09/1966", "MRN", "ZAB4721"),
    ("Aadhaar: 4521 8873 0926   Ayushman card: PMJAY-PB-7731904", "ID", "PMJAY-PB-7731904"),
    ("Patient: KAUR-GILL, Simran   PHN: 9876 543 210   MRN: VGH00729163", "ID", "9876 543 210"),
    ("DOB: 30/06/1985   Medicare: 4128 57392 2/1\n", "ID", "4128 57392 2/1"),
    ("Outside report requested under release #REL-55821.", "ID", "REL-55821"),
    ("patient number b a r four four one nine zero seven two dash k period", "ID",
     "b a r four four one nine zero seven two dash k"),
    ("medical record number is m as in mary r as in robert four four zero two nine one period",
     "ID", "m as in mary r as in robert four four zero two nine one"),
    ("study uid one point two point eight four zero point one one three six one nine point two",
     "ID", "one point two point eight four zero point one one three six one nine point two"),
    ("m r n four million seven hundred twelve thousand three hundred eighty eight period", "MRN",
     "four million seven hundred twelve thousand three hundred eighty eight"),
    ("faxed to the office at five five five dot four eight two dot nine one zero three period",
     "PHONE", "five five five dot four eight two dot nine one zero three"),
    ("paged the registrar at zero three five zero period", "TIME", "zero three five zero"),
    ("informed the resident at two forty in the night period", "TIME",
     "two forty in the night"),
    ("record number eight eight four period date of service three slash fourteen\n", "DATE",
     "three slash fourteen"),
    ("patient period d o b two dash nine dash one three period", "DATE",
     "two dash nine dash one three"),
    ("outside study dated eleven fifteen twenty three period", "DATE",
     "eleven fifteen twenty three"),
    ("patient date of birth zero three one four two zero one nine period", "DATE",
     "zero three one four two zero one nine"),
    ("date of birth twelve oh four nineteen seventy period", "DATE",
     "twelve oh four nineteen seventy"),
    ("Patient: Tremblay-Gagnon, Marie-Eve   NAM: TREM 8562 1234   Dossier", "MRN",
     "TREM 8562 1234"),
    ("ICN: 1012847730V442198   Age: 90", "ID", "1012847730V442198"),
    ("time out at 1 3 1 0 with the nurse", "TIME", "1 3 1 0"),
    ("biopsy next thursday october 23rd at 9 a m", "DATE", "thursday october 23rd"),
    ("Call (02) 5550 1184 for results.", "PHONE", "(02) 5550 1184"),
    ("Patient: TRAUMA ZULU 4471   MRN 0012345", "ID", "TRAUMA ZULU 4471"),
    ("registered as trauma yankee two two zero nine period", "ID",
     "trauma yankee two two zero nine"),
    ("EDIPI: 1298834410    SSN (last 4): 7731\n", "ID", "7731"),
    ("comma last four of social three three one nine comma", "ID", "three three one nine"),
    ("Codice fiscale: SPSGPP52C12F839K", "ID", "SPSGPP52C12F839K"),
    ("Numéro de sécurité sociale 2 38 07 69 123 456 78 noté", "ID", "2 38 07 69 123 456 78"),
    ("Frau Hildegard Schäfer, 96 Jahre, 08.45 Uhr", "AGE", "96 Jahre"),
    ("Frau Hildegard Schäfer, 96 Jahre, 08.45 Uhr", "TIME", "08.45 Uhr"),
    ("M. Dupont, 90 ans, tél 06 12 34 56 78.", "PHONE", "06 12 34 56 78"),
    ("Rückruf 040 555 01 23 bitte", "PHONE", "040 555 01 23"),
    ("contact plus four nine eight nine two three four five six seven period", "PHONE",
     "plus four nine eight nine two three four five six seven"),
    ("his phone area code four zero eight five five five one zero one zero period", "PHONE",
     "area code four zero eight five five five one zero one zero"),
    ("send to e dot papadopoulos at riverbend trauma dot org period", "EMAIL",
     "e dot papadopoulos at riverbend trauma dot org"),
    ("e-mail van dot nguyen at sportzorg dot n l period", "EMAIL",
     "van dot nguyen at sportzorg dot n l"),
    ("approx 2300 local; arrived CONUS 10NOV24 0140Z", "TIME", "0140Z"),
    ("approx 2300 local; arrived CONUS 10NOV24 0140Z", "DATE", "10NOV24"),
    ("follow up on the second of december at fourteen hundred period", "TIME",
     "fourteen hundred"),
    ("mobile x ray period patient aged ninety four period", "AGE", "ninety four"),
    ("Fecha del estudio: 3 de marzo de 2025. Paciente: Sra. Guadalupe", "DATE",
     "3 de marzo de 2025"),
    ("fecha catorce de marzo de dos mil veinticinco punto", "DATE",
     "catorce de marzo de dos mil veinticinco"),
    ("m r n ocho ocho dos zero one seven six three period", "ID",
     "ocho ocho dos zero one seven six three"),
    ("seen Mar 17 '25 and again daily", "DATE", "Mar 17 '25"),
    ("admitted Feb 10-14, 2025 for therapy", "DATE", "Feb 10-14, 2025"),
    ("Protocol: ONC-2201 (IRB #2022-0817) | Site 014 | Subject ID: ONC-2201-0457", "ID",
     "2022-0817"),
    ("Subject: 221-0093   Screening no.: SCR-00418\n", "ID", "SCR-00418"),
    ("Name: X   Emp #: 004417-M   Employer: Granite Butte Mining", "ID", "004417-M"),
    ("forward to coordinator at w o c o n n e l l at u h c c dot e d u period", "EMAIL",
     "w o c o n n e l l at u h c c dot e d u"),
    ("please call us at four zero six comma five five five comma zero one six zero period",
     "PHONE", "four zero six comma five five five comma zero one six zero"),
    ("time of exam oh six ten period comparison yesterday", "TIME", "oh six ten"),
    ("Transport: fixed-wing, ETA 2300. Report faxed.", "TIME", "2300"),
    ("(0010,1010) PatientAge: 090Y\n", "AGE", "090Y"),
    ("She's 91 and gets confused, please call me.", "AGE", "91"),
    ("(0010,0020) PatientID: MRN0048821\n", "MRN", "MRN0048821"),
    ("OBR|1|RAD2025-118834|ACC88213407|71046^XR CHEST 2 VIEWS^CPT", "ACCESSION",
     "ACC88213407"),
    ("Name: CHAN Tai Man   HKID: A123456(7)   Sex/Age: M/58", "ID", "A123456(7)"),
    ("No. RM: 00-45-78-12   Accession: CR.2503.01455\nDate", "ACCESSION", "CR.2503.01455"),
    ("acquired 2025-03-12T07:10:00 on the scanner", "DATE", "2025-03-12T07:10:00"),
    ("DOB: S23.07.09 (exam Reiwa 7.03.14)", "DATE", "Reiwa 7.03.14"),
    ("Appt 3/14 2:30P with the clinic", "TIME", "2:30P"),
    ("DOB 10.02.24 per the card", "DATE", "10.02.24"),
    ("seen february twenty eight period", "DATE", "february twenty eight"),
    ("Theodore 'Ted' Delacroix, 96yo, seen today", "AGE", "96yo"),
    ("Safety system event #SE-2025-00318; contact the office", "ID", "#SE-2025-00318"),
    ("hospital number mike four four seven two nine one period", "MRN",
     "mike four four seven two nine one"),
    ("Patient: X   H&C: RVH A1173902   DOB 01/02/1950", "MRN", "RVH A1173902"),
    ("Referred by the GP, practice code M85027.", "ID", "M85027"),
    ("the scan is booked at half nine period", "TIME", "half nine"),
    ("she is one hundred and one years of age period", "AGE", "one hundred and one"),
]  # fmt: skip

CLINICAL = [
    "Left lower lobe 4.2 x 3.1 cm mass, series 3 image 45.",
    "Right renal cyst measuring 3.2 cm. Bilateral pleural effusions.",
    "Disc protrusion at L4-L5 and C5-6 with foraminal narrowing at T11-T12.",
    "BI-RADS 4A. Suspicious abnormality, biopsy recommended.",
    "Positive sonographic Murphy sign. 2.1 cm Baker cyst.",
    "History of Hodgkin lymphoma. Chiari I malformation. Graves disease.",
    "A 45-year-old woman and an 88 yo man. The patient is 89 years old.",
    "Tc-99m mebrofenin 5.2 mCi. 100 mL Omnipaque 350. DLP 1234 mGy-cm.",
    "May represent infection. Chest PA and lateral views. 1:10 dilution.",
    "T2 hyperintense lesion, ADC 0.8. EF 55%. Kidney 11.2 cm. Gleason 3+4.",
    "Segment 4A lesion, LI-RADS 5. Dose 2000 mg. Grade 2/4 reflux.",
    # Clock-face positions are places: breast, anal canal, labrum.
    "Left breast mass at 2:00, 4 cm from the nipple. Right breast: At 10:00, 6 cm FN.",
    "Transsphincteric fistula at the 6 o'clock position of the anal canal.",
    "Anterosuperior labral tear from 12 to 2 o'clock. Labral tear, 12:00 to 2:00.",
    "Follow-up per Fleischner 2017; dissemination in space and time (McDonald 2017).",
    "Fractures of the 5th and 6th ribs. Synovitis of the second and third MCP joints.",
    "Small R effusion in neutropenic pt. Small nodule. No PTX.",
    "flexion and extension views period tumor extension two centimeters into the fat",
    "patient is comma however comma stable period the mother reports pain period son will call",
    "Embolised with 500-700 micron microspheres; 100-300 micron DEB loaded with doxorubicin.",
    "p e t c t for staging period for discussion at the upper g i m d t period",
    "Dept of Nuclear Medicine, Royal Prince Alfred Hospital. Groote Schuur Hospital read.",
    "grade two slash four reflux period on two dash three views period",
    "features s/o Consolidation in Right lung. Patient mary fell down the stairs.",
    "his son will call period the mother may bring the films period",
    "Lt hip pain. Pan scan negative. CPT 71046. U.S. Army veteran, 75 Jahre.",
    "the patient d o d i d number was not given period the e d doctor agrees period",
    "overall m r e c i s t partial response period p s m a p e t c t period",
    "GI TUMOUR BOARD (Wednesday). Med Onc: on call. Rx called to Main Street Pharmacy.",
    "this is likely from the prior surgery period positive murphy sign period",
    "recommend follow-up per fleischner guidelines in twelve months period",
    "71046^XR CHEST 2 VIEWS^CPT. Software version 2.10.24.1. This is Normal. march 5 mm.",
    "OBX|1|TX|CTA^CT ANGIO CHEST||Segmental emboli. Order from Maple Grove Skilled Nursing.",
    "Signed by the MD   Tel: see switchboard. Correlate with e s r c r p period",
    "Twin A, GA 28+3 weeks, BW 1120 g. Requesting clinician (SHO), bleep on request.",
    "2 mo f, nat eval (sibling w/ abusive head trauma).",
]


@pytest.mark.parametrize("text, category, identifier", PLANTED)
def test_each_kind_of_identifier_is_found_with_its_category(text, category, identifier):
    found = [(s.category, text[s.start : s.end]) for s in find_identifiers(text)]
    assert (category, identifier) in found


@pytest.mark.parametrize("text", CLINICAL)
def test_clinical_words_are_left_alone(text):
    assert [text[s.start : s.end] for s in find_identifiers(text)] == []


# Forms learnt from slice 15: each text with every span the gate must mask, and no other.
def test_a_surname_is_masked_again_later_but_its_eponym_use_survives():
    text = "Called to Dr. Murphy. Positive Murphy sign. Murphy agreed."
    found = [text[s.start : s.end] for s in find_identifiers(text)]
    assert found == ["Murphy", "Murphy"]
    assert "Murphy sign" in PhiGate().mask(build_messages([], text)).messages[-1]["content"]


def test_masked_messages_carry_stable_surrogates_and_restore_to_the_original():
    history = [("Discussed with Dr. Alvarez on 12/02/2026.", "Dr. Alvarez was told.")]
    dictation = "Dr. Alvarez called back at 14:35 on 12/02/2026. MRN 00123456."
    gated = PhiGate().mask(build_messages(history, dictation))
    sent = [m["content"] for m in gated.messages]
    assert all(word not in "".join(sent) for word in ("Alvarez", "12/02/2026", "14:35", "00123456"))
    assert "[NAME_1]" in sent[1] and "[NAME_1]" in sent[2] and "[NAME_1]" in sent[3]
    assert sent[3].count("[DATE_1]") == 1 and "[DATE_1]" in sent[1]
    assert gated.messages[0] == build_messages([], "")[0]
    assert gated.counts == {"NAME": 3, "DATE": 2, "TIME": 1, "MRN": 1}
    assert gated.restore(sent[3]) == "Dictation:\n" + dictation


def test_a_literal_placeholder_in_the_dictation_is_not_turned_into_an_identifier():
    dictation = "Template field [NAME_1] left blank. Discussed with Dr. Alvarez."
    gated = PhiGate().mask(build_messages([], dictation))
    assert "[NAME_2]" in gated.messages[-1]["content"]
    assert gated.restore(gated.messages[-1]["content"]).endswith(dictation)


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13])
def test_a_stream_restores_surrogates_split_across_chunks(size):
    dictation = "Dr. Alvarez at 14:35 on 12/02/2026 [x] and [NOTE_1 stays, MRN 00123456 ends ["
    gated = PhiGate().mask(build_messages([], dictation))
    draft = gated.messages[-1]["content"]
    chunks = [draft[i : i + size] for i in range(0, len(draft), size)]
    restored = list(gated.restore_stream(iter(chunks)))
    assert "".join(restored) == "Dictation:\n" + dictation
    assert all(restored)


def test_unknown_or_altered_surrogates_are_left_as_the_model_wrote_them():
    gated = PhiGate().mask(build_messages([], "Discussed with Dr. Alvarez."))
    assert gated.restore("[NAME_1] and [NAME_7] and [name_1]") == (
        "Alvarez and [NAME_7] and [name_1]"
    )


def test_the_gate_fails_closed_and_keeps_the_text_out_of_the_error(monkeypatch):
    def broken(texts):
        raise RuntimeError(f"cannot scan {texts}")

    messages = build_messages([], "Discussed with Dr. Alvarez.")
    monkeypatch.setattr(gate_module, "find_in_texts", broken)
    with pytest.raises(PHIGateError) as raised:
        PhiGate().mask(messages)
    assert raised.value.status == 503 and raised.value.code == "phi_gate_unavailable"
    assert raised.value.__cause__ is None and raised.value.__suppress_context__
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, None)
    record.exc_info = (type(raised.value), raised.value, raised.value.__traceback__)
    assert "Alvarez" not in JsonFormatter().format(record)


def test_a_message_that_is_not_text_is_refused_rather_than_sent():
    with pytest.raises(PHIGateError):
        PhiGate().mask([{"role": "user", "content": [{"type": "text", "text": "Dr. Alvarez"}]}])


def test_log_lines_carry_categories_instead_of_identifiers():
    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "lookup failed for %s", ("Dr. Alvarez 12/02/2026",), None
    )
    line = JsonFormatter().format(record)
    assert "Alvarez" not in line and "12/02/2026" not in line
    assert "Dr. [NAME] [DATE]" in line


LATER_SLICE_FLOORS = {
    "phi_corpus5.yaml": {"DATE": 0.97, "PHONE": 0.95, "ID": 0.95},
    "phi_corpus6.yaml": {"DATE": 0.97, "MRN": 0.97, "ID": 0.95, "PHONE": 0.90},
    "phi_corpus7.yaml": {"DATE": 0.97, "ID": 0.94, "PHONE": 0.95},
    "phi_corpus8.yaml": {"DATE": 0.96, "MRN": 0.97, "ID": 0.91, "PHONE": 0.95},
    "phi_corpus9.yaml": {"DATE": 0.98},
    "phi_corpus10.yaml": {"PHONE": 0.97},
    "phi_corpus11.yaml": {"DATE": 0.96, "ID": 0.95, "PHONE": 0.92, "TIME": 0.95},
    "phi_corpus12.yaml": {"DATE": 0.95, "MRN": 0.97, "ID": 0.88, "TIME": 0.95},
    "phi_corpus14.yaml": {"ACCESSION": 0.96, "ID": 0.88, "PHONE": 0.93, "TIME": 0.96},
    "phi_corpus13.yaml": {
        "DATE": 0.95,
        "MRN": 0.97,
        "ACCESSION": 0.97,
        "ID": 0.79,
        "PHONE": 0.94,
        "TIME": 0.91,
    },
    # Learnt once (training figures); bed, bay and room numbers, which slice 18 alone labels,
    # keep its ids below 0.98.
    "phi_corpus18.yaml": {
        "DATE": 0.98,
        "MRN": 0.98,
        "ACCESSION": 0.96,
        "ID": 0.83,
        "PHONE": 0.97,
    },
    # Learnt once; weekdays before dates in digits (labelled with the date by this slice alone),
    # dotted European times and short extensions are left.
    "phi_corpus19.yaml": {"DATE": 0.97, "MRN": 0.98, "ACCESSION": 0.98, "PHONE": 0.94},
    # Learnt once; messaging handles, an Ethiopian date and a few single forms are left.
    "phi_corpus21.yaml": {"ACCESSION": 0.97, "ID": 0.96, "PHONE": 0.97},
    "phi_corpus23.yaml": {"ID": 0.97},
    # Learnt once; Brazilian council numbers, which slice 26 labels with the council and state
    # and slice 17 by the number alone, keep its ids below 0.98.
    "phi_corpus26.yaml": {"ID": 0.96},
}


@pytest.mark.parametrize(
    ("slice_name", "name_floor"),
    [
        ("phi_corpus.yaml", 0.99),
        ("phi_corpus2.yaml", 0.98),
        ("phi_corpus3.yaml", 0.96),
        ("phi_corpus4.yaml", 0.96),
        ("phi_corpus5.yaml", 0.90),
        ("phi_corpus6.yaml", 0.95),
        ("phi_corpus7.yaml", 0.96),
        ("phi_corpus8.yaml", 0.91),
        ("phi_corpus9.yaml", 0.97),
        ("phi_corpus10.yaml", 0.95),
        ("phi_corpus11.yaml", 0.89),
        ("phi_corpus12.yaml", 0.92),
        ("phi_corpus13.yaml", 0.88),
        ("phi_corpus14.yaml", 0.90),
        ("phi_corpus15.yaml", 0.99),
        ("phi_corpus16.yaml", 0.96),
        ("phi_corpus17.yaml", 0.98),
        ("phi_corpus18.yaml", 0.94),
        ("phi_corpus19.yaml", 0.96),
        # Learnt once; Iberian multi-part names, Italian married names with "in", initials
        # before Dutch particles and lone lower-case given names are left.
        ("phi_corpus20.yaml", 0.92),
        # Learnt once; board-column names that are words and family-name-first Asian names left.
        ("phi_corpus21.yaml", 0.96),
        # Learnt once: every category at 1.00 after learning.
        ("phi_corpus22.yaml", 0.99),
        # Learnt once; a Gaelic name with "tSaoi", a lower-case Nordic name and a nickname left.
        ("phi_corpus23.yaml", 0.98),
        # Learnt once: every category at 1.00 after learning.
        ("phi_corpus24.yaml", 0.99),
        # Learnt once; a registrar called by a given name the lists also hold as an acronym left.
        ("phi_corpus25.yaml", 0.99),
        # Learnt once: names 1.00 after learning.
        ("phi_corpus26.yaml", 0.99),
        # Learnt once: every category at 1.00 after learning.
        ("phi_corpus27.yaml", 0.99),
        # Learnt once; two ordinary uses of words that the slice also labels as names are left.
        ("phi_corpus28.yaml", 0.99),
    ],
)
def test_the_gate_keeps_its_scores_on_each_labelled_slice(slice_name, name_floor):
    # Training figures (every slice was learnt from after its blind first score): a guard
    # against regressions, not an estimate on unseen text. The later slices keep a few spoken
    # and international forms the rules do not read yet (PHI_NOTES.md), hence lower floors.
    bench = load_bench("phi_bench")
    result = bench.score(bench.load_corpus(bench.DATA / slice_name), bench.regex_spans)
    floors = LATER_SLICE_FLOORS.get(slice_name, {})
    for category in ("DATE", "MRN", "ACCESSION", "ID", "PHONE"):
        assert result["recall"][category] >= floors.get(category, 0.98), (category, result)
    assert result["recall"]["NAME"] >= name_floor, result["recall"]
    assert result["clinical_masked_rate"] <= 0.01


def test_threads_asking_for_a_name_list_together_build_it_once():
    builds = []
    release = threading.Event()

    def slow_build():
        builds.append(threading.get_ident())
        release.wait(5)
        return frozenset({"jane"})

    lists = namebook._built_once(slow_build)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = [pool.submit(lists) for _ in range(8)]
        time.sleep(0.2)  # every thread is waiting on the one build
        release.set()
        results = [answer.result(timeout=5) for answer in answers]
    assert len(builds) == 1
    assert all(result is results[0] for result in results)


def test_the_gate_warm_up_reads_the_name_lists(monkeypatch):
    built = []
    for name in ("given_names", "surnames"):
        monkeypatch.setattr(
            namebook,
            name,
            namebook._built_once(lambda name=name: built.append(name) or frozenset()),
        )
    PhiGate().warm_up()
    assert sorted(built) == ["given_names", "surnames"]
