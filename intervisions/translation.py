"""Translated content of the intervisions (django-modeltranslation, fallback fr -> nl -> en)."""

from modeltranslation.translator import TranslationOptions, register

from .models import InvoiceIssuer


@register(InvoiceIssuer)
class InvoiceIssuerTranslation(TranslationOptions):
    fields = ("vat_mention",)
    required_languages = ()
