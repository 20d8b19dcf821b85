"""Admin: helpdesk requests and orientation links are read-only here (the status has rules:
it changes through ``helpdesk.services`` only, from the triage pages)."""

from django.contrib import admin

from .models import HelpRequest, OrientationLink


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(HelpRequest)
class HelpRequestAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "need", "public", "municipality", "status", "assignee")
    list_filter = ("status", "need", "urgency", "basin")
    date_hierarchy = "created_at"


@admin.register(OrientationLink)
class OrientationLinkAdmin(ReadOnlyAdmin):
    list_display = ("created_on", "from_organization", "to_service", "source")
    list_filter = ("source",)
