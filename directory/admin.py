from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Organization


@admin.register(Organization)
class OrganizationAdmin(TranslationAdmin):
    list_display = ["name", "sector", "status", "enterprise_number", "is_network_member"]
    list_filter = ["status", "sector", "is_network_member", "legal_status"]
    search_fields = ["name_fr", "name_nl", "alternate_name", "enterprise_number"]
    autocomplete_fields = ["parent"]
