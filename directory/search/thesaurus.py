"""The thesaurus as the search reads it: an in-process copy of the active entries, reloaded
when the shared version (Django cache key ``directory:thesaurus-version``, bumped by
``directory.services.thesaurus`` after every change, now and on commit) changes. Never writes.
"""

import threading
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import DatabaseError

from . import stemming

VERSION_KEY = "directory:thesaurus-version"
_lock = threading.Lock()
_current = None


@dataclass
class Thesaurus:
    version: object = None
    #: Folded words or phrase -> facet tokens of its terms ("t" + term id hex).
    entries: dict = field(default_factory=dict)
    #: Stem key of a one-word entry -> facet tokens (inflected forms find the entry too).
    by_stem: dict = field(default_factory=dict)
    #: Longest phrase, in words.
    longest: int = 1

    @classmethod
    def build(cls, version, pairs):
        """pairs: (folded words, term id) of the active entries."""
        entries: dict[str, set] = {}
        for folded, term_id in pairs:
            if folded:
                entries.setdefault(folded, set()).add("t" + term_id.hex)
        by_stem: dict[str, set] = {}
        for folded, tokens in entries.items():
            if " " not in folded:
                for key in stemming.keys(folded):
                    by_stem.setdefault(key, set()).update(tokens)
        longest = max((len(f.split()) for f in entries), default=1)
        return cls(version, {k: frozenset(v) for k, v in entries.items()}, by_stem, longest)

    def phrase(self, folded: str) -> frozenset:
        return self.entries.get(folded, frozenset())

    def word(self, folded: str) -> frozenset:
        """The tokens of a one-word entry equal to the word or sharing a stem with it."""
        tokens = set(self.entries.get(folded, ()))
        for key in stemming.keys(folded):
            tokens |= self.by_stem.get(key, set())
        return frozenset(tokens)

    def words(self) -> set:
        """The one-word entries (typo correction also proposes them)."""
        return {f for f in self.entries if " " not in f}


def _version():
    """The shared version; a missing key (a cleared cache) gets a new one, so that a copy
    loaded before can never match it."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, time.time_ns(), None)
            version = cache.get(VERSION_KEY)
        return version if version is not None else object()
    except DatabaseError:
        return object()


def bump_version() -> None:
    try:
        try:
            cache.incr(VERSION_KEY)
            cache.touch(VERSION_KEY, None)
        except ValueError:
            cache.set(VERSION_KEY, time.time_ns(), None)
    except DatabaseError:
        pass


def current() -> Thesaurus:
    global _current
    version = _version()
    loaded = _current
    if loaded is not None and loaded.version == version:
        return loaded
    from ..models import ThesaurusEntry

    with _lock:
        pairs = ThesaurusEntry.objects.active().values_list("folded", "terms")
        _current = Thesaurus.build(version, [(f, t) for f, t in pairs if t is not None])
        return _current


def reset() -> None:
    global _current
    with _lock:
        _current = None
