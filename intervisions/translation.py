"""Which intervision fields are content in three languages (django-modeltranslation).

A cycle's title and description and a group's name get ``_fr``, ``_nl`` and ``_en`` columns;
reading ``cycle.title`` gives the active language with the fallback fr → nl → en of the
settings. The invoice issuer's VAT mention too. Only declares fields: never reads or writes rows.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Cycle, Group, InvoiceIssuer


@register(Cycle)
class CycleTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(Group)
class GroupTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(InvoiceIssuer)
class InvoiceIssuerTranslation(TranslationOptions):
    fields = ("vat_mention",)
    required_languages = ()
