"""In-process snapshot of the search index for facets, "open now", sorting and distances.

The database answers the text part of a search (FTS5 or the PostgreSQL word table) with index
row ids; everything else works on this snapshot: one Python integer used as a bitmap per facet
token (bit = position in name order), per-row arrays (service id, folded name, point,
freshness), the words of the service and organization names (relevance), the vocabulary of the
index with its stem groups (inflections, typos) and the words of the taxonomy terms' names.
Counting a facet is then one AND and one popcount; going between row ids, positions and bitmaps
is done by NumPy on whole arrays, never row by row in Python.

Several processes: each keeps its own snapshot and reloads it when the shared version number
(Django cache, bumped by ``indexer`` after every write, immediately and on commit) changes.
Never written to by anything but ``load``; never holds personal data.
"""

import bisect
import datetime
import gc
import threading
import time
import uuid
from itertools import chain

import numpy as np
from django.core.cache import cache
from django.db import DatabaseError

from core import gcfreeze

from ..models import TaxonomyTerm
from . import stemming
from .backends import get_backend
from .text import fold

VERSION_KEY = "directory:search-index-version"
#: Coordinate given to rows without a point, so that a distance sort puts them last.
FAR_AWAY = 1e6
MAX_CACHED_WORDS = 512
#: A sheet verified this many days ago (or more, or never) gets no freshness boost.
FRESH_DAYS = 730
#: Rows sharing a facet or hours text at least this many times: one bitmap for the text.
SHARED_TEXT = 64
_lock = threading.Lock()
_snapshot = None


class Snapshot:
    def __init__(self, version, rows, vocabulary=None, term_texts=None):
        self.version = version
        self.size = size = len(rows)
        self.nbytes = size // 8 + 1
        self.service_ids = [row[1] for row in rows]
        self.position_of_service = {sid: index for index, sid in enumerate(self.service_ids)}
        self.names = [" " + row[4] for row in rows]
        #: Folded service and organization names (every language): the "title" field.
        self.titles = [" " + row[7] for row in rows]
        # The distinct words of the titles, sorted, each with the positions whose title has it
        # (one array, a slice per word): the titles having a word that starts with a prefix
        # are then one slice (relevance), whatever the number of matches.
        self.title_words, self.title_offsets, self.title_positions = _word_slices(self.titles)
        #: Freshness in [0, 1]: 1 for a sheet verified today, 0 after FRESH_DAYS or never.
        self.freshness = np.array([row[8] for row in rows], dtype=np.float64)
        #: Folded words of the index bodies and their stem groups (typos, inflections).
        self.vocabulary = vocabulary or frozenset()
        self.stem_groups = stemming.group_by_key(self.vocabulary)
        self.sorted_vocabulary = sorted(self.vocabulary)
        #: Facet token of a taxonomy term -> its folded names (FR, NL, EN) and their words.
        self.term_texts = term_texts or {}
        self.term_words = {
            tok: frozenset(text.split()) - {"|"} for tok, text in self.term_texts.items()
        }
        self.latitudes = [row[5] for row in rows]
        self.longitudes = [row[6] for row in rows]
        self.lat_sort = np.array(
            [FAR_AWAY if v is None else v for v in self.latitudes], dtype=np.float64
        )
        self.lon_sort = np.array(
            [FAR_AWAY if v is None else v for v in self.longitudes], dtype=np.float64
        )
        # Index row id -> position (ids are small integers): -1 when absent.
        row_ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=size)
        self.position_of_id = np.full(int(row_ids.max(initial=0)) + 1, -1, dtype=np.int64)
        self.position_of_id[row_ids] = np.arange(size, dtype=np.int64)
        # Facet and hour tokens: rows sharing a text are split once; a text many rows share
        # (the opening hours of a week are few) becomes one bitmap, ORed into its tokens.
        shared: dict[str, int] = {}
        single: dict[str, list[int]] = {}
        for column in (2, 3):  # facets, hours
            by_text: dict[str, list[int]] = {}
            for index, row in enumerate(rows):
                by_text.setdefault(row[column], []).append(index)
            for text, positions in by_text.items():
                if len(positions) >= SHARED_TEXT:
                    mask = self.mask_of(positions)
                    for token in text.split():
                        shared[token] = shared.get(token, 0) | mask
                else:
                    for token in text.split():
                        single.setdefault(token, []).extend(positions)
        self.masks = {
            token: shared.get(token, 0) | (self.mask_of(single[token]) if token in single else 0)
            for token in {**shared, **single}
        }
        self.all = (1 << size) - 1
        #: Query word -> bitmap of the rows having a word that starts with it (PostgreSQL),
        #: filled by searches and dropped with the snapshot, so never older than it.
        self.word_masks: dict[str, int] = {}
        self.facet_tokens = [t for t in self.masks if not t.startswith("o")]

    def mask_of_rows(self, row_ids) -> int:
        """The bitmap of these index rows (duplicates allowed); rows newer than the snapshot
        are ignored until it reloads."""
        ids = np.asarray(row_ids, dtype=np.int64)
        ids = ids[(ids >= 0) & (ids < len(self.position_of_id))]
        positions = self.position_of_id[ids]
        return self.mask_of(positions[positions >= 0])

    def mask_of(self, positions) -> int:
        """The bitmap of these positions (an array or any iterable of ints)."""
        flags = np.zeros(self.nbytes * 8, dtype=bool)
        flags[np.asarray(positions, dtype=np.int64)] = True
        return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")

    def mask_of_services(self, service_ids) -> int:
        where = self.position_of_service
        return self.mask_of([where[s] for s in service_ids if s in where])

    def positions(self, mask: int) -> np.ndarray:
        """The positions whose bit is set, ascending (that is, in name order)."""
        data = np.frombuffer(mask.to_bytes(self.nbytes, "little"), dtype=np.uint8)
        return np.flatnonzero(np.unpackbits(data, bitorder="little", count=self.size))

    def remember_word(self, word: str, mask: int) -> None:
        if len(self.word_masks) >= MAX_CACHED_WORDS:  # about 12 KB each at 100,000 services
            self.word_masks.clear()
        self.word_masks[word] = mask

    def positions_naming(self, word: str, exact=()) -> np.ndarray:
        """The positions whose title (service or organization name) has a word starting with
        ``word`` or equal to one of ``exact`` (folded words); a position may repeat."""
        # Folded words are made of [0-9a-z], all sorting before "{".
        start = bisect.bisect_left(self.title_words, word)
        end = bisect.bisect_left(self.title_words, word + "{", start)
        parts = [self.title_positions[self.title_offsets[start] : self.title_offsets[end]]]
        for other in exact:
            if other.startswith(word):
                continue  # already in the slice
            index = bisect.bisect_left(self.title_words, other)
            if index < len(self.title_words) and self.title_words[index] == other:
                parts.append(
                    self.title_positions[self.title_offsets[index] : self.title_offsets[index + 1]]
                )
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def flags(self, mask: int) -> np.ndarray:
        """One boolean per position: its bit in ``mask``."""
        data = np.frombuffer(mask.to_bytes(self.nbytes, "little"), dtype=np.uint8)
        return np.unpackbits(data, bitorder="little", count=self.size).astype(bool)


def current_version():
    """The shared version, or a value equal to nothing when the cache cannot be read (then
    every search reloads: slow but never stale)."""
    try:
        return cache.get(VERSION_KEY, 0)
    except DatabaseError:  # the database cache table is missing (createcachetable)
        return object()


def bump_version() -> None:
    """A new version number, never to expire: some caches' ``incr`` (the database cache) sets
    the default timeout, and a key that expired and started again at 1 could match a snapshot
    still labelled 1. A missing key restarts from the clock, never from a small number."""
    try:
        try:
            cache.incr(VERSION_KEY)
            cache.touch(VERSION_KEY, None)
        except ValueError:
            cache.set(VERSION_KEY, time.time_ns(), None)
    except DatabaseError:
        pass


def snapshot() -> Snapshot:
    global _snapshot
    version = current_version()
    current = _snapshot
    if current is not None and current.version == version:
        return current
    with _lock:
        if _snapshot is not None and _snapshot.version == version:
            return _snapshot
        # Hundreds of thousands of small objects and no cycle: the collector would walk
        # them again and again while they are made.
        collecting = gc.isenabled()
        gc.disable()
        try:
            rows = _rows()
            vocabulary = get_backend().vocabulary()
            term_texts = {
                "t" + pk.hex: " " + " | ".join(fold(n) for n in names if n)
                for pk, *names in TaxonomyTerm.objects.values_list(
                    "pk", "name_fr", "name_nl", "name_en"
                )
            }
            _snapshot = Snapshot(version, rows, vocabulary, term_texts)
        finally:
            if collecting:
                gc.enable()
        gcfreeze.snapshot_built()  # long-lived: out of the collector's full passes
        return _snapshot


def _word_slices(texts: list) -> tuple:
    """The distinct words of these texts (sorted), their offsets and the positions of the texts
    having each word (ascending within a word's slice): NumPy sorts the (word, position) pairs
    once instead of Python lists growing word by word."""
    split = [text.split() for text in texts]
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    numbers: dict[str, int] = {}
    ids = [numbers.setdefault(w, len(numbers)) for w in chain.from_iterable(split)]
    words = sorted(numbers)
    rank = np.empty(len(words), dtype=np.int64)
    rank[np.fromiter(map(numbers.__getitem__, words), dtype=np.int64, count=len(words))] = (
        np.arange(len(words), dtype=np.int64)
    )
    size = max(len(texts), 1)
    positions = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keys = np.sort(rank[np.array(ids, dtype=np.int64)] * size + positions)
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]  # a word twice in a title
    offsets = np.searchsorted(keys // size, np.arange(len(words) + 1, dtype=np.int64))
    return words, offsets.astype(np.int64), keys % size


def _rows() -> list:
    """(id, service id, facets, hours, name, latitude, longitude, title, freshness) per index
    row, in name order. The title is folded by the indexer; only the verification date (set
    without reindexing) is read from the service."""
    raw = get_backend().snapshot_rows()
    if not raw:
        return []
    days = np.array([row[8] for row in raw], dtype="datetime64[D]")  # None: NaT
    age = (np.datetime64(datetime.date.today(), "D") - days).astype(np.float64)
    age[np.isnat(days)] = FRESH_DAYS
    fresh = np.maximum(0.0, 1.0 - np.maximum(age, 0.0) / FRESH_DAYS).tolist()
    first = raw[0][1]
    if isinstance(first, uuid.UUID):
        return [(*row[:8], f) for row, f in zip(raw, fresh, strict=True)]
    return [(row[0], uuid.UUID(row[1]), *row[2:8], f) for row, f in zip(raw, fresh, strict=True)]


def reset() -> None:
    """Forget the snapshot (tests: the database was rolled back under it)."""
    global _snapshot
    with _lock:
        _snapshot = None
