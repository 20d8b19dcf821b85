"""Admin for events: coordinators create and edit events, series, types and themes here.
Saving an event goes through events.services.save_event (seats in the booking service follow):
a capacity the booking service would refuse is a form error and nothing is saved, so that
``Event.capacity`` and the booking resource's capacity never differ. Statuses with rules are
read-only here and change on the organizers' pages, through the services: an event's status
and attendance count, an expectation's status, a registration's event, table, options,
cancellation and check-in (its seat is a booking of that event; registrations are made by the
registration service, never added here), an action's status and the expectations it answers
(linking one takes it up: events.services.save_action)."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
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


class EventAdminForm(forms.ModelForm):
    online_url = forms.URLField(
        label=Event._meta.get_field("online_url").verbose_name,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Event
        # Every field: the admin leaves out its read-only ones (a short list hid the others).
        fields = "__all__"  # noqa: DJ007

    def clean(self):
        cleaned = super().clean()
        if "capacity" in cleaned:
            problem = services.capacity_problem(self.instance, cleaned["capacity"])
            if problem is not None:
                self.add_error("capacity", problem.message)
        return cleaned


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    form = EventAdminForm
    list_display = ["title", "event_type", "starts_at", "organizer", "status", "capacity"]
    list_filter = ["event_type", "status", "audience", "basin"]
    search_fields = ["title", "organizer__name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organizer"]
    raw_id_fields = ["location"]
    inlines = [OptionInline, SubGroupInline]
    # Published / cancelled and the attendance count change on the organizers' pages
    # (events.services.save_event, record_attendance).
    readonly_fields = ["status", "attendance_count", "reminder_sent_at", "created_by"]

    def save_model(self, request, obj, form, change):
        if obj.created_by_id is None:
            obj.created_by = request.user
        try:
            # The admin is open to staff only and the form checked the capacity.
            services.save_event(obj, user=services.SYSTEM)
        except BookingError as error:
            self._refuse(request, obj, error)

    def save_related(self, request, form, formsets, change):
        if getattr(form.instance, "_refused_by_booking", False):
            return
        super().save_related(request, form, formsets, change)
        try:
            services.save_event(form.instance, user=services.SYSTEM)  # the options' seats
        except BookingError as error:
            self._refuse(request, form.instance, error)

    def _refuse(self, request, obj, error):
        """Seats were taken since the form was checked (or an option's capacity is too low):
        the whole admin save is rolled back, so the event, its options and their booking
        resources keep the same capacities."""
        messages.error(request, error.message)
        obj._refused_by_booking = True
        transaction.set_rollback(True)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "created_at", "cancelled_at", "checked_in_at"]
    search_fields = ["name", "email", "event__title"]
    # The seat is a booking of the event's resource: moving a registration to another event,
    # cancelling or checking in goes through events.services.
    # A table is given by services.assign_tables (within the tables' capacities), the options
    # asked for are booked by the registration service.
    readonly_fields = [
        "event",
        "booking",
        "option_bookings",
        "wanted_options",
        "table",
        "cancelled_at",
        "checked_in_at",
    ]
    list_select_related = ["event"]

    def has_add_permission(self, request):
        return False  # events.services.register books the seat


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["event", "published_at"]
    readonly_fields = ["body", "published_at"]


@admin.register(Expectation)
class ExpectationAdmin(admin.ModelAdmin):
    list_display = ["text", "event", "theme", "status"]
    list_filter = ["status", "theme"]
    # A decline needs a reason: the status changes on the follow-up page (set_expectation_status).
    readonly_fields = ["status", "status_note"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "due_date", "basin", "series"]
    list_filter = ["status", "basin"]
    # Changed on the follow-up pages (events.services.save_action takes the expectations up).
    readonly_fields = ["status", "expectations"]
