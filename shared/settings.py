"""Settings shared by every service. Each service has its own frozen settings class that
inherits these fields; nothing else in newsflow reads ``os.environ``.

Defaults point at the embedded stack that ``newsflow up`` starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_BOOTSTRAP = "127.0.0.1:9092"


class KafkaSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    kafka_bootstrap: str = Field(DEFAULT_BOOTSTRAP, description="host:port[,host:port…]")
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: str | None = None
    # Join/heartbeat timings that keep consumer-group joins short on Tansu (see DESIGN.md) and
    # are valid on Apache Kafka too.
    kafka_session_timeout_ms: int = 6000
    kafka_heartbeat_interval_ms: int = 2000
    topic_prefix: str = Field("", description="Prepended to every topic name (test isolation).")
    topic_partitions: int = Field(4, ge=1, description="Partitions when newsflow creates topics.")
    topic_replication: int = Field(1, ge=1)
    ready_file: Path | None = Field(
        None,
        description="Touched once the service has joined its consumer group and got its "
        "partitions (for orchestrators: `newsflow up`, an exec readiness probe).",
    )

    def topic(self, name: str) -> str:
        """The configured name of one of the topics in :mod:`shared.topics`."""
        return f"{self.topic_prefix}{name}"

    def kafka_client_options(self) -> dict[str, object]:
        """Connection options for kafka-python clients (security passed through)."""
        opts: dict[str, object] = {
            "bootstrap_servers": self.kafka_bootstrap.split(","),
            "security_protocol": self.kafka_security_protocol,
        }
        if self.kafka_sasl_mechanism:
            opts["sasl_mechanism"] = self.kafka_sasl_mechanism
            opts["sasl_plain_username"] = self.kafka_sasl_username
            if self.kafka_sasl_password is not None:
                opts["sasl_plain_password"] = self.kafka_sasl_password.get_secret_value()
        if self.kafka_ssl_cafile:
            opts["ssl_cafile"] = self.kafka_ssl_cafile
        return opts


class StackMemberSettings(BaseSettings):
    """What a service of ``newsflow up`` knows of its stack (services/stack/endpoints.py)."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    stack_id: str | None = Field(
        None,
        description="Set by `newsflow up` for its own services; /readyz reports it, so the "
        "stack (and `newsflow ingest`) can tell its own service from another on the same port.",
    )


class DatabaseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    database_url: SecretStr = Field(
        SecretStr("postgresql://postgres@127.0.0.1:5432/newsflow"),
        description="libpq URL of the Postgres that holds articles, claims and events.",
    )
