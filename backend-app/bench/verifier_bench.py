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
if str(BACKEND) not in sys.path:
    sys.path.insert(0, str(BACKEND))

from radpair.verifier.engine import PRODUCTION_ENGINE, Verifier, make_engine  # noqa: E402
from radpair.verifier.evaluate import (  # noqa: E402
    TYPES,
    load_corpus,
    meets,
    percentile,
    run_pairs,
    scores,
)

CORPUS = BACKEND / "tests" / "data" / "verifier_corpus.yaml"
ENGINES = ("rules", "medspacy", "medspacy-default")
# heldout: written after tuning on dev (two lexicon gaps it exposed were then fixed);
# heldout2: written after the first tuning; its misses were later seen, so a grown lexicon now
# covers them (no longer an unseen estimate); heldout3: written blind by someone who never saw
# the engine's code or lexicon, never used to change code: the honest estimate on unseen text.
HELD_OUT = ("heldout", "heldout2", "heldout3")
TARGETS = {
    "whole": {"min_recall": 0.95, "max_fp": 0.05},
    "hard": {"min_recall": 0.90, "max_fp": 0.10},
    "p50_ms": 5.0,
}


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
    dev = [o for o in outcomes if o.pair.split == "dev"]
    whole = scores(dev)
    hard = scores([o for o in dev if o.pair.hard])
    # The corpus as a whole, held-out slices included: the honest overall figure.
    report = {
        "load_ms": round(load_ms, 1),
        "whole": whole,
        "hard": hard,
        "all": scores(outcomes),
        "all_hard": scores([o for o in outcomes if o.pair.hard]),
    }
    for split in HELD_OUT:
        held = [o for o in outcomes if o.pair.split == split]
        report[split] = scores(held) if held else None
        report[f"{split}_hard"] = scores([o for o in held if o.pair.hard]) if held else None
    return {
        **report,
        "p50_ms": round(percentile(times, 50), 3),
        "p95_ms": round(percentile(times, 95), 3),
        "meets_targets": meets(whole, **TARGETS["whole"])
        and meets(hard, **TARGETS["hard"])
        and percentile(times, 50) < TARGETS["p50_ms"],
    }


def _choose(engines: dict) -> str:
    """Best engine: meeting the targets first, then fewer misses + false positives, then speed."""

    def cost(name: str) -> tuple:
        e = engines[name]
        errors = len(e["whole"]["misses"]) + e["whole"]["fp_counts"][0]
        return (not e["meets_targets"], errors, e["p50_ms"])

    return min(engines, key=cost)


def run(quick: bool = False) -> dict:
    """Score every engine on the corpus and say which one is chosen."""
    pairs = load_corpus(CORPUS)
    repeats = 1 if quick else 5
    engines = {name: _engine_report(name, pairs, repeats) for name in ENGINES}
    dev = [p for p in pairs if p.split == "dev"]
    return {
        "corpus": {
            "pairs": len(pairs),
            "dev": len(dev),
            **{split: sum(1 for p in pairs if p.split == split) for split in HELD_OUT},
            "faithful_dev": sum(1 for p in dev if not p.expected),
            "hard_dev": sum(1 for p in dev if p.hard),
        },
        "targets": TARGETS,
        "engines": engines,
        "chosen": _choose(engines),
        "worst_case_ms_20k_chars": worst_case_ms(Verifier(make_engine(PRODUCTION_ENGINE))),
        "production": PRODUCTION_ENGINE,
    }


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_table(result: dict) -> None:
    """Human-readable summary of run()."""
    header = f"{'engine':16} {'part':13} " + " ".join(f"{t[:5]:>6}" for t in TYPES)
    print(header + f" {'FP':>6} {'p50ms':>7} {'p95ms':>7}")
    for name, e in result["engines"].items():
        for part in ("whole", "hard") + tuple(f"{h}{x}" for h in HELD_OUT for x in ("", "_hard")):
            s = e[part]
            if s is None:
                continue
            rec = " ".join(f"{_fmt(s['recall'][t]):>6}" for t in TYPES)
            timing = f" {e['p50_ms']:7.2f} {e['p95_ms']:7.2f}" if part == "whole" else ""
            print(f"{name:16} {part:13} {rec} {_fmt(s['fp_rate']):>6}{timing}")
    print(f"chosen: {result['chosen']} (production: {result['production']})")
    for name, e in result["engines"].items():
        for part in ("whole",) + HELD_OUT:
            s = e[part]
            if s and (s["misses"] or s["false_positives"]):
                print(f"  {name} {part} misses: {', '.join(s['misses']) or '-'}")
                print(f"  {name} {part} false positives: {', '.join(s['false_positives']) or '-'}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one timing pass instead of five")
    parser.add_argument("--json", type=Path, help="write the result as JSON to this file")
    args = parser.parse_args(argv)
    result = run(quick=args.quick)
    print_table(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
