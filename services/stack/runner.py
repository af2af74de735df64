"""The embedded all-in-one stack: a broker, a Postgres, the three services and the query API.

Used by ``newsflow up`` (foreground until Ctrl-C) and ``newsflow demo``. Each service runs as its
own process (``newsflow serve NAME``), exactly as a container would run it; the stack only sets
their environment, watches them and stops them in order.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from services.ingest.settings import embedded_stack_write_env
from services.stack.broker import TansuBroker, free_port, wait_for_port
from services.stack.endpoints import Endpoints, new_stack_id, remove_endpoints, write_endpoints
from services.stack.postgres import EmbeddedPostgres, ensure_database, is_reachable
from services.stack.settings import StackSettings
from services.store.adapters.migrations import migrate
from shared.children import terminate_with_parent
from shared.errors import ConfigurationError, RetriableError
from shared.kafka import ensure_topics

log = logging.getLogger(__name__)

LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/newsflow"
SERVICES = ("store", "api", "extract", "ingest")  # start order; stopped in reverse


@dataclass
class Stack:
    """Where the running stack's parts are."""

    kafka_bootstrap: str
    database_url: str
    http_url: str
    api_url: str = ""
    stack_id: str = ""
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    environments: dict[str, dict[str, str]] = field(default_factory=dict)
    restarts: dict[str, list[float]] = field(default_factory=dict)


@contextlib.contextmanager
def running_stack(settings: StackSettings) -> Iterator[Stack]:
    """Start everything, yield where it runs, and stop everything on exit (in reverse order)."""
    with contextlib.ExitStack() as resources:
        bootstrap = _start_broker(settings, resources)
        database_url = _start_postgres(settings, resources)
        stack_id = new_stack_id()
        service_env = {
            "NEWSFLOW_STACK_ID": stack_id,
            "NEWSFLOW_KAFKA_BOOTSTRAP": bootstrap,
            "NEWSFLOW_DATABASE_URL": database_url,
            "NEWSFLOW_HTTP_HOST": settings.http_host,
            "NEWSFLOW_HTTP_PORT": str(settings.http_port),
            "NEWSFLOW_TOPIC_PREFIX": settings.topic_prefix,
            "NEWSFLOW_TOPIC_PARTITIONS": str(settings.topic_partitions),
            **embedded_stack_write_env(),  # NEWSFLOW_DEV_MODE=true unless API keys are set
        }
        api_port = _api_port(settings)
        service_env["NEWSFLOW_API_HOST"] = settings.http_host
        service_env["NEWSFLOW_API_PORT"] = str(api_port)
        prepared = settings.model_copy(update={"kafka_bootstrap": bootstrap})
        ensure_topics(prepared)
        applied = migrate(database_url=database_url)
        if applied:
            print(f"  database migrations applied: {', '.join(applied)}", flush=True)
        stack = Stack(
            kafka_bootstrap=bootstrap,
            database_url=database_url,
            http_url=f"http://{settings.http_host}:{settings.http_port}",
            api_url=f"http://{settings.http_host}:{api_port}",
            stack_id=stack_id,
        )
        resources.callback(_stop_services, stack)
        ready_files = _fresh_ready_files(settings.state_dir)
        for name in SERVICES:
            env = dict(service_env)
            if name in ready_files:
                env["NEWSFLOW_READY_FILE"] = str(ready_files[name])
            stack.environments[name] = env
            stack.processes[name] = _spawn_service(name, env)
        _wait_until_ready(stack, ready_files)
        endpoints = Endpoints(
            stack_id=stack_id,
            pid=os.getpid(),
            kafka_bootstrap=bootstrap,
            topic_prefix=settings.topic_prefix,
            http_url=stack.http_url,
            api_url=stack.api_url,
            database_url=database_url,
        )
        path = write_endpoints(settings.state_dir, endpoints)
        resources.callback(remove_endpoints, settings.state_dir, endpoints)
        print(f"  endpoints recorded in {path} for newsflow tail/ingest/reprocess", flush=True)
        yield stack


def _start_broker(settings: StackSettings, resources: contextlib.ExitStack) -> str:
    if settings.broker_is_external:
        print(f"  broker: {settings.kafka_bootstrap} (NEWSFLOW_KAFKA_BOOTSTRAP)", flush=True)
        return settings.kafka_bootstrap
    host, _, port_text = settings.kafka_bootstrap.rpartition(":")
    port = int(port_text)
    if _port_in_use(host or "127.0.0.1", port):
        port = free_port()
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    broker = TansuBroker(port, log_path=settings.state_dir / "tansu.log")
    resources.enter_context(broker)
    print(f"  broker: embedded Tansu on {broker.bootstrap} (memory only)", flush=True)
    return broker.bootstrap


def _start_postgres(settings: StackSettings, resources: contextlib.ExitStack) -> str:
    if settings.database_is_external:
        url = settings.database_url.get_secret_value()
        if not is_reachable(url):
            raise ConfigurationError("NEWSFLOW_DATABASE_URL: no Postgres answers there")
        ensure_database(url)
        print("  postgres: NEWSFLOW_DATABASE_URL", flush=True)
        return url
    if is_reachable(LOCAL_POSTGRES):
        ensure_database(LOCAL_POSTGRES)
        print(f"  postgres: {LOCAL_POSTGRES}", flush=True)
        return LOCAL_POSTGRES
    url = resources.enter_context(EmbeddedPostgres())
    print("  postgres: embedded PostgreSQL (temporary, deleted on stop)", flush=True)
    return url


def _api_port(settings: StackSettings) -> int:
    """The query API's port: ``api_port``, or a free one when something else holds it (the API
    only reads, so a second stack or a test beside a running one can simply move; the URL printed
    by ``newsflow up`` says where it is)."""
    if _port_in_use(settings.http_host, settings.api_port):
        port = free_port()
        print(f"  query API: port {settings.api_port} is taken, using {port}", flush=True)
        return port
    return settings.api_port


def _port_in_use(host: str, port: int) -> bool:
    try:
        wait_for_port(host, port, timeout_s=0.2)
    except RetriableError:
        return False
    return True


def _spawn_service(name: str, extra_env: dict[str, str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, **extra_env}
    return subprocess.Popen(
        [sys.executable, "-m", "services.cli", "serve", name],
        env=env,
        preexec_fn=terminate_with_parent(),  # only a prctl call
    )


def _fresh_ready_files(state_dir: Path) -> dict[str, Path]:
    """Where the consumer services signal readiness; stale files of an earlier run removed."""
    files = {name: state_dir / f"ready-{name}-{os.getpid()}" for name in ("store", "extract")}
    for path in files.values():
        path.unlink(missing_ok=True)
    return files


def _wait_until_ready(
    stack: Stack, ready_files: dict[str, Path], *, timeout_s: float = 120.0
) -> None:
    """Wait until the ingest API and the query API answer /readyz and the consumers have their
    partitions; fail fast if a service process dies meanwhile."""
    deadline = time.monotonic() + timeout_s
    probes = {"ingest": stack.http_url, "api": stack.api_url}
    http_ready = {name: False for name in probes}
    while time.monotonic() < deadline:
        check_services_alive(stack)
        for name, url in probes.items():
            if not http_ready[name]:
                with contextlib.suppress(httpx.HTTPError, ValueError):
                    http_ready[name] = _is_ours(httpx.get(f"{url}/readyz", timeout=1), stack)
        waiting = [name for name, path in ready_files.items() if not path.exists()]
        if all(http_ready.values()) and not waiting:
            for path in ready_files.values():
                path.unlink(missing_ok=True)
            return
        time.sleep(0.25)
    late = [n for n, p in ready_files.items() if not p.exists()]
    late += [name for name, ready in http_ready.items() if not ready]
    raise RetriableError(f"not ready in {timeout_s:.0f}s: {', '.join(late)}")


def _is_ours(answer: httpx.Response, stack: Stack) -> bool:
    """Ready, and this stack's service (not another one answering on the same port)."""
    if answer.status_code != 200:
        return False
    if answer.json().get("stack_id") != stack.stack_id:
        raise ConfigurationError(
            f"{answer.url} is answered by another newsflow stack: its port is taken "
            "(set NEWSFLOW_HTTP_PORT)"
        )
    return True


def restart_dead_services(
    stack: Stack, *, max_restarts: int = 5, window_s: float = 60.0
) -> list[str]:
    """Start again every service whose process has exited (crashed or was killed), as a
    container runtime with ``restart: unless-stopped`` would; their work resumes from the last
    committed offsets. A service that needs more than ``max_restarts`` restarts within
    ``window_s`` is crash-looping: that raises instead. Returns the names restarted."""
    restarted = []
    now = time.monotonic()
    for name, proc in stack.processes.items():
        code = proc.poll()
        if code is None:
            continue
        recent = [t for t in stack.restarts.get(name, []) if now - t < window_s]
        if len(recent) >= max_restarts:
            raise RetriableError(
                f"service {name} exited with code {code} {len(recent) + 1} times in "
                f"{window_s:.0f}s; giving up"
            )
        stack.restarts[name] = [*recent, now]
        print(f"newsflow: service {name} exited with code {code}; restarting it", flush=True)
        stack.processes[name] = _spawn_service(name, stack.environments[name])
        restarted.append(name)
    return restarted


def check_services_alive(stack: Stack) -> None:
    for name, proc in stack.processes.items():
        code = proc.poll()
        if code is not None:
            raise RetriableError(f"service {name} exited with code {code}")


def _stop_services(stack: Stack, *, grace_s: float = 20.0) -> None:
    """SIGTERM in reverse start order (ingest first: no new work), then wait; kill stragglers."""
    for name in reversed(SERVICES):
        proc = stack.processes.get(name)
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=grace_s)
            except subprocess.TimeoutExpired:
                log.warning("service %s did not stop in %.0fs; killing it", name, grace_s)
                proc.kill()
                proc.wait()
