"""The coordinators' report of likely duplicate organizations: every organization read as a
matching record (``directory.duplicates`` does the matching), and the pairs found kept in the
cache until the directory changes.

The matching reads every organization, phone and address (about half a second for 3,200
organizations), so the page reads the cached pairs instead. The cached list is labelled with a
fingerprint: a version bumped by every save or delete of a place, address or phone, and by the
saves of an organization that change what the matching reads (names, enterprise number,
archived or not; the signals below, connected in ``apps.py``), and the counts of organizations,
phones and addresses (bulk creations and deletions, which send no signal: demo loaders).
"Not a duplicate" decisions are applied at every read, so a decision shows at once without
recomputing.
"""

import contextlib
import time

from django.core.cache import cache
from django.db import DatabaseError, transaction

from ..duplicates import Candidate, address_key, find_pairs, pair_key, phone_key
from ..models import Address, Organization, Phone, PublicationStatus
from .merge import not_duplicate_pairs

PAIRS_KEY = "directory:duplicates:pairs"
VERSION_KEY = "directory:duplicates:version"
#: The organization's fields the matching reads (see ``candidates``); status last.
MATCHED_FIELDS = ("name", "name_fr", "name_nl", "enterprise_number", "status")
#: Kept at most this long even if nothing seems to change (a write the fingerprint misses).
TIMEOUT = 3600


def candidates() -> list[Candidate]:
    """Every organization but the archived ones as a duplicate-detection record (4 queries; the
    names read as stored, without modeltranslation's per-row fallback: 3 times quicker)."""
    records = {
        pk: Candidate(id=pk, name=name_fr or name_nl or name, enterprise_number=number)
        for pk, name, name_fr, name_nl, number in Organization.objects.rewrite(False)
        .exclude(status=PublicationStatus.ARCHIVED)
        .values_list("pk", "name", "name_fr", "name_nl", "enterprise_number")
    }
    phones = Phone.objects.filter(organization__isnull=False).values_list(
        "organization_id", "number"
    )
    service_phones = Phone.objects.filter(service__isnull=False).values_list(
        "service__organization_id", "number"
    )
    for rows in (phones, service_phones):
        for org_id, number in rows:
            key = phone_key(number)
            if key and org_id in records:
                records[org_id].phones.add(key)
    for org_id, street, postal_code in Address.objects.values_list(
        "location__organization_id", "address_1", "postal_code"
    ):
        if org_id in records:
            records[org_id].addresses.add(address_key(street, postal_code))
    return list(records.values())


def likely_pairs() -> list[tuple]:
    """``(organization id, organization id, reasons)`` of every likely duplicate pair, sorted by
    names, without the pairs a coordinator said are two organizations."""
    fingerprint = _fingerprint()
    cached = _read()
    if cached and cached[0] == fingerprint:
        pairs = cached[1]
    else:
        pairs = [(a.id, b.id, why) for a, b, why in find_pairs(candidates())]
        _write((fingerprint, pairs))
    skip = not_duplicate_pairs()
    if not skip:
        return pairs
    return [pair for pair in pairs if pair_key(pair[0], pair[1]) not in skip]


def bump_version() -> None:
    """Forget the cached pairs (every process): the directory changed."""
    with contextlib.suppress(DatabaseError):  # no cache table: nothing is cached either
        cache.set(VERSION_KEY, time.time_ns(), None)


def directory_changed(**kwargs) -> None:
    """Signal receiver (post_save, post_delete): now, and again after the commit, so that a page
    computed meanwhile from the rows before the change is not kept."""
    bump_version()
    transaction.on_commit(bump_version)


def _matched(values) -> tuple:
    """What the matching reads of an organization: its names, number, and whether archived."""
    *names_and_number, status = values
    return (*names_and_number, status == PublicationStatus.ARCHIVED)


def organization_saving(sender, instance, raw=False, **kwargs) -> None:
    """pre_save: remember what the matching read of the organization before this save."""
    row = None
    if not instance._state.adding and not raw:
        row = (
            Organization.objects.rewrite(False)
            .filter(pk=instance.pk)
            .values_list(*MATCHED_FIELDS)
            .first()
        )
    instance._duplicates_before = _matched(row) if row else None


def organization_saved(sender, instance, created=False, **kwargs) -> None:
    """post_save: forget the pairs only when a name, the number or the archiving changed (a
    new description, a publication or a moderation leaves them as they are)."""
    before = getattr(instance, "_duplicates_before", None)
    if created or before is None:
        directory_changed()
        return
    if before != _matched([getattr(instance, field) for field in MATCHED_FIELDS]):
        directory_changed()


def _fingerprint() -> tuple:
    try:
        version = cache.get(VERSION_KEY, 0)
    except DatabaseError:
        version = time.time_ns()  # equal to nothing cached
    return (
        version,
        Organization.objects.count(),
        Phone.objects.count(),
        Address.objects.count(),
    )


def _read():
    try:
        return cache.get(PAIRS_KEY)
    except DatabaseError:
        return None


def _write(value) -> None:
    with contextlib.suppress(DatabaseError):
        cache.set(PAIRS_KEY, value, TIMEOUT)
