"""Small statistics the report needs (no numpy in the product dependencies)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """p50, p95, p99 and max (inclusive method: a percentile is never outside the data)."""
    if not values:
        return {}
    if len(values) == 1:
        v = values[0]
        return {"p50_s": v, "p95_s": v, "p99_s": v, "max_s": v}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50_s": cuts[49], "p95_s": cuts[94], "p99_s": cuts[98], "max_s": max(values)}


def slope(times: Sequence[float], values: Sequence[float]) -> float:
    """Least-squares slope of ``values`` over ``times`` (units per second); 0 for < 2 points."""
    if len(times) < 2:
        return 0.0
    try:
        return statistics.linear_regression(times, values).slope
    except statistics.StatisticsError:  # all times equal
        return 0.0
