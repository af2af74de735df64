"""Ability in the past is implicative: "were able to agree" agreed, "were unable to" / "were not
able to" did not; an ability now or to come is no deed yet (Karttunen 1971; sentences written
here)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The two unions were unable to agree terms with the board.", "negated"),
        ("The two unions have been unable to agree terms with the board.", "negated"),
        ("The two unions were not able to agree terms with the board.", "negated"),
        ("The two unions were able to agree terms with the board.", "occurred"),
        ("The two unions will be able to agree terms with the board.", "planned"),
    ],
)
def test_ability_passes_its_tense_to_the_act(extract: Extract, text: str, status: str) -> None:
    assert event_of(extract(text), "agree").status == status
