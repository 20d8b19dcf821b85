"""URLconf used only to generate the OpenAPI document of the HSDS API (paths under /api/)."""

from django.urls import include, path

from . import api_urls

urlpatterns = [
    path("api/", include([p for p in api_urls.urlpatterns if p.name != "hsds-openapi"])),
]
