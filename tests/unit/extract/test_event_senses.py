"""Everyday and sports senses of conflict and protest words: no event without the right kind
of argument (the selectional restrictions of ``event_selection``).

Every sentence is invented for the test; each rule has a pair: the other sense (no event)
beside the conflict or protest sense (an event)."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of as _event
from tests.unit.extract.event_lookup import triggers as _triggers

Extract = Callable[..., Extraction]


def test_transitive_demonstrate_is_showing_not_protest(extract: Extract) -> None:
    extraction = extract("The firm demonstrated its new folding tablet at the fair in Oslo.")
    assert "demonstrated" not in _triggers(extraction)


def test_demonstrating_that_is_showing_not_protest(extract: Extract) -> None:
    extraction = extract("The survey demonstrates that the new tax has failed.")
    assert "demonstrates" not in _triggers(extraction)


def test_intransitive_demonstrate_is_a_protest(extract: Extract) -> None:
    extraction = extract("Thousands of students demonstrated against the war in Ruritania.")
    assert _event(extraction, "demonstrated").type == "PROTEST"


def test_blocking_a_deal_is_no_protest(extract: Extract) -> None:
    extraction = extract("The regulator blocked the takeover of the brewery on Monday.")
    assert "blocked" not in _triggers(extraction)


def test_a_blocked_shot_is_no_protest(extract: Extract) -> None:
    extraction = extract("The midfielder had a late shot blocked by the goalkeeper.")
    assert "blocked" not in _triggers(extraction)


def test_protesters_blocking_a_road_protest(extract: Extract) -> None:
    extraction = extract("Angry farmers blocked the main road to the airport in Ruritania.")
    assert _event(extraction, "blocked").type == "PROTEST"


def test_a_growing_number_explodes_without_a_blast(extract: Extract) -> None:
    extraction = extract("The number of cyclists in the city has exploded.")
    assert "exploded" not in _triggers(extraction)


def test_a_market_set_to_explode_is_no_blast(extract: Extract) -> None:
    extraction = extract("The market for smart watches is set to explode next year.")
    assert "explode" not in _triggers(extraction)


def test_blocking_the_passage_of_goods_is_protest(extract: Extract) -> None:
    extraction = extract("Striking farmers blocked supplies to the capital for a week.")
    assert _event(extraction, "blocked").type == "PROTEST"


def test_a_car_bomb_explodes(extract: Extract) -> None:
    extraction = extract("A car bomb exploded near a police station in Ruritania on Monday.")
    assert _event(extraction, "exploded").type == "ASSAULT"


def test_a_pronoun_for_a_device_still_explodes(extract: Extract) -> None:
    extraction = extract(
        "Police found a parcel outside the station. It exploded an hour later, killing two."
    )
    assert "exploded" in _triggers(extraction)


def test_abusing_a_position_is_misuse_not_assault(extract: Extract) -> None:
    extraction = extract("The mayor abused his position to help a friend win the contract.")
    assert "abused" not in _triggers(extraction)


def test_an_abused_benefit_system_is_misuse_not_assault(extract: Extract) -> None:
    extraction = extract("Officials fear the welfare system is being abused by fraudsters.")
    assert "abused" not in _triggers(extraction)


def test_guards_abusing_prisoners_assault(extract: Extract) -> None:
    extraction = extract("Guards abused prisoners at the camp in Ruritania, the report said.")
    assert _event(extraction, "abused").type == "ASSAULT"


def test_an_injury_destroying_a_season_is_no_coercion(extract: Extract) -> None:
    extraction = extract("A knee injury destroyed her season, the sprinter said.")
    assert "destroyed" not in _triggers(extraction)


def test_destruction_by_fire_is_no_coercion(extract: Extract) -> None:
    extraction = extract("The old opera house was destroyed by fire in 1990.")
    assert "destroyed" not in _triggers(extraction)


def test_soldiers_destroying_homes_coerce(extract: Extract) -> None:
    extraction = extract("Soldiers destroyed dozens of homes in a village in Ruritania.")
    assert _event(extraction, "destroyed").type == "COERCE"


def test_striking_a_shot_is_play_not_assault(extract: Extract) -> None:
    extraction = extract("The winger struck a fine shot into the far corner.")
    assert "struck" not in _triggers(extraction)


def test_shooting_wide_is_play_not_assault(extract: Extract) -> None:
    extraction = extract("The striker shot wide from six yards before half-time.")
    assert "shot" not in _triggers(extraction)


def test_storming_to_victory_is_no_assault(extract: Extract) -> None:
    extraction = extract("The young Kenyan stormed to victory in the 5,000m race.")
    assert "stormed" not in _triggers(extraction)


def test_storming_a_building_and_shooting_people_assault(extract: Extract) -> None:
    extraction = extract("Gunmen stormed the town hall in Ruritania and shot two guards.")
    assert _event(extraction, "stormed").type == "ASSAULT"
    assert _event(extraction, "shot").type == "ASSAULT"


def test_a_deal_struck_is_no_attack(extract: Extract) -> None:
    extraction = extract("The union accepted the deal struck with the employers last week.")
    assert "struck" not in _triggers(extraction)


def test_an_agreement_being_struck_is_no_attack(extract: Extract) -> None:
    extraction = extract("Officials said an agreement had been struck after long talks.")
    assert "struck" not in _triggers(extraction)


def test_a_missile_striking_a_base_assault(extract: Extract) -> None:
    extraction = extract("A missile struck an army base in Ruritania on Monday.")
    assert _event(extraction, "struck").type == "ASSAULT"


def test_rallying_to_win_is_a_comeback_not_protest(extract: Extract) -> None:
    extraction = extract("Top seed Maria Lopez rallied to beat Anna Berg in three sets.")
    assert "rallied" not in _triggers(extraction)


def test_rallying_to_clinch_a_set_is_a_comeback_not_protest(extract: Extract) -> None:
    extraction = extract("Johnson rallied to clinch the second set.")
    assert "rallied" not in _triggers(extraction)


def test_rallying_to_demand_is_a_protest(extract: Extract) -> None:
    extraction = extract("Opposition supporters rallied in Ruritania to demand new elections.")
    assert _event(extraction, "rallied").type == "PROTEST"


def test_a_named_players_strike_is_a_shot_not_an_attack(extract: Extract) -> None:
    extraction = extract("A late John Miller strike earned Rovers a 2-1 win on Saturday.")
    assert "strike" not in _triggers(extraction)


def test_a_strike_on_a_target_is_an_attack(extract: Extract) -> None:
    extraction = extract("General Ivanov's strike on the rebel camps in Ruritania killed ten.")
    assert _event(extraction, "strike").type == "ASSAULT"


def test_in_attack_is_a_playing_role_not_an_attack(extract: Extract) -> None:
    extraction = extract("The young winger was quick in attack and solid in defence.")
    assert "attack" not in _triggers(extraction)


def test_killed_in_an_attack_is_an_attack(extract: Extract) -> None:
    extraction = extract("Two soldiers were killed in an attack on a convoy in Ruritania.")
    assert _event(extraction, "attack").type == "ASSAULT"


def test_an_indoor_meeting_is_athletics_not_talks(extract: Extract) -> None:
    extraction = extract("She won the 60m at an indoor meeting in Glasgow on Sunday.")
    assert "meeting" not in _triggers(extraction)


def test_ministers_meeting_is_talks(extract: Extract) -> None:
    extraction = extract("The two foreign ministers held a meeting in Ruritania on Monday.")
    assert _event(extraction, "meeting").type == "CONSULT"


def test_scenes_shot_in_a_city_are_filmed_not_attacked(extract: Extract) -> None:
    extraction = extract("Most of the scenes were shot in Prague over the summer.")
    assert "shot" not in _triggers(extraction)


def test_police_shooting_a_gunman_is_an_assault(extract: Extract) -> None:
    extraction = extract("Police shot a gunman outside the station in Ruritania.")
    assert _event(extraction, "shot").type == "ASSAULT"


def test_figures_shooting_up_is_a_rise_not_assault(extract: Extract) -> None:
    extraction = extract("Membership of the club has shot up since May.")
    assert "shot" not in _triggers(extraction)


def test_gunmen_shooting_at_a_checkpoint_is_an_assault(extract: Extract) -> None:
    extraction = extract("Gunmen shot two guards at a checkpoint in Ruritania on Saturday.")
    assert _event(extraction, "shot").type == "ASSAULT"


def test_a_league_clash_is_a_match_not_a_fight(extract: Extract) -> None:
    extraction = extract("He was ruled out of the league clash with Rovers.")
    assert "clash" not in _triggers(extraction)


def test_a_second_round_clash_is_a_match_not_a_fight(extract: Extract) -> None:
    extraction = extract("She set up a second round clash with the top seed by beating her rival.")
    assert "clash" not in _triggers(extraction)


def test_a_border_clash_with_rebels_is_an_assault(extract: Extract) -> None:
    extraction = extract("Two soldiers died in a border clash with rebels in Ruritania.")
    assert _event(extraction, "clash").type == "ASSAULT"


def test_relief_as_a_feeling_is_no_aid(extract: Extract) -> None:
    extraction = extract("The home fans breathed a sigh of relief when the final whistle blew.")
    assert "relief" not in _triggers(extraction)


def test_tax_relief_is_no_aid(extract: Extract) -> None:
    extraction = extract("The chancellor announced tax relief for small firms in the budget.")
    assert "relief" not in _triggers(extraction)


def test_relief_of_a_need_and_the_relief_effort_are_aid(extract: Extract) -> None:
    flood = extract("Donor nations pledged $50m in flood relief for the stricken province.")
    effort = extract("The singer gave the prize money to relief efforts for the victims.")
    assert _event(flood, "relief").type == "AID"
    assert _event(effort, "relief").type == "AID"


def test_one_person_marching_on_is_no_protest(extract: Extract) -> None:
    extraction = extract("The champion marched on in Northport with a straight-sets win.")
    assert "marched" not in _triggers(extraction)


def test_troops_marching_into_a_city_are_no_protest(extract: Extract) -> None:
    extraction = extract("Soldiers marched into the streets of the city at dawn.")
    assert "marched" not in _triggers(extraction)


def test_the_upward_march_of_prices_is_no_protest(extract: Extract) -> None:
    extraction = extract("As fuel prices continue their upward march, drivers are worried.")
    assert "march" not in _triggers(extraction)


def test_people_marching_as_a_body_or_with_a_leader_protest(extract: Extract) -> None:
    crowd = extract("Thousands of pensioners marched through the capital on Sunday.")
    assert _event(crowd, "marched").type == "PROTEST"
    led = extract("The opposition leader marched with supporters to the palace.")
    assert _event(led, "marched").type == "PROTEST"
    rally = extract("Organisers planned a march to mark the anniversary of the closure.")
    assert _event(rally, "march").type == "PROTEST"


def test_troops_ordered_to_march_are_no_protest(extract: Extract) -> None:
    extraction = extract("The minister ordered the troops to march into the capital.")
    assert "march" not in _triggers(extraction)


def test_one_named_person_marching_up_to_someone_is_no_protest(extract: Extract) -> None:
    extraction = extract("On the show, with Anna Rivers marching up to him, the host fell silent.")
    assert "marching" not in _triggers(extraction)


def test_attacking_plans_or_lies_is_criticism_even_in_a_war_story(extract: Extract) -> None:
    text = (
        "The war has cost thousands of lives. The opposition leader attacked the government's "
        "plans for the army. Rebels attacked the garrison at dawn."
    )
    attacks = [e for e in extract(text).events if e.trigger.text == "attacked"]
    assert [e.type for e in attacks] == ["ACCUSE", "ASSAULT"]


def test_shooting_game_animals_is_hunting_not_an_attack(extract: Extract) -> None:
    extraction = extract("Hunters will still be allowed to shoot foxes on the estate.")
    assert "shoot" not in _triggers(extraction)


def test_shooting_on_a_sequel_or_on_location_is_filming(extract: Extract) -> None:
    assert "Shooting" not in _triggers(extract("Shooting on the sequel is expected to begin."))
    assert "shooting" not in _triggers(extract("The crew did some location shooting in Oslo."))


def test_shooting_people_is_an_attack(extract: Extract) -> None:
    extraction = extract("Gunmen shot three police officers in the city.")
    assert _event(extraction, "shot").type == "ASSAULT"
    assert _event(extract("The shooting of two girls shocked the city."), "shooting").type == (
        "ASSAULT"
    )


def test_a_rally_of_a_currency_or_a_player_is_no_protest(extract: Extract) -> None:
    market = extract("Weak figures ended a rally in the value of the dollar.")
    assert "rally" not in _triggers(market)
    sport = extract("He withstood a third-set rally from Moya to win.")
    assert "rally" not in _triggers(sport)
    mentioned = extract("Fears about terrorism have played a part in the rally.")
    assert "rally" not in _triggers(mentioned)


def test_a_rally_people_stage_or_that_draws_a_crowd_is_a_protest(extract: Extract) -> None:
    staged = extract("Fans will stage a rally in Northport on Friday.")
    assert _event(staged, "rally").type == "PROTEST"
    against = extract("Thousands attended a rally against the war.")
    assert _event(against, "rally").type == "PROTEST"
    crowd = extract("The rally drew 10,000 people.")
    assert _event(crowd, "rally").type == "PROTEST"
