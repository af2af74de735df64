"""The live page: ``/`` (index.html) and its assets under ``/static``, all served from the
package's ``static/`` folder. The page may load only what this app serves: no CDN, nothing from
elsewhere at run time (its Content-Security-Policy says so to the browser)."""

from __future__ import annotations

import functools
from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

_PACKAGE = "services.query"

_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
}

router = APIRouter(include_in_schema=False)


@router.api_route("/", methods=["GET", "HEAD"])
def page() -> HTMLResponse:
    return HTMLResponse(index_html(), headers=_PAGE_HEADERS)


@functools.cache
def index_html() -> str:
    """The page itself, read once."""
    index = resources.files(_PACKAGE).joinpath("static").joinpath("index.html")
    return index.read_text(encoding="utf-8")


def static_files() -> StaticFiles:
    """The page's scripts, styles and images, to mount at ``/static``."""
    return StaticFiles(packages=[(_PACKAGE, "static")])
