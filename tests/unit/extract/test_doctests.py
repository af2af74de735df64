"""The examples in the domain's docstrings run."""

import doctest
from types import ModuleType

import pytest

from services.extract.domain import boilerplate, dates, extractor, gazetteer, geo, quotes, toponyms


@pytest.mark.parametrize(
    "module", [boilerplate, dates, geo, quotes, extractor, gazetteer, toponyms]
)
def test_docstring_examples_run(module: ModuleType) -> None:
    result = doctest.testmod(module, verbose=False)
    assert result.failed == 0
