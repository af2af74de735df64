"""Event types on ordinary news, second round (invented sentences): sport fixtures, walkouts,
subsidies and devices, music and figurative senses of trigger words are no political event, or
an event of another type; each rule has a control where the political sense stays."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import triggers, with_title

Extract = Callable[..., Extraction]


def _types(extraction: Extraction, trigger: str) -> list[str]:
    return [e.type for e in extraction.events if e.trigger.text == trigger]


# "clash": a match on a day or in a competition is a sport fixture, no dispute or fighting


def test_a_clash_named_by_its_day_and_cup_is_a_fixture(extract: Extract) -> None:
    extraction = extract("The striker is fit for Sunday's Cup clash with Rovers.")
    assert "clash" not in triggers(extraction)


def test_a_clash_against_a_side_is_a_fixture(extract: Extract) -> None:
    extraction = extract("The coach hopes to end the season with a clash against Norway.")
    assert "clash" not in triggers(extraction)


def test_protesters_clashing_with_police_stays_an_event(extract: Extract) -> None:
    extraction = extract("Protesters clashed with police outside the ministry on Friday.")
    assert "clashed" in triggers(extraction)


def test_a_clash_between_soldiers_and_rebels_stays_an_assault(extract: Extract) -> None:
    extraction = extract("Two soldiers died in a clash with rebels near the border.")
    assert _types(extraction, "clash") == ["ASSAULT"]


# "strike": a walkout of a service's staff is a protest (CAMEO 143); a weapon's stays an attack


def test_a_train_strike_is_a_walkout(extract: Extract) -> None:
    extraction = extract("Commuters were stranded by a train strike in the capital.")
    assert _types(extraction, "strike") == ["PROTEST"]


def test_strike_action_is_a_walkout(extract: Extract) -> None:
    extraction = extract("Ministers hope to avoid strike action before the summer.")
    assert _types(extraction, "strike") == ["PROTEST"]


def test_joining_a_strike_is_a_walkout(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Thousands join strike in the north",
        "Offices closed across the region on Friday.",
    )
    assert _types(extraction, "strike") == ["PROTEST"]


def test_being_on_strike_is_a_walkout(extract: Extract) -> None:
    extraction = extract("Cleaners at the museum were on strike for a second day.")
    assert _types(extraction, "strike") == ["PROTEST"]


def test_an_air_strike_stays_an_assault(extract: Extract) -> None:
    extraction = extract("The air strike killed ten people in the village.")
    assert _types(extraction, "strike") == ["ASSAULT"]


def test_a_strike_on_a_camp_stays_an_assault(extract: Extract) -> None:
    extraction = extract("Jets carried out a missile strike on a militant camp.")
    assert _types(extraction, "strike") == ["ASSAULT"]


# "marches on": goes on, advances through a draw; "marched on parliament" stays a protest


def test_marching_on_in_a_tournament_is_no_protest(extract: Extract) -> None:
    extraction = extract("The defending champion marches on in Rome.")
    assert "marches" not in triggers(extraction)


def test_marching_on_parliament_stays_a_protest(extract: Extract) -> None:
    extraction = extract("Thousands of farmers marched on parliament on Monday.")
    assert _types(extraction, "marched") == ["PROTEST"]


# "aid": state aid (subsidy rules), legal aid, devices and the disease are no relief given


def test_state_aid_is_a_subsidy(extract: Extract) -> None:
    extraction = extract("Brussels will examine whether the airline received illegal state aid.")
    assert "aid" not in triggers(extraction)


def test_legal_aid_is_no_relief(extract: Extract) -> None:
    extraction = extract("The two campaigners were refused legal aid for their appeal.")
    assert "aid" not in triggers(extraction)


def test_a_slimming_aid_is_a_product(extract: Extract) -> None:
    extraction = extract("A slimming aid made from a desert plant goes on sale next year.")
    assert "aid" not in triggers(extraction)


def test_aids_the_disease_is_no_aid(extract: Extract) -> None:
    extraction = extract("Aids and poverty dominate the agenda of the summit.")
    assert "Aids" not in triggers(extraction)


def test_aid_sent_to_flood_victims_stays_aid(extract: Extract) -> None:
    extraction = extract("The government sent emergency aid to the flood victims.")
    assert "AID" in [e.type for e in extraction.events]


def test_foreign_aid_stays_aid(extract: Extract) -> None:
    extraction = extract("The donors promised to double foreign aid to the region.")
    assert "AID" in [e.type for e in extraction.events]


# "support" of a product and "backing" in music back no actor or policy (CAMEO 05)


def test_tech_support_is_a_service(extract: Extract) -> None:
    extraction = extract("Buyers of the cheaper laptop get no tech support from the maker.")
    assert "support" not in triggers(extraction)


def test_backing_singers_accompany_a_song(extract: Extract) -> None:
    extraction = extract("The tour starred the rapper with backing vocalists from Lagos.")
    assert "backing" not in triggers(extraction)


def test_a_song_backed_by_a_choir_is_accompanied(extract: Extract) -> None:
    extraction = extract("She sang her new ballad at the ceremony, backed by a gospel choir.")
    assert "backed" not in triggers(extraction)


def test_public_support_for_a_plan_stays_support(extract: Extract) -> None:
    extraction = extract("The mayor expressed support for the plan to close the road.")
    assert "SUPPORT" in [e.type for e in extraction.events]


def test_a_plan_backed_by_the_government_stays_support(extract: Extract) -> None:
    extraction = extract("The scheme, backed by the government, starts in April.")
    assert _types(extraction, "backed") == ["SUPPORT"]


# "defended well": a side playing in defence backs no one


def test_a_side_defending_well_backs_no_one(extract: Extract) -> None:
    extraction = extract("The visitors defended well and held on for a draw.")
    assert "defended" not in triggers(extraction)


def test_defending_a_decision_stays_support(extract: Extract) -> None:
    extraction = extract("The minister defended the decision to close the hospital.")
    assert _types(extraction, "defended") == ["SUPPORT"]


# "a big deal" (a matter of weight) and "become withdrawn" (a state) are no events


def test_no_big_deal_is_no_agreement(extract: Extract) -> None:
    extraction = extract("Missing the bus is not a big deal, the head teacher said.")
    assert "deal" not in triggers(extraction)


def test_a_big_deal_signed_stays_an_agreement(extract: Extract) -> None:
    extraction = extract("The two firms signed a big deal to share their networks.")
    assert "deal" in triggers(extraction)


def test_becoming_withdrawn_is_a_state(extract: Extract) -> None:
    extraction = extract("After the divorce the singer became withdrawn and stopped touring.")
    assert "withdrawn" not in triggers(extraction)


def test_troops_withdrawn_stay_a_retreat(extract: Extract) -> None:
    extraction = extract("The troops were withdrawn from the border town on Monday.")
    assert _types(extraction, "withdrawn") == ["RETREAT"]


# "blew up": a quarrel breaking out; a device failing is an accident, no attack


def test_a_row_blowing_up_is_no_explosion(extract: Extract) -> None:
    extraction = extract("The row blew up when the singer left the label in March.")
    assert "blew up" not in triggers(extraction)


def test_a_modem_blowing_up_in_a_story_of_attacks_is_an_accident(extract: Extract) -> None:
    extraction = extract(
        "Hackers launched attacks on the bank's website. "
        "Separately, her cable modem blew up and she was offline for a week."
    )
    assert _types(extraction, "blew up") == ["ACCIDENT"]


def test_a_car_bomb_exploding_stays_an_attack(extract: Extract) -> None:
    extraction = extract("A car bomb planted by militants exploded outside the stadium.")
    assert _types(extraction, "exploded") == ["ASSAULT"]


# "fought back from a set down", "came out fighting": a comeback or a manner of play


def test_fighting_back_from_a_deficit_is_a_comeback(extract: Extract) -> None:
    extraction = extract("The Dane fought back from two sets down in the semi-final.")
    assert "fought" not in triggers(extraction)


def test_coming_out_fighting_is_a_manner_of_play(extract: Extract) -> None:
    extraction = extract("The home side came out fighting after the break.")
    assert "fighting" not in triggers(extraction)


def test_fighting_back_against_rebels_stays_an_assault(extract: Extract) -> None:
    extraction = extract("The soldiers fought back against the rebels from their trenches.")
    assert _types(extraction, "fought") == ["ASSAULT"]


# "signed autographs", "a shirt signed by the squad": a keepsake, no agreement or endorsement


def test_signing_autographs_is_no_endorsement(extract: Extract) -> None:
    extraction = extract("The drummer greeted the crowd and signed autographs.")
    assert "signed" not in triggers(extraction)


def test_a_single_signed_by_a_band_is_a_keepsake(extract: Extract) -> None:
    extraction = extract("The band's first single, signed by all four members, sold for £900.")
    assert "signed" not in triggers(extraction)


def test_signing_a_petition_stays_support(extract: Extract) -> None:
    extraction = extract("Thousands signed the petition against the new road.")
    assert _types(extraction, "signed") == ["SUPPORT"]


# a device that "supports" systems or formats is compatible with them, it backs no one


def test_a_chip_supporting_operating_systems_is_compatibility(extract: Extract) -> None:
    extraction = extract(
        "The chip maker said its processor would support several operating systems."
    )
    assert "support" not in triggers(extraction)


def test_supporting_a_un_resolution_stays_support(extract: Extract) -> None:
    extraction = extract("Norway said it would support a UN resolution on the blockade.")
    assert "support" in triggers(extraction)


def test_supporting_a_candidate_stays_support(extract: Extract) -> None:
    extraction = extract("The union said it would support the mayor in the election.")
    assert "support" in triggers(extraction)
