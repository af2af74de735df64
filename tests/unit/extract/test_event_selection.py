"""Selectional restrictions of polysemous triggers, pronoun actors and status from syntax.

Every sentence is invented for the test; each pair shows the everyday sense (no event) beside
the sense between political actors (an event)."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of as _event
from tests.unit.extract.event_lookup import triggers as _triggers

Extract = Callable[..., Extraction]


def test_market_subject_does_not_rally(extract: Extract) -> None:
    assert "rallied" not in _triggers(extract("Bank shares rallied on Tuesday afternoon."))


def test_protesters_rally(extract: Extract) -> None:
    extraction = extract("Opposition supporters rallied outside the parliament in Ruritania.")
    assert _event(extraction, "rallied").type == "PROTEST"


def test_falling_figures_do_not_decline(extract: Extract) -> None:
    assert "declined" not in _triggers(extract("Temperatures declined overnight in the region."))


def test_a_virus_attacks_no_one(extract: Extract) -> None:
    assert "attacks" not in _triggers(extract("The virus attacks the liver and the kidneys."))


def test_declining_to_comment_is_no_rejection(extract: Extract) -> None:
    extraction = extract("A spokesman for the ministry declined to comment on the report.")
    assert "declined" not in _triggers(extraction)


def test_refusing_to_be_named_is_no_rejection(extract: Extract) -> None:
    extraction = extract("The official, who refused to be named, spoke to reporters.")
    assert "refused" not in _triggers(extraction)


def test_refusing_to_respond_to_a_demand_is_a_rejection(extract: Extract) -> None:
    extraction = extract("The governor refused to respond to the demand of the strikers.")
    assert _event(extraction, "refused").type == "REJECT"


def test_declining_an_invitation_is_a_rejection(extract: Extract) -> None:
    extraction = extract("The president declined an invitation to the summit in Ruritania.")
    assert _event(extraction, "declined").type == "REJECT"


def test_visiting_a_website_is_no_visit(extract: Extract) -> None:
    extraction = extract("The minister visited the party's website every morning.")
    assert "visited" not in _triggers(extraction)


def test_customers_visiting_a_shop_make_no_visit(extract: Extract) -> None:
    extraction = extract("Customers visiting the new store in Berlin can pay by phone.")
    assert "visiting" not in _triggers(extraction)


def test_visiting_a_country_is_a_visit(extract: Extract) -> None:
    extraction = extract("The foreign minister of Ruritania visited Japan on Monday.")
    assert _event(extraction, "visited").type == "CONSULT"


def test_slamming_a_racket_is_no_criticism(extract: Extract) -> None:
    extraction = extract("Ivan Dorn slammed his racket into the net after the third set.")
    assert "slammed" not in _triggers(extraction)


def test_slamming_a_decision_is_a_criticism(extract: Extract) -> None:
    extraction = extract("Opposition leaders slammed the decision of the government.")
    assert _event(extraction, "slammed").type == "ACCUSE"


def test_charging_a_fee_is_no_accusation(extract: Extract) -> None:
    extraction = extract("The bank charges a monthly fee for the new account.")
    assert "charges" not in _triggers(extraction)


def test_charging_an_amount_is_no_accusation(extract: Extract) -> None:
    # An amount of money is no one: "£2" is not a person charged, as "Two were arrested" are.
    extraction = extract("Some operators charge up to £2 for every song downloaded.")
    assert "charge" not in _triggers(extraction)


def test_a_share_of_people_can_act(extract: Extract) -> None:
    extraction = extract("In the poll, 44 percent of voters support the mayor.")
    assert _event(extraction, "support").type == "SUPPORT"


def test_charging_someone_with_an_offence_is_an_accusation(extract: Extract) -> None:
    extraction = extract("Prosecutors charged the former mayor with fraud on Friday.")
    assert _event(extraction, "charged").type == "ACCUSE"


def test_meeting_a_target_is_no_meeting(extract: Extract) -> None:
    extraction = extract("The company met all of its sales targets in the first quarter.")
    assert "met" not in _triggers(extraction)


def test_meeting_a_person_is_a_meeting(extract: Extract) -> None:
    extraction = extract("The prime minister met the Ruritanian ambassador on Tuesday.")
    assert _event(extraction, "met").type == "CONSULT"


def test_demonstrative_subject_allows_nothing(extract: Extract) -> None:
    extraction = extract("This allows the firm to cut its costs by a third.")
    assert "allows" not in _triggers(extraction)


def test_pronoun_actor_is_named_by_the_subject_of_the_reporting_clause(extract: Extract) -> None:
    extraction = extract("Governor Alan Brisco said he would meet the strikers on Friday.")
    (actor,) = _event(extraction, "meet").actors
    assert (actor.text, actor.name) == ("he", "Alan Brisco")


def test_pronoun_actor_is_bound_by_the_reporting_subject_not_the_nearest_name(
    extract: Extract,
) -> None:
    extraction = extract(
        "Maria Lindqvist said that after Tom Akers left, she criticised the police."
    )
    (actor,) = _event(extraction, "criticised").actors
    assert actor.name == "Maria Lindqvist"


def test_pronoun_actor_takes_the_previous_person(extract: Extract) -> None:
    extraction = extract(
        "Senator Maria Lindqvist arrived in the capital on Monday. "
        "She criticised the police for the raid."
    )
    (actor,) = _event(extraction, "criticised").actors
    assert (actor.text, actor.name) == ("She", "Maria Lindqvist")


def test_pronoun_without_antecedent_is_no_actor(extract: Extract) -> None:
    extraction = extract("He criticised the police for the raid.")
    assert _event(extraction, "criticised").actors == ()


def test_event_claimed_by_someone_is_not_asserted(extract: Extract) -> None:
    extraction = extract("The rebels claimed that soldiers had attacked the village.")
    assert _event(extraction, "attacked").status == "hypothetical"


def test_event_in_a_direct_question_is_not_asserted(extract: Extract) -> None:
    extraction = extract("Did the army attack the village first?")
    assert _event(extraction, "attack").status == "hypothetical"


def test_event_in_an_indirect_question_is_not_asserted(extract: Extract) -> None:
    extraction = extract("Reporters asked whether the army attacked the village.")
    assert _event(extraction, "attacked").status == "hypothetical"


def test_event_noun_under_whether_is_presupposed(extract: Extract) -> None:
    extraction = extract("Nobody knows whether the attack on the village was planned.")
    assert _event(extraction, "attack").status == "occurred"


def test_announced_meeting_is_an_intent_to_meet(extract: Extract) -> None:
    extraction = extract("The foreign minister said he would meet the rebel leaders in Geneva.")
    assert _event(extraction, "meet").type == "AGREE"


def test_declared_would_of_a_hostile_act_is_a_threat(extract: Extract) -> None:
    extraction = extract("The alliance confirmed it would tighten the blockade of the port.")
    assert _event(extraction, "blockade").type == "THREATEN"


def test_warning_of_a_trend_is_a_forecast_not_a_threat(extract: Extract) -> None:
    extraction = extract("The minister warned that inflation could rise sharply.")
    assert "warned" not in _triggers(extraction)


def test_warning_of_ones_own_act_is_a_threat(extract: Extract) -> None:
    extraction = extract("The rebel commander warned that his fighters would attack the city.")
    assert _event(extraction, "warned").type == "THREATEN"


def test_warning_of_what_others_may_do_is_no_threat(extract: Extract) -> None:
    extraction = extract("The regulator warned that rival lenders could raise their fees.")
    assert "warned" not in _triggers(extraction)


def test_warning_that_there_is_a_risk_is_no_threat(extract: Extract) -> None:
    extraction = extract("The judge warned that there was a real risk of delays.")
    assert "warned" not in _triggers(extraction)


def test_warning_what_one_should_do_is_advice_not_a_threat(extract: Extract) -> None:
    extraction = extract("The agency warned that shoppers should check their receipts.")
    assert "warned" not in _triggers(extraction)


def test_warning_of_a_danger_is_a_caution_not_a_threat(extract: Extract) -> None:
    extraction = extract(
        "The retailer warned of lower margins. Security firms are warning about a new virus."
    )
    assert "warned" not in _triggers(extraction)
    assert "warning" not in _triggers(extraction)


def test_warning_of_an_act_of_force_is_a_threat(extract: Extract) -> None:
    extraction = extract("The army warned of retaliation.")
    assert _event(extraction, "warned").type == "THREATEN"


def test_warning_that_one_would_act_is_a_threat(extract: Extract) -> None:
    extraction = extract("The union warned it would stage a walkout in March.")
    assert _event(extraction, "warned").type == "THREATEN"


def test_warning_of_a_consequence_unless_the_other_side_yields_is_a_threat(
    extract: Extract,
) -> None:
    text = "The union warned that there would be more walkouts unless the board raised pay."
    assert _event(extract(text), "warned").type == "THREATEN"


def test_an_agentless_permission_is_a_rule_not_a_concession(extract: Extract) -> None:
    extraction = extract("Fans in costume will not be allowed into the stadium on Saturday.")
    assert "allowed" not in _triggers(extraction)


def test_a_permission_granted_by_an_actor_is_a_concession(extract: Extract) -> None:
    extraction = extract("The prisoners were allowed home by the military government.")
    assert _event(extraction, "allowed").type == "CONCEDE"


def test_what_a_means_enables_is_no_concession(extract: Extract) -> None:
    extraction = extract("The new handsets link to the net, allowing owners to stream films.")
    assert "allowing" not in _triggers(extraction)


def test_an_actor_letting_in_passing_is_a_concession(extract: Extract) -> None:
    text = "The army reopened the crossing on Monday, allowing aid lorries into the town."
    assert _event(extract(text), "allowing").type == "CONCEDE"


def test_a_share_allowed_under_a_pact_is_no_concession(extract: Extract) -> None:
    extraction = extract("The debt stood at 70%, against the 60% allowed under the pact.")
    assert "allowed" not in _triggers(extraction)


def test_financing_a_purchase_is_no_aid(extract: Extract) -> None:
    extraction = extract("The firm took loans to finance the purchase of the factory.")
    assert "finance" not in _triggers(extraction)


def test_funding_rebels_is_aid(extract: Extract) -> None:
    extraction = extract("The neighbouring government funded the rebels for a decade.")
    assert _event(extraction, "funded").type == "AID"


def test_capitalised_trigger_inside_a_sentence_is_part_of_a_name(extract: Extract) -> None:
    extraction = extract("Listeners can buy the Band Aid record in shops.")
    assert "Aid" not in _triggers(extraction)


def test_visiting_a_resort_is_a_visit(extract: Extract) -> None:
    extraction = extract("The prime minister will visit the beach resort of Varna on Friday.")
    assert _event(extraction, "visit").type == "CONSULT"


def test_meeting_a_counterpart_is_a_meeting(extract: Extract) -> None:
    extraction = extract("The finance minister met his Ruritanian counterpart in Geneva.")
    assert _event(extraction, "met").type == "CONSULT"


def test_a_chairman_can_slam(extract: Extract) -> None:
    extraction = extract("The co-chairman slammed the decision of the government.")
    assert _event(extraction, "slammed").type == "ACCUSE"


def test_headline_stating_a_state_has_no_headline_event(extract: Extract) -> None:
    title = "Ruritania had role in bank sale"
    extraction = extract(f"{title}\n\nThe sale of the bank was completed last year.", title=title)
    assert "had" not in _triggers(extraction)


def test_headline_acting_as_a_tool_is_a_state(extract: Extract) -> None:
    title = "Video phones act as dating tools"
    extraction = extract(f"{title}\n\nMany users now date by phone.", title=title)
    assert "act" not in _triggers(extraction)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police appealed for witnesses to come forward.", "appealed"),
        ("The minister appealed to the rebels to lay down their weapons.", "appealed"),
        ("The bishops appealed for the prisoners to be freed.", "appealed"),
        ("The governor issued an appeal for calm on Sunday.", "appeal"),
        ("The mayor made an appeal to the rebels to lay down their arms.", "appeal"),
    ],
)
def test_appealing_for_something_is_a_request(extract: Extract, text: str, trigger: str) -> None:
    assert _event(extract(text), trigger).type == "REQUEST"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The new console will appeal to younger players.", "appeal"),
        ("The club will appeal against the red card.", "appeal"),
        ("She lodged an appeal against the ruling.", "appeal"),
        ("The party must broaden its appeal before the election.", "appeal"),
    ],
)
def test_appealing_to_buyers_or_against_a_ruling_asks_for_nothing(
    extract: Extract, text: str, trigger: str
) -> None:
    assert trigger not in _triggers(extract(text))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The sprinter withdrew from the Commonwealth Games with a hamstring strain.", "withdrew"),
        ("She had to pull out of the Australian Open with a wrist injury.", "pull out"),
    ],
)
def test_leaving_a_named_contest_is_no_retreat(extract: Extract, text: str, trigger: str) -> None:
    assert trigger not in _triggers(extract(text))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The army withdrew from the border town on Sunday.", "withdrew"),
        ("The rebels pulled out of the peace talks in Geneva.", "pulled out"),
    ],
)
def test_leaving_a_place_or_talks_is_a_retreat(extract: Extract, text: str, trigger: str) -> None:
    assert _event(extract(text), trigger).type == "RETREAT"
