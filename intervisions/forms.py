"""Forms of the intervisions pages: thin, every rule that matters is checked again by the
services. Ranked preferences are one select per rank, inside a fieldset."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from directory.models import Organization, Sector
from directory.pickers import OrganizationField

from .errors import IntervisionError
from .models import LANGUAGES, Attendance, Cycle, Group, Registration

MAX_RANKS = 4


class RegistrationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(label=_("Phone (optional)"), max_length=30, required=False)
    function = forms.CharField(
        label=_("Function"),
        max_length=120,
        help_text=_("For example: social worker, psychologist."),
    )
    organization = OrganizationField(
        label=_("Institution (from the directory)"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("— not in the list —"),
    )
    new_organization = forms.CharField(
        label=_("Or propose a new institution"),
        max_length=255,
        required=False,
        help_text=_("Its name; the coordinators check it before it appears in the directory."),
    )
    #: No default: the sector mix of the groups means something only if each person chooses.
    sector = forms.ChoiceField(
        label=_("Your sector"),
        choices=[("", _("— choose your sector —")), *Sector.choices],
        error_messages={"required": _("Choose the sector you work in.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the group"), choices=LANGUAGES, widget=forms.RadioSelect
    )
    member_declared = forms.BooleanField(
        label=_("My institution is a member of the network"),
        required=False,
        help_text=_("The member fee applies when the directory confirms the membership."),
    )
    commitment = forms.BooleanField(
        label=_("I commit to take part in the whole cycle"), required=True
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my data is kept until the end of the cycle to organise it, "
            "then anonymised"
        ),
        required=True,
    )

    def __init__(self, *args, cycle: Cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        self.fields["organization"].queryset = Organization.objects.published().order_by("name")
        groups = list(cycle.groups.filter(cancelled=False))
        choices = [("", "—")] + [
            (g.pk, f"{g.name} · {g.slot_label()} ({g.language.upper()})") for g in groups
        ]
        self.rank_names = []
        for rank in range(1, min(MAX_RANKS, len(groups)) + 1):
            name = f"choice_{rank}"
            self.rank_names.append(name)
            self.fields[name] = forms.TypedChoiceField(
                label=_("Choice no. %(rank)s") % {"rank": rank},
                choices=choices,
                coerce=int,
                required=rank == 1,
                empty_value=None,
            )

    def rank_fields(self):
        return [self[name] for name in self.rank_names]

    def main_fields(self):
        return [self[name] for name in self.fields if name not in self.rank_names]

    def clean(self):
        data = super().clean()
        if not data.get("organization") and not data.get("new_organization", "").strip():
            self.add_error(
                "organization", _("Choose your institution in the directory or propose a new one.")
            )
        prefs = [data.get(name) for name in self.rank_names if data.get(name)]
        if len(set(prefs)) != len(prefs):
            self.add_error(self.rank_names[-1], _("The same group is chosen twice."))
        data["preferences"] = prefs
        return data


class CycleForm(forms.ModelForm):
    class Meta:
        model = Cycle
        fields = [
            "title_fr",
            "title_nl",
            "title_en",
            "season",
            "description_fr",
            "description_nl",
            "description_en",
            "start_date",
            "end_date",
            "session_count",
            "session_minutes",
            "fee_member",
            "fee_non_member",
            "registration_deadline",
            "max_per_institution",
            "group_min_size",
            "group_max_size",
            "retention_days",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "registration_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        } | {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("description_fr", "description_nl", "description_en")
        }
        help_texts = {"fee_member": _("0 for both fees makes the cycle free.")}

    def clean(self):
        data = super().clean()
        _require_one_language(self, data, "title", _("Give the title in French or in Dutch."))
        low, high = data.get("group_min_size"), data.get("group_max_size")
        if low is not None and high is not None and low > high:
            self.add_error("group_min_size", _("The minimum is larger than the maximum."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and start > end:
            self.add_error("end_date", _("The cycle must end after it starts."))
        return data


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = [
            "name_fr",
            "name_nl",
            "name_en",
            "language",
            "weekday",
            "week_of_month",
            "start_time",
            "end_time",
            "facilitator_social",
            "facilitator_mental_health",
            "neutral_venue",
            "cancelled",
        ]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = User.objects.filter(
            role__in=[User.Role.FACILITATOR, User.Role.COORDINATOR], is_active=True
        )
        self.fields["facilitator_social"].queryset = people
        self.fields["facilitator_mental_health"].queryset = people

    def clean(self):
        data = super().clean()
        _require_one_language(self, data, "name", _("Give the name in French or in Dutch."))
        return data


def _require_one_language(form, data, field: str, message) -> None:
    """Content may be written in Dutch only, or French only, but not in no language at all."""
    if not any((data.get(f"{field}_{code}") or "").strip() for code in ("fr", "nl", "en")):
        form.add_error(f"{field}_fr", message)


class MoveForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.none(), required=False, empty_label=_("No group")
    )

    def __init__(self, *args, cycle: Cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = cycle.groups.filter(cancelled=False)


class AttendanceForm(forms.Form):
    """One radio group per member of the group."""

    def __init__(self, *args, members, initial_statuses: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        for r in members:
            self.fields[f"r{r.pk}"] = forms.ChoiceField(
                label=r.full_name,
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                initial=initial_statuses.get(r.pk, Attendance.Status.PRESENT),
            )

    def statuses(self) -> dict[int, str]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class SwapForm(forms.Form):
    a = forms.TypedChoiceField(label=_("Presenter"), coerce=int)
    b = forms.TypedChoiceField(label=_("Exchanges with"), coerce=int)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(r.pk, r.full_name) for r in members]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices


class SessionPlaceForm(forms.Form):
    """Where a session takes place: a place of the host institution, or another address."""

    location = forms.ModelChoiceField(
        label=_("Place of the host institution"),
        queryset=None,
        required=False,
        empty_label=_("— its main place —"),
    )
    other_address = forms.CharField(
        label=_("Or another address"),
        max_length=255,
        required=False,
        help_text=_("For example: a meeting room, with its street, number and municipality."),
    )
    access_note = forms.CharField(
        label=_("Access (floor, bell, accessibility)"), max_length=255, required=False
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        from directory.models import Location

        if session.host_id is None:
            del self.fields["location"]
            return
        self.fields["location"].queryset = (
            Location.objects.filter(organization_id=session.host_id)
            .prefetch_related("addresses")
            .order_by("is_confidential", "name", "pk")
        )
        self.fields["location"].label_from_instance = _location_label

    def clean(self):
        data = super().clean()
        if data.get("location") and (data.get("other_address") or "").strip():
            self.add_error("other_address", IntervisionError("place_twice").message)
        return data


def _location_label(location) -> str:
    from directory.models import address_may_be_shown

    address = next(iter(location.addresses.all()), None)
    if address is None or not address_may_be_shown(location.is_confidential):
        shown = _("confidential address") if location.is_confidential else ""
    else:
        shown = str(address)
    return " · ".join(part for part in (location.name or str(location.organization), shown) if part)


class RegistrationFilterForm(forms.Form):
    """The filters of the registrations on the coordinators' cycle page (GET, shareable)."""

    NO_GROUP = "none"

    status = forms.ChoiceField(label=_("Status"), required=False)
    group = forms.ChoiceField(label=_("Group"), required=False)
    q = forms.CharField(label=_("Name, e-mail or institution"), max_length=100, required=False)

    def __init__(self, *args, cycle: Cycle, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        groups = cycle.groups.all() if groups is None else groups
        self.fields["status"].choices = [("", _("All")), *Registration.Status.choices]
        self.fields["group"].choices = [
            ("", _("All")),
            (self.NO_GROUP, _("Without a group")),
            *((str(g.pk), g.name) for g in groups),
        ]
