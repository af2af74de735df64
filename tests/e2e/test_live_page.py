"""The live page in headless Chromium, against ``newsflow serve api`` on a real Postgres whose rows
were written by the store's own upsert: rows show, filters work, new rows arrive by themselves,
and the incident view shows its timeline and toll. Screenshots go to
``$TMPDIR/newsflow-test-artifacts/``.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make browser-deps``); skipped without them
(``tests/e2e/browser.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from tests.e2e.browser import ARTIFACTS, headless_chromium, needs_chromium, texts, wait
from tests.integration.query.api_server import serve_query_api
from tests.integration.query.samples import LVIV, article, claim, event, store

pytestmark = [pytest.mark.e2e, needs_chromium]

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


@pytest.fixture
def seeded_url(database_url: str) -> str:
    """A migrated database holding claims, events and one incident reported three times."""
    migrate(database_url=database_url)
    with open_connection(database_url=database_url) as conn:
        reports = [
            (datetime(2022, 3, 29, 15, tzinfo=UTC), date(2022, 3, 29), 12),
            (datetime(2022, 3, 30, 8, tzinfo=UTC), date(2022, 3, 29), 15),
            (datetime(2022, 3, 30, 18, tzinfo=UTC), date(2022, 3, 30), 20),
        ]
        titles = [
            "Missile strike hits Mykolaiv administration building",
            "Mykolaiv strike: rescuers search the rubble",
            "Death toll in Mykolaiv strike rises to 20",
        ]
        for n, ((published, day, killed), title) in enumerate(zip(reports, titles, strict=True)):
            a = article(n, published=published, title=title)
            store(conn, articles=[a], events=[event(a, 0, day=day, killed=killed, is_main=True)])
        talks = article(10, title="NATO warns of further offensive", published=reports[-1][0])
        store(
            conn,
            articles=[talks],
            claims=[
                claim(talks, 0, speaker="Jens Stoltenberg", role="NATO Secretary General",
                      text="We can expect additional offensive actions"),
                claim(talks, 1, speaker="Vitaliy Kim", role="governor",
                      text="The building was hit while people were at work", kind="indirect"),
                claim(talks, 2, speaker="Jens Stoltenberg", role="NATO Secretary General",
                      text="Russia is regrouping, not withdrawing"),
            ],
            events=[
                event(talks, 1, type="CONSULT", trigger="talks", location=None, status="planned",
                      day=date(2022, 4, 1)).model_copy(
                    update={"setting": LVIV.model_copy(update={"source": "dateline"})}),
                event(talks, 2, type="AID", trigger="delivered", location=LVIV),
            ],
        )  # fmt: skip
    return database_url


@pytest.fixture
def api_url(seeded_url: str) -> Iterator[str]:
    with serve_query_api(database_url=seeded_url) as url:
        yield url


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    with headless_chromium(tmp_path / "chromium-profile", window=(1500, 1300)) as driver:
        yield driver


def _attributes(driver: Any, css: str, name: str) -> list[str | None]:
    values: list[str | None] = driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]),"
        " e => e.getAttribute(arguments[1]))",
        css,
        name,
    )
    return values


def _rows(driver: Any, table: str) -> list[str]:
    return texts(driver, f"#{table} tbody tr")


def _click(driver: Any, css: str) -> None:
    def clicked(d: Any) -> bool:
        d.find_element(By.CSS_SELECTOR, css).click()
        return True

    wait(driver, clicked, f"click {css}")


def test_live_page_shows_rows_filters_refreshes_and_opens_an_incident(
    browser: Any, api_url: str, seeded_url: str
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(f"{api_url}/?refresh=1")

    wait(browser, lambda d: len(_rows(d, "claims")) == 3, "three claims shown")
    wait(browser, lambda d: len(_rows(d, "events")) == 5, "five events shown")
    assert "We can expect additional offensive actions" in " ".join(_rows(browser, "claims"))
    assert "Jens Stoltenberg" in texts(browser, "#claims td.speaker")[0]
    assert "error" not in (_attributes(browser, "#status", "class")[0] or "")
    assert texts(browser, "#status")[0].startswith("updated")
    # An event the text places nowhere shows the article's place it is set in, as such.
    assert "Lviv (UKR), the article's place" in texts(browser, "#events td.where")

    # The incident view: toll and timeline by date.
    wait(browser, lambda d: texts(d, "#incidents button"), "incidents listed")
    _click(browser, "#incidents button")
    wait(browser, lambda d: d.find_element(By.ID, "incident-view").is_displayed(), "incident")
    wait(browser, lambda d: len(_rows(d, "incident-mentions")) == 3, "three mentions")
    assert texts(browser, "#incident-timeline li span:first-child") == [
        "2022-03-29",
        "2022-03-30",
    ]
    (toll,) = texts(browser, '#incident-toll tr[data-kind="killed"] td.num')
    assert toll.startswith("20")
    assert "Mykolayiv" in texts(browser, "#incident-title")[0]
    browser.save_screenshot(str(ARTIFACTS / "live-page.png"))

    # A claim stored now shows up by itself at the next refresh.
    with open_connection(database_url=seeded_url) as conn:
        late = article(20, title="Kyiv reacts")
        store(conn, articles=[late], claims=[claim(late, speaker="Dmytro Kuleba")])
    wait(browser, lambda d: "Dmytro Kuleba" in " ".join(_rows(d, "claims")), "new claim shown")

    # Filters: speaker (partial, any case) and event type.
    browser.find_element(By.ID, "speaker-filter").send_keys("stolTEN")
    wait(
        browser,
        lambda d: (
            (names := texts(d, "#claims td.speaker"))
            and all("Jens Stoltenberg" in n for n in names)
            and len(names) == 2
        ),
        "only Stoltenberg's claims",
    )
    Select(browser.find_element(By.ID, "event-type-filter")).select_by_value("ASSAULT")
    wait(
        browser,
        lambda d: (
            (types := _attributes(d, "#events tbody tr", "data-type"))
            and set(types) == {"ASSAULT"}
            and len(types) == 3
        ),
        "only ASSAULT events",
    )
    time.sleep(1.5)  # a periodic refresh keeps the filters
    assert len(_rows(browser, "claims")) == 2
    browser.save_screenshot(str(ARTIFACTS / "live-page-filtered.png"))
