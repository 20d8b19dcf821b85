"""Forms of the open doors week: parse and check input; services decide and write."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from directory.models import Location
from territory.models import Basin, Municipality

from .models import Evaluation, Participation
from .programme import LANGUAGES, terms


class ProgrammeFilterForm(forms.Form):
    day = forms.DateField(label=_("Day"), required=False, widget=forms.Select)
    basin = forms.ChoiceField(label=_("Care basin"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    public = forms.ChoiceField(label=_("Public"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All of them"))]
        self.fields["day"].widget.choices = everything + [
            (d.isoformat(), formats.date_format(d, "l j F")) for d in edition.days()
        ]
        self.fields["basin"].choices = everything + [(b.code, b.name) for b in Basin.objects.all()]
        self.fields["municipality"].choices = everything + [
            (m.nis_code, m.name) for m in Municipality.objects.all()
        ]
        self.fields["theme"].choices = everything + [(t.code, t.name) for t in terms("theme")]
        self.fields["public"].choices = everything + [(t.code, t.name) for t in terms("public")]
        self.fields["language"].choices = everything + list(LANGUAGES.items())

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class EnrolForm(forms.Form):
    service = forms.ModelChoiceField(label=_("Service"), queryset=None)
    host_name = forms.CharField(label=_("Host contact name"), max_length=150)
    host_email = forms.EmailField(label=_("Host contact e-mail"))
    host_phone = forms.CharField(label=_("Host contact phone"), max_length=30, required=False)

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services


class SlotForm(forms.Form):
    day = forms.TypedChoiceField(
        label=_("Day"), coerce=lambda v: __import__("datetime").date.fromisoformat(v)
    )
    start_time = forms.TimeField(label=_("Start"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("End"), widget=forms.TimeInput(attrs={"type": "time"}))
    capacity = forms.IntegerField(label=_("Visitors (maximum)"), min_value=1, max_value=500)
    languages = forms.MultipleChoiceField(
        label=_("Languages of the visit"),
        choices=list(LANGUAGES.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    location = forms.ModelChoiceField(label=_("Place"), queryset=Location.objects.none())
    description_fr = forms.CharField(
        label=_("What the visit shows (French)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
    )
    description_nl = forms.CharField(
        label=_("What the visit shows (Dutch)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        required=False,
    )
    description_en = forms.CharField(
        label=_("What the visit shows (English)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        required=False,
    )
    accessibility_fr = forms.CharField(
        label=_("Accessibility (French)"), max_length=255, required=False
    )
    accessibility_nl = forms.CharField(
        label=_("Accessibility (Dutch)"), max_length=255, required=False
    )
    accessibility_en = forms.CharField(
        label=_("Accessibility (English)"), max_length=255, required=False
    )

    def __init__(self, *args, participation: Participation, **kwargs):
        super().__init__(*args, **kwargs)
        edition = participation.edition
        self.fields["day"].choices = [
            (d.isoformat(), formats.date_format(d, "l j F")) for d in edition.days()
        ]
        self.fields["capacity"].max_value = edition.max_visitors_per_slot
        self.fields["capacity"].help_text = _("At most %(max)s.") % {
            "max": edition.max_visitors_per_slot
        }
        self.fields["location"].queryset = Location.objects.filter(
            organization_id=participation.service.organization_id
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("start_time")
            and data.get("end_time")
            and data["end_time"] <= data["start_time"]
        ):
            self.add_error("end_time", _("The visit must end after it starts."))
        return data

    def slot_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["description"] = data["description_fr"]
        data["accessibility"] = data["accessibility_fr"]
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Participation.Status.VALIDATED, _("Validate")),
            (Participation.Status.CHANGES, _("Ask for changes")),
            (Participation.Status.REFUSED, _("Refuse")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the host (required to ask changes or refuse)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )


class EvaluationForm(forms.Form):
    usefulness = forms.TypedChoiceField(
        label=_("How useful was the visit for your work?"),
        choices=[(i, str(i)) for i in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1: not useful, 5: very useful."),
    )
    will_orient = forms.ChoiceField(
        label=_("Will you orient people to this service?"),
        choices=Evaluation.Orient.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
