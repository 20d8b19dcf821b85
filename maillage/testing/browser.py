"""Playwright (Python) driving Debian's Chromium, for end-to-end tests.

Chromium comes from Debian (``apt-get install chromium``), never from a test tool's download.
When it is missing the browser tests are skipped with a loud reason, except when
MAILLAGE_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""

import os
import shutil

import pytest
from django.db import connections

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture
def browser_page(live_server):
    """A fresh Chromium page; ``page.base_url`` is the live server's address."""
    path = chromium_path()
    if path is None:
        message = (
            "BROWSER TESTS SKIPPED: Debian's chromium is not installed (apt-get install chromium)"
        )
        if os.environ.get("MAILLAGE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)

    # Playwright runs an event loop in this thread; Django must allow sync DB calls beside it
    # for the duration of the test only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _page(path, live_server)
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _page(path, live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(base_url=live_server.url, locale="fr-BE")
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url
        try:
            yield page
        finally:
            context.close()
            browser.close()
            # Database calls made by the test while Playwright's loop runs use connections of
            # their own context: close them here, or PostgreSQL cannot drop the test database.
            connections.close_all()
    connections.close_all()


def sign_in(page, user, *, language: str = "fr", next_url: str = "") -> None:
    """Sign ``user`` in through the real sign-in page (the test password), with the second
    factor for a coordinator. allauth refuses a TOTP code already used (kept in the cache), and
    coordinators of earlier browser tests share the test secret: the cache is cleared first."""
    from django.core.cache import cache

    from maillage.testing.factories import PASSWORD, totp_code

    page.goto(f"/{language}/compte/login/" + (f"?next={next_url}" if next_url else ""))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    if user.is_coordinator:
        cache.clear()
        page.fill("input[name=code]", totp_code())
        with page.expect_navigation():
            page.locator("main form button[type=submit]").first.click()
    assert "/compte/" not in page.url, f"{user.email} could not sign in ({page.url})"
