"""Reminders the day before: one e-mail to each confirmed participant of tomorrow's events.

Run daily by the scheduler (``manage.py send_event_reminders`` or the django-tasks task);
idempotent: an event is reminded once (``reminder_sent_at``).
"""

import datetime

from django.utils import timezone

from ..models import Event
from .notices import tell


def send_reminders(now=None) -> int:
    """Remind participants of published events starting tomorrow (local time); return the
    number of e-mails queued."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    sent = 0
    events = Event.objects.published().filter(
        starts_at__gte=start, starts_at__lt=end, reminder_sent_at__isnull=True
    )
    for event in events:
        # Claim the event first, so that two schedulers never send twice.
        if not Event.objects.filter(pk=event.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        ):
            continue
        for registration in event.registrations.confirmed().select_related("event", "user"):
            tell(registration, "reminder", with_ics=True)
            sent += 1
    return sent
