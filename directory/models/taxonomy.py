"""HSDS ``taxonomy`` and ``taxonomy_term``: reference vocabularies loaded as data (themes, publics,
service types, stepped-care levels, functions of the Belgian mental-health reform), editable by
coordinators. Names are translated (FR/NL/EN). This module never writes services.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Namespace for the stable ids of the reference taxonomies (same ids in every database).
TAXONOMY_NAMESPACE = uuid.UUID("6f1c1f9e-3d0a-4c55-9a57-8a4f9b1d2c01")


def reference_uuid(*parts: str) -> uuid.UUID:
    return uuid.uuid5(TAXONOMY_NAMESPACE, "/".join(parts))


class Taxonomy(models.Model):
    """A vocabulary (HSDS ``taxonomy``), e.g. "themes"."""

    #: HSDS id.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    #: Stable code used in URLs and facets: theme, public, service_type, stepped_care, function.
    code = models.SlugField(_("code"), max_length=40, unique=True)
    #: Translated name.
    name = models.CharField(_("name"), max_length=120)
    #: Translated description.
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(_("URI"), blank=True)
    #: Shown as a facet on the search page.
    is_facet = models.BooleanField(_("search facet"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    class Meta:
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    """A term of a vocabulary (HSDS ``taxonomy_term``), e.g. "mental health"."""

    #: HSDS id.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.CASCADE, related_name="terms", verbose_name=_("taxonomy")
    )
    #: Code within the taxonomy (HSDS ``code``), e.g. "mental_health".
    code = models.SlugField(_("code"), max_length=60)
    #: Translated name.
    name = models.CharField(_("name"), max_length=160)
    #: Translated description.
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent term"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    class Meta:
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["taxonomy__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term_code")
        ]

    def __str__(self):
        return self.name

    @property
    def facet_token(self) -> str:
        """The token that stands for this term in the search index (letters and digits only)."""
        return "t" + self.id.hex
