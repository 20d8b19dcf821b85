"""The one exception type of the intervisions use cases, with every user-facing message.

Views show ``error.message``; they never compose an error text themselves.
"""

from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError


class IntervisionError(ServiceError):
    messages = {
        "registration_closed": _("Registration for this cycle is closed."),
        "already_registered": _(
            "Someone is already registered for this cycle with the e-mail address %(email)s. "
            "If it is you, use the link in your confirmation e-mail; otherwise contact the "
            "coordinators."
        ),
        "no_commitment": _("Participants commit to the whole cycle: please confirm it."),
        "no_consent": _("Please accept the data policy to register."),
        "no_preferences": _("Please choose at least one group."),
        "duplicate_preference": _("The same group is chosen twice."),
        "unknown_group": _("One of the chosen groups does not belong to this cycle."),
        "group_cancelled": _("The group %(group)s is cancelled."),
        "other_language": _("The group %(group)s does not work in the chosen language."),
        "no_sector": _("Choose the sector you work in."),
        "no_institution": _("Choose your institution in the directory or propose a new one."),
        "not_allowed": _("You are not allowed to do this."),
        "invalid_transition": _("A registration cannot go from “%(old)s” to “%(new)s”."),
        "already_published": _("The groups of this cycle are already published."),
        "not_published": _("The groups of this cycle are not published yet."),
        "nothing_to_publish": _("Compose the groups (or place people by hand) before publishing."),
        "no_groups": _("This cycle has no group yet."),
        "composition_failed": _("The groups cannot be composed: %(detail)s"),
        "group_full": _("The group %(group)s is full."),
        "group_has_room": _("The group %(group)s still has room: move the person into it instead."),
        "not_active": _("This registration is withdrawn or refused."),
        "not_placed": _("This person has no group."),
        "not_waiting": _("This person is not on a waiting list."),
        "scheduling": _("The calendar cannot be generated: %(detail)s"),
        "no_sessions": _("Generate the session calendar first."),
        "not_in_group": _("This person is not a member of the group."),
        "attendance_started": _(
            "Attendance has been recorded for this group: the calendar cannot be regenerated."
        ),
        "free_cycle": _("This cycle is free: there is no invoice."),
        "already_paid": _("This invoice is already paid."),
        "nothing_attended": _("No attendance recorded for this person."),
        "anonymised": _("The personal data of this registration has been anonymised."),
        "invalid_status": _("Unknown status."),
        "no_issuer": _(
            "Fill in who issues the invoices (name, address, enterprise number, IBAN and BIC) "
            "before issuing any."
        ),
        "invalid_reason": _("Choose the reason of the credit note."),
        "already_credited": _("The invoice %(number)s is already cancelled by a credit note."),
        "session_not_started": _(
            "This session has not started yet: attendance can be recorded from %(start)s."
        ),
        "no_session_held": _(
            "No session of this group has taken place yet: there is no certificate before the "
            "first session."
        ),
        "group_ends_before_start": _("The group must end after it starts."),
        "same_facilitator": _(
            "The two facilitators of a group are two different people (one social, one mental "
            "health)."
        ),
        "nothing_selected": _("Select at least one registration."),
        "too_many_selected": _("Select at most %(max)s registrations at once."),
        "unknown_registration": _(
            "One of the selected registrations does not belong to this cycle: nothing was changed."
        ),
        "place_twice": _(
            "Choose a place of the host institution or type another address, not both."
        ),
        "place_not_host": _("This place is not one of the host institution's."),
        "place_too_long": _("At most %(max)s characters."),
        "capacity_below": _(
            "The group %(group)s already has more people than the new maximum size."
        ),
    }
