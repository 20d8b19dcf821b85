"""Event types, themes, series and events (with their options such as the network lunch)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventType(models.Model):
    """A kind of meeting: exchange table, thematic consultation, change workshop... (configurable
    in the admin; the usual ones are created by a data migration)."""

    #: Stable slug used in URLs, filters and feeds ("exchange-table").
    code = models.SlugField(_("code"), max_length=40, unique=True)
    #: Translated name (name_fr, name_nl, name_en).
    name = models.CharField(_("name"), max_length=120)
    #: Display order in filters.
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("event type")
        verbose_name_plural = _("event types")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name


class Theme(models.Model):
    """A theme: mental health, prevention and health promotion, hospital-ambulatory liaison..."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    #: Translated name.
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", _("Professionals only")
    PUBLIC = "public", _("Open to the public")


class EventLanguage(models.TextChoices):
    FR = "fr", _("French")
    NL = "nl", _("Dutch")
    BILINGUAL = "fr-nl", _("French and Dutch")
    EN = "en", _("English")


class Series(models.Model):
    """A series of sessions, e.g. the thematic consultation "Mental health" of Bassin Nord."""

    #: Translated title.
    title = models.CharField(_("title"), max_length=255)
    #: Translated description.
    description = models.TextField(_("description"), blank=True)
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("theme")
    )
    event_type = models.ForeignKey(
        EventType, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("type")
    )
    organizer = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        related_name="event_series",
        verbose_name=_("organizer"),
    )
    basin = models.ForeignKey(
        "territory.Basin",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("care basin"),
    )
    #: Organizations of the steering committee ("comité de pilotage").
    steering_committee = models.ManyToManyField(
        "directory.Organization",
        blank=True,
        related_name="steered_series",
        verbose_name=_("steering committee"),
    )

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:series", args=[self.pk])


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Event.Status.PUBLISHED)

    def visible(self):
        """Shown in the agenda: published or cancelled (a cancelled meeting stays announced)."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(models.Model):
    """A meeting: a session of a series, a workshop, a training, a community health meeting."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", pgettext_lazy("event", "Cancelled")

    event_type = models.ForeignKey(EventType, on_delete=models.PROTECT, verbose_name=_("type"))
    #: The series this session belongs to (a thematic consultation), if any.
    series = models.ForeignKey(
        Series,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("series"),
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("theme")
    )
    #: The organization of the directory that organizes it.
    organizer = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("organizer"),
    )
    #: Translated title and description (title_fr, title_nl, title_en...).
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    #: A place of the directory; its first address gives the basin.
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("place (directory)"),
    )
    #: Or an address typed for this event.
    place = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("Room and address, when the place is not in the directory."),
    )
    #: Online meeting link (shown to confirmed participants only).
    online_url = models.URLField(_("online meeting link"), blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    #: Care basin, for the agenda filter and the follow-up page.
    basin = models.ForeignKey(
        "territory.Basin",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("care basin"),
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience, default=Audience.PROFESSIONALS
    )
    language = models.CharField(
        _("language"), max_length=5, choices=EventLanguage, default=EventLanguage.FR
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    #: Registration is needed to attend.
    registration_required = models.BooleanField(_("registration required"), default=False)
    #: Before this moment the event is a "save the date"; empty = open at once.
    registration_opens_at = models.DateTimeField(_("registration opens at"), null=True, blank=True)
    #: After this moment nobody can register; empty = until the start.
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    #: After this moment participants cannot cancel themselves; empty = until the start.
    cancellation_deadline = models.DateTimeField(_("cancellation deadline"), null=True, blank=True)
    #: Seats; empty = unlimited. Kept in sync with the booking resource by events.services.
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    waitlist_enabled = models.BooleanField(_("waiting list"), default=True)
    #: Head count recorded by the organizer after the meeting.
    attendance_count = models.PositiveIntegerField(_("attendance count"), null=True, blank=True)
    #: Set when the reminders of the day before were sent.
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk])

    @property
    def resource_key(self) -> str:
        return f"event:{self.pk}"

    def registration_state(self, now=None) -> str:
        """ "none" (no registration), "save_the_date", "open" or "closed"."""
        now = now or timezone.now()
        if not self.registration_required:
            return "none"
        if self.status != self.Status.PUBLISHED or now >= (
            self.registration_deadline or self.starts_at
        ):
            return "closed"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "save_the_date"
        return "open"

    def can_cancel_until(self):
        return self.cancellation_deadline or self.starts_at

    def place_text(self) -> str:
        if self.place:
            return self.place
        if self.location_id and not self.location.is_confidential:
            address = self.location.addresses.first()
            return f"{self.location}, {address}" if address else str(self.location)
        return ""


class EventOption(models.Model):
    """An extra of an event with its own capacity, e.g. "I stay for the network lunch"."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="options")
    #: Translated label.
    label = models.CharField(_("label"), max_length=160)
    #: Seats of the option; empty = unlimited.
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["pk"]

    def __str__(self):
        return self.label

    def clean(self):
        """An option never has more seats than its event (the admin's inline says so)."""
        super().clean()
        event = getattr(self, "event", None)  # RelatedObjectDoesNotExist is an AttributeError
        event_capacity = event.capacity if event is not None else None
        if None not in (self.capacity, event_capacity) and self.capacity > event_capacity:
            raise ValidationError(
                {
                    "capacity": _(
                        "An option cannot have more seats (%(option)s) than the event (%(event)s)."
                    )
                    % {"option": self.capacity, "event": event_capacity}
                }
            )

    @property
    def resource_key(self) -> str:
        return f"event:{self.event_id}:option:{self.pk}"
