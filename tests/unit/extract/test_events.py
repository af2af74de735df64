from collections.abc import Callable
from datetime import date

from services.extract.domain.extractor import Extraction
from shared.ids import event_id_for
from tests.unit.extract.event_lookup import event_of as _event

Extract = Callable[..., Extraction]


def test_air_strike_is_an_assault_with_actor_target_and_place(extract: Extract) -> None:
    text = "Syrian jets carried out an air strike on a market in Aleppo on Monday."
    event = _event(extract(text), "strike")
    assert (event.type, event.mode, event.status) == ("ASSAULT", "air", "occurred")
    assert [a.country for a in event.actors] == ["SYR"]
    assert event.location is not None
    assert (event.location.text, event.location.country) == ("Aleppo", "SYR")
    assert event.location.geonameid is not None
    assert event.time is not None and event.time.date == date(2024, 5, 13)


def test_demonym_modifier_is_the_actor_with_its_country(extract: Extract) -> None:
    text = "A Turkish drone strike hit a convoy near the border on Tuesday."
    event = _event(extract(text), "strike")
    (actor,) = event.actors
    assert (actor.text, actor.name, actor.country, actor.sector) == (
        "Turkish",
        "Turkey",
        "TUR",
        "MIL",
    )
    assert event.mode == "drone"


def test_negated_withdrawal_is_negated(extract: Extract) -> None:
    text = "The army is not withdrawing from the northern province."
    event = _event(extract(text), "withdrawing")
    assert (event.type, event.status) == ("RETREAT", "negated")


def test_contrast_after_negation_is_not_negated(extract: Extract) -> None:
    text = "The rebels are not retreating but are instead redeploying their fighters."
    event = _event(extract(text), "redeploying")
    assert (event.type, event.status) == ("MOBILIZE", "ongoing")


def test_talks_set_to_resume_are_planned_for_the_next_weekday(extract: Extract) -> None:
    text = "Talks between Chile and Peru are set to resume Saturday in Lima."
    event = _event(extract(text), "Talks")
    assert (event.type, event.status) == ("CONSULT", "planned")
    assert event.time is not None and event.time.date == date(2024, 5, 18)
    assert {a.country for a in event.actors} == {"CHL", "PER"}


def test_will_makes_an_event_planned(extract: Extract) -> None:
    text = "Farmers will protest outside parliament next week."
    event = _event(extract(text), "protest")
    assert (event.type, event.status) == ("PROTEST", "planned")


def test_threatened_to_impose_sanctions_is_threatened(extract: Extract) -> None:
    text = "The bloc threatened to expel the diplomats."
    event = _event(extract(text), "expel")
    assert (event.type, event.status) == ("SANCTION", "threatened")


def test_arrests_are_coercion_with_a_count(extract: Extract) -> None:
    text = "Police arrested 14 people after the march in Nairobi."
    event = _event(extract(text), "arrested")
    assert event.type == "COERCE"
    assert [(m.kind, m.value) for m in event.magnitudes] == [("arrested", 14)]


def test_death_toll_rising_is_a_cumulative_killed_count(extract: Extract) -> None:
    text = "The death toll from the earthquake in Izmir has risen to 37."
    event = _event(extract(text), "earthquake")
    assert event.type == "DISASTER"
    assert [(m.kind, m.value, m.cumulative) for m in event.magnitudes] == [("killed", 37, True)]


def test_killed_in_a_crash_is_not_a_separate_assault(extract: Extract) -> None:
    text = "Three people were killed in a bus crash on Wednesday."
    types = [e.type for e in extract(text).events]
    assert types == ["ACCIDENT"]


def test_idioms_are_not_events(extract: Extract) -> None:
    text = "The speech struck a chord with voters, and shares rallied after a heart attack scare."
    assert extract(text).events == ()


def test_only_one_main_event_and_it_is_the_salient_one(extract: Extract) -> None:
    text = (
        "Ministers met in Geneva on Monday.\n\n"
        "Separately, a car bomb killed 12 people in Kabul on Tuesday."
    )
    events = extract(text).events
    main = [e for e in events if e.is_main]
    assert len(main) == 1
    assert main[0].type == "ASSAULT"


def test_event_without_time_expression_falls_back_to_publication(extract: Extract) -> None:
    event = _event(extract("Troops shelled the village."), "shelled")
    assert event.time is not None
    assert (event.time.date, event.time.source) == (date(2024, 5, 16), "publication")


def test_event_id_is_deterministic_from_trigger_and_type(extract: Extract) -> None:
    event = _event(extract("Troops shelled the village."), "shelled")
    assert event.event_id == event_id_for(
        "a-test", event.trigger.start, event.trigger.end, "ASSAULT"
    )


def test_boilerplate_link_lines_yield_no_events(extract: Extract) -> None:
    text = "Rain fell.\n\nRead more: Rebels attack convoy in the north\n\nRoads flooded."
    assert all("attack" not in e.trigger.text for e in extract(text).events)


def test_a_refusal_frames_the_event_it_refuses(extract: Extract) -> None:
    text = "The junta refused to withdraw its soldiers from the capital."
    (main,) = [e for e in extract(text).events if e.is_main]
    assert main.type == "REJECT"
    (withdrawal,) = [e for e in extract(text).events if e.type == "RETREAT"]
    assert withdrawal.status == "negated"


def test_verb_meaning_set_by_its_object(extract: Extract) -> None:
    events = extract("Norway recalled its ambassador and later lifted the sanctions.").events
    types = {e.trigger.text: e.type for e in events}
    assert types["recalled"] == "SANCTION"
    assert types["lifted"] == "RETREAT"  # CAMEO 085 "ease economic sanctions"


def test_explosion_is_an_attack_only_in_an_attack_context(extract: Extract) -> None:
    attack = _event(extract("A suicide bomber caused an explosion at the gate."), "explosion")
    accident = _event(extract("A gas leak caused an explosion at the plant."), "explosion")
    assert (attack.type, accident.type) == ("ASSAULT", "ACCIDENT")


def test_committing_a_crime_is_not_an_agreement(extract: Extract) -> None:
    events = extract("He denied that he had committed the robbery.").events
    assert all(e.type != "AGREE" for e in events)


def test_attack_in_a_story_without_violence_is_verbal(extract: Extract) -> None:
    event = _event(extract("The senator attacked the budget plan in a speech."), "attacked")
    assert event.type == "ACCUSE"


def test_attack_in_a_violent_story_is_an_assault(extract: Extract) -> None:
    text = "Gunmen attacked a police post, and two officers were killed."
    assert _event(extract(text), "attacked").type == "ASSAULT"
