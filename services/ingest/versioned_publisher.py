"""Pushed articles versioned like polled ones: the same text is not published twice.

``POST /v1/articles`` (and ``newsflow ingest``, which posts there) publishes through a
:class:`VersionedPublisher` when the ingest service has its database (the feeds' one). The
versions the feed poller and the pushes published are one record per ``article_id``
(``feed_articles``), so an article polled from a feed and then pushed with the same text — or the
other way round — is published once: no second extraction, and the stored article keeps its
``revision``. A changed text is published as the next revision.

Steps of :meth:`VersionedPublisher.publish`, in this order:

1. read the versions already published of the articles (``known_articles``);
2. plan: each article's next version, or nothing when its ``content_hash`` is the known one
   (:func:`~services.ingest.domain.feed_articles.next_version`; pushes are not compared with
   recent articles for near duplicates — that needs every recent fingerprint on every request);
3. publish the new versions (returns after the broker's acks, or raises: nothing recorded);
4. record them (``record_articles``; the database adapter writes them behind, a few
   milliseconds later, and its lookups see them meanwhile).

A crash or a database failure between 3 and the record's write makes the next push of the same
text publish the same version again: same ``article_id``, ``revision`` and ``content_hash``,
harmless downstream. The record is not folded into step 1 (one upsert answering "new,
unchanged or changed" and recording at once): recorded before the broker's ack, a publish that
fails would look done, and the client's retry would be answered as an unchanged duplicate — the
article lost after its ``202``. Instead the adapter shares its statements between concurrent
pushes (:class:`~services.ingest.adapters.feed_store.PgArticleVersions`).

When the database cannot be read at step 1 the articles are published without a revision, as
an ingest without a database does (the push is not refused because the feeds' database is
down); they still carry their ``content_hash``, and the store does not let a copy of the text
it has replace the stored article.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from services.ingest.adapters.publisher import ArticlePublisher
from services.ingest.domain.feed_articles import KnownArticle, next_version
from shared.errors import RetriableError
from shared.models import RawArticle

log = logging.getLogger(__name__)


class ArticleVersions(Protocol):
    """Port: the versions published so far (``PgArticleVersions``). ``known_articles`` raises
    :class:`~shared.errors.RetriableError` when the database is unavailable; ``record_articles``
    may return before the versions are written (they are known to this process's lookups from
    then on) and raises only when nothing can be recorded. Both may be repeated."""

    def known_articles(self, article_ids: Sequence[str]) -> dict[str, KnownArticle]: ...

    def record_articles(self, articles: Sequence[RawArticle]) -> None: ...


class VersionedPublisher:
    """An :class:`ArticlePublisher` that publishes only new texts, as the next revision of
    their article. Thread-safe when ``publisher`` and ``versions`` are. Two replicas pushing
    the same new text at once may both publish revision 1 of it: the same record twice,
    harmless."""

    def __init__(self, publisher: ArticlePublisher, *, versions: ArticleVersions) -> None:
        self._publisher = publisher
        self._versions = versions

    def publish(self, articles: Sequence[RawArticle]) -> None:
        """Publish the articles whose text is new (contract of :meth:`ArticlePublisher.publish`:
        returns after the broker acknowledged them all; the others need no ack)."""
        try:
            known = self._versions.known_articles([a.article_id for a in articles])
        except RetriableError as exc:
            log.warning("article versions unavailable (%s); publishing without revisions", exc)
            self._publisher.publish(articles)
            return
        versions = [
            version
            for version in (
                next_version(a, known=known.get(a.article_id), recent=(), max_distance=0)
                for a in articles
            )
            if version is not None
        ]
        if len(versions) < len(articles):
            unchanged = len(articles) - len(versions)
            log.debug("%d pushed article(s) unchanged, not published again", unchanged)
        if not versions:
            return
        self._publisher.publish(versions)
        try:
            self._versions.record_articles(versions)
        except RetriableError as exc:  # published: the next push of the text publishes it again
            log.warning("published versions not recorded: %s", exc)

    def ready(self) -> bool:
        return self._publisher.ready()

    def close(self) -> None:
        self._publisher.close()
