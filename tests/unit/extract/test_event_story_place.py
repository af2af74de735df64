"""The place of an article's main event: a place phrase of its own clause, never a continent
the article keeps naming, else the gathering the lead reports from (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, main_event, with_title

Extract = Callable[..., Extraction]


def test_clause_on_the_event_noun_itself_still_gives_its_place(extract: Extract) -> None:
    event = event_of(extract("An attack carried out in Kandahar killed four soldiers."), "attack")
    assert event.location is not None
    assert (event.location.text, event.location.source) == ("Kandahar", "attached")


def test_an_infinitive_clause_on_another_noun_gives_the_main_event_its_place(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Minister limits new casinos",
        "The minister has announced plans to limit the number of new casinos in Portugal to 20.",
    )
    main = main_event(extraction)
    assert main.location is not None and main.location.text == "Portugal"


def test_main_event_does_not_take_a_continent_the_article_keeps_naming(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Charity pledges more help",
        "The charity has pledged to double its spending on rural schools. Its director said "
        "Africa needed teachers more than buildings. Farmers across Africa will also get seeds, "
        "and Africa's clinics will get nurses.",
    )
    main = main_event(extraction)
    assert main.trigger.text == "pledges"
    assert main.location is None


def test_main_event_without_a_place_takes_the_gathering_the_lead_reports_from(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Experts warn over crime dramas",
        "Television crime dramas give jurors false hopes, forensic experts say. Laboratories "
        "are swamped with samples. The issue was discussed at a science conference in Denver.",
    )
    main = main_event(extraction)
    assert main.location is not None
    assert (main.location.text, main.location.source) == ("Denver", "lead")


def test_a_place_of_a_gathering_the_lead_only_mentions_in_passing_is_not_its_setting(
    extract: Extract,
) -> None:
    extraction = with_title(
        extract,
        "Experts warn over crime dramas",
        "Television crime dramas give jurors false hopes, forensic experts say. Laboratories "
        "are swamped with samples ahead of a conference in Denver.",
    )
    assert main_event(extraction).location is None
