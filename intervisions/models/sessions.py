"""Intervisions (sessions): yearly cycles of closed peer-supervision groups, their registrations, sessions,
hosts, presenters, attendance and invoices.

Rows are written through ``intervisions.services`` only (one door per status). Seats in a group
and its waiting list live in the shared capacity service (``booking``), reached only through
``intervisions.seats``. This module never sends e-mail, never locks and never writes other apps'
rows.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from .cycles import Group
from .registrations import Registration


class Session(models.Model):
    """One meeting of a group, hosted by a participant's institution (or a neutral venue)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("number"))
    date = models.DateField(_("date"))
    #: The participant institution that hosts and presents itself (None: neutral venue).
    host = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_intervision_sessions",
        verbose_name=_("host institution"),
    )
    #: Where the session takes place when it is at the host institution: one of the host's
    #: directory locations (None: the host's first location). Ignored when it is not the
    #: host's (the host changed): ``services.places`` decides what is shown.
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intervision_sessions",
        verbose_name=_("place of the host institution"),
    )
    #: Another address, instead of the host's (a meeting room, a neutral venue), e.g.
    #: "Maison des associations, rue de la Victoire 1, 1060 Saint-Gilles".
    other_address = models.CharField(_("other address"), max_length=255, blank=True)
    #: Practical note (floor, bell, access), shown to the group only.
    access_note = models.CharField(_("access"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["group", "date"]
        constraints = [
            models.UniqueConstraint(fields=["group", "date"], name="intervisions_session_date"),
            models.UniqueConstraint(
                fields=["group", "host"],
                condition=models.Q(host__isnull=False),
                name="intervisions_host_once_per_group",
            ),
        ]

    def __str__(self):
        return f"{self.group} #{self.number} {self.date:%Y-%m-%d}"

    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.group.start_time)

    def ends_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.group.end_time)


class Presentation(models.Model):
    """Who brings a situation to which session (each participant once a year)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="presentations")
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="presentation"
    )

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ["session__date", "registration__last_name"]

    def __str__(self):
        return f"{self.registration} @ {self.session}"


class Attendance(models.Model):
    """Presence of a participant at a session."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("registration"),
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status)
    recorded_at = models.DateTimeField(auto_now=True, verbose_name=_("recorded at"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"], name="intervisions_one_attendance"
            )
        ]

    def __str__(self):
        return f"{self.registration} @ {self.session}: {self.status}"
