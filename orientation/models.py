"""Orientation tool: anonymous counts of completed paths and the unmet needs they reveal.

These rows never hold a user, a free text or anything that identifies a beneficiary: only the
need, the answers chosen (codes), the territory and what was found. The needs watch (helpdesk
app) reads them. The trees themselves are added by the orientation app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PathRecord(models.Model):
    """One completed orientation path, counted without a person."""

    #: Need code (``orientation.needs.NEEDS``).
    need = models.SlugField(_("need"), max_length=40)
    #: The answers chosen, as {question code: answer code}; codes only, never free text.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    #: Municipality of the situation, when the path asked for it.
    municipality = models.ForeignKey(
        "territory.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    #: Basin of the situation (from the municipality, or asked).
    basin = models.ForeignKey(
        "territory.Basin",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("basin"),
    )
    #: How many directory services fitted.
    result_count = models.PositiveIntegerField(_("services found"), default=0)
    #: Ids of the services opened from the result page.
    opened_services = models.JSONField(_("services opened"), default=list, blank=True)
    #: Day the path was completed (a day, not a time: counts, not traces).
    completed_on = models.DateField(_("completed on"), db_index=True)

    class Meta:
        verbose_name = _("completed path")
        verbose_name_plural = _("completed paths")
        ordering = ["-completed_on", "-id"]

    def __str__(self):
        return f"{self.need} {self.completed_on}"

    @property
    def found(self) -> bool:
        return self.result_count > 0


class UnmetNeed(models.Model):
    """A path that ended with no fitting service: a gap in the offer, without a person."""

    #: Need code (``orientation.needs.NEEDS``).
    need = models.SlugField(_("need"), max_length=40)
    #: The answers chosen, as {question code: answer code}.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    municipality = models.ForeignKey(
        "territory.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    basin = models.ForeignKey(
        "territory.Basin",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("basin"),
    )
    #: Day it was recorded.
    recorded_on = models.DateField(_("recorded on"), db_index=True)

    class Meta:
        verbose_name = _("unmet need")
        verbose_name_plural = _("unmet needs")
        ordering = ["-recorded_on", "-id"]

    def __str__(self):
        return f"{self.need} {self.recorded_on}"
