"""Lists of registrants as rows, CSV and Excel (openpyxl). Never writes the database."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook


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


def _safe(value):
    # Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def to_csv(registrations) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header())
    for row in rows(registrations):
        writer.writerow([_safe(v) for v in row])
    return out.getvalue()


def to_xlsx(registrations, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = (title or "registrations")[:31].replace("/", "-").replace(":", "-")
    sheet.append(header())
    for row in rows(registrations):
        sheet.append([_safe(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
