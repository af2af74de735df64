""" "would" in the clause of a plan, a declaration or an agreement is the past of "will"
(future in the past): the act is planned, not a hypothesis (sentences written here)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _status(extraction: Extraction, trigger: str) -> str:
    (event,) = [e for e in extraction.events if e.trigger is not None and e.trigger.text == trigger]
    return event.status


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The ministry published a plan which would withdraw the troops by June.", "withdraw"),
        (
            "The government's announcement that it would deploy extra troops to the border "
            "surprised the villagers.",
            "deploy",
        ),
        ("Officials drew up a proposal under which both armies would withdraw.", "withdraw"),
    ],
)
def test_would_in_the_content_of_a_plan_is_planned(
    extract: Extract, text: str, trigger: str
) -> None:
    assert _status(extract(text), trigger) == "planned"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # counterfactual: "would have"
        ("A plan that would have withdrawn the troops was dropped last year.", "withdrawn"),
        # a condition on the plan's act
        (
            "The ministry published a plan which would withdraw the troops if rebels disarm.",
            "withdraw",
        ),
        # a fear is no plan
        ("There were fears that the rebels would attack the town.", "attack"),
    ],
)
def test_would_outside_a_plan_or_counterfactual_stays_hypothetical(
    extract: Extract, text: str, trigger: str
) -> None:
    assert _status(extract(text), trigger) == "hypothetical"
