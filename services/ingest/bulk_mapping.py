"""Field mapping for ``newsflow ingest``: research corpora into the ingest API's article shape.

The API takes ``{url, body|html, title?, published_at?, source?, language?, authors?}``. A
corpus in the ``newsflow extract`` format (``{doc_id, text, title?, published_at?}``) is
recognised item by item and mapped without options; any other shape is mapped with
``--map url=doc_id,body=text,published_at=date`` (API field = corpus field).

A ``url`` taken from a value that is not an http(s) URL (a document id) becomes a synthetic URL
that never resolves (``.invalid`` is reserved, RFC 2606) and is stable, so ingesting the corpus
again gives the same ``article_id``s::

    https://corpus.invalid/<namespace>/<percent-encoded id>

``namespace`` is the input's name (file name without suffix, or directory name), so two corpora
whose ids are both ``1``, ``2``, … do not collide; keep the name to keep the ids.

>>> mapping = FieldMap.parse("url=doc_id,body=text,published_at=date")
>>> item = {"doc_id": "d 1", "text": "Troops fired.", "date": "2024-05-08", "x": 1}
>>> article, dropped = mapping.apply(item, namespace="gdelt-sample")
>>> article["url"], article["published_at"], dropped
('https://corpus.invalid/gdelt-sample/d%201', '2024-05-08', ('x',))
>>> EXTRACT_FORMAT.matches({"doc_id": "a", "text": "b"}), EXTRACT_FORMAT.matches({"url": "u"})
(True, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

SYNTHETIC_HOST = "corpus.invalid"
API_FIELDS = ("url", "title", "body", "html", "source", "published_at", "language", "authors")


class FieldMapError(ValueError):
    """A ``--map`` option that cannot be used (unknown API field, malformed pair)."""


@dataclass(frozen=True, slots=True)
class FieldMap:
    """API field -> corpus field. Fields of the item already named like API fields and not
    mapped away are kept; every other field is dropped and reported."""

    pairs: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, text: str) -> FieldMap:
        pairs: list[tuple[str, str]] = []
        for part in (p.strip() for p in text.split(",") if p.strip()):
            target, sep, origin = (s.strip() for s in part.partition("="))
            if not sep or not target or not origin:
                raise FieldMapError(f"--map: {part!r} is not API_FIELD=CORPUS_FIELD")
            if target not in API_FIELDS:
                raise FieldMapError(
                    f"--map: {target!r} is not an article field ({', '.join(API_FIELDS)})"
                )
            pairs.append((target, origin))
        if not pairs:
            raise FieldMapError("--map: no API_FIELD=CORPUS_FIELD pair")
        return cls(tuple(pairs))

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(origin for _, origin in self.pairs)

    def matches(self, item: Mapping[str, Any]) -> bool:
        """The item has every corpus field the map reads for ``url`` and ``body``/``text``."""
        required = [o for t, o in self.pairs if t in ("url", "body", "html")]
        return all(field in item for field in required) and not (
            {"url", "body", "html"} & item.keys()
        )

    def apply(
        self, item: Mapping[str, Any], *, namespace: str
    ) -> tuple[dict[str, Any], tuple[str, ...]]:
        """The article for the API and the names of the item's fields that were dropped."""
        mapped = {target: item[origin] for target, origin in self.pairs if origin in item}
        if "url" in mapped:
            mapped["url"] = synthetic_url(mapped["url"], namespace=namespace)
        kept = {
            k: v
            for k, v in item.items()
            if k in API_FIELDS and k not in mapped and k not in self.sources
        }
        dropped = tuple(
            sorted(k for k in item if k not in mapped and k not in kept and k not in self.sources)
        )
        return {**mapped, **kept}, dropped


EXTRACT_FORMAT = FieldMap(
    (("url", "doc_id"), ("body", "text"), ("title", "title"), ("published_at", "published_at"))
)
"""``newsflow extract``'s input lines: ``{doc_id, text, title?, published_at?}``."""


def synthetic_url(value: Any, *, namespace: str) -> Any:
    """``value`` itself when it is an http(s) URL, else the stable synthetic URL of an id.
    Non-string values other than ints are left for the API to reject."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return value
    text = str(value).strip()
    if text.lower().startswith(("http://", "https://")):
        return text
    return f"https://{SYNTHETIC_HOST}/{quote(namespace, safe='')}/{quote(text, safe='')}"


def map_item(
    item: Any, *, mapping: FieldMap | None, namespace: str
) -> tuple[Any, tuple[str, ...], bool]:
    """``(article, dropped fields, was it in the extract format)`` for one parsed item: with
    ``mapping``, mapped by it; else an item in the extract format is mapped by
    :data:`EXTRACT_FORMAT`; anything else is passed on as it is (the API says what is wrong).
    """
    if not isinstance(item, dict):
        return item, (), False
    if mapping is not None:
        article, dropped = mapping.apply(item, namespace=namespace)
        return article, dropped, False
    if EXTRACT_FORMAT.matches(item):
        article, dropped = EXTRACT_FORMAT.apply(item, namespace=namespace)
        return article, dropped, True
    return item, (), False
