"""``newsflow ingest``: bulk ingest through the running ingest API.

The articles of a JSONL file, a directory of ``.json``/``.jsonl`` files, or one feed (polled
once) are posted to ``POST /v1/articles`` in batches — the same validation, cleaning and
publishing as any client's push.

* **Rejections.** A push is all or nothing, so when the API answers ``422`` the articles it
  names are set aside with their reasons and the rest of the batch is posted again; a batch
  too large (``413``) is split. Lines that are not JSON are rejected before sending.
* **Retries.** ``429`` and ``503`` are retried after the ``Retry-After`` the server sent (else
  with exponential backoff), as are connection errors, up to ``max_attempts`` per batch.
  Re-posting is harmless: ``article_id`` comes from the canonical URL.
* **Corpora.** Items in the ``newsflow extract`` format (``{doc_id, text, title?,
  published_at?}``) are mapped to articles on their own, with a stable synthetic URL from the
  ``doc_id``; other shapes are mapped with a :class:`~services.ingest.bulk_mapping.FieldMap`
  (``--map url=doc_id,body=text``). See :mod:`services.ingest.bulk_mapping`.
* **Resume.** After every acknowledged batch the position (items done) and the counts so far
  are written to a state file under ``state_dir``, named by the input's key (path, sizes,
  modification times). A run that is interrupted continues from there; a changed input starts
  afresh; ``restart=True`` ignores the state. A finished input is not sent again unless
  restarted.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from services.ingest.bulk_mapping import FieldMap, map_item
from services.ingest.domain.bulk_input import (
    InputItem,
    count_items,
    input_files,
    input_key,
    read_items,
)
from services.ingest.domain.retry_after import parse_retry_after
from shared.backoff import backoff_delay
from shared.errors import ConfigurationError, RetriableError

log = logging.getLogger(__name__)

MAX_REPORTED_REJECTIONS = 20
MAX_DISTINCT_REASONS = 50
OTHER_REASONS = "other reasons"


@dataclass
class Rejection:
    origin: str
    reason: str


@dataclass
class BulkProgress:
    """Counts of one input, kept in the state file between runs."""

    key: str
    source: str
    total: int
    position: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    complete: bool = False
    resumed_from: int = 0
    # Every rejection counted by its reason (the summary groups by it; bounded: distinct
    # reasons beyond MAX_DISTINCT_REASONS are counted under "other reasons").
    reasons: dict[str, int] = field(default_factory=dict)
    # Items recognised as the `newsflow extract` format, and fields dropped by the mapping.
    extract_format: int = 0
    dropped_fields: dict[str, int] = field(default_factory=dict)

    def reject(self, origin: str, reason: str) -> None:
        self.rejected += 1
        if len(self.rejections) < MAX_REPORTED_REJECTIONS:
            self.rejections.append(Rejection(origin, reason))
        if reason not in self.reasons and len(self.reasons) >= MAX_DISTINCT_REASONS:
            reason = OTHER_REASONS
        self.reasons[reason] = self.reasons.get(reason, 0) + 1

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BulkProgress:
        rejections = [Rejection(**r) for r in data.pop("rejections", [])]
        return cls(**data, rejections=rejections)


class IngestApiError(RetriableError):
    """The ingest API kept failing (or could not be reached) for one batch."""


class IngestClient:
    """Posts batches to ``POST /v1/articles``. ``client`` is the caller's (its base URL is the
    ingest API; the API key, if any, in its headers); ``sleep`` is injectable for tests."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        max_attempts: int = 30,
        max_wait_s: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._max_attempts = max_attempts
        self._max_wait_s = max_wait_s
        self._sleep = sleep
        self.retries = 0

    def post(self, items: Sequence[InputItem], progress: BulkProgress) -> None:
        """Post the items; count them as accepted, duplicates or rejected in ``progress``.

        Raises :class:`ConfigurationError` when the API refuses the key (``401``) and
        :class:`IngestApiError` when it keeps failing.
        """
        pending = [item for item in items if self._parsed(item, progress)]
        while pending:
            response = self._send(pending)
            if response.status_code == 202:
                body = response.json()
                progress.accepted += int(body.get("accepted", len(pending)))
                progress.duplicates += int(body.get("duplicates", 0))
                return
            if response.status_code == 413 and len(pending) > 1:
                half = len(pending) // 2
                self.post(pending[:half], progress)
                pending = pending[half:]
                continue
            pending = self._set_aside_rejected(pending, response, progress)

    @staticmethod
    def _parsed(item: InputItem, progress: BulkProgress) -> bool:
        if item.error is not None:
            progress.reject(item.origin, item.error)
            return False
        return True

    def _send(self, items: Sequence[InputItem]) -> httpx.Response:
        body = json.dumps([item.article for item in items], ensure_ascii=False).encode("utf-8")
        for attempt in range(1, self._max_attempts + 1):
            try:
                response = self._client.post(
                    "/v1/articles", content=body, headers={"content-type": "application/json"}
                )
            except httpx.TransportError as exc:
                wait, problem = self._backoff(attempt), f"{exc.__class__.__name__}: {exc}"
            else:
                if response.status_code == 401:
                    raise ConfigurationError(
                        "the ingest API refused the API key: set NEWSFLOW_API_KEY"
                    )
                if response.status_code in (404, 405):
                    raise ConfigurationError(
                        f"{response.url} is not the newsflow ingest API "
                        f"(HTTP {response.status_code}): check NEWSFLOW_INGEST_URL"
                    )
                if response.status_code not in (429, 503) and response.status_code < 500:
                    return response
                problem = f"HTTP {response.status_code}"
                retry_after = parse_retry_after(
                    response.headers.get("retry-after"), now=datetime.now(UTC)
                )
                wait = retry_after if retry_after is not None else self._backoff(attempt)
            if attempt == self._max_attempts:
                raise IngestApiError(f"ingest API: {problem} after {attempt} attempts")
            self.retries += 1
            log.info("ingest API: %s; retrying in %.1f s", problem, wait)
            self._sleep(min(wait, self._max_wait_s))
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        return backoff_delay(attempt, base_s=0.5, cap_s=self._max_wait_s)

    @staticmethod
    def _set_aside_rejected(
        items: list[InputItem], response: httpx.Response, progress: BulkProgress
    ) -> list[InputItem]:
        """Reject the items the error answer names and return the others (to post again); when
        it names none, the whole batch is rejected with the answer's message."""
        reasons = _reasons_by_index(response, single=len(items) == 1)
        if not reasons:
            message = _message(response)
            for item in items:
                progress.reject(item.origin, message)
            return []
        for index, reason in sorted(reasons.items()):
            if 0 <= index < len(items):
                progress.reject(items[index].origin, reason)
        return [item for index, item in enumerate(items) if index not in reasons]


def _reasons_by_index(response: httpx.Response, *, single: bool) -> dict[int, str]:
    """``{index in the batch: "field: message; …"}`` from a FastAPI-style error answer."""
    try:
        detail = response.json().get("detail", [])
    except (ValueError, AttributeError):
        return {}
    reasons: dict[int, list[str]] = {}
    for error in detail if isinstance(detail, list) else []:
        loc = list(error.get("loc", []))[1:]  # drop the "body" root
        if loc and isinstance(loc[0], int):
            index, field_path = loc[0], loc[1:]
        elif single and response.status_code == 422:
            index, field_path = 0, loc
        else:
            continue
        where = ".".join(str(part) for part in field_path)
        reasons.setdefault(index, []).append(
            f"{where}: {error.get('msg')}" if where else str(error.get("msg"))
        )
    return {index: "; ".join(messages) for index, messages in reasons.items()}


def _message(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
        if isinstance(detail, list) and detail:
            return f"HTTP {response.status_code}: {detail[0].get('msg')}"
    except (ValueError, AttributeError):
        pass
    return f"HTTP {response.status_code}: {response.text[:200]}"


# --- inputs -------------------------------------------------------------------------------------


def state_path(state_dir: Path, key: str) -> Path:
    return state_dir / f"bulk-{key}.json"


def load_progress(path: Path) -> BulkProgress | None:
    try:
        return BulkProgress.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (ValueError, TypeError) as exc:
        log.warning("ignoring unreadable state file %s: %s", path, exc)
        return None


def save_progress(path: Path, progress: BulkProgress) -> None:
    """Atomically: a crash mid-write leaves the previous state."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(progress), ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def ingest_files(
    source: Path,
    *,
    client: IngestClient,
    state_dir: Path,
    batch_size: int,
    restart: bool = False,
    mapping: FieldMap | None = None,
    on_start: Callable[[BulkProgress], None] = lambda progress: None,
    on_batch: Callable[[BulkProgress], None] = lambda progress: None,
) -> BulkProgress:
    """Post every item of a file or directory from where an earlier run stopped. Items are
    mapped by ``mapping``, else those in the ``newsflow extract`` format by that format's."""
    files = input_files(source)
    key = input_key(source, files)
    path = state_path(state_dir, key)
    progress = None if restart else load_progress(path)
    if progress is None:
        progress = BulkProgress(key=key, source=str(source.resolve()), total=count_items(files))
    progress.resumed_from = progress.position
    on_start(progress)
    root = source if source.is_dir() else None
    namespace = corpus_namespace(source)
    items = read_items(files, root=root, start=progress.position)
    mapped = (
        _mapped(item, mapping=mapping, namespace=namespace, progress=progress) for item in items
    )
    for batch in _batches(mapped, batch_size):
        client.post(batch, progress)
        progress.position = batch[-1].position + 1
        save_progress(path, progress)
        on_batch(progress)
    progress.complete = True
    save_progress(path, progress)
    return progress


def corpus_namespace(source: Path) -> str:
    """The name synthetic URLs are scoped by: the file's name without suffix, or the
    directory's name."""
    resolved = source.resolve()
    return resolved.stem if resolved.is_file() else resolved.name


def _mapped(
    item: InputItem, *, mapping: FieldMap | None, namespace: str, progress: BulkProgress
) -> InputItem:
    if item.error is not None:
        return item
    article, dropped, extract_format = map_item(item.article, mapping=mapping, namespace=namespace)
    progress.extract_format += extract_format
    for name in dropped[:MAX_DISTINCT_REASONS]:
        if name in progress.dropped_fields or len(progress.dropped_fields) < MAX_DISTINCT_REASONS:
            progress.dropped_fields[name] = progress.dropped_fields.get(name, 0) + 1
    return InputItem(item.position, item.origin, article, None)


def ingest_feed(
    url: str,
    *,
    client: IngestClient,
    batch_size: int,
    read_feed: Callable[[str], list[tuple[str, dict[str, Any] | None, str | None]]],
    on_start: Callable[[BulkProgress], None] = lambda progress: None,
    on_batch: Callable[[BulkProgress], None] = lambda progress: None,
) -> BulkProgress:
    """Poll one feed once and post its articles (no resume: a feed changes between runs).
    ``read_feed`` gives ``(entry key, article fields or None, why not)`` per entry."""
    entries = read_feed(url)
    items = [
        InputItem(i, key, payload, None if payload is not None else f"skipped: {reason}")
        for i, (key, payload, reason) in enumerate(entries)
    ]
    progress = BulkProgress(key="", source=url, total=len(items))
    on_start(progress)
    for batch in _batches(iter(items), batch_size):
        client.post(batch, progress)
        progress.position = batch[-1].position + 1
        on_batch(progress)
    progress.complete = True
    return progress


def read_feed_entries(
    url: str,
    *,
    timeout_s: float,
    max_bytes: int,
    min_text_chars: int,
    user_agent: str,
    fetch_pages: bool = True,
) -> list[tuple[str, dict[str, Any] | None, str | None]]:
    """The articles of one feed, as :func:`ingest_feed` wants them (fetching article pages of
    entries without full text, like the poller)."""
    from services.ingest.adapters.http_fetcher import HttpFetcher, make_client
    from services.ingest.feed_poller import EntryReader, read_feed_once

    async def read() -> list[tuple[str, dict[str, Any] | None, str | None]]:
        async with make_client() as http:
            fetcher = HttpFetcher(
                http, timeout_s=timeout_s, max_bytes=max_bytes, user_agent=user_agent
            )
            reader = EntryReader(fetcher, min_text_chars=min_text_chars, fetch_pages=fetch_pages)
            built = await read_feed_once(url, fetcher=fetcher, reader=reader)
        return [
            (
                b.entry.link or b.entry.key,
                b.json_payload() if b.payload is not None else None,
                b.deferred_reason,
            )
            for b in built
        ]

    return asyncio.run(read())


def _batches(
    items: Iterator[InputItem] | Iterable[InputItem], size: int
) -> Iterator[list[InputItem]]:
    batch: list[InputItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
