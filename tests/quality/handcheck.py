"""A sample of BBC events to judge by hand (the hand-judged table of docs/quality.md).

The BBC corpus (``../shared/data/corpus/bbc.jsonl``) has no gold. This draws ``--articles``
articles with ``random.seed(--seed)``, extracts them at the bench's fixed publication date, and
draws ``--events`` of their events with ``random.seed(--event-seed)``. It writes every event to
``OUT/events.jsonl`` and the sample to ``OUT/sample.md``, one row per event with its sentence
and blank columns for the judgements (type, actor, place, date right?). The judging is done by
a person; the draw is the same on every run, so two extractor versions can be judged on the
same sample.

    .venv/bin/python -m tests.quality.handcheck OUT [--articles 40] [--seed 12] [--events 50]
        [--event-seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from tests.quality.bbc_places import CORPUS


def _names(participants: list[dict[str, Any]]) -> str:
    return "; ".join(
        (p.get("name") or p["text"]) + (f" ({p['country']})" if p.get("country") else "")
        for p in participants
    )


def _place(event: dict[str, Any]) -> str:
    where = event.get("location") or event.get("setting")
    if not where:
        return ""
    name = where.get("name") or where["text"]
    kind = "" if event.get("location") else "setting: "
    return f"{kind}{name} ({where.get('country') or '?'}, {where.get('source')})"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def sample_rows(events: list[dict[str, Any]], texts: dict[str, str]) -> list[str]:
    """Markdown rows of the sampled events, with their sentences."""
    rows = [
        "| # | article | sentence | type | status | trigger | actors | targets | place | date "
        "| type ok | actor ok | place ok | date ok |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, event in enumerate(events, 1):
        evidence = event.get("evidence") or event["trigger"]
        text = texts[event["article_id"]]
        sentence = text[evidence["start"] : evidence["end"]][:300]
        time = event.get("time") or {}
        rows.append(
            f"| {n} | {event['article_id']} | {_cell(sentence)} | {event['type']} | "
            f"{event['status']} | {_cell(event['trigger']['text'])} | "
            f"{_cell(_names(event['actors']))} | {_cell(_names(event['targets']))} | "
            f"{_cell(_place(event))} | {time.get('date') or ''} |  |  |  |  |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--events", type=int, default=50)
    ap.add_argument("--event-seed", type=int, default=7)
    args = ap.parse_args(argv)

    from services.bench.corpus import PUBLISHED_AT
    from services.extract.domain.extractor import ArticleText, Extractor, load_nlp

    docs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    random.seed(args.seed)
    chosen = random.sample(docs, args.articles)
    extractor = Extractor(load_nlp())
    events: list[dict[str, Any]] = []
    for doc in chosen:
        article = ArticleText(doc["doc_id"], doc["text"], doc.get("title"), PUBLISHED_AT)
        events += [e.model_dump(mode="json") for e in extractor.extract(article).events]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "events.jsonl").write_text(
        "".join(json.dumps(e) + "\n" for e in events), encoding="utf-8"
    )
    random.seed(args.event_seed)
    sample = random.sample(events, min(args.events, len(events)))
    texts = {doc["doc_id"]: doc["text"] for doc in chosen}
    (args.out / "sample.md").write_text(
        "\n".join(sample_rows(sample, texts)) + "\n", encoding="utf-8"
    )
    print(f"{len(chosen)} articles, {len(events)} events; sample of {len(sample)} in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
