"""Metamorphic tests: edits of faithful pairs that must raise their type, or must raise nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from radpair.verifier import get_verifier
from tests.support.verifier_scoring import load_corpus

CORPUS = Path(__file__).resolve().parents[1] / "data" / "verifier_corpus.yaml"
FAITHFUL = [p for p in load_corpus(CORPUS) if not p.expected]

_SIDE = re.compile(r"\b(left|right|Left|Right|LEFT|RIGHT)\b")
_SWAP = {"left": "right", "right": "left", "Left": "Right", "Right": "Left"}
_SWAP |= {"LEFT": "RIGHT", "RIGHT": "LEFT"}
_NO = re.compile(r"(?:(?<=[.:\n] )|(?<=\n)|^)No (?:evidence of )?(\w)", re.M)
_SIZE = re.compile(r"\b(\d+(?:\.\d+)?)( ?)(mm|cm)\b")
# A size in one unit: its dimensions ("32 x 25 mm") or a range's two ends ("2-9 mm").
_MM = re.compile(r"(?<![\d.])\b(\d+(?:(?: x |-)\d+)*)( ?)mm\b")
# Findings a dictation may hold that none of the faithful pairs mention.
_EXTRA_FINDINGS = (
    "Small hiatal hernia.",
    "Moderate ascites.",
    "Mild splenomegaly.",
    "Cholelithiasis.",
    "Small pericardial effusion.",
)


def _swap_sides(text: str) -> str:
    return _SIDE.sub(lambda m: _SWAP[m.group(1)], text)


def _drop_first_no(text: str) -> str:
    return _NO.sub(lambda m: m.group(1).upper(), text, count=1)


def _double_first_size(text: str) -> str:
    def bigger(m: re.Match) -> str:
        return f"{float(m.group(1)) * 2:g}{m.group(2)}{m.group(3)}"

    return _SIZE.sub(bigger, text, count=1)


def _absent(extra: str, pair) -> bool:
    word = extra.split()[-1].rstrip(".").lower()[:6]
    return word not in pair.source.lower() and word not in pair.report.lower()


def _extra_for(pair) -> str:
    return next(e for e in _EXTRA_FINDINGS if _absent(e, pair))


def _insert_after_findings_heading(report: str, sentence: str) -> str:
    if "FINDINGS:\n" in report:
        return report.replace("FINDINGS:\n", f"FINDINGS:\n{sentence} ", 1)
    return f"{sentence} {report}"


def _mm_to_cm(text: str) -> str:
    def in_cm(m: re.Match) -> str:
        dims = re.sub(r"\d+", lambda d: f"{int(d.group()) / 10:g}", m.group(1))
        return f"{dims}{m.group(2)}cm"

    return _MM.sub(in_cm, text)


def _reverse_findings_lines(report: str) -> str:
    head, sep, rest = report.partition("FINDINGS:\n")
    body, sep2, tail = rest.partition("\n\n")
    # A table moves as one block: its heading row names the columns of the rows below it.
    # So does a bulleted list with the line that introduces it ("The following were not
    # seen:"), which says what its items are.
    blocks: list[str] = []
    listing = False
    for line in body.split("\n"):
        if blocks and line.startswith("|") and blocks[-1].startswith("|"):
            blocks[-1] += "\n" + line
        elif blocks and line.startswith("- ") and (listing or blocks[-1].endswith(":")):
            # So does a heading alone on its line ("Right:") or a line introducing a list, with
            # the bullets it governs.
            blocks[-1] += "\n" + line
            listing = True
        else:
            blocks.append(line)
            listing = False
    return head + sep + "\n".join(reversed(blocks)) + sep2 + tail


def _ids(pairs) -> list[str]:
    return [(p.values[0] if hasattr(p, "values") else p).id for p in pairs]


# Known misses, kept visible: a side that describes only the largest of a bilateral finding.
_KNOWN_SIDES = {
    "us-24": "side of 'the largest' of bilateral cysts is not tracked",
    "h6-us-transplant-25": "'right iliac fossa' and 'left lower quadrant' are two names of places",
    "h12-ir-liverbx-36": "a bare 'Right lobe' is read as the thyroid's; 'left hepatic lobe' is "
    "a fixed name of another structure",
    "h6-nm-vq-41": "defects in several lobes of both sides in one sentence share one side set",
    "h8-ct-abdomen-32": "side of 'the largest' of bilateral cysts is not tracked",
    "h16-032": "a side inside a nodal station's name ('lower right paratracheal') is not read as "
    "the node's side",
    "h16-054": "a side naming a wall of a midline organ ('left lateral wall of the mid rectum') "
    "is not tracked",
    "h26-023": "a tooth's side is given by its FDI number ('48' is the lower right third molar), "
    "which the verifier does not read: the dictation names the teeth by number alone",
    "h30-031": "swapped, both renal arteries stay named; which one arises from the false lumen "
    "is no finding the verifier gives a side",
    "h30-036": "the only sides are the coronary dominance ('Dominance: Right'), which the "
    "verifier does not read as a side",
}
_KNOWN_NEGATIONS = {
    "h10-us-renal-peds-46": "a side opening a line ('L kidney 8.6 cm. Upper pole ...') is not "
    "carried to the line's next sentence",
    "h10-ct-adrenal-52": "the first 'No' denies a recommendation ('No follow-up imaging is "
    "needed'), which is none of the five types",
    "h10-ct-colono-16": "the first 'No' denies a recommendation ('No follow-up is needed'), "
    "which is none of the five types",
    "h15-053": "the first 'No' denies a recommendation ('No follow-up imaging is needed'), "
    "which is none of the five types",
    "h17-036": "the first 'No' denies a recommendation ('No follow-up needed'), which is none "
    "of the five types",
    "h18-028": "the first 'No' denies a piece of clinical history ('No trauma'), which is no "
    "imaging finding",
    "h18-054": "the first 'No' denies a recommendation ('No follow-up imaging needed'), which "
    "is none of the five types",
    "h17-030": "tracer activity named by its site ('ectopic mediastinal activity') is not a "
    "finding the lexicon knows",
    "h4-fl-ugi-76": "'corkscrew appearance' is not a finding the lexicon knows",
    "h5-us-breast-15": "'posterior acoustic features' is a descriptor the lexicon does not know",
    "h5-us-uedoppler-30": "deep and superficial thrombus are one finding to the verifier",
    "h13-mr-lspine-31": "'compression of the cauda equina' is not a finding the lexicon knows",
    "h13-us-arm-58": "a denial after a heading that names the veins ('Deep veins: ... No deep "
    "venous thrombosis') is read as the heading's normal statement",
    "h14-mr-brain-01": "'no new or enlarging T2 lesions' beside lesions affirmed elsewhere: a "
    "lesion's newness is not tracked apart from the lesion",
    "h14-mr-brain-59": "'enhancement' alone is not a finding the lexicon knows (as one it is "
    "read in every enhancing mass's description)",
    "h14-mr-tspine-60": "'abnormal intradural enhancement' after a normal cord statement is read "
    "as part of the normal heading",
    "h19-009": "the first 'No' denies a procedural complication ('No immediate complication'), "
    "which is no imaging finding",
    "h20-029": "deep and superficial thrombus are one finding to the verifier: the affirmed deep "
    "vein thrombosis pairs with the dictated saphenous thrombus (a side change, not a negation)",
    "h20-031": "the first 'No' denies prior imaging ('No prior imaging'), which is no finding",
    "h21-006": "the first 'No' denies a recommendation ('No follow-up imaging required'), which "
    "is none of the five types",
    "h21-054": "'enhancement' alone is not a finding the lexicon knows (as one it is read in "
    "every enhancing mass's description)",
    "h21-057": "the first 'No' denies prior imaging ('No prior study available'), which is no "
    "finding",
    "h23-022": "the affirmed 'fracture in the subaxial cervical spine' names no level the "
    "verifier reads, so it pairs with the dictated C2 dens fracture",
    "h23-033": "the first 'No' denies an unnamed 'other acute abnormality', which names no "
    "finding to compare",
    "h23-053": "the first 'No' denies what signal 'to suggest viable tumor' would mean: the "
    "tumour stays a hypothesis with or without it",
    "h24-004": "'no mismatch' is not a finding the lexicon knows: the affirmed mismatched "
    "defect pairs with the dictated matched one",
    "h24-028": "the first 'No' denies a prior study's finding in the clinical history ('No "
    "gallstones on ultrasound'), which is no finding of this study",
    "h24-068": "the first 'No' denies a recommendation ('No follow-up needed'), which is none "
    "of the five types",
    "h24-089": "the first 'No' denies unnamed 'suspicious findings', which names no finding to "
    "compare",
    "h24-090": "'no new lymphadenopathy' beside lymphadenopathy affirmed elsewhere: a finding's "
    "newness is not tracked apart from the finding",
    "h25-014": "the first 'No' denies a recommendation ('No further imaging required'), which "
    "is none of the five types",
    "h25-029": "the first 'No' denies a recommendation ('No further growth scans required'), "
    "which is none of the five types",
    "h26-029": "the first 'No' denies a symptom in the clinical history ('No hoarseness'), "
    "which is no imaging finding",
    "h27-002": "the first 'No' denies unnamed 'incidental findings', which names no finding to "
    "compare",
    "h28-018": "the first 'No' denies prior imaging ('No prior MRI available'), which is no "
    "finding",
    "h28-027": "the first 'No' denies unnamed 'other abnormal uptake', which names no finding to "
    "compare",
    "h29-001": "the first 'No' denies an unnamed 'acute intracranial abnormality', which names "
    "no finding to compare ('head neg' in the dictation denies none either)",
    "h29-034": "the first 'No' is the technique ('No intravenous contrast'), which is no "
    "finding",
    "h29-038": "the first 'No' denies unnamed 'significant findings', which names no finding to "
    "compare",
    "h30-029": "the first 'No' denies 'new enhancement', and enhancement is not a finding the "
    "lexicon knows",
}
_KNOWN_OMISSIONS: dict[str, str] = {}


def _known(pairs, known: dict[str, str]) -> list:
    return [
        (
            pytest.param(p, marks=pytest.mark.xfail(reason=known[p.id], strict=True))
            if p.id in known
            else p
        )
        for p in pairs
    ]


SIDED = _known(
    [p for p in FAITHFUL if _SIDE.search(p.source) and _SIDE.search(p.report)], _KNOWN_SIDES
)
NEGATED = _known([p for p in FAITHFUL if _NO.search(p.report)], _KNOWN_NEGATIONS)
SIZED = [p for p in FAITHFUL if _SIZE.search(p.report)]


@pytest.fixture(scope="module")
def verifier():
    return get_verifier()


def _raised(verifier, source: str, report: str) -> set[str]:
    return {w["type"] for w in verifier.verify(source, report)}


# ---------------------------------------------------------------- edits that must raise


def test_the_operators_have_pairs_to_work_on():
    assert len(SIDED) >= 30 and len(NEGATED) >= 30 and len(SIZED) >= 30


@pytest.mark.parametrize("pair", SIDED, ids=_ids(SIDED))
def test_swapping_every_side_in_the_report_raises_laterality(verifier, pair):
    assert "laterality" in _raised(verifier, pair.source, _swap_sides(pair.report))


@pytest.mark.parametrize("pair", NEGATED, ids=_ids(NEGATED))
def test_dropping_a_no_from_the_report_raises_negation_or_insertion(verifier, pair):
    # The report now affirms a finding: one the source denied (negation), or one the source
    # only covered by calling the place normal, so never dictated as a finding (insertion).
    raised = _raised(verifier, pair.source, _drop_first_no(pair.report))
    assert raised & {"negation", "insertion"}


@pytest.mark.parametrize("pair", SIZED, ids=_ids(SIZED))
def test_changing_a_size_in_the_report_raises_measurement(verifier, pair):
    assert "measurement" in _raised(verifier, pair.source, _double_first_size(pair.report))


OMITTABLE = _known(FAITHFUL, _KNOWN_OMISSIONS)


@pytest.mark.parametrize("pair", OMITTABLE, ids=_ids(OMITTABLE))
def test_a_dictated_finding_left_out_of_the_report_raises_omission(verifier, pair):
    source = f"{pair.source.rstrip()} {_extra_for(pair)}"
    assert "omission" in _raised(verifier, source, pair.report)


@pytest.mark.parametrize("pair", FAITHFUL, ids=_ids(FAITHFUL))
def test_a_finding_the_report_adds_raises_insertion(verifier, pair):
    report = _insert_after_findings_heading(pair.report, _extra_for(pair))
    assert "insertion" in _raised(verifier, pair.source, report)


# ---------------------------------------------------------------- edits that keep the meaning

KEEPING = {
    "sizes in centimetres": _mm_to_cm,
    "findings lines reordered": _reverse_findings_lines,
    "a heading added": lambda r: "EXAMINATION REPORT\n\n" + r,
    "unremarkable said as normal": lambda r: re.sub(r"\bunremarkable\b", "normal", r),
}


@pytest.mark.parametrize("name", sorted(KEEPING))
def test_meaning_keeping_edits_of_faithful_reports_raise_nothing(verifier, name):
    edit = KEEPING[name]
    flagged = [
        p.id
        for p in FAITHFUL
        if edit(p.report) != p.report and _raised(verifier, p.source, p.report) == set()
        if _raised(verifier, p.source, edit(p.report))
    ]
    assert flagged == []
