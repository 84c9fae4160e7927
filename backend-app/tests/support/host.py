"""The tests' and benchmarks' own door to the environment and to child processes.

The runtime package reaches the OS only through radpair.util_helper, and registers only its own
modules there. Code that never ships (tests, bench) goes through this module instead: it is the
one place outside util_helper that flake8 and tests/unit/test_util_helper.py let import os and
subprocess.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import IO, Mapping, Sequence


def env(name: str, default: str | None = None) -> str | None:
    """One environment variable, or the default when unset."""
    return os.environ.get(name, default)


def environ() -> dict[str, str]:
    """A copy of the whole environment, for a child process to get with changes."""
    return dict(os.environ)


def clock_ticks() -> int:
    """Clock ticks per second, the unit of the CPU times in /proc/<pid>/stat."""
    return os.sysconf("SC_CLK_TCK")


def is_root() -> bool:
    """True when the process runs as root."""
    return os.geteuid() == 0


def run(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    check: bool = True,
    timeout: float | None = None,
    cwd: str | Path | None = None,
    input_text: str | None = None,
) -> subprocess.CompletedProcess:
    """Run a child process to completion, its output captured as text."""
    # The same call as util_helper's run, on purpose: the runtime gateway stays closed to
    # modules that never ship, rather than opened to them through its private class.
    return subprocess.run(
        list(argv),
        env=dict(env) if env is not None else None,
        check=check,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        input=input_text,
    )


def spawn(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    stdout: IO | None = None,
    stderr: IO | None = None,
    cwd: str | Path | None = None,
) -> subprocess.Popen:
    """Start a child process and return without waiting (stderr to stdout unless given)."""
    return subprocess.Popen(
        list(argv),
        env=dict(env) if env is not None else None,
        stdout=stdout if stdout is not None else subprocess.DEVNULL,
        stderr=stderr if stderr is not None else subprocess.STDOUT,
        cwd=cwd,
    )
