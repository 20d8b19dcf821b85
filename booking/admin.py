"""Booking admin: read-mostly views of resources and bookings (statuses change through
booking.services only, so they are read-only here)."""

from django.contrib import admin

from .models import Booking, Resource


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["key", "label", "capacity", "waitlist_enabled"]
    search_fields = ["key", "label"]
    readonly_fields = ["capacity"]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["resource", "holder_type", "holder_id", "status", "created_at", "promoted_at"]
    list_filter = ["status"]
    search_fields = ["resource__key", "holder_id"]
    readonly_fields = ["status", "created_at", "promoted_at", "cancelled_at"]
