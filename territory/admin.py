from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Basin, Municipality


@admin.register(Basin)
class BasinAdmin(TranslationAdmin):
    list_display = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(TranslationAdmin):
    list_display = ["nis_code", "name", "name_nl"]
    filter_horizontal = ["basins"]
