"""Which phrases name a participant: the happening that harms is not its agent ("the blast
injured ..."; its own agent is), a phrase of people under the negative determiner "no" names
no one, and "those" with a modifier after it, or "one"/"some" of a group, names people. Every
sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "targets"),
    [
        ("A bomb blast which injured four guards shook the port.", "injured", ["four guards"]),
        ("The attack, which killed six soldiers, was condemned.", "killed", ["six soldiers"]),
    ],
)
def test_the_harmful_happening_as_subject_is_not_the_actor(
    extract: Extract, text: str, trigger: str, targets: list[str]
) -> None:
    event = event_of(extract(text), trigger)
    assert (texts(event.actors), texts(event.targets)) == ([], targets)


def test_the_happenings_own_agent_acts_for_it(extract: Extract) -> None:
    event = event_of(
        extract("A militia attack, which killed six soldiers, was condemned."), "killed"
    )
    assert (texts(event.actors), texts(event.targets)) == (["militia"], ["six soldiers"])


def test_an_agent_as_subject_of_the_harm_still_acts(extract: Extract) -> None:
    # control: a person who harms is the actor
    event = event_of(extract("A gunman who injured four guards fled the port."), "injured")
    assert (texts(event.actors), texts(event.targets)) == (["gunman"], ["four guards"])


@pytest.mark.parametrize(
    ("text", "trigger", "role"),
    [
        ("Officials said no group has claimed responsibility for the raid.", "raid", "actors"),
        ("Police said they had arrested no protesters during the march.", "arrested", "targets"),
        ("Soldiers shelled the village, but no civilians were killed.", "killed", "targets"),
    ],
)
def test_a_phrase_under_no_names_no_participant(
    extract: Extract, text: str, trigger: str, role: str
) -> None:
    assert texts(getattr(event_of(extract(text), trigger), role)) == []


def test_a_group_with_a_determiner_claiming_an_attack_still_acts(extract: Extract) -> None:
    # control: "a group" refers
    event = event_of(
        extract("Officials said a rebel group had claimed responsibility for the bombing."),
        "bombing",
    )
    assert texts(event.actors) == ["rebel group"]


@pytest.mark.parametrize(
    ("text", "trigger", "role"),
    [
        ("Police believe those responsible were involved in the bombing.", "bombing", "actors"),
        ("She met the families of those who were killed by the militia.", "killed", "targets"),
    ],
)
def test_those_with_a_modifier_names_people(
    extract: Extract, text: str, trigger: str, role: str
) -> None:
    assert texts(getattr(event_of(extract(text), trigger), role)) == ["those"]


def test_bare_those_stays_an_unresolved_pronoun(extract: Extract) -> None:
    # control: "those" alone refers back and is left out
    event = event_of(extract("Those were attacked by the militia on Monday."), "attacked")
    assert (texts(event.actors), texts(event.targets)) == (["militia"], [])


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "One of the country's richest bankers was arrested on Monday.",
            "arrested",
            "One of the country's richest bankers",
        ),
        (
            "Police said some of the strikers were detained overnight.",
            "detained",
            "some of the strikers",
        ),
    ],
)
def test_a_partitive_of_people_names_them(
    extract: Extract, text: str, trigger: str, target: str
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == [target]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [("One was arrested on Monday.", "arrested"), ("The army may deport some of them.", "deport")],
)
def test_a_bare_or_pronoun_partitive_stays_unresolved(
    extract: Extract, text: str, trigger: str
) -> None:
    # control: "one" alone and "some of them" refer back and are left out
    assert texts(event_of(extract(text), trigger).targets) == []
