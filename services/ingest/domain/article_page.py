"""An article's web page reduced to what newsflow needs: its main text and its canonical URL.

The main text comes from trafilatura, which drops navigation, footers, comments and related
links. It runs on the HTML it is given and downloads nothing. The canonical URL is the page's
``<link rel="canonical">`` (resolved against the page's own URL), canonicalised like every
article URL, so the tracking parameters of the link in the feed do not make a second article.

>>> page = read_article_page('''<html><head>
... <link rel="canonical" href="/world/bridge?utm_medium=social"></head><body>
... <nav>Home | World | Sport</nav><article><h1>Bridge to reopen</h1>
... <p>The minister said on Tuesday that the bridge would reopen next month after repairs.</p>
... <p>Engineers found cracks in two of its pillars during an inspection last year.</p>
... </article><footer>Copyright Example News</footer></body></html>''',
...     url="https://e.com/story?id=1&utm_source=rss")
>>> page.canonical_url
'https://e.com/world/bridge'
>>> print(page.text)
Bridge to reopen
The minister said on Tuesday that the bridge would reopen next month after repairs.
Engineers found cracks in two of its pillars during an inspection last year.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

import trafilatura

from services.ingest.domain.html_text import MAX_HTML_DEPTH, check_html_depth
from services.ingest.domain.url import canonicalize_url


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """``text`` is empty when no main text was found; ``canonical_url`` is ``None`` when the
    page names none (or names one that is not an http(s) URL)."""

    text: str
    canonical_url: str | None


def read_article_page(html: str, *, url: str, max_depth: int = MAX_HTML_DEPTH) -> ArticlePage:
    """The main text and canonical URL of an article page fetched from ``url``.

    Raises :class:`~services.ingest.domain.html_text.HtmlTooDeepError`, before parsing
    anything, for a page that nests elements deeper than ``max_depth``.
    """
    check_html_depth(html, max_depth=max_depth)
    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    return ArticlePage(text=(text or "").strip(), canonical_url=canonical_link(html, base_url=url))


def canonical_link(html: str, *, base_url: str) -> str | None:
    """The canonical form of the page's first ``<link rel="canonical" href>`` in its head.

    >>> canonical_link('<link rel="Canonical" href="HTTPS://E.com/a/">', base_url="https://x/")
    'https://e.com/a'
    >>> canonical_link('<link rel="canonical" href="mailto:x@e.com">', base_url="https://x/")
    """
    finder = _CanonicalFinder()
    try:
        finder.feed(html)
        finder.close()
    except _Found:
        pass
    if finder.href is None:
        return None
    try:
        return canonicalize_url(urljoin(base_url, finder.href))
    except ValueError:
        return None


class _Found(Exception):
    pass


class _CanonicalFinder(HTMLParser):
    """Stops at the first canonical link, or at ``<body>``: a canonical link in the body is
    not one (HTML allows ``rel=canonical`` in the head only)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            raise _Found
        if tag != "link":
            return
        values = {name.lower(): value or "" for name, value in attrs}
        rels = values.get("rel", "").lower().split()
        if "canonical" in rels and values.get("href", "").strip():
            self.href = values["href"].strip()
            raise _Found
