"""Which event mentions are the same real-world incident, and what its latest toll is. Pure logic.

An *incident* groups the event mentions of many articles that report the same thing: the
missile strike on Mykolaiv of 29 March, reported on the 29th ("12 killed") and again on the 30th
("the death toll has risen to 20").

The rule
--------
1. **Eligible mentions.** An event takes part when its status is ``occurred`` or ``ongoing``, its
   location names a country and is the event's own (not placed only by the article: see
   below), and it has a date: ``time.date``, else the UTC date of its article's
   ``published_at``. Other events get no incident.
2. **Group key.** Mentions can share an incident only when they share the key
   ``(family, country, place)``: ``family`` is the event type, with compatible types folded
   together (``ACCIDENT`` → ``DISASTER``); ``place`` is the location's geonameid when the location
   is a place with coordinates, otherwise (no place, or only a country named) the sorted set of
   actor names: ``g:700569`` or ``a:russia``.
3. **Date window.** Within a key, mentions are partitioned greedily by date: the earliest date
   opens an incident that takes every mention dated within ``WINDOW_DAYS`` after it; the first
   date beyond that opens the next incident, and so on. Every incident therefore spans at most
   ``WINDOW_DAYS + 1`` days, and daily strikes on one city do not chain into one endless incident.
4. **Deterministic id.** ``incident_id`` is a digest of the key and the incident's first date.
5. **Latest toll.** For every magnitude kind (killed, injured, …) the figure comes from the most
   recently *published* article that reports it — not the largest figure ever reported. Ties on
   ``published_at`` go to the larger ``article_id``; within one article a cumulative figure
   ("the toll has risen to 20") beats a plain one, then the larger value, then the larger
   ``event_id``. A mention whose article is not stored yet ranks below every dated one.

Why an event placed only by its article takes no part: an incident claims that mentions of the
same type, in the same place and days, report one thing. A location whose ``source`` is
``article`` (:data:`ARTICLE_LEVEL_SOURCES`) is the one country the article names most, given to
events whose own sentence names no place: weak evidence of where *this* event happened, and
always a whole country, so it grouped every protest or assault of an article about Britain with
every other one in Britain that week. Those were about three quarters of the located events
(BBC sample) and most of the store's incident work (store vs raw COPY 0.53× before places were
geocoded, 0.35× with them). Such events keep their location (queries by country still find them);
they get ``incident_id = NULL``. So does an event that is only *set* in the article's place
(``Event.setting``, extractor 0.17.0 on: an event other than the main one that names no place of
its own): it has no location to group by.

The result is a function of the *set* of mentions only, never of their arrival order: replaying
a batch, or receiving articles in any order, yields the same incidents, ids and tolls. The price
of rule 3 is that an incident's id changes when a mention dated earlier than its first date
arrives (the adapter rewrites the group's tail in the same transaction).

>>> from datetime import date
>>> key = GroupKey(family="ASSAULT", country="UKR", place="g:700569")
>>> dates = [date(2022, 3, 29), date(2022, 3, 30), date(2022, 4, 2), date(2022, 4, 3)]
>>> [(d.first_date.day, d.last_date.day) for d in partition(
...     [Mention(f"e{i}", f"a{i}", "ASSAULT", key, d, None) for i, d in enumerate(dates)])]
[(29, 30), (2, 3)]
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from shared.models import Event, Magnitude

WINDOW_DAYS = 3
ELIGIBLE_STATUSES: frozenset[str] = frozenset({"occurred", "ongoing"})
# Location sources that are not evidence of the event's own place (rule 1): the article's
# country, not the event's.
ARTICLE_LEVEL_SOURCES: frozenset[str] = frozenset({"article"})

# Types an extractor may plausibly give the same incident; folded into the family on the right.
_FAMILY_OF_TYPE: dict[str, str] = {"ACCIDENT": "DISASTER"}


def family_of(event_type: str) -> str:
    """The family an event type groups under.

    >>> family_of("ACCIDENT"), family_of("ASSAULT")
    ('DISASTER', 'ASSAULT')
    """
    return _FAMILY_OF_TYPE.get(event_type, event_type)


def types_of_family(family: str) -> tuple[str, ...]:
    """Every event type of a family, sorted.

    >>> types_of_family("DISASTER")
    ('ACCIDENT', 'DISASTER')
    """
    return tuple(sorted({family, *(t for t, f in _FAMILY_OF_TYPE.items() if f == family)}))


@dataclass(frozen=True, order=True)
class GroupKey:
    """Mentions with different keys never share an incident (rule 2)."""

    family: str
    country: str
    place: str

    @property
    def text(self) -> str:
        return f"{self.family}|{self.country}|{self.place}"

    @property
    def geonameid(self) -> int | None:
        return int(self.place[2:]) if self.place.startswith("g:") else None


@dataclass(frozen=True)
class Mention:
    """One eligible event mention, with what grouping and the toll need."""

    event_id: str
    article_id: str
    type: str
    key: GroupKey
    date: date
    published_at: datetime | None
    place_name: str | None = None
    actors: tuple[str, ...] = ()
    magnitudes: tuple[Magnitude, ...] = ()


@dataclass(frozen=True)
class TollFigure:
    """One figure of an incident's toll and the mention it was taken from."""

    kind: str
    value: int
    cumulative: bool
    event_id: str
    article_id: str
    published_at: datetime | None


@dataclass(frozen=True)
class IncidentDraft:
    """An incident as computed from its mentions, ready to be stored."""

    incident_id: str
    key: GroupKey
    type: str
    first_date: date
    last_date: date
    place_name: str | None
    actors: tuple[str, ...]
    toll: tuple[TollFigure, ...]
    event_ids: tuple[str, ...]
    article_count: int
    latest_report: TollFigure | None = field(default=None)

    def figure(self, kind: str) -> int | None:
        return next((f.value for f in self.toll if f.kind == kind), None)


def actor_label(name: str | None, country: str | None, text: str) -> str:
    """How an actor counts in a group key: its canonical name, else its country, else its text."""
    return (name or country or text).strip().casefold()


def group_key_of(event: Event) -> GroupKey | None:
    """The key of rule 2, or ``None`` when the event cannot be grouped (rule 1: not an eligible
    status, no country, or a place that is only the article's).

    >>> from shared.models import Location, TextSpan
    >>> e = Event(event_id="e", article_id="a", type="ACCIDENT",
    ...           trigger=TextSpan(text="crash", start=0, end=5),
    ...           location=Location(text="Lviv", start=9, end=13, country="UKR",
    ...                             geonameid=702550, lat=49.8, lon=24.0))
    >>> group_key_of(e).text
    'DISASTER|UKR|g:702550'
    """
    location = event.location
    if event.status not in ELIGIBLE_STATUSES or location is None or not location.country:
        return None
    if location.source in ARTICLE_LEVEL_SOURCES:
        return None
    is_place = location.geonameid is not None and location.lat is not None
    if is_place:
        place = f"g:{location.geonameid}"
    else:
        labels = sorted({actor_label(a.name, a.country, a.text) for a in event.actors})
        place = "a:" + "|".join(labels)
    return GroupKey(family=family_of(event.type), country=location.country, place=place)


def mention_date(event: Event, published_at: datetime | None) -> date | None:
    """The event's own date, else its article's UTC publication date (rule 1)."""
    if event.time is not None and event.time.date is not None:
        return event.time.date
    if published_at is None:
        return None
    return published_at.astimezone(UTC).date()


def mention_of(event: Event, published_at: datetime | None) -> Mention | None:
    """The event as a :class:`Mention`, or ``None`` when it is not eligible (rule 1)."""
    key = group_key_of(event)
    when = mention_date(event, published_at)
    if key is None or when is None:
        return None
    return Mention(
        event_id=event.event_id,
        article_id=event.article_id,
        type=event.type,
        key=key,
        date=when,
        published_at=published_at,
        place_name=event.location.name if event.location is not None else None,
        actors=tuple(sorted({actor_label(a.name, a.country, a.text) for a in event.actors})),
        magnitudes=event.magnitudes,
    )


def incident_id_for(key: GroupKey, first_date: date) -> str:
    """The incident's deterministic id (rule 4).

    >>> len(incident_id_for(GroupKey("ASSAULT", "UKR", "g:700569"), date(2022, 3, 29)))
    26
    """
    digest = hashlib.sha256(f"{key.text}\x1f{first_date.isoformat()}".encode()).hexdigest()
    return "i-" + digest[:24]


def partition(mentions: Iterable[Mention]) -> list[IncidentDraft]:
    """Group mentions of ONE key into incidents (rule 3), earliest first.

    Raises ``ValueError`` when the mentions do not all share one key.
    """
    ordered = sorted(mentions, key=lambda m: (m.date, m.event_id))
    if len({m.key for m in ordered}) > 1:
        raise ValueError("partition() needs mentions of a single group key")
    groups: list[list[Mention]] = []
    for mention in ordered:
        if groups and mention.date <= groups[-1][0].date + timedelta(days=WINDOW_DAYS):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return [_draft(group) for group in groups]


def latest_toll(mentions: Iterable[Mention]) -> tuple[TollFigure, ...]:
    """Per magnitude kind, the figure of rule 5; sorted by kind.

    >>> from datetime import datetime, UTC
    >>> key, day = GroupKey("ASSAULT", "UKR", "g:1"), date(2022, 3, 29)
    >>> day1 = Mention("e1", "a1", "ASSAULT", key, day, datetime(2022, 3, 29, tzinfo=UTC),
    ...                magnitudes=(Magnitude(kind="killed", value=25),))
    >>> day2 = Mention("e2", "a2", "ASSAULT", key, day, datetime(2022, 3, 30, tzinfo=UTC),
    ...                magnitudes=(Magnitude(kind="killed", value=20),))
    >>> [(f.kind, f.value) for f in latest_toll([day2, day1])]
    [('killed', 20)]
    """
    best: dict[str, tuple[tuple[object, ...], TollFigure]] = {}
    for mention in mentions:
        for magnitude in mention.magnitudes:
            figure = TollFigure(
                kind=magnitude.kind,
                value=magnitude.value,
                cumulative=magnitude.cumulative,
                event_id=mention.event_id,
                article_id=mention.article_id,
                published_at=mention.published_at,
            )
            rank = _rank(figure)
            current = best.get(figure.kind)
            if current is None or rank > current[0]:
                best[figure.kind] = (rank, figure)
    return tuple(best[kind][1] for kind in sorted(best))


def latest_report(toll: Sequence[TollFigure]) -> TollFigure | None:
    """The most recent figure of a toll: where the incident's newest numbers come from."""
    return max(toll, key=_rank, default=None)


def lock_id(namespace: str, value: str) -> int:
    """A signed 64-bit key for ``pg_advisory_xact_lock``; collisions only serialise more.

    >>> lock_id("incident", "x") == lock_id("incident", "x") != lock_id("article", "x")
    True
    """
    digest = hashlib.sha256(f"newsflow:{namespace}:{value}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _rank(figure: TollFigure) -> tuple[object, ...]:
    published = figure.published_at
    return (
        published is not None,
        published if published is not None else datetime.min.replace(tzinfo=UTC),
        figure.article_id,
        figure.cumulative,
        figure.value,
        figure.event_id,
    )


def _draft(group: list[Mention]) -> IncidentDraft:
    first = group[0]
    toll = latest_toll(group)
    return IncidentDraft(
        incident_id=incident_id_for(first.key, first.date),
        key=first.key,
        type=_most_common(m.type for m in group) or first.key.family,
        first_date=first.date,
        last_date=max(m.date for m in group),
        place_name=_most_common(m.place_name for m in group if m.place_name),
        actors=tuple(sorted({a for m in group for a in m.actors})),
        toll=toll,
        event_ids=tuple(sorted(m.event_id for m in group)),
        article_count=len({m.article_id for m in group}),
        latest_report=latest_report(toll),
    )


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    if not counts:
        return None
    # Highest count first, then alphabetical: deterministic whatever the input order.
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
