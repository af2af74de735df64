"""HTTP load on ``POST /v1/articles`` (aiohttp, keep-alive connections).

Bodies are JSON-encoded before the clock starts, so the client spends its CPU on requests, not
on serialisation (it shares the machine with the services it measures).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp

_HEADERS = {"content-type": "application/json"}


@dataclass(frozen=True)
class Posted:
    """One request: when it was sent (wall clock, comparable with Postgres ``now()``), how long
    it took, its status and the ids it got back."""

    sent_at: float
    seconds: float
    status: int
    article_ids: tuple[str, ...]


@dataclass
class LoadResult:
    posted: list[Posted] = field(default_factory=list)
    wall_s: float = 0.0

    @property
    def accepted(self) -> list[Posted]:
        return [p for p in self.posted if p.status == 202]

    def statuses(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.posted:
            counts[str(p.status)] = counts.get(str(p.status), 0) + 1
        return counts


def encode_body(articles: Sequence[dict[str, Any]]) -> bytes:
    one = articles[0] if len(articles) == 1 else list(articles)
    return json.dumps(one).encode("utf-8")


def post_all(url: str, bodies: Sequence[bytes], *, concurrency: int) -> LoadResult:
    """POST every body as fast as ``concurrency`` clients can (saturation)."""
    return asyncio.run(_post_all(url, bodies, concurrency))


def post_at_rate(url: str, bodies: Sequence[bytes], *, per_second: float) -> LoadResult:
    """POST body ``i`` at ``i / per_second`` seconds after the start (an open-loop load: a slow
    answer does not delay the next request)."""
    return asyncio.run(_post_at_rate(url, bodies, per_second))


def post_for(
    url: str, body_for: Callable[[int], bytes], *, concurrency: int, seconds: float
) -> LoadResult:
    """``concurrency`` clients POST ``body_for(i)`` back to back for ``seconds``."""
    return asyncio.run(_post_for(url, body_for, concurrency, seconds))


async def _send(session: aiohttp.ClientSession, url: str, body: bytes) -> Posted:
    sent = time.time()
    started = time.perf_counter()
    try:
        async with session.post(url, data=body, headers=_HEADERS) as response:
            answer = await response.read()
            status = response.status
    except aiohttp.ClientError:
        return Posted(sent, time.perf_counter() - started, 0, ())
    ids: tuple[str, ...] = ()
    if status == 202:
        ids = tuple(json.loads(answer).get("article_ids", ()))
    return Posted(sent, time.perf_counter() - started, status, ids)


def _session(concurrency: int) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)
    return aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60))


async def _post_all(url: str, bodies: Sequence[bytes], concurrency: int) -> LoadResult:
    result = LoadResult()
    queue = iter(bodies)
    async with _session(concurrency) as session:

        async def client() -> None:
            for body in queue:
                result.posted.append(await _send(session, url, body))

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        result.wall_s = time.perf_counter() - started
    return result


async def _post_at_rate(url: str, bodies: Sequence[bytes], per_second: float) -> LoadResult:
    result = LoadResult()
    async with _session(256) as session:
        tasks: list[asyncio.Task[Posted]] = []
        started = time.perf_counter()
        for i, body in enumerate(bodies):
            ahead = i / per_second - (time.perf_counter() - started)
            if ahead > 0:
                await asyncio.sleep(ahead)
            tasks.append(asyncio.create_task(_send(session, url, body)))
        result.posted = list(await asyncio.gather(*tasks))
        result.wall_s = time.perf_counter() - started
    return result


async def _post_for(
    url: str, body_for: Callable[[int], bytes], concurrency: int, seconds: float
) -> LoadResult:
    result = LoadResult()
    counter = iter(range(10**9))
    async with _session(concurrency) as session:
        started = time.perf_counter()
        deadline = started + seconds

        async def client() -> None:
            while time.perf_counter() < deadline:
                result.posted.append(await _send(session, url, body_for(next(counter))))

        await asyncio.gather(*(client() for _ in range(concurrency)))
        result.wall_s = time.perf_counter() - started
    return result
