"""Retention: registrations are kept to organize the event, then anonymised (the consent text
promises it). Counts, organizations and attendance stay for the network's statistics.

Run daily with ``manage.py anonymise_event_registrations`` (or the django-tasks task).
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ..models import Registration

ANONYMOUS_NAME = "—"


def retention_days() -> int:
    return int(getattr(settings, "EVENTS_REGISTRATION_RETENTION_DAYS", 90))


def anonymise_past_registrations(now=None) -> int:
    """Anonymise registrations of events that ended more than the retention period ago;
    returns how many were anonymised."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=retention_days())
    registrations = Registration.objects.filter(event__ends_at__lt=limit).exclude(
        Q(name=ANONYMOUS_NAME) & Q(user__isnull=True)
    )
    count = 0
    for registration in registrations.only("pk"):
        Registration.objects.filter(pk=registration.pk).update(
            name=ANONYMOUS_NAME, email=f"anonymised-{registration.pk}@invalid", user=None
        )
        count += 1
    return count
