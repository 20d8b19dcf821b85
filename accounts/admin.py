"""Accounts admin: support looks at accounts and memberships. A membership's status and its
``is_admin`` flag have rules (a coordinator decides; an organization keeps at least one
administrator): they are read-only here and change through accounts.services."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Membership, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "first_name",
                    "last_name",
                    "function",
                    "phone",
                    "languages",
                    "preferred_language",
                ]
            },
        ),
        (_("Rights"), {"fields": ["role", "is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "status", "is_admin", "requested_at"]
    list_filter = ["status", "is_admin"]
    readonly_fields = ["status", "is_admin", "decided_at", "decided_by"]
    search_fields = ["user__email", "organization__name"]
