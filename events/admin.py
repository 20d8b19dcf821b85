"""Admin for events: coordinators create and edit events, series, types and themes here.
Saving an event goes through events.services.save_event (seats in the booking service follow)."""

from django.contrib import admin, messages
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from booking.services import BookingError

from . import services
from .models import (
    Action,
    Event,
    EventOption,
    EventType,
    Expectation,
    Registration,
    Report,
    Series,
    SubGroup,
    Theme,
)


@admin.register(EventType)
class EventTypeAdmin(TranslationAdmin):
    list_display = ["name", "code", "position"]


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "code"]


@admin.register(Series)
class SeriesAdmin(TranslationAdmin):
    list_display = ["title", "theme", "organizer", "basin"]
    autocomplete_fields = ["organizer", "steering_committee"]


class OptionInline(TranslationTabularInline):
    model = EventOption
    extra = 0


class SubGroupInline(admin.TabularInline):
    model = SubGroup
    extra = 0


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "event_type", "starts_at", "organizer", "status", "capacity"]
    list_filter = ["event_type", "status", "audience", "basin"]
    search_fields = ["title", "organizer__name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organizer"]
    raw_id_fields = ["location"]
    inlines = [OptionInline, SubGroupInline]
    readonly_fields = ["reminder_sent_at", "created_by"]

    def save_model(self, request, obj, form, change):
        if obj.created_by_id is None:
            obj.created_by = request.user
        try:
            services.save_event(obj)
        except BookingError as error:
            messages.error(request, error.message)
            obj.save()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        try:
            services.save_event(form.instance)
        except BookingError as error:
            messages.error(request, error.message)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "created_at", "cancelled_at", "checked_in_at"]
    search_fields = ["name", "email", "event__title"]
    readonly_fields = ["booking", "option_bookings", "cancelled_at"]
    list_select_related = ["event"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["event", "published_at"]
    readonly_fields = ["body", "published_at"]


@admin.register(Expectation)
class ExpectationAdmin(admin.ModelAdmin):
    list_display = ["text", "event", "theme", "status"]
    list_filter = ["status", "theme"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "due_date", "basin", "series"]
    list_filter = ["status", "basin"]
    filter_horizontal = ["expectations"]
