"""Helpdesk test data: requests in any state, made through the services where the state has
rules, and anonymous rows of the other apps for the needs watch."""

import datetime as dt

from django.utils import timezone

from helpdesk.models import HelpRequest, month_of
from maillage.testing.factories import MembershipFactory
from territory.models import Municipality


def professional_with_organization(organization=None, **kwargs):
    kwargs = {"organization": organization} if organization else {}
    return MembershipFactory(**kwargs).user


def make_request(requester=None, *, need="housing", nis="21005", status="new", **fields):
    """A request row as the watch and triage see it (direct create: test data only)."""
    municipality = Municipality.objects.get(nis_code=nis) if nis else None
    basin = municipality.basins.first() if municipality else None
    created_at = fields.pop("created_at", None)
    row = HelpRequest.objects.create(
        requester=requester,
        situation=fields.pop("situation", "Une famille de quatre personnes expulsée."),
        need=need,
        municipality=municipality,
        basin=basin,
        status=status,
        **fields,
    )
    if created_at is not None:
        HelpRequest.objects.filter(pk=row.pk).update(
            created_at=created_at, created_month=month_of(created_at)
        )
        row.refresh_from_db()
    return row


def aware(year, month, day, hour=10):
    return dt.datetime(year, month, day, hour, tzinfo=timezone.get_current_timezone())
