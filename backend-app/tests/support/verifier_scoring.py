"""Scoring a verifier on the labelled corpus: shared by the tests and the bench, never shipped."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from radpair.verifier.engine import Verifier

TYPES = ("laterality", "negation", "measurement", "omission", "insertion")


@dataclass(frozen=True)
class Pair:
    """One labelled source/report pair."""

    id: str
    modality: str
    split: str
    source: str
    report: str
    expected: tuple[str, ...]
    hard: bool
    note: str


def load_corpus(path: Path) -> list[Pair]:
    """Pairs from the YAML corpus file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Pair(
            id=p["id"],
            modality=p["modality"],
            split=p.get("split", "dev"),
            source=p["source"],
            report=p["report"],
            expected=tuple(p["expected"]),
            hard=bool(p["hard"]),
            note=p.get("note", ""),
        )
        for p in data["pairs"]
    ]


@dataclass
class Outcome:
    """What the verifier said about one pair."""

    pair: Pair
    raised: frozenset[str]
    ms: float


def run_pairs(verifier: Verifier, pairs: Iterable[Pair]) -> list[Outcome]:
    """Verify each pair once, timing it."""
    outcomes = []
    for p in pairs:
        t0 = time.perf_counter()
        warnings = verifier.verify(p.source, p.report)
        ms = (time.perf_counter() - t0) * 1000.0
        outcomes.append(Outcome(p, frozenset(w["type"] for w in warnings), ms))
    return outcomes


def scores(outcomes: Sequence[Outcome]) -> dict:
    """Per-type recall, faithful false-positive rate and misses for a set of outcomes."""
    recall: dict[str, float | None] = {}
    counts: dict[str, list[int]] = {}
    misses: list[str] = []
    for t in TYPES:
        with_t = [o for o in outcomes if t in o.pair.expected]
        hit = [o for o in with_t if t in o.raised]
        recall[t] = round(len(hit) / len(with_t), 4) if with_t else None
        counts[t] = [len(hit), len(with_t)]
        misses += [f"{o.pair.id}:{t}" for o in with_t if t not in o.raised]
    faithful = [o for o in outcomes if not o.pair.expected]
    flagged = [o for o in faithful if o.raised]
    return {
        "pairs": len(outcomes),
        "recall": recall,
        "recall_counts": counts,
        "fp_rate": round(len(flagged) / len(faithful), 4) if faithful else None,
        "fp_counts": [len(flagged), len(faithful)],
        "misses": sorted(misses),
        "false_positives": sorted(f"{o.pair.id}:{','.join(sorted(o.raised))}" for o in flagged),
    }


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100.0 * (len(ordered) - 1))))
    return ordered[k]


def meets(result: dict, min_recall: float, max_fp: float) -> bool:
    """True when every type reaches the recall floor and the FP rate stays under the cap."""
    ok = all(r is None or r >= min_recall for r in result["recall"].values())
    return ok and (result["fp_rate"] is None or result["fp_rate"] <= max_fp)
