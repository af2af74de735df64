"""Settings of the embedded all-in-one stack (``newsflow up`` / ``newsflow demo``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from shared.settings import DatabaseSettings, KafkaSettings


class StackSettings(KafkaSettings, DatabaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    http_host: str = "127.0.0.1"
    http_port: int = Field(8080, ge=1, le=65535)
    api_port: int = Field(
        8081, ge=1, le=65535, description="Query API and live page (a free port if taken)."
    )
    state_dir: Path = Field(Path(".newsflow"), description="Logs of the embedded broker.")

    @property
    def broker_is_external(self) -> bool:
        """True when ``NEWSFLOW_KAFKA_BOOTSTRAP`` names a broker: then none is started."""
        return "kafka_bootstrap" in self.model_fields_set

    @property
    def database_is_external(self) -> bool:
        """True when ``NEWSFLOW_DATABASE_URL`` names a database."""
        return "database_url" in self.model_fields_set
