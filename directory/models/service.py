"""HSDS ``service`` and the objects hanging from it (service_at_location, phone, schedule,
closure, cost_option, contact, accessibility), with the Brussels profile: how beneficiaries and
professionals reach the service, referral, fees, languages, service areas as municipalities or
basins, and freshness (``assured_date``, who verified, update frequency).

Rows are written through ``directory.services`` only (which also keeps the search index and the
change log in sync). This module never sends e-mail.
"""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from territory.models import Basin, Municipality

from .location import Location
from .organization import Organization, PublicationStatus
from .taxonomy import TaxonomyTerm

#: The service's text fields written in French, Dutch and English (modeltranslation registers
#: them; the HSDS export, the import and the change log read the same list).
SERVICE_TEXT_FIELDS = (
    "name",
    "description",
    "eligibility_description",
    "application_process",
    "professional_process",
    "fees_description",
    "alert",
)


class AccessMode(models.TextChoices):
    WALK_IN = "walk_in", _("Walk in, without appointment")
    PHONE = "phone", _("By phone")
    APPOINTMENT = "appointment", _("By appointment")
    REFERRAL_FORM = "referral_form", _("Referral form")
    EMAIL = "email", _("By e-mail")
    ONLINE = "online", _("Online form")


class Fee(models.TextChoices):
    FREE = "free", _("Free")
    SLIDING = "sliding", _("Sliding scale (according to income)")
    PAID = "paid", pgettext_lazy("fee", "Paid")


class ServiceAreaScope(models.TextChoices):
    REGION = "region", _("The whole Brussels region")
    BASINS = "basins", _("Some care basins")
    MUNICIPALITIES = "municipalities", _("Some municipalities")


#: Languages a service may be delivered in (ISO 639-1), in display order.
LANGUAGE_CHOICES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("tr", _("Turkish")),
    ("ro", _("Romanian")),
    ("pl", _("Polish")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("fa", _("Persian")),
    ("ps", _("Pashto")),
    ("ber", _("Berber (Tamazight)")),
    ("sgn", _("Sign language")),
]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


class ServiceQuerySet(models.QuerySet):
    def published(self):
        """Visible to everyone: the service and its organization are published."""
        return self.filter(
            publication_status=PublicationStatus.PUBLISHED,
            organization__status=PublicationStatus.PUBLISHED,
        )

    def awaiting_moderation(self):
        return self.filter(publication_status=PublicationStatus.DRAFT)

    def stale(self, today: datetime.date | None = None):
        """Published sheets not verified by a person within their update frequency."""
        today = today or timezone.localdate()
        return self.published().filter(
            models.Q(review_due__isnull=True) | models.Q(review_due__lt=today)
        )


class Service(models.Model):
    """What an organization offers to a public (HSDS ``service``)."""

    class Status(models.TextChoices):  # HSDS service status
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Closed down")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    class UpdateFrequency(models.IntegerChoices):
        QUARTERLY = 90, _("Every three months")
        HALF_YEARLY = 182, _("Every six months")
        YEARLY = 365, _("Every year")

    #: HSDS id.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("organization"),
    )
    #: Translated name.
    name = models.CharField(_("name"), max_length=255)
    alternate_name = models.CharField(_("alternate name"), max_length=255, blank=True)
    #: Translated description.
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    #: HSDS status of the service itself.
    status = models.CharField(_("service status"), max_length=20, choices=Status, default="active")
    #: Maillage moderation state (draft, published, archived).
    publication_status = models.CharField(
        _("publication"),
        max_length=10,
        choices=PublicationStatus,
        default=PublicationStatus.PUBLISHED,
    )
    #: Who the service is for, in words (translated), e.g. "adults living in Etterbeek".
    eligibility_description = models.TextField(_("who it is for"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    #: How a beneficiary reaches the service: modes, and steps in words (HSDS application_process).
    access_beneficiary = models.JSONField(_("access for beneficiaries"), default=list, blank=True)
    application_process = models.TextField(_("how beneficiaries get in touch"), blank=True)
    #: How a professional refers someone: modes, and steps in words.
    access_professional = models.JSONField(_("access for professionals"), default=list, blank=True)
    professional_process = models.TextField(_("how professionals refer someone"), blank=True)
    referral_required = models.BooleanField(_("a referral is needed"), default=False)
    #: Free, sliding scale or paid; details in fees_description (translated).
    fee = models.CharField(_("fees"), max_length=10, choices=Fee, default=Fee.FREE)
    fees_description = models.TextField(_("fees, details"), blank=True)
    #: ISO 639-1 codes of the languages spoken with beneficiaries.
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    interpretation_services = models.TextField(_("interpreting"), blank=True)
    #: Short-term notice (translated), e.g. "waiting list of three months".
    alert = models.TextField(_("alert"), blank=True)
    #: Taxonomy terms: themes, publics, service type, stepped-care level, reform function.
    terms = models.ManyToManyField(
        TaxonomyTerm, blank=True, related_name="services", verbose_name=_("classification")
    )
    #: Where the service accepts people from.
    area_scope = models.CharField(
        _("service area"), max_length=15, choices=ServiceAreaScope, default="region"
    )
    area_municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="+", verbose_name=_("municipalities served")
    )
    area_basins = models.ManyToManyField(
        Basin, blank=True, related_name="+", verbose_name=_("basins served")
    )
    #: Freshness: the last time a person checked the whole sheet (not the last modification).
    assured_date = models.DateField(_("last verified on"), null=True, blank=True)
    assured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    assurer_email = models.EmailField(_("verifier's e-mail"), blank=True)
    update_frequency_days = models.PositiveSmallIntegerField(
        _("update frequency"), choices=UpdateFrequency, default=UpdateFrequency.YEARLY
    )
    #: assured_date + update frequency, kept by directory.services (null: never verified).
    review_due = models.DateField(_("review due"), null=True, blank=True, editable=False)
    #: Last reminder e-mail about a stale sheet (at most one a month).
    reminded_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("reminded at")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["modified_at"], name="service_modified_idx"),
            models.Index(fields=["review_due"], name="service_review_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age__isnull=True)
                | models.Q(maximum_age__isnull=True)
                | models.Q(minimum_age__lte=models.F("maximum_age")),
                name="service_ages_in_order",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:service", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return (
            self.publication_status == PublicationStatus.PUBLISHED
            and self.organization.status == PublicationStatus.PUBLISHED
        )

    def is_stale(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        if self.assured_date is None:
            return True
        return self.assured_date + datetime.timedelta(days=self.update_frequency_days) < today

    def compute_review_due(self) -> datetime.date | None:
        if self.assured_date is None:
            return None
        return self.assured_date + datetime.timedelta(days=self.update_frequency_days)

    def language_names(self) -> list[str]:
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    def access_beneficiary_labels(self) -> list[str]:
        return [str(AccessMode(m).label) for m in self.access_beneficiary if m in AccessMode]

    def access_professional_labels(self) -> list[str]:
        return [str(AccessMode(m).label) for m in self.access_professional if m in AccessMode]


class ServiceAtLocation(models.Model):
    """A service delivered at a location (HSDS ``service_at_location``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="at_services")
    #: Translated note specific to this place.
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="unique_service_location")
        ]

    def __str__(self):
        return f"{self.service} @ {self.location}"


class Phone(models.Model):
    """A phone number of an organization, service or location (HSDS ``phone``)."""

    class Audience(models.TextChoices):
        ALL = "all", _("Everyone")
        BENEFICIARIES = "beneficiaries", _("Beneficiaries")
        PROFESSIONALS = "professionals", _("Professionals")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    number = models.CharField(_("number"), max_length=30)
    #: RFC 6350 type: voice, text, fax, cell...
    type = models.CharField(_("type"), max_length=10, default="voice")
    #: Brussels profile: who should call this number.
    audience = models.CharField(_("for"), max_length=15, choices=Audience, default=Audience.ALL)
    #: Translated, e.g. "line for professionals, 9h-12h".
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self):
        return self.number


class Schedule(models.Model):
    """One weekly opening range on one day (HSDS ``schedule``, freq WEEKLY): several rows make
    several ranges a day. ``valid_from``/``valid_to`` bound a seasonal timetable.

    An HSDS schedule listing several days (``byday: "TH,FR"``) is one row per day sharing
    ``hsds_schedule_id``; the API and the export give it back as that one schedule."""

    WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules"
    )
    #: 0 = Monday ... 6 = Sunday.
    weekday = models.PositiveSmallIntegerField(_("day"))
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    #: Translated note, e.g. "walk-in only".
    description = models.CharField(_("note"), max_length=255, blank=True)
    #: The id of the HSDS schedule this row belongs to when that schedule lists several days;
    #: empty when the row is a schedule of its own (its id is then the HSDS id).
    hsds_schedule_id = models.UUIDField(_("HSDS schedule"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__lt=models.F("closes_at")), name="schedule_in_order"
            ),
            models.CheckConstraint(condition=models.Q(weekday__lte=6), name="schedule_weekday"),
        ]

    def __str__(self):
        return f"{self.byday} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"

    @property
    def byday(self) -> str:
        return self.WEEKDAYS[self.weekday]


class Closure(models.Model):
    """A closure (holidays, training day): Brussels profile, exported as an extension."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="closures")
    start_date = models.DateField(_("closed from"))
    end_date = models.DateField(_("closed until"))
    #: Translated reason, e.g. "summer holidays".
    reason = models.CharField(_("reason"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__lte=models.F("end_date")), name="closure_in_order"
            )
        ]

    def __str__(self):
        return f"{self.start_date} - {self.end_date}"


class CostOption(models.Model):
    """A price (HSDS ``cost_option``), e.g. 'consultation: 20 EUR, sliding scale'."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(_("condition"), max_length=255, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=8, decimal_places=2, null=True)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    amount_description = models.CharField(_("amount, details"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("cost option")
        verbose_name_plural = _("cost options")

    def __str__(self):
        return f"{self.option} {self.amount or ''} {self.currency}"


class Contact(models.Model):
    """A named contact person of a service (HSDS ``contact``), shown to professionals."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=160, blank=True)
    title = models.CharField(_("job title"), max_length=160, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name or self.email


class Accessibility(models.Model):
    """Accessibility of a location (HSDS ``accessibility``), e.g. wheelchair access."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="accessibility")
    #: Translated.
    description = models.CharField(_("description"), max_length=255)
    details = models.TextField(_("details"), blank=True)
    url = models.URLField(_("more information"), blank=True)

    class Meta:
        verbose_name = _("accessibility")
        verbose_name_plural = _("accessibility")

    def __str__(self):
        return self.description
