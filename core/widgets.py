"""The searchable picker: choose one row among thousands (3,200 organizations) without sending
them all to the browser.

``SearchChoiceField`` is a ``ModelChoiceField`` whose widget, ``SearchSelect``, renders:

- when the field's queryset is short (``SHORT`` rows or fewer, e.g. "my organizations"): a plain
  ``<select>`` of all of them;
- otherwise a search box, a "Search" button and a ``<select>`` holding only the chosen row and,
  after a search, the rows found. Without JavaScript the button submits the form: the field then
  answers with a form error ("choose in the list") and the list filled, every typed value kept.
  ``maillage/static/js/picker.js`` turns the box into an ARIA combobox fed by the JSON endpoint
  (``core:picker``) and hides the button and the select.

The chosen id is always validated on the server against the field's queryset (a bad, huge or
unknown id is a form error). Rows come from a ``core.pickers`` source named by the field, so
core never imports the app that owns them. Never writes anything.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import pickers
from .textfold import fold

#: A queryset of at most this many rows is shown as a plain drop-down.
SHORT = 30
#: Suffixes of the extra inputs: the search text and the "Search" button.
QUERY_SUFFIX, LOOKUP_SUFFIX = "_q", "_lookup"
SELECT_TEMPLATE = "django/forms/widgets/select.html"


class SearchSelect(forms.Select):
    template_name = "core/widgets/search_select.html"

    def __init__(self, source: str, attrs=None):
        super().__init__(attrs)
        self.source = source
        self.query = ""
        self.lookup = False

    def use_required_attribute(self, initial):
        # The <select> is hidden once the script runs: a browser could not point at it.
        return False

    def value_from_datadict(self, data, files, name):
        self.query = " ".join(str(data.get(name + QUERY_SUFFIX) or "").split())[: pickers.MAX_QUERY]
        self.lookup = bool(data.get(name + LOOKUP_SUFFIX))
        return super().value_from_datadict(data, files, name)

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        template = SELECT_TEMPLATE if context["widget"]["short"] else self.template_name
        return self._render(template, context, renderer)

    def get_context(self, name, value, attrs):
        field = self.choices.field
        queryset = field.queryset
        if queryset.order_by().values("pk")[: SHORT + 1].count() <= SHORT:
            context = super().get_context(name, value, attrs)
            context["widget"]["short"] = True
            return context
        context = forms.Widget.get_context(self, name, value, attrs)
        context["widget"]["short"] = False
        source = field.source
        chosen = field.instance_for(value)
        # A search (the button, or text typed without choosing) lists what it found and
        # selects only an exact name; otherwise the list holds only the chosen row.
        searching = bool(self.query) and (self.lookup or chosen is None)
        rows = source.find(queryset, self.query) if searching else [chosen] if chosen else []
        if searching and not self.lookup:
            chosen = field.exact(rows, self.query)  # what clean() took from the typed name
        widget = context["widget"]
        widget["options"] = [
            {
                "value": str(row.pk),
                "label": field.label_from_instance(row),
                "detail": source.describe(row),
                "selected": chosen is not None and row == chosen,
            }
            for row in rows
        ]
        widget["found"] = len(rows) if searching else 0
        widget["query"] = (
            self.query if searching or not chosen else field.label_from_instance(chosen)
        )
        widget["searched"] = searching
        widget["query_name"] = name + QUERY_SUFFIX
        widget["lookup_name"] = name + LOOKUP_SUFFIX
        widget["url"] = reverse("core:picker", args=[self.source])
        widget["min_chars"] = 2
        widget["describedby"] = widget["attrs"].get("aria-describedby", "")
        return context


class SearchChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` searched on the server (see the module docstring)."""

    default_error_messages = {
        "choose": _("Several results: choose one in the list."),
        "not_found": _("Nothing found for “%(query)s”: check the spelling or type fewer letters."),
        "choose_after_search": _(
            "Type a few letters of the name, search, then choose in the list."
        ),
    }

    def __init__(self, queryset=None, *, source: str, **kwargs):
        self.source_name = source
        kwargs.setdefault("widget", SearchSelect(source))
        kwargs.setdefault("empty_label", _("— search, then choose —"))
        super().__init__(queryset, **kwargs)

    @property
    def source(self) -> pickers.PickerSource:
        found = pickers.get(self.source_name)
        if found is None:
            raise LookupError(f"No picker source named {self.source_name!r}")
        return found

    def _get_queryset(self):
        if self._queryset is None:
            return self.source.queryset()
        return self._queryset

    queryset = property(_get_queryset, forms.ModelChoiceField._set_queryset)

    def instance_for(self, value):
        """The row of the queryset with this id, or None (bad, huge or unknown ids included)."""
        if value in self.empty_values or isinstance(value, (list, dict)):
            return None
        if isinstance(value, self.queryset.model):
            value = value.pk
        try:
            key = self.queryset.model._meta.pk.to_python(value)
            return self.queryset.filter(pk=key).first()
        except (ValidationError, ValueError, TypeError, OverflowError):
            return None

    def exact(self, rows, query: str):
        """The only row of ``rows`` named exactly ``query`` (accents and case aside), or None."""
        named = [row for row in rows if fold(self.label_from_instance(row)) == fold(query)]
        return named[0] if len(named) == 1 else None

    def clean(self, value):
        widget = self.widget
        if self.disabled or not isinstance(widget, SearchSelect):
            return super().clean(value)
        if widget.lookup or (value in self.empty_values and widget.query):
            return self._resolve(widget.query)
        if value in self.empty_values:
            return super().clean(value)
        row = self.instance_for(value)
        if row is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        self.validate(row)
        self.run_validators(row)
        return row

    def _resolve(self, query: str):
        """Typed text without a chosen row: one exact name is taken, else the person chooses."""
        if not query:
            raise ValidationError(
                self.error_messages["choose_after_search"], code="choose_after_search"
            )
        found = self.source.find(self.queryset, query)
        exact = self.exact(found, query)
        if exact is not None and not self.widget.lookup:
            return exact
        if found:
            raise ValidationError(self.error_messages["choose"], code="choose")
        raise ValidationError(
            self.error_messages["not_found"], code="not_found", params={"query": query}
        )
