"""Feed documents, article pages and the articles made from them (feedparser, trafilatura)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from services.ingest.domain.article_page import canonical_link, read_article_page
from services.ingest.domain.articles import ArticleRejectedError
from services.ingest.domain.feed_articles import (
    KnownArticle,
    article_payload,
    content_hash,
    needs_page,
    next_version,
    to_feed_article,
)
from services.ingest.domain.feed_entries import FeedParseError, feed_id_for, parse_feed
from services.ingest.domain.simhash import Fingerprint, simhash
from tests.unit.ingest.feed_server import STORY, article_page, atom, rss

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def test_rss_entries_carry_link_guid_text_date_and_language() -> None:
    feed = parse_feed(
        rss(
            {"link": "https://e.com/a", "guid": "g-1", "summary": "<p>Teaser</p>"},
            {"link": "https://e.com/b", "content": "<p>" + STORY[0] + "</p>", "summary": "S"},
        ),
        url="https://e.com/feed",
    )
    assert feed.title == "Example News"
    assert feed.language == "en"
    first, second = feed.entries
    assert (first.key, first.link, first.summary_html) == (
        "g-1",
        "https://e.com/a",
        "<p>Teaser</p>",
    )
    assert first.published_at == datetime(2022, 3, 29, 10, 0, tzinfo=UTC)
    assert second.content_html is not None and STORY[0] in second.content_html


def test_atom_entries_carry_id_author_and_updated_date() -> None:
    feed = parse_feed(atom({"link": "https://e.com/x", "id": "urn:x"}), url="https://e.com/atom")
    [entry] = feed.entries
    assert entry.key == "urn:x"
    assert entry.authors == ("Ann Writer",)
    assert entry.published_at == datetime(2022, 3, 29, 10, 0, tzinfo=UTC)


def test_an_entry_changed_in_the_feed_gets_a_new_fingerprint() -> None:
    before = parse_feed(rss({"link": "https://e.com/a", "summary": "v1"}), url="https://e.com/f")
    after = parse_feed(rss({"link": "https://e.com/a", "summary": "v2"}), url="https://e.com/f")
    assert before.entries[0].key == after.entries[0].key
    assert before.entries[0].fingerprint != after.entries[0].fingerprint


def test_html_that_is_no_feed_is_refused() -> None:
    with pytest.raises(FeedParseError):
        parse_feed(b"<html><body>Hello</body></html>", url="https://e.com/")


def test_feed_ids_come_from_the_canonical_url() -> None:
    assert feed_id_for("HTTPS://E.com/rss?utm_source=x") == feed_id_for("https://e.com/rss")
    with pytest.raises(ValueError):
        feed_id_for("ftp://e.com/rss")


def test_trafilatura_keeps_the_article_and_drops_navigation_and_footer() -> None:
    page = read_article_page(article_page(*STORY).decode(), url="https://e.com/a")
    for paragraph in STORY:
        assert paragraph in page.text
    assert "Home" not in page.text
    assert "Copyright" not in page.text


def test_rel_canonical_is_resolved_and_stripped_of_tracking() -> None:
    html = article_page(*STORY, canonical="/news/bridge/?utm_source=rss&id=7").decode()
    page = read_article_page(html, url="https://www.e.com/amp/bridge?fbclid=x")
    assert page.canonical_url == "https://www.e.com/news/bridge?id=7"


def test_a_canonical_link_in_the_body_is_ignored() -> None:
    html = '<html><head></head><body><link rel="canonical" href="https://spam.example/">'
    assert canonical_link(html, base_url="https://e.com/a") is None


def test_a_summary_only_entry_needs_its_page_and_a_full_entry_does_not() -> None:
    feed = parse_feed(
        rss(
            {"link": "https://e.com/a", "summary": "Teaser."},
            {"link": "https://e.com/b", "content": " ".join(STORY)},
        ),
        url="https://e.com/f",
    )
    short, full = feed.entries
    assert needs_page(short, min_chars=200)
    assert not needs_page(full, min_chars=200)


def test_the_page_text_and_canonical_url_replace_the_teaser() -> None:
    [entry] = parse_feed(
        rss({"link": "https://e.com/a?utm_campaign=rss", "summary": "Teaser."}),
        url="https://e.com/f",
    ).entries
    page = read_article_page(
        article_page(*STORY, canonical="https://e.com/news/a").decode(), url="https://e.com/a"
    )
    payload = article_payload(entry, page=page, source=None, language="en")
    article = to_feed_article(payload, received_at=NOW, original_url=entry.link)
    assert article.url == "https://e.com/news/a"
    assert article.original_url == "https://e.com/a?utm_campaign=rss"
    assert STORY[1] in article.body
    assert article.language == "en"


def test_without_a_page_the_feed_html_is_cleaned_like_a_push() -> None:
    [entry] = parse_feed(
        rss({"link": "https://e.com/a", "summary": "<p>Teaser.</p><p>Also read: other</p>"}),
        url="https://e.com/f",
    ).entries
    article = to_feed_article(
        article_payload(entry, page=None, source="E", language=None), received_at=NOW
    )
    assert article.body == "Teaser."
    assert article.boilerplate_removed == 1


def test_an_entry_with_no_text_is_rejected_like_a_push() -> None:
    [entry] = parse_feed(
        rss({"link": "https://e.com/a", "summary": ""}), url="https://e.com/f"
    ).entries
    with pytest.raises((ValidationError, ArticleRejectedError)):
        to_feed_article(
            article_payload(entry, page=None, source=None, language=None), received_at=NOW
        )


def test_a_changed_text_at_the_same_url_is_the_next_revision_with_the_same_id() -> None:
    first = to_feed_article({"url": "https://e.com/a", "body": STORY[0]}, received_at=NOW)
    v1 = next_version(first, known=None, recent=[], max_distance=8)
    assert v1 is not None and v1.revision == 1 and v1.content_hash == content_hash(first)
    changed = to_feed_article({"url": "https://e.com/a", "body": STORY[1]}, received_at=NOW)
    known = KnownArticle(first.article_id, v1.content_hash or "", revision=1)
    v2 = next_version(changed, known=known, recent=[], max_distance=8)
    assert v2 is not None
    assert (v2.article_id, v2.revision) == (first.article_id, 2)
    assert next_version(first, known=known, recent=[], max_distance=8) is None


def test_a_new_article_close_to_a_recent_one_is_flagged_as_its_near_duplicate() -> None:
    text = " ".join(STORY)
    other = to_feed_article(
        {"url": "https://mirror.example/b", "body": "By Staff. " + text}, received_at=NOW
    )
    recent = [Fingerprint("a-original", simhash(text))]
    version = next_version(other, known=None, recent=recent, max_distance=8)
    assert version is not None and version.near_duplicate_of == "a-original"


def test_feed_dates_keep_the_outlets_time_zone() -> None:
    # 23:30 on Sunday in New York is Monday in UTC: the outlet's "yesterday" counts from Sunday
    feed = parse_feed(
        rss({"link": "https://e.com/a", "date": "Sun, 05 May 2024 23:30:00 -0500"}),
        url="https://e.com/feed",
    )
    [entry] = feed.entries
    assert entry.published_at == datetime(2024, 5, 6, 4, 30, tzinfo=UTC)  # the same instant
    assert entry.published_at is not None and entry.published_at.date().isoformat() == "2024-05-05"
    atom_feed = parse_feed(
        atom({"link": "https://e.com/x", "id": "urn:x", "updated": "2024-05-05T23:30:00-05:00"}),
        url="https://e.com/atom",
    )
    [atom_entry] = atom_feed.entries
    assert atom_entry.published_at is not None
    assert atom_entry.published_at.date().isoformat() == "2024-05-05"


def test_a_feed_date_in_utc_or_unreadable_stays_utc() -> None:
    # control
    feed = parse_feed(
        rss({"link": "https://e.com/a", "date": "Sun, 05 May 2024 23:30:00 GMT"}),
        url="https://e.com/feed",
    )
    [entry] = feed.entries
    assert entry.published_at == datetime(2024, 5, 5, 23, 30, tzinfo=UTC)
