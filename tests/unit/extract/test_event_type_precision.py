"""Event types on ordinary news (invented sentences): everyday, business and sport senses of
trigger words are no political event, and each rule has a control where the event stays."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import triggers, with_title

Extract = Callable[..., Extraction]


def _types(extraction: Extraction, trigger: str) -> list[str]:
    return [e.type for e in extraction.events if e.trigger.text == trigger]


# "a great deal", "a raw deal": a quantity and unfair treatment, no agreement


def test_a_great_deal_of_something_is_a_quantity(extract: Extract) -> None:
    extraction = extract("The new stadium will need a great deal of public money.")
    assert "deal" not in triggers(extraction)


def test_a_good_deal_before_a_comparative_is_a_quantity(extract: Extract) -> None:
    extraction = extract("The second novel sold a good deal more copies than the first.")
    assert "deal" not in triggers(extraction)


def test_a_raw_deal_is_unfair_treatment(extract: Extract) -> None:
    extraction = extract("Part-time cleaners say they have had a raw deal from the council.")
    assert "deal" not in triggers(extraction)


def test_a_good_deal_secured_stays_an_agreement(extract: Extract) -> None:
    extraction = extract("The minister said a good deal had been secured with the unions.")
    assert _types(extraction, "deal") == ["AGREE"]


# "accept that ...": acknowledging; "accept an award": receiving an honour


def test_accepting_that_a_clause_is_true_is_no_agreement(extract: Extract) -> None:
    extraction = extract("The mayor accepted that the city's buses were often late.")
    assert "accepted" not in triggers(extraction)


def test_accepting_an_award_is_no_agreement(extract: Extract) -> None:
    extraction = extract("Accepting her award in Paris, the singer thanked her parents.")
    assert "Accepting" not in triggers(extraction)


def test_accepting_an_offer_stays_an_agreement(extract: Extract) -> None:
    extraction = extract("The rebels accepted the government's offer of talks on Sunday.")
    assert _types(extraction, "accepted") == ["AGREE"]


# "withdraw": goods, bids and players withdraw no forces; remarks withdrawn are retracted


def test_withdrawing_a_takeover_offer_is_no_retreat(extract: Extract) -> None:
    extraction = extract("Norland Bank has withdrawn its takeover offer for a rival lender.")
    assert "withdrawn" not in triggers(extraction)


def test_goods_withdrawn_from_shops_are_no_retreat(extract: Extract) -> None:
    extraction = extract("The painkiller was withdrawn from shops after safety concerns.")
    assert "withdrawn" not in triggers(extraction)


def test_a_player_withdrawing_from_the_squad_is_no_retreat(extract: Extract) -> None:
    extraction = extract("The winger withdrew from the squad with a knee problem.")
    assert "withdrew" not in triggers(extraction)


def test_withdrawing_a_remark_is_a_retraction(extract: Extract) -> None:
    extraction = extract("The councillor agreed to withdraw his remark about the nurses.")
    assert _types(extraction, "withdraw") == ["CONCEDE"]


def test_withdrawing_troops_stays_a_retreat(extract: Extract) -> None:
    extraction = extract("The army withdrew its troops from the border town on Monday.")
    assert _types(extraction, "withdrew") == ["RETREAT"]


# "fight back", "fight for": a comeback or an effort, no combat and no verbal attack


def test_fighting_back_to_win_a_match_is_a_comeback(extract: Extract) -> None:
    extraction = extract("The Swede lost the first set but fought back to win the final.")
    assert "fought" not in triggers(extraction)


def test_fighting_back_for_a_title_is_a_comeback(extract: Extract) -> None:
    extraction = extract("The Swede fought back for the title after losing the first set.")
    assert "fought" not in triggers(extraction)


def test_fighting_for_survival_is_an_effort(extract: Extract) -> None:
    extraction = extract("The struggling toy maker is fighting for survival this winter.")
    assert "fighting" not in triggers(extraction)


def test_fighting_rebels_stays_an_event(extract: Extract) -> None:
    extraction = extract("Government soldiers fought the rebels near the border on Sunday.")
    assert _types(extraction, "fought") == ["ASSAULT"]


# "refused to give details", "declined to be drawn": declining comment (CAMEO 011)


def test_refusing_to_give_details_is_declining_comment(extract: Extract) -> None:
    extraction = extract("The club's owner refused to give any details of the sale.")
    assert "refused" not in triggers(extraction)


def test_declining_to_be_drawn_is_declining_comment(extract: Extract) -> None:
    extraction = extract("The finance minister declined to be drawn on reports of a merger.")
    assert "declined" not in triggers(extraction)


def test_refusing_to_give_funds_stays_a_rejection(extract: Extract) -> None:
    extraction = extract("The donor said he would refuse to give more money to the party.")
    assert "refuse" in triggers(extraction)


def test_refusing_to_surrender_stays_a_rejection(extract: Extract) -> None:
    extraction = extract("The rebels refused to surrender their weapons to the army.")
    assert _types(extraction, "refused") == ["REJECT"]


# a trigger word capitalised inside a name: "Band Aid", "Rugby Aid"


def test_aid_inside_a_charity_match_name_is_no_aid(extract: Extract) -> None:
    extraction = extract("O'Neill will captain the side in the IRB Rugby Aid match at Twickenham.")
    assert "Aid" not in triggers(extraction)


def test_aid_inside_a_name_in_a_sentence_case_headline_is_no_aid(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Live Aid single tops the charts",
        "The charity single went straight to number one on Sunday.",
    )
    assert "Aid" not in triggers(extraction)


def test_aid_in_a_headline_stays_aid(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Flood aid reaches stranded villagers",
        "Food and tents reached the flooded provinces on Monday.",
    )
    assert _types(extraction, "aid") == ["AID"]


# "sign": a club signing a player, or a contract signed, is an agreement, no endorsement


def test_a_club_signing_a_player_is_an_agreement(extract: Extract) -> None:
    extraction = extract("Ashfield have signed the Porto winger Rui Almeida on a free transfer.")
    assert _types(extraction, "signed") == ["AGREE"]


def test_a_player_signing_for_a_club_is_an_agreement(extract: Extract) -> None:
    extraction = extract("Before signing for Hull City, he played two seasons in Spain.")
    assert _types(extraction, "signing") == ["AGREE"]


def test_signing_a_contract_is_an_agreement(extract: Extract) -> None:
    extraction = extract("The coach signed a new contract to stay at the club until 2030.")
    assert _types(extraction, "signed") == ["AGREE"]


def test_signing_a_petition_stays_support(extract: Extract) -> None:
    extraction = extract("Thousands of farmers signed the petition against the new tax.")
    assert _types(extraction, "signed") == ["SUPPORT"]


# "defend": a title in a contest, or oneself, is no backing of another actor


def test_defending_a_title_is_no_support(extract: Extract) -> None:
    extraction = extract("The sprinter will defend her 200m title at the indoor trials.")
    assert "defend" not in triggers(extraction)


def test_defending_oneself_in_court_is_no_support(extract: Extract) -> None:
    extraction = extract("The two directors said they would defend themselves in court.")
    assert "defend" not in triggers(extraction)


def test_defending_a_policy_stays_support(extract: Extract) -> None:
    extraction = extract("The minister defended the new parking rules on Tuesday.")
    assert _types(extraction, "defended") == ["SUPPORT"]


def test_signing_a_treaty_is_cameo_057(extract: Extract) -> None:
    extraction = extract("Norland and Ruritania signed a border treaty on Friday.")
    (event,) = [e for e in extraction.events if e.trigger.text == "signed"]
    assert (event.type, event.cameo_code) == ("SUPPORT", "057")


# "deal" as a seller's offer to the public is a price, no agreement between parties


def test_download_deals_are_prices(extract: Extract) -> None:
    extraction = extract("The new handsets will appeal to fans with unlimited download deals.")
    assert "deals" not in triggers(extraction)


def test_good_deals_offered_on_calls_are_prices(extract: Extract) -> None:
    extraction = extract("The spare capacity lets the network offer good deals on evening calls.")
    assert "deals" not in triggers(extraction)


def test_a_deal_offered_to_a_party_stays_an_agreement(extract: Extract) -> None:
    extraction = extract("The government offered the striking dockers a deal on Monday.")
    assert _types(extraction, "deal") == ["AGREE"]


def test_a_player_offered_a_new_deal_stays_an_agreement(extract: Extract) -> None:
    extraction = extract("The striker has been offered a new two-year deal by the club.")
    assert _types(extraction, "deal") == ["AGREE"]


def test_a_deal_a_player_is_to_be_offered_stays_an_agreement(extract: Extract) -> None:
    extraction = extract("The keeper will learn whether he is to be offered a new deal.")
    assert _types(extraction, "deal") == ["AGREE"]


def test_signing_to_a_record_label_is_an_agreement(extract: Extract) -> None:
    extraction = extract("The young singer was signed to a record label at the age of 16.")
    assert _types(extraction, "signed") == ["AGREE"]


def test_signing_a_letter_to_a_club_stays_support(extract: Extract) -> None:
    extraction = extract("The minister signed the letter to the club.")
    assert _types(extraction, "signed") == ["SUPPORT"]
