"""Whom criticism, a rejection or a threat is aimed at: the one behind the deed or proposal
taken as object, the doer of what a complaint is over, the one something is blamed on, the
state of what a threatened measure is against. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("The minister denounced the army's crackdown on students.", "denounced", "army"),
        ("The bishop condemned the protesters' attack on the police.", "condemned", "protesters"),
        ("The council rejected the mayor's proposals on Monday.", "rejected", "mayor"),
        ("The party blamed the defeat on the government.", "blamed", "government"),
    ],
)
def test_the_one_behind_what_is_criticised_is_the_target(
    extract: Extract, text: str, trigger: str, target: str
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == [target]


def test_a_complaint_targets_the_doer_of_what_it_is_over_not_whom_it_is_made_to(
    extract: Extract,
) -> None:
    text = "Lebanon complained to the United Nations over two Israeli air raids."
    event = event_of(extract(text), "complained")
    assert [(t.text, t.country) for t in event.targets] == [("Israeli", "ISR")]


def test_a_threatened_measure_against_a_peoples_goods_targets_their_state(
    extract: Extract,
) -> None:
    text = "A senator threatened to impose restrictions against German goods."
    assert [t.country for t in event_of(extract(text), "threatened").targets] == ["DEU"]


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("The bishop condemned Anna's murder in a sermon.", "Anna"),
        ("The bishop condemned the officer's murder in a sermon.", "officer"),
    ],
)
def test_the_victim_of_a_crime_criticised_is_not_its_target(
    extract: Extract, text: str, victim: str
) -> None:
    # control: one person's possessive on a noun of harm is the one harmed
    assert victim not in texts(event_of(extract(text), "condemned").targets)


def test_what_is_blamed_on_things_blames_no_one(extract: Extract) -> None:
    # control: the champions who won are not blamed for the defeat
    text = "The coach blamed the defeat by the champions on injuries."
    blamed = [e for e in extract(text).events if e.trigger.text == "blamed"]
    assert not any("champions" in texts(e.targets) for e in blamed)


def test_the_owner_of_a_thing_a_promise_acts_on_is_no_target(extract: Extract) -> None:
    # control: "Britain's culture" is Britain's, not Britain as someone acted against
    text = "The minister pledged to clamp down on Britain's compensation culture."
    assert "Britain" not in texts(event_of(extract(text), "pledged").targets)


def test_a_thing_rejected_with_no_one_behind_it_stays_the_target(extract: Extract) -> None:
    # control
    assert texts(event_of(extract("The union rejected the plan."), "rejected").targets) == ["plan"]
