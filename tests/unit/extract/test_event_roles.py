"""Event arguments read from syntax, actor sectors, types that need an attacker, the main
event of a headline and the main event's date. Every sentence is invented for the test."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from shared.models import Event
from tests.unit.extract.event_lookup import event_of as _event

Extract = Callable[..., Extraction]


def _main(extraction: Extraction) -> Event:
    (event,) = [e for e in extraction.events if e.is_main]
    return event


def _actors(event: Event) -> list[str]:
    return [a.text for a in event.actors]


def _targets(event: Event) -> list[str]:
    return [t.text for t in event.targets]


def test_active_subject_is_actor_and_object_is_target(extract: Extract) -> None:
    event = _event(extract("Rebel fighters attacked the garrison near the river."), "attacked")
    assert _actors(event) == ["Rebel fighters"]
    assert _targets(event) == ["the garrison"] or _targets(event) == ["garrison"]


def test_passive_by_agent_is_actor(extract: Extract) -> None:
    event = _event(extract("The convoy was ambushed by insurgents on Tuesday."), "ambushed")
    assert _actors(event) == ["insurgents"]
    assert [t.sector for t in event.actors] == ["REB"]
    assert "convoy" in " ".join(_targets(event))


def test_possessor_of_a_nominal_trigger_is_actor(extract: Extract) -> None:
    event = _event(extract("Ruritania's attack on the port lasted two hours."), "attack")
    assert _actors(event) == ["Ruritania"]
    assert _targets(event) == ["the port"] or _targets(event) == ["port"]


def test_talks_between_two_parties_make_both_actors(extract: Extract) -> None:
    extraction = extract("Talks between the unions and the employers resumed on Monday.")
    assert len(_event(extraction, "Talks").actors) == 2


def test_control_verb_passes_its_subject_to_the_infinitive(extract: Extract) -> None:
    event = _event(extract("The militia vowed to attack the capital."), "attack")
    assert _actors(event) == ["militia"]


def test_object_control_verb_passes_its_object_to_the_infinitive(extract: Extract) -> None:
    event = _event(extract("The general ordered the soldiers to withdraw."), "withdraw")
    assert _actors(event) == ["soldiers"]


def test_passive_subject_of_an_object_control_verb_is_the_infinitive_agent(
    extract: Extract,
) -> None:
    event = _event(extract("The militiamen were ordered to attack the depot."), "attack")
    assert _actors(event) == ["militiamen"]


def test_subject_of_a_raising_passive_is_the_infinitive_agent(extract: Extract) -> None:
    event = _event(extract("The rebels are expected to attack the depot at dawn."), "attack")
    assert _actors(event) == ["rebels"]


def test_relative_clause_subject_is_the_modified_noun(extract: Extract) -> None:
    extraction = extract("Officials named the gunmen who attacked the checkpoint.")
    assert "gunmen" in " ".join(_actors(_event(extraction, "attacked")))


def test_lowercase_police_is_cop_actor(extract: Extract) -> None:
    event = _event(extract("police arrested three men near the bus depot on monday."), "arrested")
    assert _actors(event) == ["police"]
    assert [a.sector for a in event.actors] == ["COP"]


def test_all_caps_army_is_mil_actor(extract: Extract) -> None:
    event = _event(extract("THE ARMY KILLED FOUR MILITANTS IN THE HILLS."), "KILLED")
    assert [a.sector for a in event.actors] == ["MIL"]


def test_agent_of_an_attack_named_in_the_in_phrase_is_actor(extract: Extract) -> None:
    event = _event(extract("two youths were killed in police firing at the village."), "killed")
    assert [a.sector for a in event.actors] == ["COP"]


def test_accident_without_attacker_is_not_assault(extract: Extract) -> None:
    event = _event(extract("The bus killed six passengers when it skidded on the road."), "killed")
    assert event.type == "ACCIDENT"


def test_killing_with_no_one_named_as_killer_is_not_assault(extract: Extract) -> None:
    event = _event(extract("Seven people were killed in the northern district."), "killed")
    assert event.type == "OTHER"


def test_killing_by_a_named_attacker_stays_assault(extract: Extract) -> None:
    event = _event(extract("A gunman killed seven people in the market."), "killed")
    assert event.type == "ASSAULT"
    assert _actors(event) == ["gunman"]


def test_word_of_a_longer_place_name_is_no_country(extract: Extract) -> None:
    extraction = extract("Police in south Lakeford arrested a man.")
    countries = {a.country for e in extraction.events for a in e.actors}
    assert "SSD" not in countries and "KOR" not in countries


def test_headline_predicate_is_the_main_event_when_it_names_no_ontology_event(
    extract: Extract,
) -> None:
    title = "Bakery chain shrinks its famous loaf"
    body = "Customers criticized the change. A spokesman said the company backed the decision."
    main = _main(extract(f"{title}\n\n{body}", title=title))
    assert main.trigger.text == "shrinks"
    assert _actors(main) == ["Bakery chain"]


def test_main_event_takes_the_actors_of_its_lede_mention(extract: Extract) -> None:
    title = "Deadly attack on border post"
    body = "A suicide bomber attacked a border post in the east on Wednesday, officials said."
    main = _main(extract(f"{title}\n\n{body}", title=title))
    assert main.type == "ASSAULT"
    assert "bomber" in " ".join(_actors(main))


def test_main_event_dated_outside_the_news_week_takes_the_publication_day(
    extract: Extract,
) -> None:
    main = _main(extract("Rebels stormed the town in March 2019, the report found."))
    assert main.time is not None and main.time.source == "publication"
    assert str(main.time.date) == "2024-05-16"


def test_trigger_word_inside_a_hyphenated_compound_is_no_event(extract: Extract) -> None:
    extraction = extract("The cable firm launched a new video-on-demand service.")
    assert not [e for e in extraction.events if e.trigger.text == "demand"]


def test_commercial_offer_is_no_agreement(extract: Extract) -> None:
    extraction = extract("The shop offers cheaper phones to students.")
    assert not [e for e in extraction.events if e.trigger.text == "offers"]


def test_offer_to_act_expresses_intent(extract: Extract) -> None:
    event = _event(extract("Norway offered to mediate between the two sides."), "offered")
    assert event.type == "AGREE"


def test_committing_a_crime_is_no_commitment(extract: Extract) -> None:
    extraction = extract("The forum taught members how to commit fraud.")
    assert not [e for e in extraction.events if e.trigger.text == "commit"]


def test_state_aircraft_killing_is_an_attack(extract: Extract) -> None:
    event = _event(extract("Ruritanian aircraft killed four fighters near the dam."), "killed")
    assert event.type == "ASSAULT"


def test_verb_with_a_thing_as_subject_is_no_act(extract: Extract) -> None:
    extraction = extract("The new figures supported the view that prices will fall.")
    assert not [e for e in extraction.events if e.trigger.text == "supported"]


def test_counted_people_as_subject_can_act(extract: Extract) -> None:
    event = _event(extract("Thousands of farmers demonstrated in the capital."), "demonstrated")
    assert event.type == "PROTEST"


def test_event_in_present_tense_dated_after_publication_is_planned(extract: Extract) -> None:
    event = _event(extract("The two ministers meet in Geneva tomorrow."), "meet")
    assert event.status == "planned"


def test_death_in_police_firing_has_the_police_as_actor(extract: Extract) -> None:
    event = _event(extract("two persons died in police firing near the market."), "died")
    assert [a.sector for a in event.actors] == ["COP"]
    assert "persons" in " ".join(_targets(event))


def test_taking_into_custody_is_an_arrest(extract: Extract) -> None:
    event = _event(extract("the police took three men into custody on sunday."), "took")
    assert (event.type, event.mode) == ("COERCE", "arrest")
    assert [a.sector for a in event.actors] == ["COP"]


def test_headline_name_glued_to_a_misread_verb_is_the_subject(extract: Extract) -> None:
    title = "Ruritan President Valdo lands in Norland to meet King Odo"
    extraction = extract(f"{title}\n\nThe visit is the first in a decade.", title=title)
    assert "Valdo" in " ".join(_actors(_event(extraction, "meet")))


def test_time_in_the_possessive_is_no_actor(extract: Extract) -> None:
    extraction = extract("Police arrested two men after Saturday's attack on the depot.")
    assert not _actors(_event(extraction, "attack"))


def test_exploding_device_is_no_attacker(extract: Extract) -> None:
    extraction = extract("A militant planted the device, which exploded near the gate.")
    assert "device" not in " ".join(_actors(_event(extraction, "exploded")))


def test_offer_to_a_named_state_is_an_offer_between_actors(extract: Extract) -> None:
    event = _event(extract("Ruritania offered its troops to Norland's president."), "offered")
    assert event.type == "AGREE"


def test_relative_clause_on_a_thing_is_no_act(extract: Extract) -> None:
    extraction = extract("The prizes, which recognise new poetry, were founded in 1990.")
    assert not [e for e in extraction.events if e.trigger.text == "recognise"]


def test_economic_demand_is_no_request(extract: Extract) -> None:
    extraction = extract("Traders expect a drop in demand for heating oil.")
    assert not [e for e in extraction.events if e.type == "REQUEST"]


def test_demand_made_by_a_union_is_a_request(extract: Extract) -> None:
    extraction = extract("The union's demand for higher pay was rejected.")
    assert _event(extraction, "demand").type == "REQUEST"


def test_objective_of_names_the_target_of_a_nominal_attack(extract: Extract) -> None:
    extraction = extract("The bombing of the court house shocked the region.")
    assert "court house" in " ".join(_targets(_event(extraction, "bombing")))


def test_participle_agent_is_the_actor_of_an_event_noun(extract: Extract) -> None:
    extraction = extract("The raids carried out by the militia left the town empty.")
    assert _actors(_event(extraction, "raids")) == ["militia"]


def test_light_verb_subject_acts_through_a_series_of_events(extract: Extract) -> None:
    extraction = extract("The rebel army launched a series of attacks on the capital.")
    assert "army" in " ".join(_actors(_event(extraction, "attacks")))


def test_what_an_attack_noun_does_as_subject_it_does_to_its_target(extract: Extract) -> None:
    extraction = extract("The blast destroyed a bakery near the station.")
    assert _targets(_event(extraction, "blast")) == ["bakery"]


def test_police_take_the_country_of_the_place_of_the_event(extract: Extract) -> None:
    event = _event(extract("Police arrested four men in Nairobi on Monday."), "arrested")
    assert [(a.sector, a.country) for a in event.actors] == [("COP", "KEN")]


def test_matrix_event_outranks_its_purpose_clause(extract: Extract) -> None:
    main = _main(extract("The rebels withdrew from the hills to allow aid convoys to pass."))
    assert main.trigger.text == "withdrew"


def test_releasing_prisoners_is_a_retreat(extract: Extract) -> None:
    """CAMEO 0841 "release person(s)", which PLOVER files under RETREAT."""
    event = _event(extract("The government released forty prisoners on Monday."), "released")
    assert event.type == "RETREAT"


def test_releasing_an_album_is_no_concession(extract: Extract) -> None:
    extraction = extract("The band released a new album last week.")
    assert not [e for e in extraction.events if e.trigger.text == "released"]


def test_debts_building_up_are_no_mobilisation(extract: Extract) -> None:
    extraction = extract("Debts built up over twenty years were written off.")
    assert not [e for e in extraction.events if e.type == "MOBILIZE"]


def test_troops_building_up_are_a_mobilisation(extract: Extract) -> None:
    extraction = extract("The army built up its forces along the border.")
    assert [e for e in extraction.events if e.type == "MOBILIZE"]


def test_lifting_a_state_of_emergency_is_a_concession(extract: Extract) -> None:
    event = _event(extract("The government lifted the state of emergency in the east."), "lifted")
    assert event.type == "CONCEDE"


def test_fighting_hunger_is_no_event(extract: Extract) -> None:
    extraction = extract("The charity is raising money to fight hunger in the region.")
    assert not [e for e in extraction.events if e.trigger.text == "fight"]


def test_fighting_rebels_is_an_event(extract: Extract) -> None:
    extraction = extract("Soldiers fought the rebels near the border on Sunday.")
    assert _event(extraction, "fought").type == "ASSAULT"


def test_who_signs_a_deal_is_a_party_of_it(extract: Extract) -> None:
    extraction = extract("Norland Oil signed a supply deal with Ruritania on Monday.")
    actors = " ".join(_actors(_event(extraction, "deal")))
    assert "Norland Oil" in actors and "Ruritania" in actors


def test_the_accused_is_a_person_not_an_accusation(extract: Extract) -> None:
    extraction = extract("the accused was arrested by the police on tuesday.")
    assert [e.type for e in extraction.events] == ["COERCE"]


def test_killed_when_police_opened_fire_has_the_police_as_killer(extract: Extract) -> None:
    extraction = extract("two persons were killed when police opened fire on the mob.")
    killed = _event(extraction, "killed")
    assert killed.type == "ASSAULT"
    assert [a.sector for a in killed.actors] == ["COP"]


def test_beaten_to_death_by_police_is_a_killing_by_the_police(extract: Extract) -> None:
    extraction = extract("the youth was beaten to death by the police in custody.")
    (event,) = extraction.events
    assert event.type == "ASSAULT" and "death" in event.trigger.text
    assert [a.sector for a in event.actors] == ["COP"]


def test_support_verb_and_its_event_noun_are_one_event_aimed_at_the_nouns_complement(
    extract: Extract,
) -> None:
    extraction = extract("The junta imposed a curfew on the capital.")
    assert [e.trigger.text for e in extraction.events] == ["imposed"]
    event = _event(extraction, "imposed")
    assert _actors(event) == ["junta"]
    assert _targets(event) == ["capital"]


def test_object_of_a_verb_acting_on_another_event_stays_its_target(extract: Extract) -> None:
    event = _event(extract("The junta lifted the curfew on Monday."), "lifted")
    assert event.type == "CONCEDE"
    assert _targets(event) == ["curfew"]


def test_recipient_of_aid_is_its_target(extract: Extract) -> None:
    event = _event(extract("Ruritania provided aid to Borduria after the storm."), "provided")
    assert _targets(event) == ["Borduria"]


def test_whom_support_is_for_is_its_target(extract: Extract) -> None:
    event = _event(extract("The minister expressed support for the strikers."), "expressed")
    assert _targets(event) == ["strikers"]


def test_name_misparsed_as_an_adjective_of_a_headline_verb_is_its_subject(
    extract: Extract,
) -> None:
    title = "Lavric backs lacklustre Borduria"
    extraction = extract(f"{title}\n\nThe coach spoke on Monday.", title=title)
    assert _actors(_event(extraction, "backs")) == ["Lavric"]


def test_the_one_a_demand_is_made_of_is_its_target(extract: Extract) -> None:
    # CAMEO 10: the target of a demand is whom it is made of, not what is demanded.
    event = _event(
        extract("Fishermen in the south demanded compensation from Ruritania on Monday."),
        "demanded",
    )
    assert "Ruritania" in _targets(event)


def test_a_request_made_of_an_agency_targets_the_agency(extract: Extract) -> None:
    event = _event(extract("The mayor will seek emergency funds from the army."), "seek")
    assert any("army" in t for t in _targets(event))


def test_a_demanded_withdrawal_from_a_city_does_not_target_the_city(extract: Extract) -> None:
    event = _event(extract("Protesters demanded a withdrawal from Valdoria."), "demanded")
    assert "Valdoria" not in " ".join(_targets(event))


def test_a_deadline_is_not_the_agent_of_an_event_noun(extract: Extract) -> None:
    event = _event(extract("The government wants an agreement by June."), "agreement")
    assert "June" not in _actors(event)


def test_a_time_of_day_names_the_day_of_the_event(extract: Extract) -> None:
    # OntoNotes tags "last night" TIME, not DATE: its day must still date the event.
    text = "Minister resigns over scandal\n\nThe minister resigned last night, his office said."
    main = _main(extract(text))
    assert main.time is not None
    assert (main.time.text, str(main.time.date)) == ("last night", "2024-05-15")


def test_a_past_weekend_in_the_lede_dates_the_news(extract: Extract) -> None:
    text = (
        "Thousands protest in capital\n\n"
        "Thousands of people marched through the capital at the weekend against the new law."
    )
    main = _main(extract(text))
    assert main.time is not None
    assert (str(main.time.date), main.time.precision) == ("2024-05-11", "week")


def test_a_weekend_still_to_come_does_not_date_the_news(extract: Extract) -> None:
    text = (
        "Singer misses bail deadline\n\n"
        "The singer will have to spend the weekend in jail after missing a bail deadline."
    )
    main = _main(extract(text))
    assert main.time is None or str(main.time.date) != "2024-05-11"


def test_a_past_act_is_not_dated_by_a_later_events_time(extract: Extract) -> None:
    text = "The authorities have banned the play, due to open in the capital this weekend."
    event = _event(extract(text), "banned")
    assert event.status == "occurred"
    assert event.time is None or event.time.date is None or str(event.time.date) <= "2024-05-16"
