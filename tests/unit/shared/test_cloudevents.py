"""CloudEvents headers of every message model, and the JSON Schemas they point at."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from shared.cloudevents import event_type, headers_for, schema_uri
from shared.models import MESSAGE_MODELS, DeadLetter, RawArticle
from shared.schemas import export_schemas

NOW = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)


def _article(body: str) -> RawArticle:
    return RawArticle(
        article_id="a-1", url="https://e.org/1", body=body, published_at=NOW, received_at=NOW
    )


def test_headers_are_the_cloudevents_binary_mode_attributes() -> None:
    headers = dict(headers_for(_article("Text."), source="/newsflow/ingest", time=NOW))
    assert headers == {
        "ce_specversion": b"1.0",
        "ce_id": headers["ce_id"],
        "ce_source": b"/newsflow/ingest",
        "ce_type": b"newsflow.article.received.v1",
        "ce_subject": b"a-1",
        "ce_time": b"2026-01-02T03:04:00+00:00",
        "ce_dataschema": b"urn:newsflow:schema:RawArticle:v1",
        "content-type": b"application/json",
    }


def test_two_texts_of_one_article_are_two_events_and_a_resend_is_the_same_event() -> None:
    def ce_id(article: RawArticle) -> bytes:
        return dict(headers_for(article, source="/s"))["ce_id"]

    assert ce_id(_article("One.")) == ce_id(_article("One."))
    assert ce_id(_article("One.")) != ce_id(_article("Two."))


def test_dead_letters_of_two_stages_have_distinct_ids() -> None:
    def letter(stage: Literal["extract", "store"]) -> DeadLetter:
        return DeadLetter(
            stage=stage,
            error_class="E",
            error="e",
            topic="t",
            partition=0,
            offset=1,
            key="k",
            payload="",
            failed_at=NOW,
        )

    stages: tuple[Literal["extract", "store"], ...] = ("extract", "store")
    ids = {dict(headers_for(letter(s), source="/s"))["ce_id"] for s in stages}
    assert len(ids) == 2
    assert event_type(letter("store")) == "newsflow.deadletter.v1"


def test_every_exported_schema_has_the_id_its_records_point_at(tmp_path: Path) -> None:
    for path in export_schemas(tmp_path):
        schema = json.loads(path.read_text())
        model = MESSAGE_MODELS[path.name.removesuffix(".schema.json")]
        assert schema["$id"] == schema_uri(model)
        assert schema["$schema"].startswith("https://json-schema.org/")
