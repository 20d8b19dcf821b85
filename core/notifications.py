"""Sending e-mails to users in their own language.

Templates come in pairs: ``<name>_subject.txt`` and ``<name>.txt`` (and optionally ``.html``).
Rules every e-mail follows:

- everything is rendered inside ``translation.override(<recipient's language>)``: the texts, the
  translated content (a cycle's title, a group's name) and the links: give links to templates
  with ``core.links.link()`` (built at render time) or ``{% url %}``, never as strings computed
  before, which would carry the sender's language;
- ``.txt`` templates are plain text: rendered with autoescaping off, so that ``c'est`` or ``<``
  never become ``c&#x27;est`` or ``&lt;``; the optional ``.html`` template keeps autoescaping and
  is sent as an alternative of the plain-text part, never alone.

Sending goes through a background task (django-tasks) so that a slow mail server never slows a
page; in tests the immediate backend sends at once into Django's outbox. This module never
writes the database.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

try:  # Django 6 has the tasks API built in; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task


def language_or_default(language: str | None) -> str:
    """``language`` if the site offers it, else the site's default language."""
    known = {code for code, _name in settings.LANGUAGES}
    return language if language in known else settings.LANGUAGE_CODE


def render_text(template_name: str, context: dict) -> str:
    """Render a plain-text template without HTML escaping (the Django engine's own template)."""
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_email(template: str, context: dict, language: str):
    with translation.override(language_or_default(language)):
        subject = render_text(f"{template}_subject.txt", context).strip()
        body = render_text(f"{template}.txt", context)
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
        language = getattr(user, "preferred_language", "")
        subject, body, html = render_email(template, {**context, "user": user}, language)
        send_email_task.enqueue(user.email, subject, body, html, attachments)
        sent += 1
    return sent


def notify_address(email: str, language: str, template: str, context: dict, attachments=None):
    """Same as notify(), for someone without an account (a registration by e-mail only), in the
    language they registered in."""
    subject, body, html = render_email(template, context, language)
    send_email_task.enqueue(email, subject, body, html, attachments)
