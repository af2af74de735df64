"""A possible or expected event that the text gives a date after publication is scheduled:
planned (TimeML's FUTURE outranks its modality); one that hangs on a condition stays
hypothetical, and an undated possibility too (sentences written here; published Thursday
2024-05-16)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The treaty could be signed next week.", "signed"),
        ("A summit is expected to take place next month.", "summit"),
        ("The two leaders may meet on 20 June.", "meet"),
    ],
)
def test_dated_possibility_is_planned(extract: Extract, text: str, trigger: str) -> None:
    assert event_of(extract(text), trigger).status == "planned"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("If the rebels attack the town next week, thousands will flee.", "attack"),
        ("The two leaders may meet at some point.", "meet"),
    ],
)
def test_conditional_or_undated_possibility_stays_hypothetical(
    extract: Extract, text: str, trigger: str
) -> None:
    assert event_of(extract(text), trigger).status == "hypothetical"
