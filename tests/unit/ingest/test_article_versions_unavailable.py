"""The versions of pushed articles when their database does not answer: a push is not refused
(recording returns, the lookup raises a retriable error, so the article is published without a
revision), and closing does not wait on every pending version."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.ingest.adapters.feed_store import FeedStoreUnavailableError, PgArticleVersions
from services.ingest.domain.articles import ArticleIn, to_raw_article
from services.stack.broker import free_port

pytestmark = pytest.mark.timeout(60)  # a hang guard, not a speed figure


def test_without_an_answering_database_records_return_and_lookups_fail_retriably() -> None:
    versions = PgArticleVersions(f"postgresql://postgres@127.0.0.1:{free_port()}/x", timeout_s=0.5)
    article = to_raw_article(
        ArticleIn(url="https://push.example/a", title="T", body="Text."),
        received_at=datetime.now(UTC),
    ).model_copy(update={"revision": 1})
    try:
        versions.record_articles([article])
        with pytest.raises(FeedStoreUnavailableError):
            versions.known_articles(["a-other"])
    finally:
        versions.close()

    with pytest.raises(FeedStoreUnavailableError, match="closed"):
        versions.record_articles([article])
