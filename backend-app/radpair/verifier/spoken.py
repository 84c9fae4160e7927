"""Speech recognition's spoken punctuation read as the marks it stands for, offsets kept."""

from __future__ import annotations

import re

from radpair.verifier import lexicon as lx

_SPOKEN = re.compile(
    r"[ \t]*\b(period|full stop|semicolon|comma|colon|(?:new|next)[ \t]+(?:paragraph|line))\b",
    re.I,
)
# "4 point 5 cm": a spoken decimal point between two numbers.
_DECIMAL = re.compile(r"\b(\d+)[ \t]+point[ \t]+(\d+)\b", re.I)
_MARK = {"period": ".", "full stop": ".", "semicolon": ";", "comma": ",", "colon": ":"}
_WORD_BEFORE = re.compile(r"([\w-]+)[ \t]*\Z")
# "colon" is also the bowel: it is a mark only right after a section heading.
_COLON_AFTER = lx.SECTION_NAMES | {"exam", "examination", "procedure", "history", "indication"}
_COLON_NAMED_BY = frozenset(
    "sigmoid ascending descending transverse right left distal proximal mid redundant entire"
    " rectosigmoid whole and or of with to in the a an".split()
)
_ARTICLES = frozenset({"the", "a", "an", "no"})
# "period" is also a word ("for a period of", "the postpartum period"): a spoken one never
# follows a determiner or a word of time, and never takes "of".
_NOT_BEFORE_PERIOD = frozenset(
    "a an the this that each any short brief long time interval waiting window follow-up"
    " observation latent refractory recovery".split()
)
_PERIOD_WORD_ENDS = ("partum", "operative", "natal")
_OF_AFTER = re.compile(r"[ \t]+of\b", re.I)


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def _is_mark(text: str, m: re.Match, clause_start: int) -> bool:
    word = m.group(1).lower()
    if word == "colon":
        start = max(clause_start, *(text.rfind(c, 0, m.start()) + 1 for c in ".:;\n"))
        label = text[start : m.start()].strip().lower()
        if label in _COLON_AFTER:
            return True
        # A short label opening its clause ("menisci colon", "l two l three colon") is a
        # heading too, unless the bowel is named by it ("sigmoid colon", "the colon").
        words = label.split()
        return (
            0 < len(words) <= 4 and words[-1] not in _COLON_NAMED_BY and words[0] not in _ARTICLES
        )
    if word == "period":
        before = _word_before(text, m.start())
        if before in _NOT_BEFORE_PERIOD or before.endswith(_PERIOD_WORD_ENDS):
            return False
        return not _OF_AFTER.match(text, m.end())
    return True


def _decimal(m: re.Match) -> str:
    number = f"{m.group(1)}.{m.group(2)}"
    # Padded after the number: the unit may follow any run of spaces.
    return number + " " * (m.end() - m.start() - len(number))


_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUE = {w: i + 1 for i, w in enumerate(_ONES)} | {w: i + 10 for i, w in enumerate(_TEENS)}
_WORD_VALUE |= {w: (i + 2) * 10 for i, w in enumerate(_TENS)} | {"zero": 0, "oh": 0}
_O = "|".join(_ONES)
_BELOW_100 = rf"(?:(?:{'|'.join(_TENS)})(?:[ \t-]+(?:{_O}))?|{'|'.join(_TEENS)}|{_O}|zero)"
# "one hundred forty two", "six point one", "twenty five": one spoken number.
_SPOKEN_NUMBER = re.compile(
    rf"\b(?:(?:{_O})[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?{_BELOW_100})?|{_BELOW_100})"
    rf"(?:[ \t]+point(?:[ \t]+(?:{_O}|zero|oh))+)?\b",
    re.I,
)
# Every unit the measurement reader knows, spelled out or abbreviated; single letters ("L",
# "s", "g") excluded, as after a spoken number they are more often a side or a word.
_UNIT_WORDS = sorted((u for u in lx.UNITS if len(u) > 1), key=len, reverse=True)
_SPOKEN_UNIT = re.compile(
    r"[ \t]*-?[ \t]*(?:centimet|millimet|millilit|hounsfield\b|milligray\b|%|°|"
    + "|".join(
        re.escape(u).replace(r"\ ", r"[ \t]+") + r"\b" for u in _UNIT_WORDS if u[-1].isalnum()
    )
    + ")",
    re.I,
)
# A value whose name comes first needs no unit: "peak systolic velocity seventy six", "end
# diastolic twenty four".
_SPOKEN_LABEL = re.compile(
    r"\b(?:velocity|diastolic|ratio|index|suv ?(?:max|peak|mean)?)[ \t:]*\Z", re.I
)
_SPOKEN_JOIN = re.compile(r"[ \t]+(?:by|x|to|and)[ \t]+|[ \t]*-[ \t]*", re.I)


def _spoken_value(words: str) -> str:
    whole, _, fraction = words.lower().partition("point")
    total = 0
    part = 0
    for w in re.findall(r"[a-z]+", whole):
        if w == "hundred":
            part *= 100
        elif w != "and":
            part += _WORD_VALUE[w]
    total += part
    digits = "".join(str(_WORD_VALUE[w]) for w in re.findall(r"[a-z]+", fraction))
    return f"{total}.{digits}" if digits else str(total)


# "l four l five", "t twelve l one", "c five": a dictated vertebral level or disc level.
_LEVEL_NUMBER = rf"(?:{_O}|ten|eleven|twelve)"
_SPOKEN_LEVEL = re.compile(
    rf"(?<![\w'\u2019])([ctls])[ \t]+({_LEVEL_NUMBER})\b"
    rf"(?:[ \t]+(?:to[ \t]+)?([ctls])[ \t]+({_LEVEL_NUMBER})\b)?",
    re.I,
)


def _level(m: re.Match) -> str:
    first = f"{m.group(1).upper()}{_WORD_VALUE[m.group(2).lower()]}"
    if m.group(3):
        first += f"-{m.group(3).upper()}{_WORD_VALUE[m.group(4).lower()]}"
    return first + " " * (m.end() - m.start() - len(first))


def read_spoken_levels(text: str) -> str:
    """The text with dictated spinal levels ("l four l five") as "L4-L5", offsets kept."""
    return _SPOKEN_LEVEL.sub(_level, text)


def read_spoken_numbers(text: str) -> str:
    """The text with dictated numbers of measurements ("two point one centimeters", "one
    hundred forty two", "six point one by three point two") as digits, offsets kept."""
    found = list(_SPOKEN_NUMBER.finditer(text))
    if not found:
        return text
    keep = [False] * len(found)
    # Right to left: a number joined by "by"/"to" to a converted one is a dimension of it.
    for i in range(len(found) - 1, -1, -1):
        m = found[i]
        joined = (
            i + 1 < len(found)
            and keep[i + 1]
            and _SPOKEN_JOIN.fullmatch(text, m.end(), found[i + 1].start())
        )
        keep[i] = bool(
            "point" in m.group(0).lower()
            or _SPOKEN_UNIT.match(text, m.end())
            or joined
            or _SPOKEN_LABEL.search(text, max(0, m.start() - 30), m.start())
        )
    if not any(keep):
        return text
    out: list[str] = []
    last = 0
    for m, k in zip(found, keep):
        if not k:
            continue
        value = _spoken_value(m.group(0))
        out += [text[last : m.start()], value + " " * (m.end() - m.start() - len(value))]
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def spoken_end(spoken: str, read: str, end: int) -> int:
    """The end of a value ending at read[end] widened over the rest of its spoken words: "82"
    read from "eighty two" ends where "two" does, so its span covers whole words."""
    last = end
    i = end
    # The digits are padded with spaces to the spoken number's length.
    while i < len(read) and read[i] == " ":
        if spoken[i] != " ":
            last = i + 1
        i += 1
    return last


def read_spoken_punctuation(text: str) -> str:
    """The text with dictated "period", "comma", "colon", "new paragraph", "4 point 5" as marks."""
    lower = text.lower()
    if "point" in lower:
        text = _DECIMAL.sub(_decimal, text)
    if not any(w in lower for w in ("period", "comma", "colon", "full stop", "new ", "next ")):
        return text
    out: list[str] = []
    last = 0
    for m in _SPOKEN.finditer(text):
        if not _is_mark(text, m, last):
            continue
        word = m.group(1).lower()
        mark = _MARK.get(word, "\n")
        # Same length as the words: every other character keeps its offset.
        out.append(text[last : m.start()])
        out.append(mark + " " * (m.end() - m.start() - 1))
        last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
