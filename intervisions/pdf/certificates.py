"""The attendance certificate PDF: organizer, cycle and its dates, group, facilitators, sessions
attended out of the total with their dates (held sessions only: ``certificate_facts``).

Printed in the participant's language whoever downloads it. Returns bytes; never writes to the
database.
"""

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from ..services.notifications import language_of
from .base import day, document, header_block, line, title


def certificate(facts) -> bytes:
    """``facts``: an ``intervisions.services.attendance.CertificateFacts``."""
    with translation.override(language_of(facts.registration)):
        return _certificate(facts)


def _certificate(facts) -> bytes:
    registration = facts.registration
    cycle, group = registration.cycle, registration.group
    pdf = document(_("Attendance certificate"), facts.organizer, footer=facts.organizer)
    header_block(pdf, facts.organizer, [])
    pdf.ln(10)
    title(pdf, _("Attendance certificate"))
    line(
        pdf,
        _(
            "%(organizer)s certifies that %(name)s (%(institution)s) took part in the intervision cycle:"
        )
        % {
            "organizer": facts.organizer,
            "name": registration.full_name,
            "institution": registration.organization.name,
        },
    )
    pdf.ln(2)
    line(pdf, str(cycle), bold=True)
    line(
        pdf,
        _("From %(first)s to %(last)s, %(total)s sessions of %(minutes)s minutes.")
        % {
            "first": day(facts.first_date),
            "last": day(facts.last_date),
            "total": facts.total,
            "minutes": cycle.session_minutes,
        },
    )
    line(pdf, _("Group: %(group)s") % {"group": group.name})
    if facts.facilitators:
        line(pdf, _("Facilitated by: %(names)s") % {"names": ", ".join(facts.facilitators)})
    pdf.ln(4)
    hours = facts.attended * cycle.session_minutes / 60
    line(
        pdf,
        _("Sessions attended: %(attended)s of %(total)s (%(hours)s hours).")
        % {
            "attended": facts.attended,
            "total": facts.total,
            "hours": formats.number_format(hours, 1),
        },
        bold=True,
    )
    line(
        pdf,
        _("Dates attended: %(dates)s.")
        % {"dates": ", ".join(day(d) for d in facts.attended_dates)},
    )
    if facts.held < facts.total:
        line(
            pdf,
            _("Counted: the %(held)s sessions held so far; %(left)s are still to come.")
            % {"held": facts.held, "left": facts.total - facts.held},
            size=10,
        )
    pdf.ln(10)
    line(
        pdf,
        _("Done on %(date)s, for %(organizer)s.")
        % {"date": day(timezone.localdate()), "organizer": facts.organizer},
    )
    return bytes(pdf.output())
