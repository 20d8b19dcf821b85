"""A URLconf for the 500-page test: one page that always fails."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path


def boom(request):
    raise RuntimeError("boom: secret internals")


urlpatterns = i18n_patterns(path("boom/", boom))
handler500 = "core.error_pages.server_error"
