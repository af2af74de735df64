"""The article's main event read as a story: its time, place and actors from the headline,
the lead and the dateline, and abstention when the evidence is weak."""

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from services.extract.domain.extractor import ArticleText, Extraction, Extractor
from tests.unit.extract.event_lookup import event_of as _event
from tests.unit.extract.event_lookup import main_event, with_title

Extract = Callable[..., Extraction]


def test_event_noun_inside_another_phrase_does_not_take_its_clause_time(
    extract: Extract,
) -> None:
    event = _event(extract("The death toll from the bombing rose to twelve on Monday."), "bombing")
    assert event.time is not None and event.time.text != "Monday"


def test_main_event_takes_the_time_of_a_lead_mention_dated_by_its_own_modifier(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Rebels attack army base in Goma",
        "The death toll from a rebel bombing in Goma rose to nine on Thursday, with 40 others "
        "wounded. The army said the bombing on Tuesday night destroyed two barracks.",
    )
    main = main_event(extraction)
    assert main.trigger.text == "attack"
    assert main.time is not None and main.time.date == date(2024, 5, 14)


def test_time_of_a_subordinate_lead_clause_does_not_date_the_story(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Singer stages protest outside tower",
        "The singer staged a protest outside the tower. The tycoon stunned the country as he "
        "won the vote on Tuesday morning.",
    )
    main = main_event(extraction)
    assert main.type == "PROTEST"
    assert main.time is not None and main.time.date == date(2024, 5, 16)


def test_origin_of_a_person_is_not_the_place_of_the_event(extract: Extract) -> None:
    event = _event(extract("A man from Leeds was arrested after the match."), "arrested")
    assert event.location is None


def test_city_in_front_of_an_accident_is_its_place_not_its_actor(extract: Extract) -> None:
    event = _event(extract("The Leeds tram crash killed three people."), "crash")
    assert event.actors == ()
    assert event.location is not None and event.location.name == "Leeds"


def test_demonym_in_front_of_a_disaster_is_no_actor(extract: Extract) -> None:
    assert _event(extract("The Chilean earthquake killed hundreds."), "earthquake").actors == ()


def test_demonym_in_front_of_an_attack_stays_its_actor(extract: Extract) -> None:
    # control: an attack has an attacker
    event = _event(extract("The Chilean attack killed hundreds."), "attack")
    assert [a.text for a in event.actors] == ["Chilean"]


def test_subject_of_a_light_verb_outranks_a_place_modifier(extract: Extract) -> None:
    event = _event(extract("Merkel and Macron held a Berlin meeting on Monday."), "meeting")
    assert {a.text for a in event.actors} == {"Merkel", "Macron"}


def test_possessive_country_is_not_part_of_a_person_actor(extract: Extract) -> None:
    event = _event(extract("Brazil's Silva crashed on the final lap on Sunday."), "crashed")
    assert [a.text for a in event.actors] == ["Silva"]


def test_politeness_formula_and_a_hostile_reception_are_not_events(extract: Extract) -> None:
    assert extract("Thank you for subscribing!").events == ()
    assert extract("His speech was met with boos and jeers.").events == ()


def test_main_event_located_only_by_country_is_narrowed_to_the_lead_city(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Bomb attack on embassy in Afghanistan",
        "A car bomb exploded outside the embassy in the city of Kandahar on Tuesday, "
        "killing four guards.",
    )
    location = main_event(extraction).location
    assert location is not None and location.text == "Kandahar"


def test_main_event_located_only_by_country_keeps_the_country_without_a_city(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Bomb attack on embassy in Afghanistan",
        "Four guards died when a car bomb went off outside the embassy on Tuesday.",
    )
    location = main_event(extraction).location
    assert location is not None and location.country == "AFG"


def test_dateline_places_a_main_event_with_no_place_of_its_own(extract: Extract) -> None:
    text = "KABUL, May 14 (Reuters) - Gunmen attacked a police post, killing two officers."
    location = main_event(extract(text)).location
    assert location is not None and location.name == "Kabul"


def test_headline_verb_is_the_main_event_when_nothing_else_is_in_the_lead(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Chocolate maker shrinks its bars",
        "The company changed the shape of the bar to save money.",
    )
    main = main_event(extraction)
    assert (main.type, main.trigger.text) == ("OTHER", "shrinks")
    assert main.time is not None and main.time.date == date(2024, 5, 16)


def test_undated_news_takes_the_publication_day_whatever_the_hour(
    extractor: Extractor,
) -> None:
    text = "Gunmen opened fire on a crowd outside a stadium, wounding five people."
    small_hours = datetime(2024, 5, 16, 3, 40, tzinfo=UTC)
    extraction = extractor.extract(ArticleText("a-night", text, None, small_hours))
    main = main_event(extraction)
    assert main.time is not None and main.time.date == date(2024, 5, 16)
    assert main.time.source == "publication"


@pytest.mark.parametrize("break_", ["\n", "\n\n", "\n \n"])
def test_first_line_without_a_full_stop_is_the_headline_when_no_title_is_given(
    extract: Extract, break_: str
) -> None:
    # Without a title, the headline is the first line when it has no closing punctuation (a
    # blank line after it belongs to its sentence in the parse): its event is the main event,
    # and its present tense tells of the past.
    extraction = extract(
        f"Union threatens strike{break_}Police arrested 40 people after clashes on Sunday."
    )
    (main,) = [e for e in extraction.events if e.is_main]
    assert (main.trigger.text, main.status) == ("threatens", "occurred")


def test_event_deep_in_the_body_is_not_the_main_event_when_the_lede_states_the_news(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Ruritania rates at six-year high",
        "The central bank of Ruritania raised its main interest rate to 6% on Tuesday. "
        "Borrowing costs are now the highest since 2018. Mortgage lenders are expected to "
        "follow. Economists said growth had slowed. Trade unions criticised the bank.",
    )
    main = main_event(extraction)
    assert main.trigger.text == "raised"
    assert [a.text for a in main.actors] == ["central bank of Ruritania"]


def test_lede_event_outranks_a_body_event_of_a_weightier_type(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Actress in line for thriller role",
        "The actress Mara Lind has agreed to play the detective in a new thriller. The film "
        "opens in a museum. Its plot turns on a murder in the gallery.",
    )
    assert main_event(extraction).trigger.text == "agreed"


@pytest.mark.parametrize(
    ("lede", "trigger", "actor"),
    [
        ("Goalkeeper Tom Vale is set to join Northport on loan.", "join", "Tom Vale"),
        ("The prime minister seems certain to call an election on Monday.", "call", "minister"),
        ("The members of the band Ruritans are to go on tour next year.", "go", "members"),
    ],
)
def test_raising_predicate_in_the_lede_passes_the_news_to_its_infinitive(
    extract: Extract, lede: str, trigger: str, actor: str
) -> None:
    main = main_event(with_title(extract, "Profile: a season of change", lede))
    assert main.trigger.text == trigger
    assert any(actor in a.text for a in main.actors)


def test_imperative_lede_sentence_is_not_the_news(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Interview: the coach",
        "Listen to the full interview on our website. The coach admits the striker will decide "
        "his own future.",
    )
    assert main_event(extraction).trigger.text == "admits"


def test_existential_there_is_a_state_not_the_news(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Senator furious over count",
        "The senator told voters there was no way the count could be fair. Counting "
        "continues in the north.",
    )
    assert main_event(extraction).trigger.text == "continues"


@pytest.mark.parametrize(
    ("title", "trigger"),
    [
        ("Police name the victims of Northport tram crash", "name"),
        ("Minister visits scene of the explosion", "visits"),
        ("Judge delays trial over the protest", "delays"),
    ],
)
def test_event_noun_describing_a_participant_of_the_headline_is_not_its_news(
    extract: Extract, title: str, trigger: str
) -> None:
    main = main_event(with_title(extract, title, "The city was quiet on Tuesday."))
    assert main.trigger.text == trigger
    assert main.actors


@pytest.mark.parametrize(
    ("title", "trigger"),
    [
        ("Death toll from quake rises to 300", "quake"),
        ("Officials revise the death toll from the quake to 300", "quake"),
        ("Tram crash kills seven in Northport", "crash"),
    ],
)
def test_headline_event_that_is_the_news_stays_the_main_event(
    extract: Extract, title: str, trigger: str
) -> None:
    main = main_event(with_title(extract, title, "The city was quiet on Tuesday."))
    assert main.trigger.text == trigger


@pytest.mark.parametrize(
    ("title", "trigger", "actor"),
    [
        ("Mayor ready to call early vote", "call", "Mayor"),
        ("Northport council to close two libraries", "close", "council"),
        ("Steel firm 'to cut' 4,000 jobs", "cut", "firm"),
    ],
)
def test_headline_noun_with_an_infinitive_says_what_it_will_do(
    extract: Extract, title: str, trigger: str, actor: str
) -> None:
    main = main_event(with_title(extract, title, "The city was quiet on Tuesday."))
    assert main.trigger.text == trigger
    assert main.status == "planned"
    assert any(actor in a.text for a in main.actors)


def test_headline_name_with_a_past_participle_tells_what_was_done_to_it(extract: Extract) -> None:
    main = main_event(with_title(extract, "Stevens named in Northport line-up", "It rained."))
    assert main.trigger.text == "named"
    assert [t.text for t in main.targets] == ["Stevens"]
