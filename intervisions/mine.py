"""What a signed-in person registered for in the intervision cycles: the intervisions section
of the "my registrations" page (core.my_registrations) and the "you are registered" block of
a cycle page. Read-only: never writes, never sends.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.my_registrations import Section

from . import services
from .models import Registration
from .services.calendar import host_address
from .services.composition import waiting_group

ACTIVE = (Registration.Status.PENDING, Registration.Status.ACCEPTED)


def _of(user):
    """The person's registrations still personal (by account, or by the account's address)."""
    return (
        Registration.objects.personal()
        .filter(Q(user=user) | Q(email=(user.email or "").lower()))
        .select_related("cycle", "group__facilitator_social", "group__facilitator_mental_health")
        .select_related("organization")
    )


def describe(registration) -> dict:
    """What the pages show of one registration: its group once published, the sessions with
    date and place, the personal links and the invoice."""
    published = registration.cycle.is_published
    active = registration.status in ACTIVE
    group = registration.group if published and active else None
    sessions = []
    if group is not None:
        for session in group.sessions.select_related("host", "group").order_by("date"):
            sessions.append((session, host_address(session)))
    return {
        "registration": registration,
        "cycle": registration.cycle,
        "group": group,
        "sessions": sessions,
        "waiting": waiting_group(registration) if published and active else None,
        "token": services.page_token(registration),
        "feed_token": services.feed_token(registration),
        "invoice": registration.live_invoice,
        "credited": registration.credited_invoices,
        "is_active": active,
    }


def registration_in(cycle, user) -> dict | None:
    """The person's active registration to this cycle, described, or None."""
    if not user.is_authenticated:
        return None
    registration = _of(user).active().filter(cycle=cycle).first()
    return describe(registration) if registration else None


def section(user) -> Section:
    registrations = _of(user).order_by("-cycle__start_date", "-created_at")
    return Section(
        key="intervisions",
        title=_("Intervision cycles"),
        template="intervisions/_my_registrations.html",
        items=[describe(registration) for registration in registrations],
    )
