"""Tests of the verifier's fast paths: the same answers as the plain code paths."""

from __future__ import annotations

import random
import re
from pathlib import Path


from radpair.verifier import compare as compare_module
from radpair.textnorm import safe_lower
from radpair.verifier import extract as extract_module
from radpair.verifier import get_verifier
from radpair.verifier import lexicon as lx
from radpair.verifier.extract import side_matcher, surface_tokens, term_matcher
from radpair.verifier.negex import cue_matcher
from radpair.verifier.spoken import (
    read_spoken_levels,
    read_spoken_numbers,
    read_spoken_punctuation,
)
from radpair.verifier.regex_trie import flat, literal_tokens, ordered_trie, word_scanner
from tests.support.verifier_scoring import load_corpus

CORPUS = Path(__file__).resolve().parents[1] / "data" / "verifier_corpus.yaml"

# Pieces of radiology text that exercise plurals, spacing, boundaries, cues and numbers.
_PIECES = [
    *sorted(term_matcher().entries)[::7],
    *lx.NEG_PRE[::3],
    *lx.PSEUDO[::9],
    *sorted(lx.SIDE_PRE),
    *sorted(lx.SIDE_POST)[::2],
    "with",
    "without",
    ", and",
    "and 5",
    "and an 7",
    ", likely",
    "measuring",
    "up to",
    "5 mm",
    "1.2 x 0.8 cm",
    "L4-L5",
    "segment 6",
    "nodule in the right lobe",
    "vs.",
    ";",
    ".",
    ",",
    "\n",
    "forthwith",
    "x_with",
    "é",
]


def _texts(seed: int, count: int, pieces: int = 12) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(1, pieces)):
            piece = rnd.choice(_PIECES)
            if rnd.random() < 0.3:
                piece = piece.replace(" ", rnd.choice(["  ", "-", " - ", "\n"]))
            if rnd.random() < 0.3:
                piece += rnd.choice(["s", "es", "ies", "i", "'s", "-"])
            parts.append(piece + rnd.choice([" ", "", ", ", ". ", "  "]))
        out.append("".join(parts).lower())
    return out


def _lexicon_alternatives() -> list[list[tuple[str, str]]]:
    return [surface_tokens(s) for s in sorted(term_matcher().entries, key=len, reverse=True)]


def test_the_prefix_tree_matches_exactly_like_the_flat_alternation():
    alternatives = _lexicon_alternatives()
    plain = re.compile(rf"(?<![a-z0-9]){flat(alternatives)}(?![a-z0-9])")
    tree = re.compile(rf"(?<![a-z0-9]){ordered_trie(alternatives)}(?![a-z0-9])")
    for text in _texts(1, 400):
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_shorter_phrase_before_a_longer_one_keeps_its_priority():
    # "ab" is listed first, so the flat alternation takes it even where "abc" would match.
    alternatives = [[*literal_tokens("ab"), ("end", "")], [*literal_tokens("abc"), ("end", "")]]
    assert re.match(ordered_trie(alternatives), "abc").group(0) == "ab"
    # A separator that may be empty overlaps the literal beside it: order is kept there too.
    separated = [
        [*literal_tokens("l"), ("sep", r"\s*"), *literal_tokens(">r"), ("end", "")],
        [*literal_tokens("l>"), ("end", "")],
        [*literal_tokens("l"), ("sep", r"\s*"), *literal_tokens(">"), ("end", "")],
    ]
    for text in ["l>r", "l >r", "l  >r", "l>", "l >", "l> r", "lx"]:
        tree = re.match(ordered_trie(separated), text)
        plain = re.match(flat(separated), text)
        assert (tree and tree.group(0)) == (plain and plain.group(0))


def test_the_word_scanner_finds_what_its_plain_regex_finds():
    scanner = word_scanner(_lexicon_alternatives())
    for text in _texts(2, 300):
        assert scanner.spans(text) == [m.span() for m in scanner.regex.finditer(text)]
        for pos, end in [(0, len(text)), (len(text) // 3, len(text)), (1, len(text) // 2)]:
            starts = scanner.starts(text, pos, end)
            plain = [p for p in range(pos, end) if scanner.regex.match(text, p, end)]
            assert starts == plain
            assert set(starts) <= set(scanner.loose_starts(text))


def test_cues_found_per_sentence_do_not_depend_on_the_whole_text_shortcut():
    matcher = cue_matcher()
    for text in _texts(3, 300, pieces=20):
        candidates = matcher.candidates(text)
        for start, end in [(0, len(text)), (len(text) // 4, len(text) // 2), (3, len(text))]:
            assert matcher.find(text, start, end, candidates) == matcher.find(text, start, end)


def test_the_boundary_index_agrees_with_searching_each_gap(monkeypatch):
    monkeypatch.setattr(extract_module._Boundaries, "_SHORT", 0)  # always use the index
    rnd = random.Random(4)
    for text in _texts(4, 200, pieces=30):
        boundaries = extract_module._Boundaries(text)
        for _ in range(25):
            s = rnd.randint(0, len(text))
            e = rnd.randint(s, len(text))
            assert boundaries.between(s, e) == bool(extract_module._STRONG.search(text[s:e]))
            assert extract_module._predicate_before(text, s, e) == bool(
                extract_module._PREDICATE.search(text, s, e)
            )


def _plain_attach_anatomy(lower, terms, findings, anatomy):
    owner = {}
    for a in anatomy:
        best, best_d = None, None
        sized = bool(extract_module._SIZED_PLACE.match(lower, terms[a].end))
        for f in findings:
            left = terms[f].end <= terms[a].start
            s, e = (terms[f].end, terms[a].start) if left else (terms[a].end, terms[f].start)
            if extract_module._STRONG.search(lower[s:e]) or (sized and "," in lower[s:e]):
                continue
            d = e - s + extract_module._COMMA_PENALTY * lower.count(",", s, e)
            if left and extract_module._PREPOSITION.match(lower, s, e):
                d -= extract_module._PREPOSITION_BONUS
            if best_d is None or d < best_d:
                best, best_d = f, d
        owner[a] = best
    return owner


def test_anatomy_goes_to_the_same_finding_in_long_sentences():
    for text in _texts(5, 200, pieces=80):
        terms = term_matcher().find(text)
        findings = [i for i, t in enumerate(terms) if t.kind == "finding"]
        anatomy = [i for i, t in enumerate(terms) if t.kind == "anatomy"]
        if not findings:
            continue
        boundaries = extract_module._Boundaries(text)
        assert extract_module._attach_anatomy_long(
            text, terms, findings, anatomy, boundaries
        ) == _plain_attach_anatomy(text, terms, findings, anatomy)


def _plain_measurement_owners(lower, facts, sentences, heading_mention, label_finding):
    index = extract_module._SentenceIndex(sentences)
    owners = []
    for meas in facts.measurements:
        si = index(meas.start)
        if si is None:
            owners.append(None)
            continue
        sent = sentences[si]
        predicate = bool(extract_module._PREDICATE.search(lower, sent.start, meas.start))
        near, far = [], []
        for mi, men in enumerate(facts.mentions):
            if men.sentence != si or men.fixed:
                continue
            after = meas.end <= men.span[0]
            s, e = (meas.end, men.span[0]) if after else (men.span[1], meas.start)
            s, e = min(s, e), max(s, e)
            d = e - s + extract_module._COMMA_PENALTY * lower.count(",", s, e)
            if after and predicate:
                d += 200
            (far if extract_module._STRONG.search(lower[s:e]) else near).append((d, mi))
        best = min(near)[1] if near else None
        if best is None and sent.heading is not None:
            best = heading_mention.get(sent.heading)
        if best is None and far:
            best = min(far)[1]
        label = label_finding.get(sent.heading)
        if (
            best is not None
            and label is not None
            and facts.mentions[best].polarity == "absent"
            and "\n" not in lower[facts.mentions[label].span[1] : meas.start]
        ):
            best = label
        owners.append(best)
    return owners


def test_measurements_go_to_the_same_mention_in_long_sentences():
    verifier = get_verifier()
    for text in _texts(6, 150, pieces=80):
        facts = verifier.engine.extract(text)
        # Segmented as extract() reads it, spoken punctuation and numbers included.
        read = read_spoken_numbers(read_spoken_levels(read_spoken_punctuation(text)))
        sentences = extract_module.segment(read)
        headings = {
            m.sentence: i
            for i, m in reversed(list(enumerate(facts.mentions)))
            if sentences[m.sentence].is_label and m.kind == "anatomy"
        }
        labelled: dict[int, list[int]] = {}
        for i, m in enumerate(facts.mentions):
            if sentences[m.sentence].is_label:
                labelled.setdefault(m.sentence, []).append(i)
        label_findings = {
            si: found[0]
            for si, found in labelled.items()
            if len(found) == 1 and facts.mentions[found[0]].kind == "finding"
        }
        expected = _plain_measurement_owners(
            safe_lower(read), facts, sentences, headings, label_findings
        )
        assert [m.mention for m in facts.measurements] == expected


def test_long_texts_share_answers_without_changing_any(monkeypatch):
    verifier = get_verifier()
    pairs = load_corpus(CORPUS)
    plain = [verifier.verify(p.source, p.report) for p in pairs]
    monkeypatch.setattr(compare_module, "_SHARE_ABOVE", 0)
    monkeypatch.setattr(compare_module, "_INDEX_ABOVE", 0)
    monkeypatch.setattr(extract_module, "_LONG_SENTENCE_PAIRS", 0)
    assert [verifier.verify(p.source, p.report) for p in pairs] == plain


def test_a_side_word_broken_by_a_bracket_is_no_side_and_no_crash():
    # Only the side word itself counts; a pattern with a broken character class used to take
    # "right ]sided" as a whole and then fail to look it up.
    text = "Right ]sided pleural effusion. Left-]sided nodule."
    found = side_matcher().find(text, text.lower(), [])
    assert [(w.start, w.end, w.side) for w in found] == [(0, 5, "R"), (31, 35, "L")]
    assert isinstance(get_verifier().verify(text, "Right pleural effusion."), list)
