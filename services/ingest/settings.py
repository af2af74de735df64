"""Settings of the ingest service: the shared Kafka settings plus the HTTP API's own.

Every field comes from the environment with the ``NEWSFLOW_`` prefix (``NEWSFLOW_HTTP_PORT``,
``NEWSFLOW_MAX_BODY_BYTES`` …); defaults point at the embedded stack, except that the write API
needs an API key unless ``NEWSFLOW_DEV_MODE=true`` (the embedded stack sets it).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.ingest.domain.api_keys import InvalidApiKeyError, check_key_format
from services.ingest.domain.html_text import MAX_HTML_DEPTH
from services.ingest.domain.url import canonicalize_url
from shared.errors import ConfigurationError
from shared.settings import KafkaSettings, StackMemberSettings

MIB = 1024 * 1024


class IngestSettings(KafkaSettings, StackMemberSettings):
    """Configuration of ``newsflow serve ingest``."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    http_host: str = Field("127.0.0.1", description="Interface the HTTP API binds to.")
    http_port: int = Field(8080, ge=0, le=65535, description="0 picks a free port.")
    http_keep_alive_s: int = Field(
        5, ge=1, description="Seconds after which an idle kept-alive connection is closed."
    )
    http_body_timeout_s: float = Field(
        30.0,
        gt=0,
        description="A request body not received completely within this long gets 408 and its "
        "connection is closed (uvicorn has no such limit: a client announcing a body it never "
        "sends would hold its connection and a request slot for ever). 30 s carries the "
        "5 MiB largest body over a slow 2 Mbit/s link.",
    )
    max_body_bytes: int = Field(
        5 * MIB, ge=1024, description="Larger request bodies are refused with 413."
    )
    max_articles_per_request: int = Field(500, ge=1)
    max_html_depth: int = Field(
        MAX_HTML_DEPTH,
        ge=16,
        description="HTML (pushed, or of a feed entry or article page) nesting elements deeper "
        "is refused with 422 (feed entries: rejected; pages: the feed's text is used) without "
        "being parsed: real pages nest a few dozen elements, thousands are an attack, and "
        "the page-text extractor (lxml) gives up past 256 anyway.",
    )
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

    # --- feed polling (on when database_url is set) -------------------------------------------
    database_url: SecretStr | None = Field(
        None,
        description="Postgres holding the feeds and the poller's state (migration 0005); "
        "without it the feed API answers 501 and nothing is polled.",
    )
    feeds: str = Field(
        "",
        description="Comma-separated RSS/Atom feed URLs to poll, besides those registered "
        "through POST /v1/feeds.",
    )
    feed_interval_s: int = Field(300, ge=1, description="Default seconds between polls of a feed.")
    feed_min_interval_s: int = Field(
        60, ge=1, description="Smallest interval_s POST /v1/feeds accepts."
    )
    feed_concurrency: int = Field(4, ge=1, le=100, description="Feeds polled at once.")
    feed_timeout_s: float = Field(
        20.0, gt=0, description="Whole-request limit for a feed or article page, body included."
    )
    feed_max_bytes: int = Field(
        10 * MIB, ge=1024, description="Larger feeds and article pages are refused."
    )
    feed_backoff_base_s: float = Field(
        30.0, gt=0, description="First retry delay after a failed poll (doubles each time)."
    )
    feed_backoff_cap_s: float = Field(3600.0, gt=0, description="Longest backoff delay.")
    feed_min_text_chars: int = Field(
        500,
        ge=0,
        description="Entries whose feed text is shorter get their article page fetched and its "
        "main text extracted.",
    )
    feed_fetch_pages: bool = Field(True, description="false: never fetch article pages.")
    feed_near_duplicate_bits: int = Field(
        8,
        ge=0,
        le=32,
        description="SimHash distance (of 64 bits) up to which two texts are near duplicates.",
    )
    feed_near_duplicate_window_h: float = Field(
        72.0, gt=0, description="How far back near duplicates are looked for."
    )
    feed_user_agent: str = Field("newsflow-feed-poller/0.1", min_length=1)

    def feed_urls(self) -> tuple[str, ...]:
        """The feeds of ``NEWSFLOW_FEEDS``; raises :class:`ConfigurationError` naming a URL
        that is not absolute http(s)."""
        urls = tuple(dict.fromkeys(u.strip() for u in self.feeds.split(",") if u.strip()))
        for url in urls:
            try:
                canonicalize_url(url)
            except ValueError as exc:
                raise ConfigurationError(f"NEWSFLOW_FEEDS: {url!r}: {exc}") from None
        if urls and self.database_url is None:
            raise ConfigurationError(
                "NEWSFLOW_FEEDS needs NEWSFLOW_DATABASE_URL (the poller keeps its state there)"
            )
        return urls

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


class BulkSettings(BaseSettings):
    """Configuration of ``newsflow ingest`` (a client of the running ingest API). The feed
    settings have the same names and meaning as the service's."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    ingest_url: str = Field("http://127.0.0.1:8080", description="Base URL of the ingest API.")
    api_key: SecretStr | None = Field(None, description="Sent as X-API-Key when set.")
    bulk_state_dir: Path = Field(
        default_factory=lambda: Path.home() / ".cache" / "newsflow",
        description="Where resumable positions of bulk inputs are kept.",
    )
    bulk_batch_size: int = Field(100, ge=1, le=10_000)
    bulk_timeout_s: float = Field(60.0, gt=0, description="Per request to the ingest API.")
    feed_timeout_s: float = Field(20.0, gt=0)
    feed_max_bytes: int = Field(10 * MIB, ge=1024)
    feed_min_text_chars: int = Field(500, ge=0)
    feed_fetch_pages: bool = True
    feed_user_agent: str = Field("newsflow-feed-poller/0.1", min_length=1)


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
