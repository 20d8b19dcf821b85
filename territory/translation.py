from modeltranslation.translator import TranslationOptions, register

from .models import Basin, Municipality


@register(Basin)
class BasinTranslation(TranslationOptions):
    fields = ("name",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)
