"""What the fault tests share: synthetic articles, service processes that can be SIGKILLed and
restarted, and the comparison of stored rows with an undisturbed reference.

The reference is the extraction domain code run in this process over the same articles: claim
and event ids are deterministic, so the rows a faulty run ends with must be exactly these.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg

from services.extract.domain.extractor import ArticleText, Extractor, load_nlp
from shared.codec import encode
from shared.ids import article_id_for
from shared.kafka import make_producer
from shared.models import Claim, Event, RawArticle
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_RAW

_PEOPLE = (
    "Maria Lindqvist",
    "Tomas Okafor",
    "Helen Marchetti",
    "Rajiv Anand",
    "Sofia Brandt",
    "Kwame Mensah",
    "Elena Petrova",
    "Daniel Ferreira",
)
_ROLES = ("Interior Minister", "police chief", "regional governor", "army spokesman", "mayor")
_PLACES = ("Lyon", "Porto", "Gdansk", "Tampere", "Bilbao", "Graz", "Leeds", "Utrecht")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_EVENTS = (
    "Police arrested {n} protesters outside the parliament in {place} on {day}.",
    "A bomb attack on a market in {place} on {day} killed {n} people and injured {m} others.",
    "Thousands of workers marched through {place} on {day} to protest against pension cuts.",
    "Government and union leaders will meet in {place} on {day} to discuss the dispute.",
    "Floods forced the evacuation of {n} families from villages near {place} on {day}.",
)
_QUOTES = (
    '"We will not accept violence on our streets," {person} told reporters.',
    "{person}, the {role}, said that the situation was under control.",
    "According to {person}, at least {m} officers were deployed overnight.",
    '"The talks have to continue," said {person}. "Nobody gains from a long dispute."',
)


def synthetic_articles(count: int, *, seed: int = 7) -> list[RawArticle]:
    """``count`` short news articles, each with claims and an event, reproducible by ``seed``."""
    rng = random.Random(seed)
    published = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    articles = []
    for i in range(count):
        values = {
            "person": rng.choice(_PEOPLE),
            "role": rng.choice(_ROLES),
            "place": rng.choice(_PLACES),
            "day": rng.choice(_DAYS),
            "n": rng.randint(2, 90),
            "m": rng.randint(2, 40),
        }
        sentences = [rng.choice(_EVENTS), rng.choice(_QUOTES), rng.choice(_EVENTS)]
        body = "\n\n".join(s.format(**values) for s in sentences)
        url = f"https://news.example.org/fault/{seed}/{i}"
        articles.append(
            RawArticle(
                article_id=article_id_for(url),
                url=url,
                title=f"Report {i} from {values['place']}",
                body=body,
                source="fault-suite",
                published_at=published + timedelta(minutes=i),
                received_at=published + timedelta(minutes=i, seconds=1),
            )
        )
    return articles


@dataclass(frozen=True)
class Reference:
    """The rows an undisturbed pipeline stores for a set of articles, and their content."""

    article_ids: frozenset[str]
    claim_ids: frozenset[str]
    event_ids: frozenset[str]
    contents: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → record fields

    @property
    def total(self) -> int:
        return len(self.article_ids) + len(self.claim_ids) + len(self.event_ids)


def reference_for(articles: list[RawArticle]) -> Reference:
    extractor = Extractor(load_nlp())
    texts = [
        ArticleText(a.article_id, a.body, title=a.title, published_at=a.published_at)
        for a in articles
    ]
    claims: set[str] = set()
    events: set[str] = set()
    contents: dict[str, dict[str, Any]] = {}
    for extraction in extractor.extract_many(texts):
        claims.update(c.claim_id for c in extraction.claims)
        events.update(e.event_id for e in extraction.events)
        contents |= {c.claim_id: _content(c) for c in extraction.claims}
        contents |= {e.event_id: _content(e) for e in extraction.events}
    return Reference(
        frozenset(a.article_id for a in articles),
        frozenset(claims),
        frozenset(events),
        contents,
    )


def _content(record: Claim | Event) -> dict[str, Any]:
    """What a stored row must say: every field but where in Kafka its record came from."""
    return record.model_dump(mode="json", exclude={"extracted_from"})


def stored_contents(database_url: str) -> dict[str, dict[str, Any]]:
    """The stored claims' and events' fields (from their payloads), by id."""
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT claim_id, payload FROM claims UNION ALL SELECT event_id, payload FROM events"
        ).fetchall()
    contents: dict[str, dict[str, Any]] = {}
    for record_id, payload in rows:
        model = Claim if record_id.startswith("c-") else Event
        contents[record_id] = _content(model.model_validate(payload))
    return contents


@dataclass(frozen=True)
class Stored:
    article_ids: frozenset[str]
    claim_ids: frozenset[str]
    event_ids: frozenset[str]

    @property
    def total(self) -> int:
        return len(self.article_ids) + len(self.claim_ids) + len(self.event_ids)


def stored_rows(database_url: str) -> Stored:
    with psycopg.connect(database_url) as conn:

        def ids(sql: str) -> frozenset[str]:
            return frozenset(row[0] for row in conn.execute(sql))

        try:
            return Stored(
                ids("SELECT article_id FROM articles"),
                ids("SELECT claim_id FROM claims"),
                ids("SELECT event_id FROM events"),
            )
        except psycopg.errors.UndefinedTable:  # the store has not migrated yet
            return Stored(frozenset(), frozenset(), frozenset())


def publish_stream(
    settings: KafkaSettings, articles: list[RawArticle], *, per_second: float
) -> threading.Thread:
    """Produce ``articles`` onto ``articles.raw`` at a steady rate, in a background thread."""

    def run() -> None:
        producer = make_producer(settings)
        topic = settings.topic(ARTICLES_RAW)
        started = time.monotonic()
        try:
            for i, article in enumerate(articles):
                ahead = i / per_second - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
                producer.send(topic, key=article.article_id.encode(), value=encode(article))
            producer.flush(timeout=60)
        finally:
            producer.close(timeout=10)

    thread = threading.Thread(target=run, name="publish-stream", daemon=True)
    thread.start()
    return thread


@dataclass
class Service:
    """One ``newsflow serve NAME`` process that can be SIGKILLed and started again."""

    name: str
    env: dict[str, str]
    log_dir: Path
    proc: subprocess.Popen[bytes] | None = None
    starts: int = 0
    kills: int = 0
    _logs: list[Path] = field(default_factory=list)

    def start(self) -> None:
        self.starts += 1
        log = self.log_dir / f"{self.name}-{self.starts}.log"
        self._logs.append(log)
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "serve", self.name],
                env={**os.environ, **self.env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def kill(self, how: signal.Signals = signal.SIGKILL) -> None:
        """SIGKILL: no clean-up, no commit, no flush; SIGTERM: a stop at an arbitrary point."""
        assert self.proc is not None
        self.proc.send_signal(how)
        self.proc.wait(timeout=60)
        self.kills += 1

    def assert_running(self) -> None:
        assert self.proc is not None
        code = self.proc.poll()
        if code is not None:
            tail = self._logs[-1].read_text(errors="replace")[-3000:]
            raise AssertionError(f"{self.name} exited with {code}:\n{tail}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def service_env(
    settings: KafkaSettings, database_url: str, state: Path, *, batch_size: int = 16
) -> dict[str, str]:
    return {
        "NEWSFLOW_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "NEWSFLOW_TOPIC_PREFIX": settings.topic_prefix,
        "NEWSFLOW_TOPIC_PARTITIONS": str(settings.topic_partitions),
        "NEWSFLOW_DATABASE_URL": database_url,
        "NEWSFLOW_EXTRACT_APP_ID": f"{settings.topic_prefix}extract",
        "NEWSFLOW_EXTRACT_DATADIR": str(state / "faust"),
        "NEWSFLOW_EXTRACT_BATCH_SIZE": str(batch_size),
        "NEWSFLOW_STORE_GROUP_ID": f"{settings.topic_prefix}store",
        "NEWSFLOW_LOG_LEVEL": "warning",
    }


def wait_for_rows(
    database_url: str,
    expected: Reference,
    services: list[Service],
    *,
    timeout_s: float,
    settle_s: float = 3.0,
) -> Stored:
    """Poll until the stored rows reach the expected count and stay put for ``settle_s``."""
    deadline = time.monotonic() + timeout_s
    last_total = -1
    stable_since = time.monotonic()
    while time.monotonic() < deadline:
        for service in services:
            service.assert_running()
        stored = stored_rows(database_url)
        if stored.total != last_total:
            last_total, stable_since = stored.total, time.monotonic()
        elif stored.total >= expected.total and time.monotonic() - stable_since >= settle_s:
            return stored
        time.sleep(0.5)
    return stored_rows(database_url)


def kill_points(rng: random.Random, expected_total: int, kills: int) -> list[int]:
    """Row counts at which to kill: spread over the run, never two at the same point."""
    points = sorted(rng.sample(range(expected_total // 10, expected_total * 9 // 10), kills))
    return points
