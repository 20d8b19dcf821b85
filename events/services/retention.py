"""Retention: registrations are kept to organize the event, then anonymised (the consent text
promises it). Counts, organizations and attendance stay for the network's statistics.

These functions are the actions of the ``events.Registration`` policy declared in
``events/retention.py``; the platform's retention job (``manage.py apply_retention``) runs them.
``manage.py anonymise_event_registrations`` (and its django-tasks task) still runs this one alone.
"""

import datetime

from django.conf import settings
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from ..models import Registration

ANONYMOUS_NAME = "—"


def retention_days() -> int:
    return int(getattr(settings, "EVENTS_REGISTRATION_RETENTION_DAYS", 90))


def personal_registrations():
    """Registrations that still hold a person's name, e-mail or account link."""
    return Registration.objects.exclude(Q(name=ANONYMOUS_NAME) & Q(user__isnull=True))


def registrations_due(now=None):
    """Registrations of events that ended more than the retention period ago, still personal."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=retention_days())
    return personal_registrations().filter(event__ends_at__lt=limit)


def anonymise_registrations(registrations) -> int:
    """Replace name and e-mail by placeholders and cut the account link, in one statement;
    returns the count."""
    from privacy.services.trail import scrub_audit_trail

    pks = list(registrations.values_list("pk", flat=True))
    count = 0
    for start in range(0, len(pks), 1000):
        batch = pks[start : start + 1000]
        count += Registration.objects.filter(pk__in=batch).update(
            name=ANONYMOUS_NAME,
            email=Concat(Value("anonymised-"), Cast("pk", CharField()), Value("@invalid")),
            user=None,
        )
        scrub_audit_trail(Registration, batch)
    return count


def anonymise_past_registrations(now=None) -> int:
    """Anonymise registrations of events that ended more than the retention period ago;
    returns how many were anonymised."""
    return anonymise_registrations(registrations_due(now))
