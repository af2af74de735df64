"""How the query API answers what it cannot serve: every error in FastAPI's shape
``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``.

A parameter that passed type validation but makes no sense is ``422`` (:class:`ParameterError`),
an unknown id ``404`` (:class:`NotFoundError`), and a database that is down or too slow ``503`` with
``Retry-After``. Never a ``5xx`` for bad input.
"""

from __future__ import annotations

import logging
from typing import Any

import psycopg
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from psycopg_pool import PoolTimeout

from services.query.adapters.responses import Problem

log = logging.getLogger(__name__)

RETRY_AFTER_S = 2

# The error answers of every route, for the OpenAPI document.
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "A parameter is not valid; `detail[].loc` names it"},
    503: {"model": Problem, "description": "Database unavailable or too slow; retry later"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such id"}}


class ParameterError(Exception):
    """A request parameter that passed type validation but makes no sense (answered with 422).
    ``where`` is ``query`` or ``path``."""

    def __init__(
        self, name: str, message: str, kind: str = "value_error", *, where: str = "query"
    ) -> None:
        super().__init__(message)
        self.name = name
        self.message = message
        self.kind = kind
        self.where = where


class NotFoundError(Exception):
    """No row has the id of path parameter ``name`` (answered with 404)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def add_error_handlers(app: FastAPI) -> None:
    """Answer the errors above, and the database's, in the API's shape."""

    @app.exception_handler(ParameterError)
    async def bad_parameter(request: Request, exc: ParameterError) -> JSONResponse:
        return problem(422, [exc.where, exc.name], exc.message, exc.kind)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> JSONResponse:
        return problem(404, ["path", exc.name], exc.message, "not_found")

    @app.exception_handler(PoolTimeout)
    async def no_connection(request: Request, exc: PoolTimeout) -> JSONResponse:
        log.warning("query API: no database connection: %s", exc)
        return unavailable("database unavailable: no connection could be had in time")

    @app.exception_handler(psycopg.OperationalError)
    async def database_error(request: Request, exc: psycopg.OperationalError) -> JSONResponse:
        # Connection lost, server shutting down, or statement_timeout (QueryCanceled).
        log.warning("query API: database error: %s", exc)
        return unavailable("database unavailable or the query took too long")


def problem(status: int, loc: list[str], message: str, kind: str) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"detail": [{"loc": loc, "msg": message, "type": kind}]}
    )


def unavailable(message: str) -> JSONResponse:
    return JSONResponse(
        status_code=503,
        content={"detail": [{"loc": [], "msg": message, "type": "unavailable"}]},
        headers={"Retry-After": str(RETRY_AFTER_S)},
    )
