"""Freshness: sheets past their update frequency, and the reminder e-mail to their
organization (at most one every 30 days per sheet). Called by the scheduled task and by
``manage.py remind_stale_sheets``."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.utils import timezone

from core.links import link
from core.notifications import notify, notify_address

from ..models import Service
from ..models.service import SERVICE_TEXT_FIELDS

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
        context = {
            "organization": organization,
            "services": services,
            #: Each sheet's page (with "Everything is still correct"), in the reader's language.
            "sheets": [{"service": s, "url": link(s)} for s in services],
        }
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
            language = sheet_language(organization, services)
            notify_address(organization.email, language, "directory/email/stale_sheets", context)
            sent += 1
        else:
            continue
        Service.objects.filter(pk__in=[s.pk for s in services]).update(reminded_at=now)
    return sent


def sheet_language(organization, services) -> str:
    """The language to write in to an organization that has no admin (it has no language
    field): the language its sheets are written in (the one with the most filled texts of the
    organization and these services), else the one language its services speak, else the
    network's default language."""
    codes = [code for code, _name in settings.LANGUAGES]
    filled = dict.fromkeys(codes, 0)
    for code in codes:
        filled[code] += sum(
            bool(getattr(organization, f"{field}_{code}", "")) for field in ("name", "description")
        )
        for service in services:
            filled[code] += sum(
                bool(getattr(service, f"{field}_{code}", "")) for field in SERVICE_TEXT_FIELDS
            )
    best = max(filled.values())
    leaders = [code for code in codes if filled[code] == best]
    if best and len(leaders) == 1:
        return leaders[0]
    spoken = {code for service in services for code in service.languages if code in leaders}
    if len(spoken) == 1:
        return spoken.pop()
    return settings.LANGUAGE_CODE
