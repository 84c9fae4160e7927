"""Extraction and normalisation of measurements (numbers with units)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from radpair.verifier.lexicon import UNITS
from radpair.verifier.model import Measurement

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT_ALT = "|".join(
    re.escape(u).replace(r"\ ", r"\s*") for u in sorted(UNITS, key=len, reverse=True)
)
# The unit must not run on into a word ("5 mmol" is not "5 mm"); symbols end by themselves.
_UNIT = rf"(?:{_UNIT_ALT})(?![a-z0-9])(?!(?<=[\s\d]s)/)"  # "seg 6 s/p TACE" is no 6 seconds
# Each dimension may name its axis before the next one ("24 mm anteroposterior x 13 mm
# transverse x 30 mm craniocaudal" is one three-dimension size).
_AXIS = (
    r"(?:\s+(?:ap|anteroposterior|antero-posterior|tr|trans|transverse|cc|craniocaudal|"
    r"cranio-caudal|mediolateral|longitudinal|sagittal|coronal|axial)\b)?"
)
_SEP = rf"{_AXIS}\s*(?:x|×|by)\s*"
_RANGE = r"\s*(?:-|–|to)\s*"
_ONE = rf"(?P<n{{i}}>{_NUM})(?:\s*-?\s*(?P<u{{i}}>{_UNIT}))?"

# The first number's look-behind sits after its first digit ("\d(?<![\w.]\d)" checks the
# same character as "(?<![\w.])\d"), so the patterns start with a digit and the regex engine
# can skip to digits instead of testing the look-behind at every character.
_FIRST_NUM = r"\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"
# A distance named after a value ("10 mm retraction", "4 mm of displacement"), not an axis.
# Not "displaced" or "depression": "3 mm x 2 mm displaced fragment" sizes the fragment.
_DISTANCE_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:retraction|retracted|gap|diastasis|displacement|separation|distance)\b",
    re.IGNORECASE,
)
_DIMS_RE = re.compile(
    rf"(?P<n0>{_FIRST_NUM})(?:\s*-?\s*(?P<u0>{_UNIT}))?"
    rf"(?:{_SEP}{_ONE.replace('{i}', '1')})?"
    rf"(?:{_SEP}{_ONE.replace('{i}', '2')})?",
    re.IGNORECASE,
)
# "T6-7 L paracentral", "C5-6 R foraminal": the number after a spinal level's hyphen is the
# lower vertebra of a disc level, and a side letter after it is no unit (not 7 litres).
_LEVEL_BEFORE = re.compile(r"\b[ctls]\d{1,2}\s*-\s*$", re.IGNORECASE)
_RANGE_RE = re.compile(
    rf"(?P<a>{_FIRST_NUM})\s*(?P<ua>{_UNIT})?{_RANGE}(?P<b>{_NUM})\s*-?\s*(?P<ub>{_UNIT})",
    re.IGNORECASE,
)


# A value said of an earlier study ("previously 6 mm", "from 6 mm", "6 mm on the prior") is kept
# apart from the current ones: swapping current and prior sizes changes the report's meaning.
# A size measured before treatment is an earlier one too ("pre-op 5.7 cm", "(preoperative 57
# mm)").
# So is one taken before a named treatment ("pre SRS 11 mm", "pre-chemo").
_BEFORE_TREATMENT = (
    r"pre[- ]?op(?:erative(?:ly)?)?\b|pre-?treatment|pre-?procedur(?:e|al)|"
    r"pre[- ]?(?:srs|sbrt|rt|radiation|radiotherapy|chemo(?:therapy)?|tace|ablation|tnt|"
    r"therapy|surgery|resection)\b"
)
# "12 months ago 4.2 cm", "4.2 cm 2 years ago": a time back from today names an earlier study.
_AGO = (
    r"(?:\d+|a|an|one|two|three|four|five|six|twelve)\s*"
    r"(?:days?|weeks?|wks?|months?|mo|years?|yrs?)\s+ago\b"
)
_PRIOR_BEFORE = re.compile(
    r"\b(?:previously|prev\.?|formerly|prior(?:ly)?|from|compared (?:to|with)|then|had been|"
    rf"last|initially|originally|baseline|(?:at|on) baseline|{_BEFORE_TREATMENT}|"
    # "now 2.2 cm, before was 2.1 cm": "before" as the adverb, told by the verb after it.
    r"before(?:\s+it)?(?=\s+(?:was|were|measured)\b)|"
    # "unchanged from 1 month (5.8 cm)": the value of the study that time point names.
    r"from\s+(?:the\s+)?\d+[- ]?(?:days?|weeks?|months?|years?)"
    r"(?:[- ](?:study|scan|ct|mri|exam|examination))?)"
    r"(?:\s+(?:measur\w+|was|were|noted|seen))?"
    # "previously SUVmax 22.4": the cue may stand before the value's name.
    r"(?:\s+suv\s*(?:max|peak|mean)?(?:\s*(?:of|was|:))?)?"
    r"(?:\s+(?:at|as))?(?:\s+(?:approximately|about|up to))?\s*\(?\s*$",
    re.IGNORECASE,
)
# "1.2 x 0.9 cm previously 1.1 x 0.9 cm": a cue followed by a value belongs to that value.
_PRIOR_AFTER = re.compile(
    r"^\s*\)?\s*(?:(?:previously|prior)(?!\s*:?\s*(?:measur\w+\s+)?(?:approximately\s+)?\d)|"
    r"(?:at|on) baseline|(?:-+>|\u2192)\s*\d|"
    r"on (?:the )?(?:prior|previous|preceding|earlier|last)\b|"
    rf"{_AGO}|"
    r"(?:on|in) \d{1,2}/\d{1,2}/\d{2,4}|(?:on|in) (?:19|20)\d\d\b)",
    re.IGNORECASE,
)
# "previously 1.8 x 1.2 cm with SUVmax 8.7": every value of a clause opened by a prior cue.
# "Then" before an action ("then injected 12 mL", "then advanced") orders the steps of a
# procedure; it opens no earlier study.
# Non-native dictation opens it with "before" ("now 2.1 cm, before 3.4 cm") or leaves the study
# unnamed ("In previous it was 1.1 cm"); a clause of the change idiom with "was" ("1.5 cm, SUVmax
# 5.8, was 2.9 cm SUVmax 14.0").
_PRIOR_CLAUSE = re.compile(
    r"(?:^\s*|[,;(]\s*)(?:previously|prev\.?|formerly|prior(?:ly)?|initially|originally|"
    r"then(?!\s+(?!measured\b)[a-z]+ed\b)|"
    rf"baseline|before|(?<=[,;]\s)was|{_AGO}|"
    r"(?:on|in|at) (?:the )?(?:prior|previous|preceding|earlier)"
    r"(?: (?:study|exam\w*|scan|ct|mri?)|(?= (?:it|they|this|these) (?:was|were|measured))))"
    r"\b(?:(?!\bnow\b|\bcurrently\b)[^,;()])*$",
    re.IGNORECASE,
)
# "(prior 1.0 cm, SUV 4.2)": a parenthesis opened by a prior cue is prior to its end, commas
# and all.
_PRIOR_PAREN = re.compile(
    rf"\(\s*(?:prior|previously|previous|prev\.?|baseline|was|were|{_BEFORE_TREATMENT})\b[^()]*$",
    re.IGNORECASE,
)
# A line break starts a clause even before a digit ("\n12 months ago 4.2 cm"); a point or colon
# before one is a decimal or a ratio.
_CLAUSE_START = re.compile(r"(?:[.;:](?!\d)|\n)[^.;:\n]*$")
# "Baseline: bulky mass SUVmax 14.2": a sentence labelled as the earlier study's account.
# "Prior 6 mo ago:", "Previous study 3/2024:": the label may say when the earlier study was.
_PRIOR_LABEL = re.compile(r"(?:^|[\n.])\s*(?:baseline|prior|previous)(?:\s+[\w/-]+){0,4}\s*$", re.I)
# "Progression of the curve 24 to 32 deg": a range said of a change is the earlier value, then
# the current one.
_CHANGE_BEFORE = re.compile(
    r"\b(?:progress\w*|increas\w*|decreas\w*|grow\w*|grew|enlarg\w*|worsen\w*|improv\w*|"
    r"reduc\w*|shr[iu]nk\w*|chang\w*)\b[^.;:\n]*$",
    re.IGNORECASE,
)
# Standardised uptake values are written after their label: "SUVmax 6.4", "SUV of 2.1".
_SUV_RE = re.compile(
    r"\bSUV\s*(?:max|peak|mean)?\s*(?:(?:of|is|was|=|:)\s*)?(?:now\s+)?(?:approximately\s+)?"
    r"(\d+(?:\.\d+)?)(?![\d.]*\s*(?:mm|cm))",
    re.IGNORECASE,
)
# Reference uptake is named by its organ in PET reports: "MBP 2.0, liver 2.6"; and one label may
# lead a list: "SUVmax 8.1 and 5.4 respectively".
_REFERENCE_SUV_RE = re.compile(
    r"\b(?:mbp|(?:mediastinal )?blood pool|liver)(?:\s+(?:background|reference))?\s*"
    r"(?:suv\s*(?:max|mean)?)?\s*(?:of|=|:|\()?\s*"
    r"(\d{1,2}\.\d)(?![\d.]*\s*(?:mm|cm|%))",
    re.IGNORECASE,
)
_SUV_MORE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(\d+\.\d+)(?![\d.]*\s*(?:mm|cm|%))")
# Unitless ratios are written after their name: "RV/LV ratio 1.4", "RV/LV 0.8", "ICA/CCA 1.3",
# "RAR 3.8" (renal-aortic), "RI 0.7" (resistive index), "PI 0.98" (pulsatility index), "ABI
# 0.78" (ankle-brachial); a side letter may stand between the name and its value ("RI R 0.64").
_RATIO_RE = re.compile(
    r"\b(?:ratio|rv/lv|s/d|ica/cca|rar|index|ankle-brachial indices|ri|pi|abis?|tbi)"
    r"\s*(?:of|is|was|=|:)?\s*"
    r"(?:(?:r|l|rt|lt|right|left)\s+)?"
    r"(?:approximately\s+|about\s+)?"
    r"(?:(?:less|greater|more)\s+than\s+|[<>]\s*)?(\d+(?:\.\d+)?)(?![\d.]*\s*(?:mm|cm|%|:))",
    re.IGNORECASE,
)
# Values whose unit goes without saying after their name: "PSV 92" (cm/s), "T-score -2.6".
_VELOCITY_RE = re.compile(
    r"\b(?:psv|edv|peak systolic velocity|end[- ]diastolic(?: velocity)?)\s*(?:of|is|was|=|:)?\s*"
    r"(\d+(?:\.\d+)?)(?!\.?\d|\s*(?:cm|m|mm)\b|\s*(?:cm|m)/)",
    re.IGNORECASE,
)
# "SUVmax decreasing from 5.6 to 1.8": a named value's change, the prior value first.
_NAMED_CHANGE = re.compile(
    r"\b(?:(?P<suv>SUV\s*(?:max|peak|mean)?)|ratio)\s+"
    r"(?:(?:has\s+)?(?:de|in)creas\w*|fell|fallen|rose|risen|dropped|changed)?\s*from\s+"
    r"(?P<a>\d+(?:\.\d+)?)\s+to\s+(?P<b>\d+(?:\.\d+)?)(?![\d.]*\s*(?:mm|cm|%))",
    re.IGNORECASE,
)
# Heart rates are written after their name without "bpm": "FHR 148", "heart rate of 72", "HR
# 58" (but "4 hr 28%" is a time).
_RATE_RE = re.compile(
    r"(?<![\d\s])\s*\b(?:fhr|fetal heart rate|heart rate|hr)\s*(?:of|is|was|=|:)?\s*"
    r"(\d{2,3})(?!\.?\d|\s*(?:bpm|beats)\b|\s*%)",
    re.IGNORECASE,
)
# Bone mineral density after its name, its unit (g/cm2) left unsaid: "L fem neck: BMD 0.812",
# or as densitometry shorthand writes it, a three-decimal value before its T- or Z-score ("L fem
# neck 0.701 T -2.6").
_BMD_RE = re.compile(
    r"(?:\bbmd\s*(?:of|is|was|=|:)?\s*"
    r"|(?<![\w.])(?=\d\.\d{3},?\s+[tz](?:-?score)?\s*[-\u2212+]?\s*\d))"
    r"(\d\.\d+)(?!\d|\s*g\b)",
    re.IGNORECASE,
)
_SCORE_RE = re.compile(
    r"\b(?:(t|z|calcium|agatston)[- ]?score[ \t]*(?:of|is|was|=|:)?[ \t]*"
    # "calcium score zero Agatston": a zero score is dictated as the word.
    r"([-+\u2212\u2013]?[ ]?\d+(?:\.\d+)?|zero\b)"
    # A bare "T -1.4" only with its sign: "T2" is a sequence, not a score.
    r"|(t|z)\s+([-+\u2212\u2013][ ]?\d+(?:\.\d+)?))",
    re.IGNORECASE,
)
PRIOR = ":prior"
# A side word that labels a value itself: "right 18 mm", "left: 58%", "42% left".
_SIDE_BEFORE = re.compile(r"\b(left|right|lt|rt)\s*:?\s*$", re.IGNORECASE)
# Dictation's capital letter alone labels a value too: "ABI R 0.78 ... L 1.02".
_SIDE_LETTER_BEFORE = re.compile(r"(?<![A-Za-z0-9/\-])([LR])\s*:?\s+$")
# After the value only where the side ends the phrase ("42% left and 58% right"), not where it
# begins the next ("5 mm right lower lobe").
# "2 mm on the right and 3 mm on the left" gives each value its side the same way.
_SIDE_AFTER = re.compile(
    r"^\s*(?:on\s+the\s+)?(left|right)\b(?!\s*(?:-|(?!(?:and|or)\b)\w))", re.IGNORECASE
)


# What names a value: the last words before it in its clause, fillers skipped ("Cephalic vein
# diameter 6 mm" -> ("vein", "diameter"); "24-hour uptake 58%" -> ("24-hour", "uptake")).
_LABEL_WORD = re.compile(r"[a-z][a-z0-9-]*|\d+-[a-z]+")
_LABEL_FILLER = frozenset(
    "measures measuring measured measure is are was were of at approximately about up to the a "
    "an with and now currently by in on percentage percent".split()
)
# Abbreviated names of values, read as their words: "APW 70%" is the absolute washout.
_LABEL_WORDS = {
    "apw": ("absolute", "washout"),
    "rpw": ("relative", "washout"),
    "apw%": ("absolute", "washout"),
    "rpw%": ("relative", "washout"),
}
_LABEL_STOP = re.compile(r"[,;:(\n]|\.(?!\d)")
# Obstetric Doppler vessels and fetal biometry are dictated by abbreviation and written out in
# reports ("UA PI 1.21" / "Umbilical artery PI 1.21"): the spelled-out name is read as its
# abbreviation, so both texts name the value alike and two values trading vessels show.
_SPELLED_NAMES = re.compile(
    r"\b(?:(umbilical\s+artery)|(middle\s+cerebral\s+artery)|(ductus\s+venosus)"
    r"|(head\s+circumference)|(abdominal\s+circumference)|(femur\s+length)"
    r"|(biparietal\s+diameter))\b"
)
_ABBREVIATIONS = ("ua", "mca", "dv", "hc", "ac", "fl", "bpd")


# A time point names a value it stands next to: "4 hr 28%", "24-hour uptake 62%", "28% at 24
# hours". Said after the value, it names that one; said before, only across a word or two.
_HOURS = r"(\d+)[\s-]*(?:h|hr|hrs|hours?)\b"
_TIME_AFTER = re.compile(rf"\s*(?:at|@)\s*{_HOURS}", re.IGNORECASE)
_TIME_BEFORE = re.compile(
    rf"{_HOURS}(?:\s+(?!and\b|or\b)[a-z]+){{0,2}}\s*(?:of|is|was|=|:)?\s*$", re.IGNORECASE
)


def _abbreviated(words: str) -> str:
    """The words with spelled-out vessel and biometry names read as their abbreviations."""
    return _SPELLED_NAMES.sub(lambda m: _ABBREVIATIONS[m.lastindex - 1], words)


def _value_label(text: str, start: int, end: int) -> tuple[str, ...]:
    """Up to two words naming the value at text[start:end]; () when none."""
    window = text[max(0, start - 48) : start]
    cut = max((m.end() for m in _LABEL_STOP.finditer(window)), default=0)
    timed = _TIME_AFTER.match(text, end, end + 20) or _TIME_BEFORE.search(window, cut)
    if timed:
        return (f"{int(timed.group(1))}-hour",)
    raw = _LABEL_WORD.findall(_abbreviated(window[cut:].lower()))
    if not raw and cut and window[cut - 1] == ":":
        # "Pyloric channel length: 14 mm": a value given after its name and a colon.
        colon = cut
        cut = max((m.end() for m in _LABEL_STOP.finditer(window, 0, cut - 1)), default=0)
        timed = _TIME_BEFORE.search(window, cut, colon)
        if timed:
            return (f"{int(timed.group(1))}-hour",)  # "- 4 hours: 42%"
        raw = _LABEL_WORD.findall(window[cut:].lower())
    if "of" in raw:
        # "transverse diameter of the pylorus is 1.9 cm": the value is the diameter; what
        # follows "of" names whose it is.
        k = len(raw) - 1 - raw[::-1].index("of")
        head = [w for w in raw[:k] if w not in _LABEL_FILLER]
        if head and any(w not in _LABEL_FILLER for w in raw[k + 1 :]):
            return tuple(head[-2:])
    words = [x for w in raw if w not in _LABEL_FILLER for x in _LABEL_WORDS.get(w, (w,))]
    return tuple(words[-2:])


def _value_side(text: str, start: int, end: int) -> str | None:
    """L or R when a side word stands right before (or alone right after) the value."""
    hit = (
        _SIDE_BEFORE.search(text, max(0, start - 8), start)
        or _SIDE_AFTER.match(text[end : end + 20])
        or _SIDE_LETTER_BEFORE.search(text, max(0, start - 4), start)
    )
    return ("L" if hit.group(1).lower() in ("left", "lt", "l") else "R") if hit else None


_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# A number naming a category or a grade, not an amount ("PI-RADS 4", "grade 2").
_CATEGORY_BEFORE = re.compile(
    r"(?:rads|grade|category|cat|stage|type|station|level|score)\s*:?\s*$", re.IGNORECASE
)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r" [A-Za-z]")
_SIDE_VALUE_AFTER = re.compile(r"[ \t]+(?:[A-Z]{2,4}[ \t]+)?\d")
_NEEDLE_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+){0,2}?(?:needles?|cannula|catheter|angiocath|trocar|introducer|sheath)\b",
    re.IGNORECASE,
)
_SITE_AFTER = re.compile(r"\)?\s*(?:radius|site)\b", re.IGNORECASE)


# "1.8 mm compared to 0.5 mm at the middle finger": a value compared with another site's (the
# contralateral or a neighbouring structure) is a reference taken today, not an earlier size.
_COMPARED_BEFORE = re.compile(r"\bcompared (?:to|with)\s*\(?\s*$", re.IGNORECASE)
_OTHER_SITE_AFTER = re.compile(
    r"\s*(?:at|in|of|on)\s+(?:the\s+)?(?!(?:that|this|the)\b|prior\b|previous|preceding|"
    r"earlier|last\b|baseline|initial|original|outside|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\b)[a-z]",
    re.IGNORECASE,
)


# "compared with 18 degrees on the post-cast film last week": the other study is named by when
# it was, so the value is an earlier one whatever the film is called.
_WHEN_EARLIER = re.compile(
    r"[^.;\n]{0,50}?\b(?:last\s+(?:week|month|year)|yesterday|ago)\b", re.IGNORECASE
)
# "now 18 degrees, was 10 degrees", "APD 11 mm, was 15 mm on scan 2 months ago": the change
# idiom, the current value then the earlier one, told by "now" before it or a time after it.
_WAS_BEFORE = re.compile(r"[,;]\s*was\s+$", re.IGNORECASE)
_NOW_BEFORE = re.compile(r"\bnow\b[^.;\n]{0,40}$", re.IGNORECASE)
# "stable compared to the previous exam (2.2 cm vs 2.1 cm)": set against an earlier study, the
# value after "vs" is the earlier one. So it is where the sentence calls the finding stable or
# changed ("stable IIF cyst, 2.4 vs 2.3 cm"): that says over time.
_VERSUS_EARLIER = re.compile(
    r"\b(?:(?:compare[ds]?|relative)\s+(?:to|with)\s+(?:the\s+)?"
    r"(?:previous|prior|preceding|earlier|last|old)|stable|unchanged|"
    r"(?:increas|decreas|enlarg|grow|reduc)\w*|grew|larger|smaller)\b(?:[^.;\n]|\.(?=\d))*"
    r"\b(?:vs\.?|versus)\s*$",
    re.IGNORECASE,
)


def _is_prior(text: str, start: int, end: int) -> bool:
    """True when the value at text[start:end] describes an earlier study."""
    after = text[end : end + 30]
    if _PRIOR_AFTER.match(after):
        return True
    before = _PRIOR_BEFORE.search(text, max(0, start - 40), start)
    if before and not (
        _COMPARED_BEFORE.search(text, before.start(), start)
        and _OTHER_SITE_AFTER.match(after)
        and not _WHEN_EARLIER.match(text, end, end + 60)
    ):
        return True
    if _WAS_BEFORE.search(text, max(0, start - 8), start):
        was = text.rfind("was", 0, start)
        if _NOW_BEFORE.search(text, max(0, was - 45), was) or _WHEN_EARLIER.match(
            text, end, end + 60
        ):
            return True
    if _PRIOR_PAREN.search(text, max(0, start - 80), start):
        return True
    if _VERSUS_EARLIER.search(text, max(0, start - 120), start):
        return True
    sentence = _CLAUSE_START.search(text, max(0, start - 200), start)
    begin = sentence.start() + 1 if sentence else max(0, start - 200)
    if sentence and text[sentence.start()] == ":":
        if _PRIOR_LABEL.search(text, max(0, sentence.start() - 30), sentence.start()):
            return True
    return bool(_PRIOR_CLAUSE.search(text[begin:start]))


# A table row ("| 1 | RLL mass | 2.6 cm | 3.4 cm |") takes the meaning of each value from its
# column's heading: a "Prior" or "Baseline" column holds earlier sizes, an "SUVmax" column holds
# uptake values written without their name.
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_PRIOR_COLUMN = re.compile(
    rf"\b(?:prior|previous|baseline|comparison|{_BEFORE_TREATMENT})\b", re.IGNORECASE
)
_VALUE_COLUMN = re.compile(
    rf"{_PRIOR_COLUMN.pattern}|\b(?:current|now|size|diameter|axis)\b", re.IGNORECASE
)
_SUV_COLUMN = re.compile(r"\bsuv", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]|\s*(?:%|mm|cm)\b)")


def _table_rows(text: str) -> list[list[tuple[int, int, str]]]:
    """Each body row of the pipe tables in the text: (start, end, column heading) per cell."""
    rows: list[list[tuple[int, int, str]]] = []
    header: list[str] | None = None
    last_end = -2
    for row in _TABLE_ROW.finditer(text):
        bars = [row.start() + k for k, c in enumerate(row.group()) if c == "|"]
        spans = list(zip(bars, bars[1:]))
        if header is None or row.start() != last_end + 1:
            header = [text[a + 1 : b].strip() for a, b in spans]
        elif not set(text[bars[0] : bars[-1]]) <= set("|-: \t"):
            rows.append([(a + 1, b, head) for (a, b), head in zip(spans, header)])
        last_end = row.end()
    return rows


def table_cells(text: str) -> list[tuple[int, int, str]]:
    """(start, end, column heading) of every body cell of the pipe tables in the text."""
    return [cell for row in _table_rows(text) for cell in row] if "|" in text else []


def comparison_labels(text: str) -> list[tuple[int, int]]:
    """Spans of the naming cells of rows in tables that set prior values beside current ones."""
    # Such a row names the finding in that cell and states it, then and now, in the others.
    labels = []
    for row in _table_rows(text) if "|" in text else []:
        if any(_PRIOR_COLUMN.search(head) for _, _, head in row):
            # The name comes before the first column of values.
            for a, b, head in row:
                if _VALUE_COLUMN.search(head):
                    break
                if re.search(r"[a-z]{3}", text[a:b], re.IGNORECASE):
                    labels.append((a, b))
                    break
    return labels


def _table_values(text: str, rows: list[list[tuple[int, int, str]]]) -> list[Measurement]:
    """Unit-less uptake values in the SUV columns of a table, or in the value cells of a row
    whose name says SUV ("| Mediastinal mass, SUVmax | 15.6 | 2.4 |")."""
    out = []
    for row in rows:
        name = next(((a, b) for a, b, _ in row if re.search(r"[a-z]{3}", text[a:b], re.I)), None)
        suv_row = name is not None and bool(_SUV_COLUMN.search(text, *name))
        for start, end, head in row:
            if _SUV_COLUMN.search(head) or (suv_row and (start, end) != name):
                for m in _BARE_NUMBER.finditer(text, start, end):
                    out.append(Measurement(m.start(), m.end(), "suv", (_norm(float(m.group())),)))
    return out


@lru_cache(maxsize=256)
def _unit(surface: str) -> tuple[str, float]:
    """Dimension and factor of a unit surface such as 'cm' or 'mm Hg'."""
    key = re.sub(r"\s+", " ", surface.lower())
    return UNITS.get(key) or UNITS[key.replace(" ", "")]


_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", ",": None, " ": None})


def number(written: str) -> float:
    """A written number: thousands separators ("1,520") and a typographic minus ("\u22121.4",
    "- 1.4") allowed."""
    return float(written.translate(_MINUS))


def _norm(value: float) -> float:
    """Round away float noise so 1.8 cm and 18 mm compare equal."""
    return round(value, 4)


def extract_measurements(text: str) -> list[Measurement]:
    """Every measurement in the text, with dimensions as a tuple in the base unit."""
    found: list[Measurement] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE_RE.finditer(text):
        dim, factor = _unit(m.group("ub"))
        if m.group("ua") and _unit(m.group("ua"))[0] != dim:
            continue
        fa = _unit(m.group("ua"))[1] if m.group("ua") else factor
        values = (_norm(number(m.group("a")) * fa), _norm(number(m.group("b")) * factor))
        if (
            _FROM.search(text, max(0, m.start() - 12), m.start())
            or values[0] > values[1]
            or (
                " to" in m.group(0)
                and _CHANGE_BEFORE.search(text, max(0, m.start() - 60), m.start())
            )
        ):
            # "from 6 mm to 8 mm" is a change: the prior value, then the current one. So is
            # "9 mm to 6 mm": nobody writes a range from its top.
            first_end = m.end("ua") if m.group("ua") else m.end("a")
            found.append(Measurement(m.start(), first_end, dim + PRIOR, values[:1]))
            found.append(Measurement(m.start("b"), m.end(), dim, values[1:]))
        else:
            found.append(Measurement(m.start(), m.end(), dim, values, is_range=True))
        taken.append((m.start(), m.end()))
    for m in _DIMS_RE.finditer(text):
        if taken and any(s <= m.start() < e for s, e in taken):
            continue
        if _LEVEL_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        groups = m.groups()  # n0, u0, n1, u1, n2, u2
        if not (groups[1] or groups[3] or groups[5]):
            continue  # no unit at all: a bare number
        parts = [(groups[2 * i], groups[2 * i + 1]) for i in range(3) if groups[2 * i]]
        units = [u for _, u in parts if u]
        # A unit written once at the end applies to every dimension before it.
        last = units[-1]
        end = m.end()
        if not parts[-1][1]:
            # Trailing number without a unit ("5 mm x 3") is not part of this measurement.
            while parts and not parts[-1][1]:
                parts.pop()
            end = m.start(f"u{len(parts) - 1}") + len(parts[-1][1])
        dim = _unit(last)[0]
        if last.lower() == "ga" and text[end : end + 1] == "-":
            continue  # "68Ga-PSMA" names an isotope
        if last == "%" and _SITE_AFTER.match(text, end):
            continue  # "one-third (33%) radius site": densitometry names a site by its share
        if (
            last == "L"
            and parts[0][0].isdigit()
            and int(parts[0][0]) <= 14
            and (m.end("n0") == end - 1 or _WORD_AFTER.match(text, end))
            and not _OF_AFTER.match(text, end)
        ):
            # "station 4L", "10L": a nodal station and its side; "PI-RADS 4 L mid PZ" a score
            # and a side; "2L of fluid" stays.
            continue
        if last == "L" and _SIDE_VALUE_AFTER.match(text, end):
            # "brachial R 142 L 138", "R DP 110 L DP 68": a spaced L before the next value (or
            # its short name) is the side of that value, not litres.
            continue
        if last == "L" and _CATEGORY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "PI-RADS 4 L base PZ": a category, then the side of the next finding
        if last.lower() == "ms" and last != "ms":
            continue  # "2 MS plaques": multiple sclerosis, not milliseconds
        if last == "G" or (last == "g" and _NEEDLE_AFTER.match(text, end)):
            # "18G", "18 G": a capital G is a needle gauge; grams are "g", except before the
            # needle or catheter it sizes ("22g spinal needle" is no 22 grams).
            dim = "gauge"
        distance = None
        if len(parts) >= 2 and all(u for _, u in parts) and _DISTANCE_AFTER.match(text, end):
            # "14 mm AP x 10 mm retraction": the last value, with its own unit and named as a
            # distance, is no dimension of the size before it but a second measurement.
            i = len(parts) - 1
            d, factor = _unit(parts[i][1])
            distance = Measurement(m.start(f"n{i}"), end, d, (_norm(number(parts[i][0]) * factor),))
            parts.pop()
            end = m.end(f"u{i - 1}")
        values = []
        for num, unit in parts:
            d, factor = _unit(unit or last)
            if dim == "gauge":
                d, factor = dim, 1.0
            if d != dim:
                break
            values.append(_norm(number(num) * factor))
        found.append(Measurement(m.start(), end, dim, tuple(values)))
        if distance is not None:
            found.append(distance)
    found += _shared_unit_list(text, found)
    folded = text.lower()
    # Uptake values are read only where a text speaks of uptake values at all.
    uptake = "suv" in folded or "mbp" in folded or "blood pool" in folded
    for m in _SUV_RE.finditer(text) if uptake else ():
        found.append(Measurement(m.start(1), m.end(1), "suv", (_norm(float(m.group(1))),)))
        more = _SUV_MORE.match(text, m.end())
        while more:
            found.append(Measurement(more.start(1), more.end(1), "suv", (_norm(float(more[1])),)))
            more = _SUV_MORE.match(text, more.end())
    for pattern, dim in (
        (_REFERENCE_SUV_RE if uptake else None, "suv"),
        (_RATIO_RE, "ratio"),
        (_VELOCITY_RE, "velocity"),
        (_RATE_RE, "rate"),
        (_BMD_RE, "bone_density"),
    ):
        for m in pattern.finditer(text) if pattern is not None else ():
            found.append(Measurement(m.start(1), m.end(1), dim, (_norm(float(m.group(1))),)))
    for m in _NAMED_CHANGE.finditer(text):
        dim = "suv" if m.group("suv") else "ratio"
        found.append(Measurement(m.start("a"), m.end("a"), dim + PRIOR, (_norm(float(m["a"])),)))
        found.append(Measurement(m.start("b"), m.end("b"), dim, (_norm(float(m["b"])),)))
    found += _unitless_priors(text, found)
    found += _labelled_run(text, found)
    rows = _table_rows(text) if "|" in text else []
    cells = [cell for row in rows for cell in row]
    if cells:
        taken_at = {m.start for m in found}
        found += [m for m in _table_values(text, rows) if m.start not in taken_at]
    prior_cells = [(a, b) for a, b, head in cells if _PRIOR_COLUMN.search(head)]
    for m in _SCORE_RE.finditer(text):
        group = 2 if m.group(1) else 4
        kind = m.group(group - 1).lower()
        dim = "calcium_score" if kind in ("calcium", "agatston") else f"{kind}_score"
        written = m.group(group)
        value = 0.0 if written.lower() == "zero" else _norm(number(written))
        found.append(Measurement(m.start(group), m.end(group), dim, (value,)))
    for meas in found:
        if not meas.dim.endswith(PRIOR) and (
            _is_prior(text, meas.start, meas.end)
            or any(a <= meas.start < b for a, b in prior_cells)
        ):
            meas.dim += PRIOR
        meas.side = _value_side(text, meas.start, meas.end)
        meas.label = _value_label(text, meas.start, meas.end)
        meas.bound = _bound(text, meas.start)
    found += _listed_before(text, found)
    found.sort(key=lambda x: x.start)
    return _minutes_and_seconds(text, found)


# "sinus diameters 30, 31, 29 mm", "3 and 4 mm", "2.4 vs 2.3 cm": the unit written once after
# a list of numbers is each number's. Not after a counter that numbers things ("image 3, 5 mm"), nor
# after a class the number names ("FIGO type 4, 30 mm").
_LISTED_NUMBER = re.compile(
    r"(?<![\w./:-])(\d+(?:\.\d+)?)\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+(?:vs\.?|versus)\s+)$"
)
_COUNTER_BEFORE = re.compile(
    r"\b(?:image|images|im|series|se|level|levels|segment|segments|station|stations|rib|ribs|"
    r"grade|slice|slices|zone|zones|v|version|type|class|category|stage|figo|bosniak)\s*$",
    re.IGNORECASE,
)


_VERSUS_JOIN = re.compile(r"\s(?:vs\.?|versus)\s+$")


def _listed_before(text: str, found: list[Measurement]) -> list[Measurement]:
    """The bare numbers listed right before a single length, each in its unit."""
    out: list[Measurement] = []
    taken = [(m.start, m.end) for m in found]
    for meas in found:
        # "stable, 2.4 vs 2.3 cm": the earlier size's unit is also the current one's before it.
        earlier = meas.dim == "length" + PRIOR
        if (meas.dim != "length" and not earlier) or len(meas.values) != 1 or meas.is_range:
            continue
        written = _DIMS_RE.match(text, meas.start)
        unit = next((u for u in reversed(written.groups()[1::2]) if u), None) if written else None
        if unit is None:
            continue
        factor = _unit(unit)[1]
        at, listed = meas.start, []
        while True:
            m = _LISTED_NUMBER.search(text, max(0, at - 16), at)
            if m is None or any(a <= m.start(1) < b for a, b in taken):
                break
            listed.append(m)
            at = m.start()
            if earlier:
                break
        if not listed or _COUNTER_BEFORE.search(text, max(0, at - 12), at):
            continue
        if earlier and not _VERSUS_JOIN.search(listed[0].group(0)):
            continue
        for m in listed:
            value = (_norm(number(m.group(1)) * factor),)
            out.append(Measurement(m.start(1), m.end(1), "length", value))
    return out


# "1 minute 48 seconds", "8 min and 30 sec": one duration written in two units.
_DURATION_JOIN = re.compile(r"\s*(?:,|and)?\s*")
_SECONDS_UNIT = re.compile(r"(?<![a-z])(?:seconds?|secs?|s)\s*$", re.IGNORECASE)


def _minutes_and_seconds(text: str, found: list[Measurement]) -> list[Measurement]:
    """A whole number of minutes followed by its seconds is one duration (108 s), as a
    dictated fluoroscopy or exercise time is written either way."""
    if len(found) < 2:
        return found
    out: list[Measurement] = []
    for meas in found:
        last = out[-1] if out else None
        if (
            last is not None
            and meas.dim == last.dim == "time"
            and len(last.values) == len(meas.values) == 1
            and not (last.is_range or meas.is_range)
            and float(last.values[0] / 60).is_integer()
            and meas.values[0] < 60
            and _SECONDS_UNIT.search(text, meas.start, meas.end)
            and not _SECONDS_UNIT.search(text, last.start, last.end)
            and _DURATION_JOIN.fullmatch(text, last.end, meas.start)
        ):
            last.end = meas.end
            last.values = (_norm(last.values[0] + meas.values[0]),)
            continue
        out.append(meas)
    return out


# "23 x 18 mm (prior 31 x 25)", "11 mm SA (prior 16)": the earlier size written without its
# unit, which is the unit of the size it follows.
# "SUVmax 1.8, previously 5.6": the same after a comma, when no unit follows the number.
# "1.2 cm, was 1.6 baseline": the study the value was taken on may follow it.
_STUDY_AFTER = r"\s+(?:(?:on|at|in)\s+(?:the\s+)?)?(?:baseline|prior|previous(?:ly)?)"
_UNITLESS_PRIOR = re.compile(
    r"(?:\(|(?P<comma>,))\s*(?:prior|previously|previous|prev\.?|was|baseline|before|"
    r"at baseline)\s*:?\s*"
    rf"(?P<n0>{_FIRST_NUM})(?:\s*(?:x|×)\s*(?P<n1>{_NUM}))?(?:\s*(?:x|×)\s*(?P<n2>{_NUM}))?"
    rf"(?(comma)(?:{_STUDY_AFTER}\b|(?!\.?\d|\s*[a-z%/(]))|\s*\))",
    re.IGNORECASE,
)
# Dictation drops the comma too: "subcarinal 0.9 cm prev 1.4", "spleen 12 cm from 15", "0.6 cm
# was 0.9".
_BARE_UNITLESS_PRIOR = re.compile(
    r"(?<=[a-z%])\s+(?:previously|prev\.?|prior|from|was)\s+"
    rf"(?P<n0>{_FIRST_NUM})(?:\s*(?:x|×)\s*(?P<n1>{_NUM}))?(?:\s*(?:x|×)\s*(?P<n2>{_NUM}))?"
    r"(?!\.?\d|\s*[a-z%/(:×'])",
    re.IGNORECASE,
)
# "was 4.2 baseline and 3.6 on prior", "was 2.5 baseline, 2.0 prior": a further earlier value
# named by its study after it, in the unit of the values before it.
_LISTED_PRIOR = re.compile(
    r"(?:,|\band)\s*"
    rf"(?P<n0>{_FIRST_NUM})(?:\s*(?:x|×)\s*(?P<n1>{_NUM}))?(?:\s*(?:x|×)\s*(?P<n2>{_NUM}))?"
    r"\s+(?:(?:on|at|in)\s+(?:the\s+)?)?(?:baseline|prior|previous(?:ly)?)\b(?!\s*\d)",
    re.IGNORECASE,
)
_NAMED_DIMS = frozenset({"suv", "ratio", "velocity"})
_UNITLESS_GAP = re.compile(r"[\sa-z]{0,12}", re.IGNORECASE)
# Shorthand for a change: "mass 9.1 x 6.3 -> 3.2 x 1.9 cm" gives the prior first, unit unsaid.
_ARROW_PRIOR = re.compile(
    rf"(?P<n0>{_FIRST_NUM})(?:\s*(?:x|×)\s*(?P<n1>{_NUM}))?(?:\s*(?:x|×)\s*(?P<n2>{_NUM}))?"
    r"\s*(?:-+>|→|=>)\s*",
    re.IGNORECASE,
)


def _borrow_from_size_before(
    text: str, patterns: list[re.Pattern[str]], found: list[Measurement], out: list[Measurement]
) -> None:
    """Each unitless prior the patterns find takes the unit of the size right before it, which
    may be an earlier unitless prior ("1.2 cm, before 1.6, at baseline 2.4")."""
    matches = sorted((m for p in patterns for m in p.finditer(text)), key=lambda m: m.start())
    if not matches:
        return
    sizes = sorted((m for m in found if not m.is_range), key=lambda m: m.end)
    ends = [m.end for m in sizes]
    units: dict[int, tuple[str, float]] = {}
    taken: set[int] = set()
    for m in matches:
        k = bisect_right(ends, m.start())
        if (
            m.start("n0") not in taken
            and k
            and _UNITLESS_GAP.fullmatch(text, ends[k - 1], m.start())
        ):
            made = _borrow_unit(text, m, sizes[k - 1], out, units.get(id(sizes[k - 1])))
            if made is not None:
                taken.add(made[0].start)
                units[id(made[0])] = made[1]
                k = bisect_right(ends, made[0].end)
                sizes.insert(k, made[0])
                ends.insert(k, made[0].end)


def _unitless_priors(text: str, found: list[Measurement]) -> list[Measurement]:
    """Prior sizes that borrow the unit of the size right before (or, after an arrow, right
    after) them."""
    out: list[Measurement] = []
    if found:
        patterns = [_BARE_UNITLESS_PRIOR]
        if "(" in text or "," in text:
            patterns.append(_UNITLESS_PRIOR)
        if "," in text or " and " in text:
            patterns.append(_LISTED_PRIOR)
        _borrow_from_size_before(text, patterns, found, out)
    if ">" in text or "→" in text:
        after = {m.start: m for m in found if not m.is_range and not m.dim.endswith(PRIOR)}
        for m in _ARROW_PRIOR.finditer(text):
            if m.end() in after:
                _borrow_unit(text, m, after[m.end()], out)
    return out


# Biometry is dictated as a list of abbreviated labels with the unit said once at the end:
# "HC 175 AC 150 FL 32 mm", "BPD 48 HC 178 AC 155 FL 33 mm". Every bare number in the run is
# in that unit, so "HC 17.5 cm" in the report restates the dictated 175.
_LABELLED_VALUE = r"\b[A-Z]{2,4}\s+\d{1,3}(?:\.\d+)?(?![\d.])"
_SHARED_UNIT_LIST = re.compile(
    rf"(?:{_LABELLED_VALUE},?\s+){{1,6}}[A-Z]{{2,4}}\s+\d{{1,3}}(?:\.\d+)?\s*(?P<unit>mm|cm)\b"
)
_LABELLED_NUMBER = re.compile(r"\b[A-Z]{2,4}\s+(\d{1,3}(?:\.\d+)?)(?![\d.])")


def _shared_unit_list(text: str, found: list[Measurement]) -> list[Measurement]:
    """Bare labelled values in a list whose one unit is written after its last value."""
    out: list[Measurement] = []
    if "mm" not in text and "cm" not in text:
        return out
    taken = {m.start for m in found}
    for run in _SHARED_UNIT_LIST.finditer(text):
        dim, factor = _unit(run.group("unit"))
        for m in _LABELLED_NUMBER.finditer(text, run.start(), run.start("unit")):
            if m.start(1) in taken:
                continue  # the last value, which carries the unit itself
            out.append(Measurement(m.start(1), m.end(1), dim, (_norm(number(m[1]) * factor),)))
    return out


# "annulus 26 mm. sinuses 42. STJ 36. proximal arch 35.": dictated aortic levels, each a short
# label and a bare number in its own clause, all in the unit said after the first.
_LABELLED_CLAUSE = re.compile(
    r"\s*[.,;]\s*(?P<label>(?:[A-Za-z][\w/-]*\s+){1,3})(?P<n>\d{1,3}(?:\.\d+)?)"
    rf"(?:\s+{_AGO})?(?=\s*(?:[.,;\n]|$))",
    re.IGNORECASE,
)


def _labelled_run(text: str, found: list[Measurement]) -> list[Measurement]:
    """The bare labelled numbers in the clauses after a millimetre size, each in millimetres."""
    out: list[Measurement] = []
    if "mm" not in text:
        return out
    by_start = {m.start: m for m in found}
    for meas in found:
        if meas.dim != "length" or len(meas.values) != 1 or meas.is_range:
            continue
        if not text[meas.start : meas.end].lower().endswith("mm"):
            continue
        at = meas.end
        while (m := _LABELLED_CLAUSE.match(text, at)) is not None:
            if _COUNTER_BEFORE.search(m.group("label").rstrip()):
                break  # "segment 7": a counter, not a size
            taken = by_start.get(m.start("n"))
            if taken is None:
                value = (_norm(number(m.group("n"))),)
                made_now = Measurement(m.start("n"), m.end("n"), "length", value)
                out.append(made_now)
                by_start[made_now.start] = made_now
            at = m.end()
    return out


def _borrow_unit(
    text: str,
    m: re.Match,
    size: Measurement,
    out: list[Measurement],
    unit: tuple[str, float] | None = None,
) -> tuple[Measurement, tuple[str, float]] | None:
    """The unitless values matched by m, as a prior in the unit of the neighbouring size (or
    the given one, where that size borrowed its own), with the unit it took."""
    if unit is not None:
        dim, factor = unit
    elif size.dim in _NAMED_DIMS:
        # "SUVmax 3.2 (prev 11.6)": the prior is a value of the same named kind.
        dim, factor = size.dim, 1.0
    else:
        written = _DIMS_RE.match(text, size.start)
        said = next((u for u in reversed(written.groups()[1::2]) if u), None) if written else None
        if said is None:
            return None
        dim, factor = _unit(said)
    last = sum(1 for n in m.group("n1", "n2") if n)
    values = tuple(_norm(number(m.group(f"n{i}")) * factor) for i in range(last + 1))
    made = Measurement(m.start("n0"), m.end(f"n{last}"), dim.removesuffix(PRIOR) + PRIOR, values)
    out.append(made)
    return made, (dim, factor)


# "<1 mm beyond the muscularis", "less than 5 mm": a limit the quantity lies under or over,
# which "1 mm" alone does not say.
_BOUND_BEFORE = re.compile(
    r"(?:(?P<lt><|\u2264|\bless\s+than|\bunder|\bbelow)"
    r"|(?P<gt>(?<![-=])>|\u2265|\b(?:more|greater)\s+than|\bover|\babove))"
    r"\s*(?:or\s+equal\s+to\s+)?$",
    re.IGNORECASE,
)


def _bound(text: str, start: int) -> str:
    """ "<" or ">" when a limit word stands right before the value, else ""."""
    m = _BOUND_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return ""
    return "<" if m.group("lt") else ">"


def same_value(a: Measurement, b: Measurement) -> bool:
    """True when two measurements state the same quantity (dimension order ignored)."""
    return (
        a.dim == b.dim
        and a.bound == b.bound
        and a.is_range == b.is_range
        and sorted(a.values) == sorted(b.values)
    )


def covers(whole: Measurement, part: Measurement) -> bool:
    """True when a single value quotes one dimension of a multi-dimension measurement."""
    return (
        whole.dim == part.dim
        and whole.bound == part.bound
        and len(part.values) == 1
        and not part.is_range
        and part.values[0] in whole.values
    )
