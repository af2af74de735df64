"""A small local web server for the feed tests: serves feeds and article pages from a dict the
test changes as it goes, answers conditional GETs like a real server, and records every request.
(No internet here, and the fetcher is tested against real HTTP, not a mock.)"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Resource:
    """What the server answers at one path. ``etag``/``last_modified`` turn on conditional GET
    (``304`` when the request's validator matches); ``status`` other than 200 is sent as is
    with ``headers``; ``delay_s`` waits before answering."""

    body: bytes = b""
    content_type: str = "application/xml"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]


class FeedServer:
    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.requests: list[SeenRequest] = []
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, resource: Resource) -> str:
        self.resources[path] = resource
        return self.url(path)

    def requests_to(self, path: str) -> list[SeenRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?")[0]  # like a site, ignore tracking queries
                with server._lock:
                    server.requests.append(
                        SeenRequest(path, {k.lower(): v for k, v in self.headers.items()})
                    )
                resource = server.resources.get(path)
                if resource is None:
                    self._send(404, {"Content-Type": "text/plain"}, b"not found")
                    return
                if resource.delay_s:
                    time.sleep(resource.delay_s)
                if resource.status != 200:
                    self._send(resource.status, resource.headers, resource.body)
                    return
                headers = {"Content-Type": resource.content_type, **resource.headers}
                if resource.etag:
                    headers["ETag"] = resource.etag
                if resource.last_modified:
                    headers["Last-Modified"] = resource.last_modified
                if self._not_modified(resource):
                    self._send(304, headers, b"")
                    return
                self._send(200, headers, resource.body)

            def _not_modified(self, resource: Resource) -> bool:
                if resource.etag and self.headers.get("If-None-Match") == resource.etag:
                    return True
                return bool(
                    resource.last_modified
                    and not resource.etag
                    and self.headers.get("If-Modified-Since") == resource.last_modified
                )

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up (timeouts, size limits) are what some tests do


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


def http_date(epoch: float) -> str:
    return formatdate(epoch, usegmt=True)


# --- documents ----------------------------------------------------------------------------------

NAV = "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
FOOTER = "<footer>Copyright Example News. All rights reserved. Privacy | Cookies</footer>"


def article_page(*paragraphs: str, title: str = "Story", canonical: str | None = None) -> bytes:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>{NAV}"
        f"<article><h1>{title}</h1>{body}</article>{FOOTER}</body></html>"
    ).encode()


def rss(*items: dict[str, str], title: str = "Example News") -> bytes:
    parts = []
    for item in items:
        content = (
            f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
            if "content" in item
            else ""
        )
        parts.append(
            f"<item><title>{item.get('title', 'Story')}</title><link>{item['link']}</link>"
            f"<guid isPermaLink='false'>{item.get('guid', item['link'])}</guid>"
            f"<description><![CDATA[{item.get('summary', '')}]]></description>{content}"
            f"<pubDate>{item.get('date', 'Tue, 29 Mar 2022 10:00:00 +0000')}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>http://example.com/</link>"
        f"<language>en</language>{''.join(parts)}</channel></rss>"
    ).encode()


def atom(*entries: dict[str, str], title: str = "Example Atom") -> bytes:
    parts = []
    for entry in entries:
        parts.append(
            f"<entry><title>{entry.get('title', 'Story')}</title>"
            f"<link rel='alternate' href='{entry['link']}'/>"
            f"<id>{entry.get('id', entry['link'])}</id>"
            f"<updated>{entry.get('updated', '2022-03-29T10:00:00Z')}</updated>"
            f"<summary type='html'><![CDATA[{entry.get('summary', '')}]]></summary>"
            f"<author><name>{entry.get('author', 'Ann Writer')}</name></author></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:example:feed</id><updated>2022-03-29T10:00:00Z</updated>"
        f"{''.join(parts)}</feed>"
    ).encode()


STORY = (
    "The minister said on Tuesday that the bridge over the river would reopen next month after "
    "repairs costing 12 million euros, ending months of disruption for commuters.",
    "Engineers had found cracks in two of the supporting pillars during a routine inspection "
    "last year, officials said, and traffic has been diverted through the town centre since.",
    "Local businesses have complained about a drop in customers, and the council has promised "
    "compensation for shops on the diversion route once the bridge reopens.",
)

OTHER_STORY = (
    "Heavy rain flooded parts of the valley overnight, forcing dozens of families to leave "
    "their homes as rivers burst their banks after a week of storms.",
    "Emergency services said no one had been hurt but several roads remained closed on "
    "Wednesday morning, and forecasters expect more rain later in the week.",
)
