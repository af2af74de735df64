"""The subject of a verb that undergoes or receives the act its object names ("the firm faces
an inquiry", "is serving a ban", "receives aid"), of a verb of state with an
"under" phrase ("came under criticism") and the passive subject of a giving verb ("was handed
a ban") is the event's target, and no actor; a "from" phrase names the actor. Every sentence
is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "The airline is facing a fraud investigation over its accounts.",
            "investigation",
            "airline",
        ),
        ("The winger is serving a three-match ban for dissent.", "ban", "winger"),
        ("The ministry has come under sharp criticism for the delays.", "criticism", "ministry"),
        ("The bank is under investigation by regulators.", "investigation", "bank"),
        ("The sprinter was handed a four-year ban.", "ban", "sprinter"),
    ],
)
def test_the_subject_of_an_undergoing_verb_is_the_target(
    extract: Extract, text: str, trigger: str, target: str
) -> None:
    event = event_of(extract(text), trigger)
    assert target in " ".join(texts(event.targets))
    assert target not in " ".join(texts(event.actors))


def test_a_from_phrase_of_the_undergone_act_is_its_actor(extract: Extract) -> None:
    event = event_of(extract("The convoy came under attack from rebels near the pass."), "attack")
    assert (texts(event.actors), texts(event.targets)) == (["rebels"], ["convoy"])


def test_the_active_subject_of_a_giving_verb_is_no_target(extract: Extract) -> None:
    # control: only the passive subject of "hand" receives; the active one gives
    event = event_of(extract("The federation handed the sprinter a four-year ban."), "ban")
    assert "federation" not in " ".join(texts(event.targets))


def test_an_agentive_support_verb_keeps_its_subject_as_actor(extract: Extract) -> None:
    # control: "launched an investigation" is the subject's own act
    event = event_of(
        extract("The regulator launched an investigation into the bank."), "investigation"
    )
    assert texts(event.actors) == ["regulator"]
