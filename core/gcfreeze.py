"""Keep long-lived objects out of the garbage collector's full passes.

A process holds a few hundred thousand long-lived objects: the loaded code, the compiled
templates, the catalogues, the directory's search snapshot (``directory.search.memory``). Each
full (generation 2) collection walks them all again: ``bench/pages.py`` saw one request in
about ten take 160-330 ms more on a 2-core machine, exactly when such a pass ran
(``gc.callbacks``), whatever the page.

``gc.freeze()`` moves every object alive into a permanent generation that the collector no
longer walks; frozen objects are still freed by reference counting when nothing refers to them
(the previous search snapshot goes). Only cyclic garbage alive at that moment would stay, so a
full collection runs first. Freezing happens after a request has been answered
(``request_finished``): after the process's 1st, 10th, 100th and 1,000th request (templates and
caches fill up lazily), and after a request that built a new search snapshot
(``snapshot_built``). That is a handful of times in a process's life, each costing one full
collection once the response is sent. ``MAILLAGE_GC_FREEZE = False`` turns it off (the test
suite does).
"""

import gc

from django.conf import settings
from django.core.signals import request_finished

#: Requests after which the process freezes what it holds.
AT_REQUESTS = frozenset({1, 10, 100, 1000})

_state = {"requests": 0, "pending": False}


def snapshot_built() -> None:
    """A new long-lived structure exists (the search snapshot): freeze after this request."""
    _state["pending"] = True


def _after_request(**_kwargs) -> None:
    if not getattr(settings, "MAILLAGE_GC_FREEZE", True):
        return
    _state["requests"] += 1
    if _state["requests"] in AT_REQUESTS or _state["pending"]:
        _state["pending"] = False
        freeze()


def freeze() -> None:
    gc.collect()
    gc.freeze()


def install() -> None:
    request_finished.connect(_after_request, dispatch_uid="core.gcfreeze")
