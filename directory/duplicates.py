"""Likely duplicate organizations (pure Python, no Django import; rapidfuzz for names).

Two records are likely the same organization when they share an enterprise number, a phone
number or a street address, or when their names are very similar once accents, case and
legal-form words are removed. Used when a new organization is proposed and in the coordinators'
report.
"""

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .search.text import fold

#: Words that do not distinguish organizations ("asbl", "vzw", articles...).
NOISE = {
    "asbl",
    "vzw",
    "a",
    "s",
    "b",
    "l",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "d",
    "het",
    "van",
    "en",
    "et",
}
NAME_THRESHOLD = 90


@dataclass
class Candidate:
    id: object
    name: str
    enterprise_number: str = ""
    phones: set = field(default_factory=set)
    addresses: set = field(default_factory=set)


def name_key(name: str) -> str:
    return " ".join(w for w in fold(name).split() if w not in NOISE)


def phone_key(number: str) -> str:
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("32"):
        digits = "0" + digits[2:]
    return digits


def address_key(street: str, postal_code: str) -> str:
    return f"{fold(street)}|{postal_code.strip()}"


def reasons(a: Candidate, b: Candidate, name_score: float | None = None) -> list[str]:
    """Codes of why two records look alike: enterprise_number, phone, address, name."""
    found = []
    if a.enterprise_number and a.enterprise_number == b.enterprise_number:
        found.append("enterprise_number")
    if a.phones & b.phones:
        found.append("phone")
    if a.addresses & b.addresses:
        found.append("address")
    if name_score is None:
        name_score = fuzz.token_sort_ratio(name_key(a.name), name_key(b.name))
    if name_score >= NAME_THRESHOLD:
        found.append("name")
    return found


def matches_for(new: Candidate, existing: list[Candidate]) -> list[tuple[Candidate, list[str]]]:
    """Existing records that look like ``new``, most reasons first."""
    out = []
    keys = [name_key(c.name) for c in existing]
    scores = (
        process.cdist([name_key(new.name)], keys, scorer=fuzz.token_sort_ratio)[0] if keys else []
    )
    for candidate, score in zip(existing, scores, strict=False):
        if candidate.id == new.id:
            continue
        why = reasons(new, candidate, float(score))
        if why:
            out.append((candidate, why))
    out.sort(key=lambda item: -len(item[1]))
    return out


def find_pairs(records: list[Candidate]) -> list[tuple[Candidate, Candidate, list[str]]]:
    """Every pair of likely duplicates among ``records`` (names compared all-against-all)."""
    pairs = {}
    keys = [name_key(c.name) for c in records]
    if keys:
        matrix = process.cdist(
            keys, keys, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_THRESHOLD
        )
        for i, row in enumerate(matrix):
            for j in [j for j, score in enumerate(row) if score and j > i]:
                pairs[(i, j)] = None
    index: dict = {}
    for i, c in enumerate(records):
        for key in [("e", c.enterprise_number)] if c.enterprise_number else []:
            index.setdefault(key, []).append(i)
        for key in [("p", p) for p in c.phones] + [("a", a) for a in c.addresses]:
            index.setdefault(key, []).append(i)
    for members in index.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs[(min(members[x], members[y]), max(members[x], members[y]))] = None
    result = []
    for i, j in sorted(pairs):
        why = reasons(records[i], records[j])
        if why:
            result.append((records[i], records[j], why))
    return result
