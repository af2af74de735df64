"""Whose country an actor or target is: peoples, demonyms, places standing for their
governments, groups said to be somewhere. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from services.extract.domain.gazetteer import gazetteer
from services.extract.domain.participants import (
    METONYMY_MIN_POPULATION,
    _can_stand_for_a_polity,
)
from shared.models import Event, Place
from tests.unit.extract.event_lookup import event_of as _event

Extract = Callable[..., Extraction]


def _actor_countries(event: Event) -> list[str | None]:
    return [a.country for a in event.actors]


def test_a_capital_that_acts_stands_for_its_country(extract: Extract) -> None:
    event = _event(extract("Nairobi rejected the appeal from the rebels."), "rejected")
    assert _actor_countries(event) == ["KEN"]


def test_a_people_the_tagger_takes_for_a_person_is_of_its_modifiers_country(
    extract: Extract,
) -> None:
    event = _event(extract("Bosnian Serbs demanded a truce on Monday."), "demanded")
    assert _actor_countries(event) == ["BIH"]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Burundian militiamen attacked a camp near the border.", "attacked", "BDI"),
        ("Sudanese troops shelled the town on Sunday.", "shelled", "SDN"),
        ("Togolese police arrested three men on Friday.", "arrested", "TGO"),
    ],
)
def test_nationality_adjectives_give_the_actor_its_country(
    extract: Extract, text: str, trigger: str, country: str
) -> None:
    assert _actor_countries(_event(extract(text), trigger)) == [country]


def test_rebels_said_to_be_in_a_country_are_of_it(extract: Extract) -> None:
    event = _event(extract("Rebels in the Ivory Coast blocked the main road."), "blocked")
    assert _actor_countries(event) == ["CIV"]


def test_soldiers_said_to_be_in_a_country_may_be_foreign(extract: Extract) -> None:
    event = _event(extract("Soldiers in Iraq attacked the convoy with rockets."), "attacked")
    assert _actor_countries(event) == [None]


def test_a_village_does_not_stand_for_its_country() -> None:
    village = next(
        e
        for e in gazetteer().lookup("Santa Claus")
        if e.feature.startswith("P.") and e.population < METONYMY_MIN_POPULATION
    )
    place = Place(
        start=0,
        end=11,
        text="Santa Claus",
        country=village.country,
        geonameid=village.geonameid,
        feature=village.feature,
    )
    capital = next(e for e in gazetteer().lookup("Nairobi") if e.country == "KEN")
    city = place.model_copy(
        update={"text": "Nairobi", "geonameid": capital.geonameid, "feature": capital.feature}
    )
    assert not _can_stand_for_a_polity(place)
    assert _can_stand_for_a_polity(city)


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        ("Scotland rejected the proposal from the Treasury.", "rejected", "Scotland"),
        ("Wales accused the referee of bias after the match.", "accused", "Wales"),
    ],
)
def test_a_nation_of_the_united_kingdom_keeps_its_own_name(
    extract: Extract, text: str, trigger: str, name: str
) -> None:
    (actor,) = _event(extract(text), trigger).actors
    assert (actor.name, actor.country) == (name, "GBR")


def test_britain_is_named_as_the_united_kingdom(extract: Extract) -> None:
    # control: the state's own names still give its canonical name
    (actor,) = _event(extract("Britain rejected the proposal from Brussels."), "rejected").actors
    assert (actor.name, actor.country) == ("United Kingdom", "GBR")


def test_bosnia_is_the_common_short_name_of_its_state(extract: Extract) -> None:
    extraction = extract("Bosnia rejected the proposal from its neighbours on Monday.")
    assert _actor_countries(_event(extraction, "rejected")) == ["BIH"]
    assert [p.country for p in extraction.places if p.text == "Bosnia"] == ["BIH"]
