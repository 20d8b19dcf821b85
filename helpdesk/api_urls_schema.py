"""URLconf used only to generate the OpenAPI document of the helpdesk API (under /api/)."""

from django.urls import include, path

from . import api_urls

urlpatterns = [
    path(
        "api/helpdesk/",
        include([p for p in api_urls.urlpatterns if p.name != "helpdesk-api-openapi"]),
    ),
]
