""" "Warn" that something will happen is a threat (CAMEO 13) only when it announces the warner's
own act or an act of force; what a thing, a situation or the warner's own fortunes will do is a
forecast, however the content is placed in the sentence (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_warning_that_talks_would_collapse_is_a_forecast(extract: Extract) -> None:
    extraction = extract("The mediator warned that the talks would collapse within a week.")
    assert "warned" not in triggers(extraction)


def test_warning_that_air_strikes_would_follow_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The general warned that air strikes would follow.")
    assert event_of(extraction, "warned").type == "THREATEN"


def test_warning_that_its_profits_may_fall_is_a_forecast(extract: Extract) -> None:
    extraction = extract("The carmaker warned that its profits may fall this year.")
    assert "warned" not in triggers(extraction)


def test_warning_that_their_fighters_would_attack_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The rebels warned that their fighters would attack the city.")
    assert event_of(extraction, "warned").type == "THREATEN"


def test_warning_that_a_policy_could_have_consequences_is_a_forecast(extract: Extract) -> None:
    extraction = extract(
        "The central banker warned that letting the deficit grow could have severe consequences."
    )
    assert "warned" not in triggers(extraction)


def test_warning_someone_about_the_dangers_of_disunity_is_a_caution(extract: Extract) -> None:
    extraction = extract("Senior MPs warned the prime minister about the dangers of disunity.")
    assert "warned" not in triggers(extraction)


def test_warning_a_buyer_of_the_plant_of_litigation_stays_a_threat(extract: Extract) -> None:
    extraction = extract(
        "The company warned any buyer of the plant that they would face years of litigation."
    )
    assert event_of(extraction, "warned").type == "THREATEN"


def test_a_forecast_reported_before_the_warner_is_no_threat(extract: Extract) -> None:
    extraction = extract(
        "Using the wrong ink could mean photos fade in months, warned the magazine."
    )
    assert "warned" not in triggers(extraction)


def test_a_forecast_reported_before_an_inverted_warner_is_no_threat(extract: Extract) -> None:
    extraction = extract(
        "The growing popularity of online gaming could spell problems for net service firms, "
        "warns a network monitoring company."
    )
    assert "warns" not in triggers(extraction)


def test_a_clause_joined_by_and_is_not_what_was_warned(extract: Extract) -> None:
    extraction = extract("Troops shelled the town, and the commander warned of further attacks.")
    assert event_of(extraction, "warned").type == "THREATEN"
