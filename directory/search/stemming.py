"""French and Dutch stems of folded words (pure Python, no Django import), with the Snowball
stemmers of PyStemmer.

A word gets one key per language ("f:" + French stem, "n:" + Dutch stem); two words are forms of
one another when they share a key (same language). Used on the index side (the snapshot groups
the index's vocabulary by key) and on the query side (a query word finds every indexed word
sharing a key with it). Never decides anything else: matching and ranking live in the engine.
"""

from functools import lru_cache

import Stemmer

_FRENCH = Stemmer.Stemmer("french")
_DUTCH = Stemmer.Stemmer("dutch")
#: Words shorter than this are not stemmed (abbreviations: "ais", "cgg", "psy").
MIN_LENGTH = 4


@lru_cache(maxsize=65536)
def keys(word: str) -> tuple[str, ...]:
    """The stem keys of a folded word (empty for short words and digits)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return ()
    return ("f:" + _FRENCH.stemWord(word), "n:" + _DUTCH.stemWord(word))


def group_by_key(words) -> dict[str, list[str]]:
    """Stem key -> the words having it (sorted), for a vocabulary."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        for key in keys(word):
            groups.setdefault(key, []).append(word)
    return groups
