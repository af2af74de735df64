"""Idiom objects belong to their verb (invented sentences): "meet the deadline" and "strike a
deal" are no meeting and no blow, while "rejected the demand" and "attacked his record" stay
events; a verb of concluding supports its agreement noun; blame laid on a cause accuses no one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts, triggers

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The council failed to meet the deadline for the report.", "meet"),
        ("Ministers said the plan would meet the targets set by the treaty.", "meet"),
        ("The carmaker built a second plant to meet demand for its vans.", "meet"),
        ("The two firms struck a deal on Monday.", "struck"),
        ("The singer protested her innocence throughout the trial.", "protested"),
        ("The band released a new single in March.", "released"),
        ("The director shot the film in Morocco.", "shot"),
    ],
)
def test_idiom_object_of_its_own_verb_makes_no_event(
    extract: Extract, sentence: str, verb: str
) -> None:
    assert verb not in triggers(extract(sentence))


def test_rejected_demand_is_a_rejection(extract: Extract) -> None:
    event = event_of(extract("The union rejected the demand for longer shifts."), "rejected")
    assert event.type == "REJECT"
    assert texts(event.actors) == ["union"]


def test_attacked_record_is_criticism_of_its_owner(extract: Extract) -> None:
    event = event_of(extract("Senator Mills attacked Governor Hale's economic record."), "attacked")
    assert event.type == "ACCUSE"
    assert texts(event.targets) == ["Governor Hale"]


def test_met_demands_of_strikers_stay_a_concession(extract: Extract) -> None:
    event = event_of(extract("The government met the strikers' demands on Friday."), "met")
    assert event.type == "CONCEDE"


def test_verb_of_concluding_supports_its_agreement_noun(extract: Extract) -> None:
    extraction = extract("The two parties agreed a deal with the regional council.")
    assert "agreed" not in triggers(extraction)
    assert event_of(extraction, "deal").type == "AGREE"


def test_rejected_deal_is_a_rejection(extract: Extract) -> None:
    event = event_of(extract("The shareholders rejected the deal on Tuesday."), "rejected")
    assert event.type == "REJECT"
    assert texts(event.actors) == ["shareholders"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The airline blamed high fuel prices for its loss.",
        "The brewer blamed the strength of the euro.",
        "The chain blamed the closures on rising rents.",
        "Bad weather was blamed for the delay.",
    ],
)
def test_blame_laid_on_a_cause_accuses_no_one(extract: Extract, sentence: str) -> None:
    assert not any(t.startswith("blame") for t in triggers(extract(sentence)))


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The minister blamed the rebels for the ambush.", "rebels"),
        ("The minister blamed the ambush on the rebels.", "rebels"),
        ("The mayor blamed the closures on the government.", "government"),
        ("The fires were blamed on local extremists.", "local extremists"),
    ],
)
def test_blame_laid_on_an_actor_accuses_it(extract: Extract, sentence: str, target: str) -> None:
    (event,) = [e for e in extract(sentence).events if e.trigger.text == "blamed"]
    assert event.type == "ACCUSE"
    assert target in texts(event.targets)
