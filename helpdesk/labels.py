"""Names of needs and publics in the current language, from the directory's taxonomy terms.

Read-only; never writes. Codes are ``orientation.needs.NEEDS`` (theme terms) and the terms of
the ``public`` taxonomy.
"""

from directory.models import TaxonomyTerm
from orientation.needs import NEEDS


def _names(taxonomy: str, codes=None) -> dict:
    rows = TaxonomyTerm.objects.filter(taxonomy__code=taxonomy)
    if codes is not None:
        rows = rows.filter(code__in=codes)
    return {term.code: term.name for term in rows}


def need_choices() -> list[tuple[str, str]]:
    names = _names("theme", NEEDS)
    return [(code, names.get(code, code)) for code in NEEDS]


def public_choices() -> list[tuple[str, str]]:
    terms = TaxonomyTerm.objects.filter(taxonomy__code="public").order_by("position", "code")
    return [(t.code, t.name) for t in terms if t.code != "professionals"]


def need_names() -> dict:
    return dict(need_choices())


def public_names() -> dict:
    return dict(public_choices())


def label(items):
    """Set ``need_label`` and ``public_label`` on each request (two queries in all)."""
    needs, publics = need_names(), public_names()
    for item in items:
        item.need_label = needs.get(item.need, item.need)
        item.public_label = publics.get(item.public, item.public)
    return items
