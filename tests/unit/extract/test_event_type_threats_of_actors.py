"""A threat (CAMEO 13) is an actor's, of an act: a thing or a situation that threatens
something poses a danger, jobs that are threatened are at risk, and a side that threatens in
a game threatens no act; a union that threatens to strike, a firm that threatens legal action
and a state threatened with sanctions stay threats (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_a_situation_that_threatens_a_recovery_is_no_threat(extract: Extract) -> None:
    extraction = extract("The strength of the currency threatens the recovery.")
    assert "threatens" not in triggers(extraction)


def test_jobs_that_are_threatened_are_at_risk(extract: Extract) -> None:
    extraction = extract("About 3,000 jobs are threatened in the region.")
    assert "threatened" not in triggers(extraction)


def test_a_side_that_threatens_in_a_game_threatens_no_act(extract: Extract) -> None:
    extraction = extract("The visitors had rarely threatened until the break.")
    assert "threatened" not in triggers(extraction)


def test_a_union_threatening_to_strike_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The union threatened to strike next week.")
    assert event_of(extraction, "threatened").type == "THREATEN"


def test_a_firm_threatening_legal_action_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The company has threatened legal action against any buyer.")
    assert event_of(extraction, "threatened").type == "THREATEN"


def test_a_state_threatened_with_sanctions_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The country has been threatened with sanctions.")
    assert event_of(extraction, "threatened").type == "THREATEN"


def test_attackers_threatening_guards_stay_a_threat(extract: Extract) -> None:
    extraction = extract("The attackers threatened the guards.")
    assert event_of(extraction, "threatened").type == "THREATEN"
