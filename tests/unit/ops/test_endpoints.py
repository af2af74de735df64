"""Commands beside a running ``newsflow up`` find its endpoints; a stack answering on a port
that is not its own is recognised (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from services.cli import _beside_stack
from services.ingest.settings import BulkSettings
from services.ops.reprocess import ReprocessSettings
from services.stack.endpoints import Endpoints, read_endpoints, remove_endpoints, write_endpoints
from services.stack.runner import Stack, _is_ours
from shared.errors import ConfigurationError
from shared.settings import KafkaSettings


def _endpoints(pid: int, stack_id: str = "s-1") -> Endpoints:
    return Endpoints(
        stack_id=stack_id,
        pid=pid,
        kafka_bootstrap="127.0.0.1:39092",
        topic_prefix="",
        http_url="http://127.0.0.1:38080",
        api_url="http://127.0.0.1:38081",
        database_url="postgresql://postgres@127.0.0.1:5432/stack",
    )


def test_recorded_endpoints_are_read_back_while_their_process_lives(tmp_path: Path) -> None:
    ours = _endpoints(os.getpid())
    write_endpoints(tmp_path, ours)
    assert read_endpoints(tmp_path) == ours
    remove_endpoints(tmp_path, ours)
    assert read_endpoints(tmp_path) is None


def test_endpoints_of_a_killed_stack_are_ignored(tmp_path: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    write_endpoints(tmp_path, _endpoints(int(gone.stdout)))
    assert read_endpoints(tmp_path) is None


def test_a_command_uses_the_recorded_broker_unless_the_environment_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSFLOW_STATE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSFLOW_KAFKA_BOOTSTRAP", raising=False)
    monkeypatch.delenv("NEWSFLOW_DATABASE_URL", raising=False)
    write_endpoints(tmp_path, _endpoints(os.getpid()))

    assert _beside_stack(KafkaSettings()).kafka_bootstrap == "127.0.0.1:39092"
    assert "127.0.0.1:39092" in capsys.readouterr().err

    reprocess = _beside_stack(ReprocessSettings())
    assert reprocess.database_url.get_secret_value().endswith("/stack")
    assert (tmp_path / "endpoints.json").stat().st_mode & 0o077 == 0  # owner only

    monkeypatch.setenv("NEWSFLOW_KAFKA_BOOTSTRAP", "kafka.example:9092")
    assert _beside_stack(KafkaSettings()).kafka_bootstrap == "kafka.example:9092"
    assert "from the environment" in capsys.readouterr().err


def test_bulk_ingest_refuses_an_ingest_api_of_another_stack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFLOW_STATE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSFLOW_INGEST_URL", raising=False)
    write_endpoints(tmp_path, _endpoints(os.getpid()))  # nothing answers on its port
    with pytest.raises(Exception, match="does not answer"):
        _beside_stack(BulkSettings())


def test_a_ready_answer_from_another_stack_is_refused() -> None:
    stack = Stack(kafka_bootstrap="b", database_url="d", http_url="h", stack_id="mine")
    request = httpx.Request("GET", "http://127.0.0.1:8080/readyz")

    def answer(stack_id: str) -> httpx.Response:
        return httpx.Response(200, json={"status": "ready", "stack_id": stack_id}, request=request)

    assert _is_ours(answer("mine"), stack)
    with pytest.raises(ConfigurationError, match="another newsflow stack"):
        _is_ours(answer("theirs"), stack)
