"""In-process benchmark: macro engine versus the original CSV-rescanning prototype.

Usage: python backend-app/bench/macro_bench.py [--quick] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import gc
import importlib
import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

SIZES = (500, 10_000, 100_000)
SEED = 20240611
TARGET_MEDIAN_US = 25.0
TARGET_GROWTH = 1.25
TARGET_SPEEDUP = 5000.0

# fmt: off
MODIFIERS = (
    "normal", "limited", "routine", "follow up", "postoperative", "pediatric", "trauma",
    "bilateral", "left", "right", "portable", "screening", "diagnostic", "stable", "chronic",
    "acute", "negative", "unremarkable", "preliminary", "complete", "focused", "repeat",
    "outside", "emergency", "baseline", "interval", "post contrast", "pre contrast",
    "oncology", "staging",
)
ANATOMY = (
    "chest", "abdomen", "pelvis", "head", "brain", "cervical spine", "thoracic spine",
    "lumbar spine", "knee", "shoulder", "hip", "ankle", "wrist", "elbow", "hand", "foot",
    "liver", "kidney", "spleen", "pancreas", "gallbladder", "thyroid", "neck", "sinus",
    "orbit", "temporal bone", "aorta", "carotid", "renal artery", "heart", "lung", "breast",
    "prostate", "uterus", "ovary", "bladder", "bowel", "appendix", "femur", "tibia",
    "humerus", "clavicle", "rib", "sternum", "sacrum", "coccyx", "face", "mandible",
    "pituitary", "adrenal", "scrotum", "testis", "venous", "arterial", "lower extremity",
    "upper extremity", "pulmonary artery", "mediastinum", "pleura", "diaphragm", "esophagus",
    "stomach", "duodenum", "colon", "rectum", "small bowel", "biliary", "portal vein",
    "inferior vena cava", "abdominal aorta", "iliac", "popliteal", "achilles", "rotator cuff",
    "meniscus", "acl", "labrum", "disc", "facet", "foramen",
)
MODALITIES = (
    "ct", "mri", "xray", "ultrasound", "cta", "mra", "pet", "nuclear", "fluoroscopy",
    "doppler", "mammogram", "dexa",
)
FINDINGS = (
    "no acute findings", "mild degenerative change", "small effusion", "no fracture",
    "no mass", "no hydronephrosis", "clear lungs", "cardiomegaly", "atelectasis",
    "pneumothorax", "nodule", "cyst", "hemangioma", "steatosis", "stones", "diverticulosis",
    "appendicitis", "hernia", "lymphadenopathy", "ascites", "edema", "infarct", "hemorrhage",
    "aneurysm", "stenosis", "thrombosis", "tear", "tendinosis", "bursitis", "arthropathy",
    "osteopenia", "scoliosis", "spondylosis", "listhesis", "compression deformity",
    "postsurgical change", "hardware intact", "consolidation", "emphysema", "fibrosis",
    "bronchiectasis", "calcification", "plaque", "dissection", "occlusion", "collateral",
    "enhancement", "restricted diffusion", "mass effect", "midline shift", "hydrocephalus",
    "sinusitis", "polyp", "thickening", "wall motion", "ejection fraction", "reflux",
    "obstruction", "ileus", "free air",
)
QUALIFIERS = (
    "with contrast", "without contrast", "with and without contrast", "two views",
    "three views", "single view", "protocol", "impression", "findings", "template",
    "comparison", "technique", "history", "recommendation", "addendum", "short", "long",
    "detailed", "brief", "standard", "teaching", "resident", "attending", "after hours",
    "weekend",
)
# fmt: on
SENTENCES = (
    "The {a} is unremarkable in size and contour.",
    "No focal abnormality of the {a} is identified.",
    "There is [mild|moderate|severe] {f} without associated complication.",
    "Comparison is made to the prior examination dated __.",
    "Findings are consistent with {f}.",
    "No evidence of {f} in the {a}.",
    "Visualized portions of the {a} are within normal limits.",
    "Recommend clinical correlation and follow up as clinically indicated.",
)
PROSE = (
    "Clinical history: {age} year old with {f} and prior {m} of the {a}. ",
    "Technique: {m} of the {a} was performed {q}. ",
    "Findings: the {a} demonstrates {f}; the adjacent structures are preserved. ",
    "The catheter was inserted without difficulty and its tip projects over the {a}. ",
    "The macroscopic appearance of the specimen was noted on the requisition. ",
    "There is no {f2}.\nThe {a} is otherwise unremarkable. ",
    "Comparison: {m} from {age} days ago shows interval {f}. ",
)


def _phrases(count: int, rng: random.Random) -> list[str]:
    """Unique, multi-word, radiology-like phrases; prefixes give the smaller libraries."""
    templates = (
        lambda: f"{rng.choice(MODIFIERS)} {rng.choice(ANATOMY)} {rng.choice(MODALITIES)}",
        lambda: f"{rng.choice(ANATOMY)} {rng.choice(FINDINGS)}",
        lambda: f"{rng.choice(MODALITIES)} {rng.choice(ANATOMY)} {rng.choice(QUALIFIERS)}",
        lambda: f"{rng.choice(MODIFIERS)} {rng.choice(ANATOMY)} {rng.choice(FINDINGS)}",
        lambda: (
            f"{rng.choice(MODIFIERS)} {rng.choice(MODALITIES)} "
            f"{rng.choice(ANATOMY)} {rng.choice(QUALIFIERS)}"
        ),
    )
    seen: set[str] = set()
    phrases = []
    while len(phrases) < count:
        phrase = rng.choice(templates)()
        if phrase not in seen:
            seen.add(phrase)
            phrases.append(phrase)
    return phrases


def _body(rng: random.Random) -> str:
    sentences = rng.sample(SENTENCES, rng.randint(2, 4))
    return " ".join(
        s.format(a=rng.choice(ANATOMY), f=rng.choice(FINDINGS)) for s in sentences
    ).replace("__", "__" if rng.random() < 0.3 else "[today|yesterday]")


def build_rows(count: int, seed: int = SEED) -> list[tuple[str, str]]:
    """Return ``count`` (phrase, body) rows of a synthetic site library."""
    rng = random.Random(seed)
    phrases = _phrases(count, rng)
    return [(phrase, _body(rng)) for phrase in phrases]


def build_dictation(phrases: list[str], seed: int = SEED, size: int = 1500) -> str:
    """Return a ``size``-character dictation of prose with four triggered macro phrases."""
    rng = random.Random(seed + 1)
    chosen = rng.sample(phrases, 4)
    triggers = ("insert", "Insert", "macro", "insert")
    inserts = [f"{trigger} {phrase}. " for trigger, phrase in zip(triggers, chosen)]
    prose_size = size - sum(len(i) for i in inserts)
    chunks = []
    while sum(len(c) for c in chunks) < prose_size:
        chunks.append(
            rng.choice(PROSE).format(
                age=rng.randint(20, 90),
                f=rng.choice(FINDINGS),
                f2=rng.choice(FINDINGS),
                m=rng.choice(MODALITIES).upper(),
                a=rng.choice(ANATOMY),
                q=rng.choice(QUALIFIERS),
            )
        )
    text = "".join(chunks)[:prose_size]
    # Spread the triggered phrases through the prose at sentence breaks.
    breaks = [m.end() for m in re.finditer(r"\. ", text)]
    for at, insert in zip(sorted(rng.sample(breaks, len(inserts)), reverse=True), inserts):
        text = text[:at] + insert + text[at:]
    return text


def write_csv(rows: list[tuple[str, str]], path: Path) -> None:
    """Write rows in the prototype's CSV layout."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Macro Phrase", "Macro Text"])
        writer.writerows(rows)


def prototype_expand(csv_path: Path, text: str) -> str:
    """The original prototype: re-read the CSV and rescan the text for every row."""
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            phrase, body = row["Macro Phrase"], row["Macro Text"]
            if phrase.lower() in text.lower():
                text = re.sub(re.escape(phrase), body, text, flags=re.I)
    return text


def _engine():
    try:
        return importlib.import_module("radpair.macros.engine")
    except ImportError:
        # Running from a checkout that is not pip-installed.
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        return importlib.import_module("radpair.macros.engine")


def _median_us(func, arg_a, arg_b, reps: int) -> float:
    """Median wall time of ``func(arg_a, arg_b)`` in microseconds over ``reps`` calls."""
    clock = time.perf_counter_ns
    samples = []
    func(arg_a, arg_b)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(reps):
            t0 = clock()
            func(arg_a, arg_b)
            samples.append(clock() - t0)
    finally:
        if gc_was_enabled:
            gc.enable()
    return statistics.median(samples) / 1000.0


def run(quick: bool) -> dict:
    """Run the benchmark and return the results as a dict."""
    engine = _engine()
    rows_all = build_rows(max(SIZES))
    text = build_dictation([phrase for phrase, _ in rows_all[: min(SIZES)]])
    # The same prose with the trigger words spoken differently: nothing to expand.
    quiet = re.sub(r"\b(?i:insert|macro) ", "add ", text)
    engine_reps = 3000 if quick else 20000
    proto_reps = {500: 30, 10_000: 10, 100_000: 5} if quick else {500: 201, 10_000: 51, 100_000: 15}
    user_macros = [
        engine.Macro(str(uuid.uuid4()), f"my {phrase}", body, "user")
        for phrase, body in rows_all[:20]
    ]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            rows = rows_all[:size]
            csv_path = Path(tmp) / f"macros_{size}.csv"
            write_csv(rows, csv_path)
            macros = [engine.Macro(str(uuid.uuid4()), p, b, "site") for p, b in rows]
            t0 = time.perf_counter()
            library = engine.MacroLibrary(macros)
            build_s = time.perf_counter() - t0
            t0 = time.perf_counter_ns()
            view = library.with_overlay(user_macros)
            overlay_us = (time.perf_counter_ns() - t0) / 1000.0
            expansion = library.expand(text)
            engine_us = _median_us(lambda lib, t: lib.expand(t), library, text, engine_reps)
            view_us = _median_us(lambda lib, t: lib.expand(t), view, text, engine_reps)
            quiet_us = _median_us(lambda lib, t: lib.expand(t), library, quiet, engine_reps)
            proto_us = _median_us(prototype_expand, csv_path, text, proto_reps[size])
            results.append(
                {
                    "size": size,
                    "engine_median_us": round(engine_us, 2),
                    "engine_overlay_median_us": round(view_us, 2),
                    "engine_no_trigger_median_us": round(quiet_us, 2),
                    "prototype_median_us": round(proto_us, 1),
                    "speedup": round(proto_us / engine_us, 1),
                    "build_s": round(build_s, 3),
                    "with_overlay_us": round(overlay_us, 1),
                    "macros_expanded": len(expansion.macros),
                }
            )
    by_size = {r["size"]: r for r in results}
    growth = by_size[100_000]["engine_median_us"] / by_size[500]["engine_median_us"]
    worst = max(r["engine_median_us"] for r in results)
    return {
        "quick": quick,
        "text_chars": len(text),
        "engine_reps": engine_reps,
        "results": results,
        "growth_500_to_100000": round(growth, 3),
        "targets": {
            "median_under_us": TARGET_MEDIAN_US,
            "max_growth": TARGET_GROWTH,
            "min_speedup_at_100000": TARGET_SPEEDUP,
            "met": worst < TARGET_MEDIAN_US
            and growth <= TARGET_GROWTH
            and by_size[100_000]["speedup"] >= TARGET_SPEEDUP,
        },
    }


def _print_table(report: dict) -> None:
    head = (
        f"{'size':>8} {'engine µs':>10} {'overlay µs':>11} {'no-trig µs':>11} "
        f"{'prototype µs':>13} {'speedup':>10} {'build s':>8} {'matched':>8}"
    )
    print(f"dictation: {report['text_chars']} chars, engine reps: {report['engine_reps']}")
    print(head)
    for r in report["results"]:
        print(
            f"{r['size']:>8} {r['engine_median_us']:>10.2f} {r['engine_overlay_median_us']:>11.2f}"
            f" {r['engine_no_trigger_median_us']:>11.2f} {r['prototype_median_us']:>13.1f}"
            f" {r['speedup']:>9.0f}x {r['build_s']:>8.2f} {r['macros_expanded']:>8}"
        )
    print(f"growth 500 -> 100000: {report['growth_500_to_100000']:.3f}x")
    print(f"targets met: {report['targets']['met']}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (< 60 s)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write results as JSON")
    args = parser.parse_args(argv)
    report = run(args.quick)
    _print_table(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
