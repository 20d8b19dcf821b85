"""Project-wide pytest fixtures. App-specific fixtures live in ``<app>/tests/conftest.py``.

- every test gets French as the active language and captured e-mail (Django's locmem outbox);
- ``browser_page``: a Playwright page in Debian's Chromium (see maillage/testing/browser.py);
  browser tests are skipped, loudly, when Chromium is missing, and fail in CI
  (MAILLAGE_REQUIRE_BROWSER=1).
"""

import os

import pytest
from django.core.cache import cache
from django.utils import translation

from directory.search import memory as search_memory
from maillage.testing.browser import browser_page, chromium_path  # noqa: F401
from maillage.testing.factories import (
    CoordinatorFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _isolated_test(settings):
    """French, captured e-mail, an empty cache (rate-limit counters must not leak from one test
    to the next) and a fresh in-process search snapshot (the database is rolled back under it).
    No freezing of long-lived objects (``core.gcfreeze``): each test builds snapshots again and
    a test process would freeze its own garbage; ``core/tests/test_gcfreeze.py`` turns it on."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MAILLAGE_GC_FREEZE = False
    cache.clear()
    search_memory.reset()
    with translation.override("fr"):
        yield
    search_memory.reset()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def coordinator(db):
    return CoordinatorFactory()


@pytest.fixture
def organization(db):
    return OrganizationFactory()


@pytest.fixture
def org_admin(db, organization):
    membership = MembershipFactory(organization=organization, is_admin=True)
    return membership.user


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "browser_page"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        _restore_reference_data_after_transactional_tests(item)
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def _restore_reference_data_after_transactional_tests(item):
    """A transactional test empties every table when it ends, including the reference data that
    migrations load (municipalities, basins, taxonomies, event types). With a serialized rollback
    for every transactional test, that data is restored for the tests that follow. Mixing both
    kinds would restore content types twice, so every transactional test gets it."""
    marker = item.get_closest_marker("django_db")
    transactional = bool(
        marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )
    if not transactional and not TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())):
        return
    kwargs = dict(marker.kwargs) if marker else {}
    kwargs.update(transaction=True, serialized_rollback=True)
    item.add_marker(pytest.mark.django_db(**kwargs), append=False)
