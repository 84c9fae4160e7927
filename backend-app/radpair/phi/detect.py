"""Finds patient and staff identifiers in dictation text with compiled regular expressions.

Why regexes and not Presidio: on the labelled corpus the hand-written rules matched or beat
Presidio's analyzer (pattern recognizers on a blank spaCy pipeline) at a small fraction of its
latency (bench/PHI_NOTES.md). Names are found by context (a title, "discussed with", "patient",
a credential, an earlier mention) or, with no context, as a given name and a surname from
published name lists (radpair.phi.namebook); eponyms such as "Murphy sign", "Baker cyst" or
"Hodgkin lymphoma" are left alone.

Rules run in priority order; a span overlapping an already accepted one is dropped, so the first
(most specific) rule decides the category.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from radpair.phi import namebook

CATEGORIES = ("NAME", "DATE", "TIME", "MRN", "ACCESSION", "ID", "PHONE", "EMAIL", "URL", "AGE")


class Span(NamedTuple):
    """One identifier: [start, end) in the text and its category."""

    start: int
    end: int
    category: str


_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
# Capitalized words that follow a name context but are not names.
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
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_NAME_WORD = (
    rf"(?!(?:{_NOT_NAME})\b)"
    rf"(?:(?:Mc|Mac|O'|O’|D'|D’)?[{_UP}][{_LOW}]+(?:[-'’](?!s\b)[{_UP}]?[{_LOW}]+)*|[{_UP}]\.)"
)
# Where the context says a name follows (a title, "Patient:"), months and capitals are names too.
_NOT_LABEL_WORD = (
    "The|This|And|Or|On|At|In|Of|To|For|From|By|With|Via|Per|Who|No|Not|None|Unknown|Left|"
    "Right|Dr|Drs|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Acc|ACC|Accn|Accession|DOB|Dob|MRN|Mrn|ID|Age|"
    "Sex|Male|Female|MR|CT|US|XR|NM|PET|MRI|AP|PA|Baby|Boy|Girl"
)
_LABEL_WORD = (
    rf"(?!(?:{_NOT_LABEL_WORD})\b)(?:(?:Mc|Mac|O'|O’|D'|D’)?[{_UP}][{_UP}{_LOW}]+"
    rf"(?:[-'’](?!s\b)[{_UP}{_LOW}]+)*|[{_UP}]\.)"
)
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|al|el|ten|ter|St\.?|Ste\.?)"
_NAME_SEQ = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_NAME_WORD}){{0,3}}"
_LABEL_SEQ = rf"{_LABEL_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_LABEL_WORD}){{0,3}}"
_NAME_SEQ2 = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_NAME_WORD}){{1,3}}"
_TITLE = r"(?:Drs?|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sister|Nurse|Det|Detective|Officer|Sgt)"
_ROLE_NOUN = (
    r"(?:physician|provider|doctor|clinician|surgeon|resident|fellow|nurse|NP|PA|PA-C|RN|"
    r"radiologist|hospitalist|intensivist|oncologist|urologist|cardiologist|neurologist|"
    r"technologist|tech|sonographer|PCP|attending|registrar|consultant|midwife|therapist|"
    r"pharmacist|house\s+officer|coordinator|navigator|interpreter|chaplain|social\s+worker|"
    r"team\s+member|member|detective|officer)"
)
# "the referring physician", "surgery PA", "child protection team physician": up to four
# modifier words, but only when a role noun follows them.
_ROLE = rf"(?:(?:the|our|their|his|her)\s+)?(?:(?:[\w/-]+\s+){{0,4}}?{_ROLE_NOUN}\b)?[,:]?\s*"
_NAME_VERBS = (
    r"(?:discussed|reviewed|spoke|spoken|conferred|consulted|met)\s+with|"
    r"(?:called|communicated|conveyed|relayed|reported|given|sent|faxed|paged|forwarded|"
    r"telephoned|discussed|provided|read\s+back|released|explained|e-?mailed|handed\s+off)\s+to|"
    r"(?:read|dictated|signed|interpreted|reviewed|ordered|referred|seen|examined|transcribed|"
    r"verified|approved|performed|requested|acknowledged|confirmed|attested|scanned)\s+by|"
    r"(?:notified|paged|called|informed|contacted|telephoned|messaged|texted|emailed|"
    r"d/w|attn|attention|per)\b"
)
_CREDENTIAL = (
    r"(?:,?\s+(?:MD|M\.D\.|D\.O\.|RN|NP|PA-C|PhD|MBBS|FRCR|FRCPC|CNP|APRN)|,\s*(?:DO|PA|RT))"
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
    r"beats|bpm|mmHg|ms|sec|seconds|minutes|min|mmol|mEq|lbs?|pounds|ft|inches|in\b)"
)
_MONTH = (
    r"\b(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|May|MAY)\b\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_ID_VALUE = r"(?=[A-Za-z0-9-]*\d)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_KEY_TAIL = r"\s*(?:number|num|no\.?|nr|#|id)?\s*(?:is\s+|was\s+)?[:#=]?\s*(?:is\s+)?"
_AGE_NUM = r"(?:9\d|1[01]\d|12[0-5])"
_ORDINAL_TENS = r"(?:one|two|three|four|five|six|seven|eight|nine)"


class _Rule(NamedTuple):
    category: str
    pattern: re.Pattern
    group: str | int
    keep: Callable[[re.Match], bool] | None = None


def _rule(category: str, pattern: str, group: str | int = 0, flags: int = 0, keep=None) -> _Rule:
    return _Rule(category, re.compile(pattern, flags), group, keep)


def _enough_digits(minimum: int):
    return lambda match: sum(c.isdigit() for c in match.group(0)) >= minimum


# A surname that is also an eponym ("Dr. Baker ... Baker cyst"): the eponym use stays.
_EPONYM_USE = (
    r"(?![-–][A-Z]|['’]?s?\s+(?:sign|cyst|disease|syndrome|lymphoma|fracture|malformation|"
    r"classification|score|criteria|view|procedure|test|lesion|node|line|angle|triangle|space|"
    r"canal|duct|nerve|"
    r"tumou?r|type|grade|stage|phenomenon|effect|law|ring|zone|index|maneuver|position|method|"
    r"operation|pouch|hernia|shunt|deformity|fascia|body|bodies|cells?|sarcoma|ulcer|diverticulum|"
    r"esophagus|node|nodes|gland|glands|fat|pad|joint|bone|capsule|membrane|layer|area|point))"
)


_RULES: tuple[_Rule, ...] = (
    _rule("EMAIL", r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"),
    _rule(
        "URL",
        r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]}]"
        r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|health|info|biz|us|uk|ca|au|de|fr|nl)"
        r"\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]}])?",
    ),
    _rule(
        "MRN",
        rf"(?i)\b(?:MRN|MR\s*#|MR\s+(?:no\.?|number)|med(?:ical)?\s+rec(?:ord)?s?|"
        rf"(?:hospital|chart|record|unit)\s+(?:number|no\.?|#)|UR\s*(?:number|no\.?|#)|URN)"
        rf"{_KEY_TAIL}(?P<v>{_ID_VALUE})",
        "v",
    ),
    _rule(
        "ACCESSION",
        rf"(?i)\b(?:accession|accessions|acc|accn|acsn)\.?{_KEY_TAIL}(?P<v>{_ID_VALUE})",
        "v",
    ),
    _rule(
        "ID",
        rf"(?i)\b(?:patient\s+id|pt\.?\s+id|identifier|ID|SSN|social\s+security|"
        rf"insurance|member|policy|subscriber|encounter|visit|account|acct|order|requisition|"
        rf"CSN|FIN|NHS|health\s+card|health\s+plan|licen[cs]e|serial|device|study\s+id|claim|"
        rf"specimen|case|beneficiary|medicaid|medicare|passport|NPI|DEA|badge|employee|"
        rf"enrollment|reference|ref|ticket|booking|barcode|wristband|bed|room)"
        rf"{_KEY_TAIL}(?P<v>{_ID_VALUE})",
        "v",
        keep=lambda m: sum(c.isdigit() for c in m.group("v")) >= 3,
    ),
    _rule("ID", r"\b\d{3}-\d{2}-\d{4}\b"),
    _rule(
        "PHONE",
        r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
        r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?(?![\w-])",
    ),
    _rule(
        "PHONE",
        r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\w-])",
        keep=_enough_digits(8),
    ),
    _rule(
        "PHONE",
        r"(?i)\b(?:phone|telephone|tel|fax|facsimile|pager|page|beeper|bleep|cell|mobile|"
        r"callback|call\s*back|call|contact|reach|reached|ext|extension)\.?"
        r"\s*(?:number|no\.?|#)?\s*(?:is\s+)?[:#]?\s*(?:at\s+|on\s+)?"
        r"(?P<v>\(?\d[\d(). \t-]{2,}\d(?:\s*(?:x|ext\.?)\s*\d{1,6})?)(?![\w-])",
        "v",
        keep=lambda m: (
            sum(c.isdigit() for c in m.group("v")) >= 4
            and not re.match(r"\s*" + _UNITS, m.string[m.end("v") :])
        ),
    ),
    _rule("PHONE", r"(?<![\w.-])\d{3}-\d{4}(?:\s*(?i:x|ext\.?)\s*\d{1,6})?(?![\w-])"),
    _rule("PHONE", r"(?<![\w./-])\d{3}/\d{3}/\d{4}(?![\w/-])"),
    # Strong name contexts first: after a title or "Patient:", even "June" is a name.
    _rule("NAME", rf"\b{_TITLE}\b\.?\s+(?P<v>{_LABEL_SEQ})", "v"),
    _rule(
        "NAME",
        rf"(?i:\b(?:patient|pt|patient\s+name|name|surname|infant))\s*:[ \t]*"
        rf"(?:{_TITLE}\b\.?\s+|Baby\s+(?:Boy|Girl)\s+)?(?P<v>{_LABEL_SEQ}(?:,[ \t]*{_LABEL_SEQ})?)",
        "v",
    ),
    _rule("DATE", rf"\b{_YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b"),
    _rule(
        "DATE",
        r"(?<![\w-])(?:0?[1-9]|[12]\d|3[01])-(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
        r"[a-z]*-(?:\d{4}|\d{2})(?![\w-])",
    ),
    _rule("DATE", r"(?<![\w./-])\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})(?![\w/-])"),
    _rule("DATE", rf"(?<![\w./-])\d{{1,2}}\.\d{{1,2}}\.{_YEAR}(?!\w|\.\d)"),
    _rule("DATE", rf"(?<![\w./-])(?:0?[1-9]|1[0-2])/{_YEAR}(?![\w/-])"),
    _rule(
        "DATE",
        rf"{_MONTH}\s*{_DAY}(?:,?\s*{_YEAR})?(?!\s*{_UNITS}\b)(?![\d:])"
        rf"|\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s*{_YEAR})?"
        rf"|{_MONTH},?\s*{_YEAR}\b",
    ),
    _rule(
        "DATE",
        r"\b(?i:on|dated|from|since|of|before|after|until|through|thru|to|and|prior|study|exam)\s+"
        r"(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\w/])",
        "v",
    ),
    _rule(
        "DATE",
        r"\b(?:January|February|March|April|June|July|August|September|October|November|"
        r"December|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    ),
    _rule(
        "TIME",
        r"(?<![\w:.])(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?"
        r"(?:\s*(?i:[ap]\.m\.|[ap]\.?\s?m\b|hours|hrs|h\b))?(?![\w:])(?!\s*(?:dilution|ratio))",
    ),
    _rule("TIME", r"(?<![\w.])(?:1[0-2]|0?[1-9])\s*(?i:[ap]\.m\.|[ap]m\b)"),
    _rule("TIME", r"(?<![\w.])(?:1[0-2]|0?[1-9])\.[0-5]\d\s*(?i:[ap]\.m\.|[ap]\.?m\b)"),
    _rule(
        "TIME",
        r"\b(?i:called|available|arrived|arrival|started|completed|ended|began|performed|timed)"
        r"\s+(?P<v>(?:[01]\d|2[0-3])[0-5]\d)\b(?!\s*" + _UNITS + ")",
        "v",
    ),
    _rule("TIME", r"(?<![\w.])(?:[01]\d|2[0-3])[0-5]\d\s*(?i:hours|hrs|hr|h)\b"),
    _rule(
        "TIME",
        r"\b(?i:at|@)\s+(?P<v>(?:[01]\d|2[0-3])[0-5]\d)\b(?!\s*" + _UNITS + ")",
        "v",
    ),
    _rule(
        "AGE",
        rf"(?i)(?<![\w.-])(?P<v>{_AGE_NUM})(?:\s*-?\s*(?:year|yr)s?[\s-]*old|\s*-?\s*y(?:ear)?s?\b"
        rf"|\s*y/?o\b|\s*y\.o\.|\s*years?\s+of\s+age|\s*(?:yo|y)?\s*(?-i:[MF])\b"
        rf"|\s*-?\s*year\b)",
        "v",
    ),
    _rule("AGE", rf"(?i)\b(?:aged?|age:)\s*(?P<v>{_AGE_NUM})\b(?!\s*{_UNITS}\b)", "v"),
    _rule(
        "AGE",
        rf"(?i)\b(?:ninety(?:[- ]{_ORDINAL_TENS})?|(?:one\s+)?hundred(?:\s+and\s+\w+)?)"
        rf"(?=[- ]years?[- ]old|[- ]year\b)|\b(?:nonagenarian|centenarian)\b"
        rf"|\b(?:in\s+(?:his|her|their)\s+)(?:90s|nineties)\b",
    ),
    _rule(
        "NAME",
        rf"(?i:\b(?:{_NAME_VERBS}))\s+{_ROLE}(?:{_TITLE}\b\.?\s+)?(?P<v>{_NAME_SEQ})",
        "v",
    ),
    _rule(
        "NAME",
        rf"(?i:\b(?:patient|pt\.?|patient's\s+name|patient\s+name|name|surname|"
        rf"first\s+name|last\s+name|mother|father|wife|husband|son|daughter|spouse|"
        rf"guardian|caregiver|next\s+of\s+kin|kin|infant|baby|newborn|neonate|twin\s+[AB]|"
        rf"grandson|granddaughter|grandmother|grandfather|sister|brother|aunt|uncle|niece|"
        rf"nephew|partner|friend|baby\s+boy|baby\s+girl))"
        rf"\s*(?:is\s+|:\s*|,\s*|\(\s*)?(?:{_TITLE}\b\.?\s+)?"
        rf"(?P<v>{_NAME_SEQ}(?:,[ \t]*{_NAME_SEQ})?)",
        "v",
    ),
    _rule(
        "NAME",
        rf"(?i:\b(?:{_ROLE_NOUN}|referring|ordering|reading|interpreting|dictating|requesting|"
        rf"reported\s+by|read\s+by|dictated\s+by|signed\s+by|cc|copy\s+to|subject))\s*:[ \t]*"
        rf"(?:{_TITLE}\b\.?\s+)?(?P<v>(?:{_PARTICLE}[ \t]+)*{_NAME_SEQ}(?:,[ \t]*{_NAME_SEQ})?)",
        "v",
    ),
    # A header line that opens with a name next to the study's identifiers:
    # "Ottoline Barrett, MRN 00441298, 12/15/2026" or "Agnes Whitlock-Moore | Dec 8, 2026".
    _rule(
        "NAME",
        rf"(?m)^[ \t]*(?:{_TITLE}\b\.?\s+)?(?P<v>{_NAME_SEQ2})[ \t]*[,;|][ \t]*"
        rf"(?=(?i:MRN|MR\b|DOB|D\.O\.B|acc|accession|ID\b|age|aged)|\d|{_MONTH})",
        "v",
    ),
    _rule(
        "NAME",
        rf"\b(?P<v>{_NAME_SEQ2})[ \t]*[,;(][ \t]*"
        rf"(?=(?:MRN|DOB|D\.O\.B|Acc\b|ACC\b|Accession))",
        "v",
    ),
    _rule("NAME", rf"\b(?P<v>{_NAME_SEQ}){_CREDENTIAL}(?![\w-])", "v"),
    # A role noun right before a name, no colon: "sonographer Brooke Ashford".
    _rule("NAME", rf"(?i:\b{_ROLE_NOUN})\s+(?:{_TITLE}\b\.?\s+)?(?P<v>{_NAME_SEQ2})", "v"),
    # "SMITH, ROBERT J  MRN ..." or "'Montgomery, Eugene - 89113404'": surname, given name,
    # next to the study's identifiers.
    _rule(
        "NAME",
        rf"(?P<v>\b(?!(?i:patient|pt|name|subject)\b)[{_UP}][{_UP}{_LOW}'’-]+"
        rf"(?:[ \t]+[{_UP}][{_UP}{_LOW}'’-]+)?,[ \t]*"
        rf"[{_UP}][{_UP}{_LOW}'’-]+(?:[ \t]+[{_UP}]\b\.?)?)[ \t]*[-–,;|(/]?[ \t]*\n?[ \t]*"
        rf"(?=(?i:MRN|MR\s*#|DOB|ACC|accession|ID\b)|\d{{5,}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})",
        "v",
    ),
    _rule("NAME", rf"\b(?P<v>(?:{_GIVEN})(?:[ \t]+{_NAME_WORD}){{1,2}})\b", "v"),
    # Any given name followed by a surname from the published lists ("Hollis Grey").
    _rule(
        "NAME",
        rf"\b(?P<v>(?P<g>[{_UP}][{_LOW}'’]+)[ \t]+(?:[{_UP}]\.?[ \t]+)?"
        rf"(?P<s>[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)?))\b{_EPONYM_USE}",
        "v",
        keep=lambda m: namebook.is_person_name(m.group("g"), m.group("s").split("-")[0]),
    ),
    # The same in capitals ("SEGUN ADEWALE"), and surname first ("Ivanova, Natalia").
    _rule(
        "NAME",
        rf"\b(?P<v>(?P<g>[{_UP}]{{2,}})[ \t]+(?P<s>[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?))\b",
        "v",
        keep=lambda m: namebook.is_person_name(m.group("g"), m.group("s").split("-")[0]),
    ),
    _rule(
        "NAME",
        rf"\b(?P<v>(?P<s>[{_UP}][{_UP}{_LOW}'’]+(?:-[{_UP}][{_UP}{_LOW}'’]+)?),[ \t]*"
        rf"(?P<g>[{_UP}][{_UP}{_LOW}'’]+)(?:[ \t]+[{_UP}]\b\.?)?)",
        "v",
        keep=lambda m: namebook.is_person_name(m.group("g"), m.group("s").split("-")[0]),
    ),
    _rule(
        "ID",
        r"(?<![\w.-])#?[A-Za-z]{0,5}-?\d[\d-]{4,}\d[A-Za-z]{0,3}(?![\w-]|\.\w)",
        keep=_enough_digits(6),
    ),
    _rule("DATE", rf"(?<![\w.-]){_YEAR}(?![\w-]|\.\d)(?!\s*{_UNITS}\b)"),
)
_NAME_PARTS = re.compile(rf"[{_UP}][{_LOW}'’-]{{2,}}")
_FAST_SKIP = re.compile(r"[\d@A-Z]|www|://")


def find_identifiers(text: str) -> list[Span]:
    """Every identifier in the text, sorted, non-overlapping."""
    return find_in_texts([text])[0]


def find_in_texts(texts: list[str]) -> list[list[Span]]:
    """Identifiers of several texts (one prompt): a name found in one is masked in all."""
    scans = [_scan(text) for text in texts]
    parts = {
        part
        for text, (spans, _) in zip(texts, scans)
        for span in spans
        if span.category == "NAME"
        for part in _NAME_PARTS.findall(text[span.start : span.end])
    }
    results = []
    for text, (spans, taken) in zip(texts, scans):
        if parts:
            spans.extend(_mentions(text, parts, taken))
        spans.sort()
        results.append(spans)
    return results


def _scan(text: str) -> tuple[list[Span], bytearray]:
    taken = bytearray(len(text))
    spans: list[Span] = []
    if not _FAST_SKIP.search(text):
        return spans, taken
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            start, end = match.span(rule.group)
            if start < 0 or start == end or any(taken[start:end]):
                continue
            if rule.keep is not None and not rule.keep(match):
                continue
            taken[start:end] = b"\x01" * (end - start)
            spans.append(Span(start, end, rule.category))
    return spans, taken


def _mentions(text: str, parts: set[str], taken: bytearray) -> list[Span]:
    """Other mentions of a surname or given name already found in a name context."""
    names = "|".join(sorted(map(re.escape, parts), key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{names})\b{_EPONYM_USE}")
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            found.append(Span(start, end, "NAME"))
    return found
