"""The versions of pushed articles in Postgres (``PgArticleVersions``): lookups of concurrent
pushes share one statement, records are written behind — known to this process at once, in the
table once written, and all written by ``close``."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import psycopg
import pytest

from services.ingest.adapters.feed_store import PgArticleVersions
from services.ingest.domain.articles import ArticleIn, to_raw_article
from services.store.adapters.migrations import migrate
from shared.models import RawArticle

pytestmark = pytest.mark.integration


@pytest.fixture
def versions(database_url: str) -> Iterator[PgArticleVersions]:
    migrate(database_url=database_url)
    versions = PgArticleVersions(database_url)
    yield versions
    versions.close()


def version(n: int, *, body: str = "The bridge reopens.", revision: int = 1) -> RawArticle:
    article = to_raw_article(
        ArticleIn(url=f"https://push.example/{n}", title="Bridge", body=body),
        received_at=datetime.now(UTC),
    )
    return article.model_copy(update={"revision": revision})


def stored(database_url: str) -> dict[str, tuple[int, str]]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT article_id, revision, content_hash FROM feed_articles")
        return {article_id: (revision, digest) for article_id, revision, digest in rows}


def test_a_recorded_version_is_known_at_once_and_in_the_table_after_close(
    database_url: str,
) -> None:
    migrate(database_url=database_url)
    versions = PgArticleVersions(database_url)
    first = version(1)
    try:
        versions.record_articles([first])
        known = versions.known_articles([first.article_id])
    finally:
        versions.close()

    assert known[first.article_id].content_hash == first.content_hash
    assert stored(database_url) == {first.article_id: (1, first.content_hash)}


def test_a_version_not_yet_written_wins_over_the_older_one_in_the_table(
    versions: PgArticleVersions, database_url: str
) -> None:
    first = version(1)
    versions.record_articles([first])
    versions.known_articles([first.article_id])
    second = version(1, body="The bridge reopens on Monday.", revision=2)

    versions.record_articles([second])
    known = versions.known_articles([first.article_id])[first.article_id]

    assert (known.revision, known.content_hash) == (2, second.content_hash)


def test_concurrent_lookups_each_get_the_versions_they_asked_for(database_url: str) -> None:
    migrate(database_url=database_url)
    writer = PgArticleVersions(database_url)
    writer.record_articles([version(n) for n in range(0, 200, 2)])  # the even ones are known
    writer.close()  # written: the lookups below read the table
    versions = PgArticleVersions(database_url)
    ids = [version(n).article_id for n in range(200)]
    try:
        with ThreadPoolExecutor(max_workers=32) as pool:
            answers = list(pool.map(lambda i: versions.known_articles([i]), ids))
    finally:
        versions.close()

    assert [list(answer) for answer in answers] == [
        [i] if n % 2 == 0 else [] for n, i in enumerate(ids)
    ]
