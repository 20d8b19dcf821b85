"""Helpdesk: professionals' requests for orientation, the services given in answer, and the
orientation links those answers reveal (for the network map).

A request never holds a beneficiary's identity: its free texts pass the PII guard (forms and
``helpdesk.services``), and the retention purge empties them after a while, keeping only the
classification (need, public, territory, outcome, waiting time). The status changes only
through ``helpdesk.services.transition`` (one door); this module never sends e-mail.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from territory.models import Situated

#: The free texts of a request: checked by the PII guard, emptied by the retention purge.
FREE_TEXT_FIELDS = ("situation", "tried_text", "answer_when", "answer_text", "gap_description")


def month_of(moment):
    """First day of the local month of an aware datetime."""
    return timezone.localdate(moment).replace(day=1)


class HelpRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=HelpRequest.OPEN_STATUSES)

    def finished(self):
        return self.exclude(status__in=HelpRequest.OPEN_STATUSES)

    def of_requester(self, user):
        return self.filter(requester=user)

    def to_purge(self, before):
        """Finished before ``before`` and still holding their free text."""
        return self.finished().filter(finished_at__lt=before, purged_at__isnull=True)


class HelpRequest(Situated):
    """A professional's request: a situation, without the person."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", pgettext_lazy("help request", "In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")
        NO_SOLUTION = "no_solution", _("No solution found")

    class Urgency(models.TextChoices):
        LOW = "low", _("Within the week")
        NORMAL = "normal", _("Within two working days")
        HIGH = "high", _("Today")

    class Channel(models.TextChoices):
        PLATFORM = "platform", _("Platform")
        PHONE = "phone", _("Phone call")

    class AnswerBy(models.TextChoices):
        EMAIL = "email", _("By e-mail")
        PHONE = "phone", _("By phone")
        PLATFORM = "platform", _("On the platform only")

    OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    #: The professional who asks (kept as long as the request is kept).
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="helpdesk_requests",
        verbose_name=_("requester"),
    )
    #: The requester's organization: the start of the orientation links.
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel, default=Channel.PLATFORM
    )
    #: The coordinator who typed in a phone call, if any.
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    #: Free text: the situation in a few lines (PII guard; emptied by the purge).
    situation = models.TextField(_("situation"), blank=True)
    #: Need code (``orientation.needs.NEEDS``).
    need = models.SlugField(_("need"), max_length=40, db_index=False)
    #: Public code (the directory's ``public`` taxonomy), or empty.
    public = models.SlugField(_("public"), max_length=40, blank=True, db_index=False)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency, default="normal")
    #: Services already tried, picked in the directory.
    tried_services = models.ManyToManyField(
        "directory.Service", blank=True, related_name="+", verbose_name=_("services already tried")
    )
    #: Free text: what else was tried (PII guard; emptied by the purge).
    tried_text = models.TextField(_("what was already tried"), blank=True)
    answer_by = models.CharField(
        _("how to answer"), max_length=10, choices=AnswerBy, default=AnswerBy.EMAIL
    )
    #: Free text: when the requester can be reached (emptied by the purge).
    answer_when = models.CharField(_("when to answer"), max_length=200, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.NEW, editable=False
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="helpdesk_assigned",
        verbose_name=_("assigned to"),
    )
    #: Free text: the coordinator's answer (PII guard; emptied by the purge).
    answer_text = models.TextField(_("answer"), blank=True)
    #: Free text: the gap in the offer, for "no solution found" (PII guard; emptied by the purge).
    gap_description = models.TextField(_("gap in the offer"), blank=True)
    #: The requester's feedback: did the answer help?
    helped = models.BooleanField(_("it helped"), null=True, blank=True, editable=False)

    created_at = models.DateTimeField(
        pgettext_lazy("help request", "created at"),
        default=timezone.now,
        editable=False,
        db_index=True,
    )
    #: First day of the (local) month of creation: what the needs watch groups by.
    created_month = models.DateField(_("month"), editable=False)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, editable=False)
    #: Working hours between the request and its answer (or its "no solution"): kept for stats.
    waiting_hours = models.FloatField(_("waiting time (working hours)"), null=True, editable=False)
    #: Answered, closed or "no solution found": the retention clock starts here.
    finished_at = models.DateTimeField(
        pgettext_lazy("help request", "finished at"), null=True, blank=True, editable=False
    )
    purged_at = models.DateTimeField(_("free text deleted at"), null=True, editable=False)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("helpdesk request")
        verbose_name_plural = _("helpdesk requests")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="helpdesk_status_created"),
            # Covers the needs watch's main GROUP BY in its own column order (month, need,
            # municipality, basin): SQLite streams the groups from the index, no sort.
            models.Index(
                fields=[
                    "created_month",
                    "need",
                    "municipality",
                    "basin",
                    "public",
                    "status",
                    "waiting_hours",
                    "helped",
                ],
                name="helpdesk_watch_cover",
            ),
            # Covers the GROUP BY month and public (streamed in index order, no sort).
            models.Index(
                fields=["created_month", "public", "status", "waiting_hours", "helped"],
                name="helpdesk_watch_public",
            ),
            # The needs watch's recent gaps in words: only "no solution" rows with a text.
            models.Index(
                fields=["status", "-created_at"],
                condition=~models.Q(gap_description=""),
                name="helpdesk_watch_gaps",
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()} · {self.need} · {self.created_month:%Y-%m}"

    def save(self, *args, **kwargs):
        if self.created_month is None:
            self.created_month = month_of(self.created_at or timezone.now())
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class AnswerService(models.Model):
    """A directory service given in answer to a request."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="answers")
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("service given in answer")
        verbose_name_plural = _("services given in answer")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "service"], name="helpdesk_answer_once")
        ]

    def __str__(self):
        return str(self.service_id)


class OrientationLink(models.Model):
    """One orientation from an organization to a service: a thread of the network map.

    Written by ``helpdesk.services`` when a coordinator gives a service in answer; never holds
    a person, only the two ends, the source and the day.
    """

    class Source(models.TextChoices):
        HELPDESK = "helpdesk", _("Helpdesk")

    from_organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="orientations_made",
        verbose_name=_("from organization"),
    )
    to_service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        related_name="orientations_received",
        verbose_name=_("to service"),
    )
    source = models.CharField(_("source"), max_length=20, choices=Source, default=Source.HELPDESK)
    request = models.ForeignKey(
        HelpRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_on = models.DateField(_("day"), db_index=True)

    class Meta:
        verbose_name = _("orientation link")
        verbose_name_plural = _("orientation links")
        ordering = ["-created_on", "-id"]

    def __str__(self):
        return f"{self.from_organization_id} → {self.to_service_id} ({self.created_on})"
