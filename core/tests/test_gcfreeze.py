"""Long-lived objects are frozen out of the collector's full passes a few times in a process's
life: after its 1st, 10th, 100th and 1,000th request, and after a request that built a new
search snapshot (see ``core.gcfreeze``)."""

import gc

import pytest

from core import gcfreeze


@pytest.fixture
def freezes(monkeypatch, settings):
    settings.MAILLAGE_GC_FREEZE = True
    calls = []
    monkeypatch.setattr(gcfreeze, "_state", {"requests": 0, "pending": False})
    monkeypatch.setattr(gcfreeze, "freeze", lambda: calls.append(gcfreeze._state["requests"]))
    return calls


def test_frozen_after_the_1st_10th_and_100th_request(client, db, freezes):
    for _ in range(100):
        client.get("/fr/")
    assert freezes == [1, 10, 100]


def test_frozen_after_the_request_that_built_a_new_search_snapshot(client, db, freezes):
    from directory.search import memory

    client.get("/fr/")
    memory.bump_version()
    client.get("/fr/annuaire/?q=logement")  # builds the new snapshot
    client.get("/fr/")
    assert freezes == [1, 2]


def test_turned_off_by_the_setting(client, db, freezes, settings):
    settings.MAILLAGE_GC_FREEZE = False
    client.get("/fr/")
    assert freezes == []


def test_freeze_moves_living_objects_out_of_the_collector_s_sight():
    gc.unfreeze()
    before = len(gc.get_objects())
    gcfreeze.freeze()
    try:
        assert gc.get_freeze_count() >= before // 2
        assert len(gc.get_objects()) < before // 2
    finally:
        gc.unfreeze()
