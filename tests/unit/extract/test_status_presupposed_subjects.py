"""A negated predicate about an event-noun subject presupposes the event ("the strike did not
affect flights": there was a strike); only a predicate of occurrence ("the talks did not take
place") or the passive of an effecting verb ("no complaint was made") denies it (sentences
written here)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The ceasefire did not mean that the fighting had ended.", "ceasefire"),
        ("His apology did not satisfy the families.", "apology"),
        ("The raid was not a success, officers admitted.", "raid"),
        ("Her promise has not been forgotten by the voters.", "promise"),
    ],
)
def test_negated_predicate_presupposes_its_subject(
    extract: Extract, text: str, trigger: str
) -> None:
    assert event_of(extract(text), trigger).status == "occurred"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The summit did not take place.", "summit"),
        ("The talks did not resume after the holiday.", "talks"),
        ("The march did not go ahead because of the snow.", "march"),
        ("A formal complaint was not made against the mayor.", "complaint"),
        ("The conference is not to gather in the town this year.", "conference"),
    ],
)
def test_negated_occurrence_denies_its_subject(extract: Extract, text: str, trigger: str) -> None:
    assert event_of(extract(text), trigger).status == "negated"


def test_negated_verb_still_negates_its_object(extract: Extract) -> None:
    assert event_of(extract("The union did not call a strike."), "strike").status == "negated"
