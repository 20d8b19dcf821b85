"""The PII guard: finds a beneficiary's personal data in a professional's free text.

Plain Python (no Django import) so that it is fast to test, to benchmark and to reuse from a
command line. It never stores, logs or sends the text it reads; it only returns where the
personal data is (spans) and of what kind.

    >>> [f.kind for f in scan("Mme Dupont, née le 12/03/1985")]
    ['name', 'birthdate']

Kinds: ``nrn`` (national register or BIS number, check digits validated), ``phone``, ``email``,
``iban`` (checksum validated), ``birthdate``, ``address`` (a person's home), ``name``.
``Known`` carries the directory's own phones, e-mails, addresses and organization names: what
is found inside them is a service, not a person.
"""

from .scanner import KINDS, Finding, Known, scan

__all__ = ["KINDS", "Finding", "Known", "scan", "has_pii"]


def has_pii(text: str, known: Known | None = None) -> bool:
    return bool(scan(text, known))
