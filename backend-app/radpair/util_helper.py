"""The single gateway to the process environment, the file system's OS calls and child processes.

Only the modules listed in ``REGISTERED_CALLERS`` may open it; everything else reads the typed
``Settings`` object built once at start-up. The flake8 rule I251 bans ``os`` and ``subprocess``
everywhere else, and a test enforces the same. Tests and benchmarks never ship, and have their own
door (tests/support/host.py), so only runtime modules are registered here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping, Sequence

# Why a registry: env and process access scattered across modules made reviews and tests hard in
# the prototype; a caller must be added here on purpose.
REGISTERED_CALLERS = frozenset(
    {
        "radpair.settings",
        "radpair.embedded_db",
        "radpair.cli",
        "radpair.migrations",
    }
)


class UnregisteredCallerError(PermissionError):
    """Raised when a module that is not registered tries to use util_helper."""


class _Gateway:
    """The operations util_helper hands to a registered caller."""

    def __init__(self, caller: str):
        self.caller = caller

    def env(self, name: str, default: str | None = None) -> str | None:
        """One environment variable, or the default when unset."""
        return os.environ.get(name, default)

    def environ(self) -> dict[str, str]:
        """A copy of the whole environment."""
        return dict(os.environ)

    def run(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        check: bool = True,
        capture: bool = True,
        user: str | None = None,
        input_text: str | None = None,
        timeout: float | None = None,
        cwd: str | Path | None = None,
    ) -> subprocess.CompletedProcess:
        """Run a child process to completion."""
        return subprocess.run(
            list(argv),
            env=dict(env) if env is not None else None,
            check=check,
            capture_output=capture,
            text=True,
            user=user,
            input=input_text,
            timeout=timeout,
            cwd=cwd,
        )

    def is_root(self) -> bool:
        """True when the process runs as root (PostgreSQL refuses to run as root)."""
        return os.geteuid() == 0

    def chown(self, path: Path, user: str) -> None:
        """Give a path to a system user."""
        import shutil

        shutil.chown(path, user=user)


@contextmanager
def util_helper(caller: str | None = None) -> Iterator[_Gateway]:
    """Open the gateway for a registered module; unregistered callers get a clear error."""
    # The caller's real module name comes from the frame, so a module cannot borrow another's name.
    frame_module = sys._getframe(2).f_globals.get("__name__", "")
    if caller is not None and caller != frame_module:
        raise UnregisteredCallerError(
            f"util_helper was called from {frame_module!r} claiming to be {caller!r}"
        )
    if frame_module not in REGISTERED_CALLERS:
        raise UnregisteredCallerError(
            f"module {frame_module!r} is not registered with util_helper; add it to "
            "REGISTERED_CALLERS in radpair/util_helper.py or read radpair.settings instead"
        )
    yield _Gateway(frame_module)
