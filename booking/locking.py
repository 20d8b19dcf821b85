"""Locking of bookable resources: the only place where Maillage takes locks for capacity.

Rules (pretix's habits, written beside the code):

1. **Only inside a transaction.** ``lock_resources()`` refuses to run outside
   ``transaction.atomic()``: a lock that outlives nothing protects nothing.
2. **Lock once per transaction, as late as possible**, right before counting seats, and for
   every resource the transaction will touch at once (an event seat and its lunch together).
3. **Fixed order.** Keys are sorted before locking, so two transactions that both need
   "event:7" and "event:7:lunch" always take them in the same order and never deadlock.
4. **Bounded wait.** On PostgreSQL each locking transaction sets ``SET LOCAL lock_timeout``
   (``BOOKING_LOCK_TIMEOUT_MS``, 5000 ms by default): a stuck lock becomes a clear
   ``BookingError("busy")`` instead of a hanging request.
5. **Never lock when freeing capacity.** Cancelling a booking only lowers the confirmed count: a
   concurrent booker that still counts the old seat undercounts, which is safe. Only *giving* a
   seat consumes capacity, so promotion from the waiting list (which gives the freed seat to the
   next person) runs under the lock of the freed resources (sorted keys), and each promotion is
   a conditional UPDATE on ``status = 'waiting'`` so that a booking cancelled meanwhile is
   skipped, never resurrected.

How it works per database:

- **PostgreSQL**: ``SELECT ... FROM booking_resource WHERE id IN (...) ORDER BY key FOR UPDATE``.
  Row locks are held until the transaction ends; other bookers of the same resource queue.
- **SQLite**: the project's connection uses ``transaction_mode="IMMEDIATE"``, so every write
  transaction takes the database write lock at ``BEGIN``: ``transaction.atomic()`` already
  serialises bookers and nothing more is needed (the busy timeout makes them wait).

Test-only switch: ``BOOKING_SKIP_LOCK_FOR_TESTS = True`` skips the lock (and the services then
sleep ``BOOKING_RACE_WINDOW_SECONDS`` between counting and writing), so that a PostgreSQL test can
show that the race exists without the lock. Never set it anywhere else.

This module never decides who gets a seat; ``booking.services`` does.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction

from .models import Resource


class LockingOutsideTransaction(RuntimeError):
    """A programming error: locks are only meaningful inside transaction.atomic()."""


def skip_lock_for_tests() -> bool:
    return bool(getattr(settings, "BOOKING_SKIP_LOCK_FOR_TESTS", False))


def race_window_seconds() -> float:
    return float(getattr(settings, "BOOKING_RACE_WINDOW_SECONDS", 0) or 0)


def lock_timeout_ms() -> int:
    return int(getattr(settings, "BOOKING_LOCK_TIMEOUT_MS", 5000))


def lock_resources(resources: Iterable[Resource]) -> dict[str, Resource]:
    """Lock the given resources (sorted by key) and return fresh rows, by key.

    The returned rows are re-read under the lock: use their ``capacity``, not the caller's copy.
    """
    if not transaction.get_connection().in_atomic_block:
        raise LockingOutsideTransaction("lock_resources() must run inside transaction.atomic().")
    keys = sorted({resource.key for resource in resources})
    if skip_lock_for_tests():
        return {r.key: r for r in Resource.objects.filter(key__in=keys).order_by("key")}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # SET LOCAL does not accept bind parameters; the value is an int from settings.
            cursor.execute(f"SET LOCAL lock_timeout = {lock_timeout_ms():d}")  # noqa: S608
        rows = Resource.objects.filter(key__in=keys).order_by("key").select_for_update()
        return {r.key: r for r in rows}
    # SQLite (IMMEDIATE transactions): the write lock was taken at BEGIN.
    return {r.key: r for r in Resource.objects.filter(key__in=keys).order_by("key")}
