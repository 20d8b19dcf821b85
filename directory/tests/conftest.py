"""Directory test fixtures: each test starts with a fresh search snapshot (the database is
rolled back between tests under the in-process snapshot)."""

import pytest

from directory.search import memory


@pytest.fixture(autouse=True)
def _fresh_search_snapshot():
    memory.reset()
    yield
    memory.reset()
