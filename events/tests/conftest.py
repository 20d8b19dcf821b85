import pytest

from events.tests.factories import EventFactory


@pytest.fixture
def event(db):
    return EventFactory()
