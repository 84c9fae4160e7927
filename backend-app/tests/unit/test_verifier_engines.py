"""Tests of the medspaCy engine (the alternative that was measured) and of the bench."""

from __future__ import annotations

import pytest

from radpair.verifier.engine import PRODUCTION_ENGINE, Verifier, get_verifier, make_engine
from radpair.verifier.model import ABSENT, PRESENT, UNCERTAIN
from tests.support.bench import load_bench
from tests.support.verifier_scoring import TYPES


@pytest.fixture(scope="module")
def medspacy_verifier() -> Verifier:
    # Offline: blank spaCy English pipeline, no model download.
    return Verifier(make_engine("medspacy"))


def test_production_uses_the_rule_engine():
    assert PRODUCTION_ENGINE == "rules"
    assert get_verifier().engine.name == "rules"


def test_an_unknown_engine_name_is_rejected():
    with pytest.raises(ValueError):
        make_engine("bag-of-words")


@pytest.mark.parametrize(
    "text, polarity",
    [
        ("No pleural effusion.", ABSENT),
        ("Small pleural effusion.", PRESENT),
        ("Cannot exclude small pleural effusion.", UNCERTAIN),
        ("Pleura: No pleural effusion.", ABSENT),
        ("No pneumothorax. Small pleural effusion.", PRESENT),
    ],
)
def test_medspacy_context_decides_the_polarity_of_a_finding(medspacy_verifier, text, polarity):
    facts = medspacy_verifier.engine.extract(text)
    (effusion,) = [m for m in facts.mentions if m.key == "effusion"]
    assert effusion.polarity == polarity


@pytest.mark.parametrize(
    "source, report, kind",
    [
        ("No pneumothorax or effusion.", "No pneumothorax. Small effusion.", "negation"),
        ("Left effusion. Right nodule.", "Right effusion. Left nodule.", "laterality"),
        ("Mass measuring 3.2 x 2.1 cm.", "Mass measuring 3.2 x 2.4 cm.", "measurement"),
    ],
)
def test_medspacy_engine_catches_the_basic_hard_cases(medspacy_verifier, source, report, kind):
    assert kind in {w["type"] for w in medspacy_verifier.verify(source, report)}


def test_the_bench_scores_both_engines_and_names_the_chosen_one():
    bench = load_bench("verifier_bench")
    result = bench.run(quick=True)
    assert set(result["engines"]) >= {"rules", "medspacy"}
    for engine in result["engines"].values():
        assert set(engine["all"]["recall"]) == set(TYPES)
        assert 0.0 <= engine["all"]["fp_rate"] <= 1.0
        assert engine["p95_ms"] >= engine["p50_ms"] > 0.0
    assert result["chosen"] == result["production"] == "rules"
    # The blind first scores are reported as recorded, not recomputed from today's code.
    first = {entry["split"]: entry for entry in result["blind_first_scores"]}
    assert first["heldout4"]["recall_counts"]["omission"] == [6, 10]
    assert first["heldout4"]["fp_rate"] == round(13 / 30, 3)
