"""PHI gate benchmark: recall per category, clinical tokens wrongly masked, added latency.

Usage: python -m bench.phi_bench [--quick] [--engine regex|presidio|presidio-rules] [--misses]

The corpus (tests/data/phi_corpus.yaml) was written by a helper that never saw the gate's code:
`dictations: [{id, text, identifiers: [{category, text}]}]`. Every occurrence of a labelled
identifier's text in its dictation must be masked. An identifier counts as caught when every
letter and digit of it lies inside a masked span, except the context words listed in
CONTEXT_WORDS ("Dr", "year", "old", "MRN"...): "Dr. [NAME_1]" and "[AGE_1]-year-old" hide the
person. A clinical token is a word or number outside every labelled identifier; the rate is the
share of those that a masked span touches. A labelled name's eponym use ("Murphy sign" beside
"Dr. Murphy") is a clinical word, not an occurrence of the name. Latency is PhiGate.mask plus
restore of a draft the size of the dictation, per dictation, in process (what the gate adds).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
CORPUS = DATA / "phi_corpus.yaml"
# Each slice written blind by a helper who never saw the gate; first scores in results/.
CORPORA = (
    CORPUS,
    DATA / "phi_corpus2.yaml",
    DATA / "phi_corpus3.yaml",
    DATA / "phi_corpus4.yaml",
    DATA / "phi_corpus5.yaml",
    DATA / "phi_corpus6.yaml",
    DATA / "phi_corpus7.yaml",
    DATA / "phi_corpus8.yaml",
    DATA / "phi_corpus9.yaml",
    DATA / "phi_corpus10.yaml",
    DATA / "phi_corpus11.yaml",
    DATA / "phi_corpus12.yaml",
    DATA / "phi_corpus13.yaml",
    DATA / "phi_corpus14.yaml",
    DATA / "phi_corpus15.yaml",
    DATA / "phi_corpus16.yaml",
    DATA / "phi_corpus17.yaml",
    DATA / "phi_corpus18.yaml",
    DATA / "phi_corpus19.yaml",
    DATA / "phi_corpus20.yaml",
    DATA / "phi_corpus21.yaml",
    DATA / "phi_corpus22.yaml",
    DATA / "phi_corpus23.yaml",
    DATA / "phi_corpus24.yaml",
    DATA / "phi_corpus25.yaml",
    DATA / "phi_corpus26.yaml",
    DATA / "phi_corpus27.yaml",
    DATA / "phi_corpus28.yaml",
)
CORPUS_CATEGORY = {"AGE_OVER_89": "AGE"}
CONTEXT_WORDS = {
    "dr", "drs", "doctor", "mr", "mrs", "ms", "miss", "prof", "professor", "mrn", "acc",
    "accession", "no", "number", "num", "year", "years", "old", "yo", "y", "o", "aged", "age",
    "id", "phone", "tel", "fax", "ext", "pager", "the", "of",
    # Added in session 22 with the other keys of their kind (training figures only).
    "bleep", "extension", "yrs", "yr",
}  # fmt: skip
TARGET_RECALL = 0.98
RECALL_CATEGORIES = ("NAME", "DATE", "MRN", "ACCESSION", "ID", "PHONE")
TARGET_CLINICAL_RATE = 0.01
TARGET_MEDIAN_MS = 2.0
_WORD = re.compile(r"\w+")
# A labelled name that is also an eponym ("Dr. Murphy" and "Murphy sign"): the eponym use is a
# clinical word that must survive, not an occurrence of the identifier.
_EPONYM_AFTER = re.compile(r"['’]?s?\s+(?:sign|cyst|disease|syndrome|lymphoma|fracture)\b")


def load_corpus(path: Path = CORPUS) -> list[dict]:
    """The labelled dictations."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["dictations"]


def regex_spans(text: str) -> list[tuple[int, int]]:
    """Masked spans of the production gate."""
    from radpair.phi import find_identifiers

    return [(span.start, span.end) for span in find_identifiers(text)]


def engine(name: str):
    """text -> masked spans, for the engine named."""
    if name == "regex":
        return regex_spans
    from bench.phi_presidio import presidio_engine

    return presidio_engine(with_rules=name == "presidio-rules")


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    found, start = [], text.find(needle)
    while start != -1 and needle:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def score(corpus: list[dict], spans_of, show_misses: bool = False) -> dict:
    """Recall per category and clinical tokens wrongly masked, for one engine."""
    caught, total, unlocated = Counter(), Counter(), 0
    clinical_total = clinical_masked = 0
    misses, false_masks = [], Counter()
    for item in corpus:
        text = item["text"]
        masked = bytearray(len(text))
        for start, end in spans_of(text):
            masked[start:end] = b"\x01" * (end - start)
        labelled = bytearray(len(text))
        for identifier in item.get("identifiers") or []:
            category = CORPUS_CATEGORY.get(identifier["category"], identifier["category"])
            places = _occurrences(text, identifier["text"])
            if category == "NAME":
                places = [p for p in places if not _EPONYM_AFTER.match(text, p[1])]
            if not places:
                unlocated += 1
                continue
            for start, end in places:
                labelled[start:end] = b"\x01" * (end - start)
                total[category] += 1
                words = [
                    w
                    for w in _WORD.finditer(text, start, end)
                    if w.group().lower() not in CONTEXT_WORDS
                ]
                if all(all(masked[w.start() : w.end()]) for w in words):
                    caught[category] += 1
                else:
                    misses.append((item["id"], category, identifier["text"]))
        for word in _WORD.finditer(text):
            if any(labelled[word.start() : word.end()]):
                continue
            clinical_total += 1
            if any(masked[word.start() : word.end()]):
                clinical_masked += 1
                false_masks[word.group()] += 1
    if show_misses:
        for miss in misses:
            print("MISS", *miss)
        for word, count in false_masks.most_common():
            print("FALSE", word, count)
    recall = {c: round(caught[c] / total[c], 4) for c in sorted(total)}
    every = sum(total.values())
    return {
        "dictations": len(corpus),
        "identifiers": dict(sorted(total.items())),
        "unlocated_labels": unlocated,
        "recall": recall,
        "recall_all": round(sum(caught.values()) / every, 4) if every else None,
        "clinical_tokens": clinical_total,
        "clinical_masked": clinical_masked,
        "clinical_masked_rate": round(clinical_masked / clinical_total, 5),
    }


def latency(corpus: list[dict], rounds: int) -> dict:
    """Added latency of the production gate: mask a prompt and restore a draft, per dictation."""
    from radpair.llm.prompts import build_messages
    from radpair.phi import PhiGate

    gate = PhiGate()
    samples = []
    for _ in range(rounds):
        for item in corpus:
            messages = build_messages([], item["text"])
            began = time.perf_counter()
            gated = gate.mask(messages)
            draft = gated.messages[-1]["content"]
            gated.restore(draft)
            "".join(gated.restore_stream(draft[i : i + 7] for i in range(0, len(draft), 7)))
            samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 4),
        "p99_ms": round(samples[int(len(samples) * 0.99) - 1], 4),
        "max_ms": round(samples[-1], 4),
        "samples": len(samples),
    }


def engine_latency(corpus: list[dict], spans_of, rounds: int) -> float:
    """Median detection time per dictation for any engine (for the comparison)."""
    samples = []
    for _ in range(rounds):
        for item in corpus:
            began = time.perf_counter()
            spans_of(item["text"])
            samples.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(samples), 4)


def run(quick: bool = False) -> dict:
    """The production gate's figures on every slice (for bench.run_all): training figures."""
    corpus = [item for path in CORPORA for item in load_corpus(path)]
    return {
        "engine": "regex",
        "scores": score(corpus, regex_spans),
        "latency": latency(corpus, 3 if quick else 20),
    }


def main() -> int:
    """Score one engine on the corpus and print the figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--engine", default="regex")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    spans_of = engine(args.engine)
    result = {"engine": args.engine, "scores": score(corpus, spans_of, args.misses)}
    result["detect_median_ms"] = engine_latency(corpus, spans_of, 1 if args.quick else 5)
    if args.engine == "regex":
        result["latency"] = latency(corpus, 3 if args.quick else 20)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
