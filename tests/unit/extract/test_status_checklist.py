"""A behavioural checklist (Ribeiro et al. 2020, "Beyond accuracy") for event status.

Invented sentences, one phenomenon per test, each with the status the MEANTIME guidelines give
its event: negative polarity is ``negated``; a future event ``planned``; a possible or probable
one ``hypothetical``; a certain, non-future, positive one ``occurred``. The point is the
precision of ``occurred``: an event that is planned, conditional, possible, denied or merely
expected must not read as having happened.
"""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]
Case = tuple[str, str, str]


def _status(extraction: Extraction, trigger: str) -> str:
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    return event.status


def _check(extract: Extract, text: str, trigger: str, status: str) -> None:
    assert _status(extract(text), trigger) == status, text


FRAMED_BY_A_NOUN_OR_VERB: list[Case] = [
    ("The union announced plans for a strike.", "strike", "planned"),
    ("The threat of an attack forced the embassy to close.", "attack", "threatened"),
    ("Fears of an attack grew in the capital.", "attack", "hypothetical"),
    ("Hopes of talks faded.", "talks", "hypothetical"),
    ("Calls for sanctions grew.", "sanctions", "hypothetical"),
    ("The risk of an attack remains high.", "attack", "hypothetical"),
    ("The prospect of talks rose.", "talks", "hypothetical"),
    ("The rebels warned of attacks.", "attacks", "threatened"),
    ("The union voted for a strike.", "strike", "planned"),
    ("The opposition called for talks.", "talks", "hypothetical"),
    ("Ministers denied claims that troops attacked the village.", "attacked", "hypothetical"),
    ("There is no plan for a strike.", "strike", "negated"),
    ("The union has no plans for a strike.", "strike", "negated"),
    ("There were allegations that police arrested children.", "arrested", "hypothetical"),
    # a noun or verb that does not frame leaves the event as told
    ("The mayor spoke of the attack.", "attack", "occurred"),
    ("Police investigated the attack for a year.", "attack", "occurred"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), FRAMED_BY_A_NOUN_OR_VERB)
def test_event_framed_by_a_plan_fear_or_claim_has_not_occurred(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


WITHOUT: list[Case] = [
    ("The crowd left without protesting.", "protesting", "negated"),
    ("The siege ended without an attack.", "attack", "negated"),
    # a counterfactual "without" ("if not for") presupposes its object
    ("Without the talks, the war would have gone on.", "talks", "occurred"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), WITHOUT)
def test_event_after_without_is_negated(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


LIKELY_OR_HEDGED: list[Case] = [
    ("The union is likely to strike.", "strike", "hypothetical"),
    ("Rebels are unlikely to attack the town.", "attack", "hypothetical"),
    ("A strike is possible.", "strike", "hypothetical"),
    ("An attack is likely.", "attack", "hypothetical"),
    ("Rebels probably attacked the town.", "attacked", "hypothetical"),
    ("Perhaps the ministers met in secret.", "met", "hypothetical"),
    ("Rebels allegedly attacked the village.", "attacked", "hypothetical"),
    ("The alleged attack took place on Monday.", "attack", "hypothetical"),
    # a future auxiliary outranks the hedge; a hedge on another part of the clause, or a
    # report the writer relays, leaves the event as told
    ("Rebels will probably attack the town.", "attack", "planned"),
    ("The attack was probably carried out by rebels.", "attack", "occurred"),
    ("The ministers reportedly met in secret.", "met", "occurred"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), LIKELY_OR_HEDGED)
def test_event_judged_likely_possible_or_alleged_is_hypothetical(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


DENIED_OR_NEGATIVELY_QUANTIFIED: list[Case] = [
    ("The government denied that troops had attacked the village.", "attacked", "negated"),
    ("The minister denied that the bridge had collapsed.", "collapsed", "negated"),
    ("Neither side attacked.", "attacked", "negated"),
    ("No one was arrested.", "arrested", "negated"),
    ("Nobody protested.", "protested", "negated"),
    ("The ministers declined to meet.", "meet", "negated"),
    ("The ministers forgot to meet.", "meet", "negated"),
    ("Police neglected to arrest the man.", "arrest", "negated"),
    # a plain report is not a denial; a negative subject negates its verb, not the events
    # named around it
    ("The government said that troops had attacked the village.", "attacked", "occurred"),
    ("No charges were brought over the attack.", "attack", "occurred"),
    ("No one was hurt in the attack.", "attack", "occurred"),
    ("The police, with no warning, arrested the man.", "arrested", "occurred"),
    # a conjunct after "but" is not under the first one's negation
    ("The minister denied the talks had failed but refused to meet.", "refused", "occurred"),
    ("Rebels did not attack the town but shelled it.", "shelled", "occurred"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), DENIED_OR_NEGATIVELY_QUANTIFIED)
def test_denied_refused_or_negatively_quantified_event_is_negated(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


CALLED_OFF_OR_PASSIVE_PLAN: list[Case] = [
    ("The union called off the strike.", "strike", "negated"),
    ("The strike was called off.", "strike", "negated"),
    ("The government ruled out sanctions.", "sanctions", "negated"),
    ("Talks with the rebels were ruled out.", "Talks", "negated"),
    ("Talks are scheduled for Friday.", "Talks", "planned"),
    ("A strike is planned for May.", "strike", "planned"),
    ("The strike is being planned.", "strike", "planned"),
    ("A protest will be called by the union.", "protest", "planned"),
    ("The attack was prevented by police.", "attack", "hypothetical"),
    ("The attack was foiled.", "attack", "negated"),
    ("Sanctions were threatened.", "Sanctions", "threatened"),
    # without the particle "call" plans; a passive that tells of the act leaves it told
    ("The union called a strike.", "strike", "planned"),
    ("Talks were held in Geneva.", "Talks", "occurred"),
    ("The attack was condemned.", "attack", "occurred"),
    ("The protest was broken up by police.", "protest", "occurred"),
    ("The attack was planned in secret.", "attack", "occurred"),
    ("The attack was discussed in parliament.", "attack", "occurred"),
    ("The attack has been discussed.", "attack", "occurred"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), CALLED_OFF_OR_PASSIVE_PLAN)
def test_event_called_off_ruled_out_or_passively_planned_has_not_occurred(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


IMPLICATIVE: list[Case] = [
    ("The rebels went on to attack the town.", "attack", "occurred"),
    ("The rebels did not go on to attack the town.", "attack", "negated"),
    ("Police will continue to arrest protesters.", "arrest", "planned"),
    ("Workers could begin to strike next week.", "strike", "hypothetical"),
    ("The union plans to start to strike.", "strike", "planned"),
    # the implicative's own status is passed on unchanged
    ("The ministers managed to meet in Rome.", "meet", "occurred"),
    ("Workers have begun to strike.", "strike", "occurred"),
    ("Workers are beginning to strike.", "strike", "ongoing"),
    ("Workers did not begin to strike.", "strike", "negated"),
    ("The rebels went to attack the town.", "attack", "planned"),
    ("The rebels are going to attack the town.", "attack", "planned"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), IMPLICATIVE)
def test_implicative_verb_passes_its_own_status_to_its_complement(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


MEANS_GERUND: list[Case] = [
    ("The army will respond by shelling the town.", "shelling", "planned"),
    ("The army could respond by shelling the town.", "shelling", "hypothetical"),
    # "would" in a plan's clause is the future in the past: the plan's act is planned
    (
        "The union agreed a plan that would consist in striking for a week.",
        "striking",
        "planned",
    ),
    # in the past the means occurred; a gerund after "for" is an act of its own
    ("The army responded by shelling the town.", "shelling", "occurred"),
    ("The ministers succeeded in meeting.", "meeting", "occurred"),
    ("Protesters could be jailed for protesting.", "protesting", "occurred"),
    # a negated act does not negate its means: the attacking took place
    ("The minister did not hesitate in attacking the union.", "attacking", "occurred"),
    ("The government has not helped by attacking the press.", "attacking", "occurred"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), MEANS_GERUND)
def test_gerund_after_by_or_in_shares_the_status_of_its_act(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


MODAL_FUTURE_AND_INTENT: list[Case] = [
    ("Rebels may attack the town.", "attack", "hypothetical"),
    ("Rebels might attack the town.", "attack", "hypothetical"),
    ("The union could strike next week.", "strike", "hypothetical"),
    ("The army would shell the town.", "shell", "hypothetical"),
    ("The government should impose sanctions.", "impose", "hypothetical"),
    ("The two sides might hold talks.", "talks", "hypothetical"),
    ("Troops may have withdrawn from the town.", "withdrawn", "hypothetical"),
    ("The ministers will meet in Rome on Friday.", "meet", "planned"),
    ("The union is going to strike.", "strike", "planned"),
    ("The ministers are set to meet in Rome.", "meet", "planned"),
    ("The leaders are due to hold talks in Geneva.", "talks", "planned"),
    ("The ministers meet in Rome next week.", "meet", "planned"),
    ("Police are to arrest the suspects.", "arrest", "planned"),
    ("The ministers intend to meet in Rome.", "meet", "planned"),
    ("The government aims to impose sanctions.", "impose", "planned"),
    ("The leaders hope to hold talks.", "talks", "planned"),
    ("The army wants to withdraw from the town.", "withdraw", "planned"),
    ("Police are preparing to arrest the suspects.", "arrest", "planned"),
    ("The union has decided to strike.", "strike", "planned"),
    ("The union plans a strike.", "strike", "planned"),
    ("The union is planning protests.", "protests", "planned"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), MODAL_FUTURE_AND_INTENT)
def test_modal_future_or_intended_event_has_not_occurred(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


CONDITIONAL_AND_ASKED: list[Case] = [
    ("If the rebels attack the town, the army will respond.", "attack", "hypothetical"),
    ("If the talks fail, the union will strike.", "talks", "hypothetical"),
    (
        "If police had arrested the man, the attack would not have happened.",
        "arrested",
        "hypothetical",
    ),
    ("The union will strike unless wages rise.", "strike", "planned"),
    ("The sentence would have been longer had he attacked the guard.", "attacked", "hypothetical"),
    ("Should the rebels attack the town, the army will respond.", "attack", "hypothetical"),
    ("The army responded after the rebels had attacked the town.", "attacked", "occurred"),
    ("Did the rebels attack the town?", "attack", "hypothetical"),
    ("Officials asked whether the army had shelled the town.", "shelled", "hypothetical"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), CONDITIONAL_AND_ASKED)
def test_conditional_or_asked_event_is_not_asserted(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


OCCURRED_AND_ONGOING: list[Case] = [
    ("Rebels attacked the town on Monday.", "attacked", "occurred"),
    ("Rebels have attacked the town.", "attacked", "occurred"),
    ("The ministers had met in Rome.", "met", "occurred"),
    ("The attack killed five people.", "attack", "occurred"),
    ("The strike began on Monday.", "strike", "occurred"),
    ("Talks were held in Geneva.", "Talks", "occurred"),
    ("Officials said rebels attacked the village.", "attacked", "occurred"),
    ("Rebels are attacking the town.", "attacking", "ongoing"),
    ("Workers are striking at the plant.", "striking", "ongoing"),
    ("The strike continues.", "strike", "ongoing"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), OCCURRED_AND_ONGOING)
def test_asserted_past_or_present_event_occurred_or_is_ongoing(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)


TOPIC_OF_SAYING: list[Case] = [
    ("The firm declined to comment on the lawsuit.", "lawsuit", "occurred"),
    ("Police refused to comment on the attack.", "attack", "occurred"),
    ("The minister will speak about the attack.", "attack", "occurred"),
    ("The minister did not comment on the protest.", "protest", "occurred"),
    # the topic's own words still count; an object that is not a topic keeps the clause's
    ("The minister did not comment on the planned strike.", "strike", "planned"),
    ("The minister did not attend the protest.", "protest", "negated"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), TOPIC_OF_SAYING)
def test_topic_of_a_verb_of_saying_keeps_its_own_status(
    extract: Extract, text: str, trigger: str, status: str
) -> None:
    _check(extract, text, trigger, status)
