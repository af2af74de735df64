"""The HTTP fetcher against a real local server: conditional GET, Retry-After, limits."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from services.ingest.adapters.http_fetcher import (
    Fetched,
    FetchFailedError,
    FetchRefusedError,
    HttpFetcher,
)
from tests.unit.ingest.feed_server import FeedServer, Resource, feed_server, http_date, rss


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


def fetch(url: str, *, timeout_s: float = 5.0, max_bytes: int = 1_000_000, **kw: str) -> Fetched:
    async def go() -> Fetched:
        async with httpx.AsyncClient() as client:
            fetcher = HttpFetcher(client, timeout_s=timeout_s, max_bytes=max_bytes, user_agent="t")
            return await fetcher.fetch(url, **kw)

    return asyncio.run(go())


def test_an_etag_is_sent_back_and_a_304_has_no_body(server: FeedServer) -> None:
    url = server.serve("/feed", Resource(rss(), etag='"v1"'))
    first = fetch(url)
    assert (first.status, first.etag) == (200, '"v1"')
    again = fetch(url, etag='"v1"')
    assert again.not_modified and again.content == b""
    assert server.requests_to("/feed")[-1].headers["if-none-match"] == '"v1"'


def test_last_modified_is_sent_back_as_if_modified_since(server: FeedServer) -> None:
    stamp = http_date(1_700_000_000)
    url = server.serve("/feed", Resource(rss(), last_modified=stamp))
    assert fetch(url).last_modified == stamp
    assert fetch(url, last_modified=stamp).not_modified
    assert server.requests_to("/feed")[-1].headers["if-modified-since"] == stamp


@pytest.mark.parametrize("status", [429, 503])
def test_429_and_503_are_retriable_with_the_servers_retry_after(
    server: FeedServer, status: int
) -> None:
    url = server.serve("/feed", Resource(status=status, headers={"Retry-After": "120"}))
    with pytest.raises(FetchFailedError) as caught:
        fetch(url)
    assert (caught.value.status, caught.value.retry_after_s) == (status, 120.0)


def test_a_missing_feed_is_refused_not_retried_soon(server: FeedServer) -> None:
    with pytest.raises(FetchRefusedError) as caught:
        fetch(server.url("/nothing-here"))
    assert caught.value.status == 404


def test_a_body_over_the_limit_is_refused(server: FeedServer) -> None:
    url = server.serve("/big", Resource(b"x" * 5000))
    with pytest.raises(FetchRefusedError, match="limit"):
        fetch(url, max_bytes=1024)


def test_a_slow_server_times_out_as_a_retriable_failure(server: FeedServer) -> None:
    url = server.serve("/slow", Resource(rss(), delay_s=2.0))
    with pytest.raises(FetchFailedError, match="within"):
        fetch(url, timeout_s=0.3)


def test_redirects_are_followed_and_the_final_url_reported(server: FeedServer) -> None:
    server.serve("/old", Resource(status=301, headers={"Location": "/new"}))
    url_new = server.serve("/new", Resource(rss()))
    assert fetch(server.url("/old")).url == url_new


def test_a_closed_port_is_a_retriable_failure() -> None:
    from services.stack.broker import free_port

    with pytest.raises(FetchFailedError):
        fetch(f"http://127.0.0.1:{free_port()}/feed")
