from modeltranslation.translator import TranslationOptions, register

from .models import Location, Organization


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("name", "description", "transportation")
    required_languages = ()
