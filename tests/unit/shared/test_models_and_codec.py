from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.codec import decode, encode
from shared.errors import PoisonMessageError, RetriableError
from shared.ids import article_id_for, claim_id_for, event_id_for
from shared.models import DeadLetter, RawArticle
from shared.schemas import export_schemas
from shared.settings import KafkaSettings


def _article(**overrides: object) -> RawArticle:
    fields: dict[str, object] = {
        "article_id": article_id_for("https://example.com/a"),
        "url": "https://example.com/a",
        "body": "Text.",
        "published_at": datetime(2024, 1, 2, tzinfo=UTC),
        "received_at": datetime(2024, 1, 2, tzinfo=UTC),
    }
    fields.update(overrides)
    return RawArticle.model_validate(fields)


def test_encoded_article_decodes_to_an_equal_article() -> None:
    article = _article(authors=("A. Writer",))
    assert decode(RawArticle, encode(article)) == article


def test_unknown_schema_version_is_a_poison_message() -> None:
    raw = encode(_article()).replace(b'"schema_version":1', b'"schema_version":99')
    with pytest.raises(PoisonMessageError, match="schema_version"):
        decode(RawArticle, raw)


def test_invalid_json_and_tombstones_are_poison_messages() -> None:
    with pytest.raises(PoisonMessageError):
        decode(RawArticle, b"{not json")
    with pytest.raises(PoisonMessageError):
        decode(RawArticle, None)


def test_poison_and_retriable_errors_are_distinct_classes() -> None:
    assert not issubclass(PoisonMessageError, RetriableError)
    assert not issubclass(RetriableError, PoisonMessageError)


def test_unknown_fields_from_a_newer_producer_are_ignored() -> None:
    raw = encode(_article())[:-1] + b',"added_later":true}'
    assert decode(RawArticle, raw).article_id == _article().article_id


def test_messages_are_frozen() -> None:
    article = _article()
    with pytest.raises(ValueError):
        article.body = "changed"  # type: ignore[misc]


def test_ids_are_deterministic_and_depend_on_every_part() -> None:
    assert article_id_for("https://e.com/x") == article_id_for("https://e.com/x")
    assert article_id_for("https://e.com/x") != article_id_for("https://e.com/y")
    assert claim_id_for("a", [(1, 5)], "direct") == claim_id_for("a", [(1, 5)], "direct")
    assert claim_id_for("a", [(1, 5)], "direct") != claim_id_for("a", [(1, 6)], "direct")
    assert claim_id_for("a", [(1, 5)], "direct") != claim_id_for("a", [(1, 5)], "indirect")
    assert event_id_for("a", 1, 5, "ASSAULT") != event_id_for("a", 1, 5, "CONSULT")


def test_topic_prefix_applies_to_every_topic() -> None:
    assert KafkaSettings(topic_prefix="t1.").topic("articles.raw") == "t1.articles.raw"


def test_sasl_password_is_secret_and_passed_to_clients() -> None:
    settings = KafkaSettings(
        kafka_security_protocol="SASL_SSL",
        kafka_sasl_mechanism="PLAIN",
        kafka_sasl_username="u",
        kafka_sasl_password="hunter2",  # type: ignore[arg-type]
    )
    assert "hunter2" not in repr(settings)
    assert settings.kafka_client_options()["sasl_plain_password"] == "hunter2"


def test_schema_export_writes_one_schema_per_message(tmp_path: object) -> None:
    from pathlib import Path

    out = Path(str(tmp_path))
    paths = export_schemas(out)
    assert {p.name for p in paths} == {
        "RawArticle.schema.json",
        "Claim.schema.json",
        "Event.schema.json",
        "ExtractionManifest.schema.json",
        "DeadLetter.schema.json",
        "Retraction.schema.json",
    }
    assert '"schema_version"' in (out / "Claim.schema.json").read_text()


def test_dead_letter_keeps_source_coordinates() -> None:
    letter = DeadLetter(
        stage="extract",
        error_class="PoisonMessageError",
        error="bad",
        topic="articles.raw",
        partition=2,
        offset=41,
        key="a-1",
        payload="{",
        failed_at=datetime.now(UTC),
    )
    assert decode(DeadLetter, encode(letter)).offset == 41
