"""Headless Chromium for the browser tests: where Debian installs it, the marker that skips a
test without it, a driver opened on a throw-away profile, and the two reads every page test
makes (the texts shown, a wait for a condition).

Importing this module skips the importing test module when selenium is not installed, so a
test module imports selenium's own names after it. Selenium is given both paths, so its
Selenium Manager never runs (it would try to download a driver).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium (requirements-dev.lock)")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Screenshots for a person to look at, outside the source tree (CI keeps nothing of it);
# docs/screenshots/update.sh copies them from here.
ARTIFACTS = Path(tempfile.gettempdir()) / "newsflow-test-artifacts"

needs_chromium = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason=f"headless Chromium not installed ({CHROMIUM}, {CHROMEDRIVER}): "
    "run `make browser-deps` (apt-get install chromium chromium-driver)",
)

# No network of its own (updates, sync, QUIC), no GPU, no sandbox (containers), and /tmp
# instead of a small /dev/shm.
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


@contextmanager
def headless_chromium(
    profile: Path, *, window: tuple[int, int], downloads: Path | None = None
) -> Iterator[Any]:
    """A Chromium driver on the profile folder ``profile``, quit on leaving.

    Its console log is kept (``driver.get_log("browser")``). With ``downloads``, a download
    lands in that folder without asking.
    """
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    width, height = window
    for flag in (*_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if downloads is not None:
        options.add_experimental_option(
            "prefs",
            {"download.default_directory": str(downloads), "download.prompt_for_download": False},
        )
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        if downloads is not None:
            driver.execute_cdp_cmd(
                "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
            )
        yield driver
    finally:
        driver.quit()


def texts(driver: Any, css: str) -> list[str]:
    """The text of every element matching ``css``, read in one script call: the page re-renders
    its tables at every refresh, so element handles go stale quickly."""
    shown: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent)", css
    )
    return shown


def wait(driver: Any, condition: Any, what: str, timeout_s: float = 15) -> Any:
    """``condition(driver)`` once it is truthy, retried past stale element handles; fails
    naming ``what`` after ``timeout_s``."""
    return WebDriverWait(
        driver, timeout_s, poll_frequency=0.2, ignored_exceptions=[StaleElementReferenceException]
    ).until(condition, message=what)
