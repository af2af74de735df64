"""Headline grammar and names that look like times or places (invented sentences): a headline's
bare past participle is a passive, a weekday inside a name is no date, and a surname the
article gives a person is no town."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, main_event, texts, with_title

Extract = Callable[..., Extraction]


def test_headline_participle_without_auxiliary_makes_its_subject_the_target(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Folk singer jailed for swearing",
        "A folk singer has been given a short prison term after a concert in the town.",
    )
    event = event_of(extraction, "jailed")
    assert texts(event.targets) == ["Folk singer"]
    assert event.actors == ()


def test_headline_participle_with_a_by_phrase_takes_it_as_the_actor(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Rock star sued by former manager",
        "The rock star faces a claim for unpaid fees.",
    )
    event = event_of(extraction, "sued")
    assert texts(event.actors) == ["former manager"]
    assert texts(event.targets) == ["Rock star"]


def test_headline_verb_with_an_object_stays_active(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Rebels attacked army base",
        "The base lies north of the river.",
    )
    event = event_of(extraction, "attacked")
    assert texts(event.actors) == ["Rebels"]
    assert texts(event.targets) == ["army base"]


def test_past_tense_outside_the_headline_stays_active(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Talks resume in capital",
        "Opposition supporters protested near parliament. The minister criticised them.",
    )
    event = event_of(extraction, "protested")  # past form, no object: passive only in a headline
    assert texts(event.actors) == ["Opposition supporters"]


def test_weekday_in_a_newspaper_name_is_no_date(extract: Extract) -> None:
    extraction = extract(
        "The minister resigned after the Sunday Chronicle newspaper accused him of lying."
    )
    event = event_of(extraction, "accused")
    assert event.time is not None and event.time.text != "Sunday"


def test_named_day_is_not_the_weekday_before_publication(extract: Extract) -> None:
    extraction = extract(
        "The film Black Friday, about the riots, was withdrawn by its distributor."
    )
    event = event_of(extraction, "withdrawn")
    assert event.time is not None and event.time.text != "Friday"


def test_weekday_after_a_preposition_glued_to_a_name_is_still_the_date(
    extract: Extract,
) -> None:
    extraction = extract("However during the case on Tuesday Mr Carver denied the allegations.")
    event = event_of(extraction, "denied")
    assert event.time is not None and event.time.text == "Tuesday"
    assert texts(event.actors) == ["Mr Carver"]


def test_surname_of_a_person_in_the_article_does_not_place_the_main_event(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Howard woos pensioners",
        "Michael Howard is to make a pitch for the votes of pensioners, urging them to back "
        "his party. Mr Howard will promise higher pensions.",
    )
    main = main_event(extraction)
    assert main.location is None or main.location.text != "Howard"


def test_headline_present_tense_shaped_like_a_participle_stays_active(extract: Extract) -> None:
    extraction = with_title(
        extract, "Weak winter sales hit Next", "The retailer said its sales fell in December."
    )
    event = event_of(extraction, "hit")
    # active: the subject is no target (a passive's would be); the sales, a thing, are the
    # cause of the news, not its actor
    assert (texts(event.actors), texts(event.targets)) == ([], [])


def test_ing_clause_after_a_noun_takes_the_noun_as_its_actor(extract: Extract) -> None:
    event = event_of(extract("Farmers demanding higher prices blocked the main road."), "demanding")
    assert texts(event.actors) == ["Farmers"]


def test_headline_progressive_without_its_auxiliary_has_its_subject(extract: Extract) -> None:
    extraction = with_title(
        extract, "Nokia seeking virus author", "The firm has offered a reward for information."
    )
    event = event_of(extraction, "seeking")
    assert texts(event.actors) == ["Nokia"]


def test_a_date_inside_a_participant_phrase_stays(extract: Extract) -> None:
    event = event_of(
        extract("The minister praised the 48-year-old Australian Tom Reilly."), "praised"
    )
    assert texts(event.targets) == ["48-year-old Australian Tom Reilly"]


def test_place_of_a_death_names_no_agent(extract: Extract) -> None:
    event = event_of(extract("The actor died in Los Angeles at the age of 80."), "died")
    assert event.actors == ()


def test_attack_a_harm_happened_in_names_its_agent(extract: Extract) -> None:
    event = event_of(extract("Two men were killed in an Israeli air strike."), "killed")
    assert texts(event.actors) == ["Israeli"]


def test_a_headline_participle_of_readiness_passes_its_news_to_the_infinitive(
    extract: Extract,
) -> None:
    # "determined", "poised" and "prepared" tagged as verbs: their lemmas are "determine",
    # "poise", "prepare", so the participle's own form says it is an adjective of readiness
    for title, verb, actor in [
        ("Coach determined to stay at club", "stay", "Coach"),
        ("Carmaker poised to close two plants", "close", "Carmaker"),
    ]:
        extraction = with_title(extract, title, "The decision is expected within weeks.")
        event = main_event(extraction)
        assert (event.trigger.text, texts(event.actors), event.status) == (
            verb,
            [actor],
            "planned",
        )
