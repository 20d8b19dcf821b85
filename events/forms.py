"""Forms of the agenda, registration, organizers' tools and follow-up. Parsing only: every
write goes through events.services."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from directory.models import Organization
from directory.pickers import OrganizationField
from territory.models import Basin

from .models import (
    Action,
    Audience,
    Event,
    EventLanguage,
    EventType,
    Expectation,
    Series,
    SubGroup,
    Theme,
)
from .pickers import PersonField
from .services import default_organizer, option_capacity_problem
from .widgets import MinutesEditor


class AgendaFilterForm(forms.Form):
    type = forms.ModelChoiceField(
        EventType.objects.all(),
        to_field_name="code",
        required=False,
        label=_("Type"),
        empty_label=_("All types"),
    )
    theme = forms.ModelChoiceField(
        Theme.objects.all(),
        to_field_name="code",
        required=False,
        label=_("Theme"),
        empty_label=_("All themes"),
    )
    basin = forms.ModelChoiceField(
        Basin.objects.all(),
        to_field_name="code",
        required=False,
        label=_("Care basin"),
        empty_label=_("All basins"),
    )
    audience = forms.ChoiceField(
        choices=[("", _("Any audience")), *Audience.choices], required=False, label=_("Audience")
    )
    language = forms.ChoiceField(
        choices=[("", _("Any language")), *EventLanguage.choices],
        required=False,
        label=_("Language"),
    )

    def filter(self, events):
        if not self.is_valid():
            return events
        data = self.cleaned_data
        if data["type"]:
            events = events.filter(event_type=data["type"])
        if data["theme"]:
            events = events.filter(theme=data["theme"])
        if data["basin"]:
            events = events.filter(basin=data["basin"])
        if data["audience"]:
            events = events.filter(audience=data["audience"])
        if data["language"]:
            events = events.filter(language=data["language"])
        return events

    def querystring(self) -> str:
        if not self.is_valid():
            return ""
        from urllib.parse import urlencode

        pairs = {k: self.data.get(k) for k in self.fields if self.data.get(k)}
        return urlencode(pairs)


class OptionsWidget(forms.CheckboxSelectMultiple):
    """Checkboxes of an event's options; a full option is shown but cannot be ticked."""

    full: frozenset = frozenset()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.full:
            option["attrs"]["disabled"] = True
        return option


def _option_label(option) -> str:
    if option.seats_left is None:
        return option.label
    if option.seats_left == 0:
        return _("%(label)s (full)") % {"label": option.label}
    return ngettext(
        "%(label)s (%(count)s seat left)", "%(label)s (%(count)s seats left)", option.seats_left
    ) % {"label": option.label, "count": option.seats_left}


class _ChoicesMixin:
    def _event_choices(self, event):
        from .seats import attach_option_seats

        options = attach_option_seats(event.options.all())
        if options:
            field = self.fields["options"]
            field.queryset = event.options.all()
            seats = {option.pk: option for option in options}
            field.label_from_instance = lambda option: _option_label(seats[option.pk])
            field.widget.full = frozenset(str(o.pk) for o in options if o.seats_left == 0)
            self._full_options = {o.pk for o in options if o.seats_left == 0}
        else:
            del self.fields["options"]
        tables = event.subgroups.all()
        if tables:
            self.fields["table_choice"].queryset = tables
        else:
            del self.fields["table_choice"]


class MemberRegistrationForm(_ChoicesMixin, forms.Form):
    """One click for a logged-in professional (plus the options, when the event has some)."""

    options = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=OptionsWidget, label=_("Options")
    )
    table_choice = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Conversation table you would like to join"),
        empty_label=_("No preference"),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["options"].queryset = SubGroup.objects.none()
        self.fields["table_choice"].queryset = SubGroup.objects.none()
        self._event_choices(event)

    def clean_options(self):
        """A full option is refused here too (a crafted POST, or a seat taken meanwhile)."""
        options = self.cleaned_data.get("options") or []
        full = [o.label for o in options if o.pk in getattr(self, "_full_options", ())]
        if full:
            from booking.services import BookingError

            error = BookingError("option_full", label=", ".join(full))
            raise forms.ValidationError(error.message, code="option_full")
        return options


class GuestRegistrationForm(MemberRegistrationForm):
    """The short form for people without an account."""

    name = forms.CharField(label=_("First and last name"), max_length=160)
    email = forms.EmailField(label=_("E-mail address"))
    organization = OrganizationField(
        Organization.objects.published().order_by("name"),
        required=False,
        label=_("Organization (from the directory)"),
        empty_label=_("Not in the list"),
    )
    organization_name = forms.CharField(
        label=_("Or type your organization"), max_length=255, required=False
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, e-mail and organization are kept to organize this event, "
            "and deleted afterwards."
        ),
    )
    field_order = [
        "name",
        "email",
        "organization",
        "organization_name",
        "options",
        "table_choice",
        "consent",
    ]


class ReportForm(forms.Form):
    body = forms.CharField(
        label=_("Minutes"),
        widget=MinutesEditor(attrs={"rows": 18}),
        help_text=_(
            "Bold, italics, headings, lists, links and tables are kept; anything else is "
            "removed when saving. Without JavaScript, simple HTML can be typed here."
        ),
    )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Attachment title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, image, office document, text or CSV; 10 MB at most."),
    )

    def clean_file(self):
        from core.uploads import UploadError, check_document

        upload = self.cleaned_data["file"]
        try:
            check_document(upload)
        except UploadError as error:
            raise forms.ValidationError(error.message, code=error.code) from error
        return upload


class ExpectationForm(forms.Form):
    text = forms.CharField(label=_("Expectation"), widget=forms.Textarea(attrs={"rows": 3}))
    theme = forms.ModelChoiceField(Theme.objects.all(), required=False, label=_("Theme"))
    raised_by = forms.CharField(
        label=_("Raised by"),
        max_length=255,
        required=False,
        help_text=_("For example: several participants, the CPAS social workers."),
    )


class ExpectationStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Expectation.Status.choices, label=_("Status"))
    note = forms.CharField(
        label=_("Reason or answer"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.email})" if name else obj.email


class ActionForm(forms.ModelForm):
    """An action of the action plan: what, who carries it (a person and/or an organization),
    when, its status and the expectations it answers."""

    owner = PersonChoiceField(
        get_user_model().objects.none(),
        required=False,
        label=_("Person in charge"),
        empty_label=_("Nobody yet"),
    )
    expectations = forms.ModelMultipleChoiceField(
        Expectation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Expectations it answers"),
    )

    class Meta:
        model = Action
        field_classes = {"owner_organization": OrganizationField}
        fields = [
            "title",
            "description",
            "status",
            "due_date",
            "owner",
            "owner_organization",
            "basin",
            "series",
        ]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, expectations, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expectations"].queryset = expectations
        people = get_user_model().objects.filter(is_active=True)
        if user.is_coordinator:  # anybody, through the searchable people picker
            owner = self.fields["owner"]
            self.fields["owner"] = PersonField(
                people.order_by("last_name", "first_name", "email"),
                required=False,
                label=owner.label,
                empty_label=owner.empty_label,
            )
        else:  # an organizer picks among their organizations' members (a plain list)
            people = people.filter(
                memberships__organization_id__in=user.organization_ids(),
                memberships__status="accepted",
            )
            self.fields["owner"].queryset = people.distinct().order_by(
                "last_name", "first_name", "email"
            )
        self.fields["owner_organization"].queryset = Organization.objects.published().order_by(
            "name"
        )
        self.fields["series"].queryset = Series.objects.all()
        if self.instance.pk:
            self.fields["expectations"].initial = list(
                self.instance.expectations.values_list("pk", flat=True)
            )


#: Highest count a form accepts (people, seats): far above any meeting, far below the integer
#: limits of the databases (a bigger number gets a form error, never a server error).
MAX_COUNT = 100_000


class AttendanceForm(forms.Form):
    attendance_count = forms.IntegerField(
        label=_("Number of people present"), min_value=0, max_value=MAX_COUNT
    )


class SubGroupForm(forms.Form):
    name = forms.CharField(label=_("Table name"), max_length=160)
    capacity = forms.IntegerField(
        label=_("Seats at the table"), min_value=1, max_value=MAX_COUNT, required=False
    )


DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    """Create or edit an event (organizers). One optional extra such as the lunch; more options
    and conversation tables are managed in the admin and on the tables page."""

    option_label = forms.CharField(
        label=_("Extra option (for example: I stay for the lunch)"),
        max_length=160,
        required=False,
    )
    online_url = forms.URLField(
        label=_("online meeting link"), required=False, assume_scheme="https"
    )
    option_capacity = forms.IntegerField(
        label=_("Seats for the option"), min_value=1, max_value=MAX_COUNT, required=False
    )

    class Meta:
        model = Event
        field_classes = {"organizer": OrganizationField}
        fields = [
            "event_type",
            "series",
            "theme",
            "organizer",
            "title_fr",
            "title_nl",
            "title_en",
            "description_fr",
            "description_nl",
            "description_en",
            "basin",
            "place",
            "is_online",
            "online_url",
            "starts_at",
            "ends_at",
            "audience",
            "language",
            "status",
            "registration_required",
            "registration_opens_at",
            "registration_deadline",
            "cancellation_deadline",
            "capacity",
            "waitlist_enabled",
        ]
        widgets = dict.fromkeys(
            (
                "starts_at",
                "ends_at",
                "registration_opens_at",
                "registration_deadline",
                "cancellation_deadline",
            ),
            DATETIME_INPUT,
        ) | {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("description_fr", "description_nl", "description_en")
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organizations = Organization.objects.published().order_by("name")
        if not user.is_coordinator:
            organizations = organizations.filter(pk__in=user.organization_ids())
        self.fields["organizer"].queryset = organizations
        if not self.instance.pk and not self.initial.get("organizer"):
            organizer = default_organizer(user)
            self.initial["organizer"] = organizer.pk if organizer else None
        self.fields["basin"].help_text = _(
            "Empty: taken from the place or the series. Stand-alone events appear in the "
            "follow-up of their basin."
        )
        self.fields["title_fr"].required = True
        for name in (
            "starts_at",
            "ends_at",
            "registration_opens_at",
            "registration_deadline",
            "cancellation_deadline",
        ):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M"]
        option = self.instance.options.first() if self.instance.pk else None
        if option:
            self.fields["option_label"].initial = option.label
            self.fields["option_capacity"].initial = option.capacity

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end must come after the start."))
        opens, deadline = data.get("registration_opens_at"), data.get("registration_deadline")
        if opens and deadline and opens >= deadline:
            self.add_error(
                "registration_deadline",
                _("The registration deadline must come after the opening of registration."),
            )
        if starts:
            if opens and opens >= starts:
                self.add_error(
                    "registration_opens_at",
                    _("Registration must open before the start of the event."),
                )
            if deadline and deadline > starts:
                self.add_error(
                    "registration_deadline",
                    _("The registration deadline cannot be after the start of the event."),
                )
            cancellation = data.get("cancellation_deadline")
            if cancellation and cancellation > starts:
                self.add_error(
                    "cancellation_deadline",
                    _("The cancellation deadline cannot be after the start of the event."),
                )
        self._clean_option(data)
        return data

    def _clean_option(self, data):
        label, seats = (data.get("option_label") or "").strip(), data.get("option_capacity")
        if seats is not None and not label:
            self.add_error("option_label", _("Give the option a name, or leave its seats empty."))
        if label and "capacity" in data:
            problem = option_capacity_problem(Event(capacity=data["capacity"]), seats)
            if problem is not None:
                self.add_error("option_capacity", problem.message)
