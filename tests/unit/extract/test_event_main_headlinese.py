"""The main event of a headline the small parser misreads (invented sentences): headlinese
reports in the simple present after a bare noun phrase, so its "-s" verb is read as a plural
noun in a compound, and a name's first word as an imperative."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import main_event, texts, with_title

Extract = Callable[..., Extraction]


def test_headline_verb_read_as_a_plural_noun_is_the_main_event(extract: Extract) -> None:
    main = main_event(
        with_title(
            extract,
            "Bakery chain axes jobs in north",
            "The company will close four of its shops next month, its owners said.",
        )
    )
    assert main.trigger.text == "axes"
    assert texts(main.actors) == ["Bakery chain"]
    assert texts(main.targets) == ["jobs"]


def test_object_of_a_misread_headline_verb_ends_at_its_preposition(extract: Extract) -> None:
    main = main_event(
        with_title(
            extract,
            "Toy maker shifts production to Asia",
            "The factory in the town will stay open until the summer, the firm said.",
        )
    )
    assert main.trigger.text == "shifts"
    assert texts(main.actors) == ["Toy maker"]
    assert texts(main.targets) == ["production"]


def test_name_read_as_an_imperative_gives_way_to_the_headline_verb(extract: Extract) -> None:
    main = main_event(
        with_title(
            extract,
            "Ask Harry tips holiday sales rise",
            "The online retailer expects its busiest weeks of the year, it said on Monday.",
        )
    )
    assert main.trigger.text == "tips"
    assert texts(main.actors) == ["Ask Harry"]


def test_plural_noun_inside_a_prepositional_phrase_is_no_verb(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Alarm over city pensions deficit",
        "Council tax may have to rise to fill the gap, the city's auditors have warned.",
    )
    assert "pensions" not in [e.trigger.text for e in extraction.events]


def test_headline_verb_the_parser_reads_stays_the_main_event(extract: Extract) -> None:
    main = main_event(
        with_title(
            extract,
            "Ferry firm cuts winter sailings",
            "Two routes to the islands will close in January, the operator said.",
        )
    )
    assert main.trigger.text == "cuts"
    assert texts(main.actors) == ["Ferry firm"]


def test_plural_noun_after_a_verb_the_parser_read_is_its_object(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Carmaker announces deep production cuts for next year",
        "The company will build fewer cars at its two plants, it said on Monday.",
    )
    assert "cuts" not in [e.trigger.text for e in extraction.events if e.is_main]


def test_plural_noun_before_a_locative_is_the_subject_of_a_dropped_copula(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Bicycle sales in the north down sharply",
        "Shops sold a third fewer bicycles in January than a year earlier, a trade body said.",
    )
    assert main_event(extraction).trigger.text != "sales"


def test_plural_noun_after_a_plural_subjects_verb_is_its_object(extract: Extract) -> None:
    body = "The committee heard from four chief executives on Tuesday about charges to savers."
    councillors = with_title(extract, "Councillors quiz officials over budget", body)
    assert main_event(councillors).trigger.text != "officials"
    mps = with_title(extract, "MPs quiz regulators over energy bills", body)
    assert main_event(mps).trigger.text != "regulators"


def test_misread_verb_of_a_thing_keeps_no_sense_of_an_act(extract: Extract) -> None:
    main = main_event(
        with_title(
            extract,
            "Village flower show battles on",
            "Organisers said the show would go ahead despite the rain, which flooded one field.",
        )
    )
    assert main.trigger.text == "battles"
    assert main.type == "OTHER"


def test_plural_noun_before_a_verb_and_its_numeral_is_the_subject(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Evening newspapers axe 40 jobs",
        "The group will close two of its printing sites by the end of the year, it said.",
    )
    assert main_event(extraction).trigger.text != "newspapers"


def test_headline_passive_infinitive_read_as_a_relative_clause_is_the_main_event(
    extract: Extract,
) -> None:
    main = main_event(
        with_title(
            extract,
            "New school targets to be unveiled",
            "Details of the plan will be released at a conference in the city on Monday.",
        )
    )
    assert main.trigger.text == "unveiled"
    assert texts(main.targets) == ["New school targets"]
