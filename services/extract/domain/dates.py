"""Resolve time expressions ("Tuesday", "last week", "29 March 2022") against publication.

Tense decides the direction of a bare weekday: in a past or present-perfect sentence "Tuesday"
is the most recent Tuesday before publication, in a future or planned one the next Tuesday
after it. A weekday equal to the publication weekday is the publication day itself.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from shared.models import DatePrecision

Direction = Literal["past", "future"]
TimeSource = Literal["explicit", "relative", "publication"]

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?(?:\s+(?:of\s+)?(\d{{4}}))?\b", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_DAYS_AGO = re.compile(r"\b(\d+|one|two|three|four|five|six|seven)\s+days?\s+ago\b", re.I)
_WEEKS_AGO = re.compile(r"\b(\d+|two|three|four)\s+weeks\s+ago\b", re.I)
_EMBED_DATELINE = re.compile(
    rf"\(@\w{{1,30}}\)\s+({_MONTH_RE})\.?\s+(\d{{1,2}}),\s+(\d{{4}})", re.I
)
_OVERNIGHT_END = time(6, 0)
_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@dataclass(frozen=True)
class ResolvedDate:
    date: date
    precision: DatePrecision
    source: TimeSource


def resolve_time(text: str, published: date, direction: Direction) -> ResolvedDate | None:
    """The date a time expression points at, or ``None`` if it names no date.

    >>> resolve_time("Tuesday", date(2022, 3, 31), "past").date
    datetime.date(2022, 3, 29)
    >>> resolve_time("Friday", date(2022, 3, 31), "future").date
    datetime.date(2022, 4, 1)
    """
    lowered = " ".join(text.lower().replace("\xa0", " ").split())
    for resolver in (
        _resolve_deictic_month,
        _resolve_holiday,
        _resolve_explicit,
        _resolve_relative_word,
        _resolve_weekday,
    ):
        found = resolver(lowered, published, direction)
        if found is not None:
            return found
    return None


def _resolve_explicit(text: str, published: date, direction: Direction) -> ResolvedDate | None:
    if match := _ISO_DATE.search(text):
        return _safe_date(int(match[1]), int(match[2]), int(match[3]), "day")
    if match := _DAY_MONTH_YEAR.search(text):
        return _day_month(int(match[1]), _MONTHS[match[2]], match[3], published, direction)
    if match := _MONTH_DAY_YEAR.search(text):
        return _day_month(int(match[2]), _MONTHS[match[1]], match[3], published, direction)
    if (match := _MONTH_YEAR.search(text)) and (
        match[2] or text.strip() == match[0] or _PART_OF_MONTH.fullmatch(text) is not None
    ):
        month = _MONTHS[match[1]]
        if match[1] in {"may", "mar", "jun", "jan", "dec"} and not match[2]:
            return None
        year = int(match[2]) if match[2] else _nearest_year(month, 1, published, direction)
        return _safe_date(year, month, 1, "month")
    if match := _YEAR.search(text):
        if re.search(r"\b(last|next|this)\b", text):
            return None
        return _safe_date(int(match[1]), 1, 1, "year")
    return None


def _day_month(
    day: int, month: int, year: str | None, published: date, direction: Direction
) -> ResolvedDate | None:
    resolved_year = int(year) if year else _nearest_year(month, day, published, direction)
    return _safe_date(resolved_year, month, day, "day")


def _nearest_year(month: int, day: int, published: date, direction: Direction) -> int:
    """The year that puts ``month``/``day`` on the right side of publication, within a year."""
    year = published.year
    try:
        candidate = date(year, month, min(day, 28))
    except ValueError:
        return year
    if direction == "past" and candidate > published + timedelta(days=7):
        return year - 1
    if direction == "future" and candidate < published - timedelta(days=7):
        return year + 1
    return year


def _safe_date(year: int, month: int, day: int, precision: DatePrecision) -> ResolvedDate | None:
    try:
        return ResolvedDate(date(year, month, day), precision, "explicit")
    except ValueError:
        return None


def _resolve_relative_word(text: str, published: date, direction: Direction) -> ResolvedDate | None:
    offsets: dict[str, tuple[int, DatePrecision]] = {
        "yesterday": (-1, "day"),
        "last night": (-1, "day"),
        "a week ago": (-7, "week"),
        "today": (0, "day"),
        "tonight": (0, "day"),
        "this morning": (0, "day"),
        "this afternoon": (0, "day"),
        "this evening": (0, "day"),
        "tomorrow": (1, "day"),
        "last week": (-7, "week"),
        "this week": (0, "week"),
        "next week": (7, "week"),
    }
    for phrase, (days, precision) in offsets.items():
        if re.search(rf"\b{phrase}\b", text):
            return ResolvedDate(published + timedelta(days=days), precision, "relative")
    if match := _WEEKEND.search(text):
        return ResolvedDate(_weekend_saturday(match[1], published, direction), "week", "relative")
    if match := _DAYS_AGO.search(text):
        count = _SMALL_NUMBERS.get(match[1]) or int(match[1])
        return ResolvedDate(published - timedelta(days=count), "day", "relative")
    if match := _WEEKS_AGO.search(text):
        count = _SMALL_NUMBERS.get(match[1]) or int(match[1])
        return ResolvedDate(published - timedelta(weeks=count), "week", "relative")
    if re.search(r"\blast month\b", text):
        first = published.replace(day=1) - timedelta(days=1)
        return ResolvedDate(first.replace(day=1), "month", "relative")
    if re.search(r"\bthis month\b", text):
        return ResolvedDate(published.replace(day=1), "month", "relative")
    if re.search(r"\bnext month\b", text):
        first = (published.replace(day=28) + timedelta(days=4)).replace(day=1)
        return ResolvedDate(first, "month", "relative")
    if re.search(r"\bnext year\b", text):
        return ResolvedDate(date(published.year + 1, 1, 1), "year", "relative")
    if match := _UNITS_AGO.search(text):
        return _units_ago(match, published)
    if re.search(r"\blast year\b", text):
        return ResolvedDate(date(published.year - 1, 1, 1), "year", "relative")
    if re.search(r"\bthis year\b", text):
        return ResolvedDate(date(published.year, 1, 1), "year", "relative")
    return None


_PART_OF_MONTH = re.compile(
    rf"(?:early|mid|late|(?:the )?(?:end|beginning|start|middle) of)[- ](?:{_MONTH_RE})\.?"
)
"""A part of a month named without its year ("mid-January", "the end of March"): the month
is the most precise date it gives (TimeML normalises "late January" to the month)."""

_DEICTIC_MONTH = re.compile(
    rf"\b(?:(last|this|next) ({_MONTH_RE})|({_MONTH_RE}) (last|this|next) year)\b"
)
"""A month placed by a deictic word (Quirk et al. 1985, §8.54: "last" is the latest one before
the moment of speaking): "last October", "this July", "March last year", "July next year"."""


def _resolve_deictic_month(text: str, published: date, direction: Direction) -> ResolvedDate | None:
    """ "last October" is the latest October before the publication month, "next October" the
    first after it, "this October" the one of the publication year; "October last year" is
    October of the year before publication, "October next year" of the year after."""
    match = _DEICTIC_MONTH.search(text)
    if match is None:
        return None
    if match[1]:
        which, month = match[1], _MONTHS[match[2]]
        year = published.year
        if which == "last" and month >= published.month:
            year -= 1
        elif which == "next" and month <= published.month:
            year += 1
    else:
        month = _MONTHS[match[3]]
        year = published.year + {"last": -1, "this": 0, "next": 1}[match[4]]
    return ResolvedDate(date(year, month, 1), "month", "relative")


_UNITS_AGO = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(fortnight|months?|years?)\s+ago\b"
)
_COUNTS = {**_SMALL_NUMBERS, "a": 1, "an": 1, "eight": 8, "nine": 9, "ten": 10}


def _units_ago(match: re.Match[str], published: date) -> ResolvedDate:
    """ "a fortnight ago" (the week two weeks back), "six months ago" (that month), "two years
    ago" (that year): precise to the unit counted, no finer."""
    count = _COUNTS.get(match[1]) or int(match[1])
    unit = match[2]
    if unit == "fortnight":
        return ResolvedDate(published - timedelta(weeks=2 * count), "week", "relative")
    if unit.startswith("month"):
        months = published.year * 12 + published.month - 1 - count
        return ResolvedDate(date(months // 12, months % 12 + 1, 1), "month", "relative")
    return ResolvedDate(date(published.year - count, 1, 1), "year", "relative")


_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "bonfire night": (11, 5),
}
"""Holidays on a fixed day of the Gregorian calendar, in British and American usage; movable
feasts (Easter) are not here."""
_HOLIDAY = re.compile(r"\b(" + "|".join(_HOLIDAYS) + r")\b")


def _resolve_holiday(text: str, published: date, direction: Direction) -> ResolvedDate | None:
    """A fixed-day holiday: the one nearest publication in the tense's direction, unless a year
    is written with it ("Christmas Day 2003")."""
    match = _HOLIDAY.search(text.replace("\u2019", "'"))
    if match is None:
        return None
    month, day = _HOLIDAYS[match[1]]
    year_match = _YEAR.search(text)
    year = int(year_match[1]) if year_match else _nearest_year(month, day, published, direction)
    return ResolvedDate(date(year, month, day), "day", "relative" if not year_match else "explicit")


_WEEKEND = re.compile(r"\b(last|this|next|the)\s+weekend\b")
_SATURDAY = 5


def _weekend_saturday(which: str, published: date, direction: Direction) -> date:
    """The Saturday of the weekend meant: "last weekend" the latest one before the publication
    day, "next weekend" the first after it, "this weekend" the one under way or coming, "the
    weekend" the one nearest in the tense's direction ("protested at the weekend", "will
    play at the weekend"), the publication's own if it falls on one. The precision is the
    week: which of the two days is not said."""
    since = (published.weekday() - _SATURDAY) % 7  # days since the latest Saturday
    latest = published - timedelta(days=since)
    in_weekend = since <= 1
    if which == "last":
        return latest - timedelta(days=7) if in_weekend else latest
    if which == "next":
        return latest + timedelta(days=7)
    if in_weekend or (which == "the" and direction == "past"):
        return latest
    return latest + timedelta(days=7)


def _resolve_weekday(text: str, published: date, direction: Direction) -> ResolvedDate | None:
    for name, weekday in _WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text):
            if re.search(rf"\blast {name}\b", text):
                direction, same_day_allowed = "past", False
            elif re.search(rf"\bnext {name}\b", text):
                direction, same_day_allowed = "future", False
            else:
                same_day_allowed = True
            return ResolvedDate(
                _weekday_date(weekday, published, direction, same_day_allowed), "day", "relative"
            )
    return None


def _weekday_date(
    weekday: int, published: date, direction: Direction, same_day_allowed: bool
) -> date:
    delta = weekday - published.weekday()
    if delta == 0 and same_day_allowed:
        return published
    if direction == "past":
        return published - timedelta(days=(-delta) % 7 or 7)
    return published + timedelta(days=delta % 7 or 7)


def publication_date(published_at: datetime | None, text: str) -> date | None:
    """The article's publication date: that of ``published_at`` (in its own time zone), moved
    forward to the date of the latest embedded social-media post when the article quotes posts
    dated after it ("— Jane Doe (@jane) November 8, 2016"): an article cannot quote a post that
    did not exist yet, so such a ``published_at`` is the date of a first draft or a CMS error.

    >>> publication_date(datetime(2016, 2, 8), "— A B (@ab) November 8, 2016")
    datetime.date(2016, 11, 8)
    """
    if published_at is None:
        return None
    published = published_at.date()
    posts = [
        found.date
        for match in _EMBED_DATELINE.finditer(text)
        if (found := _safe_date(int(match[3]), _MONTHS[match[1].lower()], int(match[2]), "day"))
    ]
    latest = max(posts, default=published)
    return latest if latest > published else published


def news_day(published_at: datetime | None, published: date | None) -> date | None:
    """The day an undated past event most likely happened: the publication day, except for an
    article stamped in the small hours (before 06:00, and not a bare date at midnight), which
    reports the previous evening or night, the more so as timestamps are mostly UTC while much
    news happens in American evenings.

    >>> news_day(datetime(2016, 11, 10, 3, 42), date(2016, 11, 10))
    datetime.date(2016, 11, 9)
    >>> news_day(datetime(2016, 11, 10, 0, 0), date(2016, 11, 10))
    datetime.date(2016, 11, 10)
    """
    if published_at is None or published is None:
        return published
    clock = published_at.time()
    if published != published_at.date() or clock == time(0, 0) or clock >= _OVERNIGHT_END:
        return published
    return published - timedelta(days=1)
