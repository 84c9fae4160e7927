"""The layers stay apart: handlers share only presenters and validation; services warm up whole."""

from __future__ import annotations

import ast
from functools import cached_property
from pathlib import Path

import pytest

from radpair.services import Services
from radpair.settings import Settings
from tests.support.fakes import FakeDatabase

HANDLERS = Path(__file__).resolve().parents[2] / "radpair" / "handlers"
# What every handler may share: how rows are shown, how request values are parsed.
SHARED = {"radpair.handlers.presenters", "radpair.handlers.validation"}


def handler_imports(source: str, module: str) -> set[str]:
    """The radpair.handlers modules `source` (the module `module`) imports, by full name."""
    package = "radpair.handlers"
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([package, base]).rstrip(".")
            # `from radpair.handlers import x` names a module as much as `import ...handlers.x`.
            found.update(f"{base}.{alias.name}" for alias in node.names)
            found.add(base)
    return {
        name
        for name in found
        if name.startswith(package + ".") and name.count(".") == 2 and name != module
    }


@pytest.mark.parametrize("path", sorted(HANDLERS.glob("*.py")), ids=lambda path: path.stem)
def test_a_handler_imports_no_other_handler_module_but_presenters_and_validation(path):
    module = f"radpair.handlers.{path.stem}"
    assert handler_imports(path.read_text("utf-8"), module) - SHARED == set()


@pytest.mark.parametrize(
    "source",
    [
        "from radpair.handlers.macro_handler import MacroHandler\n",
        "from radpair.handlers import macro_handler\n",
        "import radpair.handlers.macro_handler\n",
        "from .macro_handler import TRIGGERS\n",
    ],
)
def test_the_scan_notices_every_spelling_of_a_handler_import(source):
    assert handler_imports(source, "radpair.handlers.command_handler") == {
        "radpair.handlers.macro_handler"
    }


def shared_objects() -> list[str]:
    return sorted(
        name for name, value in vars(Services).items() if isinstance(value, cached_property)
    )


def test_warm_up_builds_every_shared_object_before_the_first_request():
    services = Services(settings=Settings(runtime_environment="UNITTEST"), database=FakeDatabase())
    assert not set(shared_objects()) & set(vars(services))
    services.warm_up()
    assert len(shared_objects()) >= 6
    assert set(shared_objects()) <= set(vars(services))


def test_a_shared_object_is_built_once_per_services():
    services = Services(settings=Settings(runtime_environment="UNITTEST"), database=FakeDatabase())
    assert services.macro_libraries is services.macro_libraries
    assert services.tokens is services.tokens
