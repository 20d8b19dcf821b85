"""Every user-facing error message of the open doors week, in one place."""

from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError


class OpenDoorsError(ServiceError):
    messages = {
        "call_closed": _("The call to services is closed for this edition."),
        "not_member": _("You can only act for a service of an organization you belong to."),
        "already_enrolled": _("This service already takes part in this edition."),
        "not_editable": _("This service's answer can no longer be changed."),
        "reason_required": _("Please give a reason: the host will read it."),
        "slot_outside_week": _("The day must be within the week (%(first)s to %(last)s)."),
        "slot_times": _("The visit must end after it starts."),
        "slot_capacity": _("A slot welcomes between 1 and %(max)s visitors."),
        "slot_place": _("The place must belong to the service's organization."),
        "slot_has_visitors": _("This slot already has visitors: it cannot be deleted."),
        "booking_closed": _("Booking is not open for this edition."),
        "not_in_programme": _("This visit is not in the programme."),
        "overlap": _("This visit overlaps your visit “%(other)s”."),
        "travel": _(
            "Your visit “%(other)s” is in another municipality: leave at least %(minutes)s "
            "minutes between two visits."
        ),
        "same_service": _("You already visit this service (“%(other)s”)."),
        "per_person": _("You already have %(max)s visits, the most allowed for this edition."),
        "per_service": _("This service already welcomes its maximum of %(max)s visitors."),
        "full": _("Sorry, this visit is full and has no waiting list."),
        "already_booked": _("You already booked this visit (or are on its waiting list)."),
        "busy": _("Many people are booking at the same time. Please try again in a moment."),
        "too_late_to_cancel": _(
            "It is too late to cancel online (less than %(hours)s hours before): please contact "
            "the host."
        ),
        "not_yours": _("This visit is not yours."),
        "not_active": _("This visit is already cancelled."),
        "not_host": _("Only the host service's members can do this."),
        "not_after_visit": _("Attendance can be recorded once the visit has started."),
        "not_attended": _("You can evaluate a visit you took part in, after it."),
        "already_evaluated": _("You already evaluated this visit. Thank you!"),
        "wish_round_closed": _("The wish round is not open."),
        "too_many_wishes": _("At most %(max)s wishes."),
        "duplicate_rank": _("Each rank can be given once."),
        "wish_round_state": _("This step of the wish round is not possible now."),
        "message_empty": _("The message is empty."),
    }
