"""Territory reference data: the 19 municipalities of the Brussels-Capital Region and the five
care basins ("bassins d'aide et de soins") of Brusano.

Loaded by a data migration so that it exists in every database. Names are stored in French,
Dutch and English (modeltranslation fields ``name_fr``, ``name_nl``, ``name_en``).
This module never writes other apps' data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Basin(models.Model):
    """A care basin: several municipalities, or parts of Brussels-City."""

    #: Stable slug used in URLs and filters ("nord", "nord-est", "centre-ouest", "sud", "sud-est").
    code = models.SlugField(_("code"), max_length=20, unique=True)
    #: Display name, translated (name_fr, name_nl, name_en).
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        verbose_name = _("care basin")
        verbose_name_plural = _("care basins")
        ordering = ["code"]

    def __str__(self):
        return self.name


class MunicipalityQuerySet(models.QuerySet):
    def split(self):
        """Municipalities spread over several basins (only Brussels-City today)."""
        return self.annotate(n=models.Count("basins")).filter(n__gt=1)


class Municipality(models.Model):
    """One of the 19 municipalities ("communes" / "gemeenten")."""

    #: NIS/INS code of Statbel (21001 Anderlecht ... 21019 Woluwe-Saint-Pierre).
    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    #: Translated name (name_fr, name_nl, name_en).
    name = models.CharField(_("name"), max_length=80)
    #: Postal codes used in the municipality (Brussels-City has several).
    postal_codes = models.JSONField(_("postal codes"), default=list)
    #: Basins the municipality belongs to: exactly one, except Brussels-City.
    basins = models.ManyToManyField(Basin, related_name="municipalities", verbose_name=_("basins"))
    #: Approximate centre, for distance sorting when an address has no coordinates.
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostalCodeBasin(models.Model):
    """Where a municipality is split, which basin a postal code of it falls in by default.

    Brussels-City: 1000 is the centre (Centre-Ouest); 1020 Laeken, 1120 Neder-Over-Heembeek and
    1130 Haren are the north (Nord). An address can always override it (``basin`` on the address).
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    postal_code = models.CharField(_("postal code"), max_length=4)
    basin = models.ForeignKey(Basin, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "postal_code"], name="unique_postal_code_basin"
            )
        ]

    def __str__(self):
        return f"{self.postal_code} → {self.basin}"


class Situated(models.Model):
    """Where a counted situation took place (an orientation path, an unmet need, a helpdesk
    request): a municipality and its basin, both optional; nothing follows them back."""

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

    class Meta:
        abstract = True
