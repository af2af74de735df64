"""Reading an RSS or Atom document into the entries newsflow may turn into articles.

feedparser does the parsing (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, their encodings and date formats,
HTML sanitising); it is given the bytes already fetched and never fetches anything itself.

>>> feed = parse_feed(b'''<rss version="2.0"><channel><title>Example</title>
... <item><title>Bridge to reopen</title><link>https://e.com/a?utm_source=rss</link>
... <guid>id-1</guid><description>The bridge will reopen.</description>
... <pubDate>Tue, 29 Mar 2022 10:00:00 +0200</pubDate></item></channel></rss>''',
...     url="https://e.com/feed")
>>> feed.title, len(feed.entries)
('Example', 1)
>>> entry = feed.entries[0]
>>> entry.key, entry.link, entry.summary_html
('https://e.com/id-1', 'https://e.com/a?utm_source=rss', 'The bridge will reopen.')
>>> entry.published_at.isoformat()  # the outlet's time zone kept: its day is the story's
'2022-03-29T10:00:00+02:00'
"""

from __future__ import annotations

import calendar
import email.utils
import hashlib
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser  # type: ignore[import-untyped]

from services.ingest.domain.url import canonicalize_url
from shared.errors import PoisonMessageError
from shared.input_rules import CONTROL_CHARACTERS

# What ArticleIn accepts as a language tag; a feed's odd <language> is dropped rather than
# making every entry invalid.
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def feed_id_for(url: str) -> str:
    """The feed's id: derived from its canonical URL, so registering it twice is one feed.
    Raises :class:`ValueError` for a URL that is not absolute http(s).

    >>> feed_id_for("https://E.com/feed.xml?utm_source=x") == feed_id_for("https://e.com/feed.xml")
    True
    """
    digest = hashlib.sha256(canonicalize_url(url).encode("utf-8")).hexdigest()
    return "f-" + digest[:24]


class FeedParseError(PoisonMessageError):
    """The document is not an RSS or Atom feed (retrying the same bytes cannot help)."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed, as the feed describes it.

    ``key`` identifies the entry within its feed (its ``guid``/``id``, else its link);
    ``fingerprint`` changes whenever what the feed says about the entry changes, so an entry
    seen before with the same fingerprint needs no second look.
    """

    key: str
    link: str | None
    title: str | None
    summary_html: str | None
    content_html: str | None
    published_at: datetime | None
    authors: tuple[str, ...]
    fingerprint: str


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    language: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(content: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a fetched feed document. ``url`` resolves relative links.

    Raises :class:`FeedParseError` when the bytes are neither RSS nor Atom. Entries without a
    link and without an id are skipped (nothing could identify the article).
    """
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(content, response_headers=headers, sanitize_html=True)
    if not parsed.get("version") and not parsed.get("entries"):
        reason = parsed.get("bozo_exception")
        raise FeedParseError(f"not an RSS or Atom feed: {reason or 'no feed elements'}")
    feed: Mapping[str, Any] = parsed.get("feed", {})
    language = _text(feed.get("language"))
    entries = tuple(e for e in (_entry(raw) for raw in parsed.get("entries", [])) if e)
    return ParsedFeed(
        title=_text(feed.get("title")),
        language=language if language and _LANGUAGE.fullmatch(language) else None,
        entries=entries,
    )


def _entry(raw: Mapping[str, Any]) -> FeedEntry | None:
    link = _text(raw.get("link"))
    key = _text(raw.get("id")) or link
    if key is None:
        return None
    title = _text(raw.get("title"))
    summary = _text(raw.get("summary"))
    contents = [c for c in raw.get("content", []) or [] if _text(c.get("value"))]
    content = max((str(c["value"]) for c in contents), key=len) if contents else None
    if content is not None and content == summary:
        content = None  # RSS <description> alone is reported as both
    published = _with_offset(
        _time(raw.get("published_parsed")), raw.get("published")
    ) or _with_offset(_time(raw.get("updated_parsed")), raw.get("updated"))
    authors = tuple(
        name for name in (_text(a.get("name")) for a in raw.get("authors", []) or []) if name
    )
    updated = _text(raw.get("updated")) or ""
    fingerprint = hashlib.sha256(
        "\x1f".join([key, link or "", title or "", summary or "", content or "", updated]).encode(
            "utf-8"
        )
    ).hexdigest()[:32]
    return FeedEntry(
        key=key,
        link=link,
        title=title,
        summary_html=summary,
        content_html=content,
        published_at=published,
        authors=authors,
        fingerprint=fingerprint,
    )


def _text(value: Any) -> str | None:
    """A string of the feed without control characters: entry keys and links are stored in
    Postgres (which cannot hold NUL) and everything else becomes article fields."""
    if not isinstance(value, str):
        return None
    return CONTROL_CHARACTERS.sub("", value).strip() or None


def _with_offset(instant: datetime | None, written: Any) -> datetime | None:
    """``instant`` (feedparser's, in UTC) in the time zone the feed wrote it in, when the
    written date says so ("Sun, 05 May 2024 23:30:00 -0500", "2024-05-05T23:30:00-05:00"):
    the outlet's own calendar day is the one its "on Sunday" and "yesterday" count from. A
    written date that does not parse, or names another instant, leaves the UTC one."""
    if instant is None or not isinstance(written, str) or len(written) > _MAX_DATE_CHARS:
        return instant
    local = _parse_written_date(written.strip())
    if local is None or local.utcoffset() is None or local != instant:
        return instant
    return local


def _parse_written_date(written: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(written)  # RSS: RFC 822
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return datetime.fromisoformat(written)  # Atom: RFC 3339
    except ValueError:
        return None


_MAX_DATE_CHARS = 64
"""A date as feeds write it is some 30 characters; a longer one is not parsed again."""


def _time(value: Any) -> datetime | None:
    """feedparser's parsed dates are ``struct_time`` in UTC."""
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None
