"""util_helper is the only gateway to env and os, and only for registered modules."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest

from radpair.util_helper import REGISTERED_CALLERS, UnregisteredCallerError, util_helper

BACKEND = Path(__file__).resolve().parents[2]
BANNED = {"os", "subprocess"}
# The runtime package's gateway, and the one for code that never ships (tests, bench).
GATEWAYS = {Path("radpair/util_helper.py"), Path("tests/support/host.py")}


def _run_in_module(module_name: str, source: str):
    module = types.ModuleType(module_name)
    exec(compile(source, f"<{module_name}>", "exec"), module.__dict__)
    return module.probe()


def test_a_registered_module_reads_the_environment():
    value = _run_in_module(
        "radpair.settings",
        "from radpair.util_helper import util_helper\n"
        "def probe():\n"
        "    with util_helper() as util:\n"
        "        return util.env('PATH')\n",
    )
    assert value


def test_an_unregistered_module_gets_a_clear_error():
    with pytest.raises(UnregisteredCallerError, match="radpair.handlers.rogue.*not registered"):
        _run_in_module(
            "radpair.handlers.rogue",
            "from radpair.util_helper import util_helper\n"
            "def probe():\n"
            "    with util_helper() as util:\n"
            "        return util.env('PATH')\n",
        )


def test_a_module_cannot_borrow_a_registered_name():
    with pytest.raises(UnregisteredCallerError, match="claiming to be"):
        _run_in_module(
            "radpair.handlers.rogue",
            "from radpair.util_helper import util_helper\n"
            "def probe():\n"
            "    with util_helper('radpair.settings') as util:\n"
            "        return util.env('PATH')\n",
        )


def test_this_test_module_is_not_registered():
    assert __name__ not in REGISTERED_CALLERS
    with pytest.raises(UnregisteredCallerError):
        with util_helper():
            pass


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            if node.args and isinstance(node.args[0], ast.Constant):
                names.add(str(node.args[0].value).split(".")[0])
    return names


def python_files() -> list[Path]:
    return sorted(path for path in BACKEND.rglob("*.py") if ".venv" not in path.parts)


def test_no_module_but_the_two_gateways_imports_os_or_subprocess():
    offenders = []
    for path in python_files():
        relative = path.relative_to(BACKEND)
        if relative in GATEWAYS:
            continue
        banned = _imported_modules(path) & BANNED
        if banned:
            offenders.append(f"{relative}: {sorted(banned)}")
    assert offenders == []


def test_the_scan_covers_the_runtime_package_the_tests_and_the_bench():
    folders = {path.relative_to(BACKEND).parts[0] for path in python_files()}
    assert {"radpair", "tests", "bench"} <= folders
    assert len([p for p in python_files() if p.relative_to(BACKEND).parts[0] == "radpair"]) > 50


def test_only_runtime_modules_that_exist_are_registered():
    for name in REGISTERED_CALLERS:
        assert name.split(".")[0] == "radpair"
        assert (BACKEND / (name.replace(".", "/") + ".py")).is_file(), name


def test_the_scan_would_notice_an_import_of_os(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import os.path\nfrom subprocess import run\n")
    assert _imported_modules(probe) & BANNED == {"os", "subprocess"}
