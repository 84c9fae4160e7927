"""Run every benchmark, write results/latest.json and print a table: `python -m bench.run_all`."""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def verdict(ok: bool) -> str:
    """PASS or MISS."""
    return "PASS" if ok else "MISS"


def table(results: dict) -> list[tuple[str, str, str, str]]:
    """(figure, measured, target, verdict) rows."""
    rows = []
    macro = results.get("macro")
    if macro:
        for size in macro["results"]:
            rows.append(
                (
                    f"macro expand median, {size['size']:,} macros",
                    f"{size['engine_median_us']:.2f} us",
                    "< 25 us",
                    verdict(size["engine_median_us"] < 25),
                )
            )
            rows.append(
                (
                    f"  speed-up over prototype, {size['size']:,}",
                    f"{size['speedup']:,.0f}x",
                    ">= 5,000x at 100,000" if size["size"] == 100_000 else "-",
                    verdict(size["speedup"] >= 5000) if size["size"] == 100_000 else "-",
                )
            )
        growth = macro["growth_500_to_100000"]
        rows.append(
            ("macro growth 500 -> 100,000", f"{growth:.3f}x", "<= 1.25x", verdict(growth <= 1.25))
        )
    http = results.get("http")
    if http:
        s = http["status_vs_bare"]
        rows.append(
            (
                "GET /status vs bare Flask (rps ratio)",
                f"{s['ratio']:.2f} ({s['api_rps']:.0f}/{s['bare_rps']:.0f})",
                ">= 0.80",
                verdict(s["ratio"] >= 0.80),
            )
        )
        p = http["process_command_vs_status"]
        rows.append(
            (
                "POST /process-command offline vs /status",
                f"{p['ratio']:.2f} ({p['process_command_rps']:.0f}/{p['status_rps']:.0f})",
                ">= 0.50",
                verdict(p["ratio"] >= 0.50 and p["errors"] == 0),
            )
        )
        llm = http["slow_llm"]
        rows.append(
            (
                "slow LLM (1 s), 64 clients: rps / 64",
                f"{llm['ratio_to_ideal_64']:.2f} (p99 {llm['p99_ms']} ms, "
                f"{llm['server_rss_mb']} MiB, {llm['errors']} errors)",
                ">= 0.85",
                verdict(llm["ratio_to_ideal_64"] >= 0.85 and not llm["errors"]),
            )
        )
        lg = http["logins"]
        rows.append(
            (
                "/status p99 with 20 logins/s",
                f"{lg['status_p99_ms_with_logins']} ms (idle {lg['status_p99_ms_idle']} ms)",
                "< 50 ms",
                verdict(lg["status_p99_ms_with_logins"] < 50),
            )
        )
    for run in (results.get("load") or {}).get("runs", []):
        cpu = ", ".join(f"{name} {ms}" for name, ms in run["cpu_ms_per_draft"].items())
        rows.append(
            (
                f"LLM 2 s, {run['clients']:,} clients, {run['mode']}, {run['server']}: "
                "drafts/s / stub alone",
                f"{run['ratio']} ({run['drafts_rps']:.0f}/{run['stub_rps']:.0f}/s, "
                f"p50 {run['p50_ms']} p99 {run['p99_ms']} ms, /status p99 "
                f"{run['status_p99_ms']} ms, {run['server_rss_mib']} MiB, {run['errors']} errors)",
                ">= 0.85, p99 <= 3 s, /status <= 100 ms, <= 600 MiB, 0 errors",
                verdict(run["meets_targets"]),
            )
        )
        rows.append(
            (
                "  CPU ms per draft (steady window)",
                f"{cpu}; stub alone {run['stub_cpu_ms_per_request']['stub']} "
                f"({run['window_drafts_s']} drafts/s in the window)",
                "-",
                "-",
            )
        )
    verifier = results.get("verifier")
    if verifier:
        chosen = verifier["engines"][verifier["production"]]
        rows.append(
            (
                "verifier engine in production",
                verifier["production"],
                f"best scored: {verifier['chosen']}",
                "-",
            )
        )
        for entry in verifier["blind_first_scores"]:
            recalls = ", ".join(f"{r:.2f}" for r in entry["recall"].values() if r is not None)
            rows.append(
                (
                    f"verifier blind first score, {entry['split']} ({entry['pairs']} pairs)",
                    f"recall {recalls}; FP {entry['fp_rate']:.2f}",
                    ">= 0.90 each; FP <= 0.05",
                    verdict(entry["meets_unseen_target"]),
                )
            )
        scores = chosen["all"]
        for kind, recall in scores["recall"].items():
            rows.append(
                (
                    f"verifier recall {kind} (all {verifier['corpus']['pairs']} pairs)",
                    "-" if recall is None else f"{recall:.3f}",
                    ">= 0.95",
                    verdict(recall is not None and recall >= 0.95),
                )
            )
        rows.append(
            (
                "verifier false-positive rate (all pairs)",
                f"{scores['fp_rate']:.3f}",
                "<= 0.03",
                verdict(scores["fp_rate"] <= 0.03),
            )
        )
        rows.append(
            (
                "verifier worst case, 20,000-char texts",
                f"{verifier['worst_case_ms_20k_chars']} ms",
                "-",
                "-",
            )
        )
        rows.append(
            (
                "verifier p50 / p95 per pair",
                f"{chosen['p50_ms']:.2f} / {chosen['p95_ms']:.2f} ms",
                "<= 5 / <= 20 ms",
                verdict(chosen["p50_ms"] <= 5 and chosen["p95_ms"] <= 20),
            )
        )
    phi = results.get("phi")
    if phi:
        scores = phi["scores"]
        for category in ("NAME", "DATE", "MRN", "ACCESSION", "ID", "PHONE"):
            recall = scores["recall"].get(category)
            if recall is not None:
                rows.append(
                    (
                        f"PHI recall {category} (corpus, training figure)",
                        f"{recall:.3f}",
                        ">= 0.98",
                        verdict(recall >= 0.98),
                    )
                )
        rate = scores["clinical_masked_rate"]
        rows.append(("PHI clinical tokens masked", f"{rate:.4f}", "<= 0.01", verdict(rate <= 0.01)))
        median = phi["latency"]["median_ms"]
        rows.append(
            (
                "PHI gate added latency, median",
                f"{median:.2f} ms (p99 {phi['latency']['p99_ms']:.2f})",
                "<= 2 ms",
                verdict(median <= 2.0),
            )
        )
    return rows


def main() -> int:
    """Run the selected benchmarks and report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--only", choices=["macro", "http", "verifier", "phi", "load"], action="append"
    )
    parser.add_argument("--clients", help="load: comma list of client counts (256,512,1000)")
    parser.add_argument("--modes", help="load: json, sse or json,sse")
    parser.add_argument(
        "--gunicorn-arg", action="append", default=[], help="load: extra gunicorn argument"
    )
    parser.add_argument(
        "--floor",
        action="store_true",
        help="load: also run a minimal app drafting through the same LLM client, nothing else",
    )
    args = parser.parse_args()
    selected = args.only or ["macro", "verifier", "phi", "http", "load"]
    results: dict = {
        "quick": args.quick,
        "machine": platform.machine(),
        "python": platform.python_version(),
        "started": time.strftime("%FT%TZ", time.gmtime()),
    }
    if "macro" in selected:
        from bench import macro_bench

        results["macro"] = macro_bench.run(args.quick)
    if "verifier" in selected:
        from bench import verifier_bench

        results["verifier"] = verifier_bench.run(args.quick)
    if "phi" in selected:
        from bench import phi_bench

        results["phi"] = phi_bench.run(args.quick)
    if "http" in selected:
        from bench import http_bench

        results["http"] = http_bench.run(args.quick)
    if "load" in selected:
        from bench import load_bench

        results["load"] = load_bench.run(
            args.quick,
            clients=tuple(int(c) for c in (args.clients or "256,512,1000").split(",")),
            modes=tuple((args.modes or "json,sse").split(",")),
            gunicorn_args=tuple(args.gunicorn_arg),
            floor=args.floor,
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    rows = table(results)
    widths = [
        max(len(row[i]) for row in rows + [("figure", "measured", "target", "")]) for i in range(4)
    ]
    print()
    for row in [("figure", "measured", "target", "")] + rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)))
    print(f"\nresults written to {RESULTS.relative_to(RESULTS.parents[3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
