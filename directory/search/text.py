"""Text folding for the search index and queries (pure Python, no Django import).

Accents, case and punctuation never matter: "Santé mentale" and "sante MENTALE" fold to the same
tokens. Must stay identical on the index side and the query side.
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")

#: Words too common to narrow a search, in French, Dutch and English.
STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "par",
        "pour",
        "sur",
        "un",
        "une",
        "aan",
        "bij",
        "de",
        "een",
        "en",
        "het",
        "in",
        "met",
        "of",
        "op",
        "te",
        "van",
        "voor",
        "an",
        "and",
        "for",
        "in",
        "of",
        "on",
        "the",
        "to",
        "with",
    ]
)


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced text of letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return _NON_WORD.sub(" ", stripped.lower()).strip()


def query_tokens(query: str) -> list[str]:
    """The tokens a search must all match (as prefixes), without stopwords, at most 8."""
    tokens = [t for t in fold(query).split() if t not in STOPWORDS]
    seen: list[str] = []
    for token in tokens:
        if token not in seen:
            seen.append(token)
    return seen[:8]


def token(prefix: str, value: str) -> str:
    """A facet token: a prefix and a value reduced to letters and digits ("b" + "sud-est")."""
    return prefix + fold(str(value)).replace(" ", "")
