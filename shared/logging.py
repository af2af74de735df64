"""Log records as text for a terminal or as JSON lines for a log pipeline.

``NEWSFLOW_LOG_FORMAT=json`` (what docker-compose and the Kubernetes manifests set) writes one
JSON object per line with ``timestamp`` (UTC, ISO-8601), ``level``, ``logger``, ``message``,
``service`` and, when the record concerns one article, ``article_id``; an exception adds
``exception`` (the formatted traceback). ``text`` (the default) is the classic terminal line.

The article id comes from the record's ``extra={"article_id": ...}`` or, failing that, from the
:data:`ARTICLE_ID` context variable that code handling one article sets with
:func:`article_context`. Hot paths do not log per article at INFO; their warnings and errors
carry the id.

>>> import logging
>>> record = logging.LogRecord("x", logging.WARNING, __file__, 1, "bad %s", ("input",), None)
>>> record.created = 0.0
>>> JsonFormatter(service="store").format(record)
'{"timestamp": "1970-01-01T00:00:00.000Z", "level": "WARNING", "logger": "x", \
"message": "bad input", "service": "store"}'
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ARTICLE_ID: ContextVar[str | None] = ContextVar("newsflow_article_id", default=None)
"""The article the current code is handling (set with :func:`article_context`)."""

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class LoggingSettings(BaseSettings):
    """How every newsflow process logs (env prefix ``NEWSFLOW_``)."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    log_format: Literal["text", "json"] = Field(
        "text", description="text for a terminal, json (one object per line) for log pipelines."
    )
    log_level: Literal["debug", "info", "warning", "error", "critical"] = Field(
        "info", description="Level of the root logger."
    )

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value


@contextmanager
def article_context(article_id: str | None) -> Iterator[None]:
    """Within the block, log records carry ``article_id`` (this thread or task only)."""
    token = ARTICLE_ID.set(article_id)
    try:
        yield
    finally:
        ARTICLE_ID.reset(token)


def article_id_of(record: logging.LogRecord) -> str | None:
    """The article a record concerns: its ``extra`` first, then the context variable."""
    explicit = getattr(record, "article_id", None)
    if explicit:
        return str(explicit)
    return ARTICLE_ID.get()


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def __init__(self, *, service: str) -> None:
        super().__init__()
        self._service = service

    def format(self, record: logging.LogRecord) -> str:
        created = datetime.fromtimestamp(record.created, UTC)
        doc: dict[str, object] = {
            "timestamp": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "service": self._service,
        }
        article_id = article_id_of(record)
        if article_id is not None:
            doc["article_id"] = article_id
        if record.exc_info:
            doc["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            doc["stack"] = self.formatStack(record.stack_info)
        return json.dumps(doc, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """The terminal line, with ``[article_id=…]`` appended when the record concerns one."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        article_id = article_id_of(record)
        return f"{line} [article_id={article_id}]" if article_id is not None else line


def configure_logging(settings: LoggingSettings, *, service: str) -> None:
    """Install the root handler (stderr) in the configured format, like ``basicConfig``: a
    process whose root logger already has handlers (pytest's, an embedding app's) is left alone.
    """
    handler = logging.StreamHandler()
    formatter: logging.Formatter = (
        JsonFormatter(service=service) if settings.log_format == "json" else TextFormatter()
    )
    handler.setFormatter(formatter)
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler])
