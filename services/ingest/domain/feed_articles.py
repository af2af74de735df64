"""From a feed entry (and, for entries without their full text, the article's page) to the
article published on ``articles.raw``, and which version of it that is.

Feed articles go through the same validation and cleaning as pushed ones: an
:class:`~services.ingest.domain.articles.ArticleIn` is built from the entry and converted with
:func:`~services.ingest.domain.articles.to_raw_article`.

Revisions: ``article_id`` stays the id of the canonical URL. When the text at a URL changes
(another ``content_hash``), the article is published again with ``revision`` one higher; the
same text seen again is not published again. Near duplicates: a *new* article whose SimHash is
within a few bits of a recent one's gets ``near_duplicate_of`` (the earliest such article); it is
still published, flagged, so subscribers decide what to do with it.

>>> from datetime import datetime, timezone
>>> now = datetime(2024, 1, 1, tzinfo=timezone.utc)
>>> first = to_feed_article({"url": "https://e.com/a", "body": "Text one."}, received_at=now)
>>> v1 = next_version(first, known=None, recent=[], max_distance=3)
>>> v1.revision, v1.near_duplicate_of
(1, None)
>>> known = KnownArticle(v1.article_id, v1.content_hash or "", revision=1)
>>> next_version(first, known=known, recent=[], max_distance=3) is None  # unchanged
True
>>> edited = to_feed_article({"url": "https://e.com/a", "body": "Text two."}, received_at=now)
>>> next_version(edited, known=known, recent=[], max_distance=3).revision
2
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.ingest.domain.article_page import ArticlePage
from services.ingest.domain.articles import MAX_AUTHORS, ArticleIn, text_hash, to_raw_article
from services.ingest.domain.feed_entries import FeedEntry
from services.ingest.domain.html_text import MAX_HTML_DEPTH, HtmlTooDeepError, html_to_text
from services.ingest.domain.simhash import Fingerprint, find_near_duplicate, simhash
from shared.models import RawArticle


def entry_text(entry: FeedEntry, *, max_html_depth: int = MAX_HTML_DEPTH) -> str:
    """The plain text the feed itself carries for an entry (its content, else its summary);
    empty when that HTML nests deeper than ``max_html_depth`` (it is not parsed; the article,
    if built from it, is rejected naming the limit)."""
    html = entry.content_html or entry.summary_html or ""
    try:
        return html_to_text(html, max_depth=max_html_depth).strip()
    except HtmlTooDeepError:
        return ""


def needs_page(entry: FeedEntry, *, min_chars: int, max_html_depth: int = MAX_HTML_DEPTH) -> bool:
    """True when the feed gives less than ``min_chars`` of text (a summary, a teaser) and the
    entry links to a page that may hold the full article."""
    return (
        entry.link is not None and len(entry_text(entry, max_html_depth=max_html_depth)) < min_chars
    )


def article_payload(
    entry: FeedEntry,
    *,
    page: ArticlePage | None,
    source: str | None,
    language: str | None,
    max_html_depth: int = MAX_HTML_DEPTH,
) -> dict[str, Any]:
    """The :class:`ArticleIn` fields for an entry: the page's main text and canonical URL when
    a page was read and gave more text than the feed, else the feed's own HTML.

    >>> entry = FeedEntry("k", "https://e.com/a?utm_source=rss", "T", "<p>Teaser</p>", None,
    ...                   None, ("Ann",), "f")
    >>> payload = article_payload(entry, page=ArticlePage("Full text.", "https://e.com/a"),
    ...                           source="E", language=None)
    >>> payload["url"], payload["body"], payload["authors"]
    ('https://e.com/a', 'Full text.', ['Ann'])
    """
    payload: dict[str, Any] = {
        "url": entry.link or entry.key,
        "title": entry.title,
        "source": source,
        "authors": list(entry.authors[:MAX_AUTHORS]),
    }
    if page is not None and page.canonical_url:
        payload["url"] = page.canonical_url
    if entry.published_at is not None:
        payload["published_at"] = entry.published_at
    if language is not None:
        payload["language"] = language
    feed_text = entry_text(entry, max_html_depth=max_html_depth)
    if page is not None and page.text and len(page.text) > len(feed_text):
        payload["body"] = page.text
    else:
        payload["html"] = entry.content_html or entry.summary_html or ""
    return {key: value for key, value in payload.items() if value is not None}


def to_feed_article(
    payload: dict[str, Any],
    *,
    received_at: datetime,
    original_url: str | None = None,
    max_html_depth: int = MAX_HTML_DEPTH,
) -> RawArticle:
    """Validate and clean like a pushed article (raises pydantic's ``ValidationError`` or
    :class:`~services.ingest.domain.articles.ArticleRejectedError`); ``original_url`` is the
    link as the feed gave it."""
    article = to_raw_article(
        ArticleIn.model_validate(payload), received_at=received_at, max_html_depth=max_html_depth
    )
    if original_url is not None and original_url != article.original_url:
        article = RawArticle.model_validate({**article.model_dump(), "original_url": original_url})
    return article


@dataclass(frozen=True, slots=True)
class KnownArticle:
    """What the poller recorded of the last version it published of an article."""

    article_id: str
    content_hash: str
    revision: int
    near_duplicate_of: str | None = None


def content_hash(article: RawArticle) -> str:
    """Hash of the title and cleaned body: what a revision changes (the same for a pushed
    article as for a polled one, see :func:`~services.ingest.domain.articles.text_hash`)."""
    return text_hash(article.title, article.body)


def next_version(
    article: RawArticle,
    *,
    known: KnownArticle | None,
    recent: Sequence[Fingerprint],
    max_distance: int,
) -> RawArticle | None:
    """The article to publish, with ``revision``, ``content_hash`` and ``near_duplicate_of``
    set, or ``None`` when ``known`` already has this text. A new article is compared with
    ``recent`` (its SimHash is computed only then: it costs milliseconds per article)."""
    digest = content_hash(article)
    if known is not None and known.content_hash == digest:
        return None
    if known is not None:
        revision, duplicate_of = known.revision + 1, known.near_duplicate_of
    else:
        revision = 1
        duplicate_of = (
            find_near_duplicate(
                simhash(article.body), recent, max_distance=max_distance, exclude=article.article_id
            )
            if recent
            else None
        )
    # A copy, not a validation again (that cost ~0.1 ms a push): the three values are ours.
    return article.model_copy(
        update={"revision": revision, "content_hash": digest, "near_duplicate_of": duplicate_of}
    )
