"""The open doors section of the "my registrations" page (core.my_registrations): the visits a
signed-in professional booked or waits for. Read-only; cancelling stays on "my visits"."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.my_registrations import Section

from .models import Visit


def section(user) -> Section:
    visits = (
        Visit.objects.active()
        .filter(visitor=user)
        .select_related(
            "slot__participation__service__organization", "slot__location", "booking__resource"
        )
        .prefetch_related("slot__location__addresses")
        .order_by("slot__day", "slot__start_time")
    )
    return Section(
        key="opendoors",
        title=_("Open doors visits"),
        template="opendoors/_my_registrations.html",
        items=list(visits),
        links=[
            (_("My visits: cancel, evaluate, PDF"), reverse("opendoors:my_visits")),
            (_("Programme"), reverse("opendoors:programme")),
        ],
    )
