"""The coordinators' audit trail (``core.views.audit_log``): a page of auditlog entries with
their changes made readable.

django-auditlog's ``changes_display_dict`` shows a foreign key as its target's name, fetched
with one query per changed key of every entry (the page's query count grew with its rows).
``with_changes`` reads the targets of a whole page first, one query per target model (their
own foreign keys joined, as their names often use them), then lets auditlog format the
changes with those names: the same display, a constant number of queries. Each value is then
made the string the page shows (``lines``: a dash, yes or no, or the text shortened), instead of
an included template per value. Reads only.
"""

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.template.defaultfilters import yesno
from django.utils.encoding import smart_str
from django.utils.text import Truncator
from django.utils.translation import gettext as _

PER_PAGE = 50
#: A value longer than this is shortened on the page.
SHORT = 120


def entries(model: str = ""):
    """The newest entries first; ``model`` keeps the changes of one kind of record."""
    found = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp")
    if model in {"organization", "user", "membership"}:
        found = found.filter(content_type__model=model)
    return found


def _fk_fields(entry) -> list:
    """(field, stored value) of the entry's changed foreign keys."""
    model = entry.content_type.model_class()
    if model is None:
        return []
    found = []
    for name, values in entry.changes_dict.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey) and not getattr(field, "choices", None):
            found.extend((field, str(value)) for value in values)
    return found


def _targets(page_entries) -> dict:
    """related model -> {pk: name}, one query per model for the whole page."""
    wanted: dict = {}
    for entry in page_entries:
        for field, value in _fk_fields(entry):
            if value == "None":
                continue
            try:
                pk = field.related_model._meta.pk.to_python(value)
            except ValidationError:
                continue
            wanted.setdefault(field.related_model, set()).add(pk)
    names = {}
    for related, pks in wanted.items():
        joined = [
            f.name
            for f in related._meta.concrete_fields
            if isinstance(f, models.ForeignKey)  # one level: a name such as "tree v2"
        ]
        rows = related._default_manager.select_related(*joined).in_bulk(list(pks))
        names[related] = {pk: smart_str(obj) for pk, obj in rows.items()}
    return names


def with_changes(page_entries) -> list:
    """The entries, each with ``changes``: auditlog's display dict, names read beforehand."""
    names = _targets(page_entries)

    def fk_display(field, value):
        if value == "None":
            return value
        try:
            pk = field.related_model._meta.pk.to_python(value)
        except ValidationError:
            return value
        known = names.get(field.related_model, {})
        if pk in known:
            return known[pk]
        return _("Deleted item (%(model)s %(id)s)") % {
            "model": field.related_model._meta.verbose_name,
            "id": value,
        }

    shown = list(page_entries)
    for entry in shown:
        # Shadows auditlog's method on this instance only: its lookup per key is the one
        # replaced by the page's names above.
        entry._get_changes_display_for_fk_field = fk_display
        entry.changes = entry.changes_display_dict
        entry.lines = [
            (field, _shown(_nth(change, 0)), _shown(_nth(change, 1)))
            for field, change in entry.changes.items()
        ]
    return shown


def _nth(change, index):
    """``change.0`` as the template language read it (a dict by key, a list by index)."""
    if isinstance(change, dict):
        return change.get(str(index))
    try:
        return change[index]
    except (IndexError, KeyError, TypeError):
        return None


def _shown(value) -> str:
    """A value as the page shows it: a dash for nothing, yes or no, long texts shortened (done
    here rather than by an included template per value: 1,400 includes on a page of 50)."""
    if not value or value == "None":
        return "—"
    if value == "True":
        return yesno(True)
    if value == "False":
        return yesno(False)
    return Truncator(str(value)).chars(SHORT)
