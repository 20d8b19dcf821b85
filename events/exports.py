"""Lists of registrants as rows, CSV and Excel (openpyxl). Never writes the database."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.tabular import csv_text, xlsx_bytes


def header() -> list[str]:
    return [
        _("Name"),
        _("E-mail"),
        _("Organization"),
        _("Status"),
        _("Waiting position"),
        _("Options"),
        _("Table"),
        _("Registered at"),
        _("Present"),
    ]


def rows(registrations) -> list[list]:
    """One row per registration; the waiting position is counted here, in the waiting list's
    order (created_at, pk), not with one query per row."""
    registrations = list(registrations)
    waiting = sorted(
        (r for r in registrations if r.booking_id and r.booking.is_waiting),
        key=lambda r: (r.booking.created_at, r.booking.pk),
    )
    position = {r.pk: index for index, r in enumerate(waiting, start=1)}
    result = []
    for r in registrations:
        result.append(
            [
                r.name,
                r.email,
                r.organization_label,
                str(r.get_status_display()),
                position.get(r.pk, ""),
                ", ".join(str(b.resource) for b in r.option_bookings.all() if b.is_confirmed),
                str(r.table) if r.table_id else "",
                timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
                str(_("yes")) if r.checked_in_at else "",
            ]
        )
    return result


def to_csv(registrations) -> str:
    return csv_text(header(), rows(registrations))


def to_xlsx(registrations, title: str) -> bytes:
    return xlsx_bytes(header(), rows(registrations), title=title or "registrations")
