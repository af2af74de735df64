"""The examples in the ingest domain's docstrings run."""

import doctest
from types import ModuleType

import pytest

from services.ingest.domain import (
    api_keys,
    article_page,
    articles,
    backoff,
    batch,
    bulk_input,
    cleaning,
    feed_articles,
    feed_entries,
    feed_schedule,
    html_text,
    rate_limit,
    simhash,
    url,
)

MODULES = [
    api_keys,
    article_page,
    articles,
    backoff,
    batch,
    bulk_input,
    cleaning,
    feed_articles,
    feed_entries,
    feed_schedule,
    html_text,
    rate_limit,
    simhash,
    url,
]


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module: ModuleType) -> None:
    result = doctest.testmod(module, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
