"""The examples in the ingest domain's docstrings run."""

import doctest
from types import ModuleType

import pytest

from services.ingest.domain import api_keys, articles, batch, cleaning, rate_limit, url


@pytest.mark.parametrize("module", [api_keys, articles, batch, cleaning, rate_limit, url])
def test_docstring_examples_run(module: ModuleType) -> None:
    result = doctest.testmod(module, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
