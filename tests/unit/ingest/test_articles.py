from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from services.ingest.domain.articles import (
    MAX_BODY_CHARS,
    ArticleIn,
    ArticleRejectedError,
    to_raw_article,
)
from shared.ids import article_id_for

RECEIVED = datetime(2022, 3, 31, 15, 0, tzinfo=UTC)


def error_fields(data: dict[str, Any]) -> dict[str, str]:
    """``{field: message}`` of the validation errors for ``data``."""
    with pytest.raises(ValidationError) as info:
        ArticleIn.model_validate(data)
    return {".".join(map(str, e["loc"])): e["msg"] for e in info.value.errors()}


def test_missing_url_is_reported_on_the_url_field() -> None:
    assert list(error_fields({"body": "Text."})) == ["url"]


def test_missing_body_without_html_is_reported_on_the_body_field() -> None:
    errors = error_fields({"url": "https://example.com/a"})
    assert list(errors) == ["body"]
    assert "body" in errors["body"] and "html" in errors["body"]


def test_blank_body_counts_as_missing() -> None:
    assert list(error_fields({"url": "https://example.com/a", "body": "  \n "})) == ["body"]


def test_html_alone_is_enough() -> None:
    article = ArticleIn.model_validate({"url": "https://example.com/a", "html": "<p>Hi</p>"})
    assert article.body is None


def test_non_http_url_is_reported_on_the_url_field() -> None:
    errors = error_fields({"url": "ftp://example.com/a", "body": "x"})
    assert list(errors) == ["url"]
    assert "http" in errors["url"]


@pytest.mark.parametrize("published_at", ["yesterday", "2022-13-45T00:00:00Z", 1648737000, True])
def test_bad_published_at_is_reported_on_its_field(published_at: object) -> None:
    errors = error_fields(
        {"url": "https://example.com/a", "body": "x", "published_at": published_at}
    )
    assert list(errors) == ["published_at"]


def test_naive_published_at_is_taken_as_utc_and_offsets_are_kept() -> None:
    naive = ArticleIn(url="https://e.com/a", body="x", published_at="2022-03-31T14:30:00")
    assert naive.published_at == datetime(2022, 3, 31, 14, 30, tzinfo=UTC)
    kyiv = ArticleIn(url="https://e.com/a", body="x", published_at="2022-03-31T23:30:00+03:00")
    assert kyiv.published_at is not None
    assert kyiv.published_at.utcoffset() == timedelta(hours=3)


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", 5), ("authors", [1, 2]), ("source", ["x"]), ("language", "english!"), ("url", 7)],
)
def test_wrong_types_are_reported_on_their_field(field: str, value: object) -> None:
    errors = error_fields({"url": "https://example.com/a", "body": "x", field: value})
    assert {name.split(".")[0] for name in errors} == {field}


def test_unknown_fields_are_refused_by_name() -> None:
    errors = error_fields({"url": "https://example.com/a", "body": "x", "published_date": "x"})
    assert list(errors) == ["published_date"]


def test_a_single_author_string_is_accepted_as_a_list() -> None:
    article = ArticleIn.model_validate({"url": "https://e.com/a", "body": "x", "authors": "Jo"})
    assert article.authors == ["Jo"]


def test_oversized_fields_are_reported_on_their_field() -> None:
    errors = error_fields({"url": "https://example.com/a", "body": "x" * (MAX_BODY_CHARS + 1)})
    assert list(errors) == ["body"]
    errors = error_fields({"url": "https://example.com/a", "body": "x", "title": "t" * 5000})
    assert list(errors) == ["title"]


def test_to_raw_article_identifies_by_canonical_url_and_keeps_the_original(
    seed_article: dict[str, Any],
) -> None:
    pushed = {**seed_article, "url": seed_article["url"] + "?utm_source=rss#top"}
    raw = to_raw_article(ArticleIn.model_validate(pushed), received_at=RECEIVED)
    assert raw.url == seed_article["url"]
    assert raw.original_url == pushed["url"]
    assert raw.article_id == article_id_for(seed_article["url"])
    assert raw.boilerplate_removed == 3
    assert "Also read" not in raw.body
    assert raw.published_at == datetime(2022, 3, 31, 14, 30, tzinfo=UTC)
    assert raw.received_at == RECEIVED
    assert raw.title == seed_article["title"]
    assert raw.source == "example-wire"
    assert raw.language == "en"


def test_to_raw_article_defaults_published_at_to_received_time() -> None:
    raw = to_raw_article(ArticleIn(url="https://e.com/a", body="Text."), received_at=RECEIVED)
    assert raw.published_at == RECEIVED


def test_to_raw_article_uses_the_text_of_html_when_there_is_no_body() -> None:
    article = ArticleIn(
        url="https://e.com/a",
        html="<nav>Menu</nav><p>One.</p><p>Also read: Other</p><p>Two.</p>",
    )
    raw = to_raw_article(article, received_at=RECEIVED)
    assert raw.body == "One.\n\nTwo."
    assert raw.boilerplate_removed == 1


def test_body_wins_over_html_when_both_are_given() -> None:
    article = ArticleIn(url="https://e.com/a", body="Plain.", html="<p>Markup.</p>")
    assert to_raw_article(article, received_at=RECEIVED).body == "Plain."


def test_article_with_only_boilerplate_is_rejected_naming_the_body() -> None:
    article = ArticleIn(url="https://e.com/a", body="Also read: X\n\nFollow us on Twitter")
    with pytest.raises(ArticleRejectedError) as info:
        to_raw_article(article, received_at=RECEIVED)
    assert info.value.field == "body"


def test_html_without_text_is_rejected_naming_the_html() -> None:
    article = ArticleIn(url="https://e.com/a", html="<script>x()</script><nav>Home</nav>")
    with pytest.raises(ArticleRejectedError) as info:
        to_raw_article(article, received_at=RECEIVED)
    assert info.value.field == "html"


def test_metadata_loses_control_characters_and_line_breaks() -> None:
    article = ArticleIn(
        url="https://e.com/a", body="x", title="Two\nlines\x00", authors=["A\tB", "C"]
    )
    raw = to_raw_article(article, received_at=RECEIVED)
    assert raw.title == "Two lines"
    assert raw.authors == ("A B", "C")


def test_received_at_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError):
        to_raw_article(ArticleIn(url="https://e.com/a", body="x"), received_at=datetime(2022, 1, 1))


def test_same_url_gives_same_article_id_whatever_the_offset() -> None:
    a = ArticleIn(url="https://e.com/a", body="x", published_at="2022-03-31T10:00:00+02:00")
    b = ArticleIn(url="HTTPS://E.com/a/", body="y")
    other_time = datetime(2023, 1, 1, tzinfo=timezone(timedelta(hours=-5)))
    assert (
        to_raw_article(a, received_at=RECEIVED).article_id
        == to_raw_article(b, received_at=other_time).article_id
    )


@pytest.mark.parametrize("published_at", ["1648737000", " 1648737000.5 ", "-1e3"])
def test_numeric_strings_are_not_taken_as_unix_time(published_at: str) -> None:
    errors = error_fields({"url": "https://e.com/a", "body": "x", "published_at": published_at})
    assert "ISO-8601" in errors["published_at"]


@pytest.mark.parametrize(
    "published_at",
    [
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-23:59",
        "1799-12-31T23:59:59Z",
        "2200-01-01",
    ],
)
def test_implausible_publication_years_are_refused_before_anything_overflows(
    published_at: str,
) -> None:
    errors = error_fields({"url": "https://e.com/a", "body": "x", "published_at": published_at})
    assert "1800" in errors["published_at"]
