"""The main event's place given by the sentence after the lede: a report's second sentence
elaborates its lede and often gives the where the lede left out; not a continent, a place
naming a team in front of its noun, a place of an earlier event, nor one of background the
sentence dates long before publication (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import main_event, with_title

Extract = Callable[..., Extraction]


def test_the_sentence_after_the_lede_places_the_news(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Drummer quits folk band",
        "The drummer of the folk band Tin Kettles has quit after ten years. "
        "He told a radio station in Toronto that the decision was his own.",
    )
    main = main_event(extraction)
    assert main.location is not None
    assert (main.location.text, main.location.source) == ("Toronto", "lead")


def test_a_place_of_background_dated_years_back_does_not_place_the_news(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Drummer quits folk band",
        "The drummer of the folk band Tin Kettles has quit after ten years. "
        "He joined the band at a small club in Toronto in 2009.",
    )
    assert main_event(extraction).location is None


def test_a_continent_in_the_sentence_after_the_lede_is_no_place_of_the_news(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Drummer quits folk band",
        "The drummer of the folk band Tin Kettles has quit after ten years. "
        "The band has sold many records in Europe.",
    )
    assert main_event(extraction).location is None


def test_a_place_naming_a_team_before_its_noun_does_not_place_the_news(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Winger faces long lay-off",
        "The winger could be out for two months with an ankle injury. "
        "He was hurt in a Toronto reserve match against Ottawa.",
    )
    assert main_event(extraction).location is None


def test_a_place_in_an_adjunct_of_an_earlier_event_does_not_place_the_news(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Winger faces long lay-off",
        "The winger could be out for two months with an ankle injury. "
        "He is resting after being hurt at a stadium in Toronto.",
    )
    assert main_event(extraction).location is None
