"""The place an article keeps naming is its main event's place only when the article once says
something is or happens there: a town named as a club, a team or an institution stands for it
(place-for-people metonymy), however often (invented sentences)."""

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
