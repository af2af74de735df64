"""When a feed is polled next.

After a successful poll (new entries or ``304 Not Modified``): its interval later. After a
failure: the server's ``Retry-After`` when it sent one (``429``/``503``), else exponential
backoff with jitter starting at ``min(interval, backoff_base_s)`` and capped at
``max(interval, backoff_cap_s)``, so a failing feed is retried sooner than its interval at first
and then ever more rarely.

>>> from datetime import datetime, timezone
>>> now = datetime(2024, 1, 1, tzinfo=timezone.utc)
>>> policy = PollPolicy(backoff_base_s=30, backoff_cap_s=3600, jitter=0.0)
>>> policy.after_success(now, interval_s=300).isoformat()
'2024-01-01T00:05:00+00:00'
>>> policy.after_failure(now, interval_s=300, failures=3, retry_after_s=None).isoformat()
'2024-01-01T00:02:00+00:00'
>>> policy.after_failure(now, interval_s=300, failures=1, retry_after_s=900).isoformat()
'2024-01-01T00:15:00+00:00'
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from shared.backoff import backoff_delay


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """``jitter`` fixes the random part of the backoff (tests); ``None`` draws it from ``rng``."""

    backoff_base_s: float = 30.0
    backoff_cap_s: float = 3600.0
    jitter: float | None = None
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def after_success(self, now: datetime, *, interval_s: float) -> datetime:
        return now + timedelta(seconds=interval_s)

    def after_failure(
        self,
        now: datetime,
        *,
        interval_s: float,
        failures: int,
        retry_after_s: float | None,
    ) -> datetime:
        if retry_after_s is not None:
            return now + timedelta(seconds=retry_after_s)
        delay = backoff_delay(
            failures,
            base_s=min(interval_s, self.backoff_base_s),
            cap_s=max(interval_s, self.backoff_cap_s),
            jitter=self.jitter,
            rng=self.rng,
        )
        return now + timedelta(seconds=delay)
