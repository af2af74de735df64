"""Settings of the ingest service: the shared Kafka settings plus the HTTP API's own.

Every field comes from the environment with the ``NEWSFLOW_`` prefix (``NEWSFLOW_HTTP_PORT``,
``NEWSFLOW_MAX_BODY_BYTES`` …); defaults point at the embedded stack, except that the write API
needs an API key unless ``NEWSFLOW_DEV_MODE=true`` (the embedded stack sets it).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from services.ingest.domain.api_keys import InvalidApiKeyError, check_key_format
from shared.errors import ConfigurationError
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
    dev_mode: bool = Field(
        False,
        description="Development only: the write API needs no API key and is rate-limited per "
        "client address.",
    )
    api_keys: SecretStr | None = Field(
        None,
        description="Comma-separated keys accepted by POST /v1/articles (at least 16 visible "
        "ASCII characters each).",
    )
    api_keys_file: Path | None = Field(
        None,
        description="File with more keys (one a line or comma-separated; blank lines and lines "
        "starting with # ignored), e.g. a secret mounted by an orchestrator.",
    )
    rate_limit_per_s: float = Field(
        100.0,
        ge=0,
        description="Write requests per second allowed per API key (per client address in dev "
        "mode), whatever their number of articles; 0 turns the limit off.",
    )
    rate_limit_burst: int = Field(
        200, ge=1, description="Write requests a client may send at once before the rate applies."
    )

    def write_api_keys(self) -> tuple[SecretStr, ...]:
        """The keys of ``NEWSFLOW_API_KEYS`` and ``NEWSFLOW_API_KEYS_FILE``, distinct.

        Raises :class:`ConfigurationError` when the file cannot be read or a key is unusable;
        messages name the setting and the key's position, never the key.
        """
        keys: list[str] = []
        sources: list[tuple[str, str]] = []
        if self.api_keys is not None:
            sources.append(("NEWSFLOW_API_KEYS", self.api_keys.get_secret_value()))
        if self.api_keys_file is not None:
            sources.append(("NEWSFLOW_API_KEYS_FILE", _read_keys_file(self.api_keys_file)))
        for setting, text in sources:
            found = _split_keys(text)
            for position, key in enumerate(found, start=1):
                try:
                    check_key_format(key, position=position)
                except InvalidApiKeyError as exc:
                    raise ConfigurationError(f"{setting}: {exc}") from None
            keys.extend(found)
        return tuple(SecretStr(key) for key in dict.fromkeys(keys))


def embedded_stack_write_env(settings: IngestSettings | None = None) -> dict[str, str]:
    """What the embedded stack adds to the ingest service's environment: dev mode (an open
    write API on a development machine, not rate-limited unless ``NEWSFLOW_RATE_LIMIT_PER_S`` is
    set), unless the user configured API keys, which then reach the service unchanged and are
    required."""
    settings = settings if settings is not None else IngestSettings()
    if settings.api_keys is not None or settings.api_keys_file is not None:
        return {}
    env = {"NEWSFLOW_DEV_MODE": "true"}
    if "rate_limit_per_s" not in settings.model_fields_set:
        # One developer on their own machine: no throttling unless they ask for it.
        env["NEWSFLOW_RATE_LIMIT_PER_S"] = "0"
    return env


def _read_keys_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(
            f"NEWSFLOW_API_KEYS_FILE: cannot read {path}: {exc.__class__.__name__}"
        ) from None


def _split_keys(text: str) -> list[str]:
    keys: list[str] = []
    for line in text.splitlines():
        if line.strip().startswith("#"):
            continue
        keys.extend(part.strip() for part in line.split(",") if part.strip())
    return keys
