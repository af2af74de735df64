"""Every example in a docstring under services/ and shared/ runs, and passes.

One runner for the whole tree: a module whose source holds an example (``>>>``) must yield at
least one, so an example that stops being collected (a typo in its prompt, a module no longer
imported) fails here instead of passing with nothing run.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _modules_with_examples() -> list[str]:
    names = []
    for package in ("services", "shared"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if ">>> " in path.read_text(encoding="utf-8"):
                relative = path.relative_to(ROOT).with_suffix("")
                names.append(".".join(relative.parts).removesuffix(".__init__"))
    return names


MODULES = _modules_with_examples()


def test_examples_are_found() -> None:
    assert len(MODULES) >= 40


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    found = sum(len(test.examples) for test in doctest.DocTestFinder().find(module))
    assert found > 0, f"{name} has examples but none was collected"
    result = doctest.testmod(module, verbose=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
