"""Background job of the privacy app (django-tasks): the nightly retention run, the same service
as ``manage.py apply_retention``."""

try:  # Django 6 has the tasks API built in; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

from .services.retention import apply_retention


@task()
def apply_retention_task() -> int:
    return apply_retention().total
