"""Who did it to whom, and from which country: anaphora bound across clauses, control
adjectives, support verbs and the prepositions of event nouns, nationality in titles,
resultative killings and demanded acts. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest
from spacy.language import Language

from services.extract.domain.extractor import Extraction
from services.extract.domain.lemmas import VERB_LEMMA_CORRECTIONS
from shared.models import Event
from tests.unit.extract.event_lookup import event_of as _event

Extract = Callable[..., Extraction]


def _actors(event: Event) -> list[str]:
    return [a.text for a in event.actors]


def _targets(event: Event) -> list[str]:
    return [t.text for t in event.targets]


def test_embedded_it_is_bound_by_the_state_that_said_it(extract: Extract) -> None:
    event = _event(extract("Norway said it would withdraw its troops next year."), "withdraw")
    (actor,) = event.actors
    assert (actor.text, actor.name, actor.country) == ("it", "Norway", "NOR")


def test_embedded_they_is_bound_by_the_group_that_said_it(extract: Extract) -> None:
    event = _event(extract("The rebels said they would attack the garrison."), "attack")
    (actor,) = event.actors
    assert (actor.text, actor.sector) == ("they", "REB")


def test_it_is_not_bound_to_a_thing(extract: Extract) -> None:
    event = _event(extract("The report said it would support the merger."), "support")
    assert event.actors == ()


def test_control_adjective_passes_its_subject_to_the_infinitive(extract: Extract) -> None:
    event = _event(extract("Norway is willing to withdraw its troops."), "withdraw")
    assert _actors(event) == ["Norway"]


def test_demonym_in_a_title_gives_the_official_his_country(extract: Extract) -> None:
    event = _event(
        extract("Norwegian President Ola Berg promised to release the prisoners."), "release"
    )
    assert [(a.name, a.country) for a in event.actors] == [("Ola Berg", "NOR")]


def test_country_name_read_as_an_adjective_still_names_the_country(extract: Extract) -> None:
    event = _event(extract("The Mozambique government accepted the demands."), "accepted")
    assert [a.country for a in event.actors] == ["MOZ"]


@pytest.mark.parametrize("form", sorted(VERB_LEMMA_CORRECTIONS))
def test_verb_forms_get_their_own_lemma(nlp: Language, form: str) -> None:
    (verb,) = [t for t in nlp(f"They {form} it.") if t.lower_ == form]
    if verb.tag_.startswith("VB"):
        assert verb.lemma_ == VERB_LEMMA_CORRECTIONS[form]


def test_subject_of_a_support_verb_stages_the_protest(extract: Extract) -> None:
    event = _event(extract("Students staged a rally outside the ministry."), "rally")
    assert _actors(event) == ["Students"]


def test_subject_of_issue_is_the_source_of_an_ultimatum(extract: Extract) -> None:
    event = _event(extract("The council issued an ultimatum on Monday."), "ultimatum")
    assert _actors(event) == ["council"]


def test_protest_with_a_state_is_lodged_with_it_not_by_it(extract: Extract) -> None:
    event = _event(extract("The government lodged a formal protest with Norway."), "protest")
    assert _actors(event) == ["government"]
    assert _targets(event) == ["Norway"]


def test_demands_from_a_group_are_that_groups(extract: Extract) -> None:
    event = _event(extract("The minister rejected demands from the rebels."), "demands")
    assert _actors(event) == ["rebels"]


def test_possessive_pronoun_on_an_event_noun_is_bound_by_the_subject(extract: Extract) -> None:
    event = _event(extract("The union repeated its demand for higher pay."), "demand")
    assert _actors(event) == ["union"]


def test_shot_dead_is_a_killing_and_dead_is_not_the_victim(extract: Extract) -> None:
    event = _event(extract("Soldiers shot dead two smugglers near the border."), "shot dead")
    assert (event.type, event.mode) == ("ASSAULT", "small-arms")
    assert _targets(event) == ["two smugglers"]


def test_burnt_alive_is_a_killing(extract: Extract) -> None:
    extraction = extract("Two farmers were burnt alive by the attackers.")
    assert _event(extraction, "burnt alive").type == "ASSAULT"


def test_mandative_subjunctive_is_demanded_not_done(extract: Extract) -> None:
    extraction = extract("The rebels demanded that the army withdraw from the town.")
    assert _event(extraction, "withdraw").status == "planned"
    assert _event(extraction, "demanded").status == "occurred"


def test_those_involved_in_an_attack_are_its_actors(extract: Extract) -> None:
    extraction = extract("Investigators said six officers were involved in the attack.")
    assert _actors(_event(extraction, "attack")) == ["six officers"]


def test_a_group_claiming_responsibility_is_the_actor(extract: Extract) -> None:
    extraction = extract("The group claimed responsibility for the bombing.")
    assert _actors(_event(extraction, "bombing")) == ["group"]


def test_who_took_part_in_a_protest_protested(extract: Extract) -> None:
    extraction = extract("Hundreds of nurses took part in the protest.")
    assert _actors(_event(extraction, "protest")) == ["Hundreds of nurses"]


def test_an_organisation_is_named_by_its_whole_name(extract: Extract) -> None:
    extraction = extract("The Police Federation said it would oppose the plan.")
    assert [a.name for a in _event(extraction, "oppose").actors] == ["Police Federation"]


def test_coordinated_organisations_keep_their_own_names(extract: Extract) -> None:
    extraction = extract("The plan is supported by Amnesty International and Liberty.")
    names = [a.name for a in _event(extraction, "supported").actors]
    assert "Amnesty International and Liberty" not in names


def test_pleading_guilty_is_no_appeal(extract: Extract) -> None:
    extraction = extract("Three executives pleaded guilty to fraud on Tuesday.")
    assert [e.type for e in extraction.events if e.trigger.text == "pleaded"] == []


def test_pleading_with_someone_is_an_appeal(extract: Extract) -> None:
    extraction = extract("The families pleaded with the government to release the men.")
    assert _event(extraction, "pleaded").type == "REQUEST"


def test_calling_something_a_name_is_no_call_for_anything(extract: Extract) -> None:
    extraction = extract("Fans called him a hero for his goal.")
    assert [e for e in extraction.events if e.trigger.text.startswith("called")] == []


def test_call_for_and_call_on_are_requests(extract: Extract) -> None:
    assert _event(extract("The minister called for calm."), "called for").type == "REQUEST"
    extraction = extract("The president called on the rebels to disarm.")
    assert _event(extraction, "called on").type == "REQUEST"


def test_demand_as_a_quantity_is_no_request(extract: Extract) -> None:
    extraction = extract("Traders expect rising demand for fuel this winter.")
    assert [e for e in extraction.events if e.trigger.text == "demand"] == []


def test_a_demand_someone_makes_is_a_request(extract: Extract) -> None:
    extraction = extract("The union repeated its demand for higher pay.")
    assert _event(extraction, "demand").type == "REQUEST"


def test_noun_of_a_reduced_passive_relative_is_its_target(extract: Extract) -> None:
    extraction = extract("Among the firms accused were three tobacco companies.")
    assert _targets(_event(extraction, "accused")) == ["firms"]


def test_a_demand_is_made_by_the_speaker_of_the_one_who_must_act(extract: Extract) -> None:
    extraction = extract("The charity said both armies must open the border crossing.")
    event = _event(extraction, "open")
    assert event.type == "REQUEST"
    assert (_actors(event), _targets(event)) == (["charity"], ["armies"])


def test_a_demand_in_the_passive_is_made_of_its_subject(extract: Extract) -> None:
    event = _event(extract("The minister said the rebels must be disarmed."), "disarmed")
    assert (_actors(event), _targets(event)) == (["minister"], ["rebels"])


def test_an_act_announced_unless_the_other_side_complies_is_an_ultimatum(
    extract: Extract,
) -> None:
    extraction = extract(
        "The council announced that it would withdraw its observers unless the militia "
        "freed the hostages."
    )
    event = _event(extraction, "withdraw")
    assert (event.type, event.status) == ("THREATEN", "threatened")


def test_an_unconditional_announcement_stays_a_promise(extract: Extract) -> None:
    extraction = extract("The council announced that it would withdraw its observers.")
    assert _event(extraction, "withdraw").type == "AGREE"


def test_a_condition_on_chance_is_no_ultimatum(extract: Extract) -> None:
    extraction = extract("The ministers will meet on Monday unless the storm closes the airport.")
    assert _event(extraction, "meet").type == "CONSULT"


@pytest.mark.parametrize(
    "sentence",
    [
        "The aid agency opened an office in the capital.",
        "Union members voted in a strike ballot on Tuesday.",
        "The ban details were published on Friday.",
    ],
)
def test_a_trigger_noun_naming_a_kind_of_thing_is_no_event(extract: Extract, sentence: str) -> None:
    assert [e.trigger.text for e in extract(sentence).events] == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "event_type"),
    [
        ("Dockers began strike action at the port.", "strike", "PROTEST"),
        ("A crash survivor described the scene.", "crash", "ACCIDENT"),
        ("Police foiled an assassination attempt.", "assassination", "ASSAULT"),
    ],
)
def test_a_trigger_noun_before_an_event_noun_is_the_event(
    extract: Extract, sentence: str, trigger: str, event_type: str
) -> None:
    assert _event(extract(sentence), trigger).type == event_type


def test_the_words_of_a_multiword_trigger_are_none_of_its_arguments(extract: Extract) -> None:
    event = _event(extract("The guards opened fire on the crowd."), "opened fire")
    assert (_actors(event), _targets(event)) == (["guards"], ["crowd"])
    bare = _event(extract("The guards opened fire."), "opened fire")
    assert _targets(bare) == []


def test_an_event_in_a_relative_clause_is_background_to_the_main_clause(
    extract: Extract,
) -> None:
    extraction = extract(
        "The singer, who backs a children's charity, won the award. She met the prime minister "
        "on Tuesday."
    )
    (main,) = [e for e in extraction.events if e.is_main]
    assert main.trigger.text == "met"


def test_a_purpose_is_as_unreal_as_the_demanded_act_it_serves(extract: Extract) -> None:
    extraction = extract(
        "The charity said both armies must ensure safety to allow aid convoys to reach the town."
    )
    assert _event(extraction, "allow").status == "hypothetical"
    (main,) = [e for e in extraction.events if e.is_main]
    assert (main.type, _actors(main)) == ("REQUEST", ["charity"])


def test_a_purpose_of_a_real_act_is_intended(extract: Extract) -> None:
    extraction = extract("The general resigned to allow elections to take place.")
    assert _event(extraction, "allow").status == "planned"


@pytest.mark.parametrize(
    "sentence",
    [
        "The defending champion finished second behind the Kenyan runner.",
        "They kept fighting to the very end, and the crowd loved it.",
    ],
)
def test_a_verb_of_exchange_with_neither_side_is_no_event(extract: Extract, sentence: str) -> None:
    text = f"Runner takes silver in Oslo\n\nThe race was run in Oslo on Sunday. {sentence}"
    extraction = extract(text, title="Runner takes silver in Oslo")
    assert [e.type for e in extraction.events if not e.is_main and e.type != "OTHER"] == []


def test_a_noun_of_exchange_needs_no_side_in_its_sentence(extract: Extract) -> None:
    extraction = extract("The ministers arrived in Oslo. The meeting ended without a statement.")
    assert [e.type for e in extraction.events if e.trigger.text == "meeting"] == ["CONSULT"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The studio released a trailer for the film.",
        "The company released a screensaver last week.",
    ],
)
def test_releasing_a_thing_is_no_concession(extract: Extract, sentence: str) -> None:
    assert [e.type for e in extract(sentence).events] == []


def test_releasing_prisoners_is_a_retreat(extract: Extract) -> None:
    event = _event(extract("The rebels released two prisoners."), "released")
    assert (event.type, _targets(event)) == ("RETREAT", ["two prisoners"])


def test_a_rally_of_a_commodity_is_a_market_move(extract: Extract) -> None:
    extraction = extract(
        "Strong demand triggers oil rally", title="Strong demand triggers oil rally"
    )
    assert "PROTEST" not in [e.type for e in extraction.events]


@pytest.mark.parametrize(
    ("sentence", "hosted"),
    [
        ("Egypt hosted talks between the two factions.", True),
        ("The king hosted the visiting president.", True),
        ("The stadium hosted 30,000 fans last season.", False),
        ("Two magazines are hosting a gadget show this weekend.", False),
        ("The mayor hosted a cookery show last week.", False),
    ],
)
def test_one_hosts_a_guest_or_a_meeting(extract: Extract, sentence: str, hosted: bool) -> None:
    triggers = [e.trigger.text for e in extract(sentence).events if e.type == "CONSULT"]
    assert any(t.startswith("host") for t in triggers) is hosted


def test_a_passive_conjunct_takes_the_shared_subject_as_its_target(extract: Extract) -> None:
    event = _event(extract("The minister arrived in Kabul and was attacked by gunmen."), "attacked")
    assert (_actors(event), _targets(event)) == (["gunmen"], ["minister"])


def test_an_active_conjunct_takes_the_shared_subject_as_its_actor(extract: Extract) -> None:
    event = _event(extract("Police stormed the house and arrested two men."), "arrested")
    assert (_actors(event), _targets(event)) == (["Police"], ["two men"])


def test_a_copula_under_a_verb_of_belief_states_no_aim(extract: Extract) -> None:
    extraction = extract("Police sought a man believed to be responsible for the bombing.")
    assert _event(extraction, "bombing").status == "occurred"


def test_a_copula_under_a_verb_of_expectation_is_still_ahead(extract: Extract) -> None:
    extraction = extract("The ministers are expected to be at the summit.")
    assert _event(extraction, "summit").status == "planned"


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven fighters died in two accidental explosions near the border.",
        "The device detonated accidentally inside the car.",
    ],
)
def test_harm_said_to_be_unintended_is_an_accident(extract: Extract, sentence: str) -> None:
    text = f"{sentence} Militants had planned to bomb the base."
    assert extract(text).events[0].type == "ACCIDENT"


@pytest.mark.parametrize(
    "sentence",
    [
        "The driver is on trial on charges of murder.",
        "He was jailed for assault last year.",
    ],
)
def test_a_bare_crime_noun_in_a_legal_frame_names_the_offence(
    extract: Extract, sentence: str
) -> None:
    assert "ASSAULT" not in [e.type for e in extract(sentence).events]


def test_a_particular_crime_in_a_legal_frame_is_an_event(extract: Extract) -> None:
    extraction = extract("She was charged with the murder of her neighbour.")
    assert _targets(_event(extraction, "murder")) == ["her neighbour"]


def test_arrested_on_suspicion_names_a_reason_not_a_target(extract: Extract) -> None:
    event = _event(extract("Two men were arrested on suspicion of fraud."), "arrested")
    assert _targets(event) == ["Two men"]


def test_a_demand_made_is_the_news_over_what_would_follow_it(extract: Extract) -> None:
    extraction = extract(
        "The rebels announced that the government must accept their terms before they disarm."
    )
    (main,) = [e for e in extraction.events if e.is_main]
    assert (main.type, main.status, _actors(main)) == ("REQUEST", "hypothetical", ["rebels"])


@pytest.mark.parametrize(
    "sentence",
    [
        '"We must cut spending," the minister said.',
        "The company said it must cut costs.",
    ],
)
def test_an_obligation_the_speaker_owns_is_no_demand(extract: Extract, sentence: str) -> None:
    assert "REQUEST" not in [e.type for e in extract(sentence).events]
