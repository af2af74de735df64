"""JSON and text log lines: the fields a log pipeline relies on, and the article id when known."""

from __future__ import annotations

import json
import logging
import sys
import threading

import pytest

from shared.logging import (
    JsonFormatter,
    LoggingSettings,
    TextFormatter,
    article_context,
)


def _record(msg: str = "stored %d rows", *args: object, **extra: object) -> logging.LogRecord:
    logger = logging.getLogger("services.store.app")
    return logger.makeRecord(
        logger.name, logging.WARNING, __file__, 10, msg, args or (3,), None, extra=extra or None
    )


def test_json_line_has_timestamp_level_logger_message_and_service() -> None:
    line = JsonFormatter(service="store").format(_record())
    doc = json.loads(line)
    assert "\n" not in line
    assert doc["level"] == "WARNING"
    assert doc["logger"] == "services.store.app"
    assert doc["message"] == "stored 3 rows"
    assert doc["service"] == "store"
    assert doc["timestamp"].endswith("Z") and "T" in doc["timestamp"]
    assert "article_id" not in doc


def test_article_id_comes_from_extra() -> None:
    doc = json.loads(JsonFormatter(service="extract").format(_record(article_id="a-123")))
    assert doc["article_id"] == "a-123"


def test_article_id_comes_from_the_context_and_extra_wins() -> None:
    formatter = JsonFormatter(service="extract")
    with article_context("a-ctx"):
        assert json.loads(formatter.format(_record()))["article_id"] == "a-ctx"
        assert json.loads(formatter.format(_record(article_id="a-x")))["article_id"] == "a-x"
    assert "article_id" not in json.loads(formatter.format(_record()))


def test_article_context_does_not_leak_into_other_threads() -> None:
    seen: list[str | None] = []
    formatter = JsonFormatter(service="extract")
    with article_context("a-mine"):
        thread = threading.Thread(
            target=lambda: seen.append(json.loads(formatter.format(_record())).get("article_id"))
        )
        thread.start()
        thread.join()
    assert seen == [None]


def test_exceptions_are_one_json_field() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        logger = logging.getLogger("x")
        record = logger.makeRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = JsonFormatter(service="ingest").format(record)
    doc = json.loads(line)
    assert "\n" not in line
    assert doc["message"] == "failed"
    assert "ValueError: boom" in doc["exception"]


def test_non_ascii_and_odd_arguments_stay_valid_json() -> None:
    doc = json.loads(JsonFormatter(service="x").format(_record("%s → %r", "Mykolaïv", object())))
    assert doc["message"].startswith("Mykolaïv → <object")


def test_text_line_appends_the_article_id_when_known() -> None:
    formatter = TextFormatter()
    assert formatter.format(_record()).endswith("WARNING services.store.app: stored 3 rows")
    assert formatter.format(_record(article_id="a-1")).endswith(" [article_id=a-1]")


def test_format_defaults_to_text_and_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NEWSFLOW_LOG_FORMAT", raising=False)
    monkeypatch.delenv("NEWSFLOW_LOG_LEVEL", raising=False)
    assert LoggingSettings().log_format == "text"
    monkeypatch.setenv("NEWSFLOW_LOG_FORMAT", "json")
    monkeypatch.setenv("NEWSFLOW_LOG_LEVEL", "WARNING")
    settings = LoggingSettings()
    assert (settings.log_format, settings.log_level) == ("json", "warning")
    monkeypatch.setenv("NEWSFLOW_LOG_FORMAT", "xml")
    with pytest.raises(ValueError, match="log_format"):
        LoggingSettings()
