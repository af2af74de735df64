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
    store_batch_max: int = Field(500, ge=1, description="Records per poll and per transaction.")
    store_poll_timeout_ms: int = Field(500, ge=0, description="How long a poll waits for records.")
    store_backoff_initial_s: float = Field(
        0.2, gt=0, description="First wait after a failed database or dead-letter write."
    )
    store_backoff_max_s: float = Field(30.0, gt=0, description="Cap of the exponential back-off.")
    store_log_interval_s: float = Field(
        10.0, gt=0, description="How often progress (records, batches, lag) is logged."
    )
