"""The benchmark's articles: a fixed, evenly spread sample of a JSONL corpus.

The corpus lines are ``{"doc_id", "text", "title"?}`` (the ``newsflow extract`` input format).
Without ``--corpus``, the benchmark uses :func:`default_corpus`: the synthetic corpus of
:mod:`services.bench.synthetic_corpus`, generated on first use into the user's cache (from an
installed package; nothing is downloaded), the same on every machine.
Every use of an article gets its own URL (hence its own ``article_id``), so phases and repeated
posts never collide on ids while the text, and so the extraction work, stays the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from services.bench.synthetic_corpus import NAME as SYNTHETIC_NAME
from services.bench.synthetic_corpus import write_corpus
from services.extract.domain.extractor import ArticleText
from shared.ids import article_id_for
from shared.models import RawArticle

DEFAULT_CORPUS_DIR = Path.home() / ".cache" / "newsflow" / "bench"
# Corpora have no dates (or we ignore them): one fixed publication date keeps extraction
# identical across phases.
PUBLISHED_AT = datetime(2005, 3, 1, 12, 0, tzinfo=UTC)
SOURCE = "newsflow-bench"
SYNTHETIC_DOCS = 2000


def default_corpus(directory: Path = DEFAULT_CORPUS_DIR) -> Path:
    """The synthetic corpus as a JSONL file, generated into ``directory`` the first time."""
    return write_corpus(directory / f"{SYNTHETIC_NAME}.jsonl", count=SYNTHETIC_DOCS)


@dataclass(frozen=True)
class CorpusDoc:
    doc_id: str
    text: str
    title: str | None


def load_sample(path: Path, *, size: int) -> list[CorpusDoc]:
    """``size`` documents spread evenly over the file (every k-th line), always the same ones.

    Raises ``ValueError`` when the file holds no usable document.
    """
    docs = list(_read_docs(path))
    if not docs:
        raise ValueError(f"{path}: no documents with a non-empty 'text'")
    if size >= len(docs):
        return docs
    step = len(docs) / size
    return [docs[int(i * step)] for i in range(size)]


def _read_docs(path: Path) -> Iterator[CorpusDoc]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("text") or ""
            if text.strip():
                yield CorpusDoc(str(row.get("doc_id") or ""), text, row.get("title"))


def article_texts(docs: list[CorpusDoc]) -> list[ArticleText]:
    """What the extraction domain code gets: the text as is, the fixed publication date."""
    return [
        ArticleText(doc.doc_id, doc.text, title=doc.title, published_at=PUBLISHED_AT)
        for doc in docs
    ]


def bench_url(tag: str, serial: int) -> str:
    """A unique, already canonical URL: ``tag`` names the phase, ``serial`` the post."""
    return f"https://bench.newsflow.example/{tag}/{serial}"


def http_payload(doc: CorpusDoc, *, url: str) -> dict[str, Any]:
    """A ``POST /v1/articles`` article for ``doc``."""
    payload: dict[str, Any] = {
        "url": url,
        "body": doc.text,
        "source": SOURCE,
        "published_at": PUBLISHED_AT.isoformat(),
    }
    if doc.title:
        payload["title"] = doc.title
    return payload


def raw_article(doc: CorpusDoc, *, url: str) -> RawArticle:
    """The ``articles.raw`` record for ``doc``, as ingest would publish it (body unchanged)."""
    return RawArticle(
        article_id=article_id_for(url),
        url=url,
        title=doc.title,
        body=doc.text,
        source=SOURCE,
        published_at=PUBLISHED_AT,
        received_at=datetime.now(UTC),
    )
