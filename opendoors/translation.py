"""Translated content of the open doors week (fr, nl, en; fallback fr -> nl -> en)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Edition, Slot


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Slot)
class SlotTranslation(TranslationOptions):
    fields = ("description", "accessibility")
    required_languages = ()
