"""Admin of the intervisions app: read-mostly views for support; every state change goes
through the coordinators' pages (services), so statuses are read-only here."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Attendance, Cycle, Group, Invoice, Registration, Session


class GroupInline(TranslationTabularInline):
    model = Group
    extra = 0
    fields = ["name", "language", "weekday", "week_of_month", "start_time", "end_time", "cancelled"]
    readonly_fields = ["cancelled"]  # set by the publication (empty groups), never by hand


@admin.register(Cycle)
class CycleAdmin(TranslationAdmin):
    list_display = ["title", "season", "status", "registration_deadline", "anonymised_at"]
    list_filter = ["status"]
    readonly_fields = ["status", "composition", "published_at", "anonymised_at"]
    inlines = [GroupInline]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_published:
            # The groups' seats follow it: services.save_cycle resizes them (coordinators' page).
            fields.append("group_max_size")
        return fields


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
        "cycle",
        "group",  # moves go through services.move (the seat bookings follow)
        "pinned",
        "is_member",  # the member fee follows the institution's membership (services.register)
        "fee",  # the invoice's amount is the fee
    ]
    raw_id_fields = ["user", "organization"]

    def has_add_permission(self, request):
        return False  # services.register checks the cycle, the consent and the seats


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["group", "number", "date", "host"]
    list_filter = ["group__cycle"]
    raw_id_fields = ["host", "location"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["session", "registration", "status"]
    readonly_fields = ["session", "registration", "status"]  # services.record_attendance

    def has_add_permission(self, request):
        return False


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ["number", "billed_to", "amount", "issued_on", "paid_at", "cancelled"]
    # An invoice is issued by services.issue_invoice (gapless number, amount = the registration's
    # fee) and paid through services.mark_paid: nothing of it is written here.
    readonly_fields = [
        "year",
        "sequence",
        "registration",
        "billed_to",
        "amount",
        "issued_on",
        "paid_at",
        "reminded_at",
        "cancelled",  # with its credit note (services.fees.credit)
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # numbers stay without gaps
