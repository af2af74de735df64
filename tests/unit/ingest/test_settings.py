from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.ingest.settings import IngestSettings


def test_defaults_point_at_the_embedded_stack(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEWSFLOW_HTTP_HOST", "NEWSFLOW_HTTP_PORT", "NEWSFLOW_MAX_BODY_BYTES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEWSFLOW_TOPIC_PREFIX", "")
    settings = IngestSettings()
    assert (settings.http_host, settings.http_port) == ("127.0.0.1", 8080)
    assert settings.max_body_bytes == 5 * 1024 * 1024
    assert settings.topic("articles.raw") == "articles.raw"


def test_settings_come_from_newsflow_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSFLOW_HTTP_PORT", "9123")
    monkeypatch.setenv("NEWSFLOW_KAFKA_BOOTSTRAP", "kafka:9092")
    monkeypatch.setenv("NEWSFLOW_MAX_ARTICLES_PER_REQUEST", "10")
    settings = IngestSettings()
    assert settings.http_port == 9123
    assert settings.kafka_bootstrap == "kafka:9092"
    assert settings.max_articles_per_request == 10


def test_settings_are_frozen_and_refuse_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError):
        IngestSettings().http_port = 1  # type: ignore[misc]
    monkeypatch.setenv("NEWSFLOW_HTTP_PORT", "70000")
    with pytest.raises(ValidationError):
        IngestSettings()
