"""``newsflow reprocess``: extract stored articles again with the current extractor.

The stored articles are published again to ``articles.raw``; the extract workers (as many as
run, scaled like any consumer group) extract them, and each extraction's manifest on
``articles.extracted`` makes the store replace the older extraction's claims and events (see
:mod:`services.store.domain.extractions`): no duplicates, whatever the order or replays.

Which articles: published in ``[since, until)``, whose current extraction is not by this
extractor version (or has none: stored before manifests existed, or never extracted); with
``include_current`` all of them. Running it again after an interruption therefore continues where
it stopped: articles already re-extracted are skipped.

Each record is sent with a Kafka timestamp later than that of the extraction it replaces, so the
new extraction is newer even when this machine's clock is behind the one that ingested it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, LiteralString

import psycopg
from kafka.errors import KafkaError

from shared.codec import decode, encode
from shared.errors import NewsflowError, PoisonMessageError
from shared.kafka import make_producer
from shared.models import RawArticle
from shared.settings import DatabaseSettings, KafkaSettings
from shared.topics import ARTICLES_RAW

PAGE_SIZE = 500
_RELATIVE = re.compile(r"^(\d+)\s*([mhdw])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class ReprocessSettings(KafkaSettings, DatabaseSettings):
    """Kafka and Postgres of the deployment whose articles are reprocessed."""


class ReprocessError(NewsflowError):
    """Reprocessing could not go on (bad arguments, database or broker unreachable)."""


def parse_when(text: str, *, now: datetime) -> datetime:
    """A point in time from ``--since``/``--until``: an ISO date or date-time (UTC unless it says
    otherwise) or an age such as ``30m``, ``24h``, ``7d``, ``2w`` before ``now``.

    >>> now = datetime(2026, 12, 5, 12, tzinfo=UTC)
    >>> parse_when("7d", now=now).isoformat()
    '2026-11-28T12:00:00+00:00'
    >>> parse_when("2022-03-31", now=now).isoformat()
    '2022-03-31T00:00:00+00:00'
    """
    value = text.strip()
    relative = _RELATIVE.match(value)
    if relative:
        return now - timedelta(**{_UNITS[relative.group(2)]: int(relative.group(1))})
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(value), datetime.min.time())
        except ValueError:
            raise ReprocessError(
                f"cannot read {text!r} as a time: give an ISO date (2022-03-31), an ISO "
                "date-time (2022-03-31T09:00:00+00:00) or an age (30m, 24h, 7d, 2w)"
            ) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Selection:
    """Which stored articles to extract again."""

    since: datetime
    until: datetime | None = None
    extractor_version: str = ""
    include_current: bool = False


@dataclass
class ReprocessResult:
    selected: int = 0
    published: int = 0
    unreadable: list[str] = field(default_factory=list)
    extracted: int = 0
    waited: bool = False
    # article_id → offset of the record published for it (its partition is the article's)
    sent: dict[str, int] = field(default_factory=dict)

    @property
    def pending(self) -> int:
        return self.published - self.extracted


_WHERE: LiteralString = """
    a.published_at >= %(since)s
    AND (%(until)s::timestamptz IS NULL OR a.published_at < %(until)s::timestamptz)
    AND (%(all)s OR x.extractor_version IS DISTINCT FROM %(version)s)
"""

_COUNT: LiteralString = (
    "SELECT count(*) FROM articles AS a LEFT JOIN extractions AS x USING (article_id) WHERE "
    + _WHERE
)

_PAGE: LiteralString = (
    "SELECT a.article_id, a.published_at, a.payload::text, x.source_ts_ms"
    " FROM articles AS a LEFT JOIN extractions AS x USING (article_id) WHERE "
    + _WHERE
    + " AND (a.published_at, a.article_id) > (%(after_at)s, %(after_id)s)"
    " ORDER BY a.published_at, a.article_id LIMIT %(limit)s"
)

_EXTRACTED_SINCE: LiteralString = """
SELECT count(*) FROM extractions AS x
JOIN unnest(%s::text[], %s::bigint[]) AS s(article_id, off) USING (article_id)
WHERE x.source_offset >= s.off
"""


def count_selected(conn: psycopg.Connection[Any], selection: Selection) -> int:
    row = conn.execute(_COUNT, _params(selection)).fetchone()
    return int(row[0]) if row else 0


def pages(
    conn: psycopg.Connection[Any], selection: Selection, *, page_size: int = PAGE_SIZE
) -> Iterator[list[tuple[str, str, int | None]]]:
    """The selected articles in pages (keyset pagination on publication time and id):
    ``(article_id, payload, timestamp of the current extraction's source or None)``."""
    after_at, after_id = datetime.min.replace(tzinfo=UTC), ""
    while True:
        params = {**_params(selection), "after_at": after_at, "after_id": after_id}
        rows = conn.execute(_PAGE, {**params, "limit": page_size}).fetchall()
        if not rows:
            return
        yield [(r[0], r[2], r[3]) for r in rows]
        after_id, after_at = rows[-1][0], rows[-1][1]


def _params(selection: Selection) -> dict[str, Any]:
    return {
        "since": selection.since,
        "until": selection.until,
        "all": selection.include_current,
        "version": selection.extractor_version,
    }


def reprocess(
    settings: ReprocessSettings,
    selection: Selection,
    *,
    dry_run: bool = False,
    wait_s: float | None = None,
    on_selected: Callable[[int], None] = lambda total: None,
    on_published: Callable[[int], None] = lambda n: None,
    on_extracted: Callable[[int], None] = lambda n: None,
) -> ReprocessResult:
    """Publish the selected articles to ``articles.raw`` again (all acknowledged by the broker
    before this returns); with ``wait_s``, then wait up to that long until the store holds an
    extraction of each of them from the record just published."""
    result = ReprocessResult()
    try:
        with psycopg.connect(settings.database_url.get_secret_value(), autocommit=True) as conn:
            result.selected = count_selected(conn, selection)
            on_selected(result.selected)
            if dry_run or result.selected == 0:
                return result
            _publish_all(settings, conn, selection, result, on_published)
            if wait_s is not None:
                _wait(conn, result, wait_s=wait_s, on_extracted=on_extracted)
    except psycopg.OperationalError as exc:
        raise ReprocessError(f"reprocess: database unavailable: {exc}") from exc
    return result


def _publish_all(
    settings: ReprocessSettings,
    conn: psycopg.Connection[Any],
    selection: Selection,
    result: ReprocessResult,
    on_published: Callable[[int], None],
) -> None:
    topic = settings.topic(ARTICLES_RAW)
    try:
        producer = make_producer(settings)
    except KafkaError as exc:
        raise ReprocessError(f"reprocess: Kafka at {settings.kafka_bootstrap}: {exc}") from exc
    try:
        for page in pages(conn, selection):
            futures = []
            for article_id, payload, replaced_ts in page:
                try:
                    value = encode(decode(RawArticle, payload.encode("utf-8")))
                except PoisonMessageError:
                    result.unreadable.append(article_id)
                    continue
                now_ms = int(time.time() * 1000)
                timestamp_ms = max(now_ms, (replaced_ts or 0) + 1)
                future = producer.send(
                    topic, key=article_id.encode(), value=value, timestamp_ms=timestamp_ms
                )
                futures.append((article_id, future))
            producer.flush()
            for article_id, future in futures:
                metadata = future.get(timeout=30)
                result.sent[article_id] = metadata.offset
            result.published += len(futures)
            on_published(result.published)
    except KafkaError as exc:
        raise ReprocessError(
            f"reprocess: publishing to {topic} failed after {result.published} articles: {exc} "
            "(run the same command again: articles already re-extracted are skipped)"
        ) from exc
    finally:
        producer.close(timeout=5)


def _wait(
    conn: psycopg.Connection[Any],
    result: ReprocessResult,
    *,
    wait_s: float,
    on_extracted: Callable[[int], None],
) -> None:
    ids = list(result.sent)
    offsets = [result.sent[a] for a in ids]
    deadline = time.monotonic() + wait_s
    while True:
        row = conn.execute(_EXTRACTED_SINCE, (ids, offsets)).fetchone()
        result.extracted = int(row[0]) if row else 0
        on_extracted(result.extracted)
        if result.extracted >= len(ids) or time.monotonic() >= deadline:
            break
        time.sleep(0.5)
    result.waited = True


def run_reprocess_command(
    settings: ReprocessSettings,
    *,
    since: str,
    until: str | None,
    include_current: bool,
    dry_run: bool,
    wait_s: float | None,
) -> int:
    """The terminal side: progress bars and a summary. Exit codes: ``0`` done, ``1`` waited and
    some articles were not re-extracted in time, ``2`` could not run (message on stderr)."""
    from rich.console import Console

    from services.extract.domain.version import EXTRACTOR_VERSION
    from shared.progress import progress_bar

    console = Console(stderr=True, highlight=False)
    now = datetime.now(UTC)
    selection = Selection(
        since=parse_when(since, now=now),
        until=parse_when(until, now=now) if until else None,
        extractor_version=EXTRACTOR_VERSION,
        include_current=include_current,
    )
    scope = (
        "whatever extracted them (--all)"
        if include_current
        else f"not extracted by {EXTRACTOR_VERSION} yet"
    )
    window = f"published from {selection.since:%Y-%m-%d %H:%M}" + (
        f" to {selection.until:%Y-%m-%d %H:%M}" if selection.until else ""
    )
    bar = progress_bar(console)
    tasks: dict[str, Any] = {}

    def on_selected(total: int) -> None:
        console.print(f"{total:,} articles {window} (UTC), {scope}")
        if total and not dry_run:
            tasks["published"] = bar.add_task("published", total=total)
            if wait_s is not None:
                tasks["extracted"] = bar.add_task("re-extracted", total=total)

    def update(name: str) -> Callable[[int], None]:
        return lambda n: bar.update(tasks[name], completed=n) if name in tasks else None

    with bar:
        result = reprocess(
            settings,
            selection,
            dry_run=dry_run,
            wait_s=wait_s,
            on_selected=on_selected,
            on_published=update("published"),
            on_extracted=update("extracted"),
        )
    if dry_run or result.selected == 0:
        console.print("nothing published" + (" (--dry-run)" if dry_run else ""))
        return 0
    console.print(f"{result.published:,} articles published to {settings.topic(ARTICLES_RAW)}")
    if result.unreadable:
        console.print(
            f"{len(result.unreadable):,} stored articles could not be read as RawArticle and "
            f"were skipped, e.g. {result.unreadable[0]}"
        )
    if not result.waited:
        console.print("the extract workers re-extract them now (--wait shows the progress)")
        return 0
    if result.pending:
        console.print(
            f"{result.pending:,} not re-extracted within {wait_s:.0f}s: they may still be in the "
            "queue, or dead-lettered (newsflow deadletter list --stage extract)"
        )
        return 1
    console.print(f"all {result.extracted:,} re-extracted; older claims and events replaced")
    return 0
