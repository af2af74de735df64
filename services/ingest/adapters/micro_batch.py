"""Group commit for blocking calls made from many threads at once: the calls that arrive while
one batch is in flight share the next one, so N concurrent calls cost about N / batch
round trips instead of N.

No timer and no thread of its own: a call that finds no batch in flight runs its own at once (no
added latency when idle); one that finds a batch in flight queues and waits. When a batch ends,
the oldest queued call leads the next one: it takes every queued item, up to ``max_items``, and
runs them in one call of ``run``. Under load the batches grow by themselves.

>>> batcher = MicroBatcher(lambda items: [item * 2 for item in items])
>>> batcher.submit(21)
42
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class _Ticket(Generic[T, R]):
    __slots__ = ("done", "error", "item", "lead", "result", "size")

    def __init__(self, item: T, size: int) -> None:
        self.item = item
        self.size = size
        self.done = threading.Event()
        self.lead = False  # set (with ``done``) when this call is to run the next batch
        self.result: R | None = None
        self.error: BaseException | None = None


class MicroBatcher(Generic[T, R]):
    """Runs ``run(items)`` for the items of concurrent :meth:`submit` calls, at most one batch
    at a time. ``run`` returns one result per item, in order; when it raises, every call of the
    batch raises that exception. A batch holds at most ``max_items`` (by ``size``, e.g. the ids
    an item asks for), but always at least one item, however large. Thread-safe."""

    def __init__(
        self,
        run: Callable[[Sequence[T]], Sequence[R]],
        *,
        max_items: int = 1000,
        size: Callable[[T], int] = lambda _: 1,
    ) -> None:
        self._run = run
        self._max_items = max_items
        self._size = size
        self._lock = threading.Lock()
        self._queue: deque[_Ticket[T, R]] = deque()
        self._busy = False

    def submit(self, item: T) -> R:
        """``run``'s result for ``item`` (or its exception), once its batch has run."""
        ticket: _Ticket[T, R] = _Ticket(item, self._size(item))
        with self._lock:
            if self._busy:
                self._queue.append(ticket)
            else:
                self._busy = True
                ticket.lead = True
        if not ticket.lead:
            ticket.done.wait()
        if ticket.lead:
            self._lead(ticket)
        if ticket.error is not None:
            raise ticket.error
        return ticket.result  # type: ignore[return-value]  # set by the batch that ran it

    def _lead(self, first: _Ticket[T, R]) -> None:
        batch = [first]
        with self._lock:
            total = first.size
            while self._queue and total + self._queue[0].size <= self._max_items:
                ticket = self._queue.popleft()
                batch.append(ticket)
                total += ticket.size
        try:
            results = self._run([t.item for t in batch])
            if len(results) != len(batch):
                raise RuntimeError(f"{len(results)} results for a batch of {len(batch)}")
            for ticket, result in zip(batch, results, strict=True):
                ticket.result = result
        except BaseException as exc:  # every call of the batch learns it (the leader re-raises)
            for ticket in batch:
                ticket.error = exc
        finally:
            with self._lock:
                if self._queue:
                    successor = self._queue.popleft()
                    successor.lead = True
                    successor.done.set()
                else:
                    self._busy = False
            for ticket in batch[1:]:
                ticket.done.set()
