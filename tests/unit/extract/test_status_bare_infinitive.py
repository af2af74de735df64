"""A bare infinitive after a causative or perception verb ("let them seize", "saw troops
fire") has no tense of its own: it takes the status of the clause that causes or perceives
it (sentences written here)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _status(extraction: Extraction, trigger: str) -> str:
    (event,) = [e for e in extraction.events if e.trigger is not None and e.trigger.text == trigger]
    return event.status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("The flaw could let hackers seize control of the network.", "seize", "hypothetical"),
        ("The ruling will not let the rebels seize the airport.", "seize", "negated"),
        ("The new drones will help the police arrest the smugglers.", "arrest", "planned"),
    ],
)
def test_a_causatives_bare_infinitive_takes_its_status(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    assert _status(extract(text), trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # a perceived act took place; not seeing it does not deny it
        ("Jurors saw the soldiers attack the crowd.", "attack", "occurred"),
        ("The guards did not see the soldiers attack the crowd.", "attack", "occurred"),
        # a "to" infinitive is no bare infinitive
        ("The minister urged the army to arrest the smugglers.", "arrest", "planned"),
        # present tense with its own subject is no infinitive
        ("Officials say the rebels attack convoys on the road.", "attack", "ongoing"),
    ],
)
def test_bare_infinitive_control(extract: Extract, text: str, trigger: str, status: str) -> None:
    assert _status(extract(text), trigger) == status
