"""Directory admin: coordinators edit taxonomies (translated) and can look at every sheet.
Service edits by members go through the directory pages (services layer, change log).
Statuses with rules are read-only here: an organization's and a service's publication status
change on the moderation pages (directory.services, with a change record), an error report is
closed from the coordination page; the freshness dates (last verified on, next review) are set
when a person confirms the sheet."""

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    ChangeRecord,
    ErrorReport,
    Organization,
    Service,
    Taxonomy,
    TaxonomyTerm,
    ThesaurusEntry,
    ZeroResultSearch,
)
from .search.indexer import reindex
from .services.searches import delete_entry, save_entry

#: Django 6 will assume https for URL fields; say so now (warnings fail the tests).
HTTPS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Organization)
class OrganizationAdmin(TranslationAdmin):
    formfield_overrides = HTTPS
    list_display = ["name", "sector", "status", "enterprise_number", "is_network_member"]
    list_filter = ["status", "sector", "is_network_member", "is_coordinating_body", "legal_status"]
    search_fields = ["name_fr", "name_nl", "alternate_name", "enterprise_number"]
    autocomplete_fields = ["parent"]
    # Moderation (directory.services.organizations); the freshness date is set by a person who
    # checks the sheet, never by hand.
    readonly_fields = ["status", "assured_date"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        reindex(obj.services.values_list("pk", flat=True))


class TermInline(TranslationTabularInline):
    formfield_overrides = HTTPS
    model = TaxonomyTerm
    fields = ["code", "name", "description", "position"]
    extra = 1


@admin.register(Taxonomy)
class TaxonomyAdmin(TranslationAdmin):
    formfield_overrides = HTTPS
    list_display = ["name", "code", "is_facet", "position"]
    inlines = [TermInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reindex(
            Service.objects.filter(terms__taxonomy=form.instance)
            .values_list("pk", flat=True)
            .distinct()
        )


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(TranslationAdmin):
    formfield_overrides = HTTPS
    list_display = ["name", "code", "taxonomy", "position"]
    list_filter = ["taxonomy"]
    search_fields = ["name_fr", "name_nl", "code"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        reindex(obj.services.values_list("pk", flat=True))


@admin.register(Service)
class ServiceAdmin(TranslationAdmin):
    formfield_overrides = HTTPS
    list_display = ["name", "organization", "status", "publication_status", "assured_date"]
    list_filter = ["publication_status", "status", "fee"]
    search_fields = ["name_fr", "name_nl", "organization__name_fr"]
    raw_id_fields = ["organization"]
    filter_horizontal = ["terms", "area_municipalities", "area_basins"]
    # Moderation (directory.services); the verification ("everything is still true") and the
    # next review date come from directory.services.verify_service, with a change record.
    readonly_fields = [
        "publication_status",
        "assured_date",
        "assured_by",
        "assurer_email",
        "review_due",
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reindex([form.instance.pk])


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    list_display = ["organization", "service", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["organization", "service", "reporter"]
    readonly_fields = ["status", "closed_at", "closed_by"]  # closed from the coordination page


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    list_display = [
        "resource_type",
        "resource_id",
        "field_name",
        "last_action_type",
        "updated_by",
        "last_action_date",
    ]
    list_filter = ["resource_type", "last_action_type"]
    search_fields = ["resource_id", "field_name"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ThesaurusEntry)
class ThesaurusEntryAdmin(admin.ModelAdmin):
    """Through the service, so that searches reload the thesaurus."""

    list_display = ["words", "language", "is_active", "is_reference", "modified_at"]
    list_filter = ["language", "is_active", "is_reference"]
    search_fields = ["words", "folded"]
    filter_horizontal = ["terms"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        save_entry(form.instance, form.cleaned_data["terms"])

    def delete_model(self, request, obj):
        delete_entry(obj)


@admin.register(ZeroResultSearch)
class ZeroResultSearchAdmin(admin.ModelAdmin):
    """Read-only: counted by the search page."""

    list_display = ["month", "words", "language", "basin", "count"]
    list_filter = ["month", "language"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
