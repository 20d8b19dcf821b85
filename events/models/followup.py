"""Follow-up of a meeting: its report (minutes), the expectations participants raised, and the
actions of the action plan that answer them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """The minutes of a session: sanitised HTML (see events.sanitize), published once."""

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="report", verbose_name=_("event")
    )
    #: Sanitised HTML, never raw user input (events.services.save_report cleans it).
    body = models.TextField(_("minutes"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return str(self.event)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class ReportAttachment(models.Model):
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("report")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="events/reports/%Y/")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.title


class ExpectationQuerySet(models.QuerySet):
    def to_examine(self):
        return self.filter(status=Expectation.Status.TO_EXAMINE)

    def open(self):
        """Still waiting for an answer: to examine, or taken up but not answered yet."""
        return self.filter(status__in=[Expectation.Status.TO_EXAMINE, Expectation.Status.TAKEN_UP])

    def closed(self):
        return self.filter(status__in=[Expectation.Status.ANSWERED, Expectation.Status.DECLINED])


class Expectation(models.Model):
    """Something participants asked for ("une cartographie des acteurs"), followed up."""

    class Status(models.TextChoices):
        TO_EXAMINE = "to_examine", _("To examine")
        TAKEN_UP = "taken_up", _("Taken up")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")

    #: The session where it was raised.
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="expectations",
        verbose_name=_("session"),
    )
    theme = models.ForeignKey(
        "events.Theme", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("theme")
    )
    #: What was asked, in the participants' words.
    text = models.TextField(_("expectation"))
    #: Who raised it ("participants", "a CPAS social worker"); organizations optional.
    raised_by = models.CharField(_("raised by"), max_length=255, blank=True)
    raised_by_organizations = models.ManyToManyField(
        "directory.Organization",
        blank=True,
        related_name="+",
        verbose_name=_("raised by"),
    )
    #: Changed through events.services.set_expectation_status only.
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.TO_EXAMINE, editable=False
    )
    #: Why it was declined (required then), or how it was answered.
    status_note = models.TextField(_("reason or answer"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)

    objects = ExpectationQuerySet.as_manager()

    class Meta:
        verbose_name = _("expectation")
        verbose_name_plural = _("expectations")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class ActionQuerySet(models.QuerySet):
    def done(self):
        return self.filter(status=Action.Status.DONE)

    def pending(self):
        return self.filter(status__in=[Action.Status.PLANNED, Action.Status.IN_PROGRESS])


class Action(models.Model):
    """An action of an action plan, answering one or more expectations."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    #: Who carries it: a person and/or an organization.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    owner_organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner organization"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PLANNED)
    basin = models.ForeignKey(
        "territory.Basin",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("care basin"),
    )
    series = models.ForeignKey(
        "events.Series",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("series"),
    )
    #: The expectations it answers.
    expectations = models.ManyToManyField(
        Expectation, blank=True, related_name="actions", verbose_name=_("expectations")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title

    @property
    def owner_label(self) -> str:
        parts = [str(x) for x in (self.owner, self.owner_organization) if x]
        return " · ".join(parts)
