"""Admin of the intervisions app: read-mostly views for support; every state change goes
through the coordinators' pages (services), so statuses are read-only here."""

from django.contrib import admin

from .models import Attendance, Cycle, Group, Invoice, Registration, Session


class GroupInline(admin.TabularInline):
    model = Group
    extra = 0
    fields = ["name", "language", "weekday", "week_of_month", "start_time", "end_time", "cancelled"]
    readonly_fields = ["cancelled"]  # set by the publication (empty groups), never by hand


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ["title", "season", "status", "registration_deadline", "anonymised_at"]
    list_filter = ["status"]
    readonly_fields = ["status", "composition", "published_at", "anonymised_at"]
    inlines = [GroupInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "cycle", "organization", "status", "group", "fee"]
    list_filter = ["cycle", "status", "language", "sector"]
    search_fields = ["last_name", "first_name", "email"]
    readonly_fields = [
        "status",
        "consent_at",
        "consent_version",
        "choice_rank",
        "reason_code",
        "reason_details",
        "anonymised_at",
        "withdrawn_at",
        "group",  # moves go through services.move (the seat bookings follow)
        "pinned",
    ]
    raw_id_fields = ["user", "organization"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["group", "number", "date", "host"]
    list_filter = ["group__cycle"]
    raw_id_fields = ["host"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["session", "registration", "status"]
    readonly_fields = ["session", "registration", "status"]  # services.record_attendance


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ["number", "billed_to", "amount", "issued_on", "paid_at"]
    readonly_fields = ["year", "sequence", "registration", "paid_at"]  # services.mark_paid
