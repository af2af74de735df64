"""Words of force with a sense in ball games ("strike", "shot", "attack", "laid siege to") are
moves in the game when their own sentence names the play (the ball, the goal, the keeper) and
no arms, even in a story that speaks of violence elsewhere (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]

VIOLENT_LEAD = "The derby went ahead a week after two soldiers were killed near the border. "
"""A first sentence that makes the story violent (soldiers, killed)."""


def test_a_shot_over_the_bar_is_no_assault_in_a_violent_story(extract: Extract) -> None:
    extraction = extract(
        VIOLENT_LEAD + "Lopez shot wildly over the bar after the keeper parried the ball."
    )
    assert "shot" not in triggers(extraction)


def test_a_strike_that_beat_the_keeper_is_no_assault(extract: Extract) -> None:
    extraction = extract(
        VIOLENT_LEAD + "A fierce strike from Lopez flew past the keeper into the goal."
    )
    assert "strike" not in triggers(extraction)


def test_a_team_laying_siege_to_the_goal_is_no_assault(extract: Extract) -> None:
    extraction = extract(
        VIOLENT_LEAD + "Rovers laid siege to the home goal in the closing stages of the match."
    )
    assert "siege" not in triggers(extraction)


def test_a_keeper_struck_by_a_missile_is_still_an_assault(extract: Extract) -> None:
    extraction = extract(
        VIOLENT_LEAD + "The keeper was struck by a missile thrown from behind the goal."
    )
    assert event_of(extraction, "struck").type == "ASSAULT"


def test_soldiers_shot_at_a_match_are_still_an_assault(extract: Extract) -> None:
    extraction = extract(
        VIOLENT_LEAD + "Gunmen shot three soldiers outside the stadium before the match."
    )
    assert event_of(extraction, "shot").type == "ASSAULT"


def test_a_shot_without_a_word_of_the_game_stays_an_assault(extract: Extract) -> None:
    extraction = extract(
        VIOLENT_LEAD + "A man was shot outside a bar in the city centre on Friday."
    )
    assert event_of(extraction, "shot").type == "ASSAULT"
