"""How long to wait before trying again: exponential backoff, capped, with jitter.

>>> backoff_delay(1, base_s=10, cap_s=3600, jitter=0.0)
10.0
>>> backoff_delay(4, base_s=10, cap_s=3600, jitter=0.0)
80.0
>>> backoff_delay(30, base_s=10, cap_s=3600, jitter=0.0)
3600.0
"""

from __future__ import annotations

import random


def backoff_delay(
    failures: int,
    *,
    base_s: float,
    cap_s: float,
    jitter: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait after ``failures`` consecutive failures (``failures >= 1``):
    ``base_s * 2**(failures-1)``, at most ``cap_s``, then reduced by a random fraction of up to
    a half ("equal jitter"), so that clients failing together do not retry together.
    ``jitter`` in ``[0, 1]`` fixes the random fraction (``0.0``: no jitter); else ``rng`` (or
    the ``random`` module) draws it.
    """
    if failures < 1:
        raise ValueError("failures must be at least 1")
    exponent = min(failures - 1, 62)  # 2**62 seconds is past any cap; avoids float overflow
    delay = min(cap_s, base_s * float(2**exponent))
    fraction = jitter if jitter is not None else (rng or random).random()
    return delay * (1.0 - 0.5 * fraction)
