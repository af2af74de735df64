"""Hostile article bodies, and what the worst of them costs the extractor.

The cases are what made spaCy's cost grow faster than the text before the bounds of
``services/extract/domain/text_bounds.py`` (runs of quote marks, symbols and emoji; sentences
without an end) and what a fuzzer for text throws at a parser (mixed scripts, combining marks,
right-to-left text, huge numbers). Each is as long as ingest accepts (``MAX_BODY_CHARS``) unless
the case says otherwise. The fault suite posts the same cases through the running pipeline.

>>> cases = hostile_bodies(size=1_000)
>>> sorted(len(body) <= 1_000 for body in cases.values()) == [True] * len(cases)
True
"""

from __future__ import annotations

import random
import statistics
import time

from services.extract.domain.extractor import ArticleText, ArticleTooLongError, Extractor
from services.ingest.domain.articles import MAX_BODY_CHARS

_SYMBOLS = ('"', "$", "(", ")", "[", "«", "»", "€", "😀", "🎉", "!", "?", "\u0301", "\u200f")


def hostile_bodies(*, size: int = MAX_BODY_CHARS, seed: int = 7) -> dict[str, str]:
    """Named hostile bodies of at most ``size`` characters (deterministic for a seed)."""
    rng = random.Random(seed)

    def repeat(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "quote_marks": repeat('"'),
        "emoji": repeat("😀"),
        "dollar_signs": repeat("$"),
        "brackets": repeat("(["),
        "random_symbols": "".join(rng.choice(_SYMBOLS) for _ in range(size)),
        "symbols_and_letters": "".join(rng.choice((*_SYMBOLS, "a", "b", " ")) for _ in range(size)),
        "sentence_without_end": repeat("the minister said that the army moved on the town and "),
        "zalgo": repeat("e" + "\u0301\u0300\u0302" * 20 + " "),
        "right_to_left": repeat("\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 "),
        "huge_numbers": repeat("9" * 400 + " killed, "),
        "spaced_emoji": repeat("😀 "),
    }


def measure_hostile(
    extractor: Extractor, corpus: list[ArticleText], *, size: int = MAX_BODY_CHARS
) -> dict[str, object]:
    """Seconds to extract (or refuse) each hostile body once, the worst of them, and the
    corpus's median and maximum per article (each extracted on its own, as the cases are)."""
    for article in corpus[:4]:
        extractor.extract(article)  # warm-up: first calls allocate
    per_case: dict[str, float] = {}
    refused: list[str] = []
    for name, body in hostile_bodies(size=size).items():
        started = time.perf_counter()
        try:
            extractor.extract(ArticleText(f"hostile-{name}", body))
        except ArticleTooLongError:  # refused after tokenizing: dead-lettered in the pipeline
            refused.append(name)
        per_case[name] = round(time.perf_counter() - started, 3)
    corpus_s = []
    for article in corpus:
        started = time.perf_counter()
        extractor.extract(article)
        corpus_s.append(time.perf_counter() - started)
    worst = max(per_case, key=per_case.__getitem__)
    return {
        "body_chars": size,
        "seconds_per_case": per_case,
        "refused": refused,
        "worst_case": worst,
        "worst_case_s": per_case[worst],
        "corpus_articles": len(corpus_s),
        "corpus_median_s": round(statistics.median(corpus_s), 4),
        "corpus_max_s": round(max(corpus_s), 3),
    }
