"""A bare event noun after "in" on a verb ("resigned in protest", "in support of the appeal,
the club sold ...") tells the purpose of the clause's act, so the clause's subject does it; an
event with a determiner ("killed in the protest"), a passive's subject and a receiver's ("got
£2m in gifts") do nothing. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("The deputy mayor resigned in protest at the new budget.", "protest", "deputy mayor"),
        (
            "Porters downed tools in protest against the new rosters.",
            "protest",
            "Porters",
        ),
        ("In support of the flood appeal, the club auctioned its old shirts.", "support", "club"),
    ],
)
def test_the_subject_does_the_act_of_a_bare_in_adjunct(
    extract: Extract, text: str, trigger: str, actor: str
) -> None:
    assert actor in " ".join(texts(event_of(extract(text), trigger).actors))


def test_an_event_with_a_determiner_is_one_the_subject_was_caught_in(extract: Extract) -> None:
    # control: a bystander who lost an eye in the protest did not stage it
    event = event_of(extract("A policeman lost an eye in the protest."), "protest")
    assert texts(event.actors) == []


def test_a_passive_subject_does_not_do_the_adjunct_act(extract: Extract) -> None:
    # control: the one sacked did not protest by being sacked
    event = event_of(extract("The teacher was sacked in protest."), "protest")
    assert texts(event.actors) == []


def test_a_receiver_does_not_give_what_it_receives(extract: Extract) -> None:
    # control: "received £2m in donations": the party is the recipient, not the donor
    text = "The charity received more than £3m in donations last year."
    assert texts(event_of(extract(text), "donations").actors) == []
