"""Hostile HTML: deep nesting is refused naming the limit, and every shape of HTML comes out
as the text it holds (pushed articles, feed entries and fetched article pages alike).

That the cost stays linear in the length is measured by the bench (``newsflow bench --only
html``, ``services/bench/html_shapes.py``), not timed here: the machines are shared. The shapes
here are as long as the ones that took minutes before, so a quadratic converter still fails
these tests by the suite's timeout."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from services.ingest.adapters.http_fetcher import HttpFetcher
from services.ingest.app import create_app
from services.ingest.domain.articles import ArticleRejectedError
from services.ingest.domain.feed_articles import article_payload, to_feed_article
from services.ingest.domain.feed_entries import FeedEntry
from services.ingest.domain.html_text import HtmlTooDeepError, check_html_depth, html_to_text
from services.ingest.feed_poller import EntryReader
from services.ingest.settings import MIB, IngestSettings
from tests.unit.ingest.support import KEY_HEADERS, InMemoryPublisher, SyncApi

NOW = datetime(2024, 5, 1, tzinfo=UTC)
LIMIT = 512


def nested(depth: int, tag: str = "div") -> str:
    return f"<{tag}>" * depth + "Deep text." + f"</{tag}>" * depth


@pytest.fixture
def big_api(settings: IngestSettings, publisher: InMemoryPublisher) -> SyncApi:
    """The app taking bodies up to the default 5 MiB (the unit tests' is 64 KiB)."""
    roomy = settings.model_copy(update={"max_body_bytes": 5 * MIB})
    return SyncApi(create_app(roomy, publisher), headers=KEY_HEADERS)


def test_html_nested_deeper_than_limit_is_422_naming_the_limit(
    big_api: SyncApi, publisher: InMemoryPublisher
) -> None:
    # 1.1 MB of 100,000 nested <div>: no answer within 120 s before the guard.
    article = {"url": "https://e.example/deep", "html": nested(100_000)}
    response = big_api.post("/v1/articles", json=article)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "html"]
    assert error["msg"] == f"html nests deeper than {LIMIT} elements"
    assert publisher.published == []


def test_html_nested_as_deep_as_the_limit_is_accepted(
    api: SyncApi, publisher: InMemoryPublisher
) -> None:
    response = api.post("/v1/articles", json={"url": "https://e.example/d", "html": nested(LIMIT)})
    assert response.status_code == 202, response.text
    assert publisher.published[0].body == "Deep text."


def test_unclosed_paragraphs_and_void_elements_are_long_not_deep() -> None:
    html = "<p>One.<li>Two.<br><img src=x><div/>" * 5_000
    check_html_depth(html, max_depth=4)  # does not raise
    assert html_to_text(html).startswith("One.\n\nTwo.")


def test_script_content_and_comments_are_not_counted_as_nesting() -> None:
    html = "<script>" + "<div>" * 1_000 + "</script><!--" + "<div>" * 1_000 + "-->Text"
    check_html_depth(html, max_depth=4)
    assert html_to_text(html, max_depth=4) == "Text"


@pytest.mark.parametrize(
    ("shape", "text"),
    [
        # siblings (the tree-editing converter was quadratic here)
        ("<i>x</i> " * 200_000, " ".join(["x"] * 200_000)),
        ("<div>" * 500 + "<i>x</i> " * 200_000, " ".join(["x"] * 200_000)),  # deep inside
        ("<div>" * 500 + "</span>" * 250_000, ""),  # end tags that close nothing
        # tags never closed (the standard library's tokenizer is quadratic here): kept as text
        ("<a " * 600_000, ("<a " * 600_000).strip()),
        ('<a "' * 450_000, '<a "' * 450_000),  # quoted attribute values never closed
        ("<p>x" * 450_000, "\n\n".join(["x"] * 450_000)),  # paragraphs never closed
        ("</" * 900_000, "</" * 900_000),
        ("<![CDATA[" * 200_000, "<![CDATA[" * 199_999),  # one section, never ended
    ],
    ids=[
        "siblings",
        "deep-siblings",
        "stray-end-tags",
        "unclosed-tags",
        "unclosed-quotes",
        "unclosed-paragraphs",
        "end-tag-starts",
        "cdata-starts",
    ],
)
def test_html_of_any_shape_converts_to_the_text_it_holds(shape: str, text: str) -> None:
    assert html_to_text(shape) == text


def test_html_to_text_keeps_pre_whitespace_and_drops_furniture_even_unclosed() -> None:
    assert html_to_text("<pre>a  \tb</pre><p>c   d</p>") == "a  \tb\n\nc d"
    assert html_to_text("<p>kept<nav>dropped<p>dropped too") == "kept"
    assert html_to_text("<b>x</i>y</b>") == "xy"


def test_feed_entry_with_html_nested_too_deep_is_rejected_naming_the_limit() -> None:
    entry = FeedEntry("k", "https://e.com/a", "T", nested(2_000), None, None, (), "f")
    payload = article_payload(entry, page=None, source=None, language=None)
    with pytest.raises(ArticleRejectedError) as raised:
        to_feed_article(payload, received_at=NOW)
    assert (raised.value.field, raised.value.message) == (
        "html",
        f"html nests deeper than {LIMIT} elements",
    )


def test_article_page_nested_too_deep_is_not_parsed_and_the_feed_text_is_used() -> None:
    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=nested(100_000), headers={"content-type": "text/html"})

    entry = FeedEntry("k", "https://e.com/a", "T", "<p>Teaser.</p>", None, None, (), "f")

    async def read() -> dict[str, Any] | None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(serve)) as client:
            fetcher = HttpFetcher(client, timeout_s=5, max_bytes=10_000_000, user_agent="t")
            built = await EntryReader(fetcher, min_text_chars=500).read(
                entry, source=None, language=None
            )
            return built.payload

    payload = asyncio.run(read())
    assert payload is not None and payload["html"] == "<p>Teaser.</p>"


def test_depth_error_names_the_configured_limit() -> None:
    with pytest.raises(HtmlTooDeepError, match="deeper than 16 elements"):
        html_to_text(nested(17), max_depth=16)
