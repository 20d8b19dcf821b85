"""Fixtures of the core tests: the "my registrations" page needs an intervision cycle, so the
intervisions fixtures are reused here (tests only; core's code never imports higher apps)."""

from intervisions.tests.conftest import cycle, facilitators, groups, register  # noqa: F401
