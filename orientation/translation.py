"""Translated content of the orientation trees (modeltranslation): French, Dutch and English,
with the project's fallback (fr -> nl -> en)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Node, Tree


@register(Tree)
class TreeTranslation(TranslationOptions):
    fields = ("title", "intro")
    required_languages = ()


@register(Node)
class NodeTranslation(TranslationOptions):
    fields = ("text", "help")
    required_languages = ()


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ()
