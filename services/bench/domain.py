"""Phases 1–2: the NLP limit (bare ``nlp.pipe``) against the extraction domain code.

Four variants run over the same texts with the same loaded pipeline: bare ``nlp.pipe``, the
extractor with claims and events, claims only and events only. The texts are cut into chunks of
one pipe batch; each chunk is run by all four variants back to back, in an order that rotates
from chunk to chunk and round to round. So the variants are compared over the same few seconds
and a slow spell of a shared machine hits them all alike. A round's rate of a variant is the
texts divided by its time summed over the chunks; figures are the medians over rounds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language

from services.extract.domain.extractor import ArticleText, Extraction, Extractor
from shared.runtime import tune_gc

BATCH_SIZE = 32  # Extractor.extract_many's default; the bare pipe uses the same
VARIANTS = ("nlp_pipe", "claims_and_events", "claims_only", "events_only")


@dataclass(frozen=True)
class DomainResult:
    """Articles/s of each variant in each round, and the full extraction of the texts."""

    articles: int
    rates: dict[str, list[float]]
    extractions: list[Extraction]

    def median(self, variant: str) -> float:
        return statistics.median(self.rates[variant])

    def figures(self) -> dict[str, object]:
        bare = self.median("nlp_pipe")
        full = self.median("claims_and_events")
        claims_only = self.median("claims_only")
        events_only = self.median("events_only")
        return {
            "articles": self.articles,
            "rounds": len(self.rates["nlp_pipe"]),
            "batch_size": BATCH_SIZE,
            "nlp_pipe_articles_per_s": bare,
            "extraction_articles_per_s": full,
            "claims_only_articles_per_s": claims_only,
            "events_only_articles_per_s": events_only,
            "ratio_extraction_vs_nlp_pipe": full / bare,
            "ratio_claims_only_vs_nlp_pipe": claims_only / bare,
            "ratio_events_only_vs_nlp_pipe": events_only / bare,
            # Time a stage adds per article, as a share of the parse (nlp.pipe) time.
            "claims_stage_share_of_parse": bare / claims_only - 1,
            "events_stage_share_of_parse": bare / events_only - 1,
            "both_stages_share_of_parse": bare / full - 1,
            "ms_per_article": {
                "nlp_pipe": 1000 / bare,
                "claims_stage": max(1000 / claims_only - 1000 / bare, 0.0),
                "events_stage": max(1000 / events_only - 1000 / bare, 0.0),
                "claims_and_events": max(1000 / full - 1000 / bare, 0.0),
            },
            "claims": sum(len(x.claims) for x in self.extractions),
            "events": sum(len(x.events) for x in self.extractions),
            "articles_per_s": {v: self.median(v) for v in VARIANTS},
            "rounds_articles_per_s": self.rates,
        }


def measure_domain(
    nlp: Language,
    texts: list[ArticleText],
    *,
    rounds: int,
    on_round: Callable[[int, str, float], None] | None = None,
) -> DomainResult:
    """Run every variant ``rounds`` times over ``texts``; see the module docstring."""
    extractors = {
        "claims_and_events": Extractor(nlp),
        "claims_only": Extractor(nlp, events=False),
        "events_only": Extractor(nlp, claims=False),
    }
    runners: dict[str, Callable[[list[ArticleText]], list[Extraction]]] = {
        "nlp_pipe": lambda chunk: _bare_pipe(nlp, chunk),
        **{name: _extract_with(extractor) for name, extractor in extractors.items()},
    }
    _bare_pipe(nlp, texts[: min(len(texts), BATCH_SIZE)])  # warm-up: first calls allocate
    tune_gc()  # as the extract service does once its model is loaded
    chunks = [texts[i : i + BATCH_SIZE] for i in range(0, len(texts), BATCH_SIZE)]
    rates: dict[str, list[float]] = {v: [] for v in VARIANTS}
    extractions: list[Extraction] = []
    for r in range(rounds):
        spent = dict.fromkeys(VARIANTS, 0.0)
        for c, chunk in enumerate(chunks):
            shift = (r + c) % len(VARIANTS)
            for variant in VARIANTS[shift:] + VARIANTS[:shift]:
                started = time.perf_counter()
                result = runners[variant](chunk)
                spent[variant] += time.perf_counter() - started
                if r == 0 and variant == "claims_and_events":
                    extractions.extend(result)
        for variant in VARIANTS:
            rates[variant].append(len(texts) / spent[variant])
            if on_round is not None:
                on_round(r, variant, rates[variant][-1])
    return DomainResult(articles=len(texts), rates=rates, extractions=extractions)


def _extract_with(extractor: Extractor) -> Callable[[list[ArticleText]], list[Extraction]]:
    def run(chunk: list[ArticleText]) -> list[Extraction]:
        return list(extractor.extract_many(chunk, batch_size=BATCH_SIZE))

    return run


def _bare_pipe(nlp: Language, texts: list[ArticleText]) -> list[Extraction]:
    for _ in nlp.pipe((t.text for t in texts), batch_size=BATCH_SIZE):
        pass
    return []
