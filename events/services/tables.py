"""Conversation tables: put the confirmed participants at tables (wishes first, balanced)."""

from django.db import transaction

from .. import balancing
from ..errors import EventError
from ..models import Registration, SubGroup
from .organizing import _require


def assign_tables(event, *, user=None, keep_existing=False) -> dict:
    """Assign every confirmed participant to a table; returns {table: [registrations]}."""
    _require(user, event)
    tables = list(event.subgroups.all())
    if not tables:
        raise EventError("no_tables")
    people = list(event.registrations.confirmed().order_by("created_at", "pk"))
    todo = [r for r in people if r.table_id is None] if keep_existing else people
    plan = balancing.assign(
        [(r.pk, r.table_choice_id) for r in todo], [(t.pk, t.capacity) for t in tables]
    )
    with transaction.atomic():
        for registration in todo:
            registration.table_id = plan.get(registration.pk)
            Registration.objects.filter(pk=registration.pk).update(table_id=registration.table_id)
    return {t: [r for r in people if r.table_id == t.pk] for t in tables}


def add_table(event, *, name: str, capacity=None, user=None) -> SubGroup:
    _require(user, event)
    return SubGroup.objects.create(event=event, name=name.strip(), capacity=capacity)
