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
        return text[start : m.start()].strip().lower() in _COLON_AFTER
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
