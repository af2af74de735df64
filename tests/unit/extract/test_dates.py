from datetime import date, datetime

import pytest

from services.extract.domain.dates import news_day, publication_date, resolve_time

THURSDAY = date(2024, 5, 16)


def test_weekday_in_past_tense_resolves_to_previous_day() -> None:
    resolved = resolve_time("Monday", THURSDAY, "past")
    assert resolved is not None
    assert resolved.date == date(2024, 5, 13)
    assert (resolved.precision, resolved.source) == ("day", "relative")


def test_weekday_in_future_sentence_resolves_to_next_day() -> None:
    resolved = resolve_time("Saturday", THURSDAY, "future")
    assert resolved is not None and resolved.date == date(2024, 5, 18)


def test_publication_weekday_is_publication_date() -> None:
    resolved = resolve_time("on Thursday", THURSDAY, "past")
    assert resolved is not None and resolved.date == THURSDAY


def test_last_weekday_never_means_today() -> None:
    resolved = resolve_time("last Thursday", THURSDAY, "past")
    assert resolved is not None and resolved.date == date(2024, 5, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 2", date(2024, 5, 2)),
        ("2 May 2023", date(2023, 5, 2)),
        ("December 30", date(2023, 12, 30)),
        ("2024-04-01", date(2024, 4, 1)),
    ],
)
def test_explicit_dates_resolve_with_the_nearest_past_year(text: str, expected: date) -> None:
    resolved = resolve_time(text, THURSDAY, "past")
    assert resolved is not None
    assert (resolved.date, resolved.source) == (expected, "explicit")


def test_yesterday_is_the_day_before_publication() -> None:
    resolved = resolve_time("yesterday", THURSDAY, "past")
    assert resolved is not None and resolved.date == date(2024, 5, 15)


def test_last_week_has_week_precision() -> None:
    resolved = resolve_time("last week", THURSDAY, "past")
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (date(2024, 5, 9), "week")


def test_month_and_year_have_coarse_precision() -> None:
    month = resolve_time("in March 2021", THURSDAY, "past")
    year = resolve_time("in 2019", THURSDAY, "past")
    assert month is not None and (month.date, month.precision) == (date(2021, 3, 1), "month")
    assert year is not None and (year.date, year.precision) == (date(2019, 1, 1), "year")


def test_vague_time_words_do_not_resolve() -> None:
    assert resolve_time("just hours", THURSDAY, "past") is None


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("last night", date(2024, 5, 15), "day"),
        ("three days ago", date(2024, 5, 13), "day"),
        ("two weeks ago", date(2024, 5, 2), "week"),
        ("last month", date(2024, 4, 1), "month"),
    ],
)
def test_relative_expressions_count_back_from_publication(
    text: str, expected: date, precision: str
) -> None:
    resolved = resolve_time(text, THURSDAY, "past")
    assert resolved is not None
    assert (resolved.date, resolved.precision, resolved.source) == (expected, precision, "relative")


def test_embedded_post_dated_after_publication_moves_the_publication_date() -> None:
    text = "Fans were furious. — Jo Bloggs (@jobloggs) March 3, 2021 The firm said nothing."
    assert publication_date(datetime(2021, 1, 3, 9, 0), text) == date(2021, 3, 3)
    assert publication_date(datetime(2021, 4, 1, 9, 0), text) == date(2021, 4, 1)
    assert publication_date(None, text) is None


def test_news_day_is_the_day_before_only_for_a_small_hours_timestamp() -> None:
    assert news_day(datetime(2021, 3, 3, 4, 59), date(2021, 3, 3)) == date(2021, 3, 2)
    assert news_day(datetime(2021, 3, 3, 6, 0), date(2021, 3, 3)) == date(2021, 3, 3)
    assert news_day(datetime(2021, 3, 3, 0, 0), date(2021, 3, 3)) == date(2021, 3, 3)


@pytest.mark.parametrize(
    ("text", "direction", "saturday"),
    [
        ("at the weekend", "past", date(2024, 5, 11)),
        ("over the weekend", "future", date(2024, 5, 18)),
        ("last weekend", "past", date(2024, 5, 11)),
        ("this weekend", "past", date(2024, 5, 18)),
        ("next weekend", "future", date(2024, 5, 18)),
    ],
)
def test_a_weekend_is_the_saturday_of_the_one_meant(
    text: str, direction: str, saturday: date
) -> None:
    # Thursday 16 May: the weekend just past began on the 11th, the coming one on the 18th
    resolved = resolve_time(text, THURSDAY, direction)  # type: ignore[arg-type]
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (saturday, "week")


def test_on_a_sunday_last_weekend_is_the_one_before() -> None:
    resolved = resolve_time("last weekend", date(2024, 5, 19), "past")
    assert resolved is not None and resolved.date == date(2024, 5, 11)
