"""Demo data of the privacy app: consents of the demo accounts (five professionals, pro01 to
pro05, accepted only the former version, so that signing in as one of them shows the "our data
policy has changed" page), a few reads of lists of people by a coordinator, and one dry run of
the retention job so that the coordinators' page has a history.

Used by ``manage.py load_demo`` only; writes no personal data beyond the demo accounts'.
"""

from django.contrib.contenttypes.models import ContentType

from .models import Consent, ReadLog
from .services.retention import apply_retention
from .versions import HISTORY, current_version


def load(rng, context, stdout=None) -> dict:
    users = [
        *context.get("coordinators", []),
        *context.get("facilitators", []),
        *context.get("professionals", []),
    ]
    old = HISTORY[-2][0] if len(HISTORY) > 1 else current_version()
    outdated = {u.pk for u in users if u.email.split("@")[0] in {f"pro0{i}" for i in range(1, 6)}}
    Consent.objects.bulk_create(
        Consent(
            user=u,
            version=old if u.pk in outdated else current_version(),
            context=Consent.Context.SIGNUP,
        )
        for u in users
    )
    reads = 0
    coordinators = context.get("coordinators") or []
    if coordinators:
        from events.models import Event

        content_type = ContentType.objects.get_for_model(Event)
        for event in Event.objects.filter(registrations__isnull=False).distinct()[:3]:
            for fmt in (ReadLog.Format.PAGE, ReadLog.Format.CSV):
                ReadLog.objects.create(
                    reader=coordinators[0],
                    list_name="event_registrants",
                    fmt=fmt,
                    content_type=content_type,
                    object_id=str(event.pk),
                    object_label=str(event)[:255],
                )
                reads += 1
    run = apply_retention(dry_run=True)
    if stdout:
        stdout.write(
            f"  privacy: {len(users)} consents ({len(outdated)} to renew), {reads} reads of "
            f"lists, a dry run of the retention job ({run.total} rows due)"
        )
    return {}
