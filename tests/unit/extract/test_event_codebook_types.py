"""Event types the CAMEO codebook's categories give, as PLOVER files them (CAMEO2PLOVER table):
CAMEO 08 "yield" is split into CONCEDE (080-083, the verbal half) and RETREAT (084-087, the
material half), and CAMEO 15 "exhibit force posture" is MOBILIZE. Sentences written for the
tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def _types(extraction: Extraction) -> list[str]:
    return [e.type for e in extraction.events]


# --- CAMEO 084 return, release: RETREAT ---------------------------------------------------------


def test_releasing_prisoners_is_a_retreat(extract: Extract) -> None:
    """CAMEO 0841 "return, release person(s)"."""
    event = event_of(
        extract("The Ruritanian junta released forty political prisoners."), "released"
    )
    assert (event.type, event.cameo_code) == ("RETREAT", "0841")


def test_freeing_hostages_is_a_retreat(extract: Extract) -> None:
    event = event_of(extract("The Bordurian militia freed two aid workers on Sunday."), "freed")
    assert event.type == "RETREAT"


def test_releasing_a_record_is_still_no_event(extract: Extract) -> None:
    assert _types(extract("The Fenwick quartet released a new album on Friday.")) == []


# --- CAMEO 085 ease economic sanctions: RETREAT; 081 administrative: CONCEDE ---------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritania lifted its sanctions on Borduria on Monday.", "lifted"),
        ("The council ended the arms embargo on Borduria.", "ended"),
    ],
)
def test_lifting_economic_sanctions_is_a_retreat(extract: Extract, text: str, trigger: str) -> None:
    """CAMEO 085 "ease economic sanctions, boycott, embargo"."""
    event = event_of(extract(text), trigger)
    assert (event.type, event.cameo_code) == ("RETREAT", "085")


def test_lifting_a_curfew_stays_a_concession(extract: Extract) -> None:
    """CAMEO 081 "ease administrative sanctions" is on the CONCEDE side of 08."""
    event = event_of(extract("The Ruritanian junta lifted the curfew in the capital."), "lifted")
    assert event.type == "CONCEDE"


# --- CAMEO 086 allow international involvement: RETREAT ---------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The Ruritanian premier received a mission of observers from the regional body.",
            "received",
        ),
        ("The junta accepted African Union monitors in the north.", "accepted"),
        ("Borduria allowed the inspectors to visit the plant on Monday.", "allowed"),
    ],
)
def test_letting_in_observers_or_inspectors_is_a_retreat(
    extract: Extract, text: str, trigger: str
) -> None:
    """CAMEO 086 "allow international involvement" (0862 "receive inspectors")."""
    event = event_of(extract(text), trigger)
    assert (event.type, event.cameo_code) == ("RETREAT", "086")


def test_receiving_a_letter_is_no_event(extract: Extract) -> None:
    assert _types(extract("The Fenwick club received a letter from the league.")) == []


# --- CAMEO 15 exhibit force posture: MOBILIZE only of forces -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The carrier is deploying new wireless technology across its network.",
        "The campaign will mobilise public opinion against the plan.",
        "The firm wants to reinforce its presence in Ruritania.",
        "The deployment of digital screens is being accelerated.",
        "The chain blamed legal manoeuvres by its rivals for the delay.",
    ],
)
def test_deploying_or_mobilising_a_thing_is_no_mobilisation(extract: Extract, text: str) -> None:
    assert "MOBILIZE" not in _types(extract(text))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritania deployed 3,000 troops along the border on Monday.", "deployed"),
        ("Borduria mobilised its reservists after the shooting.", "mobilised"),
        ("The army reinforced its positions near the capital.", "reinforced"),
        ("Ruritanian warships began joint naval manoeuvres on Monday.", "manoeuvres"),
        ("The deployment of troops in the north angered Borduria.", "deployment"),
    ],
)
def test_deploying_or_mobilising_forces_is_a_mobilisation(
    extract: Extract, text: str, trigger: str
) -> None:
    assert event_of(extract(text), trigger).type == "MOBILIZE"


def test_lifting_a_trade_ban_is_a_retreat(extract: Extract) -> None:
    """A ban on trade or arms is an embargo: easing it is CAMEO 085."""
    event = event_of(extract("Ruritania lifted the arms ban on Borduria on Monday."), "lifted")
    assert (event.type, event.cameo_code) == ("RETREAT", "085")


# --- CAMEO 080 yield, 083 accede to demands: CONCEDE ------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Ruritanian government finally bowed to demands from the miners' union.", "bowed"),
        ("The council gave in to the strikers' demands on Friday.", "gave in"),
        ("The junta caved in to international pressure on Tuesday.", "caved in"),
    ],
)
def test_giving_way_to_a_demand_is_a_concession(extract: Extract, text: str, trigger: str) -> None:
    assert event_of(extract(text), trigger).type == "CONCEDE"


@pytest.mark.parametrize(
    "text",
    [
        "The Fenwick tenor bowed to the audience.",
        "The old roof caved in after the heavy rain.",
        "The Ruritanian sprinter agreed to submit to a drugs test.",
    ],
)
def test_giving_way_to_no_pressure_is_no_concession(extract: Extract, text: str) -> None:
    assert "CONCEDE" not in _types(extract(text))


# --- CAMEO 1721 impose restrictions on freedoms of speech: COERCE ----------------------------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Ruritanian authorities shut down 300 websites last month.", "shut down"),
        ("The government has blocked a foreign news site, campaigners say.", "blocked"),
        (
            "The Ruritanian government ordered the opposition newspaper to suspend publication.",
            "suspend",
        ),
    ],
)
def test_an_authority_silencing_an_outlet_is_coercion(
    extract: Extract, text: str, trigger: str
) -> None:
    event = event_of(extract(text), trigger)
    assert (event.type, event.cameo_code) == ("COERCE", "1721")


@pytest.mark.parametrize(
    "text",
    [
        "The search firm began blocking infected sites on Friday.",
        "The Fenwick magazine suspended its columnist for a month.",
    ],
)
def test_a_firm_blocking_sites_is_no_coercion(extract: Extract, text: str) -> None:
    assert "COERCE" not in _types(extract(text))


def test_an_official_site_blocking_visits_is_no_coercion(extract: Extract) -> None:
    text = "The official campaign site of the Ruritanian president is blocking foreign visits."
    assert "COERCE" not in _types(extract(text))


# --- CAMEO 073 humanitarian aid: a relief sent, not one felt ----------------------------------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Henderson relief as Real go through",
            "David Henderson expressed his relief at Real's passage to the knockout phase.",
        ),
        ("Savers get tax relief", "The Ruritanian government gave savers tax relief on Monday."),
    ],
)
def test_relief_felt_or_from_tax_is_no_aid(extract: Extract, title: str, body: str) -> None:
    assert "AID" not in _types(extract(f"{title}\n\n{body}", title=title))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania sent famine relief to the northern provinces.",
        "The relief effort was coordinated by the Red Cross.",
        "The charity delivered relief to flood victims on Monday.",
    ],
)
def test_relief_sent_to_victims_is_aid(extract: Extract, text: str) -> None:
    assert "AID" in _types(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "The cast will film two sequels, with the first to be released in 2026.",
    ],
)
def test_a_date_or_an_ordinal_released_is_no_person_released(extract: Extract, text: str) -> None:
    """A date or a number is no person: its "release" returns no one (CAMEO 0841)."""
    assert "RETREAT" not in _types(extract(text))


def test_troops_patrolling_streets_stay_a_patrol(extract: Extract) -> None:
    """CAMEO 151/152: a patrol's object is the ground it covers, not what it moves."""
    event = event_of(
        extract("Ruritanian troops patrolled the streets of the capital."), "patrolled"
    )
    assert event.type == "MOBILIZE"
