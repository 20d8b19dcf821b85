"""Dates of birth: a full date (or month and year) that the words around it make a birth date.

A date alone is a meeting, a deadline or an admission: it is reported only after "né(e) le",
"date de naissance", "°", "geboren op", "geboortedatum"... Pure Python, no Django import.
"""

import re

MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december|janv\.?|févr\.?|sept\.?|oct\.?|nov\.?|déc\.?|"
    r"jan\.?|feb\.?|aug\.?|okt\.?|dec\.?"
)
DATE_RE = re.compile(
    r"(?<!\d)(?:"
    r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}"  # 12/03/1985, 12.03.85
    r"|(?:1er|\d{1,2})\s+(?:" + MONTHS + r")\s+(?:19|20)\d{2}"  # 12 mars 1985
    r"|(?:" + MONTHS + r")\s+(?:19|20)\d{2}"  # mars 1985
    r"|(?:19|20)\d{2}-\d{2}-\d{2}"  # 1985-03-12
    r")(?!\d)",
    re.IGNORECASE,
)
BIRTH_CONTEXT_RE = re.compile(
    r"(?:\bnée?s?\b|\bnaissance\b|\bddn\b|\bd\.d\.n\.|°|\bgeboren\b|\bgeb\.|\bgeboortedatum\b|"
    r"\bborn\b|\bbirth\b|\bverjaardag\b|\banniversaire\b)[^.;\n]{0,20}$",
    re.IGNORECASE,
)


def find_birthdate(text: str):
    for match in DATE_RE.finditer(text):
        before = text[max(0, match.start() - 32) : match.start()]
        if BIRTH_CONTEXT_RE.search(before):
            yield match.start(), match.end()
