"""How many events of BBC news carry a country (issue 13's figure; docs/quality-places.md).

The BBC corpus (``../shared/data/corpus/bbc.jsonl``) has no gold: this counts, it does not
score. Articles are drawn as the bench draws them (:func:`services.bench.corpus.load_sample`:
every k-th line, always the same ones), extracted with ``extract_file`` at the bench's fixed
publication date, and an event counts when its ``location.country`` is set, or its
``setting.country`` (extractor 0.17.0 on: the article's place, for an event other than the main
one that names no place; it was its location before). The extraction is left in ``OUT`` for
judging by hand.

    .venv/bin/python -m tests.quality.bbc_places OUT [--size 200]   # --size 0: every article
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from tests.quality.halves import SHARED

CORPUS = SHARED / "data" / "corpus" / "bbc.jsonl"


def share(extraction: Path) -> str:
    """One line: events with a country (their location's, else their setting's), main events
    with one, those placed by the text, and the sources of the places."""
    events = with_country = placed_by_text = mains = mains_with_country = 0
    sources: Counter[str] = Counter()
    for line in extraction.read_text(encoding="utf-8").splitlines():
        for event in json.loads(line)["events"]:
            location = event.get("location") or {}
            where = location or event.get("setting") or {}
            placed = bool(where.get("country"))
            events += 1
            with_country += placed
            placed_by_text += placed and bool(location)
            mains += bool(event.get("is_main"))
            mains_with_country += placed and bool(event.get("is_main"))
            if placed:
                kind = "" if location else "setting:"
                sources[kind + (where.get("source") or "none")] += 1
    percent = 100 * with_country / max(events, 1)
    return (
        f"events {events}, with a country {with_country} ({percent:.1f} %; its location's "
        f"{placed_by_text}, else its setting's); main events {mains}, with a country "
        f"{mains_with_country}; by source {dict(sources.most_common())}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--size", type=int, default=200, help="articles (0: the whole corpus)")
    args = ap.parse_args(argv)

    from services.bench.corpus import PUBLISHED_AT, load_sample
    from services.extract.batch import extract_file
    from services.extract.domain.extractor import Extractor, load_nlp

    args.out.mkdir(parents=True, exist_ok=True)
    docs = load_sample(CORPUS, size=args.size or sys.maxsize)
    inputs = args.out / f"bbc-{args.size}.docs.jsonl"
    inputs.write_text(
        "".join(
            json.dumps(
                {
                    "doc_id": doc.doc_id,
                    "text": doc.text,
                    "title": doc.title,
                    "published_at": PUBLISHED_AT.isoformat(),
                }
            )
            + "\n"
            for doc in docs
        ),
        encoding="utf-8",
    )
    extraction = args.out / f"bbc-{args.size}.preds.jsonl"
    extract_file(inputs, extraction, extractor=Extractor(load_nlp()))
    print(f"{len(docs)} articles: {share(extraction)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
