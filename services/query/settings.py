"""Settings of the query API (``newsflow serve api``), the only place it reads its configuration.

Every field comes from the environment with the ``NEWSFLOW_`` prefix (``NEWSFLOW_API_PORT``,
``NEWSFLOW_DATABASE_URL`` …); defaults point at the embedded stack.

>>> ApiSettings(api_port=9000).api_port
9000
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from shared.settings import DatabaseSettings, StackMemberSettings


class ApiSettings(DatabaseSettings, StackMemberSettings):
    """Where the query API listens, and how it uses Postgres."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    api_host: str = Field("127.0.0.1", description="Interface the query API binds to.")
    api_port: int = Field(8081, ge=0, le=65535, description="0 picks a free port.")
    api_pool_min: int = Field(1, ge=0, description="Postgres connections kept open.")
    api_pool_max: int = Field(
        8, ge=1, description="Most Postgres connections at once (requests beyond wait)."
    )
    api_pool_timeout_s: float = Field(
        5.0, gt=0, description="How long a request waits for a connection before a 503."
    )
    api_statement_timeout_ms: int = Field(
        10_000, ge=0, description="Postgres cancels a query running longer (503); 0: no limit."
    )
    api_keep_alive_s: int = Field(
        5, ge=1, description="Seconds after which an idle kept-alive connection is closed."
    )
    api_body_timeout_s: float = Field(
        10.0,
        gt=0,
        description="A request body not received within this long gets 408 and its connection "
        "is closed (uvicorn has no such limit: a client announcing a body it never sends would "
        "hold its connection for ever).",
    )

    @model_validator(mode="after")
    def _pool_bounds(self) -> ApiSettings:
        if self.api_pool_min > self.api_pool_max:
            raise ValueError("api_pool_min must not exceed api_pool_max")
        return self
