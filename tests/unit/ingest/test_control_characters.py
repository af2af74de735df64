"""NUL and other control characters at the ingest API: refused (422 naming the field) in URLs,
stripped from free text before the article is published — so nothing accepted with a 202 can be
refused later by Postgres (whose text and jsonb cannot hold NUL)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.ingest.domain.feed_entries import parse_feed
from services.ingest.routers.feeds import FeedIn
from shared.input_rules import control_character_message
from tests.unit.ingest.support import InMemoryPublisher, SyncApi

CONTROL = ["\x00", "\x01", "\x1f", "\x7f", "\t", "\n"]


@pytest.mark.parametrize("char", CONTROL)
@pytest.mark.parametrize("where", ["path", "query", "host"])
def test_control_character_in_url_is_422_naming_url(
    api: SyncApi, publisher: InMemoryPublisher, char: str, where: str
) -> None:
    url = {
        "path": f"https://e.example/a{char}b",
        "query": f"https://e.example/a?id={char}x",
        "host": f"https://e{char}.example/a",
    }[where]
    response = api.post("/v1/articles", json={"url": url, "body": "Text."})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "url"]
    assert publisher.published == []


def test_nul_in_url_path_is_refused_even_though_it_canonicalises(api: SyncApi) -> None:
    # Issue 11: this one got a 202, then Postgres refused the row (original_url kept the NUL).
    response = api.post("/v1/articles", json={"url": "https://e.example/a\x00b", "body": "T."})
    assert response.status_code == 422
    assert "control characters (U+0000" in response.json()["detail"][0]["msg"]


def test_nul_in_free_text_fields_is_stripped_before_publishing(
    api: SyncApi, publisher: InMemoryPublisher
) -> None:
    article = {
        "url": "https://e.example/nul",
        "title": "Ti\x00tle\x01",
        "source": "\x00Wire",
        "authors": ["Ann\x00 Lee", "\x00"],
        "body": "Fir\x00st.\x7f\n\nSecond\x1b.",
    }
    response = api.post("/v1/articles", json=article)
    assert response.status_code == 202, response.text
    [raw] = publisher.published
    assert (raw.title, raw.source, raw.authors) == ("Title", "Wire", ("Ann Lee",))
    assert raw.body == "First.\n\nSecond."
    # Everything the store writes (columns and the jsonb payload) is free of NUL.
    assert "\\u0000" not in raw.model_dump_json() and "\x00" not in raw.model_dump_json()


def test_html_with_nul_characters_and_references_publishes_no_nul(
    api: SyncApi, publisher: InMemoryPublisher
) -> None:
    html = "<p>One\x00 &#0; two &#x1; three</p>"
    response = api.post("/v1/articles", json={"url": "https://e.example/h", "html": html})
    assert response.status_code == 202, response.text
    assert "\x00" not in publisher.published[0].body


def test_lone_surrogate_in_a_field_is_422_naming_it(api: SyncApi) -> None:
    payload = '{"url": "https://e.example/s", "body": "x", "title": "\\ud800"}'
    response = api.post(
        "/v1/articles", content=payload.encode(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "title"]


@pytest.mark.parametrize("url", ["https://e.example/feed\x00", "https://e.example/f?x=\x01"])
def test_feed_url_with_control_character_is_refused_naming_url(url: str) -> None:
    with pytest.raises(ValidationError, match="control characters") as raised:
        FeedIn.model_validate({"url": url})
    assert raised.value.errors()[0]["loc"] == ("url",)


def test_feed_source_is_cleaned_like_an_article_source() -> None:
    feed = FeedIn.model_validate({"url": "https://e.example/feed", "source": "Wi\x00re\nNews"})
    assert feed.source == "Wire News"


def test_feed_entry_fields_lose_control_characters_before_they_are_stored() -> None:
    # Entry keys are written to Postgres (feed_entries); a NUL there failed every later poll.
    document = (
        b'<rss version="2.0"><channel><title>T&#1;</title><item><title>A&#0;B</title>'
        b"<link>https://e.example/a</link><guid>id&#0;1</guid>"
        b"<description>x&#0;y</description></item></channel></rss>"
    )
    feed = parse_feed(document, url="https://e.example/feed")
    [entry] = feed.entries
    fields = [feed.title, entry.key, entry.link, entry.title, entry.summary_html]
    assert not any(control_character_message(f or "") for f in fields), fields


def test_feed_interval_beyond_the_column_type_is_refused_naming_it() -> None:
    # schemathesis found it: 2**31 passed validation and overflowed feeds.interval_s (500).
    with pytest.raises(ValidationError) as raised:
        FeedIn.model_validate({"url": "https://e.example/feed", "interval_s": 2**31})
    assert raised.value.errors()[0]["loc"] == ("interval_s",)
