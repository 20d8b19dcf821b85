"""Forms of the invoicing pages: the issuer's details and the credit note's reason. Thin: the
identifiers are normalised here for the form's errors and checked again by the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from .models import CreditNote, InvoiceIssuer
from .models.issuer import DEFAULT_VAT_MENTION
from .validators import normalise_bic, normalise_enterprise_number, normalise_iban


class IssuerForm(forms.ModelForm):
    class Meta:
        model = InvoiceIssuer
        fields = [
            "name",
            "address",
            "enterprise_number",
            "iban",
            "bic",
            "vat_mention_fr",
            "vat_mention_nl",
            "vat_mention_en",
            "payment_days",
            "email",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"address": _("Street and number, postal code and city, on two lines.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for lang in ("fr", "nl"):
            self.fields[f"vat_mention_{lang}"].required = True
        # Typed as people write it ("BE 0403 170 701"), stored normalised ("0403.170.701"):
        # the stored length must not refuse the typed one.
        number = self.fields["enterprise_number"]
        number.max_length = 30
        number.validators = [v for v in number.validators if not isinstance(v, MaxLengthValidator)]
        number.widget.attrs["maxlength"] = "30"
        if self.instance._state.adding:  # (a new issuer already has its pk: row 1)
            for lang, text in DEFAULT_VAT_MENTION.items():
                if not self.initial.get(f"vat_mention_{lang}"):
                    self.initial[f"vat_mention_{lang}"] = text

    def _normalised(self, name, normalise):
        value = self.cleaned_data[name]
        try:
            return normalise(value) if value else value
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None

    def clean_enterprise_number(self):
        return self._normalised("enterprise_number", normalise_enterprise_number)

    def clean_iban(self):
        return self._normalised("iban", normalise_iban)

    def clean_bic(self):
        return self._normalised("bic", normalise_bic)


class CreditNoteForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=CreditNote.Reason.choices, widget=forms.RadioSelect
    )
