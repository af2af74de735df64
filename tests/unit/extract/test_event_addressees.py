"""Whom an act is addressed to and who takes part with the actor: the one appealed to, the
giver and receiver of aid and support, the other party of talks and deals, and the deed of a
charge kept out of the accused's phrase. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "addressee"),
    [
        ("The mayor pleaded with residents to stay indoors.", "pleaded", "residents"),
        ("The minister appealed to donors for more money.", "appealed", "donors"),
        ("The union called on the government to raise wages.", "called on", "government"),
    ],
)
def test_the_one_appealed_to_is_the_target_of_a_request(
    extract: Extract, text: str, trigger: str, addressee: str
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == [addressee]


def test_a_day_after_call_on_is_no_one_appealed_to(extract: Extract) -> None:
    # control: "on Monday" is when, not whom
    event = event_of(extract("The union called on Monday for a pay rise."), "called on")
    assert event.targets == ()


@pytest.mark.parametrize(
    ("text", "trigger", "giver", "receiver"),
    [
        (
            "The union leader gave his support to the chancellor.",
            "support",
            "union leader",
            "chancellor",
        ),
        ("The party lent its support to the coalition.", "support", "party", "coalition"),
        ("The government gave aid to the flood victims.", "aid", "government", "flood victims"),
    ],
)
def test_a_verb_of_giving_names_who_gives_aid_or_support_and_who_receives_it(
    extract: Extract, text: str, trigger: str, giver: str, receiver: str
) -> None:
    event = event_of(extract(text), trigger)
    assert (texts(event.actors), texts(event.targets)) == ([giver], [receiver])


def test_a_thing_given_to_a_place_has_no_receiver(extract: Extract) -> None:
    # control: the "to" phrase must name someone ("to the region" is where it goes)
    event = event_of(extract("The charity gave support to the region."), "support")
    assert texts(event.actors) == ["charity"]
    assert event.targets == ()


def test_the_other_party_of_talks_held_takes_part(extract: Extract) -> None:
    event = event_of(extract("The president held talks with his French counterpart."), "talks")
    assert texts(event.actors) == ["president", "his French counterpart"]


def test_a_deal_agreed_with_someone_has_both_parties(extract: Extract) -> None:
    event = event_of(extract("The company agreed a deal with the union."), "deal")
    assert texts(event.actors) == ["company", "union"]


@pytest.mark.parametrize(
    "text",
    [
        "The committee accused the minister of misleading parliament.",
        "The committee accused the minister of corruption.",
    ],
)
def test_the_deed_charged_is_not_part_of_the_accused(extract: Extract, text: str) -> None:
    assert texts(event_of(extract(text), "accused").targets) == ["minister"]


def test_an_accused_keeps_the_of_phrase_of_their_office(extract: Extract) -> None:
    # control: a body in the "of" phrase belongs to the accused's name
    event = event_of(extract("The union accused the director of the company."), "accused")
    assert texts(event.targets) == ["director of the company"]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("The president rejected an offer from the rebels.", "rejected", "rebels"),
        ("The minister rejected the union's call for a strike.", "rejected", "union"),
    ],
)
def test_a_response_to_an_offer_or_call_targets_whoever_made_it(
    extract: Extract, text: str, trigger: str, target: str
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == [target]


def test_a_response_to_a_thing_from_no_one_keeps_the_thing(extract: Extract) -> None:
    # control: with no source named, the object itself stays the target
    assert texts(event_of(extract("The president rejected the plan."), "rejected").targets) == [
        "plan"
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "addressee"),
    [
        ("The ambassador apologised to Spain for the remarks.", "apologised", "Spain"),
        (
            "The country complained to the United Nations about the raids.",
            "complained",
            "United Nations",
        ),
    ],
)
def test_the_one_an_act_of_talk_is_addressed_to_is_its_target(
    extract: Extract, text: str, trigger: str, addressee: str
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == [addressee]


def test_a_demand_that_someone_act_is_made_of_the_clauses_subject(extract: Extract) -> None:
    event = event_of(extract("The ministry demanded that the company cancel the sale."), "demanded")
    assert texts(event.targets) == ["company"]


def test_a_person_rejected_stays_the_target_whatever_place_they_come_from(
    extract: Extract,
) -> None:
    # control: only a thing stands for whoever it came from
    event = event_of(extract("The party rejected the candidate from Leeds."), "rejected")
    assert texts(event.targets) == ["candidate"]


def test_an_offer_from_the_outset_stays_the_target(extract: Extract) -> None:
    # control: the "from" phrase of an offer stands for it only when it names someone
    event = event_of(extract("The board rejected the offer from the outset."), "rejected")
    assert texts(event.targets) == ["offer"]


def test_a_with_phrase_of_a_transitive_request_is_no_one_asked(extract: Extract) -> None:
    # control: "plead with X" is intransitive; "sought donations with its volunteers" asks no
    # volunteer for anything
    event = event_of(extract("The charity sought donations with its volunteers."), "sought")
    assert "its volunteers" not in texts(event.targets)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("The parliament threatened to break relations with Russia.", "threatened", "Russia"),
        ("The army refused to lift the curfew on the villagers.", "refused", "villagers"),
        (
            "The president threatened to ban opposition candidates from the election.",
            "threatened",
            "opposition candidates",
        ),
        ("The minister refused to respond to a demand from the unions.", "refused", "unions"),
        ("The group threatened to resume attacks in Israel.", "threatened", "Israel"),
    ],
)
def test_a_threat_or_refusal_targets_whom_the_act_it_announces_would_target(
    extract: Extract, text: str, trigger: str, target: str
) -> None:
    assert texts(event_of(extract(text), trigger).targets) == [target]


def test_a_threat_to_act_on_a_thing_targets_no_one(extract: Extract) -> None:
    # control: a border is where, not whom ("the border" ends like "a villager")
    event = event_of(
        extract("The rebels threatened to close the road to the border."), "threatened"
    )
    assert event.targets == ()


def test_an_offer_to_send_something_targets_its_recipient_not_the_thing(extract: Extract) -> None:
    text = "Britain offered to send a company of soldiers to the flooded province."
    assert "company of soldiers" not in texts(event_of(extract(text), "offered").targets)


def test_payments_are_not_the_target_of_an_agreement_to_defer_them(extract: Extract) -> None:
    text = "The creditors agreed on Friday to defer rent payments until 2027."
    assert event_of(extract(text), "agreed").targets == ()


def test_a_call_for_someone_to_act_is_made_of_them(extract: Extract) -> None:
    event = event_of(extract("The union called for the minister to resign."), "called for")
    assert texts(event.targets) == ["minister"]


def test_a_clause_of_time_after_a_call_names_no_one_asked(extract: Extract) -> None:
    # control: only a "for ... to" clause has the one asked as its subject
    event = event_of(
        extract("The minister called for calm as the protesters marched."), "called for"
    )
    assert "protesters" not in texts(event.targets)
