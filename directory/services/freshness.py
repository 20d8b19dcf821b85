"""Freshness: sheets past their update frequency, and the reminder e-mail to their
organization (at most one every 30 days per sheet). Called by the scheduled task and by
``manage.py remind_stale_sheets``."""

import datetime
from collections import defaultdict

from django.utils import timezone

from core.notifications import notify, notify_address

from ..models import Service

REMINDER_INTERVAL = datetime.timedelta(days=30)


def remind_stale_sheets(today: datetime.date | None = None) -> int:
    """E-mail each organization the list of its stale sheets; returns the number of e-mails."""
    from accounts.models import User

    now = timezone.now()
    stale = (
        Service.objects.stale(today)
        .filter(organization__status="published")
        .exclude(reminded_at__gt=now - REMINDER_INTERVAL)
        .select_related("organization")
        .order_by("organization_id", "name")
    )
    by_organization = defaultdict(list)
    for service in stale:
        by_organization[service.organization].append(service)
    sent = 0
    for organization, services in by_organization.items():
        context = {"organization": organization, "services": services}
        admins = list(
            User.objects.filter(
                memberships__organization=organization,
                memberships__status="accepted",
                memberships__is_admin=True,
                is_active=True,
            )
        )
        if admins:
            sent += notify(admins, "directory/email/stale_sheets", context)
        elif organization.email:
            notify_address(organization.email, "fr", "directory/email/stale_sheets", context)
            sent += 1
        else:
            continue
        Service.objects.filter(pk__in=[s.pk for s in services]).update(reminded_at=now)
    return sent
