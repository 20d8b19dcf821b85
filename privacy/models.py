"""Records of the privacy app: consents given to a version of the data policy, reads of lists of
people (the read audit), and runs of the retention job.

None of these rows copies personal data: a consent points at the account or at the record it
covers (a guest's event registration), a read names the list and the object it belongs to, a run
counts rows. Rows are written by ``privacy.services`` and ``privacy.audit`` only.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Consent(models.Model):
    """A person accepted a version of the data policy, on a form (sign-up, registration...)."""

    class Context(models.TextChoices):
        SIGNUP = "signup", _("Sign-up")
        EVENT_REGISTRATION = "event_registration", _("Event registration")
        INTERVISION_REGISTRATION = "intervision_registration", _("Intervision registration")
        RENEWAL = "renewal", _("New version accepted")
        OTHER = "other", _("Other form")

    #: The account, when the person was signed in (cut when the account is erased).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="privacy_consents",
    )
    #: The version of the data policy accepted (privacy.versions).
    version = models.CharField(_("policy version"), max_length=20)
    #: The form where it was accepted.
    context = models.CharField(_("form"), max_length=30, choices=Context)
    #: The record the consent covers (a guest's registration), if any.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    accepted_at = models.DateTimeField(_("accepted at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-accepted_at", "-pk"]
        indexes = [models.Index(fields=["user", "-accepted_at"], name="privacy_consent_user")]

    def __str__(self):
        return f"{self.version} · {self.get_context_display()}"


class ReadLog(models.Model):
    """Someone read or exported a list of people. Names the list, never its content."""

    class Format(models.TextChoices):
        PAGE = "page", _("page")
        PRINT = "print", _("printed page")
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel"
        PDF = "pdf", "PDF"
        JSON = "json", "JSON"

    #: Who read (the account; cut if that account is erased).
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reader"),
    )
    #: A stable code of the list ("event_registrants", "intervision_invoices"...).
    list_name = models.CharField(_("list"), max_length=60, db_index=True)
    fmt = models.CharField(_("format"), max_length=10, choices=Format, default=Format.PAGE)
    #: The object the list belongs to (an event, a cycle, a session).
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    #: The object's label at the time (an event's title, a cycle's name: not a person).
    object_label = models.CharField(_("of"), max_length=255, blank=True)
    #: The page asked for (path only, no query string).
    path = models.CharField(_("page"), max_length=255, blank=True)
    read_at = models.DateTimeField(_("read at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("read of a list of people")
        verbose_name_plural = _("reads of lists of people")
        ordering = ["-read_at", "-pk"]

    def __str__(self):
        return f"{self.list_name} · {self.object_label}"


class RetentionRun(models.Model):
    """One run of the retention job and what each policy did (counts only)."""

    started_at = models.DateTimeField(
        pgettext_lazy("retention run", "started at"), auto_now_add=True
    )
    finished_at = models.DateTimeField(
        pgettext_lazy("retention run", "finished at"), null=True, blank=True
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    #: {policy key: number of rows treated}
    results = models.JSONField(_("results"), default=dict)
    #: {policy key: error text} for policies that failed (the others still ran).
    errors = models.JSONField(_("errors"), default=dict, blank=True)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}"

    @property
    def total(self) -> int:
        return sum(self.results.values())
