"""Helpdesk API URLs (not language-prefixed), under /api/helpdesk/."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from . import api

urlpatterns = [
    path("watch", api.WatchView.as_view(), name="helpdesk-api-watch"),
    path(
        "openapi.json",
        SpectacularJSONAPIView.as_view(
            urlconf="helpdesk.api_urls_schema",
            custom_settings={
                "TITLE": "Maillage needs watch API",
                "DESCRIPTION": "The needs watch's figures (coordinators only; fewer than 5 "
                "cases give null).",
                "VERSION": "1.0",
            },
        ),
        name="helpdesk-api-openapi",
    ),
]
