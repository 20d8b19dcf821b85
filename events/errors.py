"""EventError: every user-facing message of the events use cases, in one dict."""

from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError


class EventError(ServiceError):
    messages = {
        "no_registration_to_cancel": _("You have no registration for this event."),
        "attendance_not_a_number": _("Please enter a number."),
        "expectation_empty": _("Please describe the expectation."),
        "no_registration": _("This event needs no registration: just come."),
        "registration_not_open": _("Registration opens on %(date)s. Save the date!"),
        "registration_closed": _("Registration for this event is closed."),
        "already_registered": _("This e-mail address is already registered for this event."),
        "consent_required": _("Please accept that we keep your data for this event."),
        "cancellation_closed": _(
            "The cancellation deadline has passed. Please contact the organizer."
        ),
        "already_cancelled": _("This registration was already cancelled."),
        "invalid_token": _("This link is invalid or has expired."),
        "not_allowed": _("Only the organizers of this event can do this."),
        "decline_reason_required": _("Please give the reason why this expectation is declined."),
        "report_empty": _("The minutes are empty."),
        "no_tables": _("Create the conversation tables first."),
        "option_unknown": _("This option does not belong to the event."),
        "option_above_event": _(
            "An option cannot have more seats (%(option)s) than the event (%(event)s)."
        ),
        "check_in_too_early": _("Check-in opens on the day of the event (%(date)s)."),
        "count_below_checkins": _(
            "%(checked_in)s people are checked in: the count cannot be lower."
        ),
        "organization_required": _(
            "This meeting is for professionals: please tell us which organization you work for."
        ),
    }
