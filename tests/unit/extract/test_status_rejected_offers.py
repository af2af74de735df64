"""A deal, an accord or aid that is rejected did not come about (a negative implicative's
event object is counterfactual); a rejected allegation or request was still made (sentences
written here)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The board rejected the merger deal on Monday.", "deal"),
        ("The island has refused foreign aid after the storm.", "aid"),
        ("The accord was rejected by the senate in May.", "accord"),
    ],
)
def test_rejected_offer_did_not_happen(extract: Extract, text: str, trigger: str) -> None:
    assert event_of(extract(text), trigger).status == "negated"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The mayor rejected the allegation on Monday.", "allegation"),
        ("The board signed the merger deal on Monday.", "deal"),
    ],
)
def test_rejected_speech_act_and_signed_deal_happened(
    extract: Extract, text: str, trigger: str
) -> None:
    assert event_of(extract(text), trigger).status == "occurred"
