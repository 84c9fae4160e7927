"""Given names and surnames from published name lists, for names that come with no context.

The lists ship inside two PyPI packages (no download at run time): `names` carries the US
Census 1990 given names and 88,799 surnames; `gender-guesser` carries an international list of
about 40,000 given names (Jörg Michael's nam_dict). A capitalised given name followed by a
capitalised surname ("Hollis Grey", "Jennifer Okafor") is taken as a person's name unless either
word is radiology vocabulary ("Long Head", "Mass Effect"), which the verifier's lexicon lists.
"""

from __future__ import annotations

import functools
import re
import threading
from importlib import resources

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


def _words_of(surfaces) -> set[str]:
    return {w for s in surfaces for w in re.findall(r"[a-z]+", s.split("|")[0].lower())}


@_built_once
def clinical_words() -> frozenset[str]:
    """Every word of the verifier's finding, anatomy and cue vocabulary, and report words."""
    words = set(_REPORT_WORDS)
    for surfaces in lx.FINDINGS.values():
        words |= _words_of(surfaces)
    for surfaces, _paired, _parent in lx.ANATOMY.values():
        words |= _words_of(surfaces)
    words |= _words_of(lx.FIXED_NAMES)
    words |= _words_of(lx.SEVERITY)
    words |= _words_of(lx.NORMAL_WORDS)
    return frozenset(words)


def _census(name: str) -> set[str]:
    text = resources.files("names").joinpath(name).read_text(encoding="utf-8")
    return {line.split()[0].lower() for line in text.splitlines() if line.strip()}


@_built_once
def given_names() -> frozenset[str]:
    """Lower-cased given names from both lists."""
    found = _census("dist.male.first") | _census("dist.female.first")
    data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    for line in data.read_text(encoding="utf-8").splitlines():
        if line[:1] in ("#", "=") or len(line) < 4:
            continue
        name = line[3:29].strip()
        if name and "+" not in name and " " not in name:
            found.add(name.lower())
    return frozenset(found - clinical_words())


@_built_once
def surnames() -> frozenset[str]:
    """Lower-cased surnames from the census list."""
    return frozenset(_census("dist.all.last") - clinical_words())


def load() -> None:
    """Read the lists now (a quarter of a second), at start-up rather than on a first draft."""
    given_names()
    surnames()


def is_person_name(given: str, surname: str) -> bool:
    """True when `given surname` reads as a person's name from the lists."""
    given, surname = given.lower(), surname.lower()
    return given in given_names() and (surname in surnames() or surname in given_names())
