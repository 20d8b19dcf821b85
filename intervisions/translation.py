"""Which intervision fields are content in three languages (django-modeltranslation).

A cycle's title and description and a group's name get ``_fr``, ``_nl`` and ``_en`` columns;
reading ``cycle.title`` gives the active language with the fallback fr → nl → en of the
settings. Only declares fields: never reads or writes rows.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Cycle, Group


@register(Cycle)
class CycleTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(Group)
class GroupTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()
