"""Exports of a cycle's registrations for coordinators (CSV and Excel), same columns, in the
platform's one CSV dialect (``core.tabular``: ``;``, decimal comma, UTF-8 with BOM), like the
event registrants' export.

Personal data: exports are for coordinators only (the views check it); anonymised rows export
their placeholders.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.tabular import csv_text, xlsx_bytes

from . import reasons


def headers() -> list[str]:
    return [
        _("Last name"),
        _("First name"),
        _("E-mail"),
        _("Phone"),
        _("Function"),
        _("Institution"),
        _("Sector"),
        _("Language"),
        _("Preferences"),
        _("Status"),
        _("Group"),
        _("Reason"),
        _("Member"),
        _("Fee (EUR)"),
        _("Registered at"),
    ]


def rows(cycle):
    names = {g.pk: g.name for g in cycle.groups.all()}
    qs = cycle.registrations.select_related("organization", "group").order_by("last_name", "pk")
    for r in qs:
        yield [
            r.last_name,
            r.first_name,
            r.email,
            r.phone,
            r.function,
            r.organization.name,
            r.get_sector_display(),
            r.language.upper(),
            " > ".join(names.get(pk, str(pk)) for pk in r.preferences),
            r.get_status_display(),
            r.group.name if r.group else "",
            reasons.explain(r, names),
            _("yes") if r.is_member else _("no"),
            r.fee,
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
        ]


def to_csv(cycle) -> str:
    return csv_text(headers(), rows(cycle))


def to_xlsx(cycle) -> bytes:
    return xlsx_bytes(headers(), rows(cycle), title=_("Registrations"))
