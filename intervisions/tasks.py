"""Background jobs of the intervisions app (django-tasks). Each has a management command of the
same name that runs the same service function by hand."""

try:  # Django 6 has the tasks API built in; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

from . import services


@task()
def anonymise_ended_cycles_task() -> int:
    return sum(services.anonymise_ended_cycles().values())


@task()
def remind_unpaid_invoices_task() -> int:
    return services.remind_unpaid_invoices()
