"""Helpdesk pages, under /<lang>/helpdesk/."""

from django.urls import path

from . import triage_views, views, watch_views

app_name = "helpdesk"

urlpatterns = [
    path("", views.my_requests, name="my_requests"),
    path("nouvelle-demande/", views.request_new, name="request_new"),
    path("demandes/<uuid:pk>/", views.request_detail, name="request_detail"),
    path("demandes/<uuid:pk>/avis/", views.feedback, name="feedback"),
    path("services/", views.service_picker, name="service_picker"),
    path("triage/", triage_views.triage, name="triage"),
    path("triage/appel/", triage_views.log_call, name="log_call"),
    path("triage/<uuid:pk>/", triage_views.triage_detail, name="triage_detail"),
    path("triage/<uuid:pk>/action/", triage_views.triage_action, name="triage_action"),
    path("triage/<uuid:pk>/repondre/", triage_views.triage_answer, name="triage_answer"),
    path(
        "triage/<uuid:pk>/sans-solution/",
        triage_views.triage_no_solution,
        name="triage_no_solution",
    ),
    path("veille/", watch_views.watch, name="watch"),
    path("veille/export.csv", watch_views.watch_csv, name="watch_csv"),
]
urlpatterns += [
    path("veille/graphique-<slug:name>.svg", watch_views.watch_chart, name="watch_chart"),
]
