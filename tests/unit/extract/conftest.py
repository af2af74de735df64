"""Fixtures for the extraction domain: one real spaCy pipeline per test session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from spacy.language import Language

from services.extract.domain.extractor import ArticleText, Extraction, Extractor, load_nlp

PUBLISHED = datetime(2024, 5, 16, 12, 0, tzinfo=UTC)
"""A Thursday."""


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def extractor(nlp: Language) -> Extractor:
    return Extractor(nlp)


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Callable[..., Extraction]:
    """Extract from a text written for the test, published on Thursday 2024-05-16."""

    def run(text: str, *, title: str | None = None) -> Extraction:
        return extractor.extract(ArticleText("a-test", text, title, PUBLISHED))

    return run
