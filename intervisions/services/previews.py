"""What a bulk action will do, counted before a coordinator confirms it ("12 invoices will be
issued"). Reads only: never writes, never sends e-mail."""

from decimal import Decimal

from django.db.models import Sum

from .fees import missing_invoices


def invoices_preview(cycle) -> dict:
    """How many invoices "issue the missing invoices" would issue, and their total."""
    todo = missing_invoices(cycle)
    total = Decimal(todo.aggregate(total=Sum("fee"))["total"] or 0)
    return {"count": todo.count(), "total": total.quantize(Decimal("0.01"))}  # SQLite: 450


def publish_preview(cycle) -> dict:
    """What publication would do: people given their seat, people without a group (put on a
    waiting list or told there is no room), groups cancelled for want of people, e-mails sent."""
    active = list(cycle.registrations.active().values_list("group_id", flat=True))
    placed = [g for g in active if g]
    used = set(placed)
    groups = list(cycle.groups.values_list("pk", "cancelled"))
    return {
        "placed": len(placed),
        "unplaced": len(active) - len(placed),
        "groups": len(used),
        "cancelled": sum(1 for pk, cancelled in groups if pk not in used and not cancelled),
        "emails": len(active),
    }
