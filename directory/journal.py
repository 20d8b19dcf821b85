"""The journal of a sheet: its change log (``ChangeRecord``) made readable for the people who
keep the sheet — field labels in the reader's language instead of field names, values as they
are shown on the sheet (choices, opening hours, categories, municipalities), empty values as
"added" or "removed" rather than "None → ...", and long texts shortened (the whole text stays
one click away).

Reads only; the change log itself is written by ``directory.services``.
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from territory.models import Basin, Municipality

from .hours import HoursError, format_ranges, parse_ranges
from .models import (
    LANGUAGE_NAMES,
    AccessMode,
    Address,
    ChangeRecord,
    Location,
    Organization,
    Phone,
    Service,
    TaxonomyTerm,
)

#: Values longer than this are shortened in the table (the full text is in a <details>).
SHORT = 90
LANGUAGE_SUFFIXES = {"fr": _("French"), "nl": _("Dutch"), "en": _("English")}
#: Names of the change log that are not model fields.
EXTRA_LABELS = {
    "hours": _("opening hours"),
    "phones": _("phones"),
    "terms": _("categories"),
    "area_municipalities": _("municipalities served"),
    "area_basins": _("basins served"),
    "merged_into": _("merged into"),
    "merged": _("merged record"),
    "organization": _("organization"),
    "parent_id": _("parent organization"),
    "publication_status": _("publication"),
}
MODELS = {"service": Service, "organization": Organization, "location": Location}
ACTIONS = dict(ChangeRecord.Action.choices)
PUBLICATION = {"draft": _("Draft"), "published": _("Published"), "archived": _("Archived")}


@dataclass
class Row:
    record: ChangeRecord
    what: str  # the sheet the line is about (a service or place name), on an organization's
    label: str
    kind: str  # "added", "removed", "changed", "verified"
    before: str
    after: str

    @property
    def before_short(self) -> str:
        return Truncator(self.before).chars(SHORT)

    @property
    def after_short(self) -> str:
        return Truncator(self.after).chars(SHORT)

    @property
    def shortened(self) -> bool:
        return len(self.before) > SHORT or len(self.after) > SHORT


def _model_field(resource_type: str, name: str):
    model = MODELS.get(resource_type)
    for candidate in [model, Address] if resource_type == "location" else [model]:
        if candidate is None:
            continue
        try:
            return candidate._meta.get_field(name)
        except FieldDoesNotExist:
            continue
    return None


def field_label(resource_type: str, name: str) -> str:
    """ "Description (Dutch)" for ``description_nl``; the field's own label otherwise."""
    base, _sep, suffix = name.rpartition("_")
    if suffix in LANGUAGE_SUFFIXES and base:
        return f"{field_label(resource_type, base)} ({LANGUAGE_SUFFIXES[suffix]})"
    if name in EXTRA_LABELS:
        return str(EXTRA_LABELS[name])
    field = _model_field(resource_type, name)
    if field is None:
        return name.replace("_", " ")
    return str(field.verbose_name)


class Lookups:
    """Names of what the change log stores by id or code (terms, municipalities, basins), read
    once per page."""

    def __init__(self, records):
        term_ids, nis, basins = set(), set(), set()
        for r in records:
            for value in (r.previous_value, r.replacement_value):
                items = [v.strip() for v in value.split(",") if v.strip()]
                if r.field_name == "terms":
                    term_ids.update(items)
                elif r.field_name == "area_municipalities":
                    nis.update(items)
                elif r.field_name == "area_basins":
                    basins.update(items)
        self.terms = {
            str(t.pk): t.name for t in TaxonomyTerm.objects.filter(pk__in=_uuids(term_ids))
        }
        self.municipalities = {
            m.nis_code: m.name for m in Municipality.objects.filter(nis_code__in=nis)
        }
        self.basins = {b.code: b.name for b in Basin.objects.filter(code__in=basins)}


def _uuids(values):
    out = []
    for value in values:
        try:
            out.append(uuid.UUID(value))
        except ValueError:
            continue
    return out


def _names(value: str, names: dict) -> str:
    items = [v.strip() for v in value.split(",") if v.strip()]
    return ", ".join(str(names.get(item, item)) for item in items)


def display_value(record: ChangeRecord, value: str, lookups: Lookups) -> str:
    """A stored value as the sheet would show it; "" for nothing."""
    if value in ("", "None", "[]"):
        return ""
    name = record.field_name
    if name == "hours":
        try:
            return format_ranges(parse_ranges(value), language=get_language() or "fr")
        except HoursError:
            return value
    if name == "phones":
        for code, label in Phone.Audience.choices:
            value = value.replace(f"[{code}]", f"({label})")
        return value
    if name == "terms":
        return _names(value, lookups.terms)
    if name == "area_municipalities":
        return _names(value, lookups.municipalities)
    if name == "area_basins":
        return _names(value, lookups.basins)
    if name == "languages":
        return _names(value, LANGUAGE_NAMES)
    if name in ("access_beneficiary", "access_professional"):
        return _names(value, dict(AccessMode.choices))
    if name == "publication_status":
        return str(PUBLICATION.get(value, value))
    if value in ("True", "False"):
        return str(_("yes") if value == "True" else _("no"))
    field = _model_field(record.resource_type, name)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return value


def rows(records, names: dict | None = None) -> list[Row]:
    """Readable lines of these change records; ``names`` maps a resource id to what to call it
    (a service or a place on an organization's journal)."""
    records = list(records)
    lookups = Lookups(records)
    out = []
    for record in records:
        before = display_value(record, record.previous_value, lookups)
        after = display_value(record, record.replacement_value, lookups)
        if record.last_action_type == ChangeRecord.Action.CREATE:
            if not after:
                continue  # an empty field of a new sheet: nothing to say
            before, kind = "", "added"
        elif record.last_action_type == ChangeRecord.Action.VERIFY:
            kind = "verified"
        elif not before and not after:
            continue
        elif not before:
            kind = "added"
        elif not after:
            kind = "removed"
        else:
            kind = "changed"
        out.append(
            Row(
                record=record,
                what=(names or {}).get(record.resource_id, ""),
                label=field_label(record.resource_type, record.field_name),
                kind=kind,
                before=before,
                after=after,
            )
        )
    return out
