"""Builders of valid messages for the store's integration tests, made with the shared models."""

from __future__ import annotations

from datetime import UTC, date, datetime

from shared.ids import article_id_for, claim_id_for, event_id_for
from shared.models import (
    Claim,
    ClaimContent,
    Cue,
    Event,
    EventTime,
    Location,
    Magnitude,
    RawArticle,
    Speaker,
    TextSpan,
)

PUBLISHED = datetime(2022, 3, 31, 9, 0, tzinfo=UTC)
RECEIVED = datetime(2022, 3, 31, 9, 5, tzinfo=UTC)
BODY = 'Russian missiles struck Mykolaiv on Tuesday. "We will rebuild," the mayor said.'


def make_article(n: int, *, body: str = BODY, title: str | None = None) -> RawArticle:
    url = f"https://news.example.com/story/{n}"
    return RawArticle(
        article_id=article_id_for(url),
        url=url,
        title=title if title is not None else f"Story {n}",
        body=body,
        source="example",
        published_at=PUBLISHED,
        received_at=RECEIVED,
        language="en",
        authors=("A. Writer", "B. Editor"),
    )


def make_claim(article: RawArticle, n: int = 0, *, confidence: float = 0.8) -> Claim:
    spans = ((46 + n, 62 + n),)
    return Claim(
        claim_id=claim_id_for(article.article_id, spans, "direct"),
        article_id=article.article_id,
        kind="direct",
        content=ClaimContent(text="We will rebuild,", spans=spans),
        speaker=Speaker(
            name="Oleksandr Senkevych",
            type="PERSON",
            role="mayor",
            mention=TextSpan(text="the mayor", start=64, end=73),
        ),
        cue=Cue(text="said", lemma="say", start=74, end=78),
        confidence=confidence,
        extractor_version="test-1",
    )


def make_event(article: RawArticle, n: int = 0, *, is_main: bool = True) -> Event:
    return Event(
        event_id=event_id_for(article.article_id, 17 + n, 23 + n, "ASSAULT"),
        article_id=article.article_id,
        type="ASSAULT",
        mode="missile",
        status="occurred",
        trigger=TextSpan(text="struck", start=17 + n, end=23 + n),
        location=Location(
            text="Mykolaiv",
            start=24,
            end=32,
            name="Mykolayiv",
            country="UKR",
            geonameid=700569,
            lat=46.97,
            lon=32.0,
        ),
        time=EventTime(text="Tuesday", start=36, end=43, date=date(2022, 3, 29)),
        magnitudes=(Magnitude(kind="killed", value=20), Magnitude(kind="injured", value=3)),
        is_main=is_main,
        confidence=0.9,
        extractor_version="test-1",
    )
