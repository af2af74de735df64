"""What one was made to do, one did: the infinitive of a past compulsion ("was forced to
withdraw", "had to pull out") occurred (Karttunen's "if"-implicatives); an obligation still to
meet ("will be forced to", "has to") is not done yet (sentences written here)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("The rebels were forced to withdraw from the town.", "withdraw", "occurred"),
        ("The champion had to pull out of the race with an injury.", "pull out", "occurred"),
        ("The rebels were compelled to release the hostages.", "release", "occurred"),
        ("The rebels will be forced to withdraw from the town.", "withdraw", "planned"),
        ("The rebels have to withdraw from the town by Friday.", "withdraw", "planned"),
    ],
)
def test_compelled_act_has_the_status_of_its_compulsion(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    assert event_of(extract(text), trigger).status == status


def test_a_law_that_obliges_states_a_duty_not_a_deed(extract: Extract) -> None:
    text = "The new law obliges employers to sign a safety statement."
    assert event_of(extract(text), "sign").status != "occurred"
