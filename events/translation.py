from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventOption, EventType, Series, Theme


@register(EventType)
class EventTypeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Series)
class SeriesTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(EventOption)
class EventOptionTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ()
