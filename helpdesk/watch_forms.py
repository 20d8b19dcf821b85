"""Filters of the needs watch (period by month, basin), shared by the page, the CSV export,
the charts and the JSON API. Bad values give a form error, never a 500."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from territory.models import Basin

from .watch_stats import Filters, add_months, month_start

MAX_MONTHS = 36


class WatchFilterForm(forms.Form):
    start = forms.CharField(label=_("From (month)"), required=False, max_length=7)
    end = forms.CharField(label=_("To (month)"), required=False, max_length=7)
    basin = forms.ModelChoiceField(
        label=_("Basin"),
        queryset=Basin.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("All basins"),
    )

    error_messages = {
        "month": _("Give a month as YYYY-MM, for instance 2025-03."),
        "order": _("The first month must come before the last one."),
        "span": _("Choose at most %(max)s months."),
    }

    def _month(self, name):
        value = (self.cleaned_data.get(name) or "").strip()
        if not value:
            return None
        try:
            return month_start(dt.datetime.strptime(value, "%Y-%m").date())
        except ValueError:
            raise forms.ValidationError(self.error_messages["month"], code="month") from None

    def clean_start(self):
        return self._month("start")

    def clean_end(self):
        return self._month("end")

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        default = Filters.default()
        end = cleaned.get("end") or default.end
        start = cleaned.get("start") or add_months(end, -11)
        if start > end:
            raise forms.ValidationError(self.error_messages["order"], code="order")
        if (end.year - start.year) * 12 + end.month - start.month + 1 > MAX_MONTHS:
            raise forms.ValidationError(
                self.error_messages["span"], code="span", params={"max": MAX_MONTHS}
            )
        cleaned["filters"] = Filters(start=start, end=end, basin=cleaned.get("basin"))
        return cleaned


def filters_from(data) -> tuple[WatchFilterForm, Filters | None]:
    form = WatchFilterForm(data or None)
    if not data:
        form = WatchFilterForm({})
    if form.is_valid():
        return form, form.cleaned_data["filters"]
    return form, None
