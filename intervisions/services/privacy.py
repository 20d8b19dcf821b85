"""Anonymisation of registrations once a cycle has ended (plus its retention delay), and the
statistics that survive it (sector, municipality, institution type, institution).

Anonymisation replaces names, e-mail, phone and function by placeholders, cuts the link to the
user account and writes one audit-log entry per registration. It never deletes a row: invoices
and statistics keep pointing at the registration. These functions are the actions of the
``intervisions.Registration`` policy declared in ``intervisions/retention.py``, run by the
platform's retention job (``manage.py apply_retention``) and by account erasure.
"""

from collections import Counter

from auditlog.models import LogEntry
from django.db import transaction
from django.utils import timezone

from privacy.services.trail import scrub_audit_trail

from ..models import Cycle, Registration

PLACEHOLDER = "—"


def anonymise_registration(registration: Registration, now=None, *, reason: str = "") -> None:
    """Anonymise one registration (locked by the caller's transaction)."""
    now = now or timezone.now()
    registration.first_name = PLACEHOLDER
    registration.last_name = PLACEHOLDER
    registration.email = f"anonymised-{registration.pk}@invalid"
    registration.phone = ""
    registration.function = ""
    registration.user = None
    registration.anonymised_at = now
    registration.save()
    scrub_audit_trail(Registration, [registration.pk])
    LogEntry.objects.log_create(
        registration,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes={"anonymised_at": ["None", now.isoformat()]},
        additional_data={"intervisions": reason or "anonymised after the end of the cycle"},
    )


@transaction.atomic
def anonymise_cycle(cycle: Cycle) -> int:
    now = timezone.now()
    count = 0
    for registration in cycle.registrations.personal().select_for_update():
        anonymise_registration(registration, now)
        count += 1
    cycle.anonymised_at = now
    cycle.save(update_fields=["anonymised_at"])
    return count


def anonymise_ended_cycles(*, today=None) -> dict[int, int]:
    """The scheduled job: anonymise every cycle whose end + retention delay has passed."""
    today = today or timezone.localdate()
    return {cycle.pk: anonymise_cycle(cycle) for cycle in Cycle.objects.to_anonymise(today)}


def statistics(cycle: Cycle) -> dict:
    """Counts of participants (accepted registrations) that survive anonymisation."""
    rows = cycle.registrations.filter(status=Registration.Status.ACCEPTED).select_related(
        "municipality"
    )
    rows = list(rows)
    from directory.models import Organization, Sector

    sectors = dict(Sector.choices)
    types = dict(Organization.LegalStatus.choices)
    return {
        "total": len(rows),
        "by_sector": Counter(str(sectors.get(r.sector, r.sector)) for r in rows).most_common(),
        "by_municipality": Counter(
            r.municipality.name if r.municipality else "?" for r in rows
        ).most_common(),
        "by_institution_type": Counter(
            str(types.get(r.institution_type, r.institution_type or "?")) for r in rows
        ).most_common(),
    }
