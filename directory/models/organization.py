"""Directory: the Organization, spine of Maillage's data (Open Referral HSDS 3.x ``organization``
plus the Brussels profile: FR/NL/EN text, enterprise number, sector).

The directory issue adds services, locations, addresses, phones, schedules and taxonomies in
sibling modules. Rows are written through ``directory.services`` only.
"""

import contextlib
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..identifiers import InvalidEnterpriseNumber, normalize_enterprise_number
from ..validators import validate_enterprise_number


class Sector(models.TextChoices):
    SOCIAL = "social", _("Social action")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    HEALTH = "health", _("Health care")
    HOUSING = "housing", _("Housing")
    ADDICTION = "addiction", _("Addiction")
    YOUTH_FAMILY = "youth_family", _("Youth and family")
    MIGRATION = "migration", _("Migration and reception")
    DISABILITY = "disability", _("Disability")
    ELDERLY = "elderly", _("Older people")
    EMPLOYMENT = "employment", _("Employment and training")
    COMMUNITY = "community", _("Community and social cohesion")
    JUSTICE = "justice", _("Justice and legal aid")
    OTHER = "other", _("Other")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (awaiting moderation)")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class OrganizationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def awaiting_moderation(self):
        return self.filter(status=PublicationStatus.DRAFT)

    def coordinating_bodies(self):
        """The network's own coordinating bodies (support cells, Smes Connect...)."""
        return self.filter(is_coordinating_body=True)


class Organization(models.Model):
    """An organization of the network (HSDS ``organization``)."""

    class LegalStatus(models.TextChoices):
        ASBL = "asbl", _("Non-profit association (ASBL/VZW)")
        PUBLIC = "public", _("Public body (CPAS, municipality, region...)")
        HOSPITAL = "hospital", _("Hospital")
        COOPERATIVE = "cooperative", _("Cooperative")
        COMPANY = "company", _("Company")
        FACTUAL = "factual", _("De facto association")
        OTHER = "other", _("Other")

    #: HSDS id: a UUID.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    #: Official name, translated (name_fr, name_nl, name_en, with fallback).
    name = models.CharField(_("name"), max_length=255)
    #: Acronym or other usual name (HSDS alternate_name), e.g. "CPAS d'Etterbeek".
    alternate_name = models.CharField(_("alternate name"), max_length=255, blank=True)
    #: What the organization does, translated.
    description = models.TextField(_("description"), blank=True)
    #: Public website.
    website = models.URLField(_("website"), blank=True)
    #: General e-mail address.
    email = models.EmailField(_("e-mail"), blank=True)
    #: HSDS legal_status.
    legal_status = models.CharField(
        _("legal status"), max_length=20, choices=LegalStatus, blank=True
    )
    #: Belgian enterprise number (BCE/KBO), stored as 0123.456.749; unique when given.
    enterprise_number = models.CharField(
        _("enterprise number (BCE/KBO)"),
        max_length=12,
        blank=True,
        validators=[validate_enterprise_number],
        help_text=_("10 digits, for example 0123.456.749."),
    )
    #: HSDS parent_organization_id: e.g. a CPAS's social service under the CPAS.
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organization"),
    )
    #: Main sector, for the network map and the intervision mix.
    sector = models.CharField(_("sector"), max_length=20, choices=Sector, default=Sector.SOCIAL)
    #: Member of the network (intervision fees depend on it).
    is_network_member = models.BooleanField(_("member of the network"), default=False)
    #: The network itself (a basin's support cell, Smes Connect): default organizer of the
    #: events its coordinators create.
    is_coordinating_body = models.BooleanField(
        _("coordinating body of the network"),
        default=False,
        help_text=_("The network's own team: default organizer of its coordinators' events."),
    )
    #: Moderation state: new organizations are drafts until a coordinator publishes them.
    status = models.CharField(
        _("status"), max_length=10, choices=PublicationStatus, default=PublicationStatus.DRAFT
    )
    #: Set when a coordinator merged this (archived) record into another: its old page and API
    #: id answer with a permanent redirect to the kept organization.
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_records",
        verbose_name=_("merged into"),
        editable=False,
    )
    #: Freshness: the last time a person checked the organization's sheet.
    assured_date = models.DateField(_("last verified on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    #: Last modification (HSDS metadata); distinct from the last verification by a person.
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise_number"],
                condition=~models.Q(enterprise_number=""),
                name="unique_enterprise_number",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:organization", args=[self.pk])

    def final_record(self) -> "Organization":
        """The organization this record was merged into, following merges of merges."""
        record, seen = self, {self.pk}
        while record.merged_into_id and record.merged_into_id not in seen:
            seen.add(record.merged_into_id)
            record = record.merged_into
        return record

    def clean(self):
        super().clean()
        if self.enterprise_number:
            # An invalid number is reported by the field validator, with a translated message.
            with contextlib.suppress(InvalidEnterpriseNumber):
                self.enterprise_number = normalize_enterprise_number(self.enterprise_number)
        if self.parent_id and self.parent_id == self.pk:
            from django.core.exceptions import ValidationError

            raise ValidationError({"parent": _("An organization cannot be its own parent.")})
