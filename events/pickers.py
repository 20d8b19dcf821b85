"""The "people" source of the searchable picker (``core.pickers``, ``core.widgets``): the active
accounts, found by every word typed in their first name, last name or e-mail address (case and
accents ignored), shown as "Name (Organization)". People's names are not public: only coordinators may query it (the JSON
endpoint answers 403 to anybody else), and only coordinators get the field (``PersonField``) in
a form; an organizer keeps a plain list of their own organizations' members.

Registered when the app is ready (``EventsConfig.ready`` imports this module; core's
``autodiscover`` would find it too). Reads only; never writes.
"""

from django.contrib.auth import get_user_model

from core import pickers
from core.textfold import fold
from core.widgets import SearchChoiceField


def _people():
    return get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")


def _may_use(user) -> bool:
    return bool(user and user.is_authenticated and user.is_coordinator)


def _prepare(rows):
    """Keep on each row the name of its first accepted organization (one query for all)."""
    from accounts.models import Membership

    rows = list(rows)
    found: dict = {}
    memberships = (
        Membership.objects.accepted()
        .filter(user__in=[row.pk for row in rows])
        .order_by("user_id", "pk")
        .values_list("user_id", "organization__name")
    )
    for user_id, name in memberships:
        found.setdefault(user_id, name)
    for row in rows:
        row.picker_organization = found.get(row.pk, "")
    return rows


def _search(queryset, text, limit):
    """Every word in the first name, the last name or the e-mail address, case and accents
    ignored on every database ("ines" finds "Inès"): the words are matched in Python on the
    folded names (a few thousand accounts: a few milliseconds), then the page's rows are read."""
    words = fold(text).split()
    found = []
    rows = queryset.order_by("last_name", "first_name", "pk").values_list(
        "pk", "first_name", "last_name", "email"
    )
    for pk, *fields in rows.iterator(chunk_size=2000):
        folded = fold(" ".join(f for f in fields if f))
        if all(word in folded for word in words):
            found.append(pk)
            if len(found) >= limit:
                break
    people = {person.pk: person for person in queryset.filter(pk__in=found)}
    return _prepare(people[pk] for pk in found if pk in people)


def label(person) -> str:
    """ "Name (Organization)"; the e-mail address when the account has no name."""
    name = person.get_full_name() or person.email
    if not hasattr(person, "picker_organization"):
        _prepare([person])
    return f"{name} ({person.picker_organization})" if person.picker_organization else name


PEOPLE = pickers.register(
    pickers.PickerSource(
        name="people",
        queryset=_people,
        search=_search,
        prepare=_prepare,
        allowed=_may_use,
        label=label,
    )
)


class PersonField(SearchChoiceField):
    """Choose an active account (coordinators' forms only: see the module docstring)."""

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("source", PEOPLE.name)
        super().__init__(queryset, **kwargs)

    def label_from_instance(self, obj):
        return label(obj)
