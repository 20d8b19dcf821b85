"""Admin of the open doors week: read-mostly. Statuses with rules (participation review, wish
round, attendance, seats) are read-only here: they change through opendoors.services."""

from django.contrib import admin

from .models import Edition, Evaluation, Participation, Slot, Visit, Wish


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ("name", "starts_on", "ends_on", "wish_round", "is_published")
    readonly_fields = ("wish_round", "allocation_figures")


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ("service", "edition", "status")
    list_filter = ("edition", "status")
    readonly_fields = ("status", "review_note")
    raw_id_fields = ("service", "enrolled_by")


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ("__str__", "day", "start_time", "capacity")
    list_filter = ("participation__edition", "day")
    raw_id_fields = ("participation", "location")
    readonly_fields = ("resource",)

    def has_add_permission(self, request):
        return False  # slots get their seats through opendoors.services.call.save_slot


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ("__str__", "attendance", "source")
    readonly_fields = [f.name for f in Visit._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Wish)
class WishAdmin(admin.ModelAdmin):
    list_display = ("__str__", "granted")
    readonly_fields = ("slot", "visitor", "rank", "granted")


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ("__str__", "usefulness", "will_orient")
    readonly_fields = ("visit", "usefulness", "will_orient", "comment")
