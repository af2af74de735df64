"""The incident rule, as plain calls: group keys, the date window, the latest toll."""

from __future__ import annotations

import doctest
import itertools
from datetime import UTC, date, datetime

import pytest

from services.store.domain import incidents
from services.store.domain.incidents import (
    WINDOW_DAYS,
    GroupKey,
    Mention,
    group_key_of,
    incident_id_for,
    latest_toll,
    mention_date,
    mention_of,
    partition,
)
from shared.models import Event, EventTime, Location, Magnitude, Participant, TextSpan

KEY = GroupKey(family="ASSAULT", country="UKR", place="g:700569")
MYKOLAIV = Location(
    text="Mykolaiv", start=0, end=8, country="UKR", geonameid=700569, lat=46.97, lon=32.0
)
RUSSIAN = Participant(text="Russian", start=0, end=7, name="Russia", country="RUS")


def mention(
    n: int,
    on: date,
    *,
    published: datetime | None = None,
    figures: tuple[Magnitude, ...] = (),
    article: str | None = None,
    key: GroupKey = KEY,
) -> Mention:
    return Mention(
        event_id=f"e{n}",
        article_id=article or f"a{n}",
        type="ASSAULT",
        key=key,
        date=on,
        published_at=published,
        magnitudes=figures,
    )


def killed(value: int, *, cumulative: bool = False) -> tuple[Magnitude, ...]:
    return (Magnitude(kind="killed", value=value, cumulative=cumulative),)


def event(**changes: object) -> Event:
    fields: dict[str, object] = {
        "event_id": "e1",
        "article_id": "a1",
        "type": "ASSAULT",
        "trigger": TextSpan(text="struck", start=0, end=6),
        "actors": (RUSSIAN,),
        "location": MYKOLAIV,
        "time": EventTime(text="Tuesday", start=0, end=7, date=date(2022, 3, 29)),
    }
    return Event.model_validate(fields | changes)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(incidents, verbose=False).failed == 0


def test_mentions_within_the_window_of_the_first_date_share_an_incident() -> None:
    day = date(2022, 3, 29)
    last_in = date.fromordinal(day.toordinal() + WINDOW_DAYS)
    first_out = date.fromordinal(day.toordinal() + WINDOW_DAYS + 1)

    drafts = partition([mention(1, day), mention(2, last_in), mention(3, first_out)])

    assert [d.event_ids for d in drafts] == [("e1", "e2"), ("e3",)]
    assert [(d.first_date, d.last_date) for d in drafts] == [(day, last_in), (first_out, first_out)]


def test_daily_mentions_do_not_chain_into_one_endless_incident() -> None:
    days = [date(2022, 3, d) for d in range(1, 15)]

    drafts = partition(mention(i, d) for i, d in enumerate(days))

    assert all((d.last_date - d.first_date).days <= WINDOW_DAYS for d in drafts)
    assert len(drafts) == 4


def test_partition_does_not_depend_on_the_order_of_mentions() -> None:
    mentions = [
        mention(
            1, date(2022, 3, 29), published=datetime(2022, 3, 29, tzinfo=UTC), figures=killed(12)
        ),
        mention(
            2, date(2022, 3, 30), published=datetime(2022, 3, 30, tzinfo=UTC), figures=killed(20)
        ),
        mention(3, date(2022, 4, 2), published=datetime(2022, 4, 2, tzinfo=UTC)),
        mention(4, date(2022, 4, 6), published=datetime(2022, 4, 6, tzinfo=UTC), figures=killed(1)),
    ]

    results = {tuple(partition(order)) for order in itertools.permutations(mentions)}

    assert len(results) == 1


def test_incident_ids_are_deterministic_and_differ_by_key_and_first_date() -> None:
    day = date(2022, 3, 29)
    other_key = GroupKey(family="ASSAULT", country="UKR", place="g:702550")

    assert incident_id_for(KEY, day) == incident_id_for(KEY, day)
    assert incident_id_for(KEY, day) != incident_id_for(other_key, day)
    assert incident_id_for(KEY, day) != incident_id_for(KEY, date(2022, 3, 30))
    assert partition([mention(1, day)])[0].incident_id == incident_id_for(KEY, day)


def test_mentions_of_different_keys_cannot_be_partitioned_together() -> None:
    other = GroupKey(family="ASSAULT", country="UKR", place="g:702550")

    with pytest.raises(ValueError, match="single group key"):
        partition([mention(1, date(2022, 3, 29)), mention(2, date(2022, 3, 29), key=other)])


def test_the_toll_comes_from_the_latest_published_article_not_the_largest_figure() -> None:
    older = mention(
        1, date(2022, 3, 29), published=datetime(2022, 3, 29, tzinfo=UTC), figures=killed(25)
    )
    newer = mention(
        2, date(2022, 3, 29), published=datetime(2022, 3, 30, tzinfo=UTC), figures=killed(20)
    )

    [figure] = latest_toll([newer, older])

    assert (figure.value, figure.event_id, figure.article_id) == (20, "e2", "a2")


def test_each_kind_keeps_its_own_latest_figure() -> None:
    first = mention(
        1,
        date(2022, 3, 29),
        published=datetime(2022, 3, 29, tzinfo=UTC),
        figures=(Magnitude(kind="killed", value=12), Magnitude(kind="injured", value=30)),
    )
    second = mention(
        2, date(2022, 3, 29), published=datetime(2022, 3, 30, tzinfo=UTC), figures=killed(20)
    )

    [draft] = partition([first, second])

    assert (draft.figure("killed"), draft.figure("injured")) == (20, 30)
    assert draft.latest_report is not None and draft.latest_report.event_id == "e2"


def test_same_published_time_is_broken_by_article_id_then_cumulative_then_value() -> None:
    at = datetime(2022, 3, 30, tzinfo=UTC)
    day = date(2022, 3, 29)

    by_article = latest_toll(
        [
            mention(1, day, published=at, figures=killed(30), article="a1"),
            mention(2, day, published=at, figures=killed(20), article="a2"),
        ]
    )
    same_article = latest_toll(
        [
            mention(1, day, published=at, figures=killed(30), article="a"),
            mention(2, day, published=at, figures=killed(20, cumulative=True), article="a"),
        ]
    )

    assert by_article[0].value == 20
    assert same_article[0].value == 20


def test_a_mention_whose_article_is_unknown_ranks_below_every_published_one() -> None:
    day = date(2022, 3, 29)
    unknown = mention(1, day, published=None, figures=killed(99))
    known = mention(2, day, published=datetime(2022, 3, 1, tzinfo=UTC), figures=killed(3))

    assert latest_toll([unknown, known])[0].value == 3


def test_group_key_uses_the_place_when_the_location_has_one() -> None:
    assert group_key_of(event()) == KEY


def test_group_key_folds_compatible_types_into_one_family() -> None:
    accident, disaster = group_key_of(event(type="ACCIDENT")), group_key_of(event(type="DISASTER"))

    assert accident == disaster
    assert accident is not None and accident.family == "DISASTER"


def test_without_a_place_the_key_uses_country_and_actors() -> None:
    country_only = Location(text="Ukraine", start=0, end=7, country="UKR", geonameid=690791)
    rebels = Participant(text="the rebels", start=0, end=10)

    with_russia = group_key_of(event(location=country_only))
    russia_again = group_key_of(event(location=country_only, actors=(RUSSIAN, RUSSIAN)))
    with_rebels = group_key_of(event(location=country_only, actors=(rebels,)))

    assert with_russia == russia_again == GroupKey("ASSAULT", "UKR", "a:russia")
    assert with_rebels == GroupKey("ASSAULT", "UKR", "a:the rebels")
    assert with_russia is not None and with_russia.geonameid is None


@pytest.mark.parametrize(
    "changes",
    [
        {"status": "negated"},
        {"status": "planned"},
        {"status": "hypothetical"},
        {"location": None},
        {"location": Location(text="somewhere", start=0, end=9)},
        {"location": MYKOLAIV.model_copy(update={"source": "article"})},
        {"location": None, "setting": MYKOLAIV.model_copy(update={"source": "dateline"})},
    ],
)
def test_events_that_cannot_be_grouped_have_no_key(changes: dict[str, object]) -> None:
    assert group_key_of(event(**changes)) is None


@pytest.mark.parametrize("source", ["attached", "sentence", "lead", "dateline", None])
def test_an_event_placed_by_its_own_text_or_its_dateline_is_grouped(source: str | None) -> None:
    located = event(location=MYKOLAIV.model_copy(update={"source": source}))

    assert group_key_of(located) == KEY


def test_an_undated_event_takes_its_articles_utc_publication_date() -> None:
    undated = event(time=None)
    late_evening_in_kyiv = datetime.fromisoformat("2022-03-30T01:30:00+03:00")

    assert mention_date(undated, late_evening_in_kyiv) == date(2022, 3, 29)
    assert mention_of(undated, None) is None
    found = mention_of(undated, late_evening_in_kyiv)
    assert found is not None and found.date == date(2022, 3, 29)
