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


def test_mykolaiv_strike_is_the_main_event(seed: Extraction) -> None:
    (main,) = [e for e in seed.events if e.is_main]
    assert (main.type, main.trigger.text, main.status) == ("ASSAULT", "strike", "occurred")
    assert main.location is not None
    assert (main.location.text, main.location.name) == ("Mykolaiv", "Mykolayiv")
    assert (main.location.geonameid, main.location.country) == (700569, "UKR")
    assert main.time is not None and main.time.date == date(2022, 3, 29)
    assert [(m.kind, m.value, m.cumulative) for m in main.magnitudes] == [("killed", 20, True)]


def test_talks_set_to_resume_friday_are_planned_for_april_first(seed: Extraction) -> None:
    talks = [e for e in seed.events if e.trigger.text == "Talks"]
    assert len(talks) == 1
    assert (talks[0].type, talks[0].status) == ("CONSULT", "planned")
    assert talks[0].time is not None and talks[0].time.date == date(2022, 4, 1)


def test_one_event_per_trigger(seed: Extraction) -> None:
    triggers = [(e.trigger.start, e.trigger.end) for e in seed.events]
    assert len(triggers) == len(set(triggers))
