"""The group commit behind the versions of pushed articles: calls that arrive while a batch is in
flight share the next one, each gets its own answer, and a failed batch fails each of its
calls."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from services.ingest.adapters.micro_batch import MicroBatcher


class HeldRun:
    """A ``run`` that doubles its items and, while ``hold`` is clear, blocks its first batch
    so that the test can queue calls behind it."""

    def __init__(self, *, fail_on: int | None = None) -> None:
        self.batches: list[list[int]] = []
        self.started = threading.Event()
        self.hold = threading.Event()
        self.fail_on = fail_on

    def __call__(self, items: Sequence[int]) -> list[int]:
        self.batches.append(list(items))
        self.started.set()
        self.hold.wait(timeout=10)
        if self.fail_on in items:
            raise RuntimeError(f"batch with {self.fail_on} failed")
        return [item * 2 for item in items]


def queue_behind_first(batcher: MicroBatcher[int, int], run: HeldRun, items: list[int]) -> list:
    """Submit ``items[0]``, wait until its batch runs, submit the rest, then release."""
    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        first = pool.submit(batcher.submit, items[0])
        assert run.started.wait(timeout=10)
        rest = [pool.submit(batcher.submit, item) for item in items[1:]]
        while len(batcher._queue) < len(rest):  # every later call is waiting
            threading.Event().wait(0.001)
        run.hold.set()
        return [first, *rest]


def test_calls_arriving_during_a_batch_share_the_next_one() -> None:
    run = HeldRun()
    batcher = MicroBatcher(run)

    futures = queue_behind_first(batcher, run, [1, 2, 3, 4, 5])

    assert [f.result() for f in futures] == [2, 4, 6, 8, 10]
    assert run.batches[0] == [1]
    assert sorted(run.batches[1]) == [2, 3, 4, 5] and len(run.batches) == 2


def test_a_batch_holds_at_most_max_items() -> None:
    run = HeldRun()
    batcher = MicroBatcher(run, max_items=2)

    futures = queue_behind_first(batcher, run, [1, 2, 3, 4, 5])

    assert [f.result() for f in futures] == [2, 4, 6, 8, 10]
    assert [len(batch) for batch in run.batches] == [1, 2, 2]


def test_every_call_of_a_failed_batch_raises_and_the_next_batch_runs() -> None:
    run = HeldRun(fail_on=3)
    batcher = MicroBatcher(run)

    futures = queue_behind_first(batcher, run, [1, 2, 3])

    assert futures[0].result() == 2
    for future in futures[1:]:
        with pytest.raises(RuntimeError, match="batch with 3 failed"):
            future.result()
    assert batcher.submit(7) == 14  # the batcher is not left busy
