"""Process-level tuning shared by the long-running services.

Garbage collection: the services allocate many short-lived objects per record (a decoded
message is a tree of pydantic models), so CPython's cyclic collector runs often, and each of its
full passes walks every live object: the imported modules, the spaCy model, the settings. Those
never become garbage. :func:`tune_gc`, called once start-up is done, moves them to the permanent
generation (``gc.freeze()``), so collections only walk what the service allocated since, and
raises the first generation's threshold so that a batch of records does not trigger a dozen
young collections. Reference counting still frees almost everything at once; only cycles wait
for the (rarer) collections. Measured here: decoding a claim took ~35 µs with the collector
walking 22k live models and ~13 µs after gc.freeze(); the store alone went from 0.35× to 0.40×
of a raw COPY (``newsflow bench --only store``).

Thread switching: the store's writer thread spends its time waiting for Postgres; each answer
is handled only once the thread gets the GIL back, and while the consumer thread is busy
(parsing a fetch, decoding a batch) that takes up to the interpreter's switch interval, 5 ms by
default, for every statement of the batch. :func:`tune_switch_interval` shortens it for such
processes. Measured here (the store in-process on 22,059 rows, sets of 3 runs alternating between
settings): the sets' medians were 0.41 and 0.49× of a raw COPY with 5 ms, 0.49–0.56× (four sets)
with 0.5 ms, and 0.2 or 1 ms were no better than 0.5 ms.
"""

from __future__ import annotations

import gc
import sys

GEN0_THRESHOLD = 50_000


def tune_gc(*, gen0_threshold: int = GEN0_THRESHOLD) -> None:
    """Freeze what start-up allocated and make young collections rarer. Idempotent."""
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(gen0_threshold, gen1, gen2)


SWITCH_INTERVAL_S = 0.0005


def tune_switch_interval(seconds: float = SWITCH_INTERVAL_S) -> None:
    """Let a thread waiting for I/O get the GIL back sooner (see the module docstring)."""
    sys.setswitchinterval(seconds)
