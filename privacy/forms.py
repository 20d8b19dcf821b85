"""Forms of the privacy app: accepting the data policy (also added to other apps' forms) and
erasing one's account."""

from django import forms
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


def _consent_label():
    return format_html(
        '{} <a href="{}">{}</a>',
        _("I accept the data policy:"),
        reverse_lazy("privacy:policy"),
        _("what is kept, why and for how long"),
    )


consent_label = lazy(_consent_label, str)


def consent_field(**kwargs) -> forms.BooleanField:
    """The checkbox every form that collects personal data adds (sign-up, registrations)."""
    return forms.BooleanField(label=consent_label(), label_suffix="", required=True, **kwargs)


class AcceptForm(forms.Form):
    accept = consent_field()


class EraseForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        required=False,
        max_length=200,
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is erased for good."), required=False
    )
