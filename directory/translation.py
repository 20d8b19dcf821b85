"""Translated content fields (modeltranslation): French, Dutch and English, with fallback."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Accessibility,
    Closure,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from .models.service import SERVICE_TEXT_FIELDS


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("name", "description", "transportation")
    required_languages = ()


@register(Taxonomy)
class TaxonomyTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


@register(TaxonomyTerm)
class TaxonomyTermTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = SERVICE_TEXT_FIELDS
    required_languages = ()


@register(ServiceAtLocation)
class ServiceAtLocationTranslation(TranslationOptions):
    fields = ("description",)
    required_languages = ()


@register(Phone)
class PhoneTranslation(TranslationOptions):
    fields = ("description",)
    required_languages = ()


@register(Schedule)
class ScheduleTranslation(TranslationOptions):
    fields = ("description",)
    required_languages = ()


@register(Closure)
class ClosureTranslation(TranslationOptions):
    fields = ("reason",)
    required_languages = ()


@register(Accessibility)
class AccessibilityTranslation(TranslationOptions):
    fields = ("description",)
    required_languages = ()
