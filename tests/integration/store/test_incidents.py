"""Incidents: mentions of one incident across articles, assigned in the batch transaction, against
a real Postgres."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

import psycopg
import pytest

from services.query.adapters.incidents import incident_with_mentions, latest_incidents
from services.store.adapters.incidents import rebuild_incidents
from services.store.adapters.migrations import bundled_migrations, migrate
from services.store.adapters.pg_writer import open_connection
from shared.errors import RetriableError
from shared.ids import article_id_for, event_id_for
from shared.models import (
    Event,
    EventTime,
    Location,
    Magnitude,
    Participant,
    RawArticle,
    TextSpan,
)
from tests.integration.rows import incident_of_event, upsert_batch

pytestmark = pytest.mark.integration

MYKOLAIV = Location(
    text="Mykolaiv", start=0, end=8, name="Mykolayiv", country="UKR", geonameid=700569, lat=46.97,
    lon=32.0,
)  # fmt: skip
LVIV = Location(
    text="Lviv", start=0, end=4, name="Lviv", country="UKR", geonameid=702550, lat=49.84, lon=24.03
)
UKRAINE = Location(text="Ukraine", start=0, end=7, name="Ukraine", country="UKR", geonameid=690791)
RUSSIAN = Participant(text="Russian", start=0, end=7, name="Russia", country="RUS", sector="MIL")


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[Any]]:
    migrate(database_url=database_url)
    with open_connection(database_url=database_url) as connection:
        yield connection


def article(n: int, *, published: datetime) -> RawArticle:
    url = f"https://news.example.com/incidents/{n}"
    return RawArticle(
        article_id=article_id_for(url),
        url=url,
        title=f"Report {n}",
        body="Russian missiles struck Mykolaiv.",
        published_at=published,
        received_at=published,
    )


def event(
    of: RawArticle,
    *,
    on: date | None,
    killed: int | None = None,
    cumulative: bool = False,
    location: Location | None = MYKOLAIV,
    actors: tuple[Participant, ...] = (RUSSIAN,),
    event_type: str = "ASSAULT",
    start: int = 17,
) -> Event:
    magnitudes = (
        () if killed is None else (Magnitude(kind="killed", value=killed, cumulative=cumulative),)
    )
    return Event.model_validate(
        {
            "event_id": event_id_for(of.article_id, start, start + 6, event_type),
            "article_id": of.article_id,
            "type": event_type,
            "trigger": TextSpan(text="struck", start=start, end=start + 6),
            "actors": actors,
            "location": location,
            "time": None if on is None else EventTime(text="Tuesday", start=0, end=7, date=on),
            "magnitudes": magnitudes,
            "is_main": True,
        }
    )


def published(day: int, hour: int = 9) -> datetime:
    return datetime(2022, 3, day, hour, tzinfo=UTC)


def write(
    conn: psycopg.Connection[Any], articles: Sequence[RawArticle], events: Sequence[Event]
) -> None:
    upsert_batch(conn, articles=articles, claims=[], events=events)


def incidents_table(conn: psycopg.Connection[Any], *, with_times: bool = True) -> list[Any]:
    """Every incident row (timestamps only if ``with_times``) and every event's incident."""
    if with_times:
        incidents = conn.execute("SELECT * FROM incidents ORDER BY incident_id").fetchall()
    else:
        incidents = conn.execute(
            "SELECT incident_id, group_key, family, type, country, geonameid, place_name, actors,"
            " first_date, last_date, killed, injured, toll, toll_event_id, toll_article_id,"
            " toll_published_at, mention_count, article_count FROM incidents ORDER BY incident_id"
        ).fetchall()
    links = conn.execute("SELECT event_id, incident_id FROM events ORDER BY event_id").fetchall()
    return [*incidents, *links]


def test_two_reports_of_one_strike_make_one_incident_with_the_latest_toll(
    conn: psycopg.Connection[Any],
) -> None:
    first = article(1, published=published(29, 18))
    second = article(2, published=published(30, 8))
    early = event(first, on=date(2022, 3, 29), killed=12)
    risen = event(second, on=date(2022, 3, 29), killed=20, cumulative=True)

    write(conn, [first], [early])
    write(conn, [second], [risen])

    [incident] = latest_incidents(conn)
    assert (incident["type"], incident["country"], incident["geonameid"]) == (
        "ASSAULT",
        "UKR",
        700569,
    )
    assert (incident["place_name"], incident["first_date"], incident["last_date"]) == (
        "Mykolayiv",
        date(2022, 3, 29),
        date(2022, 3, 29),
    )
    assert (incident["killed"], incident["toll_event_id"], incident["toll_article_id"]) == (
        20,
        risen.event_id,
        second.article_id,
    )
    assert incident["toll_published_at"] == second.published_at
    assert incident["toll"]["killed"]["cumulative"] is True
    assert (incident["mention_count"], incident["article_count"]) == (2, 2)
    detail = incident_with_mentions(conn, incident_id=incident["incident_id"])
    assert detail is not None
    assert [m["event_id"] for m in detail["mentions"]] == [early.event_id, risen.event_id]
    assert [m["magnitudes"] for m in detail["mentions"]] == ["12 killed", "20 killed"]


def test_a_later_report_with_a_smaller_figure_wins_over_the_maximum(
    conn: psycopg.Connection[Any],
) -> None:
    first = article(1, published=published(29))
    second = article(2, published=published(30))

    write(
        conn,
        [first, second],
        [
            event(first, on=date(2022, 3, 29), killed=25),
            event(second, on=date(2022, 3, 30), killed=20),
        ],
    )

    [incident] = latest_incidents(conn)
    assert incident["killed"] == 20


def test_an_unrelated_event_elsewhere_starts_its_own_incident(
    conn: psycopg.Connection[Any],
) -> None:
    first = article(1, published=published(29))
    second = article(2, published=published(30))
    strike = event(first, on=date(2022, 3, 29), killed=12)
    elsewhere = event(second, on=date(2022, 3, 29), killed=4, location=LVIV)
    weeks_later = event(second, on=date(2022, 3, 12), killed=1, start=40)

    write(conn, [first, second], [strike, elsewhere, weeks_later])

    incidents = {i["incident_id"]: i for i in latest_incidents(conn)}
    assert len(incidents) == 3
    owners = {
        e.event_id: incident_of_event(conn, event_id=e.event_id)
        for e in (strike, elsewhere, weeks_later)
    }
    assert len({o["incident_id"] for o in owners.values() if o is not None}) == 3
    lviv = owners[elsewhere.event_id]
    assert lviv is not None and (lviv["place_name"], lviv["killed"]) == ("Lviv", 4)


def test_replaying_a_batch_changes_no_row(conn: psycopg.Connection[Any]) -> None:
    first = article(1, published=published(29))
    second = article(2, published=published(30))
    batch = (
        [first, second],
        [
            event(first, on=date(2022, 3, 29), killed=12),
            event(second, on=date(2022, 3, 29), killed=20, cumulative=True),
        ],
    )
    write(conn, *batch)
    before = incidents_table(conn)

    write(conn, *batch)
    write(conn, [second], batch[1][1:])  # a partial replay, as after a rebalance

    assert incidents_table(conn) == before
    assert len(latest_incidents(conn)) == 1


def test_reverse_publication_order_gives_the_same_incidents(
    conn: psycopg.Connection[Any],
) -> None:
    reports = [article(n, published=published(28 + n)) for n in range(1, 4)]
    events = [
        event(reports[0], on=date(2022, 3, 29), killed=12),
        event(reports[1], on=date(2022, 3, 30), killed=20, cumulative=True),
        event(reports[2], on=date(2022, 3, 29), killed=23, cumulative=True),
    ]

    for a, e in zip(reports, events, strict=True):
        write(conn, [a], [e])
    in_order = incidents_table(conn, with_times=False)
    conn.execute("TRUNCATE incidents, events, articles")
    for a, e in reversed(list(zip(reports, events, strict=True))):
        write(conn, [a], [e])

    assert incidents_table(conn, with_times=False) == in_order
    [incident] = latest_incidents(conn)
    assert (incident["killed"], incident["toll_article_id"]) == (23, reports[2].article_id)


def test_events_stored_before_their_articles_get_the_toll_once_the_articles_arrive(
    conn: psycopg.Connection[Any],
) -> None:
    first = article(1, published=published(29))
    second = article(2, published=published(30))
    # The later report's event arrives first, without a date: it waits for its article.
    undated = event(second, on=None, killed=20, cumulative=True)

    write(conn, [], [event(first, on=date(2022, 3, 29), killed=12), undated])
    assert incident_of_event(conn, event_id=undated.event_id) is None
    write(conn, [second], [])
    write(conn, [first], [])

    [incident] = latest_incidents(conn)
    assert (incident["killed"], incident["mention_count"], incident["last_date"]) == (
        20,
        2,
        date(2022, 3, 30),
    )
    assert incident["toll_published_at"] == second.published_at


def test_an_earlier_dated_mention_moves_the_incident_and_leaves_nothing_behind(
    conn: psycopg.Connection[Any],
) -> None:
    later = article(1, published=published(31))
    earlier = article(2, published=published(31, 12))
    write(conn, [later], [event(later, on=date(2022, 3, 31), killed=3)])
    [old] = latest_incidents(conn)

    write(conn, [earlier], [event(earlier, on=date(2022, 3, 28), killed=5)])

    [incident] = latest_incidents(conn)
    assert incident["incident_id"] != old["incident_id"]
    assert (incident["first_date"], incident["last_date"], incident["mention_count"]) == (
        date(2022, 3, 28),
        date(2022, 3, 31),
        2,
    )
    assert incident["killed"] == 5


def test_a_re_extracted_event_that_changes_place_moves_to_the_new_incident(
    conn: psycopg.Connection[Any],
) -> None:
    report = article(1, published=published(29))
    write(conn, [report], [event(report, on=date(2022, 3, 29), killed=12)])

    moved = event(report, on=date(2022, 3, 29), killed=12, location=LVIV)
    write(conn, [], [moved])

    [incident] = latest_incidents(conn)
    assert incident["place_name"] == "Lviv"
    owner = incident_of_event(conn, event_id=moved.event_id)
    assert owner is not None and owner["incident_id"] == incident["incident_id"]


def test_without_a_place_mentions_group_by_country_and_actors(
    conn: psycopg.Connection[Any],
) -> None:
    reports = [article(n, published=published(29)) for n in range(1, 4)]
    other_actor = Participant(text="rebels", start=0, end=6, name="rebels", country=None)

    write(
        conn,
        reports,
        [
            event(reports[0], on=date(2022, 3, 29), location=UKRAINE),
            event(reports[1], on=date(2022, 3, 30), location=UKRAINE),
            event(reports[2], on=date(2022, 3, 29), location=UKRAINE, actors=(other_actor,)),
        ],
    )

    counts = sorted(i["mention_count"] for i in latest_incidents(conn))
    assert counts == [1, 2]


def test_negated_and_unlocated_events_get_no_incident(conn: psycopg.Connection[Any]) -> None:
    report = article(1, published=published(29))
    negated = event(report, on=date(2022, 3, 29)).model_copy(update={"status": "negated"})
    nowhere = event(report, on=date(2022, 3, 29), location=None, start=40)

    write(conn, [report], [negated, nowhere])

    assert latest_incidents(conn) == []


def test_an_event_placed_only_by_its_article_joins_no_incident(
    conn: psycopg.Connection[Any],
) -> None:
    reports = [article(n, published=published(29)) for n in range(1, 4)]
    by_article = MYKOLAIV.model_copy(update={"source": "article"})
    own = [
        event(
            reports[0],
            on=date(2022, 3, 29),
            location=MYKOLAIV.model_copy(update={"source": "attached"}),
        ),
        event(reports[1], on=date(2022, 3, 29), location=MYKOLAIV),
    ]
    weak = event(reports[2], on=date(2022, 3, 29), location=by_article, killed=99)

    write(conn, reports, [*own, weak])

    [incident] = latest_incidents(conn)
    assert (incident["mention_count"], incident["killed"]) == (2, None)
    assert incident_of_event(conn, event_id=weak.event_id) is None
    stored = conn.execute("SELECT country FROM events WHERE event_id = %s", (weak.event_id,))
    assert stored.fetchone() == ("UKR",)  # still found by country


def test_two_stores_writing_one_incident_at_once_make_one_incident(database_url: str) -> None:
    migrate(database_url=database_url)
    reports = [article(n, published=published(29, n)) for n in range(1, 9)]
    batches = [
        ([a], [event(a, on=date(2022, 3, 29), killed=10 + i)]) for i, a in enumerate(reports)
    ]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def store(mine: list[tuple[list[RawArticle], list[Event]]]) -> None:
        try:
            with open_connection(database_url=database_url) as own:
                start.wait()
                for batch in mine:
                    for _ in range(5):  # as the store does: a deadlock is retried
                        try:
                            write(own, *batch)
                            break
                        except RetriableError:
                            continue
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=store, args=(batches[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert errors == []
    with open_connection(database_url=database_url) as conn:
        [incident] = latest_incidents(conn)
        assert (incident["mention_count"], incident["killed"]) == (8, 17)
        unlinked = conn.execute("SELECT count(*) FROM events WHERE incident_id IS NULL").fetchone()
        assert unlinked == (0,)


def test_migration_0002_applies_to_a_database_at_0001_with_data(database_url: str) -> None:
    migrate(database_url=database_url, migrations=bundled_migrations()[:1])
    report = article(1, published=published(29))
    strike = event(report, on=date(2022, 3, 29), killed=12)
    with psycopg.connect(database_url, autocommit=True) as old:
        old.execute(
            "INSERT INTO articles (article_id, url, body, published_at, received_at, payload)"
            " VALUES (%s, %s, %s, %s, %s, %s::jsonb)",
            (
                report.article_id,
                report.url,
                report.body,
                report.published_at,
                report.received_at,
                report.model_dump_json(),
            ),
        )
        old.execute(
            "INSERT INTO events (event_id, article_id, type, status, trigger_text, country,"
            " geonameid, event_date, payload) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)",
            (
                strike.event_id,
                strike.article_id,
                "ASSAULT",
                "occurred",
                "struck",
                "UKR",
                700569,
                date(2022, 3, 29),
                strike.model_dump_json(),
            ),
        )

    applied = migrate(database_url=database_url)
    assert applied == [m.version for m in bundled_migrations()[1:]]
    assert applied[0] == "0002_incidents"

    with open_connection(database_url=database_url) as conn:
        assert incident_of_event(conn, event_id=strike.event_id) is None
        assert rebuild_incidents(conn) == 1
        assert rebuild_incidents(conn) == 1
        [incident] = latest_incidents(conn)
        assert (incident["killed"], incident["mention_count"]) == (12, 1)
