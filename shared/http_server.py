"""What both HTTP services (the ingest API and the query API) need from their ASGI stack beyond
FastAPI: a deadline for reading a request body, and a ``405`` whose ``Allow`` lists every method
of the path.

uvicorn bounds the wait between requests on a kept-alive connection (``timeout_keep_alive``) but
not the wait for a body: a client that announces ``Content-Length: 1000`` and sends nothing
would hold its connection, and a handler waiting on the body, for ever.
:class:`BodyDeadline` gives the whole body ``timeout_s`` seconds and answers ``408`` when it is
not in by then.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send


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
    """The methods of every route whose path matches the request's, sorted."""
    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches(scope)
        route_methods: Any = getattr(route, "methods", None)
        if match is not Match.NONE and route_methods:
            methods.update(route_methods)
    return sorted(methods)
