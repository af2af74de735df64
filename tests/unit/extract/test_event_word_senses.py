"""Senses a force word takes from its syntax and its story (invented sentences): an -ed clause
is passive, a strike or bombardment with no sign of arms is figurative, and a film is shot
without violence."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts, triggers

Extract = Callable[..., Extraction]


def test_participle_adjunct_makes_the_clause_subject_its_patient(extract: Extract) -> None:
    event = event_of(extract("The full-back limped off injured during the second half."), "injured")
    assert texts(event.targets) == ["full-back"]
    assert event.actors == ()
    assert event.type != "ASSAULT"  # no attacker is named: an injury, not an assault


def test_absolute_with_clause_participle_is_passive(extract: Extract) -> None:
    event = event_of(extract("The coach is short in midfield, with Tom Baxter injured."), "injured")
    assert texts(event.targets) == ["Tom Baxter"]
    assert event.actors == ()


def test_fronted_participle_clause_takes_the_passive_subject_as_patient(extract: Extract) -> None:
    event = event_of(extract("Arrested in May, the activist was freed on bail."), "Arrested")
    assert texts(event.targets) == ["activist"]


def test_strike_of_a_game_in_a_story_without_violence_is_no_assault(extract: Extract) -> None:
    extraction = extract(
        "Ruiz put the visitors ahead with a first-time strike. The hosts levelled before the "
        "break and the match ended 1-1."
    )
    assert "strike" not in triggers(extraction)


def test_air_strike_keeps_its_sense_without_other_signs_of_violence(extract: Extract) -> None:
    event = event_of(extract("The government launched an air strike."), "strike")
    assert event.type == "ASSAULT"


def test_bombarded_with_messages_is_no_assault(extract: Extract) -> None:
    extraction = extract("Users are bombarded with unwanted adverts when they open the page.")
    assert "bombarded" not in triggers(extraction)


def test_film_shot_on_location_is_no_assault(extract: Extract) -> None:
    extraction = extract(
        "The film was shot mostly in Morocco. Its sequel continued to be shot in Spain, and "
        "the shooting of the last episode moved to Malta."
    )
    assert not {"shot", "shooting"} & set(triggers(extraction))


def test_person_shot_is_still_an_assault(extract: Extract) -> None:
    event = event_of(extract("The director was shot outside his home in Amsterdam."), "shot")
    assert event.type == "ASSAULT"


def test_product_name_released_is_no_release_of_persons(extract: Extract) -> None:
    extraction = extract(
        "The video game Halo 3 has been released in Europe. Already on sale in Japan, the "
        "PSP is released in the US on 24 March."
    )
    assert "released" not in triggers(extraction)


def test_persons_released_by_name_or_title_are_freed(extract: Extract) -> None:
    event = event_of(
        extract("Mr Tanaka and three other detainees were released without charge."), "released"
    )
    assert event.type == "RETREAT"
    assert texts(event.targets) == ["Mr Tanaka", "three other detainees"]


def test_signing_up_for_a_service_endorses_nothing(extract: Extract) -> None:
    extraction = extract("More people signed up for broadband in the last three months.")
    assert "signed" not in triggers(extraction)


def test_signing_a_petition_is_still_support(extract: Extract) -> None:
    event = event_of(extract("Thousands signed the petition against the war."), "signed")
    assert event.type == "SUPPORT"


def test_a_firm_allowing_its_customers_yields_nothing(extract: Extract) -> None:
    extraction = extract("The operator will allow customers to order SIM cards online.")
    assert "allow" not in triggers(extraction)


def test_a_government_allowing_something_concedes(extract: Extract) -> None:
    event = event_of(
        extract("The government has allowed local councils to raise their own taxes."),
        "allowed",
    )
    assert event.type == "CONCEDE"
