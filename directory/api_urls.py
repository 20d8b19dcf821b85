"""API URLs (not language-prefixed): the read-only HSDS API under /api/hsds/."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from . import api

urlpatterns = [
    path("hsds/", api.RootView.as_view(), name="hsds-root"),
    path("hsds/services", api.ServiceListView.as_view(), name="hsds-services"),
    path("hsds/services/<uuid:id>", api.ServiceDetailView.as_view(), name="hsds-service"),
    path("hsds/organizations", api.OrganizationListView.as_view(), name="hsds-organizations"),
    path(
        "hsds/organizations/<uuid:id>",
        api.OrganizationDetailView.as_view(),
        name="hsds-organization",
    ),
    path("hsds/taxonomies", api.TaxonomyListView.as_view(), name="hsds-taxonomies"),
    path("hsds/taxonomy_terms", api.TaxonomyTermListView.as_view(), name="hsds-taxonomy-terms"),
    path(
        "hsds/service_at_locations",
        api.ServiceAtLocationListView.as_view(),
        name="hsds-service-at-locations",
    ),
    path(
        "hsds/openapi.json",
        SpectacularJSONAPIView.as_view(urlconf="directory.api_urls_schema"),
        name="hsds-openapi",
    ),
]
