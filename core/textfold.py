"""Accent- and case-insensitive text matching for the searchable pickers: "Santé" and "SANTE"
both fold to "sante". Pure (no Django); never used for ranking the directory search, which has
its own engines (``directory.search``).
"""

import unicodedata


def fold(text: str | None) -> str:
    """Lower-case ``text`` and strip its accents; ``None`` folds to ``""``."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
