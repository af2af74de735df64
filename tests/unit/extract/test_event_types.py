"""Event type decisions that hang on an argument of the trigger (sentences written here)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from shared.models import Event

Extract = Callable[..., Extraction]


def _main(extraction: Extraction) -> Event:
    (event,) = [e for e in extraction.events if e.is_main]
    return event


@pytest.mark.parametrize(
    "text",
    [
        "Caldonia withdrew its ambassador from Freedonia on Tuesday.",
        "The agency withdrew its election monitors from the northern provinces.",
        "The alliance withdrew its peacekeepers from the buffer zone on Friday.",
    ],
)
def test_withdrawing_envoys_or_inspectors_reduces_relations(extract: Extract, text: str) -> None:
    event = _main(extract(text))
    assert (event.type, event.cameo_code) == ("SANCTION", "166")


def test_withdrawing_troops_stays_a_retreat(extract: Extract) -> None:
    assert _main(extract("The army withdrew its troops from the border town.")).type == "RETREAT"


def test_announced_withdrawal_of_inspectors_is_a_threat(extract: Extract) -> None:
    text = "The agency chief announced that he will withdraw the weapons inspectors from Ruritania."
    assert _main(extract(text)).type == "THREATEN"


def test_a_threat_carried_by_a_relative_clause_thing_is_no_threat(extract: Extract) -> None:
    text = "He is awaiting trial on charges that carry the threat of a long prison term."
    assert not [e for e in extract(text).events if e.type == "THREATEN"]


def test_a_demand_made_by_a_relative_clause_actor_stays_a_demand(extract: Extract) -> None:
    text = "The rebels, who issued a demand for the release of prisoners, freed two hostages."
    assert [e.trigger.text for e in extract(text).events if e.type == "REQUEST"] == ["demand"]


@pytest.mark.parametrize(
    "text",
    [
        "The first deployment of peacekeeping troops has arrived in the capital.",
        "Chad sent 800 soldiers to the peacekeeping mission in Mali on Tuesday.",
        "The council deployed 2,000 peacekeepers along the ceasefire line.",
    ],
)
def test_sending_peacekeepers_is_aid_not_a_show_of_force(extract: Extract, text: str) -> None:
    event = _main(extract(text))
    assert (event.type, event.cameo_code) == ("AID", "074")


def test_deploying_troops_to_a_border_stays_a_mobilisation(extract: Extract) -> None:
    assert _main(extract("The army deployed troops to the border on Monday.")).type == "MOBILIZE"


def test_readiness_to_contribute_peacekeepers_is_a_promise(extract: Extract) -> None:
    text = "Portugal is ready to contribute 500 troops to a peace-keeping force in the region."
    assert _main(extract(text)).type == "AGREE"


@pytest.mark.parametrize(
    "text",
    [
        "The minister resigned over the Budget leak.",
        "The prosecutor condemned the leak of videos of the suspect.",
        "The studio sued to stop online leaks of its new films.",
    ],
)
def test_a_leak_of_information_is_no_accident(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text).events if e.type == "ACCIDENT"]


@pytest.mark.parametrize(
    "text",
    [
        "A gas leak forced the evacuation of the school on Monday.",
        "Engineers found a leak in the cooling system of the reactor.",
    ],
)
def test_a_leak_of_a_substance_is_an_accident(extract: Extract, text: str) -> None:
    assert [e.trigger.text for e in extract(text).events if e.type == "ACCIDENT"] == ["leak"]


@pytest.mark.parametrize(
    "text",
    [
        "The bookmaker's site was hit by a denial of service attack on Monday.",
        "Phishing attacks on bank customers doubled last year.",
        "The block followed an attack on the campaign's website.",
    ],
)
def test_an_attack_on_computers_is_cyber_coercion(extract: Extract, text: str) -> None:
    (event,) = [e for e in extract(text).events if e.trigger.text.startswith("attack")]
    assert (event.type, event.mode, event.cameo_code) == ("COERCE", "cyber", "176")


def test_an_attack_on_a_rivals_plans_stays_verbal(extract: Extract) -> None:
    text = "The minister launched an attack on the opposition's tax plans."
    assert _main(extract(text)).type == "ACCUSE"


@pytest.mark.parametrize(
    "text",
    [
        "The unions have been pressing the government to raise the minimum wage.",
        "The mayor pressured the bus drivers to call off their stoppage.",
        "Campaigners urged Britain to pressure its allies to cut emissions.",
    ],
)
def test_pressing_someone_to_act_is_a_demand(extract: Extract, text: str) -> None:
    triggers = [e.trigger.text for e in extract(text).events if e.type == "REQUEST"]
    assert any(t.startswith("press") for t in triggers)


@pytest.mark.parametrize(
    "text",
    [
        "The senator pressed the minister on the timing of the vote.",
        "The engineer pressed the button to restart the machine.",
    ],
)
def test_pressing_without_an_actor_to_act_is_no_demand(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text).events if e.trigger.text.startswith("press")]


@pytest.mark.parametrize(
    "text",
    [
        "Ministers want clearer health warnings on cigarette packs.",
        "The security firm issued a warning about fake e-mails.",
        "Despite warnings of famine by aid agencies, the army kept the roads closed.",
    ],
)
def test_a_warning_of_a_danger_is_a_caution_not_a_threat(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text).events if e.trigger.text.startswith("warning")]


@pytest.mark.parametrize(
    "text",
    [
        "The army issued a warning of retaliation to the rebels.",
        "The company ignored repeated strike warnings from the union.",
    ],
)
def test_a_warning_of_a_hostile_act_is_a_threat(extract: Extract, text: str) -> None:
    assert _main(extract(text)).type == "THREATEN"


@pytest.mark.parametrize(
    "text",
    [
        "The battle for control of the football club took another turn on Monday.",
        "The musical won the battle for best new show at the theatre awards.",
        "Cutting waiting lists will be an uphill battle for the new director.",
    ],
)
def test_a_contest_without_an_opponent_is_no_event(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text).events if e.trigger.text == "battle"]


@pytest.mark.parametrize(
    "text",
    [
        "The cartoon firm won a court battle against a publishing house.",
        "The charity's legal battle with Acme Records continues.",
    ],
)
def test_a_legal_battle_or_one_against_someone_stays_an_accusation(
    extract: Extract, text: str
) -> None:
    assert [e.type for e in extract(text).events if e.trigger.text == "battle"] == ["ACCUSE"]


def test_a_battle_in_a_violent_story_is_an_assault(extract: Extract) -> None:
    text = "The battle for the town left forty soldiers dead."
    assert [e.type for e in extract(text).events if e.trigger.text == "battle"] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The figures sparked a rally for sterling on Thursday.",
        "Exports surged, reflecting the rally in global oil prices.",
    ],
)
def test_a_rally_of_a_price_or_a_currency_is_a_market_move(extract: Extract, text: str) -> None:
    assert [e.trigger.text for e in extract(text).events if e.type == "PROTEST"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The visitors rallied to a 53-37 win in the second half.",
        "The shares fell early before rallying to 2.20 dollars.",
    ],
)
def test_rallying_to_a_score_or_a_price_is_a_recovery(extract: Extract, text: str) -> None:
    assert [e.trigger.text for e in extract(text).events if e.type == "PROTEST"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Thousands rallied to Trafalgar Square on Monday.",
        "Campaigners will stage a rally in London on Saturday.",
    ],
)
def test_a_rally_of_people_at_a_place_stays_a_protest(extract: Extract, text: str) -> None:
    assert [e.type for e in extract(text).events] == ["PROTEST"]


def test_in_a_story_of_computer_crime_a_bare_attack_is_a_cyber_attack(extract: Extract) -> None:
    # One sense per discourse: "the attacks" of a story about hackers are on computers.
    text = (
        "Hackers took a shopping site offline for a day last week. "
        "The attacks grew in size over the weekend, the company said."
    )
    (event,) = [e for e in extract(text).events if e.trigger.text == "attacks"]
    assert (event.type, event.mode) == ("COERCE", "cyber")


@pytest.mark.parametrize(
    "text",
    [
        "Airlines have cut jobs since the 11 September attacks, and fuel costs are rising.",
        "Airlines have cut jobs since the 9/11 attacks, and fuel costs are rising.",
    ],
)
def test_an_attack_named_by_its_date_is_an_assault_in_a_story_without_violence(
    extract: Extract, text: str
) -> None:
    (event,) = [e for e in extract(text).events if e.trigger.text == "attacks"]
    assert event.type == "ASSAULT"
