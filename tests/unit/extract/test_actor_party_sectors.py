"""Members of a legislature act for the government and party nicknames name parties, whatever
the tagger made of a plural at the head of a sentence (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("Tories criticised the budget on Monday.", "PTY"),
        ("Republicans rejected the bill in the Senate.", "PTY"),
        ("Opposition MPs criticised the budget on Monday.", "GOV"),
        ("Several legislators rejected the bill.", "GOV"),
    ],
)
def test_party_and_legislator_nouns_act_with_their_sector(
    extract: Extract, sentence: str, sector: str
) -> None:
    extraction = extract(sentence)
    (event,) = [e for e in extraction.events if e.type in {"ACCUSE", "REJECT"}]
    assert [a.sector for a in event.actors] == [sector]


def test_modifier_of_a_guard_is_no_party(extract: Extract) -> None:
    # control: "Republican Guard" is a military unit, the singular names no party
    event = event_of(extract("The Republican Guard attacked the town."), "attacked")
    assert all(a.sector != "PTY" for a in event.actors)
