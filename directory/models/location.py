"""HSDS ``location`` and ``address``, with the Brussels profile: the municipality and basin of
each address, and a confidential flag (shelters) that keeps the address out of every public page,
API response and export.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from territory.models import Basin, Municipality


def address_may_be_shown(is_confidential: bool, *, to_editor: bool = False) -> bool:
    """THE rule for a place's address, coordinates and directions: shown unless the place is
    confidential (a shelter); a confidential one only to the people who edit its organization's
    sheet. Pages, the map, the search results and the HSDS API and export all ask here."""
    return not is_confidential or to_editor


class LocationQuerySet(models.QuerySet):
    def public(self):
        """Locations whose address may be shown to anyone."""
        return self.filter(is_confidential=False)  # address_may_be_shown(), as a query


class Location(models.Model):
    """A place where an organization delivers services (HSDS ``location``)."""

    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("Physical place")
        POSTAL = "postal", _("Postal address only")
        VIRTUAL = "virtual", _("Online")

    #: HSDS id.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    #: The organization responsible for this location's information. HSDS makes it optional: a
    #: location imported on its own (an HSDS ``location`` file) may have none yet.
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("organization"),
    )
    #: HSDS location_type.
    location_type = models.CharField(
        _("type"), max_length=10, choices=LocationType, default=LocationType.PHYSICAL
    )
    #: Translated name (name_fr, name_nl, name_en), e.g. "Antenne Chasse".
    name = models.CharField(_("name"), max_length=255, blank=True)
    alternate_name = models.CharField(_("alternate name"), max_length=255, blank=True)
    #: Translated description.
    description = models.TextField(_("description"), blank=True)
    #: How to get there by public transport, translated.
    transportation = models.TextField(_("public transport"), blank=True)
    #: URL of a virtual location.
    url = models.URLField(_("website"), blank=True)
    #: WGS84 coordinates; null when unknown (the municipality's centre is used for distances).
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    #: Brussels profile: a confidential address (a shelter) is never shown publicly nor exported.
    is_confidential = models.BooleanField(
        _("confidential address"),
        default=False,
        help_text=_("For shelters: the address is never shown publicly, in the API or in exports."),
    )

    objects = LocationQuerySet.as_manager()

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return self.name or str(self.organization or self.pk)


class Address(models.Model):
    """A physical or postal address of a location (HSDS ``address``)."""

    #: HSDS id.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(_("attention of"), max_length=255, blank=True)
    #: Street and number.
    address_1 = models.CharField(_("street and number"), max_length=255)
    address_2 = models.CharField(_("address complement"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100)
    region = models.CharField(_("region"), max_length=100, blank=True, default="Bruxelles-Capitale")
    state_province = models.CharField(_("province"), max_length=100, blank=True, default="BRU")
    postal_code = models.CharField(_("postal code"), max_length=10)
    #: ISO 3166-1 alpha-2.
    country = models.CharField(_("country"), max_length=2, default="BE")
    address_type = models.CharField(
        _("address type"),
        max_length=10,
        choices=[("physical", _("Physical")), ("postal", _("Postal")), ("virtual", _("Virtual"))],
        default="physical",
    )
    #: Brussels profile: the municipality of the address (null outside the region).
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="addresses",
        verbose_name=_("municipality"),
    )
    #: Brussels profile: the basin, set explicitly where the municipality alone does not decide
    #: it (Brussels-City), otherwise filled from the municipality by directory.services.
    basin = models.ForeignKey(
        Basin,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="addresses",
        verbose_name=_("care basin"),
    )

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self):
        return f"{self.address_1}, {self.postal_code} {self.city}"
