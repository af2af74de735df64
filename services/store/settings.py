"""Settings of the store service, the only place it reads its configuration from."""

from __future__ import annotations

from pydantic import Field

from shared.settings import DatabaseSettings, KafkaSettings


class StoreSettings(KafkaSettings, DatabaseSettings):
    """Kafka and Postgres connection plus the store's own knobs (env prefix ``NEWSFLOW_``).

    >>> StoreSettings(store_batch_max=100).store_batch_max
    100
    """

    store_group_id: str = Field("newsflow-store", description="Kafka consumer group of the store.")
    store_batch_max: int = Field(1000, ge=1, description="Records per poll and per transaction.")
    store_poll_timeout_ms: int = Field(500, ge=0, description="How long a poll waits for records.")
    store_fetch_max_wait_ms: int = Field(
        100,
        ge=0,
        description="How long the broker may hold a fetch that found no data; brokers that hold "
        "it for all of it (Tansu) add up to this much latency per record.",
    )
    store_backoff_initial_s: float = Field(
        0.2, gt=0, description="First wait after a failed database or dead-letter write."
    )
    store_backoff_max_s: float = Field(30.0, gt=0, description="Cap of the exponential back-off.")
    store_log_interval_s: float = Field(
        10.0, gt=0, description="How often progress (records, batches, lag) is logged."
    )
    metrics_host: str = Field(
        "127.0.0.1", description="Address the metrics server binds (0.0.0.0 in containers)."
    )
    metrics_port: int | None = Field(
        None, ge=1, le=65535, description="Port of /metrics; unset = no metrics server."
    )
    store_metrics_port: int | None = Field(
        None,
        ge=1,
        le=65535,
        description="Overrides metrics_port for the store alone (the embedded stack gives every "
        "service the same environment, so each needs its own port).",
    )

    @property
    def metrics_listen_port(self) -> int | None:
        """The port /metrics is served on, or None for no metrics server."""
        return self.store_metrics_port or self.metrics_port
