"""What a verb acts on decides its sense: one's own knee injured is an injury suffered, no
assault (CAMEO 18 harms another); a balance "to be struck" or that "will have to be struck" is
reached, as in the active "strike a balance", whether the passive infinitive modifies the noun
or its subject is raised to the verb above (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_injuring_ones_own_knee_is_no_assault(extract: Extract) -> None:
    extraction = extract("The singer cancelled three shows after injuring her knee on stage.")
    assert "injuring" not in triggers(extraction)


def test_injuring_ones_wife_stays_an_assault(extract: Extract) -> None:
    extraction = extract("The man injured his wife during the argument.")
    assert event_of(extraction, "injured").type == "ASSAULT"


def test_a_balance_that_will_have_to_be_struck_is_no_assault(extract: Extract) -> None:
    extraction = extract("The balance will have to be struck between cost and quality.")
    assert "struck" not in triggers(extraction)


def test_a_balance_to_be_struck_is_no_assault(extract: Extract) -> None:
    extraction = extract("There is a balance to be struck between privacy and security.")
    assert "struck" not in triggers(extraction)


def test_a_town_struck_by_rockets_stays_an_assault(extract: Extract) -> None:
    extraction = extract("Rebel fighters struck the town with rockets on Monday.")
    assert event_of(extraction, "struck").type == "ASSAULT"
