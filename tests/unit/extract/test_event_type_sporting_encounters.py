"""In sport a "meeting" told by its outcome or by its round is a game between two sides, no
consultation; a meeting where something is won and a round of meetings keep theirs (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def _consultations(extraction: Extraction) -> list[str]:
    return [e.trigger.text for e in extraction.events if e.type == "CONSULT"]


def test_meetings_a_side_has_won_are_games(extract: Extract) -> None:
    extraction = extract("United had won their last six meetings on their home pitch.")
    assert "meetings" not in _consultations(extraction)


def test_beating_a_player_in_two_of_their_meetings_tells_games(extract: Extract) -> None:
    extraction = extract("She has now beaten the Swede in two of their three meetings.")
    assert "meetings" not in _consultations(extraction)


def test_a_second_round_meeting_is_a_game(extract: Extract) -> None:
    extraction = extract("He won in straight sets to set up a second round meeting with Smith.")
    assert "meeting" not in _consultations(extraction)


def test_support_won_at_a_meeting_keeps_the_meeting(extract: Extract) -> None:
    extraction = extract("The minister won support at the meeting with union leaders.")
    assert event_of(extraction, "meeting").type == "CONSULT"


def test_a_round_of_meetings_keeps_the_meetings(extract: Extract) -> None:
    extraction = extract("The talks began after a round of meetings between the two governments.")
    assert event_of(extraction, "meetings").type == "CONSULT"


def test_the_final_meeting_of_a_commission_keeps_the_meeting(extract: Extract) -> None:
    extraction = extract("The announcement followed the final meeting of the commission in London.")
    assert event_of(extraction, "meeting").type == "CONSULT"
