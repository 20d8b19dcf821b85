"""Reports (minutes) and the follow-up of expectations and actions.

Publishing a report notifies the session's participants once. HTML is always sanitised here,
whatever the form (or the rich-text editor) sent: nh3 is the last step before saving.
Removing an attachment deletes its file too; the audit log (django-auditlog) keeps who did it.
"""

from django.db import transaction
from django.utils import timezone

from core.links import link
from core.notifications import notify_address
from core.uploads import check_document, random_name

from ..errors import EventError
from ..models import Action, Expectation, Report, ReportAttachment
from ..sanitize import clean_html, has_text
from .organizing import SYSTEM, _require, person


def save_report(event, body: str, *, user=None) -> Report:
    _require(user, event)
    body = clean_html(body)
    if not has_text(body):
        raise EventError("report_empty")
    report, _ = Report.objects.update_or_create(
        event=event, defaults={"body": body, "author": person(user)}
    )
    return report


def add_attachment(report: Report, *, title: str, file, user=None) -> ReportAttachment:
    """Store a checked document under a random name (core.uploads); raises UploadError."""
    _require(user, report.event)
    file.name = random_name(check_document(file))
    return ReportAttachment.objects.create(report=report, title=title.strip(), file=file)


def remove_attachment(attachment: ReportAttachment, *, user=None) -> None:
    """Remove an attachment of a report and its stored file (organizers only)."""
    _require(user, attachment.report.event)
    stored = attachment.file.name
    storage = attachment.file.storage
    with transaction.atomic():
        attachment.delete()
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))


def publish_report(report: Report, *, user=None) -> int:
    """Publish (once) and notify the participants; returns the number of e-mails queued."""
    event = report.event
    _require(user, event)
    with transaction.atomic():
        first = Report.objects.filter(pk=report.pk, published_at__isnull=True).update(
            published_at=timezone.now()
        )
    report.refresh_from_db()
    if not first:
        return 0
    context = {"event": event, "report_url": link(event)}
    sent = 0
    for registration in event.registrations.confirmed().select_related("user"):
        language = (
            registration.user.preferred_language if registration.user_id else registration.language
        )
        notify_address(
            registration.email,
            language or "fr",
            "events/email/report_published",
            {**context, "registration": registration},
        )
        sent += 1
    return sent


def add_expectation(event, text: str, *, theme=None, raised_by: str = "", user=None) -> Expectation:
    _require(user, event)
    return Expectation.objects.create(
        event=event, text=text.strip(), theme=theme or event.theme, raised_by=raised_by.strip()
    )


def set_expectation_status(expectation: Expectation, status: str, note: str = "", *, user=None):
    """The one door for an expectation's status; declining needs a reason."""
    _require(user, expectation.event)
    if status == Expectation.Status.DECLINED and not note.strip():
        raise EventError("decline_reason_required")
    expectation.status = status
    expectation.status_note = note.strip()
    expectation.status_changed_at = timezone.now()
    expectation.save(update_fields=["status", "status_note", "status_changed_at"])
    return expectation


def can_edit_actions(user) -> bool:
    """Actions already in the action plan are edited by coordinators."""
    return bool(getattr(user, "is_authenticated", False)) and user.is_coordinator


def save_action(action: Action, expectations=(), *, user=None) -> Action:
    """Save an action and link it to expectations (which become "taken up" if still to examine).
    A new action: coordinators, or the organizers of the sessions whose expectations it
    answers. An existing one (status, due date, owner): coordinators only."""
    if user is not SYSTEM:
        if action.pk:
            if not can_edit_actions(user):
                raise EventError("not_allowed")
        elif not getattr(user, "is_authenticated", False):
            raise EventError("not_allowed")
        elif not user.is_coordinator:
            organizer_ids = {e.event.organizer_id for e in expectations}
            if not organizer_ids or not organizer_ids <= user.organization_ids():
                raise EventError("not_allowed")
    with transaction.atomic():
        action.save()
        if expectations:
            action.expectations.add(*expectations)
            Expectation.objects.filter(
                pk__in=[e.pk for e in expectations], status=Expectation.Status.TO_EXAMINE
            ).update(status=Expectation.Status.TAKEN_UP, status_changed_at=timezone.now())
    return action
