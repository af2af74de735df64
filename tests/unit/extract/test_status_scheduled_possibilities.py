"""An expected or required event that the text gives a date after publication is scheduled:
planned (TimeML's FUTURE outranks its modality); one that hangs on a condition or is only
possible ("could", "may") stays hypothetical, and an undated one too (sentences written here;
published Thursday 2024-05-16)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A summit is expected to take place next month.", "summit"),
        ("The minister must attend a hearing on 20 June.", "hearing"),
    ],
)
def test_dated_possibility_is_planned(extract: Extract, text: str, trigger: str) -> None:
    assert event_of(extract(text), trigger).status == "planned"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("If the rebels attack the town next week, thousands will flee.", "attack"),
        ("The two leaders may meet on 20 June.", "meet"),
        ("The treaty could be signed next week.", "signed"),
        ("A summit is expected at some point.", "summit"),
    ],
)
def test_conditional_possible_or_undated_event_stays_hypothetical(
    extract: Extract, text: str, trigger: str
) -> None:
    assert event_of(extract(text), trigger).status == "hypothetical"
