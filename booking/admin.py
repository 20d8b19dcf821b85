"""Booking admin: read-mostly views of resources and bookings (statuses change through
booking.services only, so they are read-only here, as are capacities and the waiting-list
switch; bookings are never added here: booking.services.book checks the capacity)."""

from django.contrib import admin

from .models import Booking, Resource


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["key", "label", "capacity", "waitlist_enabled"]
    search_fields = ["key", "label"]
    readonly_fields = ["capacity", "waitlist_enabled"]  # set_capacity, set_waitlist_enabled


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["resource", "holder_type", "holder_id", "status", "created_at", "promoted_at"]
    list_filter = ["status"]
    search_fields = ["resource__key", "holder_id"]
    readonly_fields = [
        "resource",
        "holder_type",
        "holder_id",
        "status",
        "created_at",
        "promoted_at",
        "cancelled_at",
    ]

    def has_add_permission(self, request):
        return False  # booking.services.book checks the capacity under the lock
