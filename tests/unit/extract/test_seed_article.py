"""Acceptance on the seed article (a copy of the product owner's example)."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from services.extract.domain.extractor import ArticleText, Extraction, Extractor

SEED = json.loads((Path(__file__).parent / "seed_article.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed(extractor: Extractor) -> Extraction:
    return extractor.extract(
        ArticleText(
            "seed",
            SEED["body"],
            SEED["title"],
            datetime.fromisoformat(SEED["published_at"]),
        )
    )


def test_most_claims_are_resolved_to_jens_stoltenberg(seed: Extraction) -> None:
    names = [c.speaker.name for c in seed.claims]
    assert names.count("Jens Stoltenberg") >= 6
    assert max(set(names), key=names.count) == "Jens Stoltenberg"


def test_pronoun_and_nominal_mentions_resolve_to_stoltenberg(seed: Extraction) -> None:
    by_mention = {c.speaker.mention.text: c.speaker.name for c in seed.claims if c.speaker.mention}
    assert by_mention["He"] == "Jens Stoltenberg"
    assert by_mention["The alliance chief"] == "Jens Stoltenberg"


def test_related_article_lines_give_no_claims(seed: Extraction) -> None:
    body: str = SEED["body"]
    for claim in seed.claims:
        for start, end in claim.content.spans:
            assert "Also read" not in body[max(0, start - 20) : end]


def test_the_redeployment_the_title_names_is_the_main_event(seed: Extraction) -> None:
    # The title ("Russia not withdrawing but repositioning forces") is given apart from the
    # body, as a stream's article is: the body's first mention of the kind of event it names
    # is the news.
    (main,) = [e for e in seed.events if e.is_main]
    assert (main.type, main.trigger.text, main.status) == ("MOBILIZE", "redeploying", "ongoing")
    assert [a.text for a in main.actors] == ["Russia"]
    assert main.location is not None and main.location.text == "Donbas"


def test_mykolaiv_strike_is_placed_dated_and_counted(seed: Extraction) -> None:
    strike = next(e for e in seed.events if e.trigger.text == "strike")
    assert (strike.type, strike.status) == ("ASSAULT", "occurred")
    assert strike.location is not None
    assert (strike.location.text, strike.location.name) == ("Mykolaiv", "Mykolayiv")
    assert (strike.location.geonameid, strike.location.country) == (700569, "UKR")
    assert strike.time is not None and strike.time.date == date(2022, 3, 29)
    assert [(m.kind, m.value, m.cumulative) for m in strike.magnitudes] == [("killed", 20, True)]


def test_talks_set_to_resume_friday_are_planned_for_april_first(seed: Extraction) -> None:
    talks = [e for e in seed.events if e.trigger.text == "Talks"]
    assert len(talks) == 1
    assert (talks[0].type, talks[0].status) == ("CONSULT", "planned")
    assert talks[0].time is not None and talks[0].time.date == date(2022, 4, 1)


def test_one_event_per_trigger(seed: Extraction) -> None:
    triggers = [(e.trigger.start, e.trigger.end) for e in seed.events]
    assert len(triggers) == len(set(triggers))
