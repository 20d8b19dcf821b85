"""Helpdesk forms: a new request (also used by a coordinator to log a phone call), triage,
answer, "no solution found", feedback. Free texts go through the PII guard; what it found is
kept on the form (``pii_findings``) so that the page can highlight it. Never saves anything:
views pass cleaned data to ``helpdesk.services``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from directory.models import Service
from directory.pickers import OrganizationField
from territory.models import Municipality

from .guard import describe, findings
from .labels import need_choices, public_choices
from .models import HelpRequest


class PiiCheckedForm(forms.Form):
    #: Free-text fields checked by the PII guard.
    pii_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pii_findings: dict[str, tuple[str, list]] = {}

    def clean(self):
        cleaned = super().clean()
        for name in self.pii_fields:
            text = cleaned.get(name) or ""
            found = findings(text)
            if found:
                self.pii_findings[name] = (text, found)
                self.add_error(name, describe(found))
        return cleaned


class RequestForm(PiiCheckedForm):
    pii_fields = ("situation", "tried_text", "answer_when")

    situation = forms.CharField(
        label=_("The situation, in a few lines"),
        help_text=_(
            "Describe the situation without the person's name, address, phone number, national "
            "number or date of birth: “a woman in her forties, two children, evicted”."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
    )
    need = forms.ChoiceField(label=_("Main need"))
    public = forms.ChoiceField(label=_("Public concerned"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("— not known —"),
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=HelpRequest.Urgency.choices, initial="normal"
    )
    tried_services = forms.ModelMultipleChoiceField(
        label=_("Services already contacted"),
        queryset=Service.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tried_text = forms.CharField(
        label=_("What was already tried"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    answer_by = forms.ChoiceField(
        label=_("How should we answer you?"),
        choices=HelpRequest.AnswerBy.choices,
        initial="email",
    )
    answer_when = forms.CharField(
        label=_("When can we reach you?"),
        help_text=_("For instance “Tuesday morning” or “after 2 p.m.”."),
        required=False,
        max_length=200,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [("", _("— choose —"))] + need_choices()
        self.fields["public"].choices = [("", _("— not specified —"))] + public_choices()

    def picked_services(self):
        """Services ticked on the refused form, to show them ticked again."""
        if not self.is_bound:
            return []
        ids = list(self.data.getlist("tried_services"))[:20]
        try:
            return list(Service.objects.filter(pk__in=ids))
        except ValidationError:  # malformed ids: the field error says so
            return []


class PhoneCallForm(RequestForm):
    requester_email = forms.EmailField(
        label=_("E-mail of the professional who called"),
        required=False,
        help_text=_("If they have an account, they will see the request and the answer."),
    )
    organization = OrganizationField(
        label=_("Organization of the professional who called"),
        required=False,
        help_text=_("Empty: the organization of their account, if any."),
    )

    field_order = ["requester_email", "organization"]

    def clean_requester_email(self):
        email = (self.cleaned_data.get("requester_email") or "").strip().lower()
        if not email:
            return None
        user = User.objects.filter(email=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No account uses this e-mail address."))
        return user


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=User.objects.coordinators(),
        required=False,
        empty_label=_("— nobody —"),
    )


class AnswerForm(PiiCheckedForm):
    pii_fields = ("text",)

    services = forms.ModelMultipleChoiceField(
        label=_("Services to propose"),
        queryset=Service.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pick at least one service from the directory to answer.")},
    )
    text = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=3000,
    )


class NoSolutionForm(PiiCheckedForm):
    pii_fields = ("gap",)

    gap = forms.CharField(
        label=_("What is missing in the offer"),
        help_text=_(
            "The gap in words, without the person: “no Arabic-speaking psychologist"
            " for teenagers in the south-east”."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class FeedbackForm(forms.Form):
    helped = forms.TypedChoiceField(
        label=_("Did this answer help you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
