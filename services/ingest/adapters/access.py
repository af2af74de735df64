"""Who may call the write API, and how often: the API-key check, then the per-client rate limit.

Both happen before the request body is read, so a client without a valid key, or over its
rate, costs the service no more than reading the headers. Requests refused for their key are
rate-limited too, per client address (``429`` once that address's burst is spent).

A key is presented as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``; a bearer token
wins when both are sent. In dev mode no key is asked for and clients are told apart by their
address (behind a proxy that is the proxy's, so they then share one bucket).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from services.ingest.adapters.metrics import IngestMetrics
from services.ingest.domain.api_keys import ApiKeys
from services.ingest.domain.batch import FieldError
from services.ingest.domain.rate_limit import RateLimiter

log = logging.getLogger(__name__)

REALM = 'Bearer realm="newsflow"'
DEV_MODE_LABEL = "none"  # the api_key label of requests admitted without a key (dev mode)
# The api_key label of requests refused for a missing or wrong key: they are rate-limited per
# client address, so guessing keys (or a client with a stale key) is throttled like writing.
UNAUTHENTICATED_LABEL = "unauthenticated"


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a request presented: a bearer token and/or an ``X-API-Key`` header."""

    bearer: str | None = None
    api_key_header: str | None = None
    client_address: str = "unknown"


@dataclass(frozen=True, slots=True)
class AccessRefused:
    """Why a write request is turned away, as the HTTP answer needs it."""

    status: int
    reason: str  # the newsflow_ingest_requests_rejected_total label
    error: FieldError
    headers: dict[str, str] = field(default_factory=dict)


class WriteAccess:
    """Admits or refuses write requests. ``keys=None`` means dev mode (no key needed);
    ``limiter=None`` means no rate limit. Thread-safe."""

    def __init__(
        self, *, keys: ApiKeys | None, limiter: RateLimiter | None, metrics: IngestMetrics
    ) -> None:
        self._keys = keys
        self._limiter = limiter
        self._metrics = metrics

    @property
    def needs_key(self) -> bool:
        return self._keys is not None

    def admit(self, credentials: Credentials) -> AccessRefused | None:
        """``None`` if the request may proceed, else the refusal to send."""
        address_bucket = f"address:{credentials.client_address}"
        if self._keys is None:
            label, bucket = DEV_MODE_LABEL, address_bucket
        else:
            identified = self._authenticate(self._keys, credentials)
            if isinstance(identified, AccessRefused):
                limited = self._limit(UNAUTHENTICATED_LABEL, f"unauthenticated:{address_bucket}")
                refusal = limited or identified
                self._metrics.requests_rejected.labels(refusal.reason).inc()
                return refusal
            label, bucket = identified, f"key:{identified}"
        refused = self._limit(label, bucket)
        if refused is None:
            self._metrics.write_requests.labels(label).inc()
        else:
            self._metrics.requests_rejected.labels(refused.reason).inc()
        return refused

    def _authenticate(self, keys: ApiKeys, credentials: Credentials) -> str | AccessRefused:
        header, presented = (
            ("authorization", credentials.bearer)
            if credentials.bearer
            else ("x-api-key", credentials.api_key_header)
        )
        if not presented:
            log.info("write request without an API key from %s", credentials.client_address)
            message = "API key required: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"
            return AccessRefused(
                401,
                "unauthorized",
                FieldError(("authorization",), message, "missing_api_key"),
                headers={"WWW-Authenticate": REALM},
            )
        fingerprint = keys.identify(presented)
        if fingerprint is None:
            log.info("write request with an unknown API key from %s", credentials.client_address)
            return AccessRefused(
                401,
                "unauthorized",
                FieldError((header,), "invalid API key", "invalid_api_key"),
                headers={"WWW-Authenticate": f'{REALM}, error="invalid_token"'},
            )
        return fingerprint

    def _limit(self, label: str, bucket: str) -> AccessRefused | None:
        if self._limiter is None:
            return None
        decision = self._limiter.acquire(bucket)
        if decision.allowed:
            return None
        self._metrics.rate_limited.labels(label).inc()
        log.info("rate limit reached for %s", bucket)
        retry_after = decision.retry_after_header
        who = "this API key" if bucket.startswith("key:") else "this client address"
        message = (
            f"rate limit exceeded for {who}: {self._limiter.rate_per_s:g} requests/s, "
            f"bursts of {self._limiter.burst}; retry after {retry_after} s"
        )
        return AccessRefused(
            429,
            "rate_limited",
            FieldError((), message, "rate_limited"),
            headers={"Retry-After": retry_after},
        )
