"""The wish round: professionals rank visits; the coordinator runs the allocation (the pure
engine), looks at the figures, then publishes: granted wishes become confirmed visits through
``visits.book_visit`` (same rules, same locks) and everyone who wished is told. Afterwards the
remaining seats open first-come (``visits.booking_open``).
"""

from collections import defaultdict

from django.db import transaction

from ..allocation import Rules, allocate
from ..allocation import Wish as PlainWish
from ..errors import OpenDoorsError
from ..models import Edition, Slot, Visit, Wish
from ..rules import plain
from . import notices
from .visits import book_visit

Round = Edition.WishRound
MAX_WISHES = 8


def open_wish_round(edition: Edition) -> None:
    if edition.wish_round not in (Round.NONE,):
        raise OpenDoorsError("wish_round_state")
    Edition.objects.filter(pk=edition.pk).update(wish_round=Round.OPEN)
    edition.wish_round = Round.OPEN


def save_wishes(edition: Edition, user, slot_ids_ranked: list) -> list[Wish]:
    """Replace the person's wishes by this ranked list (first = most wanted)."""
    if edition.wish_round != Round.OPEN:
        raise OpenDoorsError("wish_round_closed")
    if len(slot_ids_ranked) > MAX_WISHES:
        raise OpenDoorsError("too_many_wishes", max=MAX_WISHES)
    if len(set(slot_ids_ranked)) != len(slot_ids_ranked):
        raise OpenDoorsError("duplicate_rank")
    slots = {
        s.pk: s
        for s in Slot.objects.in_programme().filter(
            participation__edition=edition, pk__in=slot_ids_ranked
        )
    }
    if len(slots) != len(slot_ids_ranked):
        raise OpenDoorsError("not_in_programme")
    with transaction.atomic():
        Wish.objects.filter(visitor=user, slot__participation__edition=edition).delete()
        return [
            Wish.objects.create(visitor=user, slot=slots[sid], rank=rank)
            for rank, sid in enumerate(slot_ids_ranked, start=1)
        ]


def wishes_of(edition: Edition, user):
    return Wish.objects.filter(visitor=user, slot__participation__edition=edition).select_related(
        "slot__participation__service"
    )


def run_allocation(edition: Edition, *, time_limit: float = 20.0) -> dict:
    """Compute the allocation (nothing is booked yet) and keep its figures for the coordinator."""
    if edition.wish_round not in (Round.OPEN, Round.ALLOCATED):
        raise OpenDoorsError("wish_round_state")
    wishes = list(
        Wish.objects.filter(slot__participation__edition=edition).select_related(
            "slot__participation", "slot__location"
        )
    )
    slots = {}
    for wish in wishes:
        if wish.slot_id not in slots:
            taken = wish.slot.visits.active().count()
            base = plain(wish.slot)
            slots[wish.slot_id] = base.__class__(
                base.id,
                base.service,
                base.day,
                base.start,
                base.end,
                base.municipality,
                max(wish.slot.capacity - taken, 0) or 0,
            )
    plain_slots = {s.id: s for s in slots.values() if s.capacity > 0}
    plain_wishes = [
        PlainWish(str(w.visitor_id), str(w.slot_id), w.rank)
        for w in wishes
        if str(w.slot_id) in plain_slots
    ]
    cap = {}
    if edition.max_visitors_per_service:
        cap = {s.service: edition.max_visitors_per_service for s in plain_slots.values()}
    rules = Rules(edition.max_visits_per_person, edition.travel_minutes, cap)
    result = allocate(plain_slots, plain_wishes, rules, time_limit=time_limit)
    granted = set(result.assignment)
    with transaction.atomic():
        Wish.objects.filter(slot__participation__edition=edition).update(granted=False)
        for wish in wishes:
            if (str(wish.visitor_id), str(wish.slot_id)) in granted:
                Wish.objects.filter(pk=wish.pk).update(granted=True)
        figures = {
            "professionals": len({w.visitor_id for w in wishes}),
            "served": result.served,
            "wishes": len(wishes),
            "wishes_met": result.wishes_met,
            "first_choices": result.first_choices,
            "status": result.status,
            "seconds": round(result.seconds, 2),
        }
        Edition.objects.filter(pk=edition.pk).update(
            wish_round=Round.ALLOCATED, allocation_figures=figures
        )
    edition.wish_round, edition.allocation_figures = Round.ALLOCATED, figures
    return figures


def publish_allocation(edition: Edition) -> int:
    """Book every granted wish, tell everyone who wished, open first-come booking."""
    if edition.wish_round != Round.ALLOCATED:
        raise OpenDoorsError("wish_round_state")
    granted_by_user = defaultdict(list)
    wishes = Wish.objects.filter(slot__participation__edition=edition).select_related(
        "visitor", "slot__participation__edition", "slot__resource"
    )
    with transaction.atomic():
        for wish in wishes.order_by("rank", "pk"):
            granted_by_user.setdefault(wish.visitor, [])
            if wish.granted:
                try:
                    visit = book_visit(wish.slot, wish.visitor, source=Visit.Source.WISH)
                except OpenDoorsError:
                    continue  # the person booked something meanwhile: keep what they have
                if visit.booking.is_confirmed:
                    granted_by_user[wish.visitor].append(visit)
        Edition.objects.filter(pk=edition.pk).update(wish_round=Round.PUBLISHED)
        edition.wish_round = Round.PUBLISHED
        users = dict(granted_by_user)
        transaction.on_commit(lambda: notices.allocation_published(users, edition))
    return sum(len(v) for v in users.values())
