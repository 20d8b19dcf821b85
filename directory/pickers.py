"""The "organizations" source of the searchable picker (``core.pickers``, ``core.widgets``):
published organizations, found by any word of their French, Dutch or English name or their
alternate name, accents and case ignored; told apart by their municipality.

``OrganizationField`` is the form field every organization or organizer picker uses. Reads
only; never writes.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, Concat

from core import pickers
from core.textfold import Fold, fold
from core.widgets import SearchChoiceField

from .models import Organization


def _published():
    return Organization.objects.published()


def _search(queryset, text):
    words = fold(text).split()
    names = [Coalesce(f"name_{code}", Value("")) for code in ("fr", "nl", "en")]
    spaced = [part for name in names for part in (name, Value(" "))]
    found = queryset.annotate(
        picker_text=Fold(Concat(*spaced, "alternate_name")),
        picker_rank=Case(
            When(Q(picker_text__startswith=words[0]), then=Value(0)),
            When(Q(picker_text__contains=" " + words[0]), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
    )
    for word in words:
        found = found.filter(picker_text__contains=word)
    return found.order_by("picker_rank", "name", "pk")


def _mine(user):
    return (
        _published()
        .filter(memberships__user=user, memberships__status="accepted")
        .distinct()
        .order_by("name")
    )


def _prepare(queryset):
    return queryset.prefetch_related("locations__addresses__municipality")


def _municipality(organization) -> str:
    for location in organization.locations.all():
        for address in location.addresses.all():
            if address.municipality_id:
                return str(address.municipality)
    return ""


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
