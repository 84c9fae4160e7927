"""Given names and surnames from published name lists, for names that come with no context.

The lists ship inside PyPI packages (no download at run time): `names` carries the US Census
1990 given names and 88,799 surnames; `gender-guesser` carries an international list of about
40,000 given names (Jörg Michael's nam_dict); `pyspellchecker` carries how often each of
160,000 English words is used. A capitalised given name followed by a capitalised surname
("Hollis Grey", "Jennifer Okafor") is taken as a person's name unless either word is radiology
vocabulary ("Long Head", "Mass Effect"), which the verifier's lexicon lists. A word that no
English list holds ("Nwachukwu", "Lindqvist") is a name beside a listed one, or after a cue; a
lower-case word ("discussed with doctor patel") only when it is a listed name that is rare as an
English word. Eponyms (radpair.phi.eponyms) are never names by the lists alone.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import threading
from importlib import resources

from radpair.phi.eponyms import BRANDS, CLINICAL_NAMES, CRITERIA, EPONYMS
from radpair.verifier import lexicon as lx

# Capitalised words that start report sentences and headings and that the lists also hold.
_REPORT_WORDS = frozenset("""
    findings impression comparison technique history indication clinical exam examination study
    series image images view views contrast noncontrast without with no mild moderate severe small
    large left right bilateral normal stable new acute chronic old prior patient recommend
    follow up the a an and or of in on at to for by is are was were be there this that these
    those heart lungs liver spleen kidney kidneys bladder bowel bone bones joint joints soft
    tissue tissues brain head neck chest abdomen pelvis spine chest wall breast breasts mass
    major minor long short wide early late high low grade type stage level segment lobe lobes
    """.split())
# Words of the paperwork around reports (billing, coding, prior authorisation, release of
# information, transcription QA) that the lists hold as names or do not know ("Coder",
# "Payer", "prelim", "requester"): beside a role or at a line's start they are no one's name.
_OFFICE_WORDS = frozenset("""
    prelim prelims query queries overread overreads addenda coder coders requester requesters
    requestor requestors abstractor abstractors biller billers payer payers payor payors preauth
    precert precertification copay copays hcpcs modifier modifiers signoff cosigner approver
    proofreader transcriptionist voicemail
    """.split())


def _built_once(build):
    """`build()` run once and kept: threads asking together wait for that one build.

    lru_cache would let each of them build its own copy: the first burst of drafts after a start
    (hundreds of threads) then read the lists hundreds of times, for seconds of CPU and hundreds
    of MiB, before any was cached.
    """
    lock = threading.Lock()
    built: list = []

    @functools.wraps(build)
    def get():
        if not built:
            with lock:
                if not built:
                    built.append(build())
        return built[0]

    get.is_built = lambda: bool(built)
    return get


# Whole words only: the letter of a code such as "P1" or "T2" is no word of the vocabulary, and
# read as one it would keep an initial ("Mr P. J. Byrne") out of a name.
_VOCABULARY_WORD = re.compile(r"(?<![a-z0-9])[a-z]+(?![a-z0-9])")


def _words_of(surfaces) -> set[str]:
    return {w for s in surfaces for w in _VOCABULARY_WORD.findall(s.split("|")[0].lower())}


@_built_once
def clinical_words() -> frozenset[str]:
    """Every word of the verifier's finding, anatomy and cue vocabulary, report and office words."""
    words = set(_REPORT_WORDS) | _OFFICE_WORDS | CLINICAL_NAMES | BRANDS
    for surfaces in lx.FINDINGS.values():
        words |= _words_of(surfaces)
    for surfaces, _paired, _parent in lx.ANATOMY.values():
        words |= _words_of(surfaces)
    words |= _words_of(lx.FIXED_NAMES)
    words |= _words_of(lx.SEVERITY)
    words |= _words_of(lx.NORMAL_WORDS)
    return frozenset(words - _PERSON_OF_EPONYM)


# The given name an eponymous grade is named after ("Raymond-Roy class"): the verifier reads the
# grade whole, and for the gate the word stays a name ("raymond yu", "Raymond Tse").
_PERSON_OF_EPONYM = frozenset({"raymond"})


def _census(name: str) -> set[str]:
    text = resources.files("names").joinpath(name).read_text(encoding="utf-8")
    return {line.split()[0].lower() for line in text.splitlines() if line.strip()}


@_built_once
def _raw_given() -> frozenset[str]:
    found = _census("dist.male.first") | _census("dist.female.first")
    data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    for line in data.read_text(encoding="utf-8").splitlines():
        if line[:1] in ("#", "=") or len(line) < 4:
            continue
        name = line[3:29].strip()
        if name and "+" not in name and " " not in name:
            found.add(name.lower())
    return frozenset(found)


@_built_once
def _raw_surnames() -> frozenset[str]:
    return frozenset(_census("dist.all.last"))


@_built_once
def given_names() -> frozenset[str]:
    """Lower-cased given names from both lists."""
    return _raw_given() - clinical_words()


@_built_once
def surnames() -> frozenset[str]:
    """Lower-cased surnames from the census list."""
    return _raw_surnames() - clinical_words()


def is_ever_given(word: str) -> bool:
    """Any list holds the word as a given name, clinical or not ("Holly", "Autumn")."""
    return _plain(word) in _raw_given()


def is_ever_surname(word: str) -> bool:
    """The surname list holds the word, clinical or not ("Hill", "Bright")."""
    return _plain(word) in _raw_surnames()


def is_ever_name(word: str) -> bool:
    """Any list holds the word as a name, clinical or not ("Long", "White", "Will")."""
    word = _plain(word)
    return word in _raw_given() or word in _raw_surnames()


# Uses per 76 million of "the" in the frequency list: above COMMON a word is ordinary English
# ("hope", "king", "young") even when it is also a name; below RARE it is as good as unknown.
COMMON = 5000
RARE = 100
FAIRLY_COMMON = 150000
VERY_COMMON = 200000


@_built_once
def english_frequency() -> dict[str, int]:
    """Lower-cased English words and how often they are used (pyspellchecker's list)."""
    data = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


_NO_APOSTROPHE = str.maketrans("", "", "'’ʻʼ")


def _plain(word: str) -> str:
    # The lists write "O'Neill" as "oneill", and know Hawaiian names without the ʻokina.
    return word.lower().translate(_NO_APOSTROPHE)


def load() -> None:
    """Read every list now (about a second), at start-up rather than on a first draft."""
    given_names()
    surnames()
    english_frequency()


def is_person_name(given: str, surname: str) -> bool:
    """True when `given surname` reads as a person's name from the lists."""
    given, surname = _plain(given), _plain(surname)
    return given in given_names() and (surname in surnames() or surname in given_names())


def is_listed(word: str) -> bool:
    """A given name or surname of the lists (clinical vocabulary already taken out)."""
    word = _plain(word)
    return word in given_names() or word in surnames()


# How clinical words that no list holds end or begin ("neonatologist", "hepatobiliary",
# "thoracolumbar", "apixaban"): such a word is not an unknown name.
_CLINICAL_ENDINGS = re.compile(
    r"(?:olog(?:y|ist|ic|ical)|ograph(?:y|ic)|ogram|itis|os[ie]s|ectomy|otomy|ostomy|plasty|"
    r"scop(?:y|ic)|pathy|a?emia|algia|omas?|ics|ical|ary|ous|ive|tion|sion|ment|ness|ity|"
    r"able|ible|ase|ine|ide|ate|eal|ial|inal|oral|ral|ular|umbar|ed|ally|ly|metry|ant|ent|ism|"
    r"olol|pril|sartan|statin|mab|nib|"
    r"cillin|mycin|floxacin|azole|parin|xaban|tide|zepam|azepam|done|pam|lam|gram|gen|graphy)$"
    r"|^(?:hepato|gastro|neuro|cardio|pneumo|osteo|arthro|thoraco|intra|extra|retro|supra|infra|"
    r"hyper|hypo|micro|nephro|angio|broncho|chole|hydro|fibro|adeno|lympho|onco|radio|cysto|"
    r"colono|entero|spondyl|myelo|cerebro|thrombo|hemato|haemato|laparo|pyelo|uretero)\w{3}"
    r"|^(?:non|pre|post|anti|semi|multi|inter|trans|peri|para)\w{5}"
    # Iodinated and gadolinium contrast agents by their generic names' stems ("iohexol",
    # "iopamidol", "gadobutrol").
    r"|^(?:io|gado)[a-z]{3,}(?:ol|ic|ium)$"
)


def is_office_word(word: str) -> bool:
    """A word of the paperwork around reports ("Query", "Prelim"), name or not."""
    return _plain(word) in _OFFICE_WORDS


def is_unknown(word: str) -> bool:
    """A word that no list knows: not English, not clinical, not an eponym ("Nwachukwu")."""
    word = _plain(word)
    if "-" in word:
        # "Soo-ah", "Mensah-Bonsu": one part unknown, the others names; "x-ray" is not.
        parts = [part for part in word.split("-") if len(part) > 2]
        return any(is_unknown(p) for p in parts) and all(
            is_unknown(p) or is_listed(p) for p in parts
        )
    return (
        len(word) > 2
        and not _CLINICAL_ENDINGS.search(word)
        and english_frequency().get(word, 0) < RARE
        and word not in clinical_words()
        and word not in EPONYMS
        and word not in given_names()
        and word not in surnames()
    )


def is_name_like(word: str) -> bool:
    """A capitalised word that can be a name on its own beside a weak cue ("nurse Okafor")."""
    plain = _plain(word)
    if plain in EPONYMS or plain in clinical_words():
        return False
    return is_unknown(word) or (is_listed(word) and english_frequency().get(plain, 0) < COMMON)


def is_lower_name(word: str, unknown_ok: bool = True) -> bool:
    """A lower-case word that reads as a name after a cue ("doctor patel", "with maria"): a
    listed name rare as an English word, or (after a title) a word no list knows."""
    plain = _plain(word)
    if "-" in plain:
        # "kaur-gill", "abernathy-young": one part reads as a name, the others are names too;
        # beside a name rare as a word, a name that is clinical too ("abernathy-stone").
        parts = [part for part in plain.split("-") if len(part) > 2]
        rare = any(is_lower_name(p, False) for p in parts)
        return any(is_lower_name(p, unknown_ok) for p in parts) and all(
            is_lower_name(p, unknown_ok)
            or (is_ever_name(p) and (rare or p not in clinical_words()))
            for p in parts
        )
    if len(plain) < 2 or plain in clinical_words():
        return False
    if is_listed(plain) and english_frequency().get(plain, 0) < COMMON:
        return True
    return unknown_ok and len(plain) > 3 and is_unknown(plain)


def is_lower_surname(word: str) -> bool:
    """After a title in lower case, a name that is also a word ("doctor king", "dr price"),
    unless it is clinical or among the commonest English words ("doctor on call")."""
    plain = _plain(word)
    return (
        is_ever_name(plain)
        and plain not in clinical_words()
        and english_frequency().get(plain, 0) < VERY_COMMON
    )


def is_not_name(word: str, common: int = COMMON) -> bool:
    """Clinical vocabulary or an English word used at least `common` times that no list holds
    as a name."""
    plain = _plain(word)
    if is_ever_name(plain):
        return False
    return plain in clinical_words() or english_frequency().get(plain, 0) >= common


def could_be_name(word: str) -> bool:
    """Beside a strong cue ("fellow Hunt", "Hope (tech)"): any listed name, eponym or unknown
    word that is neither clinical nor a common English word."""
    return not is_not_name(word) and (is_ever_name(word) or is_unknown(word) or is_eponym(word))


def is_word_name(given: str, surname: str) -> bool:
    """A given name and a surname that are also words or clinical terms ("Rose Hill", "Mark
    Stone", "Grace Long"): both listed, and not both clinical ("Long Bone", "Mass Effect")."""
    given, surname = _plain(given), _plain(surname)
    if given not in _raw_given() or surname not in _raw_surnames():
        return False
    return given not in clinical_words() or surname not in clinical_words()


def is_plain_word(word: str) -> bool:
    """An English or clinical word that no list holds as a name ("Bedside", "Regarding")."""
    return is_not_name(word, common=RARE)


def is_clinical(word: str) -> bool:
    """A word of the verifier's vocabulary or of report headings."""
    return _plain(word) in clinical_words()


def is_common(word: str) -> bool:
    """An ordinary English word, name or not ("young", "hope", "king")."""
    return english_frequency().get(_plain(word), 0) >= COMMON


def is_very_common(word: str) -> bool:
    """Among the commonest English words ("than", "less", "will"), name or not."""
    return english_frequency().get(_plain(word), 0) >= VERY_COMMON


def not_both_common(first: str, second: str) -> bool:
    """Two name words of which one is rare in English ("Will Porter"), or both only fairly
    common ("Rose Hill", "Mark Stone"), or a given name not among the commonest words and a
    surname ("Daniel Young", "Grant Young"); not "Less Than"."""
    a, b = (english_frequency().get(_plain(w), 0) for w in (first, second))
    if min(a, b) < COMMON or max(a, b) < FAIRLY_COMMON:
        return True
    return (
        a < FAIRLY_COMMON and _plain(first) in given_names() and _plain(second) in _raw_surnames()
    )


# Pet names said in place of a given name in rural US speech ("bubba", "sissy", "rusty"). Some
# are words ("skip", "junior", "buddy") and some no list holds ("bubba", "scooter"): a cue
# must say a person is meant before one is a name.
_NICKNAMES = frozenset("""
    bubba bubber sissy missy skip skipper rusty junior buddy sonny butch dusty scooter tater
    """.split())


def is_nickname(word: str) -> bool:
    """A pet name said in place of a given name ("bubba", "rusty"), a word or not."""
    return _plain(word) in _NICKNAMES


def is_criteria(word: str) -> bool:
    """An eponym that names guidelines or a classification, never a person in a report."""
    return _plain(word) in CRITERIA


def is_eponym(word: str) -> bool:
    """A surname that names a sign, fracture or disease ("Monteggia", "Hill", "Crohn")."""
    return _plain(word) in EPONYMS


# Short East and South-East Asian surnames that the lists miss or hold as English or clinical
# words ("ng" is also a nasogastric tube, "an", "do", "oh" and "ho" are words): a name only
# with evidence beside it (a title, a listed name next to it, a spelling), never alone.
ASIAN_SHORT_SURNAMES = frozenset(
    "ng le lê do đỗ an oh ho hồ yu lu ko vu vũ ha hà ly lý wu ma li lo lam lau lai ngo ngô "
    "bui bùi dang đặng ong goh koh teo yeo tse yip sze woo kwok".split()
)
# The short surnames that are also ordinary English words: accepted only beside a title, a
# spelling or a Vietnamese middle name, never after a given name alone ("kevin an hour ago").
ASIAN_SURNAMES_THAT_ARE_WORDS = frozenset("an do oh ho ha ma lo le to".split())
# Vietnamese middle names that mark the name's gender ("Nguyen Thi Lan", "Le Van Hung"): between
# a surname and a given name they join the name, whatever the lists say about the words.
VIETNAMESE_MIDDLES = frozenset("thi thị van văn".split())
# The eighteen Hmong clan names, the surname of every Hmong person ("Mai Yer Vang", "Chue
# Xiong"); "her", "lee", "lo" and "yang" are words or common names too.
HMONG_CLANS = frozenset(
    "vang xiong yang lee her lor lo moua thao vue vu chang cha kue hang khang pha thor chue fang "
    "kong".split()
)
# Hmong given and middle names of two to four letters that the lists lack or hold as words or
# abbreviations ("Pa", "Nou", "Tou"): a name word only before a clan name.
HMONG_GIVEN = frozenset(
    "mai yer nou pa chia kia yia xee ka tou kou pao neng fue txhia hli zoua shoua houa mee cher "
    "bee see nhia kao ger lia vue".split()
)
