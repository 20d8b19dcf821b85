"""Run every detector over a text and return non-overlapping findings, longest first.

Pure Python, no Django import; it never stores nor logs the text. The Django side builds a
``Known`` from the directory (phones, e-mails, addresses and names of organizations and
services) so that what a professional copied from the directory is not taken for a person.
"""

import re
from dataclasses import dataclass, field

from .addresses import find_address, fold
from .dates import find_birthdate
from .identifiers import find_email, find_iban, find_nrn, find_phone, national_phone
from .names import find_name

KINDS = ("nrn", "phone", "email", "iban", "birthdate", "address", "name")
#: When two findings overlap, the first kind in this order wins (a NRN is not a phone).
PRIORITY = {
    kind: i
    for i, kind in enumerate(("nrn", "iban", "email", "birthdate", "phone", "address", "name"))
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int

    def as_span(self) -> list[int]:
        return [self.start, self.end]


@dataclass
class Known:
    """What the directory already publishes: never a beneficiary's data."""

    phones: frozenset = field(default_factory=frozenset)
    emails: frozenset = field(default_factory=frozenset)
    addresses: frozenset = field(default_factory=frozenset)
    names: frozenset = field(default_factory=frozenset)
    _names_re: re.Pattern | None = field(default=None, init=False, repr=False)

    @classmethod
    def build(cls, phones=(), emails=(), addresses=(), names=()):
        return cls(
            phones=frozenset(national_phone(p) for p in phones if p),
            emails=frozenset(e.strip().lower() for e in emails if e),
            addresses=frozenset(a for a in (fold(x) for x in addresses if x) if len(a) > 5),
            names=frozenset(n.strip() for n in names if n and len(n.strip()) > 3),
        )

    def name_spans(self, text: str):
        if not self.names:
            return []
        if self._names_re is None:
            alternatives = sorted((re.escape(n) for n in self.names), key=len, reverse=True)
            self._names_re = re.compile("|".join(alternatives), re.IGNORECASE)
        return [(m.start(), m.end()) for m in self._names_re.finditer(text)]


EMPTY = Known()


def scan(text: str, known: Known | None = None) -> list[Finding]:
    known = known or EMPTY
    if not text:
        return []
    found = [Finding("nrn", s, e) for s, e in find_nrn(text)]
    found += [Finding("iban", s, e) for s, e in find_iban(text)]
    found += [Finding("email", s, e) for s, e in find_email(text, known.emails)]
    found += [Finding("birthdate", s, e) for s, e in find_birthdate(text)]
    found += [Finding("phone", s, e) for s, e in find_phone(text, known.phones)]
    found += [Finding("address", s, e) for s, e in find_address(text, known.addresses)]
    organizations = known.name_spans(text)
    for start, end in find_name(text):
        if not any(s <= start and end <= e or s < end and start < e for s, e in organizations):
            found.append(Finding("name", start, end))
    return _without_overlaps(found)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (PRIORITY[f.kind], f.start - f.end)):
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
