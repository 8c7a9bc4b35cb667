"""Shared fixtures for Lumbung's browser tests.

Drives Debian's /usr/bin/chromium through /usr/bin/chromedriver (packages
chromium and chromium-driver). SE_OFFLINE=true keeps Selenium Manager from
trying to download a browser or driver; --no-sandbox is needed as root.
"""

import os
import re

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("E2E_CHROMEDRIVER", "/usr/bin/chromedriver")

os.environ.setdefault("SE_OFFLINE", "true")


@pytest.fixture(scope="session")
def base_url():
    return os.environ.get("LUMBUNG_URL", "http://127.0.0.1:8089").rstrip("/")


@pytest.fixture
def driver():
    options = Options()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,800",
    ):
        options.add_argument(arg)
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """When a test fails, add the browser's URL and visible text to the
    failure report, and keep a screenshot and the page source in
    $E2E_ARTIFACTS_DIR (set by e2e/run.sh) when that is set."""
    rep = yield
    if rep.when == "call" and rep.failed:
        drv = getattr(item, "funcargs", {}).get("driver")
        if drv is not None:
            rep.sections.append(("browser state at failure", _browser_state(drv, item.name)))
    return rep


def _browser_state(drv, test_name):
    try:
        url = drv.current_url
        body = drv.execute_script("return document.body ? document.body.innerText : ''") or ""
    except Exception as exc:  # the browser may be gone
        return f"could not read the page: {exc}"
    lines = [f"URL: {url}", "visible text (first 2000 characters):", body[:2000]]
    out = os.environ.get("E2E_ARTIFACTS_DIR")
    if out:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name)
        try:
            os.makedirs(out, exist_ok=True)
            drv.save_screenshot(os.path.join(out, stem + ".png"))
            with open(os.path.join(out, stem + ".html"), "w", encoding="utf-8") as fh:
                fh.write(drv.page_source)
            lines.append(f"screenshot and page source saved as {os.path.join(out, stem)}.png/.html")
        except Exception as exc:
            lines.append(f"could not save screenshot/page source: {exc}")
    return "\n".join(lines)
