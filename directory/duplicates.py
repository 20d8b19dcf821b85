"""Likely duplicate organizations (pure Python, no Django import; RapidFuzz for names).

Two records are likely the same organization when they share an enterprise number, a phone
number or a street address, or when their names are very similar *and* their addresses do not
contradict it (a postal code in common, or one of them has no address yet).

Names are compared without accents, case, articles, legal forms and generic words ("ASBL Maison
médicale du Miroir" → "maison medicale miroir"; "service", "centre", "CPAS", "asbl"... say what
kind of organization it is, not which one). Then the words that only one name has must agree too: the
names of "Agence immobilière sociale Tivoli" and "Agence immobilière sociale Transvaal" are
close, but "tivoli" and "transvaal" are not, so they are not a pair; "Tivoli" and "Tivol" (a typo)
are.

``find_pairs`` never compares every name with every other: records are put in blocks (one per
postal code; records without an address are compared with everyone), and RapidFuzz compares the
names of each block at once. Used when a new organization is proposed and in the coordinators'
report. Never reads or writes the database.
"""

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .search.text import fold

#: Words that never distinguish organizations: articles, prepositions, legal forms.
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
    "voor",
    "en",
    "et",
    "pour",
    "aux",
    "au",
}
#: Words that say what kind of organization it is, not which one.
GENERIC = {
    "service",
    "services",
    "centre",
    "center",
    "centrum",
    "dienst",
    "cpas",
    "ocmw",
}
NAME_THRESHOLD = 90
#: How alike the words only one of two names has must be ("tivoli"/"tivol" yes, "tivoli"/
#: "transvaal" no).
LEFTOVER_THRESHOLD = 80
#: A phone, address or number shared by more records than this says nothing about duplicates.
MAX_SHARED = 10


@dataclass
class Candidate:
    id: object
    name: str
    enterprise_number: str = ""
    phones: set = field(default_factory=set)
    #: address keys (see ``address_key``): "street|postal code".
    addresses: set = field(default_factory=set)

    @property
    def postal_codes(self) -> set:
        return {a.rsplit("|", 1)[-1] for a in self.addresses if a.rsplit("|", 1)[-1]}


def name_key(name: str) -> str:
    """The words of a name that can tell organizations apart."""
    return " ".join(w for w in fold(name).split() if w not in NOISE and w not in GENERIC)


def phone_key(number: str) -> str:
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("32"):
        digits = "0" + digits[2:]
    return digits


def address_key(street: str, postal_code: str) -> str:
    return f"{fold(street)}|{(postal_code or '').strip()}"


def pair_key(a, b) -> tuple[str, str]:
    """The same key for (a, b) and (b, a): how a "not a duplicate" decision is remembered."""
    return tuple(sorted((str(a), str(b))))


def _places_agree(a: Candidate, b: Candidate) -> bool:
    codes_a, codes_b = a.postal_codes, b.postal_codes
    return not codes_a or not codes_b or bool(codes_a & codes_b)


def _alike(key_a: str, key_b: str) -> bool:
    """Two name keys of one organization: nearly the same words, and when each has words the
    other lacks, those are alike too (a typo, not another place)."""
    if not key_a or not key_b or fuzz.token_sort_ratio(key_a, key_b) < NAME_THRESHOLD:
        return False
    words_a, words_b = set(key_a.split()), set(key_b.split())
    only_a, only_b = words_a - words_b, words_b - words_a
    if not only_a or not only_b:
        return True
    return fuzz.ratio(" ".join(sorted(only_a)), " ".join(sorted(only_b))) >= LEFTOVER_THRESHOLD


def similar_names(a: str, b: str) -> bool:
    """Whether two names are close enough to be the same organization's."""
    return _alike(name_key(a), name_key(b))


def reasons(a: Candidate, b: Candidate, names_alike: bool | None = None) -> list[str]:
    """Codes of why two records look alike: enterprise_number, phone, address, name."""
    found = []
    if a.enterprise_number and a.enterprise_number == b.enterprise_number:
        found.append("enterprise_number")
    if a.phones & b.phones:
        found.append("phone")
    if a.addresses & b.addresses:
        found.append("address")
    if names_alike is None:
        names_alike = similar_names(a.name, b.name)
    if names_alike and _places_agree(a, b):
        found.append("name")
    return found


def matches_for(new: Candidate, existing: list[Candidate]) -> list[tuple[Candidate, list[str]]]:
    """Existing records that look like ``new``, most reasons first."""
    out = []
    keys = [name_key(c.name) for c in existing]
    new_key = name_key(new.name)
    scores = process.cdist([new_key], keys, scorer=fuzz.token_set_ratio)[0] if keys else []
    for candidate, key, score in zip(existing, keys, scores, strict=False):
        if candidate.id == new.id:
            continue
        alike = score >= NAME_THRESHOLD and _alike(new_key, key)
        why = reasons(new, candidate, alike)
        if why:
            out.append((candidate, why))
    out.sort(key=lambda item: -len(item[1]))
    return out


def _blocks(records: list[Candidate]) -> tuple[dict, list[int]]:
    """Record indexes by postal code, and the indexes of records without any address."""
    blocks: dict = {}
    homeless = []
    for i, record in enumerate(records):
        codes = record.postal_codes
        if not codes:
            homeless.append(i)
        for code in codes:
            blocks.setdefault(code, []).append(i)
    return blocks, homeless


def _name_pairs(records, keys) -> set:
    """Index pairs (i < j) whose names are alike, compared block by block."""
    found = set()

    # Words sorted once: a plain ratio of sorted words is token_sort_ratio, and the plain ratio
    # is RapidFuzz's fastest scorer.
    sorted_keys = [" ".join(sorted(k.split())) for k in keys]

    def compare(rows: list[int], columns: list[int]):
        rows = [i for i in rows if keys[i]]
        columns = [j for j in columns if keys[j]]
        if not rows or not columns:
            return
        matrix = process.cdist(
            [sorted_keys[i] for i in rows],
            [sorted_keys[j] for j in columns],
            scorer=fuzz.ratio,
            score_cutoff=NAME_THRESHOLD,
            dtype="uint8",
        )
        for r, c in zip(*matrix.nonzero(), strict=True):
            i, j = rows[r], columns[c]
            if i != j and _alike(keys[i], keys[j]):
                found.add((min(i, j), max(i, j)))

    blocks, homeless = _blocks(records)
    for members in blocks.values():
        compare(members, members)
    compare(homeless, list(range(len(records))))
    return found


def find_pairs(
    records: list[Candidate], skip: set = frozenset()
) -> list[tuple[Candidate, Candidate, list[str]]]:
    """Every pair of likely duplicates among ``records``, except the pairs in ``skip``
    (``pair_key`` of their ids: the pairs a coordinator said are not duplicates)."""
    keys = [name_key(c.name) for c in records]
    by_name = _name_pairs(records, keys)
    pairs = set(by_name)
    index: dict = {}
    for i, c in enumerate(records):
        for key in [("e", c.enterprise_number)] if c.enterprise_number else []:
            index.setdefault(key, []).append(i)
        for key in [("p", p) for p in c.phones] + [("a", a) for a in c.addresses]:
            index.setdefault(key, []).append(i)
    for members in index.values():
        if len(members) > MAX_SHARED:  # a shared hotline or a federation's number
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((min(members[x], members[y]), max(members[x], members[y])))
    result = []
    for i, j in sorted(pairs, key=lambda p: (records[p[0]].name, records[p[1]].name)):
        a, b = records[i], records[j]
        if pair_key(a.id, b.id) in skip:
            continue
        why = reasons(a, b, names_alike=(i, j) in by_name)
        if why:
            result.append((a, b, why))
    return result
