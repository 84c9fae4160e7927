"""Benchmark both verifier engines on the labelled corpus; print a table, return/write JSON.

Usage: python backend-app/bench/verifier_bench.py [--quick] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
# First, even when the editable install lists it already: that entry comes after site-packages,
# where a dependency leaves a `tests` package of its own that would hide tests.support.
sys.path.insert(0, str(BACKEND))

from radpair.verifier.engine import PRODUCTION_ENGINE, Verifier, make_engine  # noqa: E402
from tests.support.verifier_scoring import (  # noqa: E402
    TYPES,
    load_corpus,
    meets,
    percentile,
    run_pairs,
    scores,
)

CORPUS = BACKEND / "tests" / "data" / "verifier_corpus.yaml"
BLIND_FIRST_SCORES = (
    Path(__file__).resolve().parent / "results" / "verifier_blind_first_scores.json"
)
ENGINES = ("rules", "medspacy", "medspacy-default")
# heldout: written after tuning on dev (two lexicon gaps it exposed were then fixed);
# heldout2: written after the first tuning; its misses were later seen, so a grown lexicon now
# covers them. heldout3 onwards: written blind by a helper who never saw the code or the
# lexicon, scored once as written (BLIND_FIRST_SCORES), then used as training data.
HELD_OUT = tuple(["heldout"] + [f"heldout{n}" for n in range(2, 31)])
# The report verifier v2 targets: the whole corpus, and each slice unseen when first scored.
TARGETS = {
    "all": {"min_recall": 0.95, "max_fp": 0.03},
    "unseen": {"min_recall": 0.90, "max_fp": 0.05},
    "p50_ms": 5.0,
    "p95_ms": 20.0,
}


def blind_first_scores() -> list[dict]:
    """The recorded first score of every blind slice, with recall and FP rate worked out."""
    slices = json.loads(BLIND_FIRST_SCORES.read_text(encoding="utf-8"))["slices"]
    for entry in slices:
        counts = entry["recall_counts"]
        entry["recall"] = {t: round(h / n, 3) if n else None for t, (h, n) in counts.items()}
        flagged, faithful = entry["fp_counts"]
        entry["fp_rate"] = round(flagged / faithful, 3)
        entry["meets_unseen_target"] = (
            all(
                r is not None and r >= TARGETS["unseen"]["min_recall"]
                for r in entry["recall"].values()
            )
            and entry["fp_rate"] <= TARGETS["unseen"]["max_fp"]
        )
    return slices


def _repeat(sentence: str, size: int = 20_000) -> str:
    return (sentence * (size // len(sentence) + 1))[:size]


# The largest texts the API accepts (20,000 characters each), built to stress repeated mentions,
# long sentences and many values: the cost of the worst case, not of a typical pair.
WORST_CASES = [
    (
        _repeat("Small left pleural effusion. No pneumothorax. 5 mm nodule in the RUL. "),
        _repeat("Small right pleural effusion. Pneumothorax. 6 mm nodule in the RUL. "),
    ),
    (
        _repeat("Nodule measuring 5 mm in the right lobe. Cyst measuring 6 mm in the liver. "),
        _repeat("Nodule measuring 6 mm in the right lobe. Cyst measuring 5 mm in the liver. "),
    ),
    # One 20,000-character sentence: no full stop anywhere.
    (
        _repeat("left pleural effusion and right pneumothorax, no nodule, "),
        _repeat("right pleural effusion and left pneumothorax, a 5 mm nodule, "),
    ),
    (_repeat("nodule 5 mm, "), _repeat("nodule 6 mm, ")),
    ("".join(f"{i // 10}.{i % 10} cm. " for i in range(3000))[:20_000], "1 cm."),
    ("no " + _repeat("effusion, ", 19_990), _repeat("effusion, ")),
    (_repeat("a vs. b "), _repeat("L4-L5 disc herniation with L5 stenosis, ")),
]


def worst_case_ms(verifier: Verifier) -> float:
    """The slowest single verify() over WORST_CASES, in milliseconds."""
    slowest = 0.0
    for source, report in WORST_CASES:
        started = time.perf_counter()
        verifier.verify(source, report)
        slowest = max(slowest, (time.perf_counter() - started) * 1000.0)
    return round(slowest, 1)


def _engine_report(name: str, pairs: list, repeats: int) -> dict:
    t0 = time.perf_counter()
    verifier = Verifier(make_engine(name))
    load_ms = (time.perf_counter() - t0) * 1000.0
    outcomes = run_pairs(verifier, pairs)
    times = [o.ms for o in outcomes]
    for _ in range(repeats - 1):
        times += [o.ms for o in run_pairs(verifier, pairs)]
    whole = scores(outcomes)
    # The corpus as a whole, held-out slices included: the figure the targets are set on.
    report = {
        "load_ms": round(load_ms, 1),
        "all": whole,
        "all_hard": scores([o for o in outcomes if o.pair.hard]),
        "dev": scores([o for o in outcomes if o.pair.split == "dev"]),
    }
    for split in HELD_OUT:
        held = [o for o in outcomes if o.pair.split == split]
        report[split] = scores(held) if held else None
    p50, p95 = percentile(times, 50), percentile(times, 95)
    return {
        **report,
        "p50_ms": round(p50, 3),
        "p95_ms": round(p95, 3),
        "meets_targets": meets(whole, **TARGETS["all"])
        and p50 <= TARGETS["p50_ms"]
        and p95 <= TARGETS["p95_ms"],
    }


def _choose(engines: dict) -> str:
    """Best engine: meeting the targets first, then fewer misses + false positives, then speed."""

    def cost(name: str) -> tuple:
        e = engines[name]
        errors = len(e["all"]["misses"]) + e["all"]["fp_counts"][0]
        return (not e["meets_targets"], errors, e["p50_ms"])

    return min(engines, key=cost)


def run(quick: bool = False, engines: tuple[str, ...] = ENGINES) -> dict:
    """Score every engine on the corpus and say which one is chosen."""
    pairs = load_corpus(CORPUS)
    repeats = 1 if quick else 5
    results = {name: _engine_report(name, pairs, repeats) for name in engines}
    return {
        "corpus": {
            "pairs": len(pairs),
            "faithful": sum(1 for p in pairs if not p.expected),
            "hard": sum(1 for p in pairs if p.hard),
            **{split: sum(1 for p in pairs if p.split == split) for split in ("dev",) + HELD_OUT},
        },
        "targets": TARGETS,
        "blind_first_scores": blind_first_scores(),
        "engines": results,
        "chosen": _choose(results),
        "worst_case_ms_20k_chars": worst_case_ms(Verifier(make_engine(PRODUCTION_ENGINE))),
        "production": PRODUCTION_ENGINE,
    }


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_table(result: dict) -> None:
    """Human-readable summary of run(): blind first scores first, then the corpus as it is."""
    header = " ".join(f"{t[:5]:>6}" for t in TYPES) + f" {'FP':>6}"
    print(f"{'blind first score':30} {header}")
    for entry in result["blind_first_scores"]:
        rec = " ".join(f"{_fmt(entry['recall'].get(t)):>6}" for t in TYPES)
        print(
            f"{entry['split'] + ' (' + str(entry['pairs']) + ' pairs)':30} {rec} "
            f"{_fmt(entry['fp_rate']):>6}"
        )
    print(f"\n{'engine':16} {'part':13} {header} {'p50ms':>7} {'p95ms':>7}")
    for name, e in result["engines"].items():
        for part in ("all", "all_hard", "dev") + HELD_OUT:
            s = e[part]
            if s is None:
                continue
            rec = " ".join(f"{_fmt(s['recall'][t]):>6}" for t in TYPES)
            timing = f" {e['p50_ms']:7.2f} {e['p95_ms']:7.2f}" if part == "all" else ""
            print(f"{name:16} {part:13} {rec} {_fmt(s['fp_rate']):>6}{timing}")
    print(f"chosen: {result['chosen']} (production: {result['production']})")
    for name, e in result["engines"].items():
        s = e["all"]
        if s["misses"] or s["false_positives"]:
            print(f"  {name} misses: {', '.join(s['misses']) or '-'}")
            print(f"  {name} false positives: {', '.join(s['false_positives']) or '-'}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one timing pass instead of five")
    parser.add_argument("--json", type=Path, help="write the result as JSON to this file")
    parser.add_argument("--engine", choices=ENGINES, action="append", help="only these engines")
    args = parser.parse_args(argv)
    result = run(quick=args.quick, engines=tuple(args.engine or ENGINES))
    print_table(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
