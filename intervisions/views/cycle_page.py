"""What the coordinators' cycle page shows, read only: the groups table (sizes, sector mix, a
group the composition emptied shown as cancelled), the current composition summary, and one
page of the registrations, filtered by status, group and name.

Built for a few hundred registrants: a fixed number of queries whatever their number (the
registrations are paged, the waiting lists of a page read at once). Never writes.
"""

from collections import Counter

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.dateparse import parse_datetime

from directory.models import Sector

from .. import reasons, seats, services
from ..forms import RegistrationFilterForm
from ..models import Registration

#: Registrations per page of the list.
PAGE_SIZE = 50


def groups_table(cycle) -> list:
    """The cycle's groups with ``size`` (people placed or proposed), ``mix`` (sector mix) and
    ``shown_cancelled`` (cancelled, or emptied by the last composition before publication)."""
    groups = list(
        cycle.groups.select_related("facilitator_social", "facilitator_mental_health").annotate(
            size=Count("registrations", filter=Q(registrations__status__in=["pending", "accepted"]))
        )
    )
    sectors = dict(Sector.choices)
    mix: dict = {}
    for gid, sector in cycle.registrations.placed().values_list("group_id", "sector"):
        mix.setdefault(gid, Counter())[sector] += 1
    composed = bool(cycle.composition) and not cycle.is_published
    for g in groups:
        g.mix = ", ".join(
            f"{sectors.get(k, k)} {n}" for k, n in mix.get(g.pk, Counter()).most_common()
        )
        g.shown_cancelled = g.cancelled or (composed and g.size == 0)
    return groups


def composition_summary(cycle, groups, status_counts: Counter) -> dict | None:
    """The composition as it stands now (after a re-run, a move by hand, a withdrawal), with
    the time and solver status of the last run; None before any run."""
    if not cycle.composition:
        return None
    active = (
        status_counts[Registration.Status.PENDING] + status_counts[Registration.Status.ACCEPTED]
    )
    placed = sum(g.size for g in groups)
    at = cycle.composition.get("at")
    return {
        "at": parse_datetime(at) if isinstance(at, str) else None,
        "status": cycle.composition.get("status", ""),
        "placed": placed,
        "unplaced": active - placed,
        "cancelled": [g for g in groups if g.shown_cancelled],
    }


def registrations_page(cycle, groups, query) -> dict:
    """One page of the registrations matching the filter form ``query`` (a bound
    ``RegistrationFilterForm``; invalid filters are ignored and shown as form errors)."""
    rows = cycle.registrations.select_related("organization", "group").order_by(
        "group__name", "last_name", "first_name", "pk"
    )
    data = query.cleaned_data if query.is_valid() else {}
    if data.get("status"):
        rows = rows.filter(status=data["status"])
    if data.get("group") == RegistrationFilterForm.NO_GROUP:
        rows = rows.filter(group__isnull=True)
    elif data.get("group"):
        rows = rows.filter(group_id=int(data["group"]))
    for word in (data.get("q") or "").split()[:5]:
        rows = rows.filter(
            Q(last_name__icontains=word)
            | Q(first_name__icontains=word)
            | Q(email__icontains=word)
            | Q(organization__name__icontains=word)
        )
    page = Paginator(rows, PAGE_SIZE).get_page(query.data.get("page"))
    names = {g.pk: g.name for g in groups}
    by_pk = {g.pk: g for g in groups}
    people = list(page.object_list)
    waiting = (
        seats.waiting_groups([r for r in people if not r.group_id]) if cycle.is_published else {}
    )
    choices: dict = {}
    for g in groups:
        if not g.cancelled:
            choices.setdefault(g.language, []).append(g)
    page_rows = [
        {
            "r": r,
            "reason": reasons.explain(r, names),
            "preferences": [names.get(pk, "?") for pk in r.preferences],
            "waiting": by_pk.get(waiting.get(r.pk)),
            "choices": choices.get(r.language, []),
        }
        for r in people
    ]
    return {"page": page, "rows": page_rows, "filtered": bool(data) and any(data.values())}


def context(cycle, request) -> dict:
    groups = groups_table(cycle)
    status_counts = Counter(
        dict(cycle.registrations.values_list("status").annotate(n=Count("pk")).order_by())
    )
    query = RegistrationFilterForm(request.GET, cycle=cycle, groups=groups)
    listing = registrations_page(cycle, groups, query)
    return {
        "cycle": cycle,
        "groups": groups,
        "open_groups": [g for g in groups if not g.cancelled],
        "composition": composition_summary(cycle, groups, status_counts),
        "query": query,
        "status_summary": [
            (label, status_counts[value]) for value, label in Registration.Status.choices
        ],
        "total": sum(status_counts.values()),
        "stats": services.statistics(cycle),
        **listing,
    }
