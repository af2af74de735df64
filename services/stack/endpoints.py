"""Where a running ``newsflow up`` stack is, for the other commands of the same checkout.

``newsflow up`` moves its broker (and the query API) to a free port when the default one is
taken, so the defaults of ``newsflow tail``, ``ingest``, ``reprocess`` and ``deadletter`` may
point at somebody else's stack. ``up`` therefore records its endpoints in
``<state_dir>/endpoints.json`` (``NEWSFLOW_STATE_DIR``, default ``.newsflow``) and removes the
file when it stops; a command run beside it uses them unless its own environment names a broker
or URL, and says which it uses. The record names the ``up`` process, so a file left behind by a
killed stack is recognised and ignored.

Every service of the stack gets the stack's id (``NEWSFLOW_STACK_ID``) and reports it in
``/readyz``; ``up`` and ``newsflow ingest`` check it, so an ingest API of another stack answering
on the same port is not taken for their own.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

FILE_NAME = "endpoints.json"


@dataclass(frozen=True)
class Endpoints:
    """What ``newsflow up`` runs, and where."""

    stack_id: str
    pid: int
    kafka_bootstrap: str
    topic_prefix: str
    http_url: str
    api_url: str
    database_url: str = ""


def new_stack_id() -> str:
    return secrets.token_hex(6)


def write_endpoints(state_dir: Path, endpoints: Endpoints) -> Path:
    """Record ``endpoints`` (atomically: a reader never sees half a file)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / FILE_NAME
    partial = path.with_suffix(".tmp")
    # Owner-only: the database URL may hold a password (NEWSFLOW_DATABASE_URL of a real one).
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(json.dumps(asdict(endpoints), indent=2) + "\n")
    partial.replace(path)
    return path


def remove_endpoints(state_dir: Path, endpoints: Endpoints) -> None:
    """Remove the record if it is still this stack's (another ``up`` may have replaced it)."""
    found = read_endpoints(state_dir)
    if found is not None and found.stack_id == endpoints.stack_id:
        with contextlib.suppress(FileNotFoundError):
            (state_dir / FILE_NAME).unlink()


def read_endpoints(state_dir: Path) -> Endpoints | None:
    """The recorded stack, or None when there is none or its ``up`` process is gone."""
    try:
        fields = json.loads((state_dir / FILE_NAME).read_text(encoding="utf-8"))
        endpoints = Endpoints(**fields)
    except (OSError, ValueError, TypeError):
        return None
    return endpoints if _alive(endpoints.pid) else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # somebody else's process: alive
        return True
    return True
