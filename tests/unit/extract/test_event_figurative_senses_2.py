"""Senses of event words that are no event of their type (invented sentences): "deny" that
stops a player in a game (deny.v "prevent from obtaining"), not a claim denied or a request
refused (CAMEO 12); a transitive "rally" that summons support (rally.v.01), not a rally of
protesters (CAMEO 141); a capitalised event word inside a title of a work ("Meet the
Parents Again", "Why We Fight"), which names the work."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_a_keeper_denying_a_striker_is_no_rejection(extract: Extract) -> None:
    extraction = extract("The keeper denied the striker with a fine save in the second half.")
    assert "denied" not in triggers(extraction)


def test_a_side_denied_a_late_try_is_no_rejection(extract: Extract) -> None:
    extraction = extract("Rovers were denied a late try by the referee on Saturday.")
    assert "denied" not in triggers(extraction)


def test_a_player_who_would_not_be_denied_is_no_rejection(extract: Extract) -> None:
    extraction = extract("The winger would not be denied and scored in the last minute.")
    assert "denied" not in triggers(extraction)


def test_denied_allegations_stay_a_rejection(extract: Extract) -> None:
    extraction = extract("The minister denied the allegations on Tuesday.")
    assert event_of(extraction, "denied").type == "REJECT"


def test_denied_taking_drugs_stays_a_rejection(extract: Extract) -> None:
    extraction = extract("The sprinter has denied taking banned drugs.")
    assert event_of(extraction, "denied").type == "REJECT"


def test_a_visa_denied_stays_a_rejection(extract: Extract) -> None:
    extraction = extract("The activist was denied a visa by the embassy.")
    assert event_of(extraction, "denied").type == "REJECT"


def test_claims_denied_by_a_ministry_stay_a_rejection(extract: Extract) -> None:
    extraction = extract("Those claims were denied by the ministry.")
    assert event_of(extraction, "denied").type == "REJECT"


def test_rallying_voters_is_no_protest(extract: Extract) -> None:
    extraction = extract("The mayor rallies party voters before the poll.")
    assert "rallies" not in triggers(extraction)


def test_rallying_against_a_closure_stays_a_protest(extract: Extract) -> None:
    extraction = extract("Campaigners rallied against the closure of the hospital.")
    assert event_of(extraction, "rallied").type == "PROTEST"


def test_rallying_outside_parliament_stays_a_protest(extract: Extract) -> None:
    extraction = extract("Supporters rallied outside parliament on Monday.")
    assert event_of(extraction, "rallied").type == "PROTEST"


def test_a_film_title_is_no_meeting(extract: Extract) -> None:
    extraction = extract(
        "The actor is in London to publicise his new comedy, Meet the Parents Again, which "
        "opens on Friday."
    )
    assert "Meet" not in triggers(extraction)


def test_a_documentary_title_is_no_fight(extract: Extract) -> None:
    extraction = extract("Why We Fight is due to be screened on the channel in March.")
    assert "Fight" not in triggers(extraction)


def test_a_capital_opening_a_quotation_stays_an_event(extract: Extract) -> None:
    extraction = extract('The minister said: "Attacks on aid workers must stop at once."')
    assert "Attacks" in triggers(extraction)


def test_an_event_word_in_sentence_case_stays_an_event(extract: Extract) -> None:
    extraction = extract("The actor said rebels attacked a convoy near the capital on Friday.")
    assert event_of(extraction, "attacked").type == "ASSAULT"


WAR_LEAD = "Three soldiers were killed in the war last year. "
"""A first sentence that makes the story violent (soldiers, killed, war)."""


def test_a_judge_clashing_with_ministers_is_a_dispute(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "The senior judge has clashed with ministers over the inquiry.")
    assert event_of(extraction, "clashed").type == "ACCUSE"


def test_political_leaders_clashing_is_a_dispute(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "The two political leaders clashed over taxes on Monday.")
    assert event_of(extraction, "clashed").type == "ACCUSE"


def test_troops_clashing_with_rebels_stay_an_assault(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "Government troops clashed with rebels in the north.")
    assert event_of(extraction, "clashed").type == "ASSAULT"


def test_denied_murder_stays_a_rejection(extract: Extract) -> None:
    extraction = extract("The former star of the TV drama has denied murder.")
    assert event_of(extraction, "denied").type == "REJECT"


def test_denied_that_a_coach_resigned_stays_a_rejection(extract: Extract) -> None:
    extraction = extract("The director has denied that coach Tom Smith resigned over a row.")
    assert event_of(extraction, "denied").type == "REJECT"
