"""PLOVER acts that political and business news reports in words the verb lexicon did not cover
(invented sentences): particle verbs of rejection ("ruled out", "turned down", "threw out",
"voted against"), a "call for" as a noun, branding and deriding as criticism, "hit back at",
and resignations under pressure; each with controls of the same words in another sense."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts, triggers, with_title

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The finance minister ruled out a rise in fuel duty.", "ruled out"),
        ("The board turned down the offer from the Danish brewer.", "turned down"),
        ("The appeal court threw out the claim against the airline.", "threw out"),
        ("Thirty Labour MPs voted against the housing bill.", "voted against"),
    ],
)
def test_particle_verb_of_refusal_is_a_rejection(
    extract: Extract, sentence: str, trigger: str
) -> None:
    assert event_of(extract(sentence), trigger).type == "REJECT"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The winger was ruled out of the final with a hamstring injury.", "ruled"),
        ("The goalkeeper has been ruled out for six weeks.", "ruled"),
        ("Two councillors were thrown out of the chamber for shouting.", "thrown"),
        ("The new pricing rules out any discount for early buyers.", "rules"),
        ("Share prices turned down sharply in March.", "turned"),
        ("His second try was ruled out for a forward pass.", "ruled"),
        ("The champion has ruled out any chance of a move abroad.", "ruled"),
        ("The landlord threatened to throw them out.", "throw"),
    ],
)
def test_exclusion_of_a_person_or_a_thing_as_subject_rejects_nothing(
    extract: Extract, sentence: str, verb: str
) -> None:
    assert not [t for t in triggers(extract(sentence)) if t.startswith(verb)]


def test_call_for_as_a_noun_is_a_request(extract: Extract) -> None:
    event = event_of(extract("The Greens renewed their call for a ban on diesel cars."), "call")
    assert event.type == "REQUEST"
    assert texts(event.actors) == ["Greens"]


def test_rejected_calls_are_a_request_and_its_rejection(extract: Extract) -> None:
    extraction = extract("The mayor rejected calls for a public inquiry into the contract.")
    assert event_of(extraction, "calls").type == "REQUEST"
    assert event_of(extraction, "rejected").type == "REJECT"


def test_resisted_calls_to_act_are_a_request_and_its_rejection(extract: Extract) -> None:
    extraction = extract("The cabinet has resisted calls to publish the legal advice.")
    assert event_of(extraction, "calls").type == "REQUEST"
    assert event_of(extraction, "resisted").type == "REJECT"


def test_resisted_pressure_is_a_rejection(extract: Extract) -> None:
    extraction = extract("The central bank resisted foreign pressure to raise its rates.")
    assert event_of(extraction, "resisted").type == "REJECT"


@pytest.mark.parametrize(
    "sentence",
    [
        "Customers can make free calls to other users of the network.",
        "She took a phone call for her husband at the office.",
        "The report was a wake-up call for the industry.",
        "Officials will review the calls to the helpline.",
    ],
)
def test_call_of_another_sense_is_no_request(extract: Extract, sentence: str) -> None:
    assert not [t for t in triggers(extract(sentence)) if t.startswith("call")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Opposition leaders branded the tax plan a shambles.",
        "The union branded the pay offer 'an insult'.",
        "The scheme was branded unworkable by the committee.",
        "The senator branded the merger as reckless.",
        "The council's new parking scheme has been branded a waste of money.",
        "Ministers have branded the proposal unworkable.",
    ],
)
def test_branding_with_a_judgement_is_criticism(extract: Extract, sentence: str) -> None:
    (event,) = [e for e in extract(sentence).events if e.trigger.text == "branded"]
    assert event.type == "ACCUSE"


@pytest.mark.parametrize(
    "sentence",
    [
        "The new service is branded as Fastlink in Spain.",
        "Shoppers prefer branded goods to cheaper copies.",
    ],
)
def test_branding_with_a_name_is_no_criticism(extract: Extract, sentence: str) -> None:
    assert "branded" not in triggers(extract(sentence))


def test_blasting_plans_is_criticism_but_blasting_wide_is_a_shot(extract: Extract) -> None:
    event = event_of(extract("The union leader blasted the pension plans."), "blasted")
    assert event.type == "ACCUSE"
    assert "blasted" not in triggers(extract("The striker blasted wide from close range."))


def test_headline_blast_at_plans_is_criticism(extract: Extract) -> None:
    body = "The mayor said on Monday that the council's budget would close two libraries."
    extraction = with_title(extract, "Smith blasts Tory housing plans", body)
    assert event_of(extraction, "blasts").type == "ACCUSE"


def test_existential_calls_for_are_a_request(extract: Extract) -> None:
    extraction = extract("There have been calls for a public inquiry into the sale.")
    assert event_of(extraction, "calls").type == "REQUEST"


@pytest.mark.parametrize(
    "sentence",
    [
        "The union did not rule out a strike over pensions.",
        "The finance minister refused to rule out higher taxes.",
        "Analysts said you cannot rule out a further fall in prices.",
    ],
)
def test_not_ruling_out_is_a_hedge_not_a_rejection(extract: Extract, sentence: str) -> None:
    assert not [e for e in extract(sentence).events if e.type == "REJECT"]


def test_ruling_out_a_signing_is_a_rejection(extract: Extract) -> None:
    extraction = extract("The manager ruled out a new goalkeeper for the club.")
    assert event_of(extraction, "ruled out").type == "REJECT"


def test_derided_plans_are_criticism(extract: Extract) -> None:
    event = event_of(extract("The shadow chancellor derided the budget plans."), "derided")
    assert event.type == "ACCUSE"


def test_hitting_back_at_critics_is_criticism_but_not_in_a_game(extract: Extract) -> None:
    event = event_of(extract("The minister hit back at critics of the housing plan."), "hit")
    assert event.type == "ACCUSE"
    assert "hit" not in triggers(extract("The visitors hit back to level the score."))


@pytest.mark.parametrize(
    "sentence",
    [
        "The health minister resigned over the leaked report.",
        "The chief executive resigned after accounting errors were found.",
        "The chairman resigned amid criticism of his pay.",
    ],
)
def test_resignation_under_pressure_is_a_concession(extract: Extract, sentence: str) -> None:
    event = event_of(extract(sentence), "resigned")
    assert event.type == "CONCEDE"
    assert event.mode == "resignation"


@pytest.mark.parametrize(
    "sentence",
    [
        "The presenter resigned after six years on the show.",
        "The director resigned for personal reasons.",
        "She resigned to become a judge.",
    ],
)
def test_resignation_of_no_pressure_is_no_event(extract: Extract, sentence: str) -> None:
    assert "resigned" not in triggers(extract(sentence))


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        (
            'After the war in Iraq, the Tories attacked the government\'s "U-turns" on crime.',
            "attacked",
        ),
        ("The opposition leader will attack the minister's words on the war.", "attack"),
        ('The senator launched an attack on the government\'s "failures" in the war.', "attack"),
    ],
)
def test_attack_on_words_is_criticism_in_a_story_of_war(
    extract: Extract, sentence: str, trigger: str
) -> None:
    assert event_of(extract(sentence), trigger).type == "ACCUSE"


def test_attack_on_a_quoted_place_stays_an_assault(extract: Extract) -> None:
    sentence = 'Rebels attacked the army\'s "safe" villages near the front, killing ten soldiers.'
    assert event_of(extract(sentence), "attacked").type == "ASSAULT"
