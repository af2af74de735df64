"""To protest one's innocence is to avow it (WordNet protest.v.02), no demonstration
(invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_protesting_ones_innocence_is_no_protest(extract: Extract) -> None:
    extraction = extract("The cyclist has always protested his innocence since the failed test.")
    assert "protested" not in triggers(extraction)


def test_protesting_a_decision_is_still_a_protest(extract: Extract) -> None:
    extraction = extract("Hundreds of farmers protested the new tax outside parliament on Monday.")
    assert event_of(extraction, "protested").type == "PROTEST"
