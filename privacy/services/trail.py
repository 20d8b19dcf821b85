"""Removing personal data from the audit trail (django-auditlog) when the record it describes is
anonymised or erased: the entries stay (something changed, when, by whom), their content goes
(the values before and after, the record's name).

Called by the anonymisation of event and intervision registrations and by account erasure; never
deletes an entry (the retention policy of ``auditlog.LogEntry`` does, after its period).
"""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Value
from django.db.models.functions import Concat


def scrub_audit_trail(model, pks) -> int:
    """Empty the content of the audit entries of ``model`` rows whose primary key is in ``pks``
    (a list or a ``values("pk")`` queryset); returns how many entries were scrubbed."""
    content_type = ContentType.objects.get_for_model(model)
    return LogEntry.objects.filter(content_type=content_type, object_id__in=pks).update(
        changes=None,
        changes_text="",
        serialized_data=None,
        object_repr=Concat(Value("#"), F("object_pk")),
    )
