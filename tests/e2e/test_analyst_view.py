"""The analyst's view of the live page in headless Chromium, against ``newsflow serve api`` on a
real Postgres whose rows the store's own upsert wrote: filter by a country's name, see the
events on the map, open one with its article, follow the timeline to a day, reload the shared
URL and get the same view, walk back, and download an export that matches the API.

Screenshots go to ``$TMPDIR/newsflow-test-artifacts/`` (``docs/screenshots/`` holds copies made
by ``docs/screenshots/update.sh``). Needs Debian's ``chromium`` and ``chromium-driver`` (``make
browser-deps``; skipped without them) and the vendored map and chart libraries (``make
vendor``; failed without them, as the page cannot work).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from shared.models import Location, Participant
from tests.e2e.browser import ARTIFACTS, headless_chromium, needs_chromium, texts, wait
from tests.integration.query.api_server import serve_query_api
from tests.integration.query.samples import BRUSSELS, LVIV, MYKOLAIV, article, claim, event, store

VENDOR = Path(__file__).parents[2] / "services" / "query" / "static" / "vendor"
KHARKIV = Location(
    text="Kharkiv", start=0, end=7, name="Kharkiv", country="UKR", geonameid=706483, lat=49.98,
    lon=36.25,
)  # fmt: skip

pytestmark = [pytest.mark.e2e, needs_chromium]

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


def _participants(*names: str) -> tuple[Participant, ...]:
    return tuple(Participant(text=n, start=0, end=len(n), name=n) for n in names)


@pytest.fixture
def seeded_url(database_url: str) -> str:
    """Events in Ukraine (Mykolaiv three times, Lviv, Kharkiv) and Belgium over five days, from
    two outlets, with actors and targets; claims beside them."""
    migrate(database_url=database_url)
    places = [MYKOLAIV, MYKOLAIV, LVIV, KHARKIV, BRUSSELS, BRUSSELS, MYKOLAIV]
    with open_connection(database_url=database_url) as conn:
        for n, place in enumerate(places):
            day = date(2022, 3, 27 + n % 5)
            published = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
            a = article(n, published=published, title=f"Report {n} from {place.name}")
            a = a.model_copy(update={"source": "Kyiv Post" if n % 2 else "Wire"})
            e = event(a, 0, day=day, location=place, killed=5 + n if place is MYKOLAIV else None)
            e = e.model_copy(
                update={
                    "actors": _participants("Russia" if place is not BRUSSELS else "NATO"),
                    "targets": _participants(f"{place.name} port"),
                    "is_main": True,
                }
            )
            c = claim(a, 0, speaker="Jens Stoltenberg" if n % 2 else "Vitaliy Kim")
            store(conn, articles=[a], events=[e], claims=[c])
    return database_url


@pytest.fixture
def api_url(seeded_url: str) -> Iterator[str]:
    with serve_query_api(database_url=seeded_url) as url:
        yield url


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(tmp_path: Path, downloads: Path) -> Iterator[Any]:
    profile = tmp_path / "chromium-profile"
    with headless_chromium(profile, window=(1280, 1000), downloads=downloads) as driver:
        yield driver


def _js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def _query(driver: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(driver.current_url).query)


def _event_ids(driver: Any) -> list[str]:
    ids: list[str] = _js(
        driver,
        "return Array.from(document.querySelectorAll('#events tbody tr'), r => r.dataset.eventId)",
    )
    return ids


def _api_items(api_url: str, path: str, params: dict[str, str]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        page = httpx.get(
            f"{api_url}{path}", params={**params, **({"cursor": cursor} if cursor else {})}
        ).json()
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items


def _click_day_on_the_chart(driver: Any, day: str) -> None:
    """A click on the timeline's bar of ``day``, where a person would click."""
    x, y, width, height = _js(
        driver,
        "const u = window.newsflowTimeline; const r = u.over.getBoundingClientRect();"
        "return [u.valToPos(Date.parse(arguments[0] + 'T00:00:00Z') / 1000, 'x'),"
        " r.height / 2, r.width, r.height];",
        day,
    )
    over = driver.find_element(By.CSS_SELECTOR, "#timeline .u-over")
    ActionChains(driver).move_to_element_with_offset(
        over, int(x - width / 2), int(y - height / 2)
    ).click().perform()


def test_analyst_filters_by_country_name_maps_opens_follows_shares_and_exports(
    browser: Any, api_url: str, downloads: Path
) -> None:
    assert (VENDOR / ".installed").exists(), "the page's libraries are missing: run `make vendor`"
    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(f"{api_url}/?refresh=2")
    wait(browser, lambda d: len(_event_ids(d)) == 7, "seven events listed")
    wait(browser, lambda d: texts(d, "#map .leaflet-marker-icon"), "markers on the map")
    assert _js(browser, "return document.documentElement.scrollWidth <= window.innerWidth")
    # Incidents sit beside the map, above every list.
    assert _js(
        browser,
        "return document.getElementById('incidents-panel').getBoundingClientRect().top"
        " < document.getElementById('claims-panel').getBoundingClientRect().top"
        " && document.getElementById('incidents-panel').getBoundingClientRect().top"
        " < window.innerHeight",
    )

    # Filter by a country's name, as typed.
    country = browser.find_element(By.ID, "country-filter")
    country.send_keys("Ukraine", Keys.ENTER)
    wait(browser, lambda d: _query(d).get("country") == ["Ukraine"], "country in the URL")
    wait(browser, lambda d: len(_event_ids(d)) == 5, "the five events in Ukraine")
    assert set(texts(browser, "#events td.where")) <= {
        "Mykolayiv (UKR)",
        "Lviv (UKR)",
        "Kharkiv (UKR)",
    }
    assert {"Wire", "Kyiv Post"} == set(texts(browser, "#events td.outlet"))
    assert set(texts(browser, "#events td.actors")) == {"Russia"}
    wait(
        browser,
        lambda d: "5 events on the map" in texts(d, "#map-note")[0],
        "the five events on the map",
    )
    wait(browser, lambda d: texts(d, "#map img.leaflet-marker-icon"), "a single marker")
    browser.save_screenshot(str(ARTIFACTS / "analyst-map.png"))

    # Open the Kharkiv event from its marker: the event and its article.
    kharkiv = next(
        i["event"]["event_id"] for i in _api_items(api_url, "/v1/events", {"place": "kharkiv"})
    )
    wait(
        browser,
        lambda d: (
            d.find_element(By.CSS_SELECTOR, f'img[data-event-id="{kharkiv}"]').click() or True
        ),
        "click the Kharkiv marker",
    )
    wait(browser, lambda d: d.find_element(By.ID, "event-view").is_displayed(), "event shown")
    assert _query(browser)["event"] == [kharkiv]
    assert "Report 3 from Kharkiv" in texts(browser, "#event-article a")[0]
    assert "Kharkiv port" in " ".join(texts(browser, "#event-facts dd"))

    # Follow the timeline to one day.
    wait(browser, lambda d: _js(d, "return Boolean(window.newsflowTimeline)"), "timeline drawn")
    _click_day_on_the_chart(browser, "2022-03-30")
    wait(browser, lambda d: _query(d).get("day") == ["2022-03-30"], "day in the URL")
    wait(browser, lambda d: len(_event_ids(d)) == 1, "one event that day")
    assert texts(browser, "#events td.when") == ["2022-03-30"]
    browser.save_screenshot(str(ARTIFACTS / "analyst-timeline.png"))

    # The shared URL gives the same view.
    shared = browser.current_url
    shown = _event_ids(browser)
    browser.get(shared)
    wait(browser, lambda d: _event_ids(d) == shown, "the same events after a reload")
    assert browser.find_element(By.ID, "country-filter").get_attribute("value") == "Ukraine"
    assert texts(browser, "#day-value") == ["2022-03-30"]
    wait(browser, lambda d: d.find_element(By.ID, "event-view").is_displayed(), "event again")
    assert "Report 3 from Kharkiv" in texts(browser, "#event-article a")[0]
    browser.save_screenshot(str(ARTIFACTS / "analyst-filtered.png"))

    # Back walks the history: the day goes, the country stays.
    browser.back()
    wait(browser, lambda d: "day" not in _query(d), "back: no day")
    wait(browser, lambda d: len(_event_ids(d)) == 5, "back: the five events in Ukraine")
    browser.forward()
    wait(browser, lambda d: len(_event_ids(d)) == 1, "forward: the day again")

    # Download the export of what is shown and compare it with the API.
    browser.find_element(By.ID, "export-events-csv").click()
    wait(browser, lambda d: list(downloads.glob("events-*.csv")), "a CSV downloaded", 30)
    (downloaded,) = downloads.glob("events-*.csv")
    rows = list(csv.DictReader(io.StringIO(downloaded.read_text(encoding="utf-8"))))
    api = _api_items(
        api_url,
        "/v1/events",
        {"country": "Ukraine", "since": "2022-03-30", "until": "2022-03-31"},
    )
    assert [r["event_id"] for r in rows] == [i["event"]["event_id"] for i in api]
    assert [r["source"] for r in rows] == [i["article"]["source"] for i in api]

    errors = [
        e
        for e in browser.get_log("browser")
        if e["level"] == "SEVERE" and "favicon" not in e["message"]
    ]
    assert not errors, errors
