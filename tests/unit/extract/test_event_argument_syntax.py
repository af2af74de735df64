"""Event arguments read from syntax: a past participle after an apposition or a dash that the
tagger reads as a past tense is still passive by its "by" agent, so the noun it modifies is the
patient ("the gunman, John Smith, shot dead by police,"), as are "those" it modifies ("those
arrested"); an assault whose patient is itself a town or a country happened there ("bombed the
city of Rafah", "the invasion of Iraq"); every member of a multiple coordination takes part
("the mayor, his wife and their son"). Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    "text",
    [
        "The gunman, John Smith, shot dead by police, had fled from a bank.",
        "The gunman, John Smith – shot dead by police – had fled from a bank.",
    ],
)
def test_a_participle_after_an_apposition_has_the_noun_as_its_patient(
    extract: Extract, text: str
) -> None:
    event = event_of(extract(text), "shot dead")
    assert texts(event.actors) == ["police"]
    assert [p.name or p.text for p in event.targets] == ["John Smith"]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # controls: a participle without an apposition, and a past tense with its own object
        ("The suspect, shot dead by police, had fled from a bank.", "shot dead", "suspect"),
        ("The gunman shot dead a policeman outside the bank.", "shot dead", "policeman"),
    ],
)
def test_participles_and_past_tenses_keep_their_patients(
    extract: Extract, text: str, trigger: str, target: str
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == [target]


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Israeli aircraft bombed the city of Rafah overnight.", "bombed", "Rafah"),
        ("The general backed the invasion of Iraq in 2003.", "invasion", "Iraq"),
    ],
)
def test_an_assaulted_town_or_country_is_the_place(
    extract: Extract, text: str, trigger: str, place: str
) -> None:
    location = event_of(extract(text), trigger).location
    assert location is not None and location.text == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # controls: a place modifying the patient tells whose it is, not where it was attacked
        ("The rebels attacked the US embassy on Monday.", "attacked"),
        ("The general condemned the murder of a French journalist.", "murder"),
    ],
)
def test_a_place_modifying_the_patient_is_not_the_place(
    extract: Extract, text: str, trigger: str
) -> None:
    assert event_of(extract(text), trigger).location is None


@pytest.mark.parametrize(
    ("text", "trigger", "targets"),
    [
        (
            "Police detained the mayor, his deputy and the head of the council.",
            "detained",
            ["mayor", "his deputy", "head of the council"],
        ),
        (
            "Police arrested the mayor, his wife and their son.",
            "arrested",
            ["mayor", "his wife", "their son"],
        ),
        # control: two members, the parser's single conjunct
        ("Police arrested the leader and his driver.", "arrested", ["leader", "his driver"]),
    ],
)
def test_every_member_of_a_multiple_coordination_is_a_participant(
    extract: Extract, text: str, trigger: str, targets: list[str]
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == targets


@pytest.mark.parametrize(
    ("text", "trigger", "targets"),
    [
        ("Those arrested were taken to a police station in the town.", "arrested", ["Those"]),
        ("Most of those detained were later freed without charge.", "detained", ["those"]),
        # control: "those" with no modifier of its own refers back, and stays unresolved
        ("Those were arrested later in the day.", "arrested", []),
    ],
)
def test_those_with_a_passive_participle_names_the_patients(
    extract: Extract, text: str, trigger: str, targets: list[str]
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == targets


def test_an_ampersand_joins_one_name_not_two_members(extract: Extract) -> None:
    text = "The regulator banned Smith & Jones, Brown Brothers and two other firms from the scheme."
    targets = texts(event_of(extract(text), "banned").targets)
    assert "Jones" not in targets
    assert targets[1:] == ["Brown Brothers", "two other firms"]
