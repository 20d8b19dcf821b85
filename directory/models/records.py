"""Records around the sheets: the field-by-field change log (HSDS ``metadata``), error reports
from professionals, the pairs coordinators said are not duplicates, and the search index (one
row per published service).

Written by ``directory.services`` and ``directory.search`` only; never shown publicly except the
change log entries of public objects through the HSDS API (without e-mail addresses).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeRecord(models.Model):
    """One field change of a directory object (HSDS ``metadata``)."""

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Updated")
        DELETE = "delete", _("Deleted")
        VERIFY = "verify", _("Verified")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    #: HSDS resource_type: "service", "organization", "location"...
    resource_type = models.CharField(max_length=30)
    resource_id = models.UUIDField(db_index=True)
    last_action_date = models.DateTimeField(auto_now_add=True)
    last_action_type = models.CharField(max_length=10, choices=Action)
    field_name = models.CharField(max_length=60)
    previous_value = models.TextField(blank=True)
    replacement_value = models.TextField(blank=True)
    #: Display name of the person (HSDS updated_by), kept if the account is deleted.
    updated_by = models.CharField(max_length=160, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["-last_action_date"]

    def __str__(self):
        return f"{self.resource_type} {self.field_name}"


class ErrorReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ErrorReport.Status.OPEN)


class ErrorReport(models.Model):
    """ "Report an error" on a sheet, by a logged-in professional; a coordinator closes it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FIXED = "fixed", _("Fixed")
        DISMISSED = "dismissed", _("Dismissed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="error_reports"
    )
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="error_reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    #: What is wrong, in the reporter's words.
    message = models.TextField(_("what is wrong?"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ErrorReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("error report")
        verbose_name_plural = _("error reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organization} ({self.get_status_display()})"


class NotDuplicate(models.Model):
    """Two organizations a coordinator said are distinct: the duplicates page no longer proposes
    them. Stored once per pair, ``first`` being the smaller id (``duplicates.pair_key``). Who
    decided is in the audit trail (django-auditlog), not here."""

    first = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("first organization"),
    )
    second = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("second organization"),
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pair that is not a duplicate")
        verbose_name_plural = _("pairs that are not duplicates")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="not_duplicate_once"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="not_duplicate_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.first_id} ≠ {self.second_id}"


class ServiceIndex(models.Model):
    """Search document of one published service: folded FR/NL/EN text, facet tokens and a point
    for distance. SQLite mirrors it into an FTS5 table, PostgreSQL into a word table (see
    ``search.backends``)."""

    #: Integer id: the FTS5 rowid on SQLite.
    id = models.BigAutoField(primary_key=True)
    service = models.OneToOneField(
        "directory.Service", on_delete=models.CASCADE, related_name="search_index"
    )
    #: Lower-case, accent-free text of every language, terms and organization names.
    body = models.TextField()
    #: Space-separated facet tokens (letters and digits only), e.g. "m21005 lfr ffree t<hex>".
    facets = models.TextField()
    #: Opening slots of the current week ("o11000": Monday 10:00-10:30), for "open now".
    hours = models.TextField(default="", blank=True)
    #: Accent-free name, for sorting and fuzzy matching.
    name = models.CharField(max_length=255)
    #: Folded service and organization names (every language, alternate names): the "title"
    #: field of the relevance, folded once here rather than at every snapshot load.
    title = models.TextField(default="", blank=True)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index")

    def __str__(self):
        return str(self.service_id)


class ZeroResultSearch(models.Model):
    """A directory search that found nothing, counted per month: the words only, never a user.

    Coordinators read these to grow the thesaurus from real misses; the needs watch counts them.
    Written by ``directory.search`` only.
    """

    #: The query as folded words (lower case, no accents), space-separated, cut at 200 chars.
    words = models.CharField(_("words"), max_length=200)
    #: Language of the page the search was made from (fr, nl, en).
    language = models.CharField(_("language"), max_length=8)
    #: Basin filter of the search, when there was exactly one.
    basin = models.ForeignKey(
        "territory.Basin",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("basin"),
    )
    #: First day of the month counted.
    month = models.DateField(_("month"), db_index=True)
    #: How many times these words found nothing that month.
    count = models.PositiveIntegerField(_("count"), default=1)

    class Meta:
        verbose_name = _("search without result")
        verbose_name_plural = _("searches without result")
        ordering = ["-month", "-count"]
        constraints = [
            models.UniqueConstraint(
                fields=["words", "language", "basin", "month"],
                name="zero_result_search_once_per_month",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.words} ({self.count})"
