"""Who acted, when the clause of the event names them by a pronoun or not at all: the binding of
"it" and "he" by the subject of the clause above, and the control of a subjectless gerund.
Every sentence is invented for the test."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from shared.models import Participant
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def _actor(extraction: Extraction, trigger: str) -> Participant:
    (actor,) = event_of(extraction, trigger).actors
    return actor


def test_it_in_a_reported_clause_stands_for_the_reporting_company(extract: Extract) -> None:
    actor = _actor(extract("The company said it would sue the regulator."), "sue")
    assert (actor.text, actor.name) == ("it", "company")


def test_it_stands_for_an_organisation_whose_name_looks_plural(extract: Extract) -> None:
    actor = _actor(extract("General Motors said it had sued the regulator."), "sued")
    assert (actor.text, actor.name) == ("it", "General Motors")


def test_general_in_a_company_name_is_no_military_rank(extract: Extract) -> None:
    actor = _actor(extract("General Motors said it had sued the regulator."), "sued")
    assert actor.sector != "MIL"


def test_it_stands_for_the_body_a_spokesman_speaks_for(extract: Extract) -> None:
    text = "A spokesman for Northport Bank said it would sue the regulator."
    actor = _actor(extract(text), "sue")
    assert (actor.text, actor.name) == ("it", "Northport Bank")


def test_it_does_not_stand_for_a_person_named_by_a_title(extract: Extract) -> None:
    event = event_of(extract("The minister said it would sue the regulator."), "sue")
    assert event.actors == ()


def test_he_bound_by_the_reporting_official_takes_the_officials_country(
    extract: Extract,
) -> None:
    text = "Russian President Ivan Petrov said he would attack the rebels."
    actor = _actor(extract(text), "attack")
    assert (actor.text, actor.name, actor.country, actor.sector) == (
        "he",
        "Ivan Petrov",
        "RUS",
        "GOV",
    )


def test_a_gerund_after_a_preposition_is_done_by_the_subject(extract: Extract) -> None:
    text = "Mr Fox responded by accusing the prime minister of lying."
    assert _actor(extract(text), "accusing").text == "Mr Fox"


def test_a_gerund_after_a_passive_is_done_by_its_subject(extract: Extract) -> None:
    text = "The firm was fined for having violated the takeover rules."
    assert _actor(extract(text), "violated").text == "firm"


def test_a_gerund_of_the_objects_deed_is_done_by_the_object(extract: Extract) -> None:
    text = "Northport rewarded Ruritania for giving up its weapons."
    assert _actor(extract(text), "giving up").text == "Ruritania"


def test_capitalised_us_is_the_united_states_not_the_pronoun(extract: Extract) -> None:
    actor = _actor(extract("Ruritania said the US should back its bid."), "back")
    assert actor.country == "USA"


def test_a_passive_gerund_is_done_to_the_subject(extract: Extract) -> None:
    text = "Petrov and Ivanova face a trial after being charged with avoiding a drug test."
    event = event_of(extract(text), "charged")
    assert event.actors == ()
    assert [t.text for t in event.targets] == ["Petrov", "Ivanova"]


def test_a_gerund_under_a_passive_gerund_is_done_by_its_patient(extract: Extract) -> None:
    text = "The party is in trouble after being accused of funding the rebels."
    assert _actor(extract(text), "funding").text == "party"


def test_the_modifier_of_a_title_names_no_civilian(extract: Extract) -> None:
    text = "The home secretary said he would launch an investigation."
    actor = _actor(extract(text), "investigation")
    assert (actor.name, actor.sector) == ("home secretary", None)


def test_it_in_a_content_clause_of_the_object_stands_for_the_subject(extract: Extract) -> None:
    text = "Northport Motors denied claims that it had sued the regulator."
    actor = _actor(extract(text), "sued")
    assert (actor.text, actor.name) == ("it", "Northport Motors")


def test_she_in_a_content_clause_of_the_object_is_the_subject(extract: Extract) -> None:
    text = "The minister denied reports that she had met the rebels."
    actor = _actor(extract(text), "met")
    assert (actor.text, actor.name) == ("she", "minister")


def test_a_content_clause_names_no_patient_of_its_noun(extract: Extract) -> None:
    text = "Kim Petrova has denied reports that she has pulled out of the tournament."
    assert event_of(extract(text), "pulled out").targets == ()


def test_a_proper_name_in_apposition_names_the_participant(extract: Extract) -> None:
    text = "The telecoms regulator, Ofcom, urged the firms to cut prices."
    actor = _actor(extract(text), "urged")
    assert (actor.text, actor.name) == ("telecoms regulator", "Ofcom")


def test_the_company_refers_to_the_organisation_last_named(extract: Extract) -> None:
    text = "Shares in Northport Motors fell on Monday. The company sued the regulator."
    assert _actor(extract(text), "sued").name == "Northport Motors"


def test_a_described_company_takes_no_name_of_its_description(extract: Extract) -> None:
    text = "Shares in Northport Motors fell on Monday. The car company sued the regulator."
    assert _actor(extract(text), "sued").name is None


def test_names_in_apposition_to_a_plural_are_not_its_one_name(extract: Extract) -> None:
    text = "Two Ruritanian banks, Northport Bank and Eastport Bank, agreed to pay a fine."
    assert _actor(extract(text), "agreed").name is None


def test_the_companies_refer_to_no_one_organisation(extract: Extract) -> None:
    text = "Shares in Northport Motors fell on Monday. The companies sued the regulator."
    assert _actor(extract(text), "sued").name is None


def test_a_country_in_apposition_names_the_neighbour(extract: Extract) -> None:
    text = "Ruritania said it would attack its neighbour, Moldavia, next week."
    (target,) = event_of(extract(text), "attack").targets
    assert (target.text, target.name) == ("its neighbour", "Moldavia")


def test_his_on_a_pledge_is_the_person_who_pledged(extract: Extract) -> None:
    text = "Jan Kovac won the election in May. But he went back on his pledge after a row."
    actor = _actor(extract(text), "pledge")
    assert (actor.text, actor.name) == ("his", "Jan Kovac")


def test_his_on_an_arrest_names_no_actor(extract: Extract) -> None:
    text = "Jan Kovac won the election in May. He appealed against his arrest."
    assert event_of(extract(text), "arrest").actors == ()


def test_his_outside_a_clause_with_a_person_subject_is_left_unresolved(extract: Extract) -> None:
    text = "Jan Kovac won the election. However his threat to ban the rebels took a twist."
    assert event_of(extract(text), "threat").actors == ()


def test_her_in_a_conjunct_is_bound_by_the_subject_it_inherits(extract: Extract) -> None:
    text = "If Maria Petrova wins the election and fulfils her promise, the rebels will stay."
    actor = _actor(extract("Maria Petrova won the vote in May. " + text), "promise")
    assert (actor.text, actor.name) == ("her", "Maria Petrova")
