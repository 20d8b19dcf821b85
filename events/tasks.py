"""Background jobs of the events app (django-tasks). Each has a management command of the same
purpose, runnable by hand: ``manage.py send_event_reminders``."""

try:  # Django 6 has the tasks API built in; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

from .services import anonymise_past_registrations, send_reminders


@task()
def send_event_reminders_task() -> int:
    """Daily: remind participants of tomorrow's events."""
    return send_reminders()


@task()
def anonymise_event_registrations_task() -> int:
    """Daily: anonymise registrations of events past the retention period."""
    return anonymise_past_registrations()
