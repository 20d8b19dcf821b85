"""The change log (HSDS ``metadata``): one ChangeRecord per changed field. Never called for
reads; never stores e-mail addresses of the person in ``updated_by`` (only the display name)."""

from ..models import ChangeRecord


def _display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return ", ".join(sorted(str(v) for v in value))
    return str(value)


def record_changes(user, resource_type: str, resource_id, before: dict, after: dict, action=None):
    """Write one record per field whose value differs; returns the changed field names."""
    changed = []
    name = (user.get_full_name() if user and user.is_authenticated else "") or ""
    records = []
    for field, new in after.items():
        old = before.get(field)
        if action != ChangeRecord.Action.CREATE and _display(old) == _display(new):
            continue
        changed.append(field)
        records.append(
            ChangeRecord(
                resource_type=resource_type,
                resource_id=resource_id,
                last_action_type=action or ChangeRecord.Action.UPDATE,
                field_name=field,
                previous_value=_display(old),
                replacement_value=_display(new),
                updated_by=name,
                user=user if user and user.is_authenticated else None,
            )
        )
    ChangeRecord.objects.bulk_create(records)
    return changed
