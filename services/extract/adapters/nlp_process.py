"""The NLP in a child process, with a time budget per article.

spaCy's compiled code holds the GIL and cannot be interrupted: if it ran in the worker process,
one article that parses for minutes would silence the event loop (heartbeats, ``/metrics``,
SIGTERM) and, after a restart, stall again on the same record. So the worker runs the
:class:`~services.extract.domain.extractor.Extractor` in a child process and waits for it
asynchronously:

* The child parses a batch in groups of :attr:`Budget.group_size` articles (``nlp.pipe``) and
  sends each article's result as soon as it has it, so the parent knows how far it got.
* Each result must arrive within the budget of the articles of its group still outstanding
  (:meth:`Budget.seconds_for`: a fixed part plus a part per 1,000 characters). Past it the
  parent kills the child, starts a new one, and runs the rest of that group one article at a
  time, each with its own budget: the article that exceeds its budget alone comes back as an
  :class:`ArticleBudgetExceededError`, which the worker dead-letters; the others are extracted.
  (When one article of the group is left, it is the culprit: it is not run again.)
* If the child dies (out of memory, a crash in compiled code), the same isolation runs, and
  the article that kills the child again is reported as :class:`NlpProcessDiedError`.
* The child is started with ``spawn`` (a clean interpreter, no copy of the worker's threads
  and sockets), dies with its parent (``PR_SET_PDEATHSIG``) and ignores SIGINT: Ctrl-C reaches
  the whole process group, and the parent decides when its child stops.

Failures are reported, never raised: :meth:`IsolatedNlp.extract` answers one
:data:`ArticleOutcome` per input, in input order.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Literal

from services.extract.domain.extractor import ArticleText, Extraction, Extractor, load_nlp
from shared.children import terminate_with_parent
from shared.errors import ConfigurationError, PoisonMessageError

log = logging.getLogger(__name__)

START_TIMEOUT_S = 300.0  # loading the model takes 1-3 s; a starved machine may need far more
STOP_TIMEOUT_S = 5.0


class ArticleBudgetExceededError(PoisonMessageError):
    """The article took longer to extract than its time budget."""


class NlpProcessDiedError(PoisonMessageError):
    """The NLP process died while extracting the article."""


@dataclass(frozen=True)
class ArticleFailure:
    """Why one article could not be extracted (exceptions do not cross processes reliably)."""

    error_class: str
    message: str


ArticleOutcome = Extraction | ArticleFailure


@dataclass(frozen=True)
class Budget:
    """How long extracting one article may take, and how many are parsed together.

    >>> Budget(base_s=2.0, per_kchar_s=0.25).seconds_for("x" * 4000)
    3.0
    """

    base_s: float = 10.0
    per_kchar_s: float = 0.25
    group_size: int = 8

    def seconds_for(self, text: str) -> float:
        return self.base_s + self.per_kchar_s * len(text) / 1000


class IsolatedNlp:
    """An :class:`Extractor` over ``model_name`` in a child process (see the module docstring).

    One batch at a time: :meth:`extract` must not be called again before it returned.
    """

    def __init__(self, model_name: str, budget: Budget) -> None:
        self._model_name = model_name
        self._budget = budget
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self.restarts = 0  # child processes started after the first (timeouts and crashes)

    @property
    def pid(self) -> int | None:
        """The child's process id (None when it is not running)."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the child and wait until its model is loaded (blocking; call at start-up).

        Raises :class:`ConfigurationError` when the child cannot load the model."""
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child_end, self._model_name), name="newsflow-nlp", daemon=True
        )
        process.start()
        child_end.close()
        self._process, self._conn = process, parent_end
        if not parent_end.poll(START_TIMEOUT_S):
            self.stop()
            raise ConfigurationError(f"the NLP process did not start in {START_TIMEOUT_S:.0f}s")
        try:
            ready = parent_end.recv()
        except EOFError:
            ready = ("failed", "the NLP process exited while loading the model")
        if ready[0] != "ready":
            self.stop()
            raise ConfigurationError(str(ready[1]))

    def stop(self) -> None:
        """Stop the child at once (it keeps no state; a parse in progress is thrown away).
        Idempotent."""
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if process is not None:  # first: a child that saw its pipe close would report it
            process.kill()
            process.join(STOP_TIMEOUT_S)
        if conn is not None:
            conn.close()

    async def extract(self, articles: Sequence[ArticleText]) -> list[ArticleOutcome]:
        """One outcome per article, in order; never raises for an article's sake."""
        outcomes: list[ArticleOutcome] = []
        size = self._budget.group_size
        for first in range(0, len(articles), size):
            group = articles[first : first + size]
            started = time.monotonic()
            done, stop = await self._run(group)
            outcomes.extend(done)
            rest = group[len(done) :]
            if len(rest) == 1 and stop != "done":  # the one article left is the culprit
                outcomes.append(self._failure(rest[0], stop, time.monotonic() - started))
                continue
            for article in rest:  # the group failed: isolate the culprit
                outcomes.append(await self._run_alone(article))
        return outcomes

    async def _run_alone(self, article: ArticleText) -> ArticleOutcome:
        started = time.monotonic()
        done, stop = await self._run([article])
        if done:
            return done[0]
        return self._failure(article, stop, time.monotonic() - started)

    def _failure(self, article: ArticleText, stop: str, seconds: float) -> ArticleFailure:
        if stop == "died":
            return ArticleFailure(
                NlpProcessDiedError.__name__,
                f"the NLP process died while extracting article {article.article_id!r} "
                f"({len(article.text)} characters; stage nlp)",
            )
        return ArticleFailure(
            ArticleBudgetExceededError.__name__,
            f"extracting article {article.article_id!r} ({len(article.text)} characters) took "
            f"over {seconds:.1f}s, its budget of "
            f"{self._budget.seconds_for(article.text):.1f}s (stage nlp); the parse was stopped",
        )

    async def _run(
        self, group: Sequence[ArticleText]
    ) -> tuple[list[ArticleOutcome], Literal["done", "timeout", "died"]]:
        """Outcomes of ``group``, fewer if the child missed its budget or died (it has been
        replaced by a new one then), and why it stopped."""
        if self._conn is None:
            self._restart()
        conn = self._conn
        assert conn is not None
        outcomes: list[ArticleOutcome] = []
        try:
            conn.send(list(group))
        except OSError:  # died between two batches
            log.error("the NLP process is gone; restarting it")
            self._restart()
            return outcomes, "died"
        while len(outcomes) < len(group):
            wait_s = sum(self._budget.seconds_for(a.text) for a in group[len(outcomes) :])
            try:
                outcomes.append(await _receive(conn, timeout_s=wait_s))
            except TimeoutError:
                log.warning(
                    "the NLP process missed its budget of %.1fs on %d article(s); restarting it",
                    wait_s,
                    len(group) - len(outcomes),
                )
                self._restart()
                return outcomes, "timeout"
            except (EOFError, OSError):
                log.error("the NLP process died; restarting it")
                self._restart()
                return outcomes, "died"
        return outcomes, "done"

    def _restart(self) -> None:
        self.stop()
        self.restarts += 1
        self.start()


async def _receive(conn: Connection, *, timeout_s: float) -> ArticleOutcome:
    """The next message from the child, waiting on the event loop (not in a thread, so a
    shutdown never waits for a parse). Raises TimeoutError, or EOFError when the child died."""
    loop = asyncio.get_running_loop()
    readable = asyncio.Event()
    fd = conn.fileno()
    loop.add_reader(fd, readable.set)
    try:
        await asyncio.wait_for(readable.wait(), timeout_s)
    finally:
        loop.remove_reader(fd)
    outcome: ArticleOutcome = conn.recv()  # the child writes whole messages at once
    return outcome


def _serve(conn: Connection, model_name: str) -> None:
    """The child: load the model, then answer groups of articles until told to stop."""
    set_death_signal = terminate_with_parent()
    if set_death_signal is not None:
        set_death_signal()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        extractor = Extractor(load_nlp(model_name))
    except Exception as exc:  # reported to the parent, which fails its start-up
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", model_name))
    try:
        while (group := conn.recv()) is not None:
            _answer(conn, extractor, group)
    except (EOFError, OSError):  # the parent is gone or stopped listening: nothing to report
        return


def _answer(conn: Connection, extractor: Extractor, group: list[ArticleText]) -> None:
    """Send each article's outcome as soon as it is known."""
    sent = 0
    try:
        for extraction in extractor.extract_many(group, batch_size=len(group)):
            conn.send(extraction)
            sent += 1
    except (EOFError, OSError):
        raise
    except Exception:  # one article broke the group: the rest one by one
        for article in group[sent:]:
            conn.send(_extract_alone(extractor, article))


def _extract_alone(extractor: Extractor, article: ArticleText) -> ArticleOutcome:
    try:
        return extractor.extract(article)
    except Exception as exc:  # any failure of the NLP on one article is reported, not raised
        return ArticleFailure(type(exc).__name__, str(exc))
