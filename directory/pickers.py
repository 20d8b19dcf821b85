"""The "organizations" source of the searchable picker (``core.pickers``, ``core.widgets``):
published organizations, found by any word of their French, Dutch or English name or their
alternate name, accents and case ignored; told apart by their municipality.

``OrganizationField`` is the form field every organization or organizer picker uses. Reads
only; never writes.
"""

from django.db.models import Count, Max

from core import pickers
from core.textfold import fold
from core.widgets import SearchChoiceField
from territory.models import Municipality

from .models import Address, Organization


def _published():
    return Organization.objects.published()


#: This process's folded names of the published organizations, with the version they were
#: built for: (count, last modification). Rebuilt when the version in the database changes,
#: so that several processes never serve a stale list for long.
_index: dict = {"version": None, "rows": []}


def _folded_names():
    version = tuple(_published().aggregate(n=Count("pk"), last=Max("modified_at")).values())
    if _index["version"] != version:
        rows = _published().values_list("pk", "name_fr", "name_nl", "name_en", "alternate_name")
        _index["rows"] = [
            (
                pk,
                " " + fold(" ".join(name for name in names if name)),
                fold(next((name for name in names if name), "")),
            )
            for pk, *names in rows
        ]
        _index["version"] = version
    return _index["rows"]


def _search(queryset, text, limit):
    """Every word of ``text`` in one of the names; names starting with the first word first,
    then names with a word starting with it, then the others, alphabetically. Matching is done
    on the folded names in memory (3,200 names: about a millisecond), the rows are read once."""
    words = fold(text).split()
    if not words:
        return []
    ranked = []
    for pk, names, first_name in _folded_names():
        if all(word in names for word in words):
            rank = 0 if names.startswith(" " + words[0]) else 1 if " " + words[0] in names else 2
            ranked.append((rank, first_name, str(pk), pk))
    ranked.sort()
    found, start = [], 0
    while len(found) < limit and start < len(ranked):  # a narrower queryset may skip some
        wanted = [pk for *_, pk in ranked[start : start + limit]]
        rows = {row.pk: row for row in _prepare(queryset.filter(pk__in=wanted))}
        found += [rows[pk] for pk in wanted if pk in rows]
        start += limit
    return found[:limit]


def _mine(user):
    return (
        _published()
        .filter(memberships__user=user, memberships__status="accepted")
        .distinct()
        .order_by("name")
    )


def _prepare(rows):
    """Read the municipality of each organization's first address (one query for all rows, plus
    the municipalities themselves) and keep it on the row for ``_municipality``."""
    rows = list(rows)
    found = {}
    addresses = (
        Address.objects.filter(
            location__organization__in=[row.pk for row in rows], municipality__isnull=False
        )
        .order_by("location__organization_id", "location_id", "pk")
        .values_list("location__organization_id", "municipality_id")
    )
    for organization_id, municipality_id in addresses:
        found.setdefault(organization_id, municipality_id)
    names = Municipality.objects.in_bulk(set(found.values()))
    for row in rows:
        municipality = names.get(found.get(row.pk))
        row.picker_municipality = str(municipality) if municipality else ""
    return rows


def _municipality(organization) -> str:
    return getattr(organization, "picker_municipality", "")


ORGANIZATIONS = pickers.register(
    pickers.PickerSource(
        name="organizations",
        queryset=_published,
        search=_search,
        mine=_mine,
        detail=_municipality,
        prepare=_prepare,
    )
)


class OrganizationField(SearchChoiceField):
    """Choose a published organization of the directory (or of the queryset given)."""

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("source", ORGANIZATIONS.name)
        super().__init__(queryset, **kwargs)
