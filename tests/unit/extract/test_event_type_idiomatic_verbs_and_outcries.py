"""Idiomatic particle and prepositional verbs, contests called battles, outcries called storms
and the collapse of what is no structure are not the events their words name elsewhere:
"backed out of a pledge" retreats, nobody backs anyone (CAMEO 05); "gunning for" someone or
something goes after it and "the relegation battle" is a contest, nobody is shot (CAMEO
18-19); "a media storm" is an outcry, no disaster; a firm or a player that collapses has no
accident, a bridge that collapses has one (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_backing_out_of_a_pledge_is_no_support(extract: Extract) -> None:
    extraction = extract("The mayor upset voters by backing out of a pledge to cut fares.")
    assert "backing" not in triggers(extraction)


def test_backing_away_from_a_merger_is_no_support(extract: Extract) -> None:
    extraction = extract("The bank decided to back away from the merger.")
    assert "back" not in triggers(extraction)


def test_backed_off_is_no_support(extract: Extract) -> None:
    extraction = extract("The protesters backed off when the mounted police arrived.")
    assert "backed" not in triggers(extraction)


def test_backing_a_law_stays_support(extract: Extract) -> None:
    extraction = extract("The unions backed away from the strike and backed the new law.")
    assert event_of(extraction, "backed").type == "SUPPORT"


def test_backing_down_stays_a_concession(extract: Extract) -> None:
    extraction = extract("The minister backed down over the fuel tax.")
    assert event_of(extraction, "backed down").type == "CONCEDE"


def test_gunning_for_a_minister_is_no_assault(extract: Extract) -> None:
    extraction = extract("The opposition will be gunning for the finance minister in the debate.")
    assert "gunning" not in triggers(extraction)


def test_gunning_for_a_title_is_no_assault(extract: Extract) -> None:
    extraction = extract("The veteran striker is gunning for a third league title.")
    assert "gunning" not in triggers(extraction)


def test_a_media_storm_is_no_disaster(extract: Extract) -> None:
    extraction = extract("The singer's remarks sparked a media storm in the capital.")
    assert "storm" not in triggers(extraction)


def test_a_political_storm_is_no_disaster(extract: Extract) -> None:
    extraction = extract("The leaked memo caused a political storm at the parliament.")
    assert "storm" not in triggers(extraction)


def test_a_storm_that_hits_a_coast_stays_a_disaster(extract: Extract) -> None:
    extraction = extract("A storm hit the northern coast on Monday, killing three people.")
    assert event_of(extraction, "storm").type == "DISASTER"


def test_a_firm_that_collapses_has_no_accident(extract: Extract) -> None:
    extraction = extract("The energy company collapsed in 2002 with huge debts.")
    assert "collapsed" not in triggers(extraction)


def test_a_player_who_collapses_has_no_accident(extract: Extract) -> None:
    extraction = extract("The veteran midfielder collapsed on the pitch before half-time.")
    assert "collapsed" not in triggers(extraction)


def test_a_bridge_that_collapses_stays_an_accident(extract: Extract) -> None:
    extraction = extract("A bridge over the river collapsed on Sunday, killing four people.")
    assert event_of(extraction, "collapsed").type == "ACCIDENT"


def test_fighting_it_out_in_a_debate_is_no_event(extract: Extract) -> None:
    extraction = extract("The two leaders will fight it out in the final debate.")
    assert "fight" not in triggers(extraction)


def test_fighting_rebels_stays_an_assault(extract: Extract) -> None:
    extraction = extract("Troops fought the rebels near the border.")
    assert event_of(extraction, "fought").type == "ASSAULT"


def test_an_election_battle_in_a_story_of_war_is_no_assault(extract: Extract) -> None:
    extraction = extract(
        "Soldiers were killed in the war last year. The relegation battle hots up this week."
    )
    assert "battle" not in triggers(extraction)


def test_a_tank_battle_stays_an_assault(extract: Extract) -> None:
    extraction = extract("A tank battle raged near the town.")
    assert event_of(extraction, "battle").type == "ASSAULT"


def test_a_court_room_battle_stays_a_lawsuit(extract: Extract) -> None:
    extraction = extract(
        "Soldiers were killed in the war last year. The court room battle is seen as key."
    )
    assert event_of(extraction, "battle").type == "ACCUSE"
