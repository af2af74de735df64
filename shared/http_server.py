"""What both HTTP services (the ingest API and the query API) need from their ASGI stack beyond
FastAPI: a deadline for reading a request body, and a ``405`` whose ``Allow`` lists every method
of the path.

uvicorn bounds the wait between requests on a kept-alive connection (``timeout_keep_alive``) but
not the wait for a body: a client that announces ``Content-Length: 1000`` and sends nothing
would hold its connection, and a handler waiting on the body, for ever.
:class:`BodyDeadline` gives the whole body ``timeout_s`` seconds and answers ``408`` when it is
not in by then.

:func:`serve` runs an app with uvicorn the same way for both: it prints where it listens once it
does, returns normally on SIGINT or SIGTERM (so the caller can close its producer or pool), and
turns "cannot bind" into :class:`ConfigurationError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.errors import ConfigurationError

_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class BodyReadTimeoutError(Exception):
    """The client did not send its request body within the deadline."""


class BodyDeadline:
    """ASGI middleware: the request body must arrive within ``timeout_s`` of the first read.

    Once the body is complete, ``receive`` is passed through untouched (it then only waits for
    the client to disconnect, which may rightly take long). When the deadline passes before
    the response started, the answer is ``408`` in the services' error shape; after that the
    connection is dropped.
    """

    def __init__(self, app: ASGIApp, *, timeout_s: float) -> None:
        self.app = app
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body_done = False
        deadline: float | None = None
        response_started = False

        async def receive_by_deadline() -> Message:
            nonlocal body_done, deadline
            if body_done:
                return await receive()
            if deadline is None:
                deadline = time.monotonic() + self.timeout_s
            try:
                message = await asyncio.wait_for(receive(), deadline - time.monotonic())
            except TimeoutError:
                raise BodyReadTimeoutError from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_done = True
            return message

        async def send_noting_start(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, receive_by_deadline, send_noting_start)
        except BodyReadTimeoutError:
            if response_started:
                raise
            await _send_timeout(send, self.timeout_s)


async def _send_timeout(send: Send, timeout_s: float) -> None:
    message = f"the request body did not arrive within {timeout_s:g} seconds"
    body = json.dumps({"detail": [{"loc": [], "msg": message, "type": "body_timeout"}]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 408,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def allow_every_method_of_the_path(app: FastAPI) -> None:
    """Make a ``405``'s ``Allow`` list the methods of every route of the path (Starlette names
    only the first route that matched the path, e.g. ``POST`` for ``OPTIONS /v1/feeds`` although
    ``GET /v1/feeds`` exists)."""

    @app.exception_handler(StarletteHTTPException)
    async def with_full_allow(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:
            methods = allowed_methods(app, request.scope)
            exc = StarletteHTTPException(
                405, exc.detail, headers={**(exc.headers or {}), "Allow": ", ".join(methods)}
            )
        return await http_exception_handler(request, exc)


def allowed_methods(app: FastAPI, scope: Scope) -> list[str]:
    """The methods of every route whose path matches the request's, sorted (the routes of
    included routers too: FastAPI keeps those behind one entry of ``app.router.routes``)."""
    methods: set[str] = set()
    for route in iter_route_contexts(app.router.routes):
        match, _ = route.matches(scope)
        route_methods: Any = getattr(route, "methods", None)
        if match is not Match.NONE and route_methods:
            methods.update(route_methods)
    return sorted(methods)


def serve(config: uvicorn.Config, *, name: str, announce: Callable[[str], Iterable[str]]) -> None:
    """Serve ``config.app`` until SIGINT or SIGTERM, then return.

    ``announce`` gets the address listened on (``http://127.0.0.1:8080``) and gives the lines to
    print once listening. Raises :class:`ConfigurationError` naming ``name`` (``ingest API``)
    when it cannot listen on ``config.host:config.port``.
    """
    server = _Server(config, announce=announce)
    try:
        server.run()
    except SystemExit as exc:  # uvicorn exits when it cannot bind; callers get our error type
        if server.started:
            raise
        raise ConfigurationError(f"{name} cannot listen on {config.host}:{config.port}") from exc


class _Server(uvicorn.Server):
    """uvicorn, announcing the address it listens on, and returning normally on a signal
    (uvicorn re-raises a caught SIGTERM after shutdown, which would kill the process before the
    caller closed its producer or pool)."""

    def __init__(self, config: uvicorn.Config, *, announce: Callable[[str], Iterable[str]]) -> None:
        super().__init__(config)
        self._announce = announce

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self.servers and self.servers[0].sockets:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            for line in self._announce(f"http://{shown}:{port}"):
                print(line, flush=True)

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in _STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
