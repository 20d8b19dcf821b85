"""Account forms: the extra sign-up fields, the profile, and asking to join an organization."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.widgets import SearchChoiceField
from privacy.forms import consent_field
from privacy.models import Consent
from privacy.services.consent import record_consent

from .models import User

SPOKEN_LANGUAGES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("de", _("German")),
    ("ar", _("Arabic")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("tr", _("Turkish")),
    ("ro", _("Romanian")),
    ("pl", _("Polish")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("ln", _("Lingala")),
    ("other", _("Other language")),
]


class SignupExtraForm(forms.Form):
    """Fields asked at sign-up on top of e-mail and password (django-allauth hook)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    function = forms.CharField(
        label=_("Function"),
        max_length=120,
        required=False,
        help_text=_("For example: social worker, psychologist, nurse."),
    )

    #: The version of the data policy accepted is recorded (privacy.Consent).
    privacy_consent = consent_field()

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.function = self.cleaned_data["function"]
        user.preferred_language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        user.save()
        record_consent(user, Consent.Context.SIGNUP)


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "function", "phone", "languages", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required here although the model allows blank (accounts created before, by an
        # administrator or a command): organizers and coordinators must know who they meet.
        for name, message in (
            ("first_name", _("Please enter your first name.")),
            ("last_name", _("Please enter your last name.")),
        ):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = message

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 8 or len(digits) > 15):
            raise forms.ValidationError(
                _("Please enter a phone number of 8 to 15 digits, for example 02 123 45 67.")
            )
        return phone


class JoinOrganizationForm(forms.Form):
    #: Published organizations of the directory, by the picker source's name: accounts sits
    #: below the directory and never imports it.
    organization = SearchChoiceField(
        label=_("Organization"),
        source="organizations",
        help_text=_("Only published organizations of the directory are listed."),
    )
    message = forms.CharField(
        label=_("Message to the organization's administrator"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the person)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )
