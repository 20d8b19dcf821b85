"""Sending e-mails to users in their own language.

Templates come in pairs: ``<name>_subject.txt`` and ``<name>.txt`` (and optionally ``.html``).
Sending goes through a background task (django-tasks) so that a slow mail server never slows a
page; in tests the immediate backend sends at once into Django's outbox.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

try:  # Django 6 has the tasks API built in; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task


def render_email(template: str, context: dict, language: str):
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    return " ".join(subject.split()), body, html


@task()
def send_email_task(
    to: str, subject: str, body: str, html: str | None = None, attachments=None
) -> None:
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()


def notify(users, template: str, context: dict, attachments=None) -> int:
    """Render ``template`` for each user in their preferred language and queue the e-mail."""
    sent = 0
    for user in users:
        if not getattr(user, "email", ""):
            continue
        language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
        subject, body, html = render_email(template, {**context, "user": user}, language)
        send_email_task.enqueue(user.email, subject, body, html, attachments)
        sent += 1
    return sent


def notify_address(email: str, language: str, template: str, context: dict, attachments=None):
    """Same as notify(), for someone without an account (a registration by e-mail only)."""
    subject, body, html = render_email(template, context, language)
    send_email_task.enqueue(email, subject, body, html, attachments)
