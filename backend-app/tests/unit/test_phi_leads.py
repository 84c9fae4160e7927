"""The PHI gate's cue index: rules are tried only where their cue words start, with no change."""

from __future__ import annotations

import re

import pytest

from radpair.phi import detect
from radpair.phi.leads import LeadIndex, Leads, lead_words, matches, starts, text_tokens
from tests.support.bench import load_bench


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # Words of six letters or more are looked up by their first six.
        (r"(?i)(?<!\w)(?:discussed|d/w)\s+with", Leads(frozenset({"d"}), frozenset({"discus"}))),
        (r"\b(?:[Dd]r|[Mm]rs?)\.\s+[A-Z]", Leads(frozenset({"dr", "mr", "mrs"}), frozenset())),
        (r"(?<!\w)@\w+", Leads(frozenset(), frozenset(), frozenset({"@"}))),
        (r"\b\d{3}-\d{4}", Leads(frozenset(), frozenset("0123456789"))),
        (r"(?i)\bMRN\b", Leads(frozenset(), frozenset({"mrn"}))),
        (r"\bE-?mail", Leads(frozenset({"e"}), frozenset({"email"}))),
    ],
)
def test_the_words_a_match_can_begin_with_are_read_from_the_pattern(pattern, expected):
    assert lead_words(re.compile(pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?i)discussed with",  # no boundary before it: a match may start inside a word
        r"\b[A-Z][a-z]+",  # any capitalised word
        r"(?<=\dT)\d\d:\d\d",  # after a letter, inside a token
        r"\b(?:dr\.?)?\s*\w+",  # may begin with a space or any word
        r"(?<!\w)[a-z]{2,}",  # almost any word: a scan costs less than the lookups
        r"(?i)(?<!\w)σ\w+",  # a Greek letter folds to more than one form without case
    ],
)
def test_a_start_that_cannot_be_proven_leaves_the_rule_scanning_everywhere(pattern):
    assert lead_words(re.compile(pattern)) is None


def test_many_cue_words_of_different_letters_still_index_the_rule():
    # The keyed-id rule's cues begin with twenty letters and more ("account", "bed", "claim"...):
    # breadth is judged by the one- and two-letter starts, not by how many cue words there are.
    words = "account bed claim device encounter file group insurance job key lab member".split()
    words += "number order policy record serial ticket unit visit ward".split()
    leads = lead_words(re.compile(rf"(?i)(?<!\w)(?:{'|'.join(words)})\s*[:#]\s*\d+"))
    assert leads is not None
    assert {"bed", "lab"} <= leads.words and "accoun" in leads.prefixes


def test_a_rule_is_tried_only_where_one_of_its_cue_words_starts():
    rule = re.compile(r"(?i)(?<!\w)(?:discussed|d/w)\s+with\s+(\w+)")
    text = "Findings discussed with Lee; D/W with Okafor; undiscussed with Roe."
    begin_at = starts(lead_words(rule), text_tokens(text))
    assert begin_at == [text.index("discussed"), text.index("D/W")]
    assert [m.group(1) for m in matches(rule, text, begin_at)] == ["Lee", "Okafor"]


def test_a_text_without_any_cue_word_skips_the_rule():
    rule = re.compile(r"(?i)(?<!\w)(?:mrn|accession)\s*:?\s*\d+")
    assert starts(lead_words(rule), text_tokens("No acute fracture. 4 mm nodule.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "MRN ١٢٣٤٥٦٧ seen by Dr. Lee",  # digits of another script match \d
        "Dr. \u0130brahim Yılmaz called, MRN 3345678",  # 'İ' lowers to two characters
        "\u212aarl Smith, ext 4471",  # the Kelvin sign matches 'k' without case
    ],
)
def test_text_the_token_index_cannot_read_is_scanned_by_every_rule(text):
    tokens = text_tokens(text)
    assert not tokens.exact
    assert all(starts(rule.leads, tokens) is None for rule in detect._RULES)


def _texts():
    bench = load_bench("phi_bench")
    texts = [item["text"] for path in bench.CORPORA for item in bench.load_corpus(path)]
    sample = texts[::3]
    return sample + [text.lower() for text in sample] + [text.upper() for text in sample[::4]]


def test_every_rule_finds_the_same_matches_with_the_cue_index_as_by_scanning():
    mismatches = []
    for text in _texts():
        tokens = text_tokens(text)
        for index, rule in enumerate(detect._RULES):
            scanned = [m.span() for m in rule.pattern.finditer(text)]
            indexed = [m.span() for m in matches(rule.pattern, text, starts(rule.leads, tokens))]
            if scanned != indexed:
                mismatches.append((index, text[:60]))
    assert mismatches == []


def test_the_shared_lead_table_answers_as_each_rule_looked_up_alone():
    index = LeadIndex([rule.leads for rule in detect._RULES])
    odd = ["Dr. \u0130brahim Yılmaz called, MRN 3345678", "email @ (x) a.b@c.org 12/3"]
    for text in _texts()[::2] + odd:
        tokens = text_tokens(text)
        every_begin_at, words = index.starts(text)
        assert every_begin_at == [starts(rule.leads, tokens) for rule in detect._RULES]
        assert words == (tokens.words if tokens.exact else None)


def test_most_cue_led_rules_use_the_index():
    # Guards the speed-up itself: a parser change that made every rule scan would pass the
    # equivalence test above while the gate's latency doubled.
    indexed = sum(rule.leads is not None for rule in detect._RULES)
    assert indexed >= 0.7 * len(detect._RULES)


def test_every_rule_needing_words_names_words_the_index_holds():
    # The index splits text into ASCII letters and digits: a needed word with an accent or a
    # hyphen ("août") would never be present, and its rule would never run.
    for rule in detect._RULES:
        if isinstance(rule.needs, frozenset):
            assert all(re.fullmatch("[a-z0-9]+", word) for word in rule.needs), rule.needs


def _holds(needs, text: str) -> bool:
    """Whether the text passes a rule's word or pattern `needs`, as `_scan` decides it."""
    if isinstance(needs, frozenset):
        tokens = text_tokens(text)
        return not tokens.exact or not needs.isdisjoint(tokens.words)
    return needs.search(text) is not None


def test_a_rule_that_finds_a_match_always_passes_its_word_or_pattern_needs():
    # Word and pattern `needs` only spare the scan of texts where the rule cannot match: one
    # that a match could fail would silently drop identifiers. (A test of the whole text, such
    # as `_speech_text`, is a policy and may refuse texts where the pattern matches.)
    failures = []
    for text in _texts():
        shadow = detect._shadow(text)
        for index, rule in enumerate(detect._RULES):
            if not isinstance(rule.needs, (frozenset, re.Pattern)):
                continue
            target = shadow if rule.category == "NAME" else text
            if rule.pattern.search(target) and not _holds(rule.needs, text):
                failures.append((index, text[:60]))
    assert failures == []
