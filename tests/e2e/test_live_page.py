"""The live page in headless Chromium, against ``newsflow serve api`` on a real Postgres whose rows
were written by the store's own upsert: rows show, filters work, new rows arrive by themselves,
and the incident view shows its timeline and toll. Screenshots go to tests/artifacts/.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make browser-deps``); skipped without them.
Selenium is given both paths, so its Selenium Manager never runs (it would try to download a
driver).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.stack.broker import free_port
from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from tests.integration.query.samples import LVIV, article, claim, event, store

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Screenshots for a person to look at, outside the source tree (CI keeps nothing of it).
ARTIFACTS = Path(tempfile.gettempdir()) / "newsflow-test-artifacts"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason=f"headless Chromium not installed ({CHROMIUM}, {CHROMEDRIVER}): "
        "run `make browser-deps` (apt-get install chromium chromium-driver)",
    ),
]

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium (requirements-dev.lock)")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


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
                      day=date(2022, 4, 1)),
                event(talks, 2, type="AID", trigger="delivered", location=LVIV),
            ],
        )  # fmt: skip
    return database_url


@pytest.fixture
def api_url(seeded_url: str) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "NEWSFLOW_DATABASE_URL": seeded_url, "NEWSFLOW_API_PORT": str(port)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "serve", "api"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert proc.poll() is None, "newsflow serve api exited"
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            time.sleep(0.2)
        else:
            raise AssertionError("query API not ready in 30s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--window-size=1500,1300",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


# The page re-renders its tables at every refresh, so element handles go stale quickly: read
# what is shown in one script call, and retry what needs a handle.
def _texts(driver: Any, css: str) -> list[str]:
    texts: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent)", css
    )
    return texts


def _attributes(driver: Any, css: str, name: str) -> list[str | None]:
    values: list[str | None] = driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]),"
        " e => e.getAttribute(arguments[1]))",
        css,
        name,
    )
    return values


def _rows(driver: Any, table: str) -> list[str]:
    return _texts(driver, f"#{table} tbody tr")


def _wait(driver: Any, condition: Any, what: str, timeout_s: float = 15) -> Any:
    return WebDriverWait(
        driver, timeout_s, poll_frequency=0.2, ignored_exceptions=[StaleElementReferenceException]
    ).until(condition, message=what)


def _click(driver: Any, css: str) -> None:
    def clicked(d: Any) -> bool:
        d.find_element(By.CSS_SELECTOR, css).click()
        return True

    _wait(driver, clicked, f"click {css}")


def test_live_page_shows_rows_filters_refreshes_and_opens_an_incident(
    browser: Any, api_url: str, seeded_url: str
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(f"{api_url}/?refresh=1")

    _wait(browser, lambda d: len(_rows(d, "claims")) == 3, "three claims shown")
    _wait(browser, lambda d: len(_rows(d, "events")) == 5, "five events shown")
    assert "We can expect additional offensive actions" in " ".join(_rows(browser, "claims"))
    assert "Jens Stoltenberg" in _texts(browser, "#claims td.speaker")[0]
    assert "error" not in (_attributes(browser, "#status", "class")[0] or "")
    assert _texts(browser, "#status")[0].startswith("updated")

    # The incident view: toll and timeline by date.
    _wait(browser, lambda d: _texts(d, "#incidents button"), "incidents listed")
    _click(browser, "#incidents button")
    _wait(browser, lambda d: d.find_element(By.ID, "incident-view").is_displayed(), "incident")
    _wait(browser, lambda d: len(_rows(d, "incident-mentions")) == 3, "three mentions")
    assert _texts(browser, "#incident-timeline li span:first-child") == [
        "2022-03-29",
        "2022-03-30",
    ]
    (toll,) = _texts(browser, '#incident-toll tr[data-kind="killed"] td.num')
    assert toll.startswith("20")
    assert "Mykolayiv" in _texts(browser, "#incident-title")[0]
    browser.save_screenshot(str(ARTIFACTS / "live-page.png"))

    # A claim stored now shows up by itself at the next refresh.
    with open_connection(database_url=seeded_url) as conn:
        late = article(20, title="Kyiv reacts")
        store(conn, articles=[late], claims=[claim(late, speaker="Dmytro Kuleba")])
    _wait(browser, lambda d: "Dmytro Kuleba" in " ".join(_rows(d, "claims")), "new claim shown")

    # Filters: speaker (partial, any case) and event type.
    browser.find_element(By.ID, "speaker-filter").send_keys("stolTEN")
    _wait(
        browser,
        lambda d: (
            (names := _texts(d, "#claims td.speaker"))
            and all("Jens Stoltenberg" in n for n in names)
            and len(names) == 2
        ),
        "only Stoltenberg's claims",
    )
    Select(browser.find_element(By.ID, "event-type-filter")).select_by_value("ASSAULT")
    _wait(
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
