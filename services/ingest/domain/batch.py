"""Reading one push (a JSON article object or a list of them) into the articles to publish.

A push is all or nothing: if one article is invalid, none is published and every problem is
reported with its location (``(0, "url")`` = field ``url`` of the first article; ``("url",)``
when a single object was pushed). Articles with the same ``article_id`` inside one push are
collapsed: the last version wins, in the position of the first.

>>> from datetime import datetime, timezone
>>> now = datetime(2022, 3, 31, tzinfo=timezone.utc)
>>> batch = read_batch(
...     b'[{"url": "https://e.com/a", "body": "x"}, {"url": "https://e.com/a#c", "body": "y"}]',
...     max_articles=10, received_at=now,
... )
>>> batch.received, [a.body for a in batch.articles], batch.duplicates
(2, ['y'], 1)
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from services.ingest.domain.articles import ArticleIn, ArticleRejectedError, to_raw_article
from services.ingest.domain.html_text import MAX_HTML_DEPTH
from shared.models import RawArticle

MAX_REPORTED_ERRORS = 100
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem, located like FastAPI's validation errors (without the ``"body"`` root)."""

    loc: Loc
    msg: str
    type: str

    def as_dict(self, *, root: str = "body") -> dict[str, Any]:
        return {"loc": [root, *self.loc], "msg": self.msg, "type": self.type}


class BatchError(ValueError):
    """The push cannot be published.

    ``reason`` is one of ``malformed_json``, ``not_articles``, ``empty``,
    ``too_many_articles``, ``invalid``. ``rejected_articles`` counts article objects by
    reason (for metrics); it is empty when the body could not be read as articles at all.
    """

    def __init__(
        self,
        reason: str,
        errors: list[FieldError],
        *,
        rejected_articles: dict[str, int] | None = None,
    ) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, e.loc))}: {e.msg}" for e in errors[:3]))
        self.reason = reason
        self.errors = errors[:MAX_REPORTED_ERRORS]
        self.rejected_articles = rejected_articles or {}


@dataclass(frozen=True, slots=True)
class Batch:
    """The distinct articles of one push, in order of first appearance."""

    articles: tuple[RawArticle, ...]
    received: int = field(default=0)

    @property
    def duplicates(self) -> int:
        return self.received - len(self.articles)

    @property
    def article_ids(self) -> list[str]:
        return [a.article_id for a in self.articles]


def read_batch(
    payload: bytes,
    *,
    max_articles: int,
    received_at: datetime,
    max_html_depth: int = MAX_HTML_DEPTH,
) -> Batch:
    """Parse, validate, clean and deduplicate a pushed JSON body. Raises :class:`BatchError`."""
    document = _parse_json(payload)
    items, single = _article_objects(document)
    if not items:
        raise BatchError("empty", [FieldError((), "at least one article is required", "empty")])
    if len(items) > max_articles:
        raise BatchError(
            "too_many_articles",
            [
                FieldError(
                    (),
                    f"at most {max_articles} articles per request, got {len(items)}",
                    "too_many_articles",
                )
            ],
            rejected_articles={"too_many_articles": len(items)},
        )
    articles, errors, counts = _convert(
        items, single=single, received_at=received_at, max_html_depth=max_html_depth
    )
    if errors:
        counts["batch_rejected"] = len(items) - sum(counts.values())
        raise BatchError("invalid", errors, rejected_articles=counts)
    return Batch(articles=_deduplicate(articles), received=len(items))


def _parse_json(payload: bytes) -> Any:
    """JSON as RFC 8259 wants it between systems: UTF-8 (a BOM is tolerated), and object keys
    that are text. (``json.loads`` on bytes would also take UTF-16/32 and encoded surrogates,
    and a key holding a lone surrogate could not be named in an error.)"""
    try:
        text = payload.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"invalid JSON: the body is not UTF-8 (byte {exc.start}: {exc.reason})"
        raise BatchError("malformed_json", [FieldError((), message, "json_invalid")]) from exc
    try:
        return json.loads(text, object_pairs_hook=_object_with_text_keys)
    except json.JSONDecodeError as exc:
        message = f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise BatchError("malformed_json", [FieldError((), message, "json_invalid")]) from exc
    except (ValueError, RecursionError) as exc:  # bad encoding, huge numbers, deep nesting
        raise BatchError(
            "malformed_json", [FieldError((), f"invalid JSON: {exc}", "json_invalid")]
        ) from exc


class _KeyNotTextError(ValueError):
    pass


def _object_with_text_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    for key, _ in pairs:
        if _LONE_SURROGATE.search(key):
            raise _KeyNotTextError(f"object key {key!r} holds a lone UTF-16 surrogate")
    return dict(pairs)


def _article_objects(document: Any) -> tuple[list[Any], bool]:
    if isinstance(document, dict):
        return [document], True
    if isinstance(document, list):
        return document, False
    raise BatchError(
        "not_articles",
        [FieldError((), "expected an article object or a list of article objects", "type")],
    )


def _convert(
    items: list[Any], *, single: bool, received_at: datetime, max_html_depth: int
) -> tuple[list[RawArticle], list[FieldError], dict[str, int]]:
    articles: list[RawArticle] = []
    errors: list[FieldError] = []
    counts: dict[str, int] = {}
    for index, item in enumerate(items):
        prefix: Loc = () if single else (index,)
        try:
            article = ArticleIn.model_validate(item)
            articles.append(
                to_raw_article(article, received_at=received_at, max_html_depth=max_html_depth)
            )
        except ValidationError as exc:
            counts["invalid"] = counts.get("invalid", 0) + 1
            errors.extend(
                FieldError((*prefix, *err["loc"]), err["msg"], err["type"])
                for err in exc.errors(include_url=False, include_input=False)
            )
        except ArticleRejectedError as exc:
            counts["unusable_body"] = counts.get("unusable_body", 0) + 1
            errors.append(FieldError((*prefix, exc.field), exc.message, "article_rejected"))
    return articles, errors, counts


def _deduplicate(articles: list[RawArticle]) -> tuple[RawArticle, ...]:
    by_id: dict[str, RawArticle] = {}
    for article in articles:
        by_id[article.article_id] = article  # a dict keeps the first key's position
    return tuple(by_id.values())
