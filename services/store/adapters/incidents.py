"""Assigns stored events to incidents, inside the store's batch transaction.

The grouping rule is pure and lives in :mod:`services.store.domain.incidents`; this module keeps
the ``incidents`` table and ``events.incident_id`` equal to that rule applied to the stored events.

How a batch is handled (:func:`~services.store.batch_transaction.store_batch`, steps 4 and 8)
-----------------------------------------------------------------------------------------
1. BEFORE any write of the batch:

   * :func:`lock_articles`: a transaction-level advisory lock per article of the batch (its
     articles and the articles of its claims, events and manifests), in sorted order;
   * then :func:`lock_incident_groups`:
     * read the batch's events as currently stored, and the stored events of the batch's
       articles, and note their group keys and dates (the *old* state: an event that changes
       key or date must leave its old incident);
     * take a transaction-level advisory lock per group key (the new keys of the batch's events
       included), in sorted order.

2. the batch upserts (unchanged);

3. :func:`assign_incidents`: read the same events again (the *new* state) and, for every key
   touched, recompute the key's incidents from the earliest touched date on. Incidents that start
   earlier cannot change (the partition is greedy from the earliest date), so only the tail of
   the key is read and rewritten: upsert the recomputed incidents, point their events at them,
   detach events that left, delete incidents that no longer exist.

Why locks and not only an upsert on a deterministic key
-------------------------------------------------------
A fixed date bucket in the key (``type, country, geonameid, week``) would need no lock, but it
splits the same strike dated the 29th by one article and the 30th by another whenever a bucket
boundary falls between them. The sliding rule needs to see the whole neighbourhood of a date, so
two stores writing the same key at once must take turns: the key lock serialises them, and under
READ COMMITTED each statement after the lock sees what the previous holder committed. The article
lock closes the other race, an article and its events written by two stores at once (the second
one to take the lock always sees the first one's rows). All advisory locks are taken before any
row is written, articles then keys, each in sorted order, so advisory locks alone cannot deadlock;
a deadlock with row locks (two stores re-assigning the same event at once) is detected by
Postgres, raised as a retriable error, and the batch is repeated. Incident rows are upserted with
``ON CONFLICT … WHERE … IS DISTINCT FROM``, so a replayed batch changes no row, not even
``updated_at``.

Existing data (a database migrated from 0001) gets incidents when a batch touches its key, or at
once with :func:`rebuild_incidents`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, LiteralString

import psycopg
from pydantic import ValidationError

from services.store.domain.incidents import (
    ARTICLE_LEVEL_SOURCES,
    ELIGIBLE_STATUSES,
    GroupKey,
    IncidentDraft,
    Mention,
    TollFigure,
    group_key_of,
    lock_id,
    mention_of,
    partition,
    types_of_family,
)
from shared.models import Event, RawArticle

log = logging.getLogger(__name__)

# Only events that can be grouped (rule 1: eligible status, a country, a place of their own)
# are read: the others have no group key (Python checks again; this only spares reading and
# decoding them). ``payload::text`` lets pydantic parse the JSON itself (much faster than
# psycopg's json.loads into dicts followed by model_validate).
_OWN_PLACE: LiteralString = (
    "jsonb_typeof(e.payload->'location') = 'object'"
    " AND COALESCE(e.payload->'location'->>'source', '') <> ALL(%(article_level)s::text[])"
)

_STORED_EVENTS_OF_BATCH: LiteralString = (
    """
SELECT e.payload::text, a.published_at
FROM events AS e LEFT JOIN articles AS a ON a.article_id = e.article_id
WHERE (e.event_id = ANY(%(event_ids)s) OR e.article_id = ANY(%(article_ids)s))
  AND e.status = ANY(%(statuses)s) AND e.country IS NOT NULL AND """
    + _OWN_PLACE
)

# Candidate events of many groups at once: one row per (group, event) that may belong to it;
# Python keeps the events whose own group key is that group (actor-keyed groups share a country).
_CANDIDATES_OF_GROUPS: LiteralString = (
    """
WITH k AS (
    SELECT * FROM unnest(%(keys)s::text[], %(countries)s::text[], %(geonameids)s::bigint[],
                         %(sinces)s::date[], %(families)s::text[])
        AS k(group_key, country, geonameid, since, family)
), f AS (
    SELECT * FROM unnest(%(family_types)s::text[], %(type_families)s::text[]) AS f(type, family)
)
SELECT DISTINCT e.event_id, e.payload::text, a.published_at
FROM k
JOIN f ON f.family = k.family
JOIN events AS e ON e.country = k.country AND e.type = f.type AND e.status = ANY(%(statuses)s)
    AND (k.geonameid IS NULL OR e.geonameid = k.geonameid)
LEFT JOIN articles AS a ON a.article_id = e.article_id
WHERE (k.since IS NULL
       OR COALESCE(e.event_date, (a.published_at AT TIME ZONE 'UTC')::date) >= k.since)
  AND """
    + _OWN_PLACE
)

_PUBLISHED_TIMES: LiteralString = (
    "SELECT article_id, published_at FROM articles WHERE article_id = ANY(%s)"
)

_TAIL_STARTS: LiteralString = """
SELECT k.group_key,
       (SELECT max(i.first_date) FROM incidents AS i
        WHERE i.group_key = k.group_key AND i.first_date < k.since)
FROM unnest(%s::text[], %s::date[]) AS k(group_key, since)
"""

_INCIDENTS_OF_TAILS: LiteralString = """
SELECT i.incident_id
FROM incidents AS i
JOIN unnest(%s::text[], %s::date[]) AS k(group_key, tail_from) ON i.group_key = k.group_key
WHERE k.tail_from IS NULL OR i.first_date >= k.tail_from
"""

# Every incident of a batch in one statement (one array per column; the ids are distinct).
_UPSERT_INCIDENTS: LiteralString = """
INSERT INTO incidents AS t (
    incident_id, group_key, family, type, country, geonameid, place_name, actors, first_date,
    last_date, killed, injured, toll, toll_event_id, toll_article_id, toll_published_at,
    mention_count, article_count
)
SELECT * FROM unnest(
    %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::bigint[], %s::text[],
    %s::jsonb[], %s::date[], %s::date[], %s::int[], %s::int[], %s::jsonb[], %s::text[],
    %s::text[], %s::timestamptz[], %s::int[], %s::int[])
ON CONFLICT (incident_id) DO UPDATE SET
    group_key = EXCLUDED.group_key, family = EXCLUDED.family, type = EXCLUDED.type,
    country = EXCLUDED.country, geonameid = EXCLUDED.geonameid,
    place_name = EXCLUDED.place_name, actors = EXCLUDED.actors,
    first_date = EXCLUDED.first_date, last_date = EXCLUDED.last_date,
    killed = EXCLUDED.killed, injured = EXCLUDED.injured, toll = EXCLUDED.toll,
    toll_event_id = EXCLUDED.toll_event_id, toll_article_id = EXCLUDED.toll_article_id,
    toll_published_at = EXCLUDED.toll_published_at, mention_count = EXCLUDED.mention_count,
    article_count = EXCLUDED.article_count, updated_at = now()
WHERE (t.group_key, t.family, t.type, t.country, t.geonameid, t.place_name, t.actors,
       t.first_date, t.last_date, t.killed, t.injured, t.toll, t.toll_event_id,
       t.toll_article_id, t.toll_published_at, t.mention_count, t.article_count)
    IS DISTINCT FROM
      (EXCLUDED.group_key, EXCLUDED.family, EXCLUDED.type, EXCLUDED.country, EXCLUDED.geonameid,
       EXCLUDED.place_name, EXCLUDED.actors, EXCLUDED.first_date, EXCLUDED.last_date,
       EXCLUDED.killed, EXCLUDED.injured, EXCLUDED.toll, EXCLUDED.toll_event_id,
       EXCLUDED.toll_article_id, EXCLUDED.toll_published_at, EXCLUDED.mention_count,
       EXCLUDED.article_count)
"""

_POINT_EVENTS_AT_INCIDENTS: LiteralString = """
UPDATE events AS e SET incident_id = v.incident_id
FROM unnest(%s::text[], %s::text[]) AS v(event_id, incident_id)
WHERE e.event_id = v.event_id AND e.incident_id IS DISTINCT FROM v.incident_id
"""


@dataclass(frozen=True)
class IncidentWork:
    """What :func:`lock_incident_groups` found and locked, for :func:`assign_incidents`."""

    event_ids: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    earliest_old: Mapping[GroupKey, date] = field(default_factory=dict)
    locked_keys: frozenset[GroupKey] = frozenset()
    after_write: tuple[tuple[Event, datetime | None], ...] = ()


def lock_articles(cur: psycopg.Cursor[Any], article_ids: Iterable[str]) -> None:
    """Step 1's first lock: the transaction-level advisory lock of each article, all at once."""
    _lock(cur, (lock_id("article", a) for a in article_ids))


def lock_incident_groups(
    cur: psycopg.Cursor[Any],
    *,
    articles: Sequence[RawArticle],
    events: Sequence[Event],
    superseding: Iterable[str] = (),
    survives: Callable[[Event], bool] | None = None,
) -> IncidentWork:
    """Step 1 of the module docstring, after :func:`lock_articles` has locked every article
    involved. Call it in the batch transaction before any write.

    ``superseding``: articles whose stored events the batch deletes where ``survives`` says no
    (a newer extraction replaced them; see :mod:`services.store.domain.extractions`).
    """
    event_ids = tuple(sorted({e.event_id for e in events}))
    article_ids = tuple(
        sorted({e.article_id for e in events} | {a.article_id for a in articles} | set(superseding))
    )
    if not article_ids:
        return IncidentWork()
    # Two reads, one round trip.
    with cur.connection.pipeline(), cur.connection.cursor() as published_cur:
        published_cur.execute(_PUBLISHED_TIMES, (list(article_ids),))
        stored = _stored_events(cur, event_ids=event_ids, article_ids=article_ids)
        published = {row[0]: row[1] for row in published_cur.fetchall()}
    keys = {k for e, _ in stored if (k := group_key_of(e)) is not None}
    keys |= {k for e in events if (k := group_key_of(e)) is not None}
    _lock(cur, (lock_id("incident", k.text) for k in keys))
    return IncidentWork(
        event_ids=event_ids,
        article_ids=article_ids,
        earliest_old=_earliest(_mentions(stored)),
        locked_keys=frozenset(keys),
        after_write=_as_written(
            [(e, p) for e, p in stored if survives is None or survives(e)],
            published=published,
            articles=articles,
            events=events,
        ),
    )


def _as_written(
    stored: list[tuple[Event, datetime | None]],
    *,
    published: dict[str, datetime | None],
    articles: Sequence[RawArticle],
    events: Sequence[Event],
) -> tuple[tuple[Event, datetime | None], ...]:
    """What :func:`_stored_events` will return once the batch is written, computed without
    reading it back: the batch's events replace stored ones with the same id (the last record
    of an id wins, as in the upsert), and the batch's articles give publication times. Rows of
    other events of the batch's articles do not change (their articles are locked)."""
    published = {**published, **{a.article_id: a.published_at for a in articles}}
    by_id = {e.event_id: e for e, _ in stored}
    for e in events:
        if group_key_of(e) is not None:
            by_id[e.event_id] = e
        else:
            by_id.pop(e.event_id, None)  # (re-)extracted as not groupable: no mention
    return tuple((e, published.get(e.article_id)) for e in by_id.values())


def assign_incidents(cur: psycopg.Cursor[Any], work: IncidentWork) -> int:
    """Step 3 of the module docstring; returns how many groups were recomputed.

    Repeatable: running it again on the same stored rows changes nothing.
    """
    if not work.article_ids:
        return 0
    stored = list(work.after_write)
    unexpected = {k for e, _ in stored if (k := group_key_of(e)) is not None} - work.locked_keys
    if unexpected:  # cannot happen while rows of a locked article only change under its lock
        log.warning("incidents: locking %d group(s) late", len(unexpected))
        _lock(cur, (lock_id("incident", k.text) for k in unexpected))
    earliest = dict(work.earliest_old)
    for key, when in _earliest(_mentions(stored)).items():
        earliest[key] = min(when, earliest.get(key, when))
    reassign_groups(cur, earliest)
    return len(earliest)


def reassign_group(cur: psycopg.Cursor[Any], *, key: GroupKey, since: date | None) -> None:
    """Recompute the incidents of ``key`` that may contain a mention dated ``since`` or later
    (all of them when ``since`` is ``None``). The caller holds the key's advisory lock."""
    reassign_groups(cur, {key: since})


def reassign_groups(cur: psycopg.Cursor[Any], since_by_key: Mapping[GroupKey, date | None]) -> None:
    """:func:`reassign_group` for many keys with a fixed number of statements (not a round
    trip per key). The caller holds every key's advisory lock."""
    if not since_by_key:
        return
    tails = _tail_starts(cur, since_by_key)
    # The two reads in one round trip.
    with cur.connection.pipeline(), cur.connection.cursor() as tails_cur:
        _incidents_of_tails(tails_cur, tails)
        candidates = _candidates_of(cur, tails)
        old_ids = [row[0] for row in tails_cur.fetchall()]
    by_key: dict[GroupKey, list[Mention]] = {key: [] for key in since_by_key}
    for mention in _mentions(candidates):
        tail_from = tails.get(mention.key, _ABSENT)
        if tail_from is _ABSENT:
            continue  # an event of another group sharing the country
        if tail_from is None or mention.date >= tail_from:
            by_key[mention.key].append(mention)
    drafts = [d for key in sorted(by_key) for d in partition(by_key[key])]
    members = {event_id: d.incident_id for d in drafts for event_id in d.event_ids}
    stale = sorted(set(old_ids) - {d.incident_id for d in drafts})
    with cur.connection.pipeline():  # the writes need no answer: one round trip
        _upsert_incidents(cur, drafts)
        if members:
            cur.execute(_POINT_EVENTS_AT_INCIDENTS, (list(members), list(members.values())))
        if old_ids:
            cur.execute(
                "UPDATE events SET incident_id = NULL"
                " WHERE incident_id = ANY(%s) AND NOT (event_id = ANY(%s))",
                (old_ids, list(members)),
            )
        if stale:
            cur.execute("DELETE FROM incidents WHERE incident_id = ANY(%s)", (stale,))


_ABSENT: Any = object()


def rebuild_incidents(conn: psycopg.Connection[Any]) -> int:
    """Recompute every incident from the stored events in one transaction; returns the number
    of groups. For a database that had events before migration 0002; safe to repeat, and safe
    while stores are running (it takes the same group locks)."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(
            "SELECT e.payload, a.published_at FROM events AS e"
            " LEFT JOIN articles AS a ON a.article_id = e.article_id"
        )
        keys = {k for e, _ in _decoded(cur.fetchall()) if (k := group_key_of(e)) is not None}
        cur.execute("SELECT DISTINCT group_key FROM incidents")
        known = {row[0] for row in cur.fetchall()}
        _lock(cur, (lock_id("incident", k.text) for k in keys))
        reassign_groups(cur, dict.fromkeys(keys))
        orphaned = sorted(known - {k.text for k in keys})
        if orphaned:
            cur.execute("DELETE FROM incidents WHERE group_key = ANY(%s)", (orphaned,))
    return len(keys)


def _lock(cur: psycopg.Cursor[Any], ids: Iterable[int]) -> None:
    ordered = sorted(set(ids))
    if ordered:
        # unnest yields the array in order, so the locks are taken in sorted order.
        cur.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", (ordered,))


def _stored_events(
    cur: psycopg.Cursor[Any], *, event_ids: Sequence[str], article_ids: Sequence[str]
) -> list[tuple[Event, datetime | None]]:
    cur.execute(
        _STORED_EVENTS_OF_BATCH,
        {
            "event_ids": list(event_ids),
            "article_ids": list(article_ids),
            "statuses": sorted(ELIGIBLE_STATUSES),
            "article_level": sorted(ARTICLE_LEVEL_SOURCES),
        },
    )
    return _decoded(cur.fetchall())


def _candidates_of(
    cur: psycopg.Cursor[Any], tails: Mapping[GroupKey, date | None]
) -> list[tuple[Event, datetime | None]]:
    keys = sorted(tails)
    families = sorted({k.family for k in keys})
    pairs = [(t, fam) for fam in families for t in types_of_family(fam)]
    cur.execute(
        _CANDIDATES_OF_GROUPS,
        {
            "keys": [k.text for k in keys],
            "countries": [k.country for k in keys],
            "geonameids": [k.geonameid for k in keys],
            "sinces": [tails[k] for k in keys],
            "families": [k.family for k in keys],
            "family_types": [t for t, _ in pairs],
            "type_families": [fam for _, fam in pairs],
            "statuses": sorted(ELIGIBLE_STATUSES),
            "article_level": sorted(ARTICLE_LEVEL_SOURCES),
        },
    )
    return _decoded((payload, published) for _, payload, published in cur.fetchall())


def _decoded(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Event, datetime | None]]:
    decoded: list[tuple[Event, datetime | None]] = []
    for payload, published_at in rows:
        try:
            event = (
                Event.model_validate_json(payload)
                if isinstance(payload, str)
                else Event.model_validate(payload)
            )
            decoded.append((event, published_at))
        except ValidationError as exc:  # a row of an older schema: it simply takes no part
            log.warning("incidents: skipping an undecodable stored event: %s", exc)
    return decoded


def _mentions(events: Iterable[tuple[Event, datetime | None]]) -> list[Mention]:
    return [m for e, published in events if (m := mention_of(e, published)) is not None]


def _earliest(mentions: Iterable[Mention]) -> dict[GroupKey, date]:
    earliest: dict[GroupKey, date] = {}
    for m in mentions:
        earliest[m.key] = min(m.date, earliest.get(m.key, m.date))
    return earliest


def _tail_starts(
    cur: psycopg.Cursor[Any], since_by_key: Mapping[GroupKey, date | None]
) -> dict[GroupKey, date | None]:
    """Per key, the first date of the last incident starting before ``since``: incidents that
    start before it end before it, so they cannot change. ``None``: the whole group."""
    tails: dict[GroupKey, date | None] = dict.fromkeys(since_by_key)
    dated = sorted(k for k, since in since_by_key.items() if since is not None)
    if dated:
        cur.execute(_TAIL_STARTS, ([k.text for k in dated], [since_by_key[k] for k in dated]))
        start_by_text = {row[0]: row[1] for row in cur.fetchall()}
        for key in dated:
            tails[key] = start_by_text.get(key.text)
    return tails


def _incidents_of_tails(cur: psycopg.Cursor[Any], tails: Mapping[GroupKey, date | None]) -> None:
    """Sends the query of the incidents in the tails; the ids are ``cur``'s rows."""
    keys = sorted(tails)
    cur.execute(_INCIDENTS_OF_TAILS, ([k.text for k in keys], [tails[k] for k in keys]))


def _upsert_incidents(cur: psycopg.Cursor[Any], drafts: Sequence[IncidentDraft]) -> None:
    if drafts:
        rows = [_incident_row(d) for d in drafts]
        cur.execute(_UPSERT_INCIDENTS, [list(column) for column in zip(*rows, strict=True)])


def _incident_row(d: IncidentDraft) -> tuple[Any, ...]:
    report = d.latest_report
    return (
        d.incident_id,
        d.key.text,
        d.key.family,
        d.type,
        d.key.country,
        d.key.geonameid,
        d.place_name,
        json.dumps(list(d.actors)),
        d.first_date,
        d.last_date,
        d.figure("killed"),
        d.figure("injured"),
        json.dumps({f.kind: _figure_json(f) for f in d.toll}, sort_keys=True),
        report.event_id if report else None,
        report.article_id if report else None,
        report.published_at if report else None,
        len(d.event_ids),
        d.article_count,
    )


def _figure_json(f: TollFigure) -> dict[str, Any]:
    # UTC, so that every session writes the same jsonb whatever its TimeZone setting.
    published = f.published_at.astimezone(UTC).isoformat() if f.published_at else None
    return {
        "value": f.value,
        "cumulative": f.cumulative,
        "event_id": f.event_id,
        "article_id": f.article_id,
        "published_at": published,
    }
