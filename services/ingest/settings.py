"""Settings of the ingest service: the shared Kafka settings plus the HTTP API's own.

Every field comes from the environment with the ``NEWSFLOW_`` prefix (``NEWSFLOW_HTTP_PORT``,
``NEWSFLOW_MAX_BODY_BYTES`` …); defaults point at the embedded stack.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from shared.settings import KafkaSettings

MIB = 1024 * 1024


class IngestSettings(KafkaSettings):
    """Configuration of ``newsflow serve ingest``."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    http_host: str = Field("127.0.0.1", description="Interface the HTTP API binds to.")
    http_port: int = Field(8080, ge=0, le=65535, description="0 picks a free port.")
    max_body_bytes: int = Field(
        5 * MIB, ge=1024, description="Larger request bodies are refused with 413."
    )
    max_articles_per_request: int = Field(500, ge=1)
    publish_timeout_s: float = Field(
        10.0, gt=0, description="How long a POST waits for the broker's acks before a 503."
    )
    retry_after_s: int = Field(5, ge=1, description="Retry-After sent with a 503.")
    reconnect_interval_s: float = Field(
        1.0, ge=0, description="Minimum pause between attempts to (re)connect to the broker."
    )
