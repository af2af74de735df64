"""The article as a client pushes it (:class:`ArticleIn`) and its conversion into the
:class:`~shared.models.RawArticle` published on ``articles.raw``.

Unknown fields are **refused** (``extra="forbid"``): a misspelt ``published_date`` or
``content`` would otherwise be dropped silently and the article published with the received
time or without its text. The error names the unexpected field.

>>> from datetime import datetime, timezone
>>> received = datetime(2022, 3, 31, 15, 0, tzinfo=timezone.utc)
>>> raw = to_raw_article(
...     ArticleIn(url="https://Example.com/a/?utm_source=x", body="Text.\\nAlso read: B"),
...     received_at=received,
... )
>>> raw.url, raw.body, raw.boilerplate_removed, raw.published_at == received
('https://example.com/a', 'Text.', 1, True)
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from services.ingest.domain.cleaning import clean_body, strip_control_chars
from services.ingest.domain.html_text import MAX_HTML_DEPTH, HtmlTooDeepError, html_to_text
from services.ingest.domain.url import canonicalize_url
from shared.ids import article_id_for
from shared.input_rules import iso_time_only, refuse_url_control_characters
from shared.models import RawArticle

MAX_URL_CHARS = 2_048
MAX_TITLE_CHARS = 1_000
# The cleaned body must fit one Kafka record (1 MB by default) even at 4 UTF-8 bytes a char.
MAX_BODY_CHARS = 200_000
MAX_HTML_CHARS = 2_000_000
MAX_SOURCE_CHARS = 200
MAX_AUTHORS = 50
MAX_AUTHOR_CHARS = 200
# Publication times outside this range are typing errors, and date arithmetic downstream
# (resolving "next Tuesday") must not overflow Python's year 1..9999.
EARLIEST_PUBLISHED = datetime(1800, 1, 1, tzinfo=UTC)
LATEST_PUBLISHED = datetime(2200, 1, 1, tzinfo=UTC)

# The rules the validators apply, stated in the OpenAPI document (documentation only: the
# validators give the precise error) so that clients and schema-driven test generators send
# what can be accepted: an http(s) URL without control characters, text that is not blank.
URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*(:[0-9]{1,4})?"
    r"([/?#][^\x00-\x20\x7f]*)?$"
)
HAS_TEXT_PATTERN = r"[^\s\x00-\x1f\x7f]"

AuthorName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_AUTHOR_CHARS)
]


class ArticleRejectedError(ValueError):
    """A well-formed article that cannot be published, e.g. nothing is left after cleaning.

    ``field`` names the input field at fault so the HTTP answer can point at it.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ArticleIn(BaseModel):
    """One article as pushed to ``POST /v1/articles``.

    ``body`` is plain text; ``html`` is used only when ``body`` is absent (a client that sends
    both has already extracted the text it wants). Naive ``published_at`` values are taken as
    UTC; an absent one becomes the time the article was received. Time zones are kept as
    given, because the extractor resolves "Tuesday" against the publisher's local date.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        # "body is required unless html is given", stated in the schema.
        json_schema_extra={
            "anyOf": [
                {"required": ["body"], "properties": {"body": {"type": "string"}}},
                {"required": ["html"], "properties": {"html": {"type": "string"}}},
            ]
        },
    )

    url: str = Field(
        min_length=1,
        max_length=MAX_URL_CHARS,
        description="Absolute http(s) URL; its canonical form determines the article_id.",
        json_schema_extra={"pattern": URL_PATTERN},
    )
    title: str | None = Field(None, max_length=MAX_TITLE_CHARS)
    # ``html`` is declared before ``body`` so the body validator can see whether it was given.
    html: str | None = Field(
        None, max_length=MAX_HTML_CHARS, description="Used for the text when body is absent."
    )
    body: str | None = Field(
        None,
        max_length=MAX_BODY_CHARS,
        validate_default=True,
        description="Plain text; required unless html is given. Boilerplate lines are removed.",
        json_schema_extra={"pattern": HAS_TEXT_PATTERN},
    )
    source: str | None = Field(None, max_length=MAX_SOURCE_CHARS)
    published_at: datetime | None = Field(
        None,
        description="ISO-8601 (years 1800-2199); naive means UTC; default: the time it was "
        "received.",
        json_schema_extra={"pattern": r"^(1[89]|2[01])[0-9]{2}-"},
    )
    language: str | None = Field(
        None, max_length=35, pattern=r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$"
    )
    authors: list[AuthorName] = Field(
        default_factory=list, max_length=MAX_AUTHORS, description="Names; one string is allowed."
    )

    @field_validator("url")
    @classmethod
    def _url_is_canonicalisable(cls, url: str) -> str:
        # The URL as pushed is published as original_url and stored: a NUL in it would pass
        # canonicalisation (which escapes it) and then be refused by Postgres, after the 202.
        refuse_url_control_characters(url)
        canonicalize_url(url)  # raises ValueError naming the problem
        return url

    @field_validator("title", "source", "html", "language", mode="after")
    @classmethod
    def _blank_is_absent(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("body", mode="after")
    @classmethod
    def _body_or_html_present(cls, body: str | None, info: ValidationInfo) -> str | None:
        if "html" not in info.data:  # html itself was invalid; that error is reported already
            return body or None
        if not body and info.data["html"] is None:
            raise ValueError("body is required (non-empty) unless html is given")
        return body or None

    @field_validator("published_at", mode="before")
    @classmethod
    def _published_at_is_iso_string(cls, value: Any) -> Any:
        # pydantic would accept a number as Unix time; the API promises ISO-8601 only (the
        # query API's times follow the same rule).
        if value is None or isinstance(value, datetime):
            return value
        if isinstance(value, str):
            return iso_time_only(value)
        raise ValueError("published_at must be an ISO-8601 date-time string")

    @field_validator("published_at", mode="after")
    @classmethod
    def _naive_means_utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        # Aware comparisons never overflow (0001-01-01T00:00+01:00 has no UTC equivalent).
        if not EARLIEST_PUBLISHED <= value < LATEST_PUBLISHED:
            raise ValueError("published_at must be between the years 1800 and 2199")
        return value

    @field_validator("authors", mode="before")
    @classmethod
    def _single_author_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


def to_raw_article(
    article: ArticleIn, *, received_at: datetime, max_html_depth: int = MAX_HTML_DEPTH
) -> RawArticle:
    """Clean and identify a validated article.

    The ``article_id`` comes from the canonical URL; the URL as pushed is kept as
    ``original_url``. Raises :class:`ArticleRejectedError` when nothing is left of the body
    after cleaning, when the text extracted from ``html`` is too long, or when ``html`` nests
    elements deeper than ``max_html_depth`` (it is then not parsed at all).
    """
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    if article.body is not None:
        text_field, source_text = "body", article.body
    else:
        text_field, source_text = "html", _html_text(article.html or "", max_depth=max_html_depth)
    cleaned = clean_body(source_text)
    if not cleaned.text.strip():
        raise ArticleRejectedError(text_field, "no text left after removing boilerplate")
    if len(cleaned.text) > MAX_BODY_CHARS:
        raise ArticleRejectedError(
            text_field, f"text is longer than {MAX_BODY_CHARS} characters after cleaning"
        )
    canonical = canonicalize_url(article.url)
    title = clean_line(article.title)
    return RawArticle(
        article_id=article_id_for(canonical),
        url=canonical,
        original_url=article.url,
        title=title,
        body=cleaned.text,
        source=clean_line(article.source),
        published_at=article.published_at or received_at,
        received_at=received_at,
        language=article.language,
        authors=tuple(a for a in (clean_line(name) for name in article.authors) if a),
        boilerplate_removed=cleaned.removed_lines,
        content_hash=text_hash(title, cleaned.text),
    )


def text_hash(title: str | None, body: str) -> str:
    """Hash of an article's cleaned title and body: what a revision changes. Every path into
    ``articles.raw`` (a push, ``newsflow ingest``, the feed poller) computes it here, so the
    same text at the same canonical URL is recognised whichever way it came.

    >>> text_hash("T", "Body.") == text_hash("T", "Body.") != text_hash(None, "Body.")
    True
    """
    text = f"{title or ''}\x1f{body}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _html_text(html: str, *, max_depth: int) -> str:
    try:
        return html_to_text(html, max_depth=max_depth)
    except HtmlTooDeepError as exc:
        raise ArticleRejectedError("html", str(exc)) from None


def clean_line(value: str | None) -> str | None:
    """Single-line metadata without control characters or inner line breaks."""
    if value is None:
        return None
    return " ".join(strip_control_chars(value).split()) or None
