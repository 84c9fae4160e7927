"""Names learnt from PHI slice 22, each on examples written for this test: patronymics in
capitals, user names of secure chats and paging logs, given names alone in message threads,
newborns before naming, labels of prisons, workplaces and the forces, and ranks, corps and
degrees that stand beside a name without being part of it."""

from __future__ import annotations

import pytest

from radpair.phi import find_identifiers


def _names(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_identifiers(text) if s.category == "NAME"]


def _masked_words(text: str) -> set[str]:
    return {
        word
        for s in find_identifiers(text)
        for word in text[s.start : s.end].replace(",", " ").replace('"', " ").split()
    }


def _all_masked(text: str, name: str) -> bool:
    words = _masked_words(text)
    return all(word in words for word in name.replace(",", " ").split())


NAMES = [
    # Malay "anak lelaki" and Indian "son of" written in capitals inside a name.
    ("Name: SELVAM A/L RAJAN    IC: 410203-08-5511", "SELVAM A/L RAJAN"),
    ("Patient: Baby Ishaan S/o Prakash Hegde    Age: 3 yrs / M", "Ishaan S/o Prakash Hegde"),
    # Forms of address: Singapore and Malaysia "Mdm", a British matron.
    ("Son: Mdm. Kalaivani, 012-334 5566.", "Kalaivani"),
    ("Ward contact: Matron Heather Swift, ext 4412.", "Heather Swift"),
    # Ranks written in capitals before "SURNAME, Given".
    ("PVT BRIDGES, Colton R    DoD ID: 1234509876", "BRIDGES, Colton R"),
    # The person a form is about, under the labels of prisons and workplaces.
    ("Inmate: FIELD, Marcus T.    Reg. No.: 55120-021", "FIELD, Marcus T."),
    ("Worker: Dale Marsh    DOB: 1984-02-11", "Dale Marsh"),
    # A newborn registered before naming, twins by letter.
    ("Patient: NGO, Baby Girl (Lily)   MRN: P0044120", "NGO, Baby Girl"),
    ("Okonjo, Baby Boy B, MRN 7712094", "Okonjo, Baby Boy B"),
    # Nicknames: quoted after "prefers", quoted between title and surname.
    ('Mr. Alder, who prefers "Ted", came with his son.', "Ted"),
    ('Paged IR (Dr. "Skip" Halvorsen) at 0300.', "Skip"),
    ('Paged IR (Dr. "Skip" Halvorsen) at 0300.', "Halvorsen"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_a_name_in_these_forms_is_masked(text, name):
    assert _all_masked(text, name), _names(text)


# A given name alone in a thread is reached by what stands around it.
LONE_GIVEN_NAMES = [
    ("[09:14] Rocco (cardiology NP, 555-0123): is she stable?\n[09:16] Rocco: thanks", "Rocco"),
    ("merged by PACS analyst Tamika (ticket INC0099123).", "Tamika"),
    ("the on-call fellow is Arjun, cell 929-555-0101", "Arjun"),
    ("Technologists: Brynn and Mateo K.\n\nFINDINGS: normal", "Brynn"),
    ("Technologists: Brynn and Mateo K.\n\nFINDINGS: normal", "Mateo K."),
    ("RN note: dtr Maritza (HCP) at bedside, 555-0199.", "Maritza"),
    # A two-letter given name found in full is masked again alone.
    ("Nurse specialist: Jo Farrant\nPlan: Jo to call the patient on Monday.", "Jo"),
    # A surname found after a title is masked again after the title, before a device's noun.
    ("Sam Okoro 10:02 AM: @Dr. Okoro drain in, 8 Fr.\nAuthor: Dr. Sam Okoro", "Okoro"),
]


@pytest.mark.parametrize(("text", "name"), LONE_GIVEN_NAMES)
def test_a_given_name_alone_is_masked_by_its_context(text, name):
    assert _all_masked(text, name), _names(text)


HANDLES = [
    ("10:31 @pnair_rad: heparin started", "pnair_rad"),
    ("10:31 @ckowal-ir (Chris Kowal): @VascularOnCall @tbeck see images", "ckowal-ir"),
    ("10:31 @ckowal-ir (Chris Kowal): @VascularOnCall @tbeck see images", "tbeck"),
    # A user name made of a found name's initial and surname, wherever the log writes it.
    ("CREATED by user mlindqvist (Maja Lindqvist, MD)", "mlindqvist"),
    (
        "PAGE SENT to (Oyelaran Adebayo, MD)\nACKNOWLEDGED by oadebayo via Voalte",
        "oadebayo",
    ),
]


@pytest.mark.parametrize(("text", "handle"), HANDLES)
def test_user_names_of_chats_and_paging_logs_are_masked(text, handle):
    assert handle in _names(text)


CLINICAL = [
    # "s/o" is "suggestive of" in Indian reports, "w/o" is "without".
    ("Features s/o acute appendicitis. CT abdomen w/o contrast.", {"appendicitis", "contrast"}),
    # A quote and a cue that are not a nickname.
    ('So-called "Honda sign" of the sacrum.', {"Honda"}),
    ('Also known as "Swiss cheese" appearance.', {"Swiss"}),
    # A role with "is" before a capitalised ordinary word.
    ("The radiologist is Available for questions.", {"Available"}),
    # "@" as "at" before a time, and an e-mail address's "@".
    ("Follow-up @ 10:00 in clinic.", {"Follow-up", "clinic"}),
    # A chat line's time before a heading, not a writer.
    ("08:03 Impression: no acute findings", {"Impression"}),
    # A surname's handle form that is an English or clinical word stays ("Aaron Orta").
    ("Read by Aaron Orta, MD: the aorta is normal.", {"aorta"}),
    # A sentence ends with the child protection team's abbreviation before a relative.
    ("Report filed by CPT. Mother (Gina Holt) present.", {"CPT", "Mother"}),
    # Bases named after people.
    ("MONCRIEFF ARMY CLINIC, FORT JACKSON SC", {"FORT", "JACKSON"}),
    # A service's abbreviation after a chat writer's name, and an employer's legal name.
    ("19:40 Priya Raman (Vasc Surg PGY3): seen", {"Vasc", "Surg"}),
    ("Employer: Ironbark Joinery Pty Ltd, Ipswich", {"Ironbark", "Joinery", "Pty", "Ltd"}),
]


@pytest.mark.parametrize(("text", "kept"), CLINICAL)
def test_clinical_words_beside_these_cues_stay(text, kept):
    assert not kept & _masked_words(text), _names(text)


EDGES = [
    # Ranks, a "(Dr)" after them, corps and degrees stand beside the name.
    ("Referrer: Maj (Dr) Oliver Grant RAMC\nClinical: knee", "Oliver Grant"),
    ("Reader: LTC Dana Whitfield, MC, USA", "Dana Whitfield"),
    ("Patient: LCPL Ruby Ann Tait    PMKeyS: 8530001", "Ruby Ann Tait"),
    ("Reading physicians: Kim Ji-ho, M.D. (Nuclear Medicine)", "Kim Ji-ho"),
    # A role after the name is no surname.
    ("Reported by: Dr Carys Lloyd, Consultant Radiologist, GMC 7045001", "Carys Lloyd"),
    # The place of work after a comma.
    ("Referrer: MAJ (Dr) Ben Ashby, Garrison Health (ben@x.org)", "Ben Ashby"),
]


@pytest.mark.parametrize(("text", "name"), EDGES)
def test_ranks_corps_degrees_and_roles_stay_outside_the_name(text, name):
    assert name in _names(text)


def test_a_rank_alone_is_no_name():
    text = "Rank (Ret'd): Lt Col    Service No.: A41 887 302"
    assert not {"Lt", "Col"} & _masked_words(text)


def test_a_rank_is_not_taken_for_a_given_name():
    text = "Discussed with Maj Hollis on the ward."
    assert "Maj" not in _masked_words(text)
    assert "Hollis" in _names(text)
