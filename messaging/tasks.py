"""Background job of the messaging app (django-tasks): the fan-out of one message to its
recipients, so that the page that sends returns at once whatever the audience's size.

The recipients (address, language, name, link) were chosen and counted by
``services.send_message`` in the request; this job renders each person's e-mail in their
language through ``services.deliver`` and queues it with ``core.notifications.notify_address``.
"""

try:  # Django 6 has the tasks API built in; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task


@task()
def deliver_message_task(message_id: int, recipients: list) -> int:
    from .services import deliver

    return deliver(message_id, recipients)
