"""Forms learnt from PHI slice 28's East and South-East Asian names in diaspora hospitals, each on
examples written for this test, with the words beside them that must stay: short surnames in
lower-case speech after a title or a given name, Vietnamese middle names, Hmong clan names,
whole names spelled in one run, two-letter spellings, Filipino particles, initials a person goes
by, a surname in capitals before given names, and names written in Han characters or Hangul."""

from __future__ import annotations

import pytest

from tests.support.phi_spans import masked, masked_as, untouched


@pytest.mark.parametrize(
    "text, name",
    [
        ("this is doctor an tran dictating a c t head for the patient", "an tran"),
        ("portable chest for mister ng siu ming at six a m", "ng siu ming"),
        ("results were discussed with doctor do khanh at the bedside", "do khanh"),
    ],
)
def test_a_short_surname_that_is_a_word_is_a_name_after_a_title_and_before_a_name(text, name):
    assert name in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, word",
    [
        ("there is an ovoid lesion in the liver do not delay the biopsy", "an"),
        ("patient do not resuscitate status confirmed with the family", "do"),
        ("the ng tube tip lies in the gastric body", "ng"),
        ("oh and there is a small effusion on the left", "oh"),
    ],
)
def test_a_short_surname_alone_in_an_ordinary_sentence_stays(text, word):
    assert untouched(text, word)


@pytest.mark.parametrize(
    "text, name, kept",
    [
        ("findings discussed with his son michael ng at the bedside", "michael ng", "bedside"),
        ("the daughter vivian yu was informed by phone today", "vivian yu", "informed"),
    ],
)
def test_a_short_surname_goes_on_a_given_name_found_in_lower_case(text, name, kept):
    assert name in masked_as(text, "NAME")
    assert untouched(text, kept)


def test_a_given_name_before_an_ng_tube_keeps_the_tube_out_of_the_name():
    text = "the son michael helped place the ng tube"
    assert not any("ng" in span.split() for span in masked(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("the mother tran thi mai can be reached on the ward phone", "tran thi mai"),
        ("ultrasound abdomen for patient le van tuan today", "le van tuan"),
        ("c t chest for patient vu thi hoa this morning", "vu thi hoa"),
    ],
)
def test_a_vietnamese_middle_name_joins_the_surname_and_the_given_name(text, name):
    assert name in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, name, kept",
    [
        ("the wife kia nou xiong was present and consented", "kia nou xiong", "present"),
        ("her daughter mai chia moua will call back tomorrow", "mai chia moua", "call"),
    ],
)
def test_a_hmong_clan_name_ends_the_name_after_a_middle_name(text, name, kept):
    assert name in masked_as(text, "NAME")
    assert untouched(text, kept)


@pytest.mark.parametrize(
    "text, name, spelling",
    [
        ("x ray knee for chue thao c h u e t h a o today", "chue thao", "c h u e t h a o"),
        ("portable chest for le van binh l e v a n b i n h", "le van binh", "l e v a n b i n h"),
    ],
)
def test_a_whole_name_spelled_in_one_run_masks_the_words_it_spells(text, name, spelling):
    found = masked_as(text, "NAME")
    assert name in found and spelling in found


def test_a_phrase_spelled_in_one_run_is_no_name_when_it_is_a_plain_word_pair():
    text = "the report says left lobe l e f t l o b e is clear"
    assert untouched(text, "lobe")


@pytest.mark.parametrize(
    "text, spelling",
    [
        ("ultrasound for mister ng kwok leung that's n g date of birth", "n g"),
        ("reported by doctor an pham a n at nine a m", "a n"),
        ("c t for miss oh min seo spelled o h first name min seo", "o h"),
    ],
)
def test_a_two_letter_surname_spelled_after_the_name_is_masked(text, spelling):
    assert spelling in masked_as(text, "NAME")


def test_two_letters_after_a_name_that_spell_none_of_its_words_stay():
    text = "chest x ray for mister ng kwok leung a p view only"
    assert untouched(text, "a p")


@pytest.mark.parametrize(
    "text, name",
    [
        ("ultrasound abdomen for maria luz dela cruz santos today", "maria luz dela cruz santos"),
        ("x ray chest for jose miguel delos reyes at noon", "jose miguel delos reyes"),
    ],
)
def test_a_filipino_particle_joins_the_surnames_after_it(text, name):
    assert name in masked_as(text, "NAME")


@pytest.mark.parametrize(
    "text, initials",
    [
        ("c t head for juan carlos dela cruz known as jc", "jc"),
        ("x ray for ana marie santos also known as as today", None),
    ],
)
def test_initials_a_person_goes_by_are_masked_when_they_match_the_name(text, initials):
    if initials:
        assert initials in masked_as(text, "NAME")
    else:
        assert " as today" not in " ".join(masked(text))


@pytest.mark.parametrize(
    "text, name, kept",
    [
        ("Patient: LE Thi Ngoc Lan  DOB 01/02/1970", "LE Thi Ngoc Lan", "DOB"),
        ("Patient: DO Van Long (Tony)  MRN 55120931", "DO Van Long", "MRN"),
    ],
)
def test_a_short_surname_in_capitals_before_a_vietnamese_middle_name_is_masked(text, name, kept):
    assert name in masked_as(text, "NAME")
    assert untouched(text, kept)


def test_a_credential_in_capitals_before_a_given_name_without_a_middle_name_stays():
    text = "Signed: Maria Lopez DO  Radiology"
    assert untouched(text, "Radiology") and "DO" not in " ".join(masked(text)).split()


@pytest.mark.parametrize(
    "text, name",
    [
        ("Patient: Chan Tai Man (Peter), 陳大文   URN 4401932", "陳大文"),
        ("Patient: Lee Ji-woo 이지우   MRN 77120093", "이지우"),
        ("Next of kin: Wong Siu Fong (王小芳) 0412 555 019", "王小芳"),
        ("Patient: 張偉  DOB 03/04/1980", "張偉"),
    ],
)
def test_a_name_in_han_characters_or_hangul_beside_a_name_or_a_cue_is_masked(text, name):
    assert name in masked_as(text, "NAME")


def test_characters_far_from_any_name_stay():
    text = "Findings: 肝脏 normal. No focal lesion in the liver."
    assert untouched(text, "肝脏")


@pytest.mark.parametrize(
    "text, name",
    [
        ("called doctor raymond yu with the result at four p m", "raymond yu"),
        ("Discussed with Raymond Tse, the referring physician.", "Raymond Tse"),
    ],
)
def test_a_given_name_that_names_an_eponymous_grade_is_still_a_name(text, name):
    # The verifier's vocabulary holds "Raymond-Roy class"; the gate must not learn the given
    # name from it as a clinical word.
    assert any(name in span for span in masked_as(text, "NAME"))
    assert untouched("Coiled aneurysm, Raymond Roy class 2.", "Raymond")
