"""A verb whose object or passive subject names someone has its patient, so an "on" phrase
beside it tells the occasion or the place ("detained on their arrival", "beat up prisoners on
the island"), not a second target; without such a patient "on" names whom the act falls on
("fired rockets on the village"). Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "patient"),
    [
        ("The two brothers were detained on their arrival in Lisbon.", "detained", "two brothers"),
        ("The guards beat up the prisoners on the ferry.", "beat up", "prisoners"),
    ],
)
def test_an_on_phrase_beside_a_named_patient_is_no_target(
    extract: Extract, text: str, trigger: str, patient: str
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == [patient]


def test_an_on_phrase_beside_a_thing_names_the_target(extract: Extract) -> None:
    # control: "rockets" are no one, so "on the village" is where the attack falls
    event = event_of(extract("Troops fired rockets on the village."), "fired")
    assert "village" in texts(event.targets)
