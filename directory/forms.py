"""Directory forms: the search box and facets, organization and service sheets, error reports.
Forms only validate; ``directory.services`` writes."""

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from territory.models import Basin, Municipality

from .hours import HoursError, format_ranges, parse_ranges
from .models import (
    LANGUAGE_CHOICES,
    AccessMode,
    Fee,
    Organization,
    Phone,
    Service,
    ServiceAreaScope,
    Taxonomy,
)
from .services.errors import DirectoryError
from .services.organizations import ORGANIZATION_FIELDS
from .services.sheets import REPORT_MAX_LENGTH

FACET_TAXONOMIES = ["theme", "public", "service_type", "stepped_care", "reform_function"]


def term_choices(taxonomy: Taxonomy):
    return [(str(t.pk), t.name) for t in taxonomy.terms.all()]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), required=False, max_length=200)
    municipality = forms.MultipleChoiceField(label=_("Municipality"), required=False)
    basin = forms.MultipleChoiceField(label=_("Care basin"), required=False)
    language = forms.MultipleChoiceField(
        label=_("Language spoken"), required=False, choices=LANGUAGE_CHOICES
    )
    fee = forms.MultipleChoiceField(label=_("Fees"), required=False, choices=Fee.choices)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Relevance")), ("distance", _("Distance"))],
    )
    near = forms.CharField(
        label=_("Near (municipality or postal code)"), required=False, max_length=80
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, taxonomies=(), municipalities=(), basins=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.taxonomies = [t for t in taxonomies if t.code in FACET_TAXONOMIES]
        for taxonomy in self.taxonomies:
            self.fields[taxonomy.code] = forms.MultipleChoiceField(
                label=taxonomy.name, required=False, choices=term_choices(taxonomy)
            )
        self.fields["municipality"].choices = [(m.nis_code, m.name) for m in municipalities]
        self.fields["basin"].choices = [(b.code, b.name) for b in basins]


class OrganizationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = list(ORGANIZATION_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_fr"].required = False
        self.fields["name_nl"].required = False

    def clean(self):
        data = super().clean()
        if not (data.get("name_fr") or data.get("name_nl")):
            raise forms.ValidationError(
                _("Please give the organization a name in French or in Dutch.")
            )
        return data


class ProposeOrganizationForm(OrganizationForm):
    confirm_not_duplicate = forms.BooleanField(
        label=_("I checked the similar organizations above: mine is a different one."),
        required=False,
    )


class ErrorReportForm(forms.Form):
    """The typed text is never cut by the browser (no maxlength): a message too long comes back
    whole, with its length and the maximum, to be shortened."""

    message = forms.CharField(
        label=_("What is wrong?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "At most 2,000 characters. Do not write anything about the people you accompany."
        ),
        error_messages={"required": DirectoryError.messages["empty_report"]},
    )

    def clean_message(self):
        message = self.cleaned_data["message"]
        if len(message) > REPORT_MAX_LENGTH:
            raise forms.ValidationError(
                DirectoryError.messages["report_too_long"],
                params={
                    "count": number_format(len(message), force_grouping=True),
                    "max": number_format(REPORT_MAX_LENGTH, force_grouping=True),
                },
            )
        return message


TEXT_FIELDS = [
    ("name", _("Name"), forms.TextInput),
    ("description", _("Description"), forms.Textarea),
    ("eligibility_description", _("Who it is for"), forms.Textarea),
    ("application_process", _("How beneficiaries get in touch"), forms.Textarea),
    ("professional_process", _("How professionals refer someone"), forms.Textarea),
    ("fees_description", _("Fees, details"), forms.TextInput),
    ("alert", _("Alert (temporary notice)"), forms.TextInput),
]
LANG_LABELS = {"fr": _("French"), "nl": _("Dutch"), "en": _("English")}


class ServiceForm(forms.Form):
    """The service sheet, for the organization's members."""

    url = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mail"), required=False)
    status = forms.ChoiceField(label=_("Service status"), choices=Service.Status.choices)
    minimum_age = forms.IntegerField(
        label=_("Minimum age"), required=False, min_value=0, max_value=120
    )
    maximum_age = forms.IntegerField(
        label=_("Maximum age"), required=False, min_value=0, max_value=120
    )
    access_beneficiary = forms.MultipleChoiceField(
        label=_("Beneficiaries reach the service"),
        choices=AccessMode.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    access_professional = forms.MultipleChoiceField(
        label=_("Professionals reach the service"),
        choices=AccessMode.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    referral_required = forms.BooleanField(label=_("A referral is needed"), required=False)
    fee = forms.ChoiceField(label=_("Fees"), choices=Fee.choices, widget=forms.RadioSelect)
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area_scope = forms.ChoiceField(
        label=_("Service area"), choices=ServiceAreaScope.choices, widget=forms.RadioSelect
    )
    area_municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities served"),
        queryset=Municipality.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area_basins = forms.ModelMultipleChoiceField(
        label=_("Basins served"),
        queryset=Basin.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hours = forms.CharField(
        label=_("Opening hours"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One line per day or days, several ranges separated by commas, e.g. "
            '"lundi-vendredi 9:00-12:00, 13:30-17:00".'
        ),
    )
    phone_public = forms.CharField(
        label=_("Phone for beneficiaries"), required=False, max_length=30
    )
    phone_professionals = forms.CharField(
        label=_("Phone for professionals"), required=False, max_length=30
    )
    update_frequency_days = forms.TypedChoiceField(
        label=_("Update frequency"), choices=Service.UpdateFrequency.choices, coerce=int
    )
    verify = forms.BooleanField(
        label=_("I checked the whole sheet: everything is correct today."), required=False
    )

    def __init__(self, *args, service=None, organization=None, taxonomies=(), **kwargs):
        super().__init__(*args, **kwargs)
        fields = {}
        for name, label, widget in TEXT_FIELDS:
            for lang in ("fr", "nl", "en"):
                attrs = {"rows": 3} if widget is forms.Textarea else {}
                fields[f"{name}_{lang}"] = forms.CharField(
                    label=f"{label} ({LANG_LABELS[lang]})",
                    required=False,
                    widget=widget(attrs=attrs),
                    max_length=255 if widget is forms.TextInput else None,
                )
        self.fields = {**fields, **self.fields}
        self.taxonomy_fields = []
        for taxonomy in taxonomies:
            name = f"terms_{taxonomy.code}"
            self.fields[name] = forms.MultipleChoiceField(
                label=taxonomy.name,
                choices=term_choices(taxonomy),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.taxonomy_fields.append(name)
        organization = organization or (service.organization if service else None)
        self.fields["locations"] = forms.ModelMultipleChoiceField(
            label=_("Places where the service is delivered"),
            queryset=organization.locations.all() if organization else None,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        if service and not self.is_bound:
            self.initial.update(self.initial_from(service))
        elif not self.is_bound:
            self.initial.update(
                {
                    "status": "active",
                    "fee": "free",
                    "area_scope": "region",
                    "update_frequency_days": 365,
                    "verify": True,
                }
            )

    @staticmethod
    def initial_from(service) -> dict:
        initial = {}
        for name, _label, _widget in TEXT_FIELDS:
            for lang in ("fr", "nl", "en"):
                initial[f"{name}_{lang}"] = getattr(service, f"{name}_{lang}") or ""
        for name in [
            "url",
            "email",
            "status",
            "minimum_age",
            "maximum_age",
            "access_beneficiary",
            "access_professional",
            "referral_required",
            "fee",
            "languages",
            "area_scope",
            "update_frequency_days",
        ]:
            initial[name] = getattr(service, name)
        initial["area_municipalities"] = list(service.area_municipalities.all())
        initial["area_basins"] = list(service.area_basins.all())
        initial["locations"] = [sal.location for sal in service.at_locations.all()]
        for term in service.terms.select_related("taxonomy"):
            initial.setdefault(f"terms_{term.taxonomy.code}", []).append(str(term.pk))
        initial["hours"] = format_ranges(
            [(s.weekday, s.opens_at, s.closes_at) for s in service.schedules.all()]
        )
        for phone in service.phones.all():
            key = "phone_professionals" if phone.audience == "professionals" else "phone_public"
            initial.setdefault(key, phone.number)
        return initial

    def clean_hours(self):
        try:
            return parse_ranges(self.cleaned_data["hours"])
        except HoursError as error:
            raise forms.ValidationError(
                _('Line %(line)s is not understood: "%(text)s".'),
                params={"line": error.line, "text": error.text},
            ) from None

    def clean(self):
        data = super().clean()
        if not (data.get("name_fr") or data.get("name_nl")):
            raise forms.ValidationError(_("Please give the service a name in French or in Dutch."))
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", _("The minimum age must not be above the maximum age."))
        return data

    def service_arguments(self) -> dict:
        """Keyword arguments for services.create_service / update_service."""
        data = self.cleaned_data
        values = {name: data[name] for name in data if name[:-3] in {n: 1 for n, *_ in TEXT_FIELDS}}
        for name in [
            "url",
            "email",
            "status",
            "minimum_age",
            "maximum_age",
            "access_beneficiary",
            "access_professional",
            "referral_required",
            "fee",
            "languages",
            "area_scope",
            "update_frequency_days",
        ]:
            values[name] = data[name]
        terms = [pk for name in self.taxonomy_fields for pk in data.get(name, [])]
        phones = []
        if data.get("phone_public"):
            phones.append({"number": data["phone_public"], "audience": Phone.Audience.ALL})
        if data.get("phone_professionals"):
            phones.append(
                {"number": data["phone_professionals"], "audience": Phone.Audience.PROFESSIONALS}
            )
        return {
            "data": values,
            "terms": terms,
            "area_municipalities": list(data["area_municipalities"]),
            "area_basins": list(data["area_basins"]),
            "schedules": data["hours"],
            "phones": phones,
            "location_ids": [loc.pk for loc in data["locations"]],
            "verify": data.get("verify", False),
        }


class LocationForm(forms.Form):
    """A place of the organization and its address."""

    name_fr = forms.CharField(label=_("Name of the place (French)"), required=False, max_length=255)
    name_nl = forms.CharField(label=_("Name of the place (Dutch)"), required=False, max_length=255)
    address_1 = forms.CharField(label=_("Street and number"), max_length=255)
    address_2 = forms.CharField(label=_("Address complement"), required=False, max_length=255)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10)
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    transportation_fr = forms.CharField(
        label=_("Public transport (French)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    transportation_nl = forms.CharField(
        label=_("Public transport (Dutch)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )
    is_confidential = forms.BooleanField(
        label=_("Confidential address (shelter): never shown publicly"), required=False
    )

    @staticmethod
    def initial_from(location) -> dict:
        address = location.addresses.first()
        initial = {
            f: getattr(location, f)
            for f in (
                "name_fr",
                "name_nl",
                "transportation_fr",
                "transportation_nl",
                "latitude",
                "longitude",
                "is_confidential",
            )
        }
        if address:
            initial |= {
                f: getattr(address, f) for f in ("address_1", "address_2", "postal_code", "city")
            }
        return initial
