"""Scheduled jobs of the directory (django-tasks). Each one has a management command of the same
purpose, runnable by hand: remind_stale_sheets_task <-> manage.py remind_stale_sheets."""

try:  # Django 6 has the tasks API built in; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

from .services import remind_stale_sheets


@task()
def remind_stale_sheets_task() -> int:
    return remind_stale_sheets()
