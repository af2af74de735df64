"""Names that are not the main event's place: a town the article names only as a club, a team
or an institution (place-for-people metonymy), however often, and an occasion the parser read
as a place ("the ... Awards"), which gives at most the city its name opens with (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import main_event, with_title

Extract = Callable[..., Extraction]


def test_a_town_named_only_as_a_club_is_not_the_main_events_place(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Striker signs new contract",
        "The striker has signed a new three-year contract. Sheffield manager Tom Hart said the "
        "deal was good news. Sheffield beat Hull last week, and Sheffield now face Derby.",
    )
    main = main_event(extraction)
    assert main.trigger.text == "signs"
    assert main.location is None


def test_a_town_the_article_once_puts_something_in_is_still_its_place(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Striker signs new contract",
        "The striker has signed a new three-year contract. Sheffield manager Tom Hart said the "
        "deal was good news. Sheffield beat Hull last week, and fans in Sheffield cheered.",
    )
    main = main_event(extraction)
    assert main.location is not None
    assert (main.location.text, main.location.source) == ("Sheffield", "article")


def test_a_country_named_as_a_modifier_still_sets_national_news(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Grocer files for bankruptcy",
        "The grocer has filed for bankruptcy protection. Canada's competition watchdog said "
        "prices would rise. Canada grocery sales fell last year, and Canada shoppers spent less.",
    )
    main = main_event(extraction)
    assert main.location is not None
    assert (main.location.text, main.location.source) == ("Canada", "article")


def test_an_occasion_named_after_its_city_is_placed_in_that_city(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Teenager stuns top seed",
        "The teenager stunned the top seed at the Auckland Classic on Tuesday.",
    )
    main = main_event(extraction)
    assert main.location is not None
    assert (main.location.text, main.location.country) == ("Auckland", "NZL")


def test_an_occasion_is_no_place_of_the_main_event(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Teenager stuns top seed",
        "The teenager stunned the top seed at the Marlowe Awards on Tuesday.",
    )
    assert main_event(extraction).location is None


def test_a_small_town_an_occasion_opens_with_is_no_place(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Teenager stuns top seed",
        "The teenager stunned the top seed at the Golden Lyre Awards on Tuesday.",
    )
    assert main_event(extraction).location is None


def test_a_venue_the_parser_cannot_resolve_stays_the_main_events_place(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Actor joins cast",
        "The actor has joined the cast of a play at the Garrick Theatre in London's West End.",
    )
    main = main_event(extraction)
    assert main.location is not None and main.location.text == "Garrick Theatre"
