"""Intervisions (registrations): yearly cycles of closed peer-supervision groups, their registrations, sessions,
hosts, presenters, attendance and invoices.

Rows are written through ``intervisions.services`` only (one door per status). Seats in a group
and its waiting list live in the shared capacity service (``booking``), reached only through
``intervisions.seats``. This module never sends e-mail, never locks and never writes other apps'
rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Sector

from .cycles import LANGUAGES, Cycle, Group


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations still in the running (not refused, not withdrawn)."""
        return self.filter(status__in=[Registration.Status.PENDING, Registration.Status.ACCEPTED])

    def placed(self):
        return self.active().filter(group__isnull=False)

    def personal(self):
        return self.filter(anonymised_at__isnull=True)


class Registration(models.Model):
    """One professional's registration to a cycle (personal data until anonymisation)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To review")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    #: The state machine of ``status``: from each status, the statuses it may go to. Every change
    #: goes through ``transition()``; nothing else assigns ``status``.
    #:
    #:   pending  -> accepted   (publication, a coordinator's move or decision, a freed seat)
    #:   pending  -> refused    (a coordinator)           pending  -> withdrawn (the person)
    #:   accepted -> accepted   (moved to another group, seat given from a waiting list)
    #:   accepted -> refused    (a coordinator)           accepted -> withdrawn (the person)
    #:   refused  -> accepted   (a coordinator reconsiders)
    #:   withdrawn: final.
    TRANSITIONS = {
        Status.PENDING: {Status.ACCEPTED, Status.REFUSED, Status.WITHDRAWN},
        Status.ACCEPTED: {Status.ACCEPTED, Status.REFUSED, Status.WITHDRAWN},
        Status.REFUSED: {Status.ACCEPTED},
        Status.WITHDRAWN: set(),
    }

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("cycle")
    )
    #: The account, when the person was signed in (cut at anonymisation).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intervision_registrations",
        verbose_name=_("account"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    #: Lower-case; unique per cycle while personal (double registration is refused).
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    #: Job title, e.g. "assistante sociale".
    function = models.CharField(_("function"), max_length=120)
    #: The institution (chosen in the directory, or proposed and awaiting moderation).
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        related_name="intervision_registrations",
        verbose_name=_("institution"),
    )
    #: Sector of the person's work (kept for statistics).
    sector = models.CharField(_("sector"), max_length=20, choices=Sector)
    #: Kept for statistics: the institution's legal status at registration.
    institution_type = models.CharField(_("institution type"), max_length=20, blank=True)
    #: Kept for statistics: municipality of the institution's address at registration.
    municipality = models.ForeignKey(
        "territory.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES)
    #: Group ids in order of preference (first = preferred).
    preferences = models.JSONField(_("preferences"), default=list)
    #: What the person said about membership (checked against the directory).
    member_declared = models.BooleanField(_("declared member of the network"), default=False)
    #: Member fee applies (from the institution's membership of the network).
    is_member = models.BooleanField(_("member of the network"), default=False)
    fee = models.DecimalField(_("fee (EUR)"), max_digits=7, decimal_places=2, default=0)
    commitment = models.BooleanField(_("commits to the whole cycle"), default=False)
    consent_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(_("data policy version"), max_length=20)
    #: Changed only through intervisions.services.
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, editable=False
    )
    #: Group proposed by the composition or set by a coordinator; after publication, the group
    #: whose seat (booking) the person holds.
    group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("group"),
    )
    #: Kept in this group when the composition is re-run.
    pinned = models.BooleanField(_("pinned"), default=False)
    #: Rank of the group in the preferences (None when unplaced or outside them).
    choice_rank = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False, verbose_name=_("choice rank")
    )
    #: Stable reason code of the composition and its details [(group id, cause)].
    reason_code = models.CharField(
        max_length=40, blank=True, editable=False, verbose_name=_("placement reason")
    )
    reason_details = models.JSONField(
        default=list, blank=True, editable=False, verbose_name=_("placement details")
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervision registration")
        verbose_name_plural = _("intervision registrations")
        ordering = ["last_name", "first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "email"],
                condition=models.Q(anonymised_at__isnull=True)
                & ~models.Q(status="withdrawn")
                & ~models.Q(status="refused"),
                name="intervisions_one_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def full_name(self) -> str:
        return str(self)

    @property
    def live_invoice(self):
        """The invoice that counts (not cancelled by a credit note), or None."""
        return self.invoices.filter(cancelled=False).first()

    @property
    def credited_invoices(self) -> list:
        """Former invoices, each cancelled by its credit note (oldest first)."""
        return list(
            self.invoices.filter(cancelled=True)
            .select_related("credit_note")
            .order_by("year", "sequence")
        )

    def can_become(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def check_transition(self, status: str) -> None:
        """Refuse a move the state machine (``TRANSITIONS``) does not allow, with
        ``IntervisionError("invalid_transition")``."""
        from ..errors import IntervisionError

        if status not in self.Status.values or not self.can_become(status):
            raise IntervisionError(
                "invalid_transition",
                old=self.Status(self.status).label,
                new=self.Status(status).label if status in self.Status.values else status,
            )

    def transition(self, status: str) -> None:
        """The one door for ``status``: services call it (inside their transaction), then save."""
        self.check_transition(status)
        self.status = status

    def preferred_groups(self) -> list[Group]:
        by_id = {g.pk: g for g in self.cycle.groups.all()}
        return [by_id[g] for g in self.preferences if g in by_id]
