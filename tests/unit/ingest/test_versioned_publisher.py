"""Pushed articles versioned like polled ones (issue 16): the same text at the same canonical URL
has the same hash whichever way it came, and is not published twice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from services.ingest.domain.articles import ArticleIn, to_raw_article
from services.ingest.domain.feed_articles import KnownArticle, article_payload, to_feed_article
from services.ingest.domain.feed_entries import FeedEntry
from services.ingest.versioned_publisher import VersionedPublisher
from shared.errors import RetriableError
from shared.models import RawArticle
from tests.unit.ingest.support import InMemoryPublisher

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


class Versions:
    """The versions port in memory; ``down`` makes every call fail as a lost database."""

    def __init__(self) -> None:
        self.known: dict[str, KnownArticle] = {}
        self.down = False

    def known_articles(self, article_ids: Sequence[str]) -> dict[str, KnownArticle]:
        if self.down:
            raise RetriableError("database unavailable")
        return {i: self.known[i] for i in article_ids if i in self.known}

    def record_articles(self, articles: Sequence[RawArticle]) -> None:
        if self.down:
            raise RetriableError("database unavailable")
        for a in articles:
            self.known[a.article_id] = KnownArticle(
                a.article_id, a.content_hash or "", a.revision or 1
            )


def pushed(body: str, *, url: str = "https://news.example/a?utm_source=x") -> RawArticle:
    article = ArticleIn(url=url, title="Bridge reopens", body=body)
    return to_raw_article(article, received_at=NOW)


def test_a_pushed_article_has_the_hash_the_poller_gives_the_same_entry() -> None:
    entry = FeedEntry(
        "k",
        "https://news.example/a",
        "Bridge reopens",
        "<p>The bridge reopens.</p>",
        None,
        None,
        (),
        "fingerprint",
    )
    payload = article_payload(entry, page=None, source=None, language=None)
    polled = to_feed_article(payload, received_at=NOW - timedelta(hours=2))

    assert pushed("The bridge reopens.").content_hash == polled.content_hash is not None
    assert pushed("The bridge reopens.").article_id == polled.article_id


def test_the_same_text_pushed_again_is_not_published_again() -> None:
    inner, versions = InMemoryPublisher(), Versions()
    publisher = VersionedPublisher(inner, versions=versions)

    publisher.publish([pushed("First text.")])
    publisher.publish([pushed("First text.", url="https://news.example/a")])
    publisher.publish([pushed("Corrected text.")])

    assert [(a.revision, a.body) for a in inner.published] == [
        (1, "First text."),
        (2, "Corrected text."),
    ]


def test_without_its_database_a_push_is_published_without_a_revision() -> None:
    inner, versions = InMemoryPublisher(), Versions()
    versions.down = True

    VersionedPublisher(inner, versions=versions).publish([pushed("Text.")])

    (article,) = inner.published
    assert article.revision is None and article.content_hash is not None
