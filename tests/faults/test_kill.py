"""SIGKILL (or SIGTERM) the extractor, the store, or both, at random points while 2,000
articles stream through the real broker into a real Postgres; restart them; the stored rows
must equal those of an undisturbed run: 0 missing, 0 extra, 0 duplicated.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from shared.kafka import ensure_topics
from shared.settings import KafkaSettings
from tests.faults.harness import (
    Reference,
    Service,
    kill_points,
    publish_stream,
    reference_for,
    service_env,
    stored_contents,
    stored_rows,
    synthetic_articles,
    wait_for_rows,
)

pytestmark = pytest.mark.faults

ARTICLES = int(os.environ.get("NEWSFLOW_FAULT_ARTICLES", "2000"))
KILLS = int(os.environ.get("NEWSFLOW_FAULT_KILLS", "3"))
SEED = int(os.environ.get("NEWSFLOW_FAULT_SEED", "20261125"))


@pytest.fixture(scope="module")
def articles() -> list:  # type: ignore[type-arg]
    return synthetic_articles(ARTICLES, seed=SEED)


@pytest.fixture(scope="module")
def reference(articles: list) -> Reference:  # type: ignore[type-arg]
    return reference_for(articles)


@pytest.mark.parametrize(
    ("victims", "how"),
    [
        (("extract",), signal.SIGKILL),
        (("store",), signal.SIGKILL),
        (("extract", "store"), signal.SIGKILL),
        (("extract", "store"), signal.SIGTERM),
    ],
    ids=["extract-sigkill", "store-sigkill", "both-sigkill", "both-sigterm"],
)
def test_kill_mid_stream_loses_and_duplicates_nothing(
    victims: tuple[str, ...],
    how: signal.Signals,
    articles: list,  # type: ignore[type-arg]
    reference: Reference,
    kafka_bootstrap: str,
    topic_prefix: str,
    database_url: str,
    tmp_path: Path,
) -> None:
    settings = KafkaSettings(
        kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix, topic_partitions=4
    )
    ensure_topics(settings)
    env = service_env(settings, database_url, tmp_path)
    services = {name: Service(name, env, tmp_path) for name in ("store", "extract")}
    rng = random.Random(f"{SEED}-{'+'.join(victims)}")
    points = kill_points(rng, reference.total, KILLS)
    try:
        for service in services.values():
            service.start()
        publisher = publish_stream(settings, articles, per_second=400)
        for point in points:
            _wait_until_total(database_url, point, list(services.values()), timeout_s=240)
            time.sleep(rng.uniform(0.0, 1.0))  # land anywhere relative to batch boundaries
            for name in victims:
                services[name].kill(how)
            for name in victims:
                services[name].start()
        publisher.join(timeout=120)
        stored = wait_for_rows(database_url, reference, list(services.values()), timeout_s=300)
    finally:
        for service in services.values():
            service.stop()

    missing = {
        "articles": len(reference.article_ids - stored.article_ids),
        "claims": len(reference.claim_ids - stored.claim_ids),
        "events": len(reference.event_ids - stored.event_ids),
    }
    extra = {
        "articles": len(stored.article_ids - reference.article_ids),
        "claims": len(stored.claim_ids - reference.claim_ids),
        "events": len(stored.event_ids - reference.event_ids),
    }
    kills = sum(services[name].kills for name in victims)
    print(
        f"\n{how.name} {'+'.join(victims)} {kills}x at rows {points}: "
        f"expected {reference.total} rows, stored {stored.total}; missing {missing}, extra {extra}"
    )
    assert kills == KILLS * len(victims)
    assert missing == {"articles": 0, "claims": 0, "events": 0}
    assert extra == {"articles": 0, "claims": 0, "events": 0}
    # Same ids is not enough: every stored row must say what the undisturbed run says (a replay
    # that wrote another version of a row, or half of one, would differ here).
    contents = stored_contents(database_url)
    differing = [i for i, fields in reference.contents.items() if contents.get(i) != fields]
    assert not differing, f"{len(differing)} rows differ from the undisturbed run: {differing[:3]}"


def _wait_until_total(
    database_url: str, total: int, services: list[Service], *, timeout_s: float
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for service in services:
            service.assert_running()
        if stored_rows(database_url).total >= total:
            return
        time.sleep(0.2)
    raise AssertionError(f"the pipeline did not reach {total} rows in {timeout_s:.0f}s")
