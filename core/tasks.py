"""Background jobs of the platform (django-tasks): the worker side of the scheduler."""

try:  # Django 6 has the tasks API built in; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task


@task()
def run_scheduled_job(run_id: int) -> str:
    from .scheduler import run_job

    return run_job(run_id)
