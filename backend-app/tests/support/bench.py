"""The benchmark scripts under backend-app/bench, loaded as modules for tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"


def load_bench(name: str):
    """bench/<name>.py as a module (the bench folder is scripts, not an installed package)."""
    spec = importlib.util.spec_from_file_location(f"bench.{name}", BENCH_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
