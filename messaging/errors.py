"""MessagingError: every user-facing message of the messaging use cases, in one dict."""

from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError


class MessagingError(ServiceError):
    messages = {
        "not_allowed": _("Only the coordinators and organizers can write to these participants."),
        "unknown_audience": _("Choose who receives the message from the list."),
        "subject_missing": _("Please write a subject."),
        "subject_too_long": _("The subject is too long: %(length)s characters, at most %(limit)s."),
        "subject_line_break": _("The subject must fit on one line."),
        "body_missing": _("Please write the message."),
        "body_too_long": _("The message is too long: %(length)s characters, at most %(limit)s."),
        "no_recipients": _("Nobody would receive this message: the list is empty."),
        "bad_token": _("This form has expired. Please preview the message again."),
    }
