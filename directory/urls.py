from django.urls import path

from .views import coordination, edit, journal, sheets, thesaurus
from .views.search import search_view

app_name = "directory"
urlpatterns = [
    path("", search_view, name="search"),
    path("organisations/", sheets.organization_list, name="organizations"),
    path("organisations/proposer/", edit.organization_propose, name="organization_propose"),
    path("organisations/<uuid:pk>/", sheets.organization_detail, name="organization"),
    path("organisations/<uuid:pk>/modifier/", edit.organization_edit, name="organization_edit"),
    path(
        "organisations/<uuid:pk>/journal/",
        journal.organization_journal,
        name="organization_journal",
    ),
    path("organisations/<uuid:pk>/signaler/", sheets.report_error_view, name="organization_report"),
    path("organisations/<uuid:pk>/services/nouveau/", edit.service_create, name="service_create"),
    path("organisations/<uuid:pk>/lieux/nouveau/", edit.location_edit, name="location_create"),
    path(
        "organisations/<uuid:pk>/lieux/<uuid:location_pk>/",
        edit.location_edit,
        name="location_edit",
    ),
    path(
        "organisations/<uuid:pk>/services/<uuid:service_pk>/signaler/",
        sheets.report_error_view,
        name="service_report",
    ),
    path("services/<uuid:pk>/", sheets.service_detail, name="service"),
    path("services/<uuid:pk>/modifier/", edit.service_edit, name="service_edit"),
    path("services/<uuid:pk>/journal/", journal.service_journal, name="service_journal"),
    path("services/<uuid:pk>/verifier/", edit.service_verify, name="service_verify"),
    path("services/<uuid:pk>/publication/", edit.service_publication, name="service_publication"),
    path("coordination/", coordination.moderation, name="moderation"),
    path(
        "coordination/organisations/<uuid:pk>/statut/",
        coordination.organization_status,
        name="organization_status",
    ),
    path("coordination/signalements/<uuid:pk>/", coordination.report_close, name="report_close"),
    path("coordination/fiches-a-verifier/", coordination.stale_sheets, name="stale"),
    path("coordination/doublons/", coordination.duplicates, name="duplicates"),
    path(
        "coordination/doublons/<uuid:pk>/fusionner/<uuid:other_pk>/",
        coordination.merge,
        name="merge",
    ),
    path(
        "coordination/doublons/<uuid:pk>/distinct/<uuid:other_pk>/",
        coordination.not_duplicate,
        name="not_duplicate",
    ),
    path("coordination/thesaurus/", thesaurus.thesaurus_list, name="thesaurus"),
    path("coordination/thesaurus/nouveau/", thesaurus.thesaurus_edit, name="thesaurus_new"),
    path("coordination/thesaurus/<int:pk>/", thesaurus.thesaurus_edit, name="thesaurus_edit"),
    path("coordination/recherches-sans-resultat/", thesaurus.zero_results, name="zero_results"),
]
