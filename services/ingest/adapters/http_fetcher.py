"""Fetching feeds and article pages over HTTP, politely and within limits.

Contract of :meth:`HttpFetcher.fetch`:

* a conditional GET when an ``etag``/``last_modified`` of an earlier answer is given; a
  ``304 Not Modified`` comes back as a :class:`Fetched` with ``not_modified=True`` and no body;
* redirects are followed (at most 5); ``url`` of the answer is where they ended;
* a body larger than ``max_bytes`` (announced or actual) is refused without reading the rest;
* the whole exchange, body included, must finish within ``timeout_s``: a server that drips
  bytes cannot hold a poller;
* **timeouts, connection errors, ``408``, ``425``, ``429`` and ``5xx``** raise
  :class:`FetchFailedError` (retriable), with the seconds of a ``Retry-After`` header when the
  server sent one; **any other ``4xx``, a body too large, a non-http(s) URL** raise
  :class:`FetchRefusedError` (retrying soon cannot help).

The ``httpx.AsyncClient`` is the caller's: tests pass one with a mock transport or point it at a
local server.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from services.ingest.domain.retry_after import parse_retry_after
from shared.errors import NewsflowError, PoisonMessageError, RetriableError

_RETRIABLE_STATUS = frozenset({408, 425, 429})
MAX_REDIRECTS = 5


class FetchError(NewsflowError):
    """Base of the fetcher's errors; ``status`` is the HTTP status when there was one."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class FetchFailedError(FetchError, RetriableError):
    """The server or the network failed for now; ``retry_after_s`` is what the server asked."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after_s: float | None = None
    ) -> None:
        super().__init__(message, status=status)
        self.retry_after_s = retry_after_s


class FetchRefusedError(FetchError, PoisonMessageError):
    """The resource cannot be had as it is (not found, forbidden, too large)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int
    content: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body decoded with the charset the server named, else UTF-8 (lenient)."""
        charset = None
        if self.content_type and "charset=" in self.content_type.lower():
            charset = self.content_type.lower().split("charset=")[-1].split(";")[0].strip(' "')
        try:
            return self.content.decode(charset or "utf-8", errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


class HttpFetcher:
    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        timeout_s: float,
        max_bytes: int,
        user_agent: str,
    ) -> None:
        self._client = client
        self._timeout_s = timeout_s
        self._max_bytes = max_bytes
        self._user_agent = user_agent

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Fetched:
        headers = {"User-Agent": self._user_agent, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            async with asyncio.timeout(self._timeout_s):
                return await self._get(url, headers)
        except TimeoutError as exc:
            raise FetchFailedError(
                f"{url}: no complete answer within {self._timeout_s:g} s"
            ) from exc
        except httpx.UnsupportedProtocol as exc:
            raise FetchRefusedError(f"{url}: not an http(s) URL") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchRefusedError(f"{url}: more than {MAX_REDIRECTS} redirects") from exc
        except httpx.InvalidURL as exc:
            raise FetchRefusedError(f"{url}: invalid URL: {exc}") from exc
        except httpx.HTTPError as exc:  # connection refused, reset, DNS, protocol errors
            raise FetchFailedError(f"{url}: {exc.__class__.__name__}: {exc}") from exc

    async def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        async with self._client.stream(
            "GET", url, headers=headers, follow_redirects=True, timeout=self._timeout_s
        ) as response:
            self._raise_for_status(response)
            content = b"" if response.status_code == 304 else await self._read_limited(response)
            return Fetched(
                url=str(response.url),
                status=response.status_code,
                content=content,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                content_type=response.headers.get("content-type"),
            )

    def _raise_for_status(self, response: httpx.Response) -> None:
        status = response.status_code
        if status < 400 and status not in (300, 301, 302, 303, 305, 307, 308):
            return
        where = str(response.url)
        if status in _RETRIABLE_STATUS or status >= 500:
            retry_after = parse_retry_after(
                response.headers.get("retry-after"), now=datetime.now(UTC)
            )
            raise FetchFailedError(
                f"{where}: HTTP {status}", status=status, retry_after_s=retry_after
            )
        raise FetchRefusedError(f"{where}: HTTP {status}", status=status)

    async def _read_limited(self, response: httpx.Response) -> bytes:
        announced = response.headers.get("content-length", "")
        if announced.isdigit() and int(announced) > self._max_bytes:
            raise FetchRefusedError(
                f"{response.url}: body of {announced} bytes is over the limit of {self._max_bytes}",
                status=response.status_code,
            )
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                raise FetchRefusedError(
                    f"{response.url}: body over the limit of {self._max_bytes} bytes",
                    status=response.status_code,
                )
            chunks.append(chunk)
        return b"".join(chunks)


def make_client(*, max_connections: int = 20) -> httpx.AsyncClient:
    """The client the poller uses: redirects capped, connections bounded."""
    return httpx.AsyncClient(
        max_redirects=MAX_REDIRECTS,
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=10),
    )
